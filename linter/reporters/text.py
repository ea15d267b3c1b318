"""``text``: the report people read.

Each finding is ``path:line:col: CODE [*] message`` (``[*]`` when ``--fix``
would fix it), then the source line with a caret under the span, aligned for
full-width characters, and the suggested fix. A finding repeated through a
file (six hundred half-width commas) is shown three times, then counted on
one line; ``--show-all`` lists every one. The footer counts findings by
severity and category and says how many are fixable.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import TextIO

from ..charclass import display_width
from ..finding import Applicability, Finding
from . import Reporter, reporter

SHOWN_PER_GROUP = 3
WINDOW = 36          # display columns of context shown either side of a span in a long line
MAX_SPAN = 40        # display columns of the span itself
_SEVERITY_COLOR = {"error": "31", "warning": "33", "info": "36"}


def _visible(s: str) -> str:
    """Tabs and control characters made visible without changing the column count."""
    out = []
    for ch in s:
        o = ord(ch)
        if ch == "\t":
            out.append(" ")
        elif o < 32:
            out.append(chr(0x2400 + o))
        elif o == 0x7F:
            out.append("\u2421")
        elif 0x80 <= o < 0xA0 or o in (0x200B, 0x200C, 0x200D, 0xFEFF, 0x2060):
            out.append("\u2423")
        else:
            out.append(ch)
    return "".join(out)


def _cut_left(s: str, width: int) -> str:
    """The tail of ``s`` that fits in ``width`` display columns."""
    out, w = [], 0
    for ch in reversed(s):
        cw = display_width(ch)
        if w + cw > width:
            break
        out.append(ch)
        w += cw
    return "".join(reversed(out))


def _cut_right(s: str, width: int) -> str:
    out, w = [], 0
    for ch in s:
        cw = display_width(ch)
        if w + cw > width:
            break
        out.append(ch)
        w += cw
    return "".join(out)


def snippet(line: str, c0: int, c1: int) -> tuple[str, str]:
    """(source excerpt, caret line) for code-point columns [c0, c1) of ``line`` (0-based)."""
    before, span, after = _visible(line[:c0]), _visible(line[c0:c1]), _visible(line[c1:])
    lead = tail = ""
    if display_width(before) > WINDOW:
        before, lead = _cut_left(before, WINDOW), "…"
    if display_width(span) > MAX_SPAN:
        span, after = _cut_right(span, MAX_SPAN), ""
        tail = "…"
    if display_width(after) > WINDOW:
        after, tail = _cut_right(after, WINDOW), "…"
    excerpt = lead + before + span + after + tail
    carets = " " * display_width(lead + before) + "^" * max(1, display_width(span))
    return excerpt, carets


@reporter("text")
class TextReporter(Reporter):
    def _c(self, code: str, s: str) -> str:
        return f"\x1b[{code}m{s}\x1b[0m" if self.color else s

    def render(self, run, out: TextIO) -> None:
        if self.statistics:
            self._statistics(run, out)
        else:
            for result in run.files:
                if result.findings:
                    self._file(result, out)
        if not self.quiet:
            self._footer(run, out)

    def _file(self, result, out: TextIO) -> None:
        findings = result.findings
        totals = Counter((f.code, f.group) for f in findings)
        shown: Counter = Counter()
        lines = result.doc.lines if result.doc is not None else []
        text = result.doc.text if result.doc is not None else ""
        for f in findings:
            key = (f.code, f.group)
            shown[key] += 1
            n = shown[key]
            if not self.show_all and n > SHOWN_PER_GROUP:
                continue
            self._finding(f, lines, text, out)
            rest = totals[key] - SHOWN_PER_GROUP
            if not self.show_all and n == SHOWN_PER_GROUP and rest > 0:
                more = [g.line for g in findings if (g.code, g.group) == key][SHOWN_PER_GROUP:]
                where = ", ".join(map(str, sorted(set(more))[:12])) + (", …" if len(set(more)) > 12 else "")
                out.write(self._c("2", f"  … and {rest} more {f.code} like this in {result.path} "
                                       f"(lines {where}); --show-all lists them") + "\n\n")

    def _finding(self, f: Finding, lines: list[str], text: str, out: TextIO) -> None:
        sev = self._c(_SEVERITY_COLOR[f.severity.value], f.code)
        mark = " [*]" if f.fixable else ""
        head = f"{self._c('1', f.path)}:{f.line}:{f.column}: {sev}{mark} {f.message}"
        out.write(head + "\n")
        if 0 < f.line <= len(lines) and lines:
            line = lines[f.line - 1]
            c0 = f.column - 1
            c1 = f.end_column - 1 if f.end_line == f.line else len(line)
            excerpt, carets = snippet(line, c0, max(c1, c0))
            gutter = " " * len(str(f.line))
            out.write(f"{gutter} |\n{f.line} | {excerpt}\n{gutter} | {self._c('31', carets)}\n")
        fix = f.fix
        if fix is not None:
            label = {Applicability.SAFE: "fix", Applicability.UNSAFE: "unsafe fix",
                     Applicability.DISPLAY: "suggestion"}[fix.applicability]
            out.write(self._c("32", f"  = {label}: {describe_fix(fix, text)}") + "\n")
        out.write("\n")

    def _statistics(self, run, out: TextIO) -> None:
        counts = Counter(f.code for f in run.findings)
        fixable = {f.code for f in run.findings if f.fixable}
        names = {f.code: f.name for f in run.findings}
        width = max((len(str(n)) for n in counts.values()), default=1)
        for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            mark = "[*]" if code in fixable else "   "
            out.write(f"{n:>{width}}  {code}  {mark} {names[code]}\n")
        if counts:
            out.write("\n")

    def _footer(self, run, out: TextIO) -> None:
        findings = run.findings
        files = len(run.files)
        applied = sum(r.fixes_applied for r in run.files)
        changed = sum(1 for r in run.files if r.changed)
        if applied:
            verb = "Would fix" if run.options.diff else "Fixed"
            out.write(f"{verb} {applied} finding{'s' * (applied != 1)} in {changed} "
                      f"file{'s' * (changed != 1)}.\n")
        if not findings:
            out.write(self._c("32", f"All checks passed: {files} file{'s' * (files != 1)}, no findings.") + "\n")
            return
        by_sev = Counter(f.severity.value for f in findings)
        by_cat = Counter(f.category for f in findings)
        with_findings = sum(1 for r in run.files if r.findings)
        sev = ", ".join(f"{by_sev[s]} {s if by_sev[s] == 1 else s + 's'}"
                        for s in ("error", "warning", "info") if by_sev[s])
        out.write(f"Found {len(findings)} finding{'s' * (len(findings) != 1)} in {with_findings} of "
                  f"{files} file{'s' * (files != 1)} ({sev}).\n")
        out.write("By category: " + ", ".join(f"{c} {n}" for c, n in by_cat.most_common()) + ".\n")
        safe = sum(1 for f in findings if f.fixable)
        unsafe = sum(1 for f in findings if not f.fixable and any(
            x.applicability is Applicability.UNSAFE for x in f.fixes))
        parts = []
        if safe:
            parts.append(f"[*] {safe} fixable with --fix")
        if unsafe:
            parts.append(f"{unsafe} more with --fix --unsafe-fixes")
        if parts:
            out.write("; ".join(parts) + ".\n")
        if not run.options.fix:
            hidden = defaultdict(int)
            for r in run.files:
                for (code, _), n in Counter((f.code, f.group) for f in r.findings).items():
                    if n > SHOWN_PER_GROUP and not self.show_all and not self.statistics:
                        hidden[code] += n - SHOWN_PER_GROUP
            if hidden:
                out.write(f"({sum(hidden.values())} repeated findings were summarised; "
                          "--show-all lists every one, --statistics counts them by rule.)\n")


def describe_fix(fix, text: str) -> str:
    """'Use the full-width mark: ',' → '，'', 'Remove the bullet (delete '- ')', …"""
    title = fix.title or "Apply the edit"
    if len(fix.edits) != 1:
        return f"{title} ({len(fix.edits)} edits)"
    e = fix.edits[0]
    old = text[e.start:e.end]
    if not e.content:
        return f"{title} (delete {_quote(old)})"
    if not old:
        return f"{title} (insert {_quote(e.content)})"
    return f"{title}: {_quote(old)} → {_quote(e.content)}"


def _quote(s: str) -> str:
    s = _visible(s.replace("\n", "⏎"))
    return f"'{s}'" if len(s) <= 40 else f"'{s[:39]}…'"
