"""Run rules over documents, apply fixes, and turn files into results.

``lint_document`` runs each rule once over a prepared document and fills in
every position (1-based line, code-point column). ``fix_document`` applies
the chosen fixes, re-lints, and repeats until nothing is left to fix (ruff's
loop, capped). ``lint_file`` adds reading and decoding: a file that cannot be
decoded is reported, never linted or fixed.
"""
from __future__ import annotations

import bisect
import difflib
from dataclasses import dataclass, field
from pathlib import Path

from .decoding import DecodeProblem, decode
from .document import Document
from .errors import RuleTimeout
from .fileio import FileChanged, WriteRefused, read_bytes, write_atomic
from .finding import Edit, Finding, Severity
from .rule import Rule, format_message

MAX_FIX_ROUNDS = 10

# Engine findings (declared in rules/engine.yaml) by what went wrong with a file.
FILE_PROBLEM_CODES = {"binary": "G001", "invalid-encoding": "G001", "legacy-encoding": "G002",
                      "empty": "G003"}


@dataclass
class FileError:
    kind: str       # not-found, unreadable, binary, invalid-encoding, legacy-encoding, write-failed
    message: str


@dataclass
class RuleFailure:
    code: str
    path: str
    message: str


@dataclass
class FileResult:
    path: str                          # as shown to the user
    findings: list[Finding] = field(default_factory=list)
    doc: Document | None = None        # the text as it now stands (after fixes)
    error: FileError | None = None     # the file could not be read or decoded (exit code 3)
    write_error: FileError | None = None
    fixes_applied: int = 0
    converged: bool = True
    original: str | None = None        # raw text before fixes, when fixes changed it
    rule_failures: list[RuleFailure] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.original is not None and self.doc is not None and self.doc.raw != self.original

    def diff(self) -> str:
        if not self.changed:
            return ""
        return "".join(difflib.unified_diff(
            self.original.splitlines(keepends=True), self.doc.raw.splitlines(keepends=True),
            fromfile=f"a/{self.path}", tofile=f"b/{self.path}"))


def locate(doc: Document, finding: Finding) -> None:
    """Fill in the 1-based line and code-point column of a finding and its edits."""
    position = doc.position
    finding.line, finding.column = position(finding.start)
    finding.end_line, finding.end_column = position(finding.end)
    for fix in finding.fixes:
        for e in fix.edits:
            e.line, e.column = position(e.start)
            e.end_line, e.end_column = position(e.end) if e.end != e.start else (e.line, e.column)


def lint_document(doc: Document, rules: tuple[Rule, ...] | list[Rule],
                  settings: dict | None = None, ignore: tuple[str, ...] = (), keep=None
                  ) -> tuple[list[Finding], list[RuleFailure]]:
    """Every finding of ``rules`` on ``doc``, sorted; ``keep(doc, findings)`` drops the ones the
    user accepted (baseline, suppressions) before any fix is chosen."""
    from .context import Context      # with the shared facts; not needed to read the cache
    ctx = Context(doc, settings)
    findings: list[Finding] = []
    failures: list[RuleFailure] = []
    n = len(doc.text)
    for rule in rules:
        code = rule.meta.code
        if not rule.applies_to(doc) or (ignore and code.startswith(ignore)):
            continue
        try:
            produced = list(rule.check(doc, ctx))
        except RuleTimeout as exc:
            failures.append(RuleFailure(code, doc.path, str(exc)))
            continue
        except Exception as exc:  # a rule's bug must not stop the other rules
            failures.append(RuleFailure(code, doc.path, f"rule {code} ({rule.meta.source}:{rule.meta.line}) "
                                                         f"failed: {type(exc).__name__}: {exc}"))
            continue
        for f in produced:
            if not 0 <= f.start <= f.end <= n:
                failures.append(RuleFailure(code, doc.path, f"rule {code} reported a span outside the text"))
                continue
            f.path = doc.path
            locate(doc, f)
            findings.append(f)
    findings.sort(key=Finding.sort_key)
    findings = drop_subsumed(findings)
    return (keep(doc, findings) if keep else findings), failures


def drop_subsumed(findings: list[Finding]) -> list[Finding]:
    """Drop findings inside the span of a finding whose text is deleted whole.

    ``findings`` is sorted by start; one sweep keeps the covering span that
    reaches furthest.
    """
    if not any(f.subsumes for f in findings):
        return findings
    kept = []
    cover: Finding | None = None
    for f in findings:
        if cover is not None and f is not cover and f.start >= cover.start and f.end <= cover.end:
            continue
        if f.subsumes and (cover is None or f.end > cover.end):
            cover = f
        kept.append(f)
    return kept


class _Taken:
    """Spans claimed by chosen edits, for overlap checks in O(log n).

    Replacements may touch but not overlap; an insertion clashes with another
    insertion at the same point or with a replacement that strictly contains it.
    """

    def __init__(self):
        self.starts: list[int] = []    # replacements, sorted and disjoint
        self.ends: list[int] = []
        self.points: list[int] = []    # insertions, sorted

    def clashes(self, e: Edit) -> bool:
        if e.start == e.end:
            p = e.start
            i = bisect.bisect_left(self.points, p)
            if i < len(self.points) and self.points[i] == p:
                return True
            j = bisect.bisect_left(self.starts, p) - 1
            return j >= 0 and self.ends[j] > p
        i = bisect.bisect_right(self.points, e.start)
        if i < len(self.points) and self.points[i] < e.end:
            return True
        j = bisect.bisect_left(self.starts, e.end)   # first replacement starting at or after the end
        return j > 0 and self.ends[j - 1] > e.start

    def add(self, e: Edit) -> None:
        if e.start == e.end:
            bisect.insort(self.points, e.start)
        else:
            i = bisect.bisect_left(self.starts, e.start)
            self.starts.insert(i, e.start)
            self.ends.insert(i, e.end)


def choose_edits(findings: list[Finding], unsafe: bool) -> tuple[list[Edit], int]:
    """Non-overlapping edits of the first applicable fix of each finding, and how many fixes."""
    taken = _Taken()
    chosen: list[Edit] = []
    fixes = 0
    for f in findings:
        fix = next((x for x in f.fixes if x.applies(unsafe)), None)
        if fix is None or not fix.edits or not _self_consistent(fix.edits):
            continue
        if any(taken.clashes(e) for e in fix.edits):
            continue
        for e in fix.edits:
            taken.add(e)
        chosen.extend(fix.edits)
        fixes += 1
    return chosen, fixes


def _self_consistent(edits) -> bool:
    """The edits of one fix must not overlap each other."""
    local = _Taken()
    for e in edits:
        if local.clashes(e):
            return False
        local.add(e)
    return True


def fix_document(doc: Document, rules, *, unsafe: bool = False, settings: dict | None = None,
                 ignore: tuple[str, ...] = (), keep=None):
    """Apply fixes until none is left. Returns (doc, findings, fixes applied, converged, failures)."""
    applied = 0
    for _ in range(MAX_FIX_ROUNDS):
        findings, failures = lint_document(doc, rules, settings, ignore, keep)
        edits, n = choose_edits(findings, unsafe)
        if not edits:
            return doc, findings, applied, True, failures
        doc = Document(doc.apply(edits), doc.path, encoding=doc.encoding, bom=doc.bom, fmt=doc.format)
        applied += n
    findings, failures = lint_document(doc, rules, settings, ignore, keep)
    converged = not choose_edits(findings, unsafe)[0]
    return doc, findings, applied, converged, failures


def file_problem_finding(rules_by_code: dict[str, Rule], kind: str, message: str) -> Finding | None:
    code = FILE_PROBLEM_CODES.get(kind)
    rule = rules_by_code.get(code) if code else None
    if rule is None:
        return None
    m = rule.meta
    f = Finding(m.code, m.name, m.category, m.severity, format_message(m.message, {"detail": message}),
                0, 0, group=m.code)
    f.line, f.column, f.end_line, f.end_column = 1, 1, 1, 1
    return f


def lint_file(path: Path, display: str, rules: tuple[Rule, ...], *, fix: bool = False,
              unsafe: bool = False, write: bool = True, encoding: str | None = None,
              ignore: tuple[str, ...] = (), settings: dict | None = None, keep=None,
              cache=None) -> FileResult:
    """Read, decode, lint (and fix) one file. ``cache`` is (Cache, key function of the file's
    bytes): a plain run keeps its findings there for ``cached_file`` to find next time."""
    result = FileResult(display)
    by_code = {r.meta.code: r for r in rules if r.meta.code not in ignore}
    try:
        data = read_bytes(path)
    except FileNotFoundError:
        result.error = FileError("not-found", "no such file")
        return result
    except IsADirectoryError:
        result.error = FileError("unreadable", "is a directory")
        return result
    except OSError as exc:
        result.error = FileError("unreadable", f"cannot read: {exc.strerror or exc}")
        return result
    try:
        decoded = decode(data, encoding)
    except DecodeProblem as exc:
        result.error = FileError(exc.kind, exc.message)
        f = file_problem_finding(by_code, exc.kind, exc.message)
        if f:
            f.path = display
            result.findings.append(f)
        return result
    doc = _document(decoded, path, display)
    if not doc.text.strip():
        f = file_problem_finding(by_code, "empty", "the file is empty" if not doc.text else
                                 "the file holds only whitespace")
        if f:
            f.path = display
            result.findings.append(f)
        result.doc = doc
        return result
    if cache is not None and not fix:
        # The runner has looked the file up already (cached_file): here its findings are kept.
        store, key_of = cache
        findings, failures = lint_document(doc, rules, settings, ignore)
        if not failures:
            store.put(key_of(data), findings)
        result.doc, result.rule_failures = doc, failures
        result.findings = keep(doc, findings) if keep else findings
        return result
    if fix:
        new, findings, applied, converged, failures = fix_document(
            doc, rules, unsafe=unsafe, settings=settings, ignore=ignore, keep=keep)
        result.doc, result.findings, result.fixes_applied = new, findings, applied
        result.converged, result.rule_failures = converged, failures
        if new.raw != doc.raw:
            result.original = doc.raw
            if write:
                try:
                    write_atomic(Path(path), new.encode(new.raw), data)
                except (FileChanged, WriteRefused, OSError) as exc:
                    # Nothing was written: report the file as it stands.
                    result.write_error = FileError("write-failed", f"not fixed: {exc}")
                    result.doc, result.original, result.fixes_applied = doc, None, 0
                    result.findings, result.rule_failures = lint_document(doc, rules, settings, ignore, keep)
    else:
        result.doc = doc
        result.findings, result.rule_failures = lint_document(doc, rules, settings, ignore, keep)
    return result


def cached_file(path: Path, display: str, cache, *, encoding: str | None = None,
                keep=None) -> FileResult | None:
    """A plain run's result for a file the cache holds, or None: the file must go through
    ``lint_file`` (not cached, changed, unreadable or undecodable — it reports those)."""
    store, key_of = cache
    try:
        data = read_bytes(path)
    except OSError:
        return None
    findings = store.get(key_of(data))
    if findings is None:
        return None
    try:
        doc = _document(decode(data, encoding), path, display)
    except DecodeProblem:
        return None
    return FileResult(display, keep(doc, findings) if keep else findings, doc)


def _document(decoded, path: Path, display: str) -> Document:
    # A file without a suffix is plain text, whatever its first lines look like.
    return Document(decoded.text, display, encoding=decoded.encoding, bom=decoded.bom,
                    fmt=None if Path(path).suffix else "text")


def tune_collector() -> None:
    """Set Python's garbage collector for a process that lints many files (the CLI does; a
    pipeline's workers may). Linting makes millions of small objects (spans, findings) and few
    reference cycles; with the default thresholds the collector walks them again and again
    (about a tenth of a run; more when the findings come from the cache)."""
    import gc
    gc.set_threshold(100_000, 20, 20)


def lint_text(text: str, rules, path: str = "<text>", *, fmt: str | None = None) -> list[Finding]:
    """Findings for a string (no file, no fixes)."""
    doc = Document(text, path, fmt=fmt)
    return lint_document(doc, rules)[0]


def worst(findings: list[Finding]) -> Severity | None:
    return max((f.severity for f in findings), key=lambda s: s.rank, default=None)
