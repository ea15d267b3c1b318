"""Decoding, newlines, positions and the prose view."""
from __future__ import annotations

import codecs

import pytest

from linter.decoding import DecodeProblem, decode
from linter.document import Document
from linter.finding import Edit

REPORT = "各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n"


def test_utf8_with_and_without_bom():
    assert decode(REPORT.encode()).text == REPORT
    d = decode(codecs.BOM_UTF8 + REPORT.encode())
    assert d.text == REPORT and d.bom == codecs.BOM_UTF8 and d.encoding == "utf-8"


@pytest.mark.parametrize("codec,bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_utf16_with_bom(codec, bom):
    d = decode(bom + REPORT.encode(codec))
    assert d.text == REPORT and d.encoding == codec and d.bom == bom


def test_utf16_without_bom_is_named():
    with pytest.raises(DecodeProblem) as exc:
        decode((REPORT * 20).encode("utf-16-le"))
    assert exc.value.kind == "legacy-encoding" and "utf-16-le" in exc.value.message.lower()


@pytest.mark.parametrize("codec,label", [("gbk", "GB18030"), ("big5", "Big5")])
def test_legacy_chinese_encodings_are_recognised(codec, label):
    text = "各位代表：现在，我代表市人民政府向大会报告工作，请予审议，并请市政协委员提出意见。" * 5
    if codec == "big5":
        text = "各位代表：現在，我代表市人民政府向大會報告工作，請予審議，並請市政協委員提出意見。" * 5
    with pytest.raises(DecodeProblem) as exc:
        decode(text.encode(codec))
    assert exc.value.kind == "legacy-encoding" and label in exc.value.message
    assert "--encoding" in exc.value.message


def test_explicit_encoding_decodes_gbk():
    text = "各位代表：现在，我代表市人民政府向大会报告工作。"
    d = decode(text.encode("gbk"), "gb18030")
    assert d.text == text and d.encoding == "gb18030"


def test_binary_and_broken_utf8_are_refused_with_offsets():
    with pytest.raises(DecodeProblem) as exc:
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert exc.value.kind == "binary"
    with pytest.raises(DecodeProblem) as exc:
        decode("报告".encode() + b"\xff\xfe\xfa" + "工作".encode())
    assert exc.value.kind == "invalid-encoding" and "offset 6" in exc.value.message


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_newline_style_is_kept_by_edits(newline):
    raw = REPORT.replace("\n", newline)
    doc = Document(raw)
    assert doc.text == REPORT and doc.newline == newline
    comma = doc.text.index("，")
    out = doc.apply([Edit(comma, comma + 1, ","), Edit(len(doc.text) - 1, len(doc.text) - 1, "\n补充")])
    assert out == raw.replace("，", ",", 1)[:-len(newline)] + f"{newline}补充{newline}"


def test_mixed_newlines_are_kept_outside_edits():
    raw = "第一行\r\n第二行\n第三行\r第四行"
    doc = Document(raw)
    assert doc.mixed_newlines and doc.text == "第一行\n第二行\n第三行\n第四行"
    i = doc.text.index("三")
    assert doc.apply([Edit(i, i + 1, "3")]) == "第一行\r\n第二行\n第3行\r第四行"


def test_columns_count_code_points_outside_the_bmp():
    doc = Document("𠀀𠀁报告,\n第二行")
    comma = doc.text.index(",")
    assert doc.position(comma) == (1, 5)
    assert doc.offset(1, 5) == comma
    assert doc.position(doc.text.index("二")) == (2, 2)


def test_prose_view_removes_markup_and_maps_back():
    doc = Document("地区生产总值**130亿元**,增长4.7%；PM<sub>2.5</sub>下降。")
    prose = doc.prose
    assert prose.text == "地区生产总值130亿元,增长4.7%；PM2.5下降。"
    p = prose.text.index(",")
    s, e = prose.to_source(p, p + 1)
    assert doc.text[s:e] == ","
    p = prose.text.index("PM2.5")
    s, e = prose.to_source(p, p + 5)
    # The span ends before the removed closing tag: an edit of it would not be
    # exact, and the view says so.
    assert doc.text[s:e] == "PM<sub>2.5"
    assert not prose.verbatim(p, p + 5)
    assert prose.verbatim(prose.text.index("增长"), prose.text.index("增长") + 2)
    c = prose.text.index(",")
    assert prose.verbatim(c, c + 1)


def test_markup_never_spans_lines():
    doc = Document("**第一行\n第二行**\n<sup>上标\n</sup>")
    assert doc.markup.of_kind("emphasis") == []
    assert all(not t.paired for t in doc.markup.of_kind("html-tag"))
