"""What each figure of a report measures: metric, relation, period and target-or-outcome.

A figure's clause is read as <where/when><metric><relation><figure>: in 今年全市规上工业增加值
增长7%左右 the metric is 规上工业增加值, the relation ``up`` (增长), the period the report's year
(今年), and the statement a target when its sentence speaks of targets (主要预期目标是：…).
Two statements with the same metric, relation, period and kind are about the same thing; the
consistency rule (C101) compares their values. The words are data: ``rules/data/metrics.yaml``.
"""
from __future__ import annotations

import re
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
    relations: tuple[tuple[str, str], ...]    # (word, class), longest first
    prefixes: tuple[str, ...]
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
    from ruamel.yaml import YAML
    from .resources import data_file
    data = YAML(typ="safe").load(data_file("metrics.yaml").read_text(encoding="utf-8"))
    rel = [(w, cls) for cls, words in data["relations"].items() for w in words]
    rel.sort(key=lambda p: len(p[0]), reverse=True)
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
    return Vocabulary(tuple(rel), tuple(sorted(data["prefixes"], key=len, reverse=True)),
                      tuple(data["target_words"]), periods["relative_years"], periods["plan_periods"],
                      tuple(periods["parts"]), canonical, headline, frozenset(data["generic"]), classifiers,
                      frozenset(data.get("any_noun") or ()), period_rx)


def statements(text: str, year: int | None = None) -> list[Statement]:
    """Every figure of ``text`` (simplified script) with what it measures."""
    v = vocabulary()
    out = []
    headings = _heading_periods(text, year, v)
    quantities = parse(text)
    for i, q in enumerate(quantities):
        cstart = _clause_start(text, q.start)
        if i > 0 and quantities[i - 1].end > cstart:
            cstart = quantities[i - 1].end     # 惠及62个行政村11.97万人: the clause of 11.97万人 is empty
        clause = text[cstart:q.start]
        # A figure right after another one's clause mark (增长7%、8%) belongs to the same clause.
        shared = "分别" in text[_sentence_start(text, q.start):q.start] or (
            i > 0 and text[quantities[i - 1].end:q.start] in ("、", "和", "与", "，"))
        metric, rel_word, rel = _metric(clause, q, v)
        sstart = _sentence_start(text, q.start)
        # Targets are announced once for a list: 主要预期目标是：…；…；城镇新增就业50万人。
        full = text[_sentence_start(text, q.start, _FULL_STOPS):_sentence_end(text, q.end, _FULL_STOPS)]
        target = any(w in full for w in v.target_words)
        period = _period(text[sstart:q.start], year, v)
        if period is None:
            period = _period(text[text.rfind("\n", 0, q.start) + 1:q.start], year, v)
        if period is None:
            period = _inherited(headings, q.start)
        if period is None and target:
            period = str(year) if year else "今年"     # a report's targets are for its own year
        ends = q.end >= len(text) or text[q.end] in _CLAUSE_MARKS + "。"
        thing = metric if ends else text[q.end:_clause_end(text, q.end)]
        out.append(Statement(q, metric, rel, rel_word, period, target, cstart, shared, ends, thing,
                             metric in v.headline))
    return out


def _clause_start(text: str, i: int) -> int:
    return max(text.rfind(c, 0, i) for c in _CLAUSE_MARKS) + 1


def _clause_end(text: str, i: int) -> int:
    return _sentence_end(text, i, _CLAUSE_MARKS + "。")


def _sentence_start(text: str, i: int, marks: str = _SENTENCE_MARKS) -> int:
    return max(text.rfind(c, 0, i) for c in marks) + 1


def _sentence_end(text: str, i: int, marks: str = _SENTENCE_MARKS) -> int:
    ends = [j for c in marks if (j := text.find(c, i)) >= 0]
    return min(ends) if ends else len(text)


def _metric(clause: str, q: Quantity, v: Vocabulary) -> tuple[str, str, str]:
    """(metric, relation word, relation class) read from the words before a figure."""
    words = clause.strip(_QUOTES)
    rel_word, rel = "", "level"
    for w, cls in v.relations:
        if words.endswith(w):
            rel_word, rel = w, cls
            words = words[: -len(w)]
            break
    for w in ("同比", "比上年", "年均", "分别"):
        if words.endswith(w):
            words = words[: -len(w)]
            if w == "年均":
                rel = "annual " + rel      # 年均增长5.9% is not 增长5.5%
    if rel_word.startswith("年均"):
        rel = "annual " + rel
    words = _YEAR.sub("", words)
    changed = True
    while changed and words:
        changed = False
        words = words.strip(_QUOTES)
        for p in v.prefixes:
            if words.startswith(p):
                words, changed = words[len(p):], True
                break
    words = words.strip(_QUOTES)
    if len(words) < 2 or words in v.generic:
        return "", rel_word, rel
    return v.canonical.get(words, words), rel_word, rel


def _period(text: str, year: int | None, v: Vocabulary) -> str | None:
    """The last period named in ``text``: a year, 今年 (the report's year), a plan period."""
    found = None
    part = ""
    for m in v.period_rx.finditer(text):
        w = m.group()
        if m.group(1):
            found = m.group(1)
        elif w in v.relative_years:
            # Without the report's year, 今年 stays a label: it still matches another 今年.
            found = str(year + v.relative_years[w]) if year else ("今年" if v.relative_years[w] == 0 else w)
        elif w in v.plan_periods:
            found = v.plan_periods[w]
        else:
            part = w
            continue
        part = ""
    if found is None:
        return None
    return f"{found} {part}" if part else found


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
    period = None
    for start, p in headings:
        if start > i:
            break
        period = p
    return period


@fact
def figure_statements(ctx: Context) -> list[Statement]:
    """The figures of the prose view with what they measure (offsets in the prose view)."""
    return statements(ctx.simplified_prose, ctx.doc_year)


__all__ = ["Statement", "statements", "vocabulary"]
