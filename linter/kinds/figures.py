"""``figure-conflict`` and ``unit-mixed``: the same figure stated twice, and units written several ways.

Both read the ``figure_statements`` fact (``linter/metrics.py``): every quantity of the prose
with the metric, relation, period and kind (target or outcome) it states.

- ``figure-conflict``: two statements of one metric, relation, period and kind whose values
  disagree after unit conversion (272.45亿元 and 2,724,500万元 agree; 增长5.5% and 增长6% do not;
  超35亿元 and 36亿元 agree). Both places are reported, each quoting the other. A metric stated
  with three or more values is left alone: its name is too vague to tell the statements apart.
- ``unit-mixed``: ``notation`` — one unit written in several notations in a document (㎡ and
  平方米, km and 公里); ``classifier`` — a counted thing whose classifier is fixed, counted in
  another (养老床位1013个: beds are counted in 张). The nouns are data (metrics.yaml).
"""
from __future__ import annotations

from collections import Counter, defaultdict

from ..finding import Edit
from ..rule import Option, Rule
from . import kind

LOWER_BOUNDS = frozenset(["以上", "超", "超过", "突破", "不低于", "不少于", "逾", "余", "多", "有余"])
UPPER_BOUNDS = frozenset(["以下", "以内", "之内", "内", "不超过", "低于", "近", "接近", "将近"])


def agree(a, b) -> bool:
    """Whether two quantities of one dimension can state the same figure. A figure written in a
    coarser unit is a rounding of the finer one (6.7万人 and 67,123人 agree); in the same unit
    and magnitude the numbers must be equal (增长6% and 增长5.5% do not agree)."""
    exact = 1e-9 * max(abs(a.base_value), abs(b.base_value), 1.0)
    same_scale = a.magnitude == b.magnitude and a.unit == b.unit
    tol = exact if same_scale else max(a.base_step, b.base_step) / 2 * 1.000001 + exact
    lo_a, hi_a = a.base_value, a.base_high if a.base_high is not None else a.base_value
    lo_b, hi_b = b.base_value, b.base_high if b.base_high is not None else b.base_value
    if abs(lo_a - lo_b) <= tol and abs(hi_a - hi_b) <= tol:
        return True
    # A bound agrees with any figure on its side (超35亿元 and 36亿元), but two statements of one
    # bound must state the same bound (1300亿斤以上 and 1340亿斤以上 do not agree).
    if _bound(a) and _bound(a) == _bound(b):
        return False
    for x, y, lo_y, hi_y in ((a, b, lo_b, hi_b), (b, a, lo_a, hi_a)):
        if x.approx in LOWER_BOUNDS and lo_y >= x.base_value - tol:
            return True
        if x.approx in UPPER_BOUNDS and hi_y <= x.base_value + tol:
            return True
    return False


def _bound(q) -> str:
    return "lower" if q.approx in LOWER_BOUNDS else "upper" if q.approx in UPPER_BOUNDS else ""


def comparable(s, outcomes: bool = True) -> bool:
    """Whether C101 compares a statement: a figure with a unit ending a clause that names its
    metric and period. Outcomes count for headline metrics only: an outcome's clause often names
    the project, not the metric (新建70个 … / 新建6个 …); a report's targets are one list."""
    if not s.metric or s.period is None or s.shared or s.quantity.unit is None or not s.ends_clause:
        return False
    return s.target or (outcomes and s.known)


def _unit_key(q) -> str:
    # Counts compare only in one classifier; other units convert within their dimension.
    return q.unit.name if q.unit.factor is None else q.unit.dimension


@kind("figure-conflict")
class FigureConflictRule(Rule):
    OPTIONS = {
        "max-values": Option(int, 2, doc="a metric stated with more distinct values than this is too vague to check"),
        "outcomes": Option(bool, True, doc="also compare outcomes (not only targets)"),
    }

    def check(self, doc, ctx):
        groups = defaultdict(list)
        for s in ctx.figure_statements:
            if comparable(s, self.options["outcomes"]):
                groups[(s.metric, s.relation, s.period, s.target, _unit_key(s.quantity))].append(s)
        prose = doc.prose
        for (metric, _, period, target, _), group in groups.items():
            if len(group) < 2:
                continue
            distinct = []
            for s in group:
                if not any(agree(s.quantity, d.quantity) for d in distinct):
                    distinct.append(s)
            if len(distinct) < 2 or len(distinct) > self.options["max-values"]:
                continue
            for s in group:
                others = [o for o in group if o is not s and not agree(s.quantity, o.quantity)]
                if not others:
                    continue
                o = others[0]
                s_start, s_end = prose.to_source(s.quantity.start, s.quantity.end)
                o_start, o_end = prose.to_source(o.quantity.start, o.quantity.end)
                yield self.finding(
                    s_start, s_end, group=f"{self.meta.code}:{metric}:{period}",
                    metric=metric, period=period, kind="target" if target else "outcome",
                    found=doc.text[s_start:s_end], other=doc.text[o_start:o_end],
                    other_line=doc.position(o_start)[0])


@kind("unit-mixed")
class UnitMixedRule(Rule):
    OPTIONS = {
        "compare": Option(str, required=True, choices=("notation", "classifier"),
                          doc="'notation': one unit written several ways; 'classifier': one counted thing, several classifiers"),
        "min-majority": Option(int, 2, doc="notation: the document's usual notation must occur at least this often"),
    }

    def check(self, doc, ctx):
        stmts = [s for s in ctx.figure_statements if s.quantity.unit is not None]
        if self.options["compare"] == "notation":
            yield from self._notations(doc, stmts)
        else:
            yield from self._classifiers(doc, ctx, stmts)

    def _notations(self, doc, stmts):
        from ..quantities import tables
        t = tables()
        by_unit = defaultdict(list)
        for s in stmts:
            q = s.quantity
            if q.notation in t.units and t.units[q.notation] == q.unit and q.notation not in ("%", "％"):
                by_unit[q.unit.name].append(s)   # %/％ is U103's; compound units (元/吨) are skipped
        for name, group in by_unit.items():
            counts = Counter(s.quantity.notation for s in group)
            if len(counts) < 2:
                continue
            (usual, n), (_, n2) = counts.most_common(2)
            if n == n2 or n < self.options["min-majority"]:
                continue
            written = _as_written(doc, next(s for s in group if s.quantity.notation == usual))
            for s in group:
                q = s.quantity
                if q.notation == usual:
                    continue
                yield from self._report(doc, q, written, f"{self.meta.code}:{name}",
                                        found=_as_written(doc, s), usual=written, count=n, unit=name)

    def _classifiers(self, doc, ctx, stmts):
        # Nouns with a fixed classifier are data: 床位 are counted in 张, never 个.
        from ..metrics import vocabulary
        nouns, any_noun = vocabulary().classifiers, vocabulary().any_noun
        by_length = sorted(nouns, key=len, reverse=True)
        for s in stmts:
            q = s.quantity
            if q.unit.dimension != "count" or q.unit.name in any_noun:
                continue
            noun = next((n for n in by_length if s.thing.endswith(n)), None)
            if noun is None or q.unit.name in nouns[noun] or not nouns[noun]:
                continue
            usual = nouns[noun][0]
            if ctx.script == "traditional":
                from ..hanzi import tables
                usual = tables().to_traditional_chars(usual)
            yield from self._report(doc, q, usual, f"{self.meta.code}:{noun}", thing=noun,
                                    found=_as_written(doc, s), usual=usual)

    def _report(self, doc, q, new: str, group: str, **values):
        prose = doc.prose
        s, e = q.notation_start, q.notation_start + len(q.notation)
        start, end = prose.to_source(s, e)
        fix = self.make_fix([Edit(start, end, new)]) if prose.verbatim(s, e) else None
        yield self.finding(start, end, fix=fix, group=group, **values)


def _as_written(doc, statement) -> str:
    """A statement's unit as the document writes it (traditional text keeps its script)."""
    q = statement.quantity
    start, end = doc.prose.to_source(q.notation_start, q.notation_start + len(q.notation))
    return doc.text[start:end]
