"""reportlint: a linter for Chinese report text.

Library use::

    from linter import lint_text, lint_paths, Config
"""
from __future__ import annotations

__version__ = "0.1.0"


def lint_text(text: str, *, path: str = "<text>", select: list[str] | None = None,
              ignore: list[str] = (), fmt: str | None = None):
    """Findings (with 1-based line and code-point column) for a string."""
    from .config import Config
    from .engine import lint_text as _lint
    from .registry import RuleSet

    rules = RuleSet(Config(root=__import__("pathlib").Path.cwd()), select=select, ignore=list(ignore)).rules
    return _lint(text, rules, path, fmt=fmt)


def lint_paths(paths, **options):
    """Lint files and folders as ``reportlint check`` does; returns a RunResult."""
    from .runner import RunOptions, run

    return run(RunOptions(paths=[str(p) for p in paths], **options))


def __getattr__(name: str):
    if name == "Config":
        from .config import Config
        return Config
    raise AttributeError(name)


__all__ = ["lint_text", "lint_paths", "Config", "__version__"]
