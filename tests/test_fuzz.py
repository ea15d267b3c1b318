"""A short run of each coverage-guided fuzz harness in fuzz/ (the long runs are in the README,
Reliability). Skipped where atheris has no wheel for the platform."""
from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT

pytest.importorskip("atheris")


@pytest.mark.parametrize("harness", ["decode", "markup", "quantities"])
def test_harness_runs_without_a_crash(harness, tmp_path):
    runs = 3000
    r = subprocess.run([sys.executable, str(ROOT / "fuzz" / f"fuzz_{harness}.py"), f"-atheris_runs={runs}",
                        "-max_len=4096", "-timeout=60"], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    assert f"Done {runs} in" in r.stderr
    assert not list(tmp_path.glob("crash-*"))
