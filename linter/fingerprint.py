"""Fingerprints that identify a finding without its line number.

A fingerprint hashes the rule code, the matched text and a few characters of
context either side on its line, plus the rank of that key among identical ones in the
file. Editing elsewhere in the file leaves it unchanged; the SARIF output
uses it, and so can baselines.
"""
from __future__ import annotations

import hashlib
from collections import Counter

CONTEXT = 8


def _key(text: str, code: str, start: int, end: int) -> str:
    # The context stops at the line's ends: a line added or edited next to a finding's line
    # leaves its fingerprint alone.
    line_start = text.rfind("\n", max(0, start - CONTEXT), start) + 1
    line_end = text.find("\n", end, end + CONTEXT)
    before = "".join(text[max(line_start, start - CONTEXT):start].split())
    after = "".join(text[end:end + CONTEXT if line_end < 0 else line_end].split())
    return f"{code}\x1f{text[start:end]}\x1f{before}\x1f{after}"


def fingerprints(doc, findings) -> dict[int, str]:
    """``id(finding)`` -> 16 hex digits."""
    seen: Counter[str] = Counter()
    out = {}
    for f in findings:
        key = _key(doc.text, f.code, f.start, f.end)
        seen[key] += 1
        digest = hashlib.sha256(f"{key}\x1f{seen[key]}".encode("utf-8")).hexdigest()[:16]
        out[id(f)] = digest
    return out
