"""A content-hash cache of findings, so unchanged files are not linted again.

An entry's key hashes the file's bytes, the path it is shown as, everything that decides which
rules run and how (the configuration's key, per-file ignores, stated context, encoding), and
the tool itself: its version and the size and modification time of every source and data file
of the linter and of the user's rule packs. Entries are JSON (never pickle: a cache folder
must not be able to run code), written atomically under ``.reportlint_cache/``. Only plain
runs use it; ``--fix`` and ``--diff`` always lint.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from . import __version__, jsonio
from .fileio import write_whole
from .finding import Applicability, Edit, Finding, Fix, Severity

FOLDER = ".reportlint_cache"


@lru_cache(maxsize=1)
def _tool_stamp() -> str:
    """Size and mtime of every file of the linter and its built-in packs and data."""
    from .resources import builtin_packs_dir
    h = hashlib.sha256(__version__.encode())
    for folder in (Path(__file__).resolve().parent, builtin_packs_dir()):
        for p in sorted(folder.rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts:
                st = p.stat()
                h.update(f"{p.relative_to(folder)}\x1f{st.st_size}\x1f{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


class Cache:
    def __init__(self, root: Path):
        self.folder = root / FOLDER

    def key(self, data: bytes, shown: str, config_key: tuple, packs: list[Path], extra: object) -> str:
        h = hashlib.sha256(_tool_stamp().encode())
        for p in packs:
            try:
                st = p.stat()
                h.update(f"{p}\x1f{st.st_size}\x1f{st.st_mtime_ns}".encode())
            except OSError:
                h.update(str(p).encode())
        h.update(repr((shown, config_key, extra)).encode("utf-8", "surrogatepass"))
        h.update(hashlib.sha256(data).digest())
        return h.hexdigest()

    def get(self, key: str) -> list[Finding] | None:
        try:
            raw = (self.folder / key[:2] / f"{key}.json").read_bytes()
            return [_finding(d) for d in jsonio.loads(raw)]
        except (OSError, ValueError, KeyError, TypeError):
            return None               # a missing, old or damaged entry: lint again

    def ready(self) -> bool:
        """Make the folder (with a .gitignore that ignores it all); False if it cannot be."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            gitignore = self.folder / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("*\n", encoding="utf-8")
            return True
        except OSError:
            return False

    def put(self, key: str, findings: list[Finding]) -> None:
        folder = self.folder / key[:2]
        if not self.ready():
            return
        try:
            folder.mkdir(exist_ok=True)
            write_whole(folder / f"{key}.json",
                        jsonio.dumps([_plain(f) for f in findings]).encode("utf-8", "surrogatepass"))
        except OSError:
            pass                      # a read-only folder: run without a cache


def _plain(f: Finding) -> list:
    return [f.code, f.name, f.category, f.severity.value, f.message, f.start, f.end, f.path, f.line, f.column,
            f.end_line, f.end_column, f.group, f.subsumes,
            [[x.applicability.value, x.title, [[e.start, e.end, e.content, e.line, e.column, e.end_line,
                                                e.end_column] for e in x.edits]] for x in f.fixes]]


_SEVERITIES = {s.value: s for s in Severity}           # faster than calling the enum
_APPLICABILITIES = {a.value: a for a in Applicability}


def _finding(d: list) -> Finding:
    (code, name, category, severity, message, start, end, path, line, column, end_line, end_column,
     group, subsumes, fixes) = d
    if fixes:
        fixes = tuple([Fix(tuple([Edit(*e) for e in edits]), _APPLICABILITIES[app], title)
                       for app, title, edits in fixes])
    return Finding(code, name, category, _SEVERITIES[severity], message, start, end, tuple(fixes),
                   path, line, column, end_line, end_column, group, subsumes)
