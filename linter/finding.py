"""What a rule reports: findings, their fixes and the edits that make up a fix.

Rules work in code-point offsets into the document's text; the engine fills in
line and column (1-based, Unicode code points, end column exclusive) once the
rule is done, so no rule ever computes a position itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

CATEGORIES = (
    "garbled", "markup", "placename", "script", "punctuation",
    "units", "consistency", "typo", "layout",
)


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANKS[self.value]


class Applicability(str, Enum):
    """How far a fix can be trusted (the ruff model).

    safe:    changes no meaning; ``--fix`` applies it.
    unsafe:  probably right but a human should look; needs ``--unsafe-fixes``.
    display: a suggestion only; never applied.
    """

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY = "display"

    @property
    def rank(self) -> int:
        return _RANKS[self.value]


# Severity and applicability ranks (an enum cannot hold a plain dict of its own).
_RANKS = {"error": 3, "warning": 2, "info": 1, "safe": 3, "unsafe": 2, "display": 1}


@dataclass(slots=True)
class Edit:
    """Replace text[start:end] with ``content`` (empty content deletes)."""

    start: int
    end: int
    content: str = ""
    # Filled by the engine (1-based, code points, end exclusive).
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0


@dataclass(slots=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    title: str = ""

    def applies(self, unsafe: bool) -> bool:
        if self.applicability is Applicability.SAFE:
            return True
        return unsafe and self.applicability is Applicability.UNSAFE


@dataclass(slots=True)
class Finding:
    code: str
    name: str
    category: str
    severity: Severity
    message: str
    start: int
    end: int
    fixes: tuple[Fix, ...] = ()
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    # Message with the occurrence-specific parts left out; the text reporter
    # groups findings that share it ("shown once with its count").
    group: str = ""
    # True when the finding's text is junk to be deleted whole (a page head, a
    # caption line): other findings inside its span are moot and are dropped.
    subsumes: bool = False

    @property
    def fix(self) -> Fix | None:
        return self.fixes[0] if self.fixes else None

    @property
    def fixable(self) -> bool:
        """True when ``--fix`` alone would apply a fix."""
        for f in self.fixes:        # a loop, not any(): called for every finding of a report
            if f.applicability is Applicability.SAFE:
                return True
        return False

    def sort_key(self) -> tuple:
        return (self.path, self.start, -self.end, self.code)

    def to_dict(self) -> dict:
        # _value_ rather than .value: the enum property costs more than the rest of the dict,
        # and JSON reports build one dict per finding.
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity._value_,
            "message": self.message,
            "fixes": [
                {
                    "title": fx.title,
                    "applicability": fx.applicability._value_,
                    "edits": [
                        {"line": e.line, "column": e.column, "end_line": e.end_line,
                         "end_column": e.end_column, "content": e.content}
                        for e in fx.edits
                    ],
                }
                for fx in self.fixes
            ] if self.fixes else [],
        }
