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

import re
from collections import defaultdict

from ..rule import Option, Rule
from . import kind

# Clause boundaries: punctuation, quotes, brackets and spaces (the stdlib re splits fastest).
_CLAUSE_SPLIT = re.compile("[" + re.escape("，,。；;：:！!？?、 \t\u3000\u00a0“”‘’《》（）()「」『』") + "]+")


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
        min_clause, min_shared, spread = o["min-clause"], o["min-shared"], o["max-spread"]
        paras = []  # (line_index, start, end, clauses)
        index: dict[str, list[int]] = defaultdict(list)
        pos = 0
        for lineno, line in enumerate(text.split("\n")):
            if len(line) >= min_shared:   # shorter lines cannot share enough with another
                clauses = [c for c in _CLAUSE_SPLIT.split(line) if len(c) >= min_clause]
                if clauses:
                    k = len(paras)
                    paras.append((lineno, pos, pos + len(line), clauses))
                    for c in set(clauses):
                        index[c].append(k)
            pos += len(line) + 1
        # Clauses in one paragraph only carry no evidence; nor do set phrases found everywhere.
        shared_clauses = {c: where for c, where in index.items() if 1 < len(where) <= spread}
        if not shared_clauses:
            return
        for k, (lineno, s, e, clauses) in enumerate(paras):
            chars: dict[int, int] = {}
            count: dict[int, int] = {}
            for c in clauses:
                for other in shared_clauses.get(c, ()):
                    if other > k:   # a teaser precedes the body it restates
                        chars[other] = chars.get(other, 0) + len(c)
                        count[other] = count.get(other, 0) + 1
            if not chars:
                continue
            shared, other = max((n, i) for i, n in chars.items())
            total = sum(len(c) for c in clauses)
            if shared < min_shared or count[other] < o["min-clauses"] or shared < o["coverage"] * total:
                continue
            src_s, src_e = doc.prose.to_source(s, e)
            yield self.finding(src_s, src_e, group=self.meta.code, other_line=paras[other][0] + 1,
                               percent=round(100 * shared / total), opening=_short(text[s:e]))


def _short(s: str, n: int = 16) -> str:
    s = s.strip()
    return s if len(s) <= n else s[:n] + "…"
