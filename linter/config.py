"""User configuration: ``.reportlint.yaml`` or ``[tool.reportlint]`` in ``pyproject.toml``.

Like ruff, the configuration that applies to a file is the nearest one found
walking up from the file's folder; paths inside it (excludes, per-file
ignores, extra packs) are relative to its folder. Every key is checked: an
unknown key, a wrong type or an unknown rule code is an error naming the
file and line, never silently ignored.
"""
from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .finding import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAMES = (".reportlint.yaml", ".reportlint.yml")
DEFAULT_INCLUDE = ("*.txt", "*.text", "*.md", "*.markdown")
# Never walked into when linting a folder (named files are still linted).
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", ".tox", "node_modules", "__pycache__",
                   ".reportlint_cache", ".mypy_cache", ".pytest_cache", ".ruff_cache", "build", "dist",
                   "*.egg-info")

# key: (type, description); lists are lists of strings unless said otherwise.
SCHEMA: dict[str, tuple[type, str]] = {
    "select": (list, "rule codes or prefixes to run (default: every rule enabled by default)"),
    "extend-select": (list, "rule codes or prefixes to run in addition"),
    "ignore": (list, "rule codes or prefixes not to run"),
    "fail-on": (str, "lowest severity that makes the run fail: error, warning or info"),
    "severity": (dict, "severity per rule code, e.g. {P102: warning}"),
    "per-file-ignores": (dict, "glob -> list of rule codes or prefixes to ignore in matching files"),
    "exclude": (list, "globs of files and folders not to lint"),
    "include": (list, "globs of the files linted when a folder is given"),
    "extend-packs": (list, "extra rule pack files (YAML), relative to this configuration"),
    "rules": (dict, "options per rule code, e.g. {U101: {target: majority}}"),
    "encoding": (str, "decode files with this codec instead of detecting UTF-8/UTF-16"),
    "context": (dict, "facts about the documents: {jurisdiction: 湛河区, year: 2026, script: traditional, standard: tw}"),
    "per-file-context": (dict, "glob -> context for matching files"),
    "baseline": (str, "a baseline file of accepted findings (written by --write-baseline), relative to this configuration"),
    "suppressions": (str, "a suppressions file (default: .reportlint-ignore.yaml beside this configuration)"),
}
CONTEXT_KEYS = {"jurisdiction": str, "year": int, "script": str, "standard": str}
CONTEXT_CHOICES = {"script": ("simplified", "traditional"), "standard": ("tw", "hk", "generic")}


@dataclass
class Config:
    root: Path                                   # folder the relative paths are resolved against
    source: Path | None = None                   # the file it was read from
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: Severity = Severity.WARNING
    severity: dict[str, Severity] = field(default_factory=dict)
    per_file_ignores: list[tuple[str, list[str]]] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    extend_packs: list[Path] = field(default_factory=list)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    encoding: str | None = None
    context: dict[str, Any] = field(default_factory=dict)
    per_file_context: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    baseline: Path | None = None
    suppressions: Path | None = None
    # Line of each key in the source file (0 when unknown, as in TOML).
    lines: dict[str, int] = field(default_factory=dict)

    def where(self, key: str) -> str:
        if self.source is None:
            return "command line"
        line = self.lines.get(key, 0)
        return f"{self.source}:{line}" if line else str(self.source)

    def key(self) -> tuple:
        """What makes two configurations lint the same way (for caching rule sets)."""
        return (tuple(self.select) if self.select is not None else None, tuple(self.extend_select),
                tuple(self.ignore), tuple(sorted((k, v.value) for k, v in self.severity.items())),
                tuple(str(p) for p in self.extend_packs), repr(sorted(self.rule_options.items())))

    def ignored_for(self, rel_path: str) -> list[str]:
        """Codes and prefixes the per-file-ignores switch off for this path."""
        from .paths import glob_match
        out: list[str] = []
        for glob, codes in self.per_file_ignores:
            if glob_match(rel_path, glob):
                out.extend(codes)
        return out

    def context_for(self, rel_path: str) -> dict[str, Any]:
        """The stated context of a file: the configuration's, then matching per-file entries."""
        from .paths import glob_match
        out = dict(self.context)
        for glob, ctx in self.per_file_context:
            if glob_match(rel_path, glob):
                out.update(ctx)
        return out


def load_config(path: Path) -> Config:
    path = path.resolve()
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read: {exc}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from None
        table = data.get("tool", {}).get("reportlint")
        if table is None:
            raise ConfigError(f"{path}: has no [tool.reportlint] table")
        return parse_config(table, path, {})
    from .yamlio import line_of, plain, read_yaml   # here: most runs read no YAML at all
    node = read_yaml(path)
    if node is None:
        node = {}
    if not isinstance(node, dict):
        raise ConfigError(f"{path}:1: the configuration must be a mapping of keys to values")
    lines = {str(k): line_of(node, k) for k in node}
    return parse_config(plain(node), path, lines)


def parse_config(data: dict, source: Path | None, lines: dict[str, int]) -> Config:
    root = source.parent if source else Path.cwd()
    cfg = Config(root=root, source=source, lines=lines)

    def fail(key: str, msg: str) -> ConfigError:
        return ConfigError(f"{cfg.where(key)}: {key}: {msg}")

    for key, value in data.items():
        if key not in SCHEMA:
            close = difflib.get_close_matches(key.replace("_", "-"), list(SCHEMA), n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]!r}?)" if close else f" (known keys: {', '.join(SCHEMA)})"
            raise fail(key, f"unknown key{hint}")
        typ, _ = SCHEMA[key]
        if not isinstance(value, typ) or isinstance(value, bool):
            raise fail(key, f"must be a {'list' if typ is list else 'mapping' if typ is dict else 'string'}")
        if typ is list and not all(isinstance(v, str) for v in value):
            raise fail(key, "must be a list of strings")
    if "select" in data:
        cfg.select = [s.strip() for s in data["select"]]
    cfg.extend_select = [s.strip() for s in data.get("extend-select", [])]
    cfg.ignore = [s.strip() for s in data.get("ignore", [])]
    if "fail-on" in data:
        cfg.fail_on = parse_severity(data["fail-on"], lambda m: fail("fail-on", m))
    for code, sev in data.get("severity", {}).items():
        cfg.severity[str(code)] = parse_severity(sev, lambda m: fail("severity", m))
    for glob, codes in data.get("per-file-ignores", {}).items():
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise fail("per-file-ignores", f"{glob!r} must map to a list of rule codes")
        cfg.per_file_ignores.append((str(glob), [c.strip() for c in codes]))
    cfg.exclude = list(data.get("exclude", []))
    if "include" in data:
        cfg.include = list(data["include"])
    cfg.extend_packs = [(root / p) for p in data.get("extend-packs", [])]
    for code, opts in data.get("rules", {}).items():
        if not isinstance(opts, dict):
            raise fail("rules", f"{code}: options must be a mapping")
        cfg.rule_options[str(code)] = dict(opts)
    if "encoding" in data:
        cfg.encoding = data["encoding"]
    if "baseline" in data:
        cfg.baseline = root / data["baseline"]
    if "suppressions" in data:
        cfg.suppressions = root / data["suppressions"]
        if not cfg.suppressions.is_file():
            raise fail("suppressions", f"no such file: {data['suppressions']}")
    if "context" in data:
        cfg.context = check_context(data["context"], lambda m: fail("context", m))
    for glob, ctx in data.get("per-file-context", {}).items():
        if not isinstance(ctx, dict):
            raise fail("per-file-context", f"{glob!r} must map to a context mapping")
        cfg.per_file_context.append((str(glob), check_context(ctx, lambda m: fail("per-file-context", m))))
    return cfg


def check_context(ctx: dict, fail) -> dict[str, Any]:
    """Validate stated document facts; a jurisdiction must name exactly one division."""
    out = {}
    for key, value in ctx.items():
        typ = CONTEXT_KEYS.get(key)
        if typ is None:
            raise fail(f"unknown context key {key!r} (known: {', '.join(CONTEXT_KEYS)})")
        if not isinstance(value, typ) or isinstance(value, bool):
            raise fail(f"{key} must be {'a whole number' if typ is int else 'a string'}")
        if key in CONTEXT_CHOICES and value not in CONTEXT_CHOICES[key]:
            raise fail(f"{key} must be one of {', '.join(CONTEXT_CHOICES[key])}")
        out[key] = value
    if "jurisdiction" in out:
        problem = jurisdiction_problem(out["jurisdiction"], out.get("year"))
        if problem:
            raise fail(problem)
    return out


def jurisdiction_problem(name: str, year: int | None = None) -> str | None:
    """Why ``name`` does not name exactly one division, or None when it does."""
    if name.strip() in ("national", "全国", "全國"):
        return None
    from .gazetteer import load   # loaded only when a jurisdiction is stated
    g = load()
    found = g.lookup(name, min(year, g.max_year) if year else g.max_year)
    codes = {e.code for e in found}
    if not found:
        return f"jurisdiction {name!r} is not a division in the gazetteer"
    if len(codes) > 1:
        options = "; ".join(sorted({"".join(a.name for a in reversed(g.ancestors(e))) + e.name + f" ({e.code})"
                                    for e in found})[:4])
        return f"jurisdiction {name!r} is ambiguous: {options}; qualify it (平顶山市湛河区) or give the code"
    return None


def parse_severity(value: Any, fail) -> Severity:
    try:
        return Severity(str(value).lower())
    except ValueError:
        raise fail(f"{value!r} is not a severity (error, warning or info)") from None


class ConfigResolver:
    """Finds and caches the configuration that applies to each file."""

    def __init__(self, explicit: Path | None = None, cwd: Path | None = None):
        self.cwd = (cwd or Path.cwd()).resolve()
        self._explicit = load_config(explicit) if explicit else None
        self._by_dir: dict[Path, Config] = {}
        self._loaded: dict[Path, Config] = {}

    def for_path(self, path: Path) -> Config:
        if self._explicit is not None:
            return self._explicit
        from .paths import resolved
        start = resolved(path)
        folder = start if start.is_dir() else start.parent
        return self._for_dir(folder)

    def _for_dir(self, folder: Path) -> Config:
        seen = []
        cur: Path | None = folder
        found: Config | None = None
        while cur is not None:
            if cur in self._by_dir:
                found = self._by_dir[cur]
                break
            seen.append(cur)
            source = find_config_file(cur)
            if source is not None:
                found = self._loaded.get(source) or load_config(source)
                self._loaded[source] = found
                break
            cur = cur.parent if cur.parent != cur else None
        if found is None:
            found = Config(root=self.cwd)
        for d in seen:
            self._by_dir[d] = found
        return found


def find_config_file(folder: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return None  # not ours to judge unless it has our table
        if "reportlint" in data.get("tool", {}):
            return pyproject
    return None
