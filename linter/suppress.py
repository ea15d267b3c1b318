"""Silencing findings without editing the text: a suppressions file and inline directives.

Extracted reports cannot carry ``noqa`` comments, so accepted findings are named outside the
text, in ``.reportlint-ignore.yaml`` beside the configuration (or the file the ``suppressions``
key names)::

    N101: [湛江春天]                      # a rule and the texts it may flag
    - rule: P101                         # or entries with paths and a reason
      text: "1,2"
      paths: ["archive/**"]
      reason: figures copied from an English table

A finding is silenced when an entry's rule (a code or a prefix) matches and its text covers the
finding (湛江春天 covers 湛江) or lies inside it. Entries that silence nothing are reported, like
ruff's RUF100. Markdown sources may also carry ``<!-- reportlint-disable P101 -->`` …
``<!-- reportlint-enable P101 -->`` (no codes: every rule).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError

NAMES = (".reportlint-ignore.yaml", ".reportlint-ignore.yml")
_DIRECTIVE = re.compile(r"<!--\s*reportlint-(disable|enable)((?:[\s,]+[A-Z][0-9]{3}|[\s,]+[A-Z][0-9]{0,2})*)\s*-->")


@dataclass
class Entry:
    rule: str
    text: str
    paths: tuple[str, ...] = ()
    reason: str = ""
    line: int = 0
    used: int = 0

    def applies_to(self, rel_path: str) -> bool:
        # The same gitignore-style globs as per-file-ignores.
        from .paths import glob_match
        return not self.paths or any(glob_match(rel_path, p) for p in self.paths)


@dataclass
class Suppressions:
    path: Path | None = None
    entries: list[Entry] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> "Suppressions":
        from .yamlio import line_of, read_yaml
        node = read_yaml(path)
        out = cls(path)
        if node is None:
            return out
        items: list[tuple[dict, int]] = []
        if isinstance(node, dict):
            for rule, texts in node.items():
                if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
                    raise ConfigError(f"{path}:{line_of(node, rule)}: {rule}: must be a list of texts")
                items += [({"rule": rule, "text": t}, line_of(node, rule)) for t in texts]
        elif isinstance(node, list):
            for i, item in enumerate(node):
                if not isinstance(item, dict):
                    raise ConfigError(f"{path}:{line_of(node, i)}: an entry is a mapping with rule and text")
                items.append((dict(item), line_of(node, i)))
        else:
            raise ConfigError(f"{path}:1: a suppressions file is a mapping of rules to texts, or a list of entries")
        for item, line in items:
            unknown = set(item) - {"rule", "text", "paths", "reason"}
            if unknown:
                raise ConfigError(f"{path}:{line}: unknown key(s) {', '.join(sorted(map(str, unknown)))} "
                                  "(an entry has rule, text, paths and reason)")
            rule, text = item.get("rule"), item.get("text")
            if not isinstance(rule, str) or not re.fullmatch(r"[A-Z][0-9]{0,3}", rule):
                raise ConfigError(f"{path}:{line}: rule must be a rule code or prefix such as N101 or P")
            if not isinstance(text, str) or not text:
                raise ConfigError(f"{path}:{line}: text must be a non-empty string")
            paths = item.get("paths") or []
            if isinstance(paths, str):
                paths = [paths]
            if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
                raise ConfigError(f"{path}:{line}: paths must be a list of globs")
            out.entries.append(Entry(rule, text, tuple(paths), str(item.get("reason") or ""), line))
        return out

    def filter(self, text: str, rel_path: str, findings: list) -> list:
        """The findings no entry silences; entries that silence one are counted as used."""
        entries = [e for e in self.entries if e.applies_to(rel_path)]
        if not entries:
            return findings
        spans: dict[str, list[tuple[int, int]]] = {}
        for e in entries:
            if e.text not in spans:
                spans[e.text] = [(m.start(), m.start() + len(e.text)) for m in re.finditer(re.escape(e.text), text)]
        kept = []
        for f in findings:
            hit = None
            for e in entries:
                if f.code.startswith(e.rule) and any(s <= f.start and f.end <= t or (f.start <= s and t <= f.end)
                                                     for s, t in spans[e.text]):
                    hit = e
                    break
            if hit is None:
                kept.append(f)
            else:
                hit.used += 1
        return kept

    def unused(self) -> list[Entry]:
        return [e for e in self.entries if not e.used]


def inline_filter(text: str, findings: list) -> list:
    """Drop findings inside ``<!-- reportlint-disable [codes] -->`` … ``enable`` regions."""
    if "reportlint-disable" not in text:
        return findings
    regions: list[tuple[int, int, tuple[str, ...]]] = []
    open_at: dict[tuple[str, ...], int] = {}
    for m in _DIRECTIVE.finditer(text):
        codes = tuple(sorted(c for c in re.split(r"[\s,]+", m.group(2)) if c))
        if m.group(1) == "disable":
            open_at.setdefault(codes, m.start())
        elif codes in open_at:
            regions.append((open_at.pop(codes), m.end(), codes))
        elif not codes:                       # a bare enable closes everything
            regions += [(s, m.end(), c) for c, s in open_at.items()]
            open_at.clear()
    regions += [(s, len(text), c) for c, s in open_at.items()]
    return [f for f in findings
            if not any(s <= f.start < e and (not codes or f.code.startswith(codes)) for s, e, codes in regions)]


def find_file(root: Path) -> Path | None:
    for name in NAMES:
        p = root / name
        if p.is_file():
            return p
    return None
