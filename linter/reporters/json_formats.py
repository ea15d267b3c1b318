"""``json`` (one document for the run) and ``jsonl`` (one finding per line).

Lines and columns are 1-based; columns count Unicode code points (a
character outside the BMP is one column) and ``end_column`` is exclusive.
The JSON document says so in ``column_unit`` and ``columns``.
"""
from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from .. import __version__, jsonio
from . import Reporter, reporter

COLUMNS = {"unit": "unicode_code_point", "base": 1, "end": "exclusive"}


def finding_dict(f) -> dict:
    d = f.to_dict()
    d["fixable"] = f.fixable
    return d


def file_entry(r) -> dict:
    entry = {"path": r.path, "status": "error" if r.error else "ok", "findings": len(r.findings)}
    if r.doc is not None:
        entry["encoding"] = r.doc.encoding
        entry["newline"] = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}[r.doc.newline]
    if r.error:
        entry["error"] = {"kind": r.error.kind, "message": r.error.message}
    if r.fixes_applied:
        entry["fixes_applied"] = r.fixes_applied
        entry["status"] = "fixed" if r.changed else entry["status"]
    if r.write_error:
        entry["error"] = {"kind": r.write_error.kind, "message": r.write_error.message}
    if r.rule_failures:
        entry["rule_failures"] = [{"code": x.code, "message": x.message} for x in r.rule_failures]
    return entry


def summary(run) -> dict:
    findings = run.findings
    return {
        "files": len(run.files),
        "files_with_findings": sum(1 for r in run.files if r.findings),
        "unreadable_files": sum(1 for r in run.files if r.error),
        "findings": len(findings),
        "fixable": sum(1 for f in findings if f.fixable),
        "fixes_applied": sum(r.fixes_applied for r in run.files),
        "by_severity": dict(Counter(f.severity.value for f in findings).most_common()),
        "by_category": dict(Counter(f.category for f in findings).most_common()),
        "by_code": dict(sorted(Counter(f.code for f in findings).items())),
        "exit_code": run.exit_code(),
    }


@reporter("json")
class JsonReporter(Reporter):
    def render(self, run, out: TextIO) -> None:
        # Written piece by piece, one finding per line: a huge report never exists twice in
        # memory (once as objects, once as dictionaries).
        dump = jsonio.dumps
        out.write('{\n "version": 1,\n')
        out.write(f' "tool": {dump({"name": "reportlint", "version": __version__})},\n')
        out.write(f' "column_unit": "unicode_code_point",\n "columns": {dump(COLUMNS)},\n')
        out.write(' "files": [' + ",".join("\n  " + dump(file_entry(r)) for r in run.files) + "\n ],\n")
        out.write(' "findings": [')
        first = True
        for r in run.files:
            for f in r.findings:
                out.write(("\n  " if first else ",\n  ") + dump(finding_dict(f)))
                first = False
        out.write("\n ],\n")
        out.write(f' "summary": {json.dumps(summary(run), ensure_ascii=False, indent=1).replace(chr(10), chr(10) + " ")}\n}}\n')


@reporter("jsonl")
class JsonLinesReporter(Reporter):
    def render(self, run, out: TextIO) -> None:
        for f in run.findings:
            d = finding_dict(f)
            d["column_unit"] = "unicode_code_point"
            out.write(jsonio.dumps(d) + "\n")
