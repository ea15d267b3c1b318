"""Errors that stop a run, each mapped to its documented exit code."""
from __future__ import annotations

EXIT_OK = 0          # no finding at or above the fail level
EXIT_FINDINGS = 1    # findings at or above the fail level
EXIT_USAGE = 2       # bad command line, configuration or rule pack; a rule that failed
EXIT_UNREADABLE = 3  # a file could not be read or decoded (the others were still linted)


class ConfigError(Exception):
    """A configuration or rule-pack problem; the message names the file and line."""

    exit_code = EXIT_USAGE


class RuleTimeout(RuntimeError):
    """A rule's pattern ran too long on one document; the engine reports it and goes on."""


def one_line(message: object) -> str:
    """A message on one line: error texts from YAML and the OS may span several."""
    return " ".join(str(message).split())
