"""A baseline: today's findings, accepted, so that a team is held only to new ones.

Each entry is keyed by the file's path (relative to the baseline file's folder), the rule code
and the finding's fingerprint (``linter/fingerprint.py``: the matched text and a few characters
either side, not the line number), so editing elsewhere in a file does not revive an old
finding. The file is JSON with a stable order (by path, code, line at writing time), one entry
per line, so its diffs review well; the text and message are kept for the reader.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError
from .fileio import write_whole
from .fingerprint import fingerprints

VERSION = 1


@dataclass
class Baseline:
    path: Path
    entries: dict[tuple[str, str, str], dict] = field(default_factory=dict)   # (file, code, fp) -> entry
    matched: set[tuple[str, str, str]] = field(default_factory=set)
    seen_files: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, path: Path) -> "Baseline":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{path}: no such baseline file (write one with --write-baseline)") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ConfigError(f"{path}: not a reportlint baseline: {exc}") from None
        if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
            raise ConfigError(f"{path}: not a reportlint baseline (version {VERSION} with a findings list)")
        out = cls(path)
        for e in data["findings"]:
            try:
                out.entries[(e["path"], e["code"], e["fingerprint"])] = e
            except (KeyError, TypeError):
                raise ConfigError(f"{path}: a baseline entry needs path, code and fingerprint: {e!r}") from None
        return out

    def key_path(self, file_path: str, cwd: Path) -> str:
        full = (cwd / file_path).resolve()
        try:
            return Path(os.path.relpath(full, self.path.resolve().parent)).as_posix()
        except ValueError:            # another drive on Windows
            return full.as_posix()

    def filter(self, doc, findings: list, file_path: str, cwd: Path) -> list:
        """The findings the baseline does not hold; the ones it holds are marked as matched."""
        rel = self.key_path(file_path, cwd)
        self.seen_files.add(rel)
        prints = fingerprints(doc, findings)
        kept = []
        for f in findings:
            key = (rel, f.code, prints[id(f)])
            if key in self.entries:
                self.matched.add(key)
            else:
                kept.append(f)
        return kept

    def stale(self) -> list[dict]:
        """Entries of the files linted in this run that no finding matched any more, and entries
        of files that no longer exist."""
        root = self.path.resolve().parent
        return [e for k, e in sorted(self.entries.items())
                if k not in self.matched and (k[0] in self.seen_files or not (root / k[0]).exists())]

    def write(self, keep: set[tuple[str, str, str]] | None = None) -> int:
        """Rewrite the file with only the ``keep`` keys (default: every entry)."""
        entries = [e for k, e in sorted(self.entries.items()) if keep is None or k in keep]
        write_entries(self.path, entries)
        return len(entries)


def entries_for(results, cwd: Path, baseline_path: Path) -> list[dict]:
    """Baseline entries for every finding of a run (files that could not be read have none)."""
    b = Baseline(baseline_path)
    out = []
    for r in results:
        if r.doc is None or not r.findings:
            continue
        rel = b.key_path(r.path, cwd)
        prints = fingerprints(r.doc, r.findings)
        for f in r.findings:
            out.append({"path": rel, "code": f.code, "fingerprint": prints[id(f)], "line": f.line,
                        "text": r.doc.text[f.start:f.end][:80], "message": f.message})
    out.sort(key=lambda e: (e["path"], e["code"], e["line"], e["fingerprint"]))
    return out


def write_entries(path: Path, entries: list[dict]) -> None:
    lines = ",\n".join("  " + json.dumps(e, ensure_ascii=False, sort_keys=True) for e in entries)
    body = f'{{\n "version": {VERSION},\n "tool": "reportlint",\n "findings": [\n{lines}\n ]\n}}\n'
    write_whole(path, body.encode("utf-8"))
