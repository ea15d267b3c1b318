"""Output formats: each a Reporter registered under its ``--format`` name.

A reporter turns a finished run into text on a stream; it never decides the
exit code and never changes a finding. Adding a format is one module here.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TextIO

if TYPE_CHECKING:
    from ..runner import RunResult

REPORTERS: dict[str, type["Reporter"]] = {}


class Reporter:
    name: ClassVar[str] = ""

    def __init__(self, *, color: bool = False, show_all: bool = False, quiet: bool = False,
                 statistics: bool = False):
        self.color = color
        self.show_all = show_all
        self.quiet = quiet
        self.statistics = statistics

    def render(self, run: "RunResult", out: TextIO) -> None:
        raise NotImplementedError


def reporter(name: str):
    def register(cls):
        cls.name = name
        REPORTERS[name] = cls
        return cls
    return register


from . import github, html, json_formats, sarif, text  # noqa: E402,F401
