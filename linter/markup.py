"""Find markup left in report text, and give prose rules a view without it.

Extraction from web pages, PDFs and converters leaves Markdown (``**bold**``,
``## heading``, ``- bullet``, trailing double-space breaks), HTML (tags,
entities), LaTeX (``PM_{2.5}``) and literal escapes (``<U+00A0>``) in the
text. The scanner records each construct as a token: the *delimiters* to
remove and, where there is one, the *content* to keep. Prose rules read a
``ProseView`` with the delimiters removed and entities decoded, so a comma
after ``**130亿元**`` is still seen next to the Han character it follows.

Only syntax is recognised here; whether it is a problem is the markup rules'
decision. The scanner never matches across a line break.
"""
from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .charclass import is_han

# Tag names we treat as HTML; anything else in angle brackets is left alone
# (``<数据>`` or ``a<b`` are not markup).
HTML_TAGS = frozenset(
    """a abbr article aside b big blockquote body br caption center cite code col colgroup dd del
    details dfn div dl dt em figcaption figure font footer h1 h2 h3 h4 h5 h6 head header hr html i
    img ins kbd label li link main mark meta nav ol p pre q s section small span strike strong style
    sub summary sup table tbody td tfoot th thead title tr tt u ul var wbr""".split()
)
VOID_TAGS = frozenset({"br", "hr", "img", "wbr", "meta", "link", "col"})

_HEADING = re.compile(r"^(#{1,6})[ \t]+(?=\S)", re.M)
_BULLET = re.compile(r"^[ \t]*[-*+•▪●][ \t]+(?=\S)", re.M)
_HARD_BREAK = re.compile(r"(?<=\S)( {2,})$", re.M)
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)([^\n]*?\S)\1")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,9})((?:\s+[^<>\n]*?)?)\s*(/?)>|<!--.*?-->")
_ENTITY = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,9});")
_ESCAPE = re.compile(r"<U\+([0-9A-Fa-f]{4,6})>|\\u([0-9A-Fa-f]{4})")
_LATEX = re.compile(
    r"(?P<sub>[_^])\{(?P<script>[^{}\n]{1,20})\}"          # PM_{2.5}, m^{2}
    r"|\\(?P<cmd>text(?:bf|it|rm)?|mathrm|mathbf|emph)\{(?P<arg>[^{}\n]{1,80})\}"
    r"|(?<![\\$\w])\$(?P<math>[^$\n]{1,40}?)\$(?!\w)"
)


@dataclass(slots=True)
class Token:
    """One markup construct.

    ``start``/``end`` cover the whole construct; ``delims`` are the spans a
    fix removes; ``content`` is what stays (``None`` if nothing does);
    ``replacement`` is text that stands for the construct in prose (entities,
    escapes) when it is not simply its content.
    """

    kind: str                      # heading, bullet, hard-break, emphasis, html-tag, entity, escape, latex
    start: int
    end: int
    delims: tuple[tuple[int, int], ...]
    content: tuple[int, int] | None = None
    name: str = ""                 # tag name, heading level as "##", latex command...
    replacement: str | None = None
    paired: bool = True            # False for an HTML open/close tag with no partner


@dataclass
class MarkupScan:
    tokens: list[Token] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Token]:
        return [t for t in self.tokens if t.kind == kind]


def scan(text: str) -> MarkupScan:
    tokens: list[Token] = []
    if "#" in text:
        for m in _HEADING.finditer(text):
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end < 0 else line_end
            tokens.append(Token("heading", m.start(), line_end, ((m.start(), m.end()),),
                                (m.end(), line_end), name=m.group(1)))
    if any(c in text for c in "-*+•▪●"):
        for m in _BULLET.finditer(text):
            tokens.append(Token("bullet", m.start(), m.end(), ((m.start(), m.end()),)))
    if "  \n" in text or text.endswith("  "):
        for m in _HARD_BREAK.finditer(text):
            tokens.append(Token("hard-break", m.start(1), m.end(1), ((m.start(1), m.end(1)),)))
    if "**" in text or "__" in text:
        for m in _EMPHASIS.finditer(text):
            d = len(m.group(1))
            tokens.append(Token("emphasis", m.start(), m.end(),
                                ((m.start(), m.start() + d), (m.end() - d, m.end())),
                                (m.start() + d, m.end() - d), name=m.group(1)))
    if "<" in text:
        tokens.extend(_scan_tags(text))
        for m in _ESCAPE.finditer(text):
            code = int(m.group(1) or m.group(2), 16)
            char = chr(code) if code < 0x110000 and not 0xD800 <= code <= 0xDFFF else "\ufffd"
            tokens.append(Token("escape", m.start(), m.end(), ((m.start(), m.end()),),
                                name=f"U+{code:04X}", replacement=char))
    elif "\\u" in text:
        for m in _ESCAPE.finditer(text):
            code = int(m.group(1) or m.group(2), 16)
            char = chr(code) if not 0xD800 <= code <= 0xDFFF else "\ufffd"
            tokens.append(Token("escape", m.start(), m.end(), ((m.start(), m.end()),),
                                name=f"U+{code:04X}", replacement=char))
    if "&" in text:
        for m in _ENTITY.finditer(text):
            decoded = html.unescape(m.group(0))
            if decoded != m.group(0):
                tokens.append(Token("entity", m.start(), m.end(), ((m.start(), m.end()),),
                                    name=m.group(0), replacement=decoded))
    if "{" in text or "$" in text:
        for m in _LATEX.finditer(text):
            if m.group("sub"):
                s, e = m.span("script")
                name = m.group("sub")
            elif m.group("cmd"):
                s, e = m.span("arg")
                name = "\\" + m.group("cmd")
            else:
                s, e = m.span("math")
                name = "$"
            tokens.append(Token("latex", m.start(), m.end(), ((m.start(), s), (e, m.end())),
                                (s, e), name=name))
    tokens.sort(key=lambda t: (t.start, -t.end))
    return MarkupScan(_drop_nested_conflicts(tokens, len(text)))


def _scan_tags(text: str) -> list[Token]:
    """HTML tags; an open tag is paired with the innermost matching close tag on its line.

    Tags never pair across lines: at each new line the opens still waiting
    are reported unpaired. Finding the line end forward from each tag keeps
    the scan linear even on a single huge line.
    """
    out: list[Token] = []
    open_stack: dict[str, list[re.Match]] = {}
    singles: list[re.Match] = []
    line_end = -1

    def flush() -> None:
        for stack in open_stack.values():
            for o in stack:
                out.append(Token("html-tag", o.start(), o.end(), ((o.start(), o.end()),),
                                 name=o.group(2).lower(), paired=False))
        open_stack.clear()

    for m in _TAG.finditer(text):
        if m.group(0).startswith("<!--"):
            out.append(Token("html-tag", m.start(), m.end(), ((m.start(), m.end()),), name="!--"))
            continue
        name = m.group(2).lower()
        if name not in HTML_TAGS:
            continue
        if m.start() > line_end:
            flush()
            line_end = text.find("\n", m.start())
            line_end = len(text) if line_end < 0 else line_end
        closing, selfclose = m.group(1) == "/", m.group(4) == "/"
        if name in VOID_TAGS or selfclose:
            singles.append(m)
        elif not closing:
            open_stack.setdefault(name, []).append(m)
        elif open_stack.get(name):
            o = open_stack[name].pop()
            out.append(Token("html-tag", o.start(), m.end(), ((o.start(), o.end()), (m.start(), m.end())),
                             (o.end(), m.start()), name=name))
        else:
            out.append(Token("html-tag", m.start(), m.end(), ((m.start(), m.end()),), name=name,
                             paired=False))
    flush()
    for m in singles:
        out.append(Token("html-tag", m.start(), m.end(), ((m.start(), m.end()),), name=m.group(2).lower()))
    return out


def _drop_nested_conflicts(tokens: list[Token], length: int) -> list[Token]:
    """Keep tokens whose delimiters do not overlap an earlier token's delimiters.

    Delimiters are short, so marking the characters they claim in a byte
    array decides each overlap in time proportional to the delimiter.
    """
    claimed = bytearray(length + 1)
    kept: list[Token] = []
    for t in tokens:
        if any(claimed.find(1, s, e) >= 0 for s, e in t.delims):
            continue
        kept.append(t)
        for s, e in t.delims:
            claimed[s:e] = b"\x01" * (e - s)
    return kept


class ProseView:
    """The document text with markup delimiters removed, mapped back to offsets.

    ``text`` is what prose rules read; ``to_source(start, end)`` maps a span
    of it back to the document. Entities and escapes read as the character
    they stand for.
    """

    __slots__ = ("text", "_pstart", "_chunks", "identity")
    # ``_chunks``: (prose_start, prose_len, source_start, source_len); a chunk with
    # equal lengths is text copied verbatim, any other stands for removed markup.

    def __init__(self, source: str, tokens: list[Token]):
        cuts: list[tuple[int, int, str]] = []
        for t in tokens:
            if t.replacement is not None:
                cuts.append((t.start, t.end, t.replacement))
            else:
                cuts.extend((s, e, "") for s, e in t.delims)
        cuts.sort()
        self.identity = not cuts
        if self.identity:
            self.text = source
            self._pstart = [0]
            self._chunks = [(0, len(source), 0, len(source))]
            return
        parts: list[str] = []
        chunks: list[tuple[int, int, int, int]] = []  # prose_start, prose_len, src_start, src_len
        pos = 0
        plen = 0
        for s, e, rep in cuts:
            if s < pos:
                continue
            if s > pos:
                chunks.append((plen, s - pos, pos, s - pos))
                parts.append(source[pos:s])
                plen += s - pos
            chunks.append((plen, len(rep), s, e - s))
            parts.append(rep)
            plen += len(rep)
            pos = e
        if pos < len(source):
            chunks.append((plen, len(source) - pos, pos, len(source) - pos))
            parts.append(source[pos:])
        self.text = "".join(parts)
        self._chunks = chunks
        self._pstart = [c[0] for c in chunks]

    def verbatim(self, start: int, end: int) -> bool:
        """True when prose[start:end] stands in the source as it is, with no markup
        removed inside or at its edges, so an edit of the mapped span is exact."""
        if self.identity:
            return True
        i = bisect_right(self._pstart, start) - 1
        if i < 0:
            return False
        pstart, plen, _sstart, slen = self._chunks[i]
        return plen == slen and end <= pstart + plen

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        if self.identity:
            return start, end
        return self._map(start, False), self._map(end, True) if end > start else self._map(start, False)

    def _map(self, p: int, is_end: bool) -> int:
        i = bisect_right(self._pstart, p) - 1
        if is_end:
            # An end offset at a chunk boundary belongs to the chunk before it.
            while i > 0 and self._chunks[i][0] == p:
                i -= 1
        i = max(i, 0)
        pstart, plen, sstart, slen = self._chunks[i]
        off = p - pstart
        if plen == slen:
            return sstart + min(off, slen)
        return sstart + (slen if is_end or off > 0 else 0)


# Characters that end a phrase: emphasis closing one or two characters before
# one of these cut the phrase (``**…充分涌**动。``).
_PHRASE_END = frozenset("，。；：！？、,;:!?…）)」』”》\n")


def emphasis_splits_word(text: str, token: Token, line_start: int) -> str:
    """Why an emphasis token cuts a word or phrase, or ``""`` if it does not.

    Between Han characters there is no space to show a word boundary, so we
    look for the shapes that extraction produces: the closing ``**`` one or
    two characters short of the phrase end (``涌**动。``, ``建设**试点。``),
    the opening one or two characters after the phrase start, or an opening
    at the start of a line that continues a sentence broken off above.
    ``line_start`` is the offset of the token's line (callers know it cheaply).
    """
    if token.kind != "emphasis" or len(token.delims) != 2:
        return ""
    (o_s, o_e), (c_s, c_e) = token.delims
    n = len(text)
    if c_s > 0 and c_e < n and is_han(text[c_s - 1]) and is_han(text[c_e]):
        j = c_e
        while j < n and j - c_e < 3 and is_han(text[j]):
            j += 1
        if j - c_e <= 2 and (j == n or text[j] in _PHRASE_END):
            return f"closes just before '{text[c_e:j]}', cutting the phrase short"
    if o_e < n and is_han(text[o_e]):
        ls = line_start
        k = o_s
        while k > ls and text[k - 1] in " \t\u3000":
            k -= 1
        if k == ls:
            # Opening at a line start: does the line continue a sentence that a
            # blank line (a page or column break) cut off?
            last, gap = _last_visible_before(text, ls)
            if gap >= 2 and is_han(last):
                return "opens at a line that continues a sentence broken off above"
        else:
            k = o_s
            while k > ls and o_s - k < 3 and is_han(text[k - 1]):
                k -= 1
            if 0 < o_s - k <= 2 and k > ls and text[k - 1] in _PHRASE_END:
                return f"opens just after '{text[k:o_s]}', cutting the phrase"
    return ""


def _last_visible_before(text: str, pos: int) -> tuple[str, int]:
    """The last character before ``pos`` that is not space or a trailing HTML
    tag, and how many line breaks lie between it and ``pos``."""
    j, breaks = pos, 0
    while j > 0:
        ch = text[j - 1]
        if ch == "\n":
            breaks += 1
        elif ch == ">":
            lt = text.rfind("<", max(0, j - 12), j)
            if lt < 0 or not _TAG.fullmatch(text, lt, j):
                return ch, breaks
            j = lt
            continue
        elif not ch.isspace():
            return ch, breaks
        j -= 1
    return "", breaks
