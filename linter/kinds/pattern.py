"""``pattern``: a regular expression, with an optional replacement.

The regex (``regex`` module syntax, multi-line: ``^``/``$`` match at line
breaks) runs over the prose view (markup removed; the default) or the raw
text. ``span`` picks the group that is reported and replaced; ``replace`` is
an expansion template (``\\g<name>``); ``normalize`` (NFKC, NFC, …) rewrites
the reported span in that Unicode normal form (full-width ``２０２５`` becomes
``2025``, ``PM₂.₅`` becomes ``PM2.5``); ``delete-line: true`` makes the fix
remove the whole lines the match touches. ``unless`` skips a match when it
matches the match's line. User patterns run with a timeout, so a
catastrophic pattern in a user pack fails that rule, not the run.
"""
from __future__ import annotations

import unicodedata

import regex

from ..finding import Applicability, Edit
from ..errors import RuleTimeout
from ..rule import Option, Rule
from . import kind

TIMEOUT_S = 5.0


def compile_pattern(source: str, ignorecase: bool = False) -> "regex.Pattern":
    flags = regex.M | (regex.I if ignorecase else 0)
    return regex.compile(source, flags)


def _always(start: int, end: int) -> bool:
    return True


def scope_text(doc, scope: str):
    """(text, to_source, verbatim) for a rule scope.

    ``verbatim(start, end)`` tells whether a span of the scope's text stands in
    the document unchanged, so that an edit built from it is exact. Spans that
    touch removed markup get no fix: the markup rules fix that first, and the
    next round of fixing offers this one on clean text.
    """
    if scope == "raw":
        return doc.text, (lambda s, e: (s, e)), _always
    prose = doc.prose
    return prose.text, prose.to_source, prose.verbatim


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", max(end - 1, start))
    return ls, (len(text) if le < 0 else le)


def whole_lines_edit(text: str, start: int, end: int) -> Edit:
    """Delete the lines covering [start, end), with one adjacent newline."""
    ls, le = line_bounds(text, start, end)
    if le < len(text):
        return Edit(ls, le + 1, "")
    return Edit(max(ls - 1, 0), le, "")


@kind("pattern")
class PatternRule(Rule):
    OPTIONS = {
        "pattern": Option(str, required=True, doc="regular expression (regex module syntax)"),
        "scope": Option(str, "prose", choices=("prose", "raw"), doc="prose: markup removed; raw: as written"),
        "span": Option((int, str), 0, doc="group reported and replaced"),
        "replace": Option(str, None, doc="replacement template for the reported span"),
        "normalize": Option(str, None, choices=("NFC", "NFKC", "NFD", "NFKD"),
                            doc="replacement: the span in this Unicode normal form"),
        "delete-line": Option(bool, False, doc="the fix deletes the whole line(s) of the match"),
        "delete": Option(bool, False, doc="the fix deletes the match, and its line if nothing else is on it"),
        "unless": Option(str, None, doc="skip matches whose line matches this regex"),
        "prefilter": Option(list, None, doc="literal strings: the pattern runs only on lines holding "
                                            "one of them (a speed-up for single-line patterns)"),
        "ignorecase": Option(bool, False),
    }

    def setup(self) -> None:
        o = self.options
        self.regex = compile_pattern(o["pattern"], o["ignorecase"])
        self.unless = compile_pattern(o["unless"]) if o["unless"] else None
        self.prefilter = tuple(str(x) for x in o["prefilter"]) if o["prefilter"] else None
        if self.prefilter is not None and not all(self.prefilter):
            raise ValueError("prefilter strings must not be empty")

    def check(self, doc, ctx):
        o = self.options
        text, to_source, verbatim = scope_text(doc, o["scope"])
        span = o["span"]
        try:
            matches = list(self._matches(text))
        except TimeoutError:
            raise RuleTimeout(f"pattern of {self.meta.code} took over {TIMEOUT_S:g}s on {doc.path}") from None
        for m in matches:
            s, e = m.span(span)
            if s < 0 or (s == e and not o["delete-line"]):
                continue
            if self.unless is not None:
                ls, le = line_bounds(text, s, e)
                if self.unless.search(text, ls, le):
                    continue
            src_s, src_e = to_source(s, e)
            found = m.group(span)
            whole = o["delete-line"] or o["delete"] and _fills_line(doc.text, src_s, src_e)
            new = self._replacement(m)
            fix = None
            if self.meta.applicability and (whole or verbatim(s, e)):
                if whole:
                    fix = self.make_fix([whole_lines_edit(doc.text, src_s, src_e)])
                elif o["delete"]:
                    fix = self.make_fix([Edit(src_s, src_e, "")])
                elif new is not None and new != found:
                    fix = self.make_fix([Edit(src_s, src_e, new)])
            yield self.finding(src_s, src_e, fix=fix, match=_short(found), subsumes=whole,
                               fix_text=new if new is not None else "",
                               **{k: v for k, v in m.groupdict().items() if v is not None})

    def _matches(self, text: str):
        if self.prefilter is None:
            yield from self.regex.finditer(text, timeout=TIMEOUT_S)
            return
        # Substring search is far faster than any regex scan over CJK text, and most
        # documents hold none of the literals at all.
        lines = set()
        for literal in self.prefilter:
            i = text.find(literal)
            while i >= 0:
                ls, le = line_bounds(text, i, i + len(literal))
                lines.add((ls, le))
                i = text.find(literal, le)
        for ls, le in sorted(lines):
            yield from self.regex.finditer(text, ls, le, timeout=TIMEOUT_S)

    def _replacement(self, m) -> str | None:
        """The text a match should read, when the rule rewrites matches."""
        o = self.options
        if o["replace"] is None and not o["normalize"]:
            return None
        new = m.expand(o["replace"]) if o["replace"] is not None else m.group(o["span"])
        return unicodedata.normalize(o["normalize"], new) if o["normalize"] else new


def _fills_line(text: str, start: int, end: int) -> bool:
    ls, le = line_bounds(text, start, end)
    return not text[ls:start].strip() and not text[end:le].strip()


def _short(s: str, n: int = 40) -> str:
    s = s.replace("\n", "⏎")
    return s if len(s) <= n else s[: n - 1] + "…"


__all__ = ["PatternRule", "RuleTimeout", "compile_pattern", "scope_text", "whole_lines_edit",
           "Applicability"]
