"""The foundation's document facts: punctuation use, and the script of the text.

Each fact reads the prose view (markup removed), so ``**130亿元**,`` counts
as a comma after Han text. Offsets in the facts are prose-view offsets; rules
map them back with ``doc.prose.to_source``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .charclass import CJK_PUNCT, HAN
from .context import Context, fact

HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
FULL_TO_HALF = {v: k for k, v in HALF_TO_FULL.items()}

# Curly quotes are shared with English text, so they are not Chinese context by themselves.
_CJK_CHAR = re.compile(f"(?![“”‘’])[{HAN}{CJK_PUNCT}]")
# ! and ? follow words, not numbers: "前1?。" is a character lost in encoding, not a question.
_SENTENCE_MARK_AFTER = re.compile(f"[{HAN}”’」』）》]")
_HALF = re.compile(r"[,:;!?()]")
_SPACE = " \t\u00a0\u3000"


@dataclass
class PunctuationUse:
    """Half-width marks standing in Chinese prose, and full-width marks, by mark."""

    half: dict[str, list[int]] = field(default_factory=dict)   # ',' -> prose offsets
    full: dict[str, int] = field(default_factory=dict)         # '，' -> how many in the prose
    pairs: dict[int, int] = field(default_factory=dict)        # '(' <-> ')' on one line
    _sets: dict[str, frozenset[int]] = field(default_factory=dict, repr=False)

    def flagged(self, half_mark: str) -> frozenset[int]:
        """Offsets of ``half_mark`` standing in Chinese prose, as a set."""
        if half_mark not in self._sets:
            self._sets[half_mark] = frozenset(self.half.get(half_mark, ()))
        return self._sets[half_mark]

    def counts(self, half_mark: str) -> tuple[int, int]:
        return len(self.half.get(half_mark, ())), self.full.get(HALF_TO_FULL[half_mark], 0)


def _neighbour(text: str, i: int, step: int) -> str:
    """Nearest character to ``i`` in direction ``step`` on the same line, skipping spaces."""
    j = i + step
    n = len(text)
    while 0 <= j < n and text[j] in _SPACE:
        j += step
    if 0 <= j < n and text[j] != "\n":
        return text[j]
    return ""


def _is_cjk(ch: str) -> bool:
    return bool(ch) and _CJK_CHAR.match(ch) is not None


def _paren_pairs(text: str) -> dict[int, int]:
    """Map each '(' to its ')' on the same line (innermost first)."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for m in re.finditer(r"[()\n]", text):
        ch = m.group()
        if ch == "\n":
            stack.clear()
        elif ch == "(":
            stack.append(m.start())
        elif stack:
            o = stack.pop()
            pairs[o] = m.start()
            pairs[m.start()] = o
    return pairs


@fact
def punctuation(ctx: Context) -> PunctuationUse:
    text = ctx.doc.prose.text
    use = PunctuationUse()
    pairs = _paren_pairs(text) if "(" in text or ")" in text else {}
    use.pairs = pairs
    use.full = {ch: n for ch in FULL_TO_HALF if (n := text.count(ch))}
    for m in _HALF.finditer(text):
        ch, i = m.group(), m.start()
        left, right = _neighbour(text, i, -1), _neighbour(text, i, 1)
        if ch in "()":
            other = pairs.get(i)
            if other is not None:
                o, c = (i, other) if ch == "(" else (other, i)
                chinese = (_is_cjk(_neighbour(text, o, -1)) or _is_cjk(_neighbour(text, c, 1))
                           or _CJK_CHAR.search(text, o + 1, c) is not None)
            else:
                chinese = _is_cjk(left) or _is_cjk(right)
        elif left.isdigit() and right.isdigit() and left.isascii() and right.isascii():
            chinese = False          # 1,234  10:30
        elif ch in "!?":
            chinese = bool(left) and _SENTENCE_MARK_AFTER.match(left) is not None
        else:
            chinese = _is_cjk(left) or _is_cjk(right)
        if chinese:
            use.half.setdefault(ch, []).append(i)
    return use


@fact
def script_counts(ctx: Context) -> tuple[int, int]:
    """How many characters only traditional, and only simplified, text uses."""
    from .hanzi import script_counts as count
    return count(ctx.doc.text)


@fact
def script(ctx: Context) -> str:
    """'simplified', 'traditional' or 'unknown' (too little Han text to tell); stated wins."""
    stated = (ctx.settings.get("context") or {}).get("script")
    if stated:
        return stated
    t, s = ctx.script_counts
    if t + s < 5:
        return "unknown"
    return "traditional" if t > s else "simplified"


@fact
def simplified_prose(ctx: Context) -> str:
    """The prose view in simplified script, character for character (same offsets), for rules
    that look words up: traditional text, and the traditional passages of a simplified one."""
    text = ctx.doc.prose.text
    if ctx.script != "traditional" and not ctx.script_counts[0]:
        return text
    from .hanzi import tables
    return tables().to_simplified(text)


@fact
def script_standard(ctx: Context) -> str:
    """Which traditional standard a traditional text follows: 'tw', 'hk' or 'generic'."""
    stated = (ctx.settings.get("context") or {}).get("standard")
    if stated:
        return stated
    from .hanzi import standard_of
    return standard_of(ctx.doc.text) if ctx.script == "traditional" else "generic"


@fact
def script_suspects(ctx: Context) -> list:
    """Characters out of the document's script (linter/hanzi.py), on the prose view."""
    from . import hanzi
    text = ctx.doc.prose.text
    if ctx.script == "simplified":
        return hanzi.traditional_in_simplified(text)
    if ctx.script == "traditional":
        return (hanzi.simplified_in_traditional(text, ctx.script_standard)
                + hanzi.wrong_conversions(text, ctx.script_standard))
    return []
