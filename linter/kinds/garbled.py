"""``mojibake``: text decoded with the wrong codec, with the recovered text as the fix.

The search and the reversal live in ``linter/mojibake.py``. An exact round trip (no byte was
lost) is a safe fix; a partial recovery between lost bytes is unsafe; the unrecoverable
families (锟斤拷, 烫烫烫) get no fix. The garbled run is junk to replace whole, so other
findings inside it (U+FFFD, odd punctuation) are dropped.
"""
from __future__ import annotations

from ..finding import Applicability, Edit
from ..mojibake import find
from ..rule import Option, Rule
from . import kind

_NAMES = {"gb18030": "UTF-8 read as GBK", "big5": "UTF-8 read as Big5",
          "cp1252": "UTF-8 read as cp1252/latin-1", "unrecoverable": "garbled beyond recovery"}


@kind("mojibake")
class MojibakeRule(Rule):
    OPTIONS = {
        "min-length": Option(int, 2, doc="shorter runs are not reported"),
    }

    def check(self, doc, ctx):
        text = doc.text
        for m in find(text):
            if m.end - m.start < self.options["min-length"]:
                continue
            fix = None
            if m.recovered is not None and self.meta.applicability:
                app = Applicability.SAFE if m.exact else Applicability.UNSAFE
                fix = self.make_fix([Edit(m.start, m.end, m.recovered)], app)
            found = text[m.start:m.end]
            yield self.finding(
                m.start, m.end, fix=fix, subsumes=True, group=f"{self.meta.code}:{m.codec}",
                found=found if len(found) <= 16 else found[:15] + "…", how=_NAMES[m.codec],
                recovered=(m.recovered if len(m.recovered or "") <= 16 else (m.recovered or "")[:15] + "…")
                if m.recovered else "",
                detail=f"; it reads '{m.recovered[:15]}{'…' if len(m.recovered) > 15 else ''}'"
                if m.recovered else "; the original cannot be recovered",
            )
