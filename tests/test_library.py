"""The library API: what corpus pipelines call, and the dask example that shows it."""
from __future__ import annotations

import pickle
import subprocess
import sys
from collections import Counter

import pytest

from linter import Finding, Severity, lint_paths, lint_text

from .conftest import ROOT, SEEDS


def test_findings_are_typed_and_picklable():
    (f, *_) = lint_text("报告提出,2026年经济增长5.5%左右。")
    assert isinstance(f, Finding) and isinstance(f.severity, Severity)
    assert (f.code, f.line, f.column) == ("P101", 1, 5)
    again = pickle.loads(pickle.dumps(f))
    assert again == f and again.fixes[0].edits[0].content == "，"


def test_lint_paths_is_the_check_command(tmp_path):
    result = lint_paths([str(p) for p in SEEDS], select=["P101"])
    assert result.exit_code() == 1 and {f.code for f in result.findings} == {"P101"}
    assert pickle.loads(pickle.dumps(result.findings)) == result.findings


def test_the_dask_example_runs_on_local_worker_processes():
    pytest.importorskip("dask")
    r = subprocess.run([sys.executable, str(ROOT / "examples" / "dask_lint.py"), str(ROOT / "seeds"),
                        "--partitions", "3"], capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    serial = lint_paths([str(ROOT / "seeds")]).findings
    assert r.stdout.splitlines()[0] == f"{len(serial)} findings" and len(serial) > 2000
    top = Counter(f.code for f in serial).most_common(1)[0]
    assert f"  {top[0]}  {top[1]}" in r.stdout
