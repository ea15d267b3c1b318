"""Figures on real text: the seeds' restated targets, edits to them, the real corpus, and the
generated alterations of benchmarks/figures.py held to the figures the README quotes."""
from __future__ import annotations

from pathlib import Path

import pytest

from linter.config import Config
from linter.context import Context
from linter.document import Document
from linter.engine import lint_document
from linter.registry import RuleSet
from linter.runner import RunOptions, run

from .conftest import benchmark

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
SEEDS = ROOT / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*")).read_text(encoding="utf-8")


def lint(text: str, select: list[str]):
    rules = RuleSet(Config(root=ROOT), select=select).rules
    return lint_document(Document(text, "report.txt"), rules)[0]


@pytest.mark.parametrize("prefix, targets", [("000", 4), ("003", 9)])
def test_lead_and_body_targets_are_recognised_as_agreeing(prefix, targets):
    text = seed(prefix)
    ctx = Context(Document(text, "report.txt"))
    lead = [s for s in ctx.figure_statements if s.target and s.metric and s.quantity.start < text.index("\n", 200)]
    body = [s for s in ctx.figure_statements if s.target and s.quantity.start > text.index("\n", 200)]
    restated = {(s.metric, s.period) for s in lead} & {(s.metric, s.period) for s in body}
    assert len(restated) >= targets
    assert [f for f in lint(text, ["C101"])] == []


@pytest.mark.parametrize("prefix, old, new, figure", [
    ("000", "经济增长5.5%左右", "经济增长6%左右", "6%左右"),
    ("003", "糧食產量穩定在90億斤以上", "糧食產量穩定在95億斤以上", "95億斤以上")])
def test_an_edited_figure_in_the_lead_is_caught_at_both_places(prefix, old, new, figure):
    text = seed(prefix)
    first = text.index(old)
    assert text.index(old, first + 1) > first        # the body restates it
    edited = text[:first] + new + text[first + len(old):]
    found = lint(edited, ["C101"])
    lines = sorted({f.line for f in found})
    assert len(found) == 2 and lines[0] == 2 and lines[1] > 2, [(f.line, f.message) for f in found]
    assert all(figure in f.message for f in found)    # each place quotes the edited figure


def test_seed_unit_annotations():
    found = {(Path(r.path).name[:3], f.line, f.code)
             for r in run(RunOptions(paths=[str(SEEDS)], select=["U"]), cwd=ROOT).files for f in r.findings}
    assert ("002", 42, "U106") in found        # 全区养老床位达 1013 个 -> 张
    assert ("002", 24, "U101") in found        # 106.19 亿元 among tight numbers
    assert ("001", 31, "U102") in found        # PM₁₀ among PM10


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus/real not available")
def test_real_documents_raise_only_the_reviewed_unit_findings():
    found = [(Path(r.path).name, f.code, f.line)
             for r in run(RunOptions(paths=[str(CORPUS)], select=["C101", "U105", "U106", "U107", "U108"]),
                          cwd=ROOT).files for f in r.findings]
    # Read by hand: 051 writes 9時, 95年 and 1949年 in ASCII among eight full-width numbers.
    assert found == [("051_臺灣總統府_2006.txt", "U107", 1)] * 3


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus/real not available")
def test_generated_alterations_meet_the_targets():
    generate = benchmark("figures").run
    r = generate(CORPUS, per_doc=3, seed=7)
    stats = r["stats"]
    assert stats["altered"]["cases"] >= 40 and stats["altered"]["found"] / stats["altered"]["cases"] >= 0.85
    assert stats["same"]["false alarms"] == 0 and stats["converted"]["false alarms"] == 0
    swaps = [stats[c] for c in ("U101", "U103", "U105", "U107")]
    assert sum(s["cases"] for s in swaps) >= 150
    assert sum(s["found"] for s in swaps) / sum(s["cases"] for s in swaps) >= 0.95
