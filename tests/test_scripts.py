"""The script family: detection of script and standard, seed 003's slips, and real text."""
from __future__ import annotations

import json

import pytest

from linter.context import Context
from linter.document import Document
from linter.runner import RunOptions, run

from .conftest import ROOT, SHARED, benchmark

CORPUS = SHARED / "corpus" / "real"
GOLD = SHARED / "seeds-gold"


@pytest.mark.parametrize("text,script", [
    ("全市经济平稳运行，就业形势总体稳定，居民收入持续增长。", "simplified"),
    ("全市經濟平穩運行，就業形勢總體穩定，居民收入持續增長。", "traditional"),
    ("2026年", "unknown"),
])
def test_script_detection(text, script):
    assert Context(Document(text, "x.txt")).script == script


def test_stated_script_and_standard_win():
    ctx = Context(Document("2026年", "x.txt"), {"context": {"script": "traditional", "standard": "hk"}})
    assert ctx.script == "traditional" and ctx.script_standard == "hk"


def test_taiwan_standard_is_detected():
    text = "這裡是我們生活的地方，為了臺灣的未來，群眾熱情參與，著眼長遠。" * 3
    assert Context(Document(text, "x.txt")).script_standard == "tw"


@pytest.mark.skipif(not GOLD.exists(), reason="../shared/seeds-gold not available")
def test_seed_003_slips_are_found_with_the_copy_editors_fixes():
    result = run(RunOptions(paths=[str(ROOT / "seeds")], select=["S"]), cwd=ROOT)
    by_seed = {r.path[6:9]: r for r in result.files}
    for seed in ("000", "001", "002", "004"):
        assert by_seed[seed].findings == []
    r = by_seed["003"]
    lines = r.doc.text.split("\n")
    gold = [g for g in json.loads((GOLD / "003.json").read_text(encoding="utf-8"))
            if g["category"] == "script" and g["confidence"] in ("high", "medium")]
    right = 0
    for g in gold:
        start, end = g["col"], g["col"] + len(g["text"])
        for f in r.findings:
            if f.line != g["line"] or not (f.column < end and f.end_column > start) or not f.fixes:
                continue
            e = f.fixes[0].edits[0]
            line = lines[g["line"] - 1]
            fixed = line[:e.column - 1] + e.content + line[e.end_column - 1:]
            if fixed[start - 1:start - 1 + len(g["fix"])] == g["fix"]:
                right += 1
                break
    assert right / len(gold) >= 0.9, (right, len(gold))


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus/real not available")
def test_real_documents_have_no_script_findings():
    result = run(RunOptions(paths=[str(CORPUS)], select=["S"]), cwd=CORPUS)
    assert [(r.path, f.line, f.message) for r in result.files for f in r.findings] == []


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus/real not available")
def test_naive_conversions_and_injected_characters_are_caught():
    b = benchmark("script_injection")
    C, injection, naive_conversion, simplified_documents = (b.CORPUS, b.injection, b.naive_conversion,
                                                           b.simplified_documents)
    from linter.config import Config
    from linter.registry import RuleSet
    rules = RuleSet(Config(root=ROOT), select=["S"]).rules
    docs = simplified_documents(C)
    n = naive_conversion(docs, rules)
    assert n["errors"] > 1000 and n["caught"] / n["errors"] >= 0.9 and n["false_positives"] == 0
    i = injection(docs, rules, seed=7)
    assert i["injected"] >= 200 and i["caught"] / i["injected"] >= 0.98
