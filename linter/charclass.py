"""Character classes shared by rules (Han, CJK punctuation, display width)."""
from __future__ import annotations

import unicodedata

# Regex character-class bodies (usable inside [...] with both re and regex).
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007\U00020000-\U0003134f"
# Full-width punctuation used in Chinese prose (GB/T 15834).
CJK_PUNCT = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2026\u2018\u2019\u201c\u201d\u00b7"
# Characters that close a sentence or a clause that may end a paragraph.
TERMINAL = "。！？；：…”’」』）)】》.!?;:"


def is_han(ch: str) -> bool:
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x3134F or o == 0x3007)


def is_cjk_punct(ch: str) -> bool:
    o = ord(ch)
    return (0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF0F or 0xFF1A <= o <= 0xFF20
            or 0xFF3B <= o <= 0xFF40 or 0xFF5B <= o <= 0xFF65
            or ch in "\u2014\u2026\u2018\u2019\u201c\u201d\u00b7")


def is_cjk(ch: str) -> bool:
    return is_han(ch) or is_cjk_punct(ch)


def display_width(text: str) -> int:
    """Terminal columns: wide and full-width characters take two."""
    w = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return w
