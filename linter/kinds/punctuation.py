"""``punctuation-width``: half-width marks standing in for Chinese punctuation.

GB/T 15834 sets full-width ，：；！？（） in Chinese prose. The ``punctuation``
fact (``linter/facts.py``) finds every half-width ``, : ; ! ? ( )`` whose
neighbours are Chinese, leaving numbers (``1,234``, ``10:30``, ``4.7:42.3``)
and Latin text alone.

``mode: half-width`` reports each such mark (a parenthesis pair as one
finding) with the full-width mark as a safe fix. ``mode: mixed`` reports the
full-width marks of a document that mostly uses the half-width ones: the
document mixes two styles, and those are the odd ones out. It offers no fix:
the half-width marks are the ones to change.
"""
from __future__ import annotations

from ..facts import FULL_TO_HALF, HALF_TO_FULL
from ..finding import Edit
from ..rule import Option, Rule
from . import kind


@kind("punctuation-width")
class PunctuationWidthRule(Rule):
    OPTIONS = {
        "mode": Option(str, "half-width", choices=("half-width", "mixed")),
        "marks": Option(str, ",:;!?()", doc="half-width marks to check"),
    }

    def check(self, doc, ctx):
        use = ctx.punctuation
        if self.options["mode"] == "mixed":
            yield from self._mixed(doc, use)
        else:
            yield from self._half(doc, use)

    def _half(self, doc, use):
        to_source, verbatim = doc.prose.to_source, doc.prose.verbatim
        text = doc.prose.text
        marks = self.options["marks"]
        for mark, offsets in use.half.items():
            if mark not in marks:
                continue
            full = HALF_TO_FULL[mark]
            n_full = use.full.get(full, 0)
            detail = f" (the document uses '{full}' {n_full} times)" if n_full else ""
            for p in offsets:
                if mark == ")" and use.pairs.get(p) in use.flagged("("):
                    continue  # reported with its opening parenthesis
                other = use.pairs.get(p) if mark == "(" else None
                if other is not None and other in use.flagged(")"):
                    s, e = to_source(p, p + 1)
                    cs, ce = to_source(other, other + 1)
                    exact = verbatim(p, p + 1) and verbatim(other, other + 1)
                    fix = self.make_fix([Edit(s, e, "（"), Edit(cs, ce, "）")]) \
                        if self.meta.applicability and exact else None
                    span = text[p:other + 1]
                    yield self.finding(s, ce, fix=fix, group=f"{self.meta.code}:()",
                                       mark=_short(span), full="（" + _short(span[1:-1], 18) + "）",
                                       detail="")
                    continue
                s, e = to_source(p, p + 1)
                fix = self.make_fix([Edit(s, e, full)]) if self.meta.applicability and verbatim(p, p + 1) else None
                yield self.finding(s, e, fix=fix, group=f"{self.meta.code}:{mark}",
                                   mark=mark, full=full, detail=detail)

    def _mixed(self, doc, use):
        to_source = doc.prose.to_source
        text = doc.prose.text
        for full, n_full in use.full.items():
            half = FULL_TO_HALF[full]
            if half not in self.options["marks"]:
                continue
            n_half = len(use.half.get(half, ()))
            if n_half <= n_full:
                continue
            p = text.find(full)
            while p >= 0:
                s, e = to_source(p, p + 1)
                yield self.finding(s, e, group=f"{self.meta.code}:{full}", mark=full, half=half,
                                   count=n_half, own=n_full)
                p = text.find(full, p + 1)


def _short(s: str, n: int = 30) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"
