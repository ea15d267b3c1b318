from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SHARED = ROOT.parent / "shared"


def benchmark(name: str):
    """A module of benchmarks/ (they are scripts, not a package), for the tests that hold the
    generated test sets to the figures the README quotes."""
    import importlib.util
    import sys
    key = f"benchmarks_{name}"
    if key not in sys.modules:            # registered first: dataclasses look their module up
        spec = importlib.util.spec_from_file_location(key, ROOT / "benchmarks" / f"{name}.py")
        sys.modules[key] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[key])
    return sys.modules[key]


@pytest.fixture
def seeds_copy(tmp_path):
    """The seed reports copied to a temporary folder (safe to fix)."""
    out = tmp_path / "seeds"
    out.mkdir()
    for p in SEEDS:
        (out / p.name).write_bytes(p.read_bytes())
    return out
