"""``line-block``: runs of lines made only of words from a vocabulary.

Web pages leave their controls in scraped text, one word per line
(``下载 / 打印 / 全屏 / 收藏 / 【字号： / 加大 / 还原 / 减小 / 】``). Some of
those words are also ordinary text (``大``, ``中``), so a run of such lines
is reported only when it holds at least one *strong* word that would not
stand alone on a line of a report. The fix deletes the run.
"""
from __future__ import annotations

import regex

from ..finding import Edit
from ..rule import Option, Rule, line_spans
from . import kind


@kind("line-block")
class LineBlockRule(Rule):
    OPTIONS = {
        "tokens": Option(list, required=True, doc="words a line of the block may consist of"),
        "strong": Option(list, required=True, doc="a block must contain one of these"),
        "separators": Option(str, " \t\u3000|｜:：", doc="characters allowed between the words"),
        "max-blank": Option(int, 1, doc="blank lines allowed inside a block"),
    }

    def setup(self) -> None:
        o = self.options
        words = sorted({str(t) for t in o["tokens"]} | {str(t) for t in o["strong"]}, key=len, reverse=True)
        seps = regex.escape(o["separators"])
        alt = "|".join(regex.escape(w) for w in words)
        self.line_rx = regex.compile(f"[{seps}]*(?:(?:{alt})[{seps}]*)+")
        self.strong_rx = regex.compile("|".join(regex.escape(str(w)) for w in
                                                sorted(o["strong"], key=len, reverse=True)))

    def check(self, doc, ctx):
        text = doc.text
        if not self.strong_rx.search(text):
            return  # a block needs a strong word somewhere
        block: list[tuple[int, int]] = []   # line spans of the current run
        blanks = 0
        for s, e in line_spans(text):
            line = text[s:e]
            if not line.strip():
                if block:
                    blanks += 1
                    if blanks > self.options["max-blank"]:
                        yield from self._emit(doc, block)
                        block, blanks = [], 0
                continue
            if self.line_rx.fullmatch(line):
                block.append((s, e))
                blanks = 0
            else:
                yield from self._emit(doc, block)
                block, blanks = [], 0
        yield from self._emit(doc, block)

    def _emit(self, doc, block):
        if not block:
            return
        text = doc.text
        start, end = block[0][0], block[-1][1]
        if not any(self.strong_rx.search(text, s, e) for s, e in block):
            return
        # Delete the lines with the line break after them (or before, at the end of the text).
        del_s, del_e = start, end
        if del_e < len(text):
            del_e += 1
        elif del_s > 0:
            del_s -= 1
        fix = self.make_fix([Edit(del_s, del_e, "")]) if self.meta.applicability else None
        words = " ".join(text[s:e].strip() for s, e in block)
        yield self.finding(start, end, fix=fix, group=self.meta.code, subsumes=True,
                           words=words if len(words) <= 30 else words[:29] + "…", lines=len(block))
