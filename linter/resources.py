"""Where the shipped rule packs and data files are: inside the wheel, or in a source checkout."""
from __future__ import annotations

from pathlib import Path

from .errors import ConfigError


def builtin_packs_dir() -> Path:
    """``rules/`` shipped inside the wheel (linter/rules), or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise ConfigError(f"the built-in rule packs are missing (looked in {here / 'rules'})")


def data_file(name: str) -> Path:
    return builtin_packs_dir() / "data" / name
