"""The fast JSON writer keeps text as it is and never refuses a string."""
from __future__ import annotations

import json

from linter import jsonio


def test_non_ascii_text_is_written_as_is_and_reads_back():
    value = {"message": "全角“引号”与PM₂.₅", "line": 3, "ratio": 0.5, "fixes": []}
    text = jsonio.dumps(value)
    assert "全角“引号”与PM₂.₅" in text and "\\u" not in text
    assert jsonio.loads(text.encode("utf-8")) == value == json.loads(text)


def test_a_lone_surrogate_falls_back_to_the_standard_library():
    # Text handed to lint_text may hold one; a file decoded strictly never does.
    text = jsonio.dumps({"content": "a\ud800b"})
    assert json.loads(text) == {"content": "a\ud800b"}
