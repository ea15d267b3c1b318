"""Rule documentation is tested: every rule explains itself, and its examples are true.

A rule's ``bad`` examples must trigger it and its ``good`` examples must not
(in a .md file when the rule only applies to Markdown), so the docs cannot
drift from the behaviour. ``reportlint explain`` prints every section.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from linter.cli import explain_text
from linter.config import Config
from linter.document import Document
from linter.engine import lint_document
from linter.registry import RuleSet, all_rules

RULES = [r for r in all_rules()]
TEXT_RULES = [r for r in RULES if r.meta.kind != "engine"]


def _findings(rule, text: str):
    fmt_path = "example.txt" if "text" in rule.meta.formats else "example.md"
    rules = RuleSet(Config(root=Path.cwd()), select=[rule.meta.code]).rules
    findings, failures = lint_document(Document(text, fmt_path), rules)
    assert not failures
    return [f for f in findings if f.code == rule.meta.code]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.meta.code)
def test_rule_is_documented(rule):
    m = rule.meta
    assert m.doc.what and m.doc.why
    assert m.message.strip()
    if m.applicability is not None and m.applicability.value == "unsafe":
        assert m.doc.fix_safety, f"{m.code} has an unsafe fix but no fix_safety section"
    text = explain_text(rule)
    assert m.code in text and "What it does" in text and "Why is this bad?" in text


@pytest.mark.parametrize("rule", TEXT_RULES, ids=lambda r: r.meta.code)
def test_doc_examples_are_true(rule):
    assert rule.meta.doc.bad, f"{rule.meta.code} has no bad example"
    assert rule.meta.doc.good, f"{rule.meta.code} has no good example"
    for bad in rule.meta.doc.bad:
        assert _findings(rule, bad), f"{rule.meta.code} does not flag its own bad example {bad!r}"
    for good in rule.meta.doc.good:
        assert not _findings(rule, good), f"{rule.meta.code} flags its own good example {good!r}"


def test_codes_are_stable_and_unique():
    codes = [r.meta.code for r in RULES]
    names = [r.meta.name for r in RULES]
    assert len(codes) == len(set(codes)) and len(names) == len(set(names))
    for r in RULES:
        assert r.meta.code[0] == {"garbled": "G", "markup": "M", "placename": "N", "script": "S",
                                  "punctuation": "P", "units": "U", "consistency": "C", "typo": "T",
                                  "layout": "L"}[r.meta.category]


def test_readme_rule_table_is_current():
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    table = subprocess.run([sys.executable, str(root / "scripts" / "rule_table.py")], capture_output=True,
                           text=True, encoding="utf-8", check=True).stdout.strip()
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert table in readme, "run: python scripts/rule_table.py --write README.md"
