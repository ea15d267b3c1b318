"""The one interface every rule implements, and the metadata it carries.

A rule is metadata (code, name, category, severity, message, docs) plus one
``check(doc, ctx)`` that yields findings as code-point offsets. Rules never
read files, print, edit text or compute line/column. Concrete rules are
instances of a *kind* (``linter/kinds/``) configured from a YAML pack; a kind
declares the options it accepts in ``OPTIONS`` so packs and user configs are
validated strictly.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Iterator

from .finding import Applicability, Edit, Finding, Fix, Severity

if TYPE_CHECKING:
    from .context import Context
    from .document import Document

CATEGORY_LETTERS = {
    "garbled": "G", "markup": "M", "placename": "N", "script": "S", "punctuation": "P",
    "units": "U", "consistency": "C", "typo": "T", "layout": "L",
}


@dataclass(frozen=True)
class Option:
    """One option a kind accepts: its type(s), default and a line of docs."""

    types: type | tuple[type, ...]
    default: Any = None
    required: bool = False
    doc: str = ""
    choices: tuple | None = None


@dataclass(frozen=True)
class RuleDoc:
    what: str
    why: str
    bad: tuple[str, ...] = ()     # examples the rule must flag (tested)
    good: tuple[str, ...] = ()    # examples it must leave alone (tested)
    fix_safety: str = ""
    notes: str = ""


@dataclass(frozen=True)
class RuleMeta:
    code: str
    name: str
    kind: str
    category: str
    severity: Severity
    message: str
    doc: RuleDoc
    fix_title: str = ""
    applicability: Applicability | None = None   # None: the rule offers no fix
    enabled: bool = True                         # on by default
    formats: tuple[str, ...] = ("text", "markdown")
    status: str = "stable"
    pack: str = ""
    source: str = ""                             # the pack file and line that declare it
    line: int = 0

    @property
    def fix_availability(self) -> str:
        """'safe', 'unsafe', 'display' (the rule's usual fix) or 'none'."""
        return self.applicability.value if self.applicability else "none"


class Rule:
    """Base class of all kinds."""

    KIND: ClassVar[str] = ""
    OPTIONS: ClassVar[dict[str, Option]] = {}

    def __init__(self, meta: RuleMeta, options: dict[str, Any]):
        self.meta = meta
        self.options = {k: (options[k] if k in options else o.default) for k, o in self.OPTIONS.items()}
        self.setup()

    # Kinds compile patterns and tables here, once per pack load.
    def setup(self) -> None:
        pass

    def check(self, doc: "Document", ctx: "Context") -> Iterable[Finding]:
        raise NotImplementedError

    def applies_to(self, doc: "Document") -> bool:
        return doc.format in self.meta.formats

    def with_overrides(self, severity: Severity | None, options: dict[str, Any]) -> "Rule":
        """A copy with another severity and/or options (from a user's config)."""
        if not severity and not options:
            return self
        meta = replace(self.meta, severity=severity) if severity else self.meta
        return type(self)(meta, {**self.options, **options})

    # -- helpers for kinds ----------------------------------------------
    def finding(self, start: int, end: int, message: str | None = None, *,
                fix: Fix | None = None, fixes: Iterable[Fix] = (), severity: Severity | None = None,
                group: str | None = None, subsumes: bool = False, **values: Any) -> Finding:
        m = self.meta
        text = message if message is not None else m.message
        if values:
            text = self._format(text, values)
        all_fixes = ((fix,) if fix else ()) + (tuple(fixes) if fixes else ())
        return Finding(m.code, m.name, m.category, severity or m.severity, text, start, end,
                       all_fixes, group=group if group is not None else text, subsumes=subsumes)

    def _format(self, template: str, values: dict[str, Any]) -> str:
        # A rule repeats the same message many times (600 half-width commas): cache it.
        try:
            key = (template, tuple(values.items()))
            cache = self.__dict__.setdefault("_messages", {})
            text = cache.get(key)
            if text is None:
                text = cache[key] = format_message(template, values)
            return text
        except TypeError:  # an unhashable value
            return format_message(template, values)

    def make_fix(self, edits, applicability: Applicability | None = None, title: str | None = None) -> Fix:
        eds = tuple(e if type(e) is Edit else Edit(*e) for e in edits)
        app = applicability or self.meta.applicability or Applicability.SAFE
        return Fix(eds, app, title if title is not None else self.meta.fix_title)


class _Default(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_message(template: str, values: dict[str, Any]) -> str:
    """``str.format_map`` that leaves unknown placeholders as they are."""
    try:
        return template.format_map(_Default(values))
    except (ValueError, IndexError):
        return template


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line of ``text`` (``\\n`` separated, end excludes the break)."""
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        yield pos, nl
        pos = nl + 1


__all__ = ["Option", "Rule", "RuleDoc", "RuleMeta", "CATEGORY_LETTERS", "format_message", "line_spans"]
