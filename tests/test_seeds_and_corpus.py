"""Whole-tool checks on the seed reports and the real corpus beside the project.

The seeds are scored with the copy editor's annotations (../shared/tools/score_seeds.py):
the markup, punctuation and layout families must find at least 90% of the high- and
medium-confidence annotations of their categories. The real corpus (official documents
as scraped) must lint without any rule failing, and a few precision invariants must hold.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from linter.charclass import is_han
from linter.runner import RunOptions, run

from .conftest import ROOT, SHARED

SCORER = SHARED / "tools" / "score_seeds.py"
CORPUS = SHARED / "corpus" / "real"


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/tools/score_seeds.py not available")
def test_seed_recall_of_the_foundation_families():
    findings = subprocess.run([sys.executable, "-m", "linter", "check", "--format", "json", "--exit-zero",
                               "seeds/"], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=True)
    score = subprocess.run([sys.executable, str(SCORER), "-", "--categories", "markup,punctuation,layout",
                            "--min-recall", "0.9"], input=findings.stdout, capture_output=True, text=True,
                           encoding="utf-8")
    assert score.returncode == 0, score.stdout


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus/real not available")
def test_real_corpus_lints_cleanly_and_precisely():
    result = run(RunOptions(paths=[str(CORPUS)]), cwd=CORPUS)
    assert len(result.files) >= 20
    assert not any(r.error or r.rule_failures for r in result.files)
    for r in result.files:
        text = r.doc.text
        for f in r.findings:
            if f.code == "P101":
                # a half-width mark reported in Chinese prose has Chinese text beside it
                window = text[max(0, f.start - 2):f.end + 2]
                assert any(is_han(c) or c in "（）“”" for c in window), (r.path, f.line, window)
    per_file = [len(r.findings) for r in result.files]
    # Clean official prose stays quiet: no real document draws more than a few dozen findings.
    assert max(per_file) <= 40, dict(zip((r.path for r in result.files), per_file))


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus/real not available")
def test_manifest_documents_are_all_linted():
    manifest = json.loads((CORPUS / "MANIFEST.json").read_text(encoding="utf-8"))
    linted = {r.path for r in run(RunOptions(paths=[str(CORPUS)]), cwd=CORPUS).files}
    assert {d["file"] for d in manifest["documents"]} <= linted
