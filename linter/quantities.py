"""Quantities in Chinese report text: number, magnitude, unit, range and approximation, with spans.

``parse(text)`` finds every number that carries a unit or a magnitude: 3569.7亿元, 6.7万人以上,
5.79 万人, 6%—6.5%, 3至5个, 百分之六点五, 一千二百亩, 90億斤 (traditional text is read through
its simplified view by the rules). Bare numbers, years (2025年), dates, ordinals (第3名) and
identifiers (PM2.5, G20, 5G) are not quantities. The units, magnitudes, approximation words,
range marks and numerals are data: ``rules/data/units.yaml``.

A quantity's value is kept as written (``value`` × ``magnitude`` in ``unit``); ``base_value``
converts to the dimension's base unit so 272.45亿元 and 2,724,500万元 compare equal, and
``step`` is the size of the last written digit, the tolerance of a rounded figure.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex


@dataclass(frozen=True, slots=True)
class Unit:
    name: str            # canonical spelling: 平方米
    dimension: str       # mass, area, count …
    factor: float | None  # to the dimension's base unit; None for counts


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    value: float                 # the (low) number as written, before the magnitude
    high: float | None           # the high end of a range
    magnitude: float             # 1e4 for 万, 1e8 for 亿, 1 otherwise
    unit: Unit | None            # None: a number with a magnitude only (1.2万)
    notation: str                # the unit as written (㎡, km, 平方米); '' when none
    notation_start: int          # where the notation starts (-1 when none)
    approx: str                  # 约, 左右, 以上 … or ''
    step: float                  # the size of the last written digit, × magnitude
    numeral: str                 # 'arabic' or 'chinese'

    @property
    def dimension(self) -> str | None:
        return self.unit.dimension if self.unit else None

    def base(self, number: float) -> float:
        factor = self.unit.factor if self.unit and self.unit.factor is not None else 1.0
        return number * self.magnitude * factor

    @property
    def base_value(self) -> float:
        return self.base(self.value)

    @property
    def base_high(self) -> float | None:
        return None if self.high is None else self.base(self.high)

    @property
    def base_step(self) -> float:
        factor = self.unit.factor if self.unit and self.unit.factor is not None else 1.0
        return self.step * factor


@dataclass(frozen=True)
class Tables:
    units: dict[str, Unit]               # notation -> unit
    notations: tuple[str, ...]           # longest first
    magnitudes: dict[str, float]
    approx_before: tuple[str, ...]
    digits: dict[str, int]
    multipliers: dict[str, int]
    arabic_only: frozenset[str]          # units a Chinese numeral does not take
    # One pattern per word list, the longest word first: the word at an offset in one match.
    notation_rx: "regex.Pattern"
    magnitude_rx: "regex.Pattern"
    approx_after_rx: "regex.Pattern"
    range_rx: "regex.Pattern"


@lru_cache(maxsize=1)
def tables() -> Tables:
    from .resources import data_file
    from .yamlio import read_data
    data = read_data(data_file("units.yaml"))
    units: dict[str, Unit] = {}
    for name, spec in data["units"].items():
        unit = Unit(str(name), spec["dimension"], spec.get("factor"))
        for notation in spec.get("notations") or [name]:
            units[str(notation)] = unit
    by_length = lambda words: tuple(sorted(words, key=len, reverse=True))  # noqa: E731
    words_rx = lambda words: regex.compile("|".join(map(regex.escape, by_length(words))))  # noqa: E731
    num = data["numerals"]
    return Tables(units, by_length(units), {k: float(v) for k, v in data["magnitudes"].items()},
                  by_length(data["approximate"]["before"]), num["digits"], num["multipliers"],
                  frozenset(data.get("arabic_only") or ()), words_rx(units), words_rx(data["magnitudes"]),
                  words_rx(data["approximate"]["after"]), words_rx(data["range_marks"]))


_ARABIC = r"[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?"
_CN = "[〇零一二两三四五六七八九十百千万亿点]+"


@lru_cache(maxsize=1)
def _number_rx() -> "regex.Pattern":
    """A number not glued to letters or other digits (PM2.5, G20, V1.2 are names, not
    quantities). A Chinese numeral counts only right before a unit (or 余/多 and a unit): most
    一 and 十 in prose are parts of words (一体化, 十分), and skipping them early is the speed."""
    t = tables()
    first = "".join(sorted({n[0] for n in t.notations} | {"余", "多", " "}))
    return regex.compile(
        rf"(?P<pct>百分之)(?P<pcn>{_CN})"
        rf"|(?<![0-9０-９.．A-Za-z_])(?P<ar>{_ARABIC})"
        rf"|(?<![〇零一二两三四五六七八九十百千万亿点])(?P<cn>{_CN})(?=[{regex.escape(first)}])")
_SPACES = " \u00a0\u2009"
_ORDINAL_BEFORE = ("第", "星期", "周")


def parse(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in order."""
    t = tables()
    number_rx = _number_rx()
    out: list[Quantity] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = number_rx.search(text, pos)
        if m is None:
            break
        q = _quantity(text, m, t)
        if q is None:
            pos = m.end()
            continue
        out.append(q)
        pos = q.end
    return out


def _quantity(text: str, m, t: Tables) -> Quantity | None:
    start = m.start()
    if text.endswith(_ORDINAL_BEFORE, 0, start):
        return None
    low = _number(m, t)
    if low is None:
        return None
    value, decimals, numeral = low
    if m.group("pct"):
        pct = t.units["%"]
        end = m.end()
        approx, end = _approx_after(text, end, t)
        return Quantity(start, end, value, None, 1.0, pct, "百分之", start, approx or _approx_before(text, start, t),
                        10.0 ** -decimals, numeral)
    num_end = m.end()
    if numeral == "chinese":
        # 五十亿元 reads as 50 × 亿 元, like 50亿元: the magnitude is not part of the numeral.
        cn = m.group("cn")
        suffix = next((w for w in ("万亿", "亿", "万") if cn.endswith(w) and len(cn) > len(w)), "")
        if suffix and (v := chinese_number(cn[:-len(suffix)], t)) is not None:
            value, num_end = v, num_end - len(suffix)
    mag, unit, notation, nstart, end, infix = _tail(text, num_end, t)
    high = None
    # A range: 6%—6.5%, 6-6.5%, 3至5个, 1.5万~2万个; the first end may leave its magnitude and
    # unit to the second.
    r = _range_end(text, end, t)
    if r is not None:
        m2, h_value, h_decimals = r
        mag2, unit2, notation2, nstart2, end2, _ = _tail(text, m2.end(), t)
        if (unit2 is not None or mag2 != 1.0) and (unit is None or unit == unit2):
            if unit is None and mag == 1.0:
                mag, high = mag2, h_value
            else:
                high = h_value * mag2 / mag
            if unit is None:
                unit, notation, nstart = unit2, notation2, nstart2
            decimals = max(decimals, h_decimals)
            end = end2
    if unit is None and mag == 1.0:
        return None          # a bare number: a year, a code, a count without a unit
    if numeral == "chinese" and (unit is None or unit.name in t.arabic_only):
        return None          # 一万, 二次扬尘, 五位一体: words, not figures
    approx, end = _approx_after(text, end, t)
    approx = approx or infix or _approx_before(text, start, t)
    return Quantity(start, end, value, high, mag, unit, notation, nstart, approx,
                    (10.0 ** -decimals) * mag, numeral)


def _number(m, t: Tables) -> tuple[float, int, str] | None:
    """(value, decimals written, 'arabic'|'chinese') of a number match."""
    ar = m.group("ar")
    if ar:
        s = unicodedata.normalize("NFKC", ar).replace(",", "")
        if len(s) > 24:
            return None      # a run of digits no report states as a figure (an ID, a hash, noise)
        decimals = len(s) - s.index(".") - 1 if "." in s else 0
        try:
            return float(s), decimals, "arabic"
        except ValueError:
            return None
    cn = m.group("pcn") or m.group("cn")
    value = 100.0 if m.group("pcn") == "百" else chinese_number(cn, t)   # 百分之百
    if value is None:
        return None
    decimals = len(cn) - cn.index("点") - 1 if "点" in cn else 0
    return value, decimals, "chinese"


def chinese_number(s: str, t: Tables | None = None) -> float | None:
    """一千二百 → 1200, 两万 → 20000, 六点五 → 6.5, 二〇二五 → 2025; None when not a number."""
    t = t or tables()
    if not s or s.count("点") > 1:
        return None
    whole, _, frac = s.partition("点")
    if frac and not all(c in t.digits for c in frac):
        return None
    if not whole or not (whole[0] == "十" or any(t.digits.get(c) for c in whole)):
        return None      # 万人, 千家万户, 零部件: words, not figures
    if all(c in t.digits for c in whole):
        if len(whole) > 1 and "〇" not in whole:
            return None      # 一二: not a number in report prose
        value = float("".join(str(t.digits[c]) for c in whole))
    else:
        value = _cn_integer(whole, t)
        if value is None:
            return None
    if frac:
        value += float("0." + "".join(str(t.digits[c]) for c in frac))
    return value


def _cn_integer(s: str, t: Tables) -> float | None:
    for word, mult in (("亿", 100_000_000), ("万", 10_000)):
        if word in s:
            high, _, low = s.partition(word)
            h = _cn_integer(high, t) if high else 1.0
            lo = _cn_integer(low, t) if low else 0.0
            if h is None or lo is None:
                return None
            return h * mult + lo
    total, digit, last_mult = 0, None, 10_000
    for c in s:
        if c in t.digits:
            if digit is not None and digit != 0:
                return None          # two digits in a row: 十四五
            digit = t.digits[c]
        elif c in ("十", "百", "千"):
            mult = t.multipliers[c]
            if mult >= last_mult:
                return None
            if digit is None:
                if c != "十" or total:
                    return None
                digit = 1            # 十二 = 12
            total += digit * mult
            digit, last_mult = None, mult
        else:
            return None
    return float(total + (digit or 0))


def _skip_spaces(text: str, i: int) -> int:
    n = len(text)
    while i < n and text[i] in _SPACES:
        i += 1
    return i


def _starts(text: str, i: int, words: "regex.Pattern") -> str:
    """The longest word of a word-list pattern at ``i`` ('' when none)."""
    m = words.match(text, i)
    return m.group() if m else ""


def _tail(text: str, i: int, t: Tables):
    """(magnitude, unit, notation, notation start, end, infix) after a number at ``i``;
    infix is 余 or 多 written inside the figure (700余万条, 10多家)."""
    j, infix = _after_approx_infix(text, _skip_spaces(text, i))
    direct = _unit_at(text, j, t)
    mag_word = _starts(text, j, t.magnitude_rx)
    if mag_word:
        k, infix2 = _after_approx_infix(text, _skip_spaces(text, j + len(mag_word)))
        k = _skip_spaces(text, k)
        unit_after = _unit_at(text, k, t)
        via_mag_end = k + len(unit_after[1]) if unit_after else j + len(mag_word)
        if not direct or via_mag_end > j + len(direct[1]):
            if unit_after:
                return t.magnitudes[mag_word], unit_after[0], unit_after[1], k, via_mag_end, infix or infix2
            return t.magnitudes[mag_word], None, "", -1, j + len(mag_word), infix
    if direct:
        return 1.0, direct[0], direct[1], j, j + len(direct[1]), infix
    return 1.0, None, "", -1, i, ""


def _after_approx_infix(text: str, j: int) -> tuple[int, str]:
    """700余万条, 10多家: 余 and 多 may stand between a number and its magnitude or unit."""
    if j < len(text) and text[j] in "余多" and not text.startswith("多元", j):
        return j + 1, text[j]
    return j, ""


def _unit_at(text: str, i: int, t: Tables) -> tuple[Unit, str] | None:
    notation = _starts(text, i, t.notation_rx)
    if not notation:
        return None
    end = i + len(notation)
    # An ASCII notation must end the word: 5km, not 5kmh; m2 not m23.
    if notation[-1].isascii() and notation[-1].isalnum() and end < len(text) and text[end].isascii() \
            and text[end].isalnum():
        return None
    if notation == "%" or notation == "％":
        return t.units[notation], notation
    # 元/吨, 元/平方米: a rate; kept as its numerator's unit with the denominator in the name.
    if end < len(text) and text[end] == "/":
        per_mag = _starts(text, end + 1, t.magnitude_rx) or ("百" if text.startswith("百", end + 1) else "")
        per = _starts(text, end + 1 + len(per_mag), t.notation_rx)
        if per:
            per = per_mag + per
            num_unit, per_unit = t.units[notation], t.units[per[len(per_mag):]]
            name = f"{num_unit.name}/{per_mag}{per_unit.name}"
            return Unit(name, f"{num_unit.dimension}/{per_unit.dimension}", None), text[i:end + 1 + len(per)]
    return t.units[notation], notation


def _range_end(text: str, i: int, t: Tables):
    j = _skip_spaces(text, i)
    mark = _starts(text, j, t.range_rx)
    if not mark:
        return None
    k = _skip_spaces(text, j + len(mark))
    m2 = _number_rx().match(text, k)
    if m2 is None or m2.group("pct"):
        return None
    if mark in "-－" and m2.group("cn"):
        return None
    num = _number(m2, t)
    if num is None:
        return None
    if (num[2] == "chinese") != (m2.group("cn") is not None):
        return None
    return m2, num[0], num[1]


def _approx_after(text: str, i: int, t: Tables) -> tuple[str, int]:
    w = _starts(text, i, t.approx_after_rx)
    if w in ("多", "余", "内") and i + 1 < len(text) and text[i + 1] not in "，。；、,;）)\n 的":
        return "", i          # 多措并举, 余下: words, not approximations
    return (w, i + len(w)) if w else ("", i)


def _approx_before(text: str, start: int, t: Tables) -> str:
    for w in t.approx_before:
        if text.endswith(w, 0, start):
            return w
    return ""


__all__ = ["Quantity", "Unit", "parse", "chinese_number", "tables"]
