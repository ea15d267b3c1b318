"""A Chinese word list with frequencies, looked up without being loaded into a dict.

``rules/data/words.tsv`` (built by ``scripts/build_wordlist.py`` from jieba's dictionary)
holds one ``word<TAB>frequency`` line per word, sorted by word. Reading it is one file read and
one split; a word is found by binary search over the lines (the tab sorts before every
character, so line order is word order). That costs microseconds per lookup and tens of
milliseconds to open, where parsing 300,000 entries into a dict would take most of a second.
"""
from __future__ import annotations

import bisect
import math
from functools import lru_cache

from .resources import data_file


class WordList:
    def __init__(self, lines: list[str], total: int):
        self.lines = lines
        self.total = total
        self.floor = math.log(0.5 / total)     # a character or word never seen

    def freq(self, word: str) -> int:
        key = word + "\t"
        i = bisect.bisect_left(self.lines, key)
        if i < len(self.lines) and self.lines[i].startswith(key):
            return int(self.lines[i][len(key):])
        return 0

    def __contains__(self, word: str) -> bool:
        return self.freq(word) > 0

    def logp(self, word: str) -> float:
        f = self.freq(word)
        return math.log(f / self.total) if f else self.floor

    def has_prefix(self, prefix: str) -> bool:
        """Is ``prefix`` the start of a longer word?"""
        i = bisect.bisect_left(self.lines, prefix)
        return i < len(self.lines) and self.lines[i].startswith(prefix) and \
            not self.lines[i].startswith(prefix + "\t") or \
            (i + 1 < len(self.lines) and self.lines[i + 1].startswith(prefix))

    def words_at(self, text: str, start: int, max_len: int = 6):
        """(end, frequency) of every word of two or more characters at ``text[start:]``.
        One binary search a length; it stops as soon as no word begins with the prefix."""
        lines = self.lines
        for end in range(start + 2, min(len(text), start + max_len) + 1):
            key = text[start:end]
            i = bisect.bisect_left(lines, key)
            if i == len(lines) or not lines[i].startswith(key):
                return
            if lines[i][len(key)] == "\t":
                yield end, int(lines[i][len(key) + 1:])

    def segment(self, text: str, max_len: int = 6) -> tuple[float, list[tuple[int, int]]]:
        """The likeliest split of ``text`` into words (unigram model): (log-probability, spans)."""
        n = len(text)
        best = [0.0] + [-math.inf] * n
        back = [0] * (n + 1)
        log_total = math.log(self.total)
        for start in range(n):
            here = best[start]
            score = here + self.logp(text[start])
            if score > best[start + 1]:
                best[start + 1], back[start + 1] = score, start
            for end, f in self.words_at(text, start, max_len):
                score = here + math.log(f) - log_total
                if score > best[end]:
                    best[end], back[end] = score, start
        spans, end = [], n
        while end > 0:
            spans.append((back[end], end))
            end = back[end]
        return best[n], spans[::-1]


@lru_cache(maxsize=1)
def load() -> WordList:
    text = data_file("words.tsv").read_text(encoding="utf-8")
    # The comments are a header; the body is split in one call (a loop over 300,000 lines
    # would take a tenth of a second at every start).
    total, start = 0, 0
    while text.startswith("#", start):
        end = text.find("\n", start) + 1 or len(text)
        if text.startswith("# total:", start):
            total = int(text[start + 8:end])
        start = end
    lines = text[start:].split("\n")
    if lines and not lines[-1]:
        lines.pop()
    return WordList(lines, total or 1)


@lru_cache(maxsize=1)
def char_pairs() -> dict[str, int]:
    """Counts of characters and of character pairs (``rules/data/char_pairs.tsv``)."""
    counts = {}
    for line in data_file("char_pairs.tsv").read_text(encoding="utf-8").split("\n"):
        if line and line[0] != "#":
            key, _, count = line.partition("\t")
            counts[key] = int(count)
    return counts
