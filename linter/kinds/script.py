"""``script``: characters out of the document's script.

The ``script_suspects`` fact (``linter/hanzi.py``) finds, once per document, traditional
characters in simplified text, simplified characters in traditional text, and traditional
characters that are wrong for their word (示范 for 示範). Each rule of this kind reports one
or more of those kinds. A fix is safe when the evidence allows one answer only (a phrase
OpenCC converts one way, a character with one counterpart), unsafe otherwise.
"""
from __future__ import annotations

from ..finding import Applicability, Edit
from ..rule import Option, Rule
from . import kind

SUSPECT_KINDS = ("traditional", "simplified", "conversion")


@kind("script")
class ScriptRule(Rule):
    OPTIONS = {
        "report": Option(list, required=True, doc=f"which suspects to report: {', '.join(SUSPECT_KINDS)}"),
    }

    def setup(self) -> None:
        bad = set(self.options["report"]) - set(SUSPECT_KINDS)
        if bad:
            raise ValueError(f"unknown suspect kind(s): {', '.join(sorted(bad))}")
        self.kinds = frozenset(self.options["report"])

    def check(self, doc, ctx):
        if not self.kinds & {"traditional"} and ctx.script != "traditional":
            return
        to_source, verbatim = doc.prose.to_source, doc.prose.verbatim
        for s in ctx.script_suspects:
            if s.kind not in self.kinds:
                continue
            src_s, src_e = to_source(s.start, s.end)
            fix = None
            if self.meta.applicability and verbatim(s.start, s.end):
                app = self.meta.applicability if s.certain and not s.passage else Applicability.UNSAFE
                fix = self.make_fix([Edit(src_s, src_e, s.expected)], app)
            shown = s.found if len(s.found) <= 12 else s.found[:11] + "…"
            want = s.expected if len(s.expected) <= 12 else s.expected[:11] + "…"
            yield self.finding(src_s, src_e, fix=fix, group=f"{self.meta.code}:{s.found}:{s.expected}",
                               found=shown, expected=want,
                               what="passage" if s.passage else "characters",
                               script=ctx.script, standard=ctx.script_standard)
