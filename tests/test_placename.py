"""The place-name family: the gazetteer, jurisdiction detection, and the rules on real text."""
from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

import pytest

from linter.context import Context
from linter.document import Document
from linter.gazetteer import load
from linter.runner import RunOptions, run

from .conftest import ROOT, SHARED, benchmark

CORPUS = SHARED / "corpus" / "real"
GOLD = SHARED / "seeds-gold"


def test_gazetteer_matches_the_official_2024_totals():
    g = load()
    current = Counter(e.level for e in g.entries if e.valid_in(2024))
    codes = {lvl: len({e.code for e in g.entries if e.valid_in(2024) and e.level == lvl}) for lvl in (1, 2, 3)}
    assert codes == {1: 34, 2: 333, 3: 2846}, (codes, current)


@pytest.mark.parametrize("name,year,expected", [
    ("湛河区", None, "410411"), ("平顶山市湛河区", None, "410411"), ("湛河區", None, "410411"),
    ("长垣", 2015, "410728"), ("长垣", 2024, "410783"), ("海拉尔", 1995, "152101"), ("海拉尔", 2012, "150702"),
    ("内蒙古", None, "150000"), ("新乡", None, "410700"), ("410411", None, "410411"),
])
def test_lookup_knows_short_traditional_and_historical_names(name, year, expected):
    found = {e.code for e in load().lookup(name, year or 2024)}
    assert expected in found


def test_common_words_and_masks_are_not_places():
    g = load()
    assert "城区" not in g.alias_entries and "和平" not in g.alias_entries
    text = "长治久安，统筹发展和安全，扎根河北。"
    from linter.places import places
    ctx = Context(Document(text, "x.txt"))
    found = {m.text for m in places(ctx).matches}
    assert "长治" not in found and "和安" not in found and "河北" in found


def _jurisdiction(text: str, settings=None):
    return Context(Document(text, "x.txt"), settings).jurisdiction


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus/real not available")
def test_jurisdiction_of_every_real_document_matches_the_manifest():
    manifest = json.loads((CORPUS / "MANIFEST.json").read_text(encoding="utf-8"))
    wrong = []
    for d in manifest["documents"]:
        path = CORPUS / d["file"]
        if not path.exists():
            continue
        j = _jurisdiction(path.read_text(encoding="utf-8"))
        if d["level"] == "national":
            ok = j.status == "national"
        else:
            ok = j.known and d["jurisdiction"].endswith(j.entry.name)
        if not ok:
            wrong.append((d["file"], d["jurisdiction"], j.describe()))
    assert not wrong


@pytest.mark.parametrize("seed,expected", [
    ("000", "410400"), ("001", "410603"), ("002", "410411"), ("003", "410700"), ("004", "410600"),
])
def test_jurisdiction_of_the_seeds(seed, expected):
    path = next((ROOT / "seeds").glob(f"{seed}_*.txt"))
    j = _jurisdiction(path.read_text(encoding="utf-8"))
    assert j.entry.code == expected, j.evidence


def test_stated_and_front_matter_jurisdictions_win():
    text = "深化平安漯河建设。"
    assert not _jurisdiction(text).known
    assert _jurisdiction(text, {"context": {"jurisdiction": "湛河区"}}).entry.code == "410411"
    assert _jurisdiction("---\njurisdiction: 平顶山市湛河区\n---\n" + text).entry.code == "410411"
    assert _jurisdiction(text, {"context": {"jurisdiction": "national"}}).status == "national"


@pytest.mark.skipif(not GOLD.exists(), reason="../shared/seeds-gold not available")
def test_seed_002_slips_are_found_with_the_right_fixes():
    result = run(RunOptions(paths=[str(ROOT / "seeds")], select=["N"]), cwd=ROOT)
    by_seed = {r.path[6:9]: r for r in result.files}
    for seed in ("000", "001", "003"):
        assert by_seed[seed].findings == [], [f.message for f in by_seed[seed].findings]
    r = by_seed["002"]
    lines = r.doc.text.split("\n")
    gold = [g for g in json.loads((GOLD / "002.json").read_text(encoding="utf-8"))
            if g["category"] == "placename" and g["confidence"] == "high"]
    assert len(gold) == 10
    for g in gold:
        hits = [f for f in r.findings if f.line == g["line"] and g["col"] <= f.column
                and f.end_column <= g["col"] + len(g["text"])]
        assert hits, g
        f = hits[0]
        assert f.category == "placename" and f.severity.value == "error"
        # Applying the suggested fix to the annotated text gives the copy editor's correction.
        edit = f.fixes[0].edits[0]
        line = lines[g["line"] - 1]
        fixed = line[:edit.column - 1] + edit.content + line[edit.end_column - 1:]
        start = g["col"] - 1
        assert fixed[start:start + len(g["fix"])] == g["fix"], (g, fixed[start:start + 12])


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus/real not available")
def test_planted_wrong_names_are_caught_and_originals_stay_quiet():
    b = benchmark("placename_swaps")
    REQUIRED, evaluate = b.REQUIRED, b.evaluate
    r = evaluate()
    planted = sum(r["planted"][k] for k in REQUIRED)
    caught = sum(r["caught"][k] for k in REQUIRED)
    assert planted >= 200
    assert caught / planted >= 0.9, r["missed"][:20]
    assert set(r["by_level"]) == {"province", "prefecture", "county"}
    assert r["false_positives"] / r["chars"] * 50_000 <= 1


def test_context_command_and_jurisdiction_option(tmp_path):
    (tmp_path / "r.txt").write_text("深化平安漯河、法治湛河建设。\n", encoding="utf-8")

    def rl(*args):
        return subprocess.run([sys.executable, "-m", "linter", *args], cwd=tmp_path, capture_output=True,
                              text=True, encoding="utf-8")
    assert rl("check", "r.txt", "--select", "N").returncode == 0           # unknown: silent
    r = rl("check", "r.txt", "--select", "N", "--jurisdiction", "湛河区")
    assert r.returncode == 1 and "N101" in r.stdout
    assert rl("check", "r.txt", "--jurisdiction", "江北区").returncode == 2   # ambiguous
    out = json.loads(rl("context", "r.txt", "--format", "json", "--jurisdiction", "平顶山市湛河区").stdout)
    assert out[0]["code"] == "410411" and out[0]["source"] == "stated"
    (tmp_path / ".reportlint.yaml").write_text("per-file-context:\n  'r*.txt': {jurisdiction: 湛河区}\n",
                                               encoding="utf-8")
    assert "N101" in rl("check", "r.txt", "--select", "N").stdout
    (tmp_path / ".reportlint.yaml").write_text("context: {jurisdiction: 湛河, yeer: 2026}\n", encoding="utf-8")
    r = rl("check", "r.txt")
    assert r.returncode == 2 and "unknown context key 'yeer'" in r.stderr
