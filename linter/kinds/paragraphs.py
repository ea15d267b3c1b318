"""``broken-paragraph``: a paragraph cut mid-sentence by a page or column break.

Text extracted from PDFs and newspaper pages keeps the page break as a blank
line inside a sentence (``增长\\n\\n8.7%；``, ``新质生产\\n\\n力``). We flag a
line that ends without closing punctuation when the next paragraph reads as
its continuation. Titles also end without punctuation, so the line must be
long enough to be body text, must not be a heading or start with a section
enumerator, and the next line must not start a new section. A line that ends
in ``，`` or ``、`` is broken whatever its length, even without a blank line.

The fix joins the two lines. It is safe when the evidence is strong (a long
line broken at a blank line, continuing with Han text or a number), unsafe
otherwise.
"""
from __future__ import annotations

from ..charclass import TERMINAL, is_han
from ..finding import Applicability, Edit
from ..rule import Option, Rule, line_spans
from . import kind
from .headings import series_of

_CLAUSE_MARKS = "，、"
_SPACES = " \t\u3000\u00a0"
_CONTINUES = "“‘《（(%％、，"
_PUNCT = set("，。、；：！？,.;:!?（）()“”")
_ADDRESS = ("各位代表", "各位委员", "同志们")
_CLOSING_QUOTES = "”’」』"
_SUBTITLE = ("——", "--", "－－")  # dated subtitles and bylines, not body text
# Words that end the title of an official document (关于印发……方案的通知).
_DOC_TYPES = ("通知", "意见", "决定", "决议", "报告", "方案", "办法", "规定", "通报", "批复", "公告",
              "公报", "纪要", "讲话", "规划", "纲要", "摘要", "细则", "条例", "说明", "函")


def _lines(text: str):
    """(start, end) of every line's visible text (indentation and trailing space trimmed)."""
    for s, e in line_spans(text):
        while s < e and text[s] in _SPACES:
            s += 1
        while e > s and text[e - 1] in _SPACES:
            e -= 1
        yield s, e


@kind("broken-paragraph")
class BrokenParagraphRule(Rule):
    OPTIONS = {
        "min-length": Option(int, 20, doc="shorter lines are taken for titles unless they end in ，or 、"),
        "safe-length": Option(int, 40, doc="the join is a safe fix from this line length up"),
    }

    def check(self, doc, ctx):
        prose = doc.prose
        text = prose.text
        heading_lines = {doc.line_at(t.start) for t in doc.markup.of_kind("heading")}
        lines = list(_lines(text))
        o = self.options
        prev = None  # (index, start, end) of the last non-blank line
        for i, (s, e) in enumerate(lines):
            if s == e:
                continue
            if prev is not None:
                finding = self._judge(doc, text, prev, (i, s, e), heading_lines, o)
                if finding:
                    yield finding
            prev = (i, s, e)

    def _judge(self, doc, text, prev, nxt, heading_lines, o):
        pi, ps, pe = prev
        ni, ns, ne = nxt
        gap = ni - pi - 1
        last = text[pe - 1]
        if last in _CLOSING_QUOTES and pe - ps > 1 and text[pe - 2] not in TERMINAL:
            pass  # a quoted term (“一地一策”) does not end a sentence
        elif last in TERMINAL or last in "*#>|":
            return None
        clause_cut = last in _CLAUSE_MARKS
        line_text = text[ps:pe]
        if not clause_cut:
            if gap == 0 or pe - ps < o["min-length"]:
                return None
            if _looks_like_title(line_text):
                return None
            tail = line_text[max(line_text.rfind(c) for c in "。！？!?") + 1:]
            if tail != line_text and series_of(tail):
                return None  # a heading run into the paragraph (L103's finding)
            if pi + 1 in heading_lines or series_of(line_text) or not (
                    is_han(last) or last.isdigit() or last in "%％" or last in _CLOSING_QUOTES):
                return None
        first = text[ns]
        head = text[ns:ne]
        if ni + 1 in heading_lines or series_of(head) or head.startswith(_ADDRESS):
            return None
        if head[-1] in "：:" and ne - ns <= 60:
            return None  # a salutation (各区县人民政府，市府各委办局：) opens a new part
        if not (is_han(first) or first.isdigit() or first in _CONTINUES):
            return None
        if ne - ns <= 12 and not any(c in _PUNCT for c in head):
            return None  # a short line with no punctuation: a title or a byline
        # The reported span: the fragment after the last clause mark (at most 8 characters).
        frag_start = pe - 1
        while frag_start > ps and pe - frag_start < 8 and text[frag_start - 1] not in "，、；：。,;:":
            frag_start -= 1
        src_s, src_e = doc.prose.to_source(frag_start, pe)
        join_s = _visible_end(doc.text, doc.line_span(pi + 1))
        join_e = _visible_start(doc.text, doc.line_span(ni + 1))
        safe = gap >= 1 and pe - ps >= o["safe-length"] and (is_han(first) or first.isdigit())
        fix = None
        if self.meta.applicability:
            fix = self.make_fix([Edit(join_s, join_e, "")],
                                Applicability.SAFE if safe else Applicability.UNSAFE)
        return self.finding(src_s, src_e, fix=fix, group=self.meta.code,
                            fragment=text[frag_start:pe], next_line=ni + 1,
                            next_text=_short(head), gap=gap)


def _looks_like_title(line: str) -> bool:
    """A subtitle or byline (——…), or a document title (关于…的通知) with no clause punctuation."""
    if any(c in line for c in "，。；,;"):
        return False
    return line.startswith(_SUBTITLE) or line.endswith(_DOC_TYPES)


def _visible_end(text: str, span: tuple[int, int]) -> int:
    s, e = span
    while e > s and text[e - 1] in _SPACES:
        e -= 1
    return e


def _visible_start(text: str, span: tuple[int, int]) -> int:
    s, e = span
    while s < e and text[s] in _SPACES:
        s += 1
    return s


def _short(s: str, n: int = 12) -> str:
    return s if len(s) <= n else s[:n] + "…"
