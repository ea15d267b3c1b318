"""Facts about a document, computed once and shared by every rule.

A fact is a function of the document registered with ``@fact``; the first
rule that asks for ``ctx.<name>`` computes it and later rules reuse it.
Rule families add their own facts (the place-name family adds the
jurisdiction) without touching the engine.
"""
from __future__ import annotations

from typing import Any, Callable

from .document import Document

FACTS: dict[str, Callable[["Context"], Any]] = {}


def fact(fn: Callable[["Context"], Any]) -> Callable[["Context"], Any]:
    FACTS[fn.__name__] = fn
    return fn


class Context:
    def __init__(self, doc: Document, settings: dict[str, Any] | None = None):
        self.doc = doc
        # Facts the user stated in config (e.g. script: traditional) win over inference.
        self.settings = settings or {}
        self._cache: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        cache = self.__dict__["_cache"]
        if name in cache:
            return cache[name]
        if name in self.__dict__["settings"]:
            value = self.settings[name]
        elif name in FACTS:
            value = FACTS[name](self)
        else:
            raise AttributeError(f"no document fact named {name!r}")
        cache[name] = value
        return value


# Importing the fact modules registers their facts: the foundation's (punctuation, script)
# the place-name family's (year, places, jurisdiction, suspects) and the figures' statements.
from . import facts as _facts  # noqa: E402,F401
from . import metrics as _metrics  # noqa: E402,F401
from . import places as _places  # noqa: E402,F401
