"""Mojibake: UTF-8 text that was decoded with the wrong codec, found and reversed.

UTF-8 encodes a Chinese character as three bytes, E4-E9 followed by two bytes in 80-BF. Read
as GBK those bytes pair up into rare characters (全栈代码生成器 -> 鍏ㄦ爤浠ｇ爜鐢熸垚鍣); read as
Big5, into rare traditional ones; read as cp1252 or latin-1, into accented letters and symbols
(å…¨æ ˆ); encoded twice, into Ã¥â€¦. Each shape has a characteristic alphabet, so we look
for runs of it, re-encode a run with the codec that produced it, decode the bytes as UTF-8,
and keep the result when it reads better (mostly common Chinese characters) than the run.

A strict round trip is exact, and its fix is safe. Text that lost bytes on the way (decoded
with ``errors="replace"``) is recovered in pieces between the lost bytes: an unsafe fix. The
锟斤拷 family (GBK text decoded as UTF-8 with replacement, then re-encoded) and the 烫烫烫 and
屯屯屯 of uninitialised memory cannot be recovered and are reported without a fix.

ftfy (a fine tool for Latin mojibake) is not used: it does not detect or repair UTF-8 read as
GBK or Big5, and with its defaults it rewrites full-width punctuation in Chinese text.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

CJK_CODECS = ("gb18030", "big5")
# Latin mojibake: a UTF-8 lead byte (E4-E9 for CJK, C2-C3 and E2 for double encoding) read as a
# Latin letter, followed by continuation bytes read as Latin-1 symbols or cp1252 specials.
_C1_CP1252 = ("\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d"
              "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178")
_CONT = f"[\u0080-\u00bf{_C1_CP1252}\ufffd]"    # U+FFFD: a byte cp1252 leaves undefined
_LEAD = "[\u00c2-\u00c3\u00e2-\u00ef]"       # UTF-8 lead bytes C2-C3 and E2-EF read as Latin-1
_LATIN_RUN = re.compile(f"(?:{_LEAD}{_CONT}{{1,2}}){{2,}}(?:{_LEAD}{_CONT}{{0,2}})?")
GARBAGE = re.compile(r"(?:锟斤拷)+|烫{3,}|屯{3,}|(?:��)+")
_GARBAGE_SEEDS = ("锟斤拷", "烫烫烫", "屯屯屯", "\ufffd\ufffd")


@dataclass
class Mojibake:
    start: int
    end: int
    codec: str
    recovered: str | None   # None: garbled beyond recovery
    exact: bool


def _gbk_bytes(c: str, codec: str) -> bytes | None:
    try:
        return c.encode(codec)
    except UnicodeEncodeError:
        return None


@lru_cache(maxsize=2)
def _alphabets(codec: str) -> tuple[frozenset[str], frozenset[str]]:
    """(characters that UTF-8 bytes can turn into under ``codec``, the tell-tale ones).

    Under GBK or Big5 a run of UTF-8 CJK bytes pairs into characters whose lead and trail
    bytes are UTF-8 lead bytes (E4-E9) or continuation bytes (80-BF); those with a lead byte
    E4-E9 are rare characters in normal text and tell the run apart.
    """
    lead, cont = range(0xE4, 0xEA), range(0x80, 0xC0)
    usable = set(lead) | set(cont)
    chars, telltale = set(), set()
    for hi in usable:
        for lo in usable:
            try:
                c = bytes((hi, lo)).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(c) == 1:
                chars.add(c)
                if hi in lead:
                    telltale.add(c)
    return frozenset(chars), frozenset(telltale)


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    """Common characters: GB2312 level 1 and their traditional forms, CJK punctuation, ASCII."""
    out = set()
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                out.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    try:
        from .hanzi import tables
        s2t = tables().s2t
        out |= {t for c, v in list(s2t.items()) if c in out for t in v}
        out |= {c for c, v in tables().t2s.items() if v[0] in out}
    except Exception:  # the script tables are optional here
        pass
    out |= set("，。、；：？！“”‘’（）《》【】—…·％　 \n")
    out |= {chr(i) for i in range(32, 127)}
    return frozenset(out)


def commonness(text: str) -> float:
    common = _common()
    return sum(1 for c in text if c in common) / len(text) if text else 0.0


@lru_cache(maxsize=1)
def _telltale_automaton():
    import ahocorasick_rs
    chars = sorted(_alphabets("gb18030")[1] | _alphabets("big5")[1])
    return ahocorasick_rs.BytesAhoCorasick([c.encode() for c in chars]), chars


def find(text: str) -> list[Mojibake]:
    data = text.encode("utf-8", errors="surrogatepass")
    out: list[Mojibake] = _find_cjk(text, data)
    # Quick rejections, each a byte or substring search: Latin mojibake starts with a letter
    # of U+00C2-U+00EF (UTF-8 C3 xx); the unrecoverable families are literal.
    latin = _LATIN_RUN.finditer(text) if b"\xc3" in data else ()
    for m in latin:
        # Curly quotes and dashes are cp1252 continuation bytes too: a run may have taken in
        # the quotation mark after it. Prefer the longest run that round-trips exactly.
        best = None
        for cut in range(0, 3):
            run = m.group()[:len(m.group()) - cut]
            fixed = _latin_roundtrip(run) if len(run) >= 4 else None
            if fixed is not None and (best is None or fixed[1] and not best[1]):
                best = (fixed[0], fixed[1], m.start() + len(run))
            if best and best[1]:
                break
        if best is not None:
            out.append(Mojibake(m.start(), best[2], "cp1252", best[0], best[1]))
    garbage = GARBAGE.finditer(text) if any(g in text for g in _GARBAGE_SEEDS) else ()
    for m in garbage:
        if not any(x.start <= m.start() < x.end for x in out):
            out.append(Mojibake(m.start(), m.end(), "unrecoverable", None, False))
    out.sort(key=lambda x: (x.start, -x.end))
    kept: list[Mojibake] = []
    for x in out:    # one finding per run: drop runs inside an earlier one
        if not kept or x.start >= kept[-1].end:
            kept.append(x)
    return kept


def _find_cjk(text: str, data: bytes) -> list[Mojibake]:
    """Runs of GBK or Big5 mojibake, seeded by tell-tale characters (``data``: the text in UTF-8)."""
    ac, chars = _telltale_automaton()
    matches = ac.find_matches_as_indexes(data)
    if not matches:
        return []
    from .hanzi import byte_matches_to_chars
    seeds = byte_matches_to_chars(text, data, matches)
    out: list[Mojibake] = []
    done = -1
    for p in seeds:
        if p < done:
            continue
        best = None
        for codec in CJK_CODECS:
            alphabet = _alphabets(codec)[0]
            if text[p] not in alphabet:
                continue
            s, e = p, p + 1
            while s > 0 and (text[s - 1] in alphabet or text[s - 1] == "\ufffd"):
                s -= 1
            while e < len(text) and (text[e] in alphabet or text[e] == "\ufffd"):
                e += 1
            found = _cjk_roundtrip(text, s, e, codec)
            if found and (best is None or found.end - found.start > best.end - best.start):
                best = found
        if best:
            out.append(best)
            done = best.end
    return out


def _cjk_roundtrip(text: str, s: int, e: int, codec: str) -> Mojibake | None:
    """The best recovery of text[s:e] read back through ``codec``.

    Normal characters at the edges of a run (the full-width colon before a garbled phrase)
    also belong to the alphabet, so a few trimmings are tried and the best kept: an exact
    round trip first, then the most characters recovered.
    """
    best, best_key = None, None
    for a in range(s, min(e - 1, s + 4)):
        for b in range(e, max(a + 1, e - 4), -1):
            run = text[a:b]
            if len(run) < 2:
                continue
            fixed, exact = _decode_pieces(run, codec)
            if fixed is None or not _reads_better(run, fixed, exact):
                continue
            # The most common characters recovered, then exact, then the fewest new U+FFFD
            # (an edge character wrongly taken in breaks its neighbour), then the longest run
            # (lost bytes at the edges belong to it).
            common = _common()
            key = (sum(c in common for c in fixed), exact, run.count("\ufffd") - fixed.count("\ufffd"), b - a)
            if best_key is None or key > best_key:
                best, best_key = Mojibake(a, b, codec, fixed, exact), key
    return best


def _decode_pieces(run: str, codec: str) -> tuple[str | None, bool]:
    """Re-encode ``run`` with ``codec`` and decode as UTF-8; each U+FFFD in the run is a byte
    the first decoding lost, guessed where a guess makes a character (``_decode_lossy``)."""
    raw: list[int | None] = []
    for c in run:
        if c == "\ufffd":
            raw.append(None)
            continue
        b = _gbk_bytes(c, codec)
        if b is None:
            return None, False
        raw.extend(b)
    if None in raw:
        return _decode_lossy(raw, LOST_BYTES[codec], last=_ANY_BYTE), False
    try:
        return bytes(raw).decode("utf-8"), True
    except UnicodeDecodeError:
        return bytes(raw).decode("utf-8", errors="replace"), False


def _latin_roundtrip(run: str) -> tuple[str, bool] | None:
    """Undo UTF-8 read as cp1252/latin-1, twice if it was encoded twice."""
    current, changed = run, False
    for _ in range(2):
        raw: list[int | None] = []
        for c in current:
            if c == "\ufffd" and not changed:
                raw.append(None)         # a byte cp1252 leaves undefined, guessed below
                continue
            try:
                raw.extend(c.encode("cp1252"))
            except UnicodeEncodeError:
                try:
                    raw.extend(c.encode("latin-1"))
                except UnicodeEncodeError:
                    return (current, False) if changed else None
        if None in raw:
            nxt, exact = _decode_lossy(raw, LOST_BYTES["cp1252"]), False
        else:
            try:
                nxt = bytes(raw).decode("utf-8")
                exact = True
            except UnicodeDecodeError:
                nxt = bytes(raw).decode("utf-8", errors="replace")
                exact = False
        if nxt == current or nxt.count("\ufffd") > len(nxt) // 4:
            break
        current, changed = nxt, True
        if not exact or not _LATIN_RUN.search(current):
            return current, exact
    return (current, False) if changed else None


# What a byte lost in the first decoding (one U+FFFD each) can have been. cp1252 leaves five
# bytes undefined. GB18030 maps every pair, so only 0x80, which cannot start one, is lost. Big5
# loses a byte that cannot lead (80-A0) and a lead whose trail is invalid (A1-BF, E4-E9).
LOST_BYTES = {
    "cp1252": (0x81, 0x8D, 0x8F, 0x90, 0x9D),
    "gb18030": (0x80,),
    "big5": (*range(0x80, 0xC0), *range(0xE4, 0xEA)),
}


_ANY_BYTE = tuple(range(0x80, 0x100))


@lru_cache(maxsize=65536)
def _best_fill(chunk: tuple[int | None, ...], options: tuple[tuple[int, ...], ...]) -> str:
    """The commonest character (in real text) that filling the holes of ``chunk`` makes, or
    U+FFFD. Too many choices (two bytes lost of one character under Big5) make no guess."""
    from itertools import product
    from .words import char_pairs
    counts = char_pairs()
    holes = [k for k, x in enumerate(chunk) if x is None]
    if not all(options) or math.prod(map(len, options)) > 256:
        return "\ufffd"
    best, best_count = "\ufffd", 0
    for choice in product(*options):
        trial = list(chunk)
        for k, x in zip(holes, choice):
            trial[k] = x
        try:
            c = bytes(trial).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if counts.get(c, 0) > best_count:
            best, best_count = c, counts[c]
    return best


def _decode_lossy(raw: list[int | None], lost: tuple[int, ...], last: tuple[int, ...] = ()) -> str:
    """Decode UTF-8 bytes some of which (None) were lost and could be any of ``lost`` (or of
    ``last`` for the last byte: a codec drops any lead byte the text ends on).

    A character with lost bytes becomes the commonest character (in real text) that a choice of
    them makes, if any does; otherwise U+FFFD, one per character, so the count stays right.
    UTF-8 resynchronises at the next lead byte."""
    leads = [b for b in lost if b >= 0xC0]
    conts = [b for b in lost if 0x80 <= b < 0xC0]
    out: list[str] = []
    i, n = 0, len(raw)
    while i < n:
        b = raw[i]
        if b is not None and b < 0x80:
            out.append(chr(b))
            i += 1
            continue
        if b is not None and b < 0xC0:          # continuation bytes with no lead: damaged
            while i < n and raw[i] is not None and 0x80 <= raw[i] < 0xC0:
                i += 1
            out.append("\ufffd")
            continue
        size = 3 if b is None else 2 if b < 0xE0 else 3 if b < 0xF0 else 4
        chunk = raw[i:i + size]
        bad = next((k for k in range(1, len(chunk))
                    if chunk[k] is not None and not 0x80 <= chunk[k] < 0xC0), None)
        if bad is not None or len(chunk) < size:
            out.append("\ufffd")
            i += bad or len(chunk)
            continue
        holes = [k for k, x in enumerate(chunk) if x is None]
        if not holes:
            out.append(bytes(chunk).decode("utf-8", errors="replace"))
            i += size
            continue
        options = [leads if k == 0 else conts for k in holes]
        if last and i + holes[-1] == n - 1:
            options[-1] = [x for x in last if (x >= 0xC0) == (holes[-1] == 0) and x < 0xF0]
        best = _best_fill(tuple(chunk), tuple(map(tuple, options)))
        out.append(best)
        i += size
    return "".join(out)


def _reads_better(run: str, fixed: str, exact: bool) -> bool:
    if not fixed or len(fixed) >= len(run):
        return False
    clean = fixed.replace("\ufffd", "")
    if len(clean) < max(1, len(fixed) // 2):
        return False
    if any(ord(c) < 32 and c not in "\t\n" for c in clean):
        return False
    # An exact round trip to valid UTF-8 is itself strong evidence: rarer characters may stay.
    return commonness(clean) >= (0.5 if exact else 0.8) and commonness(clean) > commonness(run) + 0.3
