"""Rule kinds: each one a Python class, configured by any number of YAML rules.

A pack entry's ``kind:`` names one of these. Adding a rule of an existing
kind needs only YAML; a new kind is one module here registered with
``@kind("name")``.
"""
from __future__ import annotations

from ..rule import Rule

KINDS: dict[str, type[Rule]] = {}


def kind(name: str):
    def register(cls: type[Rule]) -> type[Rule]:
        cls.KIND = name
        KINDS[name] = cls
        return cls
    return register


# Importing the modules registers their kinds.
from . import (  # noqa: E402,F401
    consistency,
    duplicates,
    engine,
    figures,
    garbled,
    headings,
    line_block,
    markup_tokens,
    paragraphs,
    pattern,
    placename,
    punctuation,
    script,
    substitution,
    typo,
)
