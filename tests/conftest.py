from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SHARED = ROOT.parent / "shared"


@pytest.fixture
def seeds_copy(tmp_path):
    """The seed reports copied to a temporary folder (safe to fix)."""
    out = tmp_path / "seeds"
    out.mkdir()
    for p in SEEDS:
        (out / p.name).write_bytes(p.read_bytes())
    return out
