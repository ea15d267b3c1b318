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
    """Lint files and folders as ``reportlint check`` does; returns a RunResult (``.findings``,
    ``.files``, ``.exit_code()``). Options are RunOptions fields: select, ignore, fix, cache,
    jobs, baseline … (the cache is off and one process is used unless asked)."""
    from .runner import RunOptions, run

    return run(RunOptions(paths=[str(p) for p in paths], **options))


def __getattr__(name: str):
    # Imported on first use, so ``import linter`` stays cheap.
    if name == "Config":
        from .config import Config
        return Config
    if name in ("Finding", "Fix", "Edit", "Severity"):
        from . import finding
        return getattr(finding, name)
    if name == "RunResult":
        from .runner import RunResult
        return RunResult
    raise AttributeError(name)


__all__ = ["lint_text", "lint_paths", "Config", "Finding", "Fix", "Edit", "Severity", "RunResult", "__version__"]
