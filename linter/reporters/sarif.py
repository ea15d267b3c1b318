"""``sarif``: SARIF 2.1.0 for code-scanning dashboards.

Regions use ``columnKind: unicodeCodePoints`` (our columns count code
points, not UTF-16 units); URIs are relative to ``%SRCROOT%``, the folder
the run started in. Each result carries a fingerprint of its rule, matched
text and a little context (not its line), so moving text does not make an
old finding look new.
"""
from __future__ import annotations

import json
from typing import TextIO
from urllib.parse import quote

from .. import __version__
from ..fingerprint import fingerprints
from . import Reporter, reporter

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFO_URI = "https://github.com/reportlint/reportlint"


def _region(line, column, end_line, end_column) -> dict:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def rule_descriptor(rule) -> dict:
    m = rule.meta
    help_text = f"{m.doc.what}\n\nWhy: {m.doc.why}"
    md = f"**{m.code} {m.name}**\n\n{m.doc.what}\n\n**Why is this bad?** {m.doc.why}"
    if m.doc.bad:
        help_text += f"\n\nExample: {m.doc.bad[0]}"
        md += f"\n\n**Example:** `{m.doc.bad[0]}`"
        if m.doc.good:
            help_text += f"\nUse instead: {m.doc.good[0]}"
            md += f"\n\n**Use instead:** `{m.doc.good[0]}`"
    if m.doc.fix_safety:
        help_text += f"\n\nFix safety: {m.doc.fix_safety}"
        md += f"\n\n**Fix safety:** {m.doc.fix_safety}"
    return {
        "id": m.code,
        "name": m.name,
        "shortDescription": {"text": m.doc.what.split("\n")[0]},
        "fullDescription": {"text": m.doc.what},
        "help": {"text": help_text, "markdown": md},
        "helpUri": f"{INFO_URI}#{m.code.lower()}",
        "defaultConfiguration": {"level": LEVELS[m.severity.value], "enabled": m.enabled},
        "properties": {"category": m.category, "tags": [m.category], "fix": m.fix_availability},
    }


@reporter("sarif")
class SarifReporter(Reporter):
    def render(self, run, out: TextIO) -> None:
        rules = run.rules
        index = {r.meta.code: i for i, r in enumerate(rules)}
        results = []
        notifications = []
        for r in run.files:
            uri = quote(r.path)
            location = {"uri": uri, "uriBaseId": "%SRCROOT%"}
            prints = fingerprints(r.doc, r.findings) if r.doc is not None else {}
            for f in r.findings:
                res = {
                    "ruleId": f.code,
                    "level": LEVELS[f.severity.value],
                    "message": {"text": f.message},
                    "locations": [{"physicalLocation": {
                        "artifactLocation": location,
                        "region": _region(f.line, f.column, f.end_line, f.end_column)}}],
                    "properties": {"category": f.category},
                }
                if f.code in index:
                    res["ruleIndex"] = index[f.code]
                if id(f) in prints:
                    res["partialFingerprints"] = {"reportlintText/v1": prints[id(f)]}
                fixes = []
                for fx in f.fixes:
                    fixes.append({
                        "description": {"text": f"{fx.title or 'Fix'} ({fx.applicability.value})"},
                        "artifactChanges": [{"artifactLocation": location, "replacements": [
                            {"deletedRegion": _region(e.line, e.column, e.end_line, e.end_column),
                             "insertedContent": {"text": e.content}} for e in fx.edits]}],
                    })
                if fixes:
                    res["fixes"] = fixes
                results.append(res)
            if r.error:
                notifications.append({"level": "error", "message": {"text": f"{r.path}: {r.error.message}"},
                                      "locations": [{"physicalLocation": {"artifactLocation": location}}]})
            for failure in r.rule_failures:
                notifications.append({"level": "error", "message": {"text": failure.message},
                                      "associatedRule": {"id": failure.code}})
        log = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "reportlint", "version": __version__,
                                    "informationUri": INFO_URI,
                                    "rules": [rule_descriptor(r) for r in rules]}},
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {"%SRCROOT%": {"uri": run.cwd.as_uri() + "/"}},
                "results": results,
                "invocations": [{"executionSuccessful": not notifications,
                                 "toolExecutionNotifications": notifications}],
                "properties": {"columnUnit": "unicode_code_point"},
            }],
        }
        json.dump(log, out, ensure_ascii=False, indent=1)
        out.write("\n")
