"""Turn a file's bytes into text, or say clearly why not.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are decoded. Anything
else is never guessed into text silently: a legacy Chinese encoding
(GB18030/GBK/GB2312, Big5) is named so the user can convert the file or ask
for it with ``--encoding``; binary data and broken UTF-8 are refused with the
offset of the first bad byte. A file we cannot fully decode is never fixed.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Encodings charset-normalizer may name for Chinese legacy files, mapped to
# the superset codec we would decode them with.
_LEGACY_CJK = {
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "hz": "gb18030",
    "big5": "big5hkscs", "big5hkscs": "big5hkscs", "cp950": "big5hkscs",
}


@dataclass(slots=True)
class Decoded:
    text: str          # as in the file (newlines untouched), BOM removed
    encoding: str      # codec name used to write the text back
    bom: bytes = b""


class DecodeProblem(Exception):
    """The bytes are not text we can lint. ``kind`` is stable for scripts."""

    def __init__(self, kind: str, message: str, detected: str | None = None):
        super().__init__(message)
        self.kind = kind            # binary | legacy-encoding | invalid-encoding
        self.message = message
        self.detected = detected    # e.g. "gb18030" for a legacy file


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    if encoding:
        return _decode_as(data, encoding)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(codec), codec, bom)
            except UnicodeDecodeError as exc:
                raise DecodeProblem(
                    "invalid-encoding",
                    f"starts with a {codec.upper()} byte-order mark but is not valid "
                    f"{codec.upper()} (offset {exc.start + len(bom)})",
                ) from None
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    raise _classify(data, first_bad)


def _decode_as(data: bytes, encoding: str) -> Decoded:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise DecodeProblem("invalid-encoding", f"unknown encoding {encoding!r}") from None
    bom = b""
    if codec in ("utf-8", "utf-8-sig") and data.startswith(codecs.BOM_UTF8):
        bom, data, codec = codecs.BOM_UTF8, data[3:], "utf-8"
    try:
        return Decoded(data.decode(codec), codec, bom)
    except UnicodeDecodeError as exc:
        raise DecodeProblem(
            "invalid-encoding",
            f"not valid {codec.upper()} (offset {exc.start}); nothing was linted",
        ) from None


def _classify(data: bytes, first_bad: int) -> DecodeProblem:
    """Say what a file that is not UTF-8 is: UTF-16 without a BOM, legacy Chinese, or binary.

    Each candidate codec must decode the whole file strictly *and* give
    plausible text (mostly Han or printable, almost no control characters);
    Chinese UTF-16 has few NUL bytes, so NULs alone cannot tell it from binary.
    """
    head = data[:65536]
    if _mostly_utf8(data):
        return _invalid_utf8(data, first_bad)    # UTF-8 with a few broken bytes, not another codec
    even = len(data) % 2 == 0
    utf16 = [c for c in ("utf-16-le", "utf-16-be") if even]
    if b"\x00" in head:
        candidates = utf16
    else:
        candidates = _legacy_candidates(data) + utf16
    for codec in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible_text(text):
            return DecodeProblem("legacy-encoding", _legacy_message(codec), codec)
    if b"\x00" in head:
        return DecodeProblem("binary", "binary file (contains NUL bytes); not linted")
    return _invalid_utf8(data, first_bad)


def _mostly_utf8(data: bytes) -> bool:
    """At most one broken sequence per 200 characters, in text with some multi-byte UTF-8:
    a UTF-8 report damaged in a few places (a cut character, a stray byte)."""
    sample = data[:200_000]
    text = sample.decode("utf-8", errors="replace")
    broken = len(re.findall("\ufffd+", text))      # broken places, not bytes
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    return multibyte >= 10 and broken <= max(2, len(text) // 200) and b"\x00" not in sample


def _invalid_utf8(data: bytes, first_bad: int) -> DecodeProblem:
    line = data.count(b"\n", 0, first_bad) + 1
    return DecodeProblem(
        "invalid-encoding",
        f"not valid UTF-8: byte 0x{data[first_bad]:02x} at offset {first_bad} (line {line}); "
        "nothing was linted",
    )


def _legacy_message(codec: str) -> str:
    if codec.startswith("utf-16"):
        return (f"looks like {codec.upper()} without a byte-order mark; "
                f"lint it with --encoding {codec}")
    label = "GB18030/GBK" if codec == "gb18030" else "Big5"
    return (f"encoded as {label}, not UTF-8; convert it (iconv -f {codec} -t utf-8) "
            f"or lint it with --encoding {codec}")


def _legacy_candidates(data: bytes) -> list[str]:
    """Legacy Chinese codecs to try, charset-normalizer's best guess first."""
    from charset_normalizer import from_bytes  # imported lazily: rare path

    best = from_bytes(data[:200_000], cp_isolation=["gb18030", "big5", "cp950", "gb2312"]).best()
    codec = _LEGACY_CJK.get(best.encoding) if best else None
    candidates = [codec] if codec else []
    return candidates + [c for c in ("gb18030", "big5hkscs") if c not in candidates]


def _plausible_text(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    han = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    printable = sum(1 for ch in sample if " " <= ch <= "~" or ch in "\t\r\n")
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f")
    if controls >= 0.01 * len(sample):
        return False
    return han >= 0.2 * len(sample) or (han > 0 and han + printable >= 0.9 * len(sample))
