"""``engine``: findings the engine itself reports about a whole file.

Some problems are found before any rule can run: the file is in a legacy
encoding, is binary, is not valid UTF-8, or is empty. Their rules are
declared in a pack like every other rule (so they have codes, docs and can
be listed and explained), but they find nothing in text: the engine creates
their findings while reading the file (``linter/engine.py``).
"""
from __future__ import annotations

from ..rule import Rule
from . import kind


@kind("engine")
class EngineRule(Rule):
    def check(self, doc, ctx):
        return ()
