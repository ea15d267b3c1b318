"""The garbled and typo families on real text: the seeds' slips, the real corpus, and the
generated corruptions of benchmarks/garbled_typo.py held to the figures the README quotes."""
from __future__ import annotations

from pathlib import Path

import pytest

from linter import mojibake
from linter.runner import RunOptions, run

from .conftest import benchmark

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
SEEDS = ROOT / "seeds"


def findings(paths, select):
    result = run(RunOptions(paths=[str(p) for p in paths], select=select), cwd=ROOT)
    return [(Path(r.path).name, f) for r in result.files for f in r.findings]


def test_seed_slips_are_found_with_their_fixes():
    text = next(SEEDS.glob("004_*")).read_text(encoding="utf-8")
    lines = text.split("\n")
    fixed_lines = {}
    for name, f in findings([SEEDS], ["T"]):
        if name.startswith("004") and f.fix:
            (edit,) = f.fix.edits
            fixed_lines.setdefault((f.line, f.code), []).append(
                (text[:edit.start] + edit.content + text[edit.end:]).split("\n")[f.line - 1])
        elif name.startswith("004"):
            fixed_lines.setdefault((f.line, f.code), []).append(None)
    expected = [(11, "T101", "发放科技型企业贷款"), (49, "T102", "十一次全会暨市委"), (11, "T104", None),
                (71, "T101", "新建桶井点"), (71, "T101", "完成营造林"), (61, "T101", "单身青年人才")]
    for line, code, want in expected:
        assert (line, code) in fixed_lines, (line, code)
        if want:
            assert want not in lines[line - 1]
            assert any(want in fixed for fixed in fixed_lines[(line, code)] if fixed), (line, code, want)


def test_no_typo_warning_on_the_seeds_reduplications():
    for name, f in findings([SEEDS], ["T101"]):
        text = f.message
        for word in ("常常", "人人参与", "学习习近平", "水平平安", "一张张", "“十五五”"):
            assert word not in text, (name, f.line, text)


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus/real not available")
def test_real_documents_have_no_garbled_findings_and_no_typo_warnings():
    found = findings([CORPUS], ["G", "T"])
    assert [(n, f.line, f.message) for n, f in found if f.severity.value != "info"] == []
    assert len(found) <= 15   # information findings (太湖|湖体, 公路|路网), read by hand


def test_lost_bytes_keep_the_character_count():
    text = "全年" + "地区生产总值增长".encode("utf-8").decode("gb18030", errors="replace") + "5.2%。"
    (m,) = mojibake.find(text)
    assert not m.exact and len(m.recovered) == len("地区生产总值增长")
    assert sum(a == b for a, b in zip(m.recovered, "地区生产总值增长")) >= 6


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus/real not available")
def test_generated_corruptions_meet_the_targets():
    b = benchmark("garbled_typo")
    family, generate, strict = b.family, b.run, b.strict
    r = generate(CORPUS, n=300, seed=5)
    stats = r["stats"]
    cases, found, _ = family(stats, "mojibake")
    assert cases >= 1500 and found / cases >= 0.95
    cases, found, exact = strict(stats)
    assert cases >= 900 and exact / found >= 0.95
    cases, found, _ = family(stats, "invisible")
    assert cases >= 250 and found / cases >= 0.95
    doubled = stats["doubled"]
    assert doubled["cases"] >= 250 and doubled["found"] / doubled["cases"] >= 0.80
    dropped = stats["dropped (fixed expression)"]
    assert dropped["found"] / dropped["cases"] >= 0.7
    assert stats["look-alike"]["found"] / stats["look-alike"]["cases"] >= 0.4
    assert r["untouched_chars"] > 200_000 and r["untouched_default_per_20k"] <= 1.0
