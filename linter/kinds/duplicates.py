"""``duplicate-passage``: a paragraph that repeats most of another one.

News sites put teaser paragraphs ahead of a report ("报告提出……") that
restate sentences of its body, and extraction sometimes copies a block twice.
Matching whole sentences misses teasers that reword a few characters, so we
compare clauses (text between punctuation marks): a paragraph most of whose
clause text occurs again in one later paragraph is reported, pointing at the
later one (a teaser comes before the body it restates). Clauses that occur in many paragraphs (set phrases of official
prose) carry no evidence and are ignored.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import regex

from ..rule import Option, Rule
from . import kind

_CLAUSE_SPLIT = regex.compile(r"[，,。；;：:！!？?、\s“”‘’《》（）()]+")


@kind("duplicate-passage")
class DuplicatePassageRule(Rule):
    OPTIONS = {
        "min-clause": Option(int, 6, doc="clauses shorter than this are ignored"),
        "min-shared": Option(int, 20, doc="characters of clause text two paragraphs must share"),
        "min-clauses": Option(int, 2, doc="clauses two paragraphs must share"),
        "coverage": Option(float, 0.6, doc="share of the paragraph's clause text found in the other"),
        "max-spread": Option(int, 4, doc="clauses found in more paragraphs than this are ignored"),
    }

    def check(self, doc, ctx):
        o = self.options
        text = doc.prose.text
        paras = []  # (line_index, start, end, clauses)
        index: dict[str, list[int]] = defaultdict(list)
        pos = 0
        for lineno, line in enumerate(text.split("\n")):
            clauses = [c for c in _CLAUSE_SPLIT.split(line) if len(c) >= o["min-clause"]]
            if clauses:
                k = len(paras)
                paras.append((lineno, pos, pos + len(line), clauses))
                for c in set(clauses):
                    index[c].append(k)
            pos += len(line) + 1
        for k, (lineno, s, e, clauses) in enumerate(paras):
            total = sum(len(c) for c in clauses)
            shared: Counter[int] = Counter()
            count: Counter[int] = Counter()
            for c in clauses:
                where = index[c]
                if len(where) > o["max-spread"]:
                    continue
                for other in where:
                    if other != k:
                        shared[other] += len(c)
                        count[other] += 1
            if not shared:
                continue
            # Only later paragraphs count: a teaser precedes the body it restates,
            # and of two copies the first is reported, pointing at the second.
            later = [(chars, other) for other, chars in shared.items() if other > k]
            if not later:
                continue
            chars, other = max(later)
            o_line = paras[other][0]
            if chars < o["min-shared"] or count[other] < o["min-clauses"] or chars < o["coverage"] * total:
                continue
            src_s, src_e = doc.prose.to_source(s, e)
            yield self.finding(src_s, src_e, group=self.meta.code, other_line=o_line + 1,
                               percent=round(100 * chars / total), opening=_short(text[s:e]))


def _short(s: str, n: int = 16) -> str:
    s = s.strip()
    return s if len(s) <= n else s[:n] + "…"
