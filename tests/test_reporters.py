"""Output formats: SARIF against the official schema, GitHub escaping, text layout."""
from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest

from linter.charclass import display_width
from linter.reporters import REPORTERS
from linter.reporters.github import command, escape_data, escape_property
from linter.reporters.text import snippet
from linter.runner import RunOptions, run

from .conftest import ROOT

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8-sig"))


def render(name: str, result, **kw) -> str:
    out = io.StringIO()
    REPORTERS[name](**kw).render(result, out)
    return out.getvalue()


@pytest.fixture(scope="module")
def seeds_run():
    return run(RunOptions(paths=[str(ROOT / "seeds")]), cwd=ROOT)


def test_sarif_validates_against_the_schema(seeds_run):
    log = json.loads(render("sarif", seeds_run))
    jsonschema.validate(log, SCHEMA)
    the_run = log["runs"][0]
    assert the_run["columnKind"] == "unicodeCodePoints"
    rules = the_run["tool"]["driver"]["rules"]
    assert all(r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["help"]["text"]
               and r["defaultConfiguration"]["level"] in ("error", "warning", "note") for r in rules)
    results = the_run["results"]
    assert len(results) == len(seeds_run.findings)
    first = results[0]
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("seeds/")
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"]
    # Fingerprints identify a finding within its file (SARIF pairs them with the URI).
    prints = [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
               r["partialFingerprints"]["reportlintText/v1"]) for r in results]
    assert len(set(prints)) == len(prints)
    assert any("fixes" in r for r in results)


def test_sarif_with_unreadable_file_validates(tmp_path):
    (tmp_path / "gbk.txt").write_bytes("各位代表：现在，我代表市人民政府向大会报告工作。".encode("gbk") * 3)
    (tmp_path / "ok.txt").write_text("各位代表,现在开会。", encoding="utf-8")
    result = run(RunOptions(paths=[str(tmp_path)]), cwd=tmp_path)
    log = json.loads(render("sarif", result))
    jsonschema.validate(log, SCHEMA)
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notes and "GB18030" in notes[0]["message"]["text"]


def test_fingerprints_ignore_line_numbers(tmp_path):
    body = "各位代表,现在开会。\n"
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    before = json.loads(render("sarif", run(RunOptions(paths=["a.txt"]), cwd=tmp_path)))
    (tmp_path / "a.txt").write_text("新增的一行。\n\n" + body, encoding="utf-8")
    after = json.loads(render("sarif", run(RunOptions(paths=["a.txt"]), cwd=tmp_path)))
    fp = lambda log: [r["partialFingerprints"] for r in log["runs"][0]["results"]]  # noqa: E731
    assert fp(before) == fp(after)


@pytest.mark.parametrize("raw,data,prop", [
    ("50% 增长", "50%25 增长", "50%25 增长"),
    ("第一行\r\n第二行", "第一行%0D%0A第二行", "第一行%0D%0A第二行"),
    ("路径:a,b", "路径:a,b", "路径%3Aa%2Cb"),
])
def test_github_escaping(raw, data, prop):
    assert escape_data(raw) == data and escape_property(raw) == prop


def test_github_commands(seeds_run):
    out = render("github", seeds_run).splitlines()
    assert out[-1].startswith("reportlint: ") and "findings in 5 files" in out[-1]
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in out[:-1])
    levels = [line.split(" ", 1)[0] for line in out[:-1]]
    rank = {"::error": 3, "::warning": 2, "::notice": 1}
    assert [rank[x] for x in levels] == sorted((rank[x] for x in levels), reverse=True)
    f = seeds_run.findings[0]
    cmd = command(f)
    assert f"line={f.line},col={f.column},endColumn={f.end_column},title={f.code} {f.name}::" in cmd


def test_github_omits_columns_for_multiline_spans(seeds_run):
    multi = next(f for f in seeds_run.findings if f.end_line != f.line)
    cmd = command(multi)
    assert "col=" not in cmd and f"endLine={multi.end_line}" in cmd


def test_caret_aligns_under_wide_characters():
    line = "报告提出,2026年经济增长"
    excerpt, carets = snippet(line, 4, 5)
    assert excerpt == line and carets == " " * 8 + "^"


def test_long_lines_are_windowed():
    line = "甲" * 200 + "," + "乙" * 200
    excerpt, carets = snippet(line, 200, 201)
    assert excerpt.startswith("…") and excerpt.endswith("…") and len(excerpt) < 60
    comma = excerpt.index(",")
    assert display_width(excerpt[:comma]) == len(carets) - 1 and carets.endswith(" ^")


def test_text_report_of_the_seeds(seeds_run):
    out = render("text", seeds_run)
    assert "--show-all lists them" in out
    assert any(line.startswith("Found 2") for line in out.splitlines()[-5:])
    assert render("text", seeds_run, quiet=True).count("Found ") == 0
