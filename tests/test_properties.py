"""Properties of the whole pipeline over generated text (hypothesis).

The text is weighted toward what reports and their extraction damage hold: Chinese prose,
both widths of punctuation, Markdown/HTML/LaTeX residue, figures and units, place names,
confusable characters, mojibake, invisible characters, astral characters and every newline.
For any such text:

- ``check`` never raises and no rule fails;
- every finding's span is inside the text, and its line and column map back to its offset;
- fixing only changes the text inside the fixed spans;
- fixing is idempotent: a second fix changes nothing, and the fixed findings are gone;
- the JSON and SARIF outputs are valid (SARIF against the official 2.1.0 schema).

CI runs the ``ci`` profile. The long run (README, Reliability) is
``HYPOTHESIS_PROFILE=long REPORTLINT_FORMAT_EXAMPLES=10000 pytest tests/test_properties.py``:
30,000 examples of each property and 10,000 of the output formats.
"""
from __future__ import annotations

import io
import json
import os
import tempfile
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.config import Config
from linter.document import Document
from linter.engine import choose_edits, fix_document, lint_document, lint_file
from linter.registry import RuleSet
from linter.reporters import REPORTERS
from linter.runner import RunOptions, RunResult

from .conftest import ROOT

settings.register_profile("ci", max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", max_examples=30_000, deadline=None,
                          suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

RULES = RuleSet(Config(root=ROOT), select=None).rules
SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8-sig"))

CHARS = ("各位代表现在我代表市人民政府向大会报告工作请予审议经济增长左右亿元万人全省湛河区漯河平顶山"
         "示範干部後備末未己已巳人入日曰土士干千天夭侯候凤风型型造林"
         "，。、；：！？“”（）《》…—～％,.;:!?()\"'~-%/"
         "0123456789０１２３４５６７８９"
         "*_#<>[]{}$`|\\&^@=+"
         "鍏ㄦ爤浠ｇ爜锟斤拷Ã©¤"
         "\u00a0\u3000\u200b\u200d\ufeff\ufffd\x07\x9f\ue000 \t"
         "𠀀😀₂₅㎡")
SNIPPETS = ["**", "<sub>2.5</sub>", "<sup>", "</div>", "PM_{2.5}", "PM2.5", "PM₂.₅", "## 2 | 要闻",
            "（上接第一版）", "&nbsp;", "\\u3000", "2025年", "增长5.5%左右", "6%—6.5%", "6%-6.5%",
            "1~2", "106.19 亿元", "272.45亿元", "2,724,500万元", "床位1013个", "占比128%",
            "平漯周高铁", "健康漯河", "漯河区", "示范", "干細胞", "科技型型企业", "全暨", "末达",
            "主要预期目标是：", "城镇新增就业6.7万人以上", "——", "\n", "\r\n", "\r", "\n\n", "# ", "- ",
            "1. ", "> ", "|", "一、", "（一）", "记者 张三 摄", "责任编辑：李四"]
TEXT = st.lists(st.one_of(st.sampled_from(SNIPPETS), st.text(alphabet=CHARS, max_size=12),
                          st.characters(blacklist_categories=("Cs",))), max_size=40).map("".join)
FORMATS = st.sampled_from(["text", "markdown"])


def lint(text: str, fmt: str):
    doc = Document(text, "report.md" if fmt == "markdown" else "report.txt", fmt=fmt)
    return doc, *lint_document(doc, RULES)


@given(TEXT, FORMATS)
def test_check_never_raises_and_spans_map_back(text, fmt):
    doc, findings, failures = lint(text, fmt)
    assert failures == [], [f.message for f in failures]
    n = len(doc.text)
    for f in findings:
        assert 0 <= f.start <= f.end <= n, (f.code, f.start, f.end, n)
        assert doc.offset(f.line, f.column) == f.start, (f.code, f.line, f.column, f.start)
        assert doc.position(f.end) == (f.end_line, f.end_column) or f.end == f.start, f.code
        for fix in f.fixes:
            for e in fix.edits:
                assert 0 <= e.start <= e.end <= n, (f.code, e)


@given(TEXT, FORMATS)
def test_fixing_changes_only_the_fixed_spans(text, fmt):
    text = text.replace("\r\n", "\n").replace("\r", "\n")    # raw and text offsets agree
    doc, findings, _ = lint(text, fmt)
    edits, _ = choose_edits(findings, unsafe=True)
    new = doc.apply(edits)
    expected, pos = [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        assert e.start >= pos, "chosen edits overlap"
        expected.append(text[pos:e.start])
        expected.append(e.content)
        pos = e.end
    expected.append(text[pos:])
    assert new == "".join(expected)


@given(TEXT, FORMATS)
def test_fixing_is_idempotent(text, fmt):
    doc = Document(text, "report.txt", fmt=fmt)
    fixed, findings, _, converged, failures = fix_document(doc, RULES)
    assert failures == []
    if not converged:
        return          # reported to the user as "fixes did not settle"; nothing to compare
    again, _, applied, _, _ = fix_document(fixed, RULES)
    assert applied == 0 and again.raw == fixed.raw
    assert not choose_edits(findings, unsafe=False)[0]     # no safe fix left to apply


@settings(max_examples=int(os.environ.get("REPORTLINT_FORMAT_EXAMPLES", "40")))
@given(TEXT, st.sampled_from(["utf-8", "utf-16", "gb18030"]))
def test_json_and_sarif_are_always_valid(text, codec):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.txt"
        try:
            path.write_bytes(text.encode(codec))
        except UnicodeEncodeError:
            path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
        result = RunResult([lint_file(path, "report.txt", RULES)], list(RULES), {}, RunOptions(), Path(folder))
        for name in ("json", "sarif", "jsonl"):
            out = io.StringIO()
            REPORTERS[name]().render(result, out)
            if name == "jsonl":
                for line in out.getvalue().splitlines():
                    json.loads(line)
                continue
            data = json.loads(out.getvalue())
            if name == "sarif":
                jsonschema.validate(data, SCHEMA)
            else:
                assert data["column_unit"]
