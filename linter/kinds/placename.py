"""``placename``: another place named where the report names itself.

The ``place_suspects`` fact (``linter/places.py``) finds, once per document, every place name
that is not the report's own division (nor an ancestor or a child of it) and stands where the
own name is expected: in a self-referential slot (平安X, 讲好X故事, X高质量发展), as a division
that does not exist (漯河区), as a clipped name in a list of the report's divisions (山区), or
anywhere when it looks like the own name (湛河/漯河/湛江). Each rule of this kind reports some
of those kinds; the severity follows the evidence.
"""
from __future__ import annotations

from ..finding import Applicability, Edit, Severity
from ..rule import Option, Rule
from . import kind

SUSPECT_KINDS = ("slot", "nonexistent", "clipped", "lookalike")


@kind("placename")
class PlacenameRule(Rule):
    OPTIONS = {
        "report": Option(list, required=True, doc=f"which suspects to report: {', '.join(SUSPECT_KINDS)}"),
        "allow": Option(list, [], doc="phrases in which a place name is fine (project and company names)"),
    }

    def setup(self) -> None:
        bad = set(self.options["report"]) - set(SUSPECT_KINDS)
        if bad:
            raise ValueError(f"unknown suspect kind(s): {', '.join(sorted(bad))}")
        self.kinds = frozenset(self.options["report"])
        self.allow = tuple(str(a) for a in self.options["allow"])

    def check(self, doc, ctx):
        j = ctx.jurisdiction
        if not j.known:
            return
        from ..gazetteer import load   # the gazetteer loads only when a place rule runs
        g = load()
        from ..places import own_names
        own = own_names(j, doc.prose.text)[0][0]
        year = min(j.year, g.max_year) if j.year else g.max_year
        to_source, verbatim = doc.prose.to_source, doc.prose.verbatim
        text = doc.prose.text
        for s in ctx.place_suspects:
            if s.kind not in self.kinds or self._allowed(text, s.start, s.end):
                continue
            severity = self._severity(s)
            src_s, src_e = to_source(s.start, s.end)
            fixes = []
            if self.meta.applicability and verbatim(s.start, s.end):
                # One candidate is a fix a human confirms; several are suggestions only.
                app = self.meta.applicability if len(s.suggestions) == 1 else Applicability.DISPLAY
                fixes = [self.make_fix([Edit(src_s, src_e, sug)], app) for sug in s.suggestions]
            yield self.finding(
                src_s, src_e, fixes=fixes, severity=severity, group=f"{self.meta.code}:{s.text}",
                found=s.text, context=s.context or s.text, place=_describe(g, s, year), own=own,
                suggestion="' or '".join(s.suggestions) or own, slot=s.slot,
            )

    def _allowed(self, text: str, start: int, end: int) -> bool:
        for phrase in self.allow:
            i = text.find(phrase, max(0, start - len(phrase)), end + len(phrase))
            if i >= 0 and i <= start and i + len(phrase) >= end:
                return True
        return False

    def _severity(self, s) -> Severity:
        """Strong evidence is an error: a look-alike name, or a division that does not exist,
        in a slot where the report names itself."""
        m = self.meta.severity
        if s.kind == "slot":
            return Severity.ERROR if (s.lookalike or s.nonexistent) else m
        if s.kind == "nonexistent" and s.lookalike:
            return Severity.ERROR
        return m


def _describe(g, s, year: int | None) -> str:
    """漯河 (漯河市, 河南省): what the name names in the report's year, and where."""
    if s.nonexistent or not s.entries:
        return f"{s.text} (no such division)"
    entries = [g.entry(i) for i in s.entries]
    current = [e for e in entries if e.valid_in(year)] or sorted(entries, key=lambda e: -e.last)[:1]
    seen = []
    for e in current[:2]:
        chain = g.ancestors(e)
        where = chain[-1].name if chain else ""
        label = e.name + (f", {where}" if where and where != e.name else "")
        if label not in seen:
            seen.append(label)
    return f"{s.text} ({'; '.join(seen)})"
