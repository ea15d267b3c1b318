"""What each figure of a report measures: metric, relation, period and target-or-outcome.

A figure's clause is read as <where/when><metric><relation><figure>: in 今年全市规上工业增加值
增长7%左右 the metric is 规上工业增加值, the relation ``up`` (增长), the period the report's year
(今年), and the statement a target when its sentence speaks of targets (主要预期目标是：…).
Two statements with the same metric, relation, period and kind are about the same thing; the
consistency rule (C101) compares their values. The words are data: ``rules/data/metrics.yaml``.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from .context import Context, fact
from .quantities import Quantity, parse

_CLAUSE_MARKS = "，。；：！？、\n,;:!?（）()【】"
_SENTENCE_MARKS = "。！？；\n!?;"
_FULL_STOPS = "。！？\n!?"
_QUOTES = "“”‘’\"'「」『』《》*_ \t\u3000"
_YEAR = re.compile(r"((?:19|20)\d{2})年")


@dataclass(frozen=True)
class Statement:
    quantity: Quantity
    metric: str          # the metric's name ('' when the clause names none)
    relation: str        # 'up', 'down' or 'level'
    relation_word: str   # as written: 增长, 达到 …
    period: str | None   # '2026', '2026 上半年', '十四五' …; None when unknown
    target: bool         # a target (预期目标) rather than an outcome
    clause_start: int    # where the statement's clause starts (for quoting it)
    shared: bool         # one of several figures of one clause (分别增长7%、8%)
    ends_clause: bool    # nothing follows the figure in its clause: the metric is before it
    thing: str           # what a count counts: the metric, or the words after the figure
    known: bool          # the metric is a listed headline metric (rules/data/metrics.yaml)


@dataclass(frozen=True)
class Vocabulary:
    relation_of: dict[str, str]               # 增长 -> up, 达到 -> level …
    relation_rx: "re.Pattern"                 # a relation word ending a clause, longest first
    prefix_rx: "re.Pattern"                   # a run of place/time/connective words opening one
    target_words: tuple[str, ...]
    relative_years: dict[str, int]
    plan_periods: dict[str, str]
    parts: tuple[str, ...]
    canonical: dict[str, str]                 # synonym -> metric name
    headline: frozenset[str]                  # metrics known by name
    generic: frozenset[str]
    classifiers: dict[str, tuple[str, ...]]   # counted noun -> its classifiers
    any_noun: frozenset[str]                  # classifiers that fit any noun (批, 人次)
    period_rx: "re.Pattern"


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    from .resources import data_file
    from .yamlio import read_data
    data = read_data(data_file("metrics.yaml"))
    relation_of = {str(w): cls for cls, words in data["relations"].items() for w in words}
    by_length = lambda words: "|".join(map(re.escape, sorted(words, key=len, reverse=True)))  # noqa: E731
    relation_rx = re.compile(f"(?:{by_length(relation_of)})$")
    prefix_rx = re.compile(f"^(?:(?:{by_length(data['prefixes'])})[{re.escape(_QUOTES)}]*)+")
    canonical = {}
    for name, syns in data["synonyms"].items():
        canonical[name] = name
        for s in syns:
            canonical[str(s)] = name
    periods = data["periods"]
    words = sorted([*periods["relative_years"], *periods["plan_periods"], *periods["parts"]], key=len, reverse=True)
    period_rx = re.compile(r"((?:19|20)\d{2})年|" + "|".join(map(re.escape, words)))
    headline = frozenset(canonical.values()) | frozenset(data.get("headline") or ())
    classifiers = {str(k): tuple(v) for k, v in (data.get("classifiers") or {}).items()}
    return Vocabulary(relation_of, relation_rx, prefix_rx,
                      tuple(data["target_words"]), periods["relative_years"], periods["plan_periods"],
                      tuple(periods["parts"]), canonical, headline, frozenset(data["generic"]), classifiers,
                      frozenset(data.get("any_noun") or ()), period_rx)


def statements(text: str, year: int | None = None) -> list[Statement]:
    """Every figure of ``text`` (simplified script) with what it measures."""
    v = vocabulary()
    out = []
    headings = _heading_periods(text, year, v)
    quantities = parse(text)
    clauses, sentences = _Marks(text, _CLAUSE_MARKS), _Marks(text, _SENTENCE_MARKS)
    stops = _Marks(text, _FULL_STOPS)
    lines = _Marks(text, "\n")
    # Period words are found once; each figure folds those of its sentence or line.
    mentions = [(m.start(), m.group(), m.group(1)) for m in v.period_rx.finditer(text)]
    mention_at = [m[0] for m in mentions]

    def period_between(a: int, b: int) -> str | None:
        return _fold_period(mentions[bisect_left(mention_at, a):bisect_left(mention_at, b)], year, v)

    targets: dict[int, bool] = {}
    for i, q in enumerate(quantities):
        cstart = clauses.start_before(q.start)
        if i > 0 and quantities[i - 1].end > cstart:
            cstart = quantities[i - 1].end     # 惠及62个行政村11.97万人: the clause of 11.97万人 is empty
        clause = text[cstart:q.start]
        # A figure right after another one's clause mark (增长7%、8%) belongs to the same clause.
        sstart = sentences.start_before(q.start)
        shared = "分别" in text[sstart:q.start] or (
            i > 0 and text[quantities[i - 1].end:q.start] in ("、", "和", "与", "，"))
        metric, rel_word, rel = _metric(clause, q, v)
        # Targets are announced once for a list: 主要预期目标是：…；…；城镇新增就业50万人。
        full_start = stops.start_before(q.start)
        target = targets.get(full_start)
        if target is None:
            full = text[full_start:stops.end_after(q.end)]
            target = targets[full_start] = any(w in full for w in v.target_words)
        period = period_between(sstart, q.start)
        if period is None:
            period = period_between(lines.start_before(q.start), q.start)
        if period is None:
            period = _inherited(headings, q.start)
        if period is None and target:
            period = str(year) if year else "今年"     # a report's targets are for its own year
        ends = q.end >= len(text) or text[q.end] in _CLAUSE_MARKS
        thing = metric if ends else text[q.end:clauses.end_after(q.end)]
        out.append(Statement(q, metric, rel, rel_word, period, target, cstart, shared, ends, thing,
                             metric in v.headline))
    return out


class _Marks:
    """Positions of one set of boundary marks, for the nearest one before or after an offset
    (a bisection: searching the text for each figure would be quadratic in its length)."""

    def __init__(self, text: str, marks: str):
        self.at = [m.start() for m in re.finditer(f"[{re.escape(marks)}]", text)]
        self.n = len(text)

    def start_before(self, i: int) -> int:
        k = bisect_left(self.at, i)
        return self.at[k - 1] + 1 if k else 0

    def end_after(self, i: int) -> int:
        k = bisect_left(self.at, i)
        return self.at[k] if k < len(self.at) else self.n


def _metric(clause: str, q: Quantity, v: Vocabulary) -> tuple[str, str, str]:
    """(metric, relation word, relation class) read from the words before a figure."""
    words = clause.strip(_QUOTES)
    rel_word, rel = "", "level"
    m = v.relation_rx.search(words)
    if m:
        rel_word = m.group()
        rel = v.relation_of[rel_word]
        words = words[: m.start()]
    for w in ("同比", "比上年", "年均", "分别"):
        if words.endswith(w):
            words = words[: -len(w)]
            if w == "年均":
                rel = "annual " + rel      # 年均增长5.9% is not 增长5.5%
    if rel_word.startswith("年均"):
        rel = "annual " + rel
    words = _YEAR.sub("", words)
    words = v.prefix_rx.sub("", words.strip(_QUOTES))
    words = words.strip(_QUOTES)
    if len(words) < 2 or words in v.generic:
        return "", rel_word, rel
    return v.canonical.get(words, words), rel_word, rel


def _period(text: str, year: int | None, v: Vocabulary) -> str | None:
    """The last period named in ``text``: a year, 今年 (the report's year), a plan period."""
    return _fold_period([(m.start(), m.group(), m.group(1)) for m in v.period_rx.finditer(text)], year, v)


def _fold_period(mentions, year: int | None, v: Vocabulary) -> str | None:
    """The period the last of ``mentions`` (offset, word, year digits) names that is a year or
    plan period, with a part of the year named after it (2025年上半年). Read backwards and
    stopped at that mention: a long line has many."""
    part = ""
    for _, w, digits in reversed(mentions):
        if digits:
            found = digits
        elif w in v.relative_years:
            # Without the report's year, 今年 stays a label: it still matches another 今年.
            found = str(year + v.relative_years[w]) if year else ("今年" if v.relative_years[w] == 0 else w)
        elif w in v.plan_periods:
            found = v.plan_periods[w]
        else:
            part = part or w          # the last part named, if it follows the period
            continue
        return f"{found} {part}" if part else found
    return None


def _heading_periods(text: str, year: int | None, v: Vocabulary) -> list[tuple[int, str | None]]:
    """(offset, period) of every short heading line that names a period (2025年工作总体要求);
    a heading naming two (“十四五”时期和2025年工作回顾) leaves the period unknown."""
    out = []
    pos = 0
    for line in text.split("\n"):
        s = line.strip()
        if 0 < len(s) <= 40 and s[-1] not in "。；，！？,;" and (p := _period(s, year, v)):
            several = len({m.group() for m in v.period_rx.finditer(s)}) > 1
            out.append((pos, None if several else p))
        pos += len(line) + 1
    return out


def _inherited(headings: list[tuple[int, str | None]], i: int) -> str | None:
    k = bisect_left(headings, (i + 1,))      # the last heading that starts at or before i
    return headings[k - 1][1] if k else None


@fact
def figure_statements(ctx: Context) -> list[Statement]:
    """The figures of the prose view with what they measure (offsets in the prose view)."""
    return statements(ctx.simplified_prose, ctx.doc_year)


__all__ = ["Statement", "statements", "vocabulary"]
