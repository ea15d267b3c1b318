"""Simplified and traditional characters: OpenCC's dictionaries, indexed once.

OpenCC (opencc-python-reimplemented) converts whole texts at about 2 MB/s. A linter only needs
to know where a text departs from its own script, so the dictionaries are indexed instead:

- a simplified text is scanned for *traditional-only* characters (經, 濟) with a byte-level
  Aho-Corasick automaton, at the speed of a single pass;
- a traditional text is mapped character by character to simplified (one ``str.translate``),
  OpenCC's phrases are found in that rendering with one automaton, and each character is
  compared with what the longest phrase covering it says it should be. Where no phrase
  covers a character, OpenCC's per-character default decides only for characters that are
  not valid traditional at all (这, 们), for those the data says are traditional only inside
  known phrases (后 outside 皇后), and for contextual patterns (余 after a numeral is 餘).

Variants a traditional standard allows both ways (台/臺, 群/羣, 裏/裡, OpenCC's Taiwan and
Hong Kong variant tables, and ``rules/data/script.yaml``) are folded before comparing, so they
are never reported.
"""
from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

import ahocorasick_rs

from .resources import data_file

SENTENCE_END = "。！？!?\n"


def _opencc_dir() -> str:
    import opencc
    return os.path.join(os.path.dirname(opencc.__file__), "dictionary")


def _read(name: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    with open(os.path.join(_opencc_dir(), name), encoding="utf-8") as fh:
        for line in fh:
            key, _, value = line.rstrip("\n").partition("\t")
            if key and value:
                out[key] = value.split(" ")
    return out


@dataclass
class Suspect:
    start: int
    end: int
    found: str
    expected: str
    kind: str           # traditional (in simplified text) | simplified (in traditional) | conversion
    certain: bool       # the evidence allows one answer only (a safe fix)
    passage: bool = False


class Tables:
    def __init__(self):
        from .yamlio import read_data
        self.data = read_data(data_file("script.yaml")) or {}
        self.s2t = _read("STCharacters.txt")
        self.t2s = _read("TSCharacters.txt")
        self.trad_only = frozenset(c for c, v in self.t2s.items() if c not in v and c not in self.s2t)
        self.simp_only = frozenset(c for c, v in self.s2t.items() if c not in v and c not in self.t2s)
        self.t2s_table = {ord(c): v[0] for c, v in self.t2s.items() if len(c) == 1}
        self.fold = self._fold_table()
        self.phrase_only = frozenset(self.data.get("phrase_only") or [])
        self.nonstandard = {str(k): str(v) for k, v in (self.data.get("nonstandard") or {}).items()}
        self.native = {c: group[0] for group in self.data.get("native_variants") or [] for c in group}
        self.patterns = self._patterns()
        self.tw_table = {ord(k): v[0] for k, v in _read("TWVariants.txt").items() if len(k) == 1}
        self.hk_table = {ord(k): v[0] for k, v in _read("HKVariants.txt").items() if len(k) == 1}

    def _fold_table(self) -> dict[str, str]:
        """Each character of a variant group -> one representative of the group."""
        parent: dict[str, str] = {}

        def find(c: str) -> str:
            while parent.get(c, c) != c:
                c = parent[c]
            return c

        def union(a: str, b: str) -> None:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

        for name in ("TWVariants.txt", "HKVariants.txt"):
            for k, vs in _read(name).items():
                if len(k) == 1:
                    for v in vs:
                        if len(v) == 1:
                            union(k, v)
        for group in self.data.get("variants") or []:
            for other in group[1:]:
                union(group[0], other)
        return {c: find(c) for c in parent}

    def _patterns(self):
        import regex
        out: dict[str, list[tuple]] = {}
        for p in self.data.get("patterns") or []:
            out.setdefault(p["char"], []).append((regex.compile(f"(?:{p['before']})\\Z"), p["write"]))
        return out

    # -- automata (built on first use) -----------------------------------
    @cached_property
    def trad_only_automaton(self) -> ahocorasick_rs.BytesAhoCorasick:
        return ahocorasick_rs.BytesAhoCorasick([c.encode() for c in sorted(self.trad_only)])

    @cached_property
    def simp_only_automaton(self) -> ahocorasick_rs.BytesAhoCorasick:
        return ahocorasick_rs.BytesAhoCorasick([c.encode() for c in sorted(self.simp_only)])

    @cached_property
    def phrases(self) -> dict[str, tuple[str, bool]]:
        """Simplified phrase -> (traditional phrase, whether it is the only reading)."""
        out = {k: (v[0], len(v) == 1) for k, v in _read("STPhrases.txt").items()}
        for simp, trad in (self.data.get("phrases") or {}).items():
            out[simp] = (trad, True)
        return out

    @cached_property
    def phrase_automaton(self) -> tuple[ahocorasick_rs.AhoCorasick, list[str]]:
        keys = sorted(self.phrases)
        return ahocorasick_rs.AhoCorasick(keys, implementation=ahocorasick_rs.Implementation.ContiguousNFA), keys

    @cached_property
    def simplified_ok(self) -> tuple[str, ...]:
        """Words a simplified text writes with traditional characters (TSPhrases that keep them)."""
        words = [k for k, v in _read("TSPhrases.txt").items() if k in v]
        return tuple(sorted(set(words) | set(self.data.get("simplified_ok") or [])))

    # -- helpers ------------------------------------------------------------
    def same(self, a: str, b: str) -> bool:
        return a == b or self.fold.get(a, a) == self.fold.get(b, b)

    def to_standard(self, text: str, standard: str) -> str:
        if standard == "tw":
            return text.translate(self.tw_table)
        if standard == "hk":
            return text.translate(self.hk_table)
        return text

    def to_simplified(self, text: str) -> str:
        return text.translate(self.t2s_table)

    def to_traditional_chars(self, text: str) -> str:
        return "".join(self.s2t[c][0] if c in self.s2t else c for c in text)


@lru_cache(maxsize=1)
def tables() -> Tables:
    return Tables()


def byte_matches_to_chars(text: str, data: bytes, matches) -> list[int]:
    """Character offsets of single-character byte matches, walking the text once."""
    out = []
    char_pos = byte_pos = 0
    for _, s, _e in sorted(matches, key=lambda m: m[1]):
        char_pos += len(data[byte_pos:s].decode("utf-8"))
        byte_pos = s
        out.append(char_pos)
    return out


def positions_of(text: str, automaton: ahocorasick_rs.BytesAhoCorasick) -> list[int]:
    data = text.encode("utf-8")
    return byte_matches_to_chars(text, data, automaton.find_matches_as_indexes(data))


def script_counts(text: str) -> tuple[int, int]:
    """(traditional-only, simplified-only) characters in a sample of the text."""
    t = tables()
    sample = text if len(text) <= 60_000 else text[:30_000] + text[-30_000:]
    data = sample.encode("utf-8")
    return (len(t.trad_only_automaton.find_matches_as_indexes(data)),
            len(t.simp_only_automaton.find_matches_as_indexes(data)))


def standard_of(text: str) -> str:
    """'tw', 'hk' or 'generic': which variant table the text follows more."""
    t = tables()
    tw_forms = set(t.tw_table.values()) - set(t.hk_table.values())
    hk_forms = set(t.hk_table.values()) - set(t.tw_table.values())
    tw = sum(text.count(c) for c in tw_forms)
    hk = sum(text.count(c) for c in hk_forms)
    if tw == hk:
        return "generic"
    return "tw" if tw > hk else "hk"


# -- suspects in simplified text ------------------------------------------------

def traditional_in_simplified(text: str) -> list[Suspect]:
    t = tables()
    positions = positions_of(text, t.trad_only_automaton)
    if not positions:
        return []
    ok = _covered_by(text, t.simplified_ok)
    positions = [p for p in positions if p not in ok]
    return _group(text, positions, lambda c: t.t2s[c][0], "traditional",
                  certain=lambda c: len(t.t2s[c]) == 1, passage_of=lambda s: _share(s, t.trad_only, t.simp_only))


# -- suspects in traditional text ------------------------------------------------

def simplified_in_traditional(text: str, standard: str) -> list[Suspect]:
    """Characters that are not traditional at all (这, 们); whole pasted sentences as one."""
    t = tables()
    positions = positions_of(text, t.simp_only_automaton)
    positions = [p for p in positions if not _variant_ok(t, text[p])]
    if not positions:
        return []
    return _group(text, positions, lambda c: t.to_standard(t.s2t[c][0], standard), "simplified",
                  certain=lambda c: len(t.s2t[c]) == 1, passage_of=lambda s: _share(s, t.simp_only, t.trad_only))


def _variant_ok(t: Tables, c: str) -> bool:
    """A 'simplified-only' character that is a variant the standard allows (群 for 羣)."""
    return any(t.same(c, trad) for trad in t.s2t.get(c, ()))


def wrong_conversions(text: str, standard: str) -> list[Suspect]:
    """Characters that are traditional but wrong for their word (示范 for 示範, 復雜 for 複雜).

    The simplified rendering is segmented as OpenCC does, longest phrase first from the left
    (成长|发展, not 长发), except that a strictly longer phrase starting inside the current one
    takes over (聚焦干细胞: 干细胞, not 焦干). A document converted from
    simplified text (it still holds simplified characters, or leaves them in words at a rate
    no native text does) is judged on every phrase; a native traditional text, which writes
    its own standard's forms (占了, 回復, 自製), is not held to pairs its standard accepts, and a
    traditional character written for another needs a phrase of three characters or more.
    """
    t = tables()
    simp = t.to_simplified(text)
    ac, keys = t.phrase_automaton
    phrases = t.phrases
    found: list[tuple[Suspect, str, bool]] = []          # (suspect, type, only weak evidence)
    segments = _segment(ac.find_matches_as_indexes(simp, overlapping=True), keys)
    for i, s in segments:
        trad, only = phrases[keys[i]]
        e = s + len(trad)
        if text[s:e] == trad:
            continue      # most phrases already read right
        wrong = [j for j in range(s, e) if not t.same(text[j], trad[j - s]) and text[j] not in t.simp_only]
        if not wrong:
            continue
        expected = "".join(trad[j - s] if j in wrong else text[j] for j in range(s, e))
        # Type A: the simplified character itself was left; type B: another traditional one.
        kind = "A" if all(t.t2s.get(text[j], [text[j]])[0] == text[j] for j in wrong) else "B"
        # A short phrase is weak evidence in native traditional text (see _converted).
        found.append((Suspect(s, e, text[s:e], t.to_standard(expected, standard), "conversion", only),
                      kind, e - s < 3))
    # Characters no phrase covers: non-standard forms, phrase-only characters, contextual patterns.
    seg_starts = [s for _, s in segments]
    seg_ends = [s + len(keys[i]) for i, s in segments]

    def covered(p: int) -> bool:
        k = bisect.bisect_right(seg_starts, p) - 1
        return k >= 0 and p < seg_ends[k]

    for c in t.phrase_only | set(t.patterns) | set(t.nonstandard):
        p = text.find(c)
        while p >= 0:
            if not covered(p):
                write = t.nonstandard.get(c) or (_pattern_write(t, text, p) if c in t.patterns else None)
                if write is None and c in t.phrase_only and c in t.s2t:
                    write = t.s2t[c][0]
                if write and not t.same(c, write):
                    found.append((Suspect(p, p + 1, c, t.to_standard(write, standard), "conversion",
                                          c in t.nonstandard), "A", False))
            p = text.find(c, p + 1)
    if not _converted(text, found):
        # Native traditional text: a traditional character for another (type B) needs a phrase
        # of three characters or more, and the pairs its standard accepts (占/佔) are fine.
        found = [f for f in found if not (f[1] == "B" and f[2]) and not _native_ok(t, f[0])]
    out = [f[0] for f in found]
    out.sort(key=lambda s: s.start)
    return out


def _segment(matches, keys: list[str]) -> list[tuple[int, int]]:
    """(phrase index, start) of the phrases a forward maximum matching keeps."""
    at: dict[int, tuple[int, int]] = {}          # start -> (length, phrase index) of the longest
    for i, s, e in matches:
        if s not in at or e - s > at[s][0]:
            at[s] = (e - s, i)
    out = []
    pos = -1
    for s in sorted(at):
        if s < pos:
            continue
        length, i = at[s]
        # A strictly longer phrase starting inside this one wins (焦干 -> 干细胞).
        inner = [(q, at[q]) for q in range(s + 1, s + length) if q in at and at[q][0] > length]
        if inner:
            continue
        out.append((i, s))
        pos = s + length
    return out


def _native_ok(t: Tables, s: Suspect) -> bool:
    return all(a == b or t.native.get(a, a) == t.native.get(b, b) for a, b in zip(s.found, s.expected))


def _converted(text: str, found: list[tuple[Suspect, str, bool]]) -> bool:
    """Does the text look converted from simplified by a character-by-character converter?"""
    t = tables()
    if any(not _variant_ok(t, c) for c in t.simp_only.intersection(text)):
        return True   # a simplified character that no standard allows (not 群 for 羣)
    han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff") or 1
    left = sum(1 for _, kind, _ in found if kind == "A")
    return left >= 5 and left * 10_000 / han >= 10


def _pattern_write(t: Tables, text: str, p: int) -> str | None:
    for before, write in t.patterns.get(text[p], ()):
        if before.search(text, max(0, p - 6), p):
            return write
    return None


# -- shared --------------------------------------------------------------------

def _covered_by(text: str, words) -> set[int]:
    out: set[int] = set()
    for w in words:
        p = text.find(w)
        while p >= 0:
            out.update(range(p, p + len(w)))
            p = text.find(w, p + 1)
    return out


def _share(sentence: str, mine: frozenset, theirs: frozenset) -> float:
    """Share of the script-specific characters of a sentence that belong to ``mine``."""
    a = sum(1 for c in sentence if c in mine)
    b = sum(1 for c in sentence if c in theirs)
    return a / (a + b) if a + b else 0.0


def _group(text: str, positions: list[int], convert, kind: str, certain, passage_of) -> list[Suspect]:
    """Runs of adjacent characters become one suspect; a sentence mostly in the other script
    (a pasted passage) becomes one suspect for the whole sentence."""
    out: list[Suspect] = []
    # Sentence ends are listed once and bisected: a search per character would be quadratic
    # on a long line.
    stops = [m.start() for m in re.finditer(f"[{re.escape(SENTENCE_END)}]", text)]
    i = 0
    while i < len(positions):
        p = positions[i]
        k = bisect.bisect_left(stops, p)
        s_start = stops[k - 1] + 1 if k else 0
        s_end = stops[k] + 1 if k < len(stops) else len(text)
        in_sentence = positions[i:bisect.bisect_left(positions, s_end, i)]
        sentence = text[s_start:s_end]
        if len(in_sentence) >= 3 and passage_of(sentence) >= 0.8:
            a, b = in_sentence[0], in_sentence[-1] + 1
            found = text[a:b]
            expected = "".join(convert(c) if j in set(in_sentence) else c for j, c in zip(range(a, b), found))
            out.append(Suspect(a, b, found, expected, kind, all(certain(text[q]) for q in in_sentence), True))
            i += len(in_sentence)
            continue
        j = i
        while j + 1 < len(positions) and positions[j + 1] == positions[j] + 1:
            j += 1
        a, b = positions[i], positions[j] + 1
        found = text[a:b]
        out.append(Suspect(a, b, found, "".join(convert(c) for c in found), kind,
                           all(certain(c) for c in found)))
        i = j + 1
    return out
