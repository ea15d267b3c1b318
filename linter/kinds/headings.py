"""``headings``: Markdown heading levels that disagree with the document's outline.

Chinese reports number their sections with fixed enumerator series
(一、 二、 …; （一） （二） …; 1. 2. …). Headings of one series are siblings,
so they should share one level; ``mode: siblings`` flags the headings whose
level differs from the level most of the series uses. ``mode: increment``
flags a heading more than one level deeper than the heading before it
(markdownlint's MD001).
"""
from __future__ import annotations

from collections import Counter

import regex

from ..finding import Edit
from ..rule import Option, Rule
from . import kind

# Enumerator series, checked in order; the name appears in messages.
SERIES = (
    ("一、", regex.compile(r"[一二三四五六七八九十百零〇]+[、.．]")),
    ("（一）", regex.compile(r"[（(][一二三四五六七八九十百零〇]+[）)]")),
    ("第一章", regex.compile(r"第[一二三四五六七八九十百零〇\d]+[章节部分篇编]")),
    ("1.", regex.compile(r"\d{1,3}(?:[、.．](?!\d)|\s)")),
    ("（1）", regex.compile(r"[（(]\d{1,3}[）)]")),
)


def series_of(title: str) -> str | None:
    t = title.lstrip("*_ \t\u3000")
    for name, pattern in SERIES:
        if pattern.match(t):
            return name
    return None


@kind("headings")
class HeadingsRule(Rule):
    OPTIONS = {
        "mode": Option(str, "siblings", choices=("siblings", "increment"),
                       doc="siblings: one level per enumerator series; increment: no skipped levels"),
        "min-series": Option(int, 3, doc="siblings: a series needs this many headings to have a majority"),
    }

    def check(self, doc, ctx):
        heads = []
        for tok in doc.markup.of_kind("heading"):
            title = doc.text[tok.content[0]:tok.content[1]]
            heads.append((tok, len(tok.name), title))
        if not heads:
            return
        if self.options["mode"] == "increment":
            yield from self._increments(heads)
        else:
            yield from self._siblings(heads)

    def _siblings(self, heads):
        by_series: dict[str, list] = {}
        for tok, level, title in heads:
            name = series_of(title)
            if name:
                by_series.setdefault(name, []).append((tok, level, title))
        for name, members in by_series.items():
            if len(members) < self.options["min-series"]:
                continue
            counts = Counter(level for _, level, _ in members)
            (best, best_n), *rest = counts.most_common()
            if rest and rest[0][1] == best_n:
                continue  # no majority: nothing to measure against
            for tok, level, title in members:
                if level == best:
                    continue
                marker_end = tok.delims[0][1]
                fix = self.make_fix([Edit(tok.start, tok.start + level, "#" * best)]) \
                    if self.meta.applicability else None
                yield self.finding(tok.start, marker_end, fix=fix,
                                   group=f"{self.meta.code}:{name}",
                                   level=level, expected=best, series=name,
                                   count=best_n, total=len(members), title=_short(title),
                                   marker="#" * level, fix_text="#" * best)

    def _increments(self, heads):
        prev = None
        for tok, level, title in heads:
            if prev is not None and level > prev + 1:
                fix = self.make_fix([Edit(tok.start, tok.start + level, "#" * (prev + 1))]) \
                    if self.meta.applicability else None
                yield self.finding(tok.start, tok.delims[0][1], fix=fix,
                                   level=level, expected=prev + 1, previous=prev,
                                   title=_short(title), marker="#" * level,
                                   fix_text="#" * (prev + 1))
            prev = level


def _short(s: str, n: int = 24) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"
