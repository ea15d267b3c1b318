"""``github``: GitHub Actions workflow commands, one annotation per finding.

GitHub shows at most 10 annotations of each kind per step, so the most
severe findings come first, and a plain summary line ends the output.
Escaping follows the Actions toolkit: ``%``, CR and LF in the message; also
``:`` and ``,`` in properties. ``col``/``endColumn`` are left out for a span
over several lines (GitHub would misplace them).
"""
from __future__ import annotations

from collections import Counter
from typing import TextIO

from . import Reporter, reporter

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(f) -> str:
    props = [f"file={escape_property(f.path)}", f"line={f.line}"]
    if f.end_line == f.line:
        props += [f"col={f.column}", f"endColumn={max(f.end_column, f.column + 1)}"]
    else:
        props.append(f"endLine={f.end_line}")
    props.append(f"title={escape_property(f'{f.code} {f.name}')}")
    return f"::{LEVELS[f.severity.value]} {','.join(props)}::{escape_data(f.message)}"


@reporter("github")
class GithubReporter(Reporter):
    def render(self, run, out: TextIO) -> None:
        findings = sorted(run.findings, key=lambda f: (-f.severity.rank, f.path, f.line, f.column, f.code))
        for f in findings:
            out.write(command(f) + "\n")
        for r in run.files:
            if r.error:
                out.write(f"::error file={escape_property(r.path)},title=unreadable file::"
                          f"{escape_data(r.error.message)}\n")
        by = Counter(f.severity.value for f in findings)
        parts = ", ".join(f"{by[s]} {s}" for s in ("error", "warning", "info") if by[s]) or "none"
        out.write(f"reportlint: {len(findings)} findings in {len(run.files)} files ({parts})\n")
