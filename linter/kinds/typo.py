"""OCR and typing slips: doubled characters, dropped characters, look-alike characters.

All three read the word list (``linter/words.py``, from jieba's dictionary) and
``rules/data/typos.yaml``. Traditional text is mapped to simplified for the lookups. Every fix
is a suggestion a human confirms (unsafe): these rules guess at meaning.

- ``doubled-character``: 型型 in 科技型型企业. A doubled character is normal when the likeliest
  split of its clause keeps the pair inside one word (常常, 人人, 干干净净), when words meet at
  it (学习|习近平, 高水平|平安), and for numerals, level prefixes (市市场监管局) and classifiers
  after 一 (一张张). What is left makes a word on one side only: a slip.
- ``dropped-character``: a fixed expression of reports with an inner character missing
  (全暨 for 全会暨).
- ``confusable-character``: a character no word covers, where exactly one look-alike would
  make a known word (a word list from 2020 lacks 未达, so 末达 is not found: that needs
  character statistics of real report text).
"""
from __future__ import annotations

import re
from functools import cached_property, lru_cache

from ..charclass import HAN
from ..finding import Edit, Severity
from ..rule import Option, Rule
from . import kind

_DOUBLED = re.compile(f"([{HAN}])\\1+")     # a run of one character; two is a doubling
_TWO_CHAR_LINE = re.compile(r"\n([^\t\n]{2})\t")
_CLAUSE_STOP = frozenset("，。、；：！？“”‘’（）《》【】\n ,.;:!?()")


@lru_cache(maxsize=1)
def typo_data() -> dict:
    from ..resources import data_file
    from ..yamlio import read_data
    return read_data(data_file("typos.yaml")) or {}


class _Lexicon:
    """The word list plus the extra words, with lookups in simplified script."""

    def __init__(self):
        self.extra = frozenset(typo_data().get("extra_words") or [])
        self.misspelled = frozenset(typo_data().get("misspelled_words") or [])

    @cached_property
    def words(self):
        """Loaded on first use: building the rules (say, for a run served from the cache) must
        not read the 350,000-word list."""
        from ..words import load
        return load()

    def known(self, w: str) -> bool:
        return (w in self.words and w not in self.misspelled) or self.supplement(w)

    def supplement(self, w: str) -> bool:
        """A word the word list lacks: a listed extra word or a place name."""
        return w in self.extra or w in self.places

    @cached_property
    def two_char_words(self) -> frozenset[str]:
        """The known words of two characters, for a fast first look."""
        words = set(_TWO_CHAR_LINE.findall("\n" + "\n".join(self.words.lines)))   # not a Python loop
        words |= {w for w in (*self.extra, *self.places) if len(w) == 2}
        return frozenset(words - self.misspelled)

    @cached_property
    def places(self) -> dict:
        """Names of divisions (周至, 乾县, 太湖), which the word list mostly lacks."""
        from ..gazetteer import load
        return load().alias_entries


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    return _Lexicon()


def _clause(text: str, i: int, j: int, reach: int = 5) -> tuple[int, int]:
    a = i
    while a > 0 and i - a < reach and text[a - 1] not in _CLAUSE_STOP:
        a -= 1
    b = j
    while b < len(text) and b - j < reach and text[b] not in _CLAUSE_STOP:
        b += 1
    return a, b


@kind("doubled-character")
class DoubledCharacterRule(Rule):
    def setup(self) -> None:
        data = typo_data()
        self.ok_chars = frozenset(data.get("doubling_ok_chars") or "")
        self.classifiers = frozenset(data.get("classifiers") or "")
        self.function_chars = frozenset(data.get("function_chars") or "")

    def check(self, doc, ctx):
        text = doc.prose.text
        simp = None
        for m in _DOUBLED.finditer(text):
            i, c = m.start(), m.group(1)
            if m.end() - i != 2 or c in self.ok_chars:   # 哈哈哈 is a different pattern
                continue
            if i > 0 and text[i - 1] == "一" and c in self.classifiers:
                continue   # 一张张, 一个个
            if text[i + 2:i + 4] == "、" + c or (i >= 3 and text[i - 3:i - 1] == c + "、"):
                continue   # a list of abbreviations sharing a first character: 新新、新延、新辉
            if simp is None:
                simp = ctx.simplified_prose
            verdict = self._slip(simp, i)
            if verdict:
                s, e = doc.prose.to_source(i + 1, i + 2)
                fix = self.make_fix([Edit(s, e, "")]) if self.meta.applicability else None
                a, b = _clause(text, i, i + 2, 4)
                # A stray character beside a complete word is a slip; a pair that makes a word
                # on one side only may be a term the word list lacks (太湖湖体): information.
                severity = None if verdict == "stray" else Severity.INFO
                yield self.finding(s, e, fix=fix, severity=severity, group=f"{self.meta.code}:{c}", char=c,
                                   context=text[a:b], fixed=text[a:i + 1] + text[i + 2:b])

    def _slip(self, text: str, i: int) -> str:
        """'' (normal writing), 'stray' (a strong slip) or 'one-sided' (a weaker one)."""
        lex = lexicon()
        a, b = _clause(text, i, i + 2)
        window, k = text[a:b], i - a
        _, spans = lex.words.segment(window)
        if any(s <= k and k + 2 <= e for s, e in spans) or \
                any(lex.supplement(window[s:e]) for s in range(max(0, k - 4), k + 1)
                    for e in range(k + 2, min(len(window), s + 6) + 1)):
            return ""   # the pair is one word, or inside one (常常, 干干净净, 水水联运)
        lefts = [window[j:k + 1] for j in range(max(0, k - 4), k) if lex.known(window[j:k + 1])]
        right = any(lex.known(window[k + 1:m]) for m in range(k + 3, min(len(window), k + 6) + 1))
        if lefts and right:
            # Words meet at the pair (学习|习近平). If one copy less makes a word across it
            # (营造|造林 for 营造林, 青年人|人才 for 青年人才) it may be a slip, but 公路|路网
            # is as plausible as 公路网: information only.
            merged = any(lex.known(window[j:k + 1] + window[k + 2:m])
                         for j in range(max(0, k - 3), k) for m in range(k + 3, min(len(window), j + 6) + 1))
            return "one-sided" if merged else ""
        if lefts and window[k] in self.function_chars:
            return ""   # a word, then the same character as a word of its own (目的|的, 周至|至)
        # The extra character stands alone next to a complete word: 科技型|型|企业, 推动|经|经济.
        after_word = not lefts and any(lex.known(window[j:k]) for j in range(max(0, k - 4), k - 1))
        before_word = not right and any(lex.known(window[k + 2:m]) for m in range(k + 4, min(len(window), k + 7) + 1))
        if not (after_word or before_word):
            return "one-sided"
        # A place name, then a word of the same first character the list lacks (太湖|湖体).
        return "one-sided" if any(w in lex.places for w in lefts) else "stray"


@kind("dropped-character")
class DroppedCharacterRule(Rule):
    def setup(self) -> None:
        import ahocorasick_rs
        self.full: dict[str, str] = {}
        for expr in typo_data().get("fixed_expressions") or []:
            for k in range(1, len(expr) - 1):          # keep the first and last characters
                clipped = expr[:k] + expr[k + 1:]
                self.full.setdefault(clipped, expr)
        keys = sorted(self.full)
        self.keys = keys
        self.ac = ahocorasick_rs.AhoCorasick(keys) if keys else None

    def check(self, doc, ctx):
        if self.ac is None:
            return
        text = doc.prose.text
        simp = ctx.simplified_prose
        lex = lexicon()
        for i, s, e in self.ac.find_matches_as_indexes(simp):
            clipped = self.keys[i]
            expr = self.full[clipped]
            if lex.known(clipped) or expr in simp[max(0, s - len(expr)):e + len(expr)] \
                    or _reads_as_words(simp, s, e, lex):
                continue
            src_s, src_e = doc.prose.to_source(s, e)
            fix = self.make_fix([Edit(src_s, src_e, expr)]) if self.meta.applicability else None
            yield self.finding(src_s, src_e, fix=fix, group=f"{self.meta.code}:{clipped}",
                               found=text[s:e], expected=expr)


def _reads_as_words(text: str, s: int, e: int, lex: _Lexicon) -> bool:
    """Is ``text[s:e]`` ordinary text rather than a clipped expression? It is when it splits into
    known words (中国|现代化), or into words and one character at an edge that makes a word
    with its neighbour outside (规划|要|点). 全|暨 and 营商|境 do not."""
    _, spans = lex.words.segment(text[s:e])
    singles = [k for k, (a, b) in enumerate(spans) if b - a == 1]
    if not singles:
        return True
    if len(singles) > 1 or singles[0] not in (0, len(spans) - 1):
        return False
    if singles[0] == 0 and any(lex.known(text[j:s + 1]) for j in range(max(0, s - 3), s)):
        return True
    return singles[0] == len(spans) - 1 and any(lex.known(text[e - 1:m]) for m in range(e + 1, min(len(text), e + 3) + 1))


@kind("confusable-character")
class ConfusableCharacterRule(Rule):
    """Two kinds of evidence must agree. Words: the character is in no known word and exactly
    one look-alike makes one (深人 -> 深入). Character pairs from real text
    (``rules/data/char_pairs.tsv``): the look-alike fits its neighbours on both sides at least
    nearly as well, and ``min-odds`` orders of magnitude better in all. The words alone flag coinages
    the word list lacks (入企, 募资); the pairs alone flag rare but right characters."""

    OPTIONS = {
        "min-odds": Option((int, float), 4.0,
                           doc="how many orders of magnitude likelier the look-alike must be"),
    }

    def setup(self) -> None:
        self.sets: dict[str, list[str]] = {}
        for group in typo_data().get("confusables") or []:
            for c in group:
                self.sets.setdefault(str(c), []).extend(str(o) for o in group if o != c)
        self.chars = frozenset(self.sets)
        self.finder = re.compile("[" + re.escape("".join(sorted(self.sets))) + "]") if self.sets else None
        self.odds = 10 ** float(self.options["min-odds"])
        words = sorted(lexicon().misspelled, key=len, reverse=True)
        self.misspellings = re.compile("|".join(map(re.escape, words))) if words else None

    def check(self, doc, ctx):
        text = doc.prose.text
        if self.chars.isdisjoint(text):
            return
        simp = ctx.simplified_prose
        lex = lexicon()
        from ..words import char_pairs
        counts = char_pairs()
        misspelled_at = {k for m in self.misspellings.finditer(simp) for k in range(*m.span())} \
            if self.misspellings else set()
        for m in self.finder.finditer(simp, 1, len(simp) - 1):
            i, c = m.start(), m.group()
            if self._covered(simp, i, c, lex):      # mostly one set lookup: 进入, 人民
                continue
            # A listed misspelling (自已) is evidence enough; otherwise real text must agree.
            misspelled = i in misspelled_at
            likelier = [o for o in self.sets[c] if misspelled or self._likelier(simp, i, c, o, counts)]
            if not likelier or _in_short_quote(simp, i):
                continue
            better = [o for o in self.sets[c] if self._covered(simp, i, o, lex)]
            if len(better) != 1 or better[0] not in likelier:
                continue
            src_s, src_e = doc.prose.to_source(i, i + 1)
            fix = self.make_fix([Edit(src_s, src_e, better[0])]) if self.meta.applicability else None
            a, b = _clause(text, i, i + 1, 4)
            yield self.finding(src_s, src_e, fix=fix, group=f"{self.meta.code}:{c}{better[0]}",
                               found=c, expected=better[0], context=text[a:b])

    @staticmethod
    def _covered(text: str, i: int, c: str, lex: _Lexicon) -> bool:
        """Is position ``i``, holding ``c``, inside a word of two to four characters?"""
        pairs = lex.two_char_words
        if text[i - 1] + c in pairs or c + text[i + 1:i + 2] in pairs:
            return True
        for a in range(max(0, i - 3), i + 1):
            for b in range(i + 1, min(len(text), a + 4) + 1):
                if b - a >= 2 and lex.known(text[a:i] + c + text[i + 1:b]):
                    return True
        return False

    def _likelier(self, text: str, i: int, c: str, o: str, counts: dict[str, int]) -> bool:
        """Does ``o`` fit between its neighbours nearly as well as ``c`` on each side (one side
        may favour ``c`` a little: the next word starts there, 自己|动手), and ``min-odds``
        orders of magnitude better in all (character-pair model of real text)?"""
        p, n = text[i - 1], text[i + 1]
        if not counts.get(p + o) and not counts.get(o + n):
            return False                       # no evidence for the look-alike at all
        before, after_c, after_o = counts.get(p, 0) + 1, counts.get(c, 0) + 1, counts.get(o, 0) + 1
        left = (counts.get(p + o, 0) / before + 1e-6) / (counts.get(p + c, 0) / before + 1e-6)
        right = (counts.get(o + n, 0) / after_o + 1e-6) / (counts.get(c + n, 0) / after_c + 1e-6)
        return left >= 0.1 and right >= 0.1 and left * right >= self.odds


def _in_short_quote(text: str, i: int, reach: int = 6) -> bool:
    """Inside a short quoted coinage (“百团千企”, “三清三拆”), where the word list cannot judge."""
    a = i - 1
    while a >= 0 and i - a <= reach and text[a] not in _CLAUSE_STOP:
        a -= 1
    if a < 0 or text[a] != "“":
        return False
    b = i + 1
    while b < len(text) and b - i <= reach and text[b] not in _CLAUSE_STOP:
        b += 1
    return b < len(text) and text[b] == "”"
