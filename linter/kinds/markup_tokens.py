"""``markup``: report one kind of markup construct found by the scanner.

The scanner (``linter/markup.py``) finds the syntax; a rule of this kind picks
one token kind (``emphasis``, ``heading``, ``bullet``, ``hard-break``,
``html-tag``, ``entity``, ``escape``, ``latex``) and reports each occurrence.
The fix removes the delimiters and keeps the text inside (entities and
escapes become the character they stand for).
"""
from __future__ import annotations

from ..finding import Applicability, Edit
from ..markup import emphasis_splits_word
from ..rule import Option, Rule
from . import kind

TOKEN_KINDS = ("emphasis", "heading", "bullet", "hard-break", "html-tag", "entity", "escape", "latex")
# Entities for spacing characters become a plain space: a no-break space in
# Chinese prose is itself an extraction artefact.
_SPACE_ENTITIES = {"\u00a0", "\u2002", "\u2003", "\u2009", "\u3000"}


@kind("markup")
class MarkupRule(Rule):
    OPTIONS = {
        "token": Option(str, required=True, choices=TOKEN_KINDS, doc="which markup construct to report"),
        "tags": Option(list, None, doc="html-tag only: report only these tag names"),
        "mid-word-only": Option(bool, False, doc="emphasis only: report only emphasis that opens "
                                                 "or closes inside a word"),
        "prose-length": Option(int, 12, doc="html-tag: content longer than this many characters "
                                            "is called prose in the message"),
    }

    def setup(self) -> None:
        tags = self.options["tags"]
        self.tags = frozenset(t.lower() for t in tags) if tags else None

    def check(self, doc, ctx):
        o = self.options
        text = doc.text
        for tok in doc.markup.of_kind(o["token"]):
            if self.tags is not None and tok.name not in self.tags:
                continue
            split = ""
            if tok.kind == "emphasis":
                split = emphasis_splits_word(text, tok, doc.line_starts[doc.line_at(tok.start) - 1])
            if o["mid-word-only"] and not split:
                continue
            fix = None
            if self.meta.applicability:
                if tok.replacement is not None:
                    edits = [Edit(tok.start, tok.end, _spoken(tok.replacement, tok.kind))]
                else:
                    edits = [Edit(s, e, "") for s, e in tok.delims]
                fix = self.make_fix(edits)
            # Messages show short previews: an outer tag's content may be most of the file.
            c0, c1 = tok.content if tok.content else (tok.end, tok.end)
            detail = ""
            if split:
                detail = f" (it {split})"
            elif tok.kind == "html-tag" and c1 - c0 > o["prose-length"]:
                detail = f" around {c1 - c0} characters of prose"
            if tok.kind == "html-tag" and len(tok.delims) == 2 and c1 - c0 > o["prose-length"]:
                (a, b), (c, d) = tok.delims
                shown = f"{text[a:b]}…{text[c:d]}"
            else:
                shown = text[tok.start:min(tok.end, tok.start + 40)]
            # A heading is reported at its marker; the rest of the line is its title.
            start, end = tok.delims[0] if tok.kind == "heading" else (tok.start, tok.end)
            yield self.finding(
                start, end, fix=fix, group=f"{self.meta.code}:{tok.kind}:{tok.name}",
                markup=_short(shown), content=_short(text[c0:min(c1, c0 + 40)]), name=tok.name,
                detail=detail,
            )


def _spoken(replacement: str, kind: str) -> str:
    """What an entity or escape becomes in text (space entities become a plain space)."""
    return " " if kind == "entity" and replacement in _SPACE_ENTITIES else replacement


def _short(s: str, n: int = 30) -> str:
    s = s.replace("\n", "⏎")
    return s if len(s) <= n else s[: n - 1] + "…"


__all__ = ["MarkupRule", "Applicability"]
