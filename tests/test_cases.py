"""Table-driven rule tests: one YAML file of cases per rule in tests/cases/.

A case is ``pass`` (the rule reports nothing), or ``fail`` (it reports at
least one finding; ``count`` pins how many, ``findings`` pins positions).
``fix`` is the text after applying the rule's safe fixes (``unsafe_fix``:
with unsafe fixes too); the fixed text must then be clean of the rule and
unchanged by another pass. A ``fail`` case with neither must come out of
fixing untouched. ``format: markdown`` lints the text as a .md file;
``options`` sets the rule's options; ``context`` states document facts
(``{jurisdiction: 湛河区}``); ``known_failure`` marks a documented
gap (a strict xfail, never deleted).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from linter.config import Config
from linter.document import Document
from linter.engine import fix_document, lint_document
from linter.registry import RuleSet, all_rules

CASES_DIR = Path(__file__).parent / "cases"
CASE_KEYS = {"pass", "fail", "fix", "unsafe_fix", "count", "findings", "format", "options",
             "context", "known_failure", "comment"}


def _load_cases():
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        code = data["rule"]
        for name, case in data["cases"].items():
            out.append(pytest.param(code, name, case, id=f"{code}-{name}"))
    return out


def _rule(code: str, options: dict | None):
    config = Config(root=Path.cwd(), rule_options={code: options} if options else {})
    rules = RuleSet(config, select=[code]).rules
    assert [r.meta.code for r in rules] == [code]
    return rules


def _doc(text: str, fmt: str | None) -> Document:
    return Document(text, "case.md" if fmt == "markdown" else "case.txt")


@pytest.mark.parametrize("code,name,case", _load_cases())
def test_case(code, name, case):
    unknown = set(case) - CASE_KEYS
    assert not unknown, f"unknown keys in case {name}: {unknown}"
    assert ("pass" in case) != ("fail" in case), f"case {name} needs exactly one of pass/fail"
    if case.get("known_failure"):
        pytest.xfail(case["known_failure"])
    rules = _rule(code, case.get("options"))
    fmt = case.get("format")
    text = case.get("pass", case.get("fail"))
    doc = _doc(text, fmt)
    settings = {"context": case["context"]} if "context" in case else None
    findings, failures = lint_document(doc, rules, settings)
    assert not failures, failures
    mine = [f for f in findings if f.code == code]
    if "pass" in case:
        assert mine == [], [f"{f.line}:{f.column} {f.message}" for f in mine]
        return
    assert mine, f"{code} reported nothing for case {name}"
    if "count" in case:
        assert len(mine) == case["count"], [f"{f.line}:{f.column} {f.message}" for f in mine]
    for want in case.get("findings", []):
        assert any(all(getattr(f, k) == v for k, v in want.items()) for f in mine), \
            (want, [(f.line, f.column, f.end_line, f.end_column) for f in mine])
    for f in mine:  # every span lies inside the text and its positions round-trip
        assert 0 <= f.start <= f.end <= len(doc.text)
        assert doc.offset(f.line, f.column) == f.start
    unsafe = "unsafe_fix" in case
    expected = case.get("unsafe_fix", case.get("fix", text))
    fixed, _, _, converged, _ = fix_document(doc, rules, unsafe=unsafe, settings=settings)
    assert converged
    assert fixed.raw == expected
    if expected != text:
        again, left, applied, _, _ = fix_document(fixed, rules, unsafe=unsafe, settings=settings)
        assert applied == 0 and again.raw == fixed.raw
        assert not [f for f in left if f.code == code and f.fixable], "a fixed text still has fixable findings"


def test_every_rule_has_cases_that_flag_and_pass():
    """Each rule needs at least one case it must flag and one it must leave alone."""
    cases = {}
    for param in _load_cases():
        code, _, case = param.values
        cases.setdefault(code, set()).add("fail" if "fail" in case else "pass")
    engine_rules = {r.meta.code for r in all_rules() if r.meta.kind == "engine"}
    missing = [r.meta.code for r in all_rules()
               if r.meta.code not in engine_rules and cases.get(r.meta.code) != {"fail", "pass"}]
    assert not missing, f"rules without both pass and fail cases: {missing}"
