"""A decoded document: normalised text, line index, markup and a prose view.

Rules read ``Document.text``, in which every line break is ``\\n``. The
original newlines (LF, CRLF, CR, even mixed) are remembered so that fixes are
written back byte-for-byte unchanged outside the edited spans. Offsets are
code points (Python ``str`` indices), so characters outside the BMP count as
one column.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property
from pathlib import PurePath

from .finding import Edit
from .markup import MarkupScan, ProseView, scan

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})


class Document:
    def __init__(self, raw: str, path: str = "<text>", *, encoding: str = "utf-8",
                 bom: bytes = b"", fmt: str | None = None):
        self.raw = raw
        self.path = path
        self.encoding = encoding
        self.bom = bom
        self.format = fmt or ("markdown" if PurePath(path).suffix.lower() in MARKDOWN_SUFFIXES else "text")
        if "\r" in raw:
            crlf = raw.count("\r\n")
            lone_cr = raw.count("\r") - crlf
            lf = raw.count("\n") - crlf
            self.text = raw.replace("\r\n", "\n").replace("\r", "\n")
            # Offsets (in self.text) of the "\n" that stand for "\r\n": each one
            # shifts later offsets of the raw text by one.
            self._crlf_at = _crlf_positions(raw) if crlf else []
            styles = {"\n": lf, "\r\n": crlf, "\r": lone_cr}
            self.newline = max(styles, key=lambda k: styles[k])
            self.mixed_newlines = sum(1 for v in styles.values() if v) > 1
        else:
            self.text = raw
            self._crlf_at = []
            self.newline = "\n"
            self.mixed_newlines = False

    # -- positions -------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        text = self.text
        i = text.find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = text.find("\n", i + 1)
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based; column counts code points."""
        starts = self.line_starts
        line = bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        return self.line_starts[line - 1] + column - 1

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def line_span(self, lineno: int) -> tuple[int, int]:
        """Offsets of line ``lineno`` (1-based) without its newline."""
        start = self.line_starts[lineno - 1]
        return start, start + len(self.lines[lineno - 1])

    def line_at(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset)

    # -- markup ----------------------------------------------------------
    @cached_property
    def markup(self) -> MarkupScan:
        return scan(self.text)

    @cached_property
    def prose(self) -> ProseView:
        return ProseView(self.text, self.markup.tokens)

    # -- writing back ----------------------------------------------------
    def raw_offset(self, offset: int) -> int:
        return offset + bisect_left(self._crlf_at, offset)

    def apply(self, edits: list[Edit]) -> str:
        """The raw text with non-overlapping ``edits`` applied.

        New line breaks in replacement text take the document's own newline
        style; everything outside the edits keeps its original bytes.
        """
        out: list[str] = []
        pos = 0
        for e in sorted(edits, key=lambda e: (e.start, e.end)):
            s, t = self.raw_offset(e.start), self.raw_offset(e.end)
            out.append(self.raw[pos:s])
            out.append(e.content.replace("\n", self.newline) if self.newline != "\n" else e.content)
            pos = t
        out.append(self.raw[pos:])
        return "".join(out)

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def _crlf_positions(raw: str) -> list[int]:
    out = []
    shift = 0
    i = raw.find("\r\n")
    while i >= 0:
        out.append(i - shift)
        shift += 1
        i = raw.find("\r\n", i + 2)
    return out
