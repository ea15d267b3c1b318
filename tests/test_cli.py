"""The command line, end to end: exit codes, formats, selection, configuration, --fix and --diff."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

BAD = "2月12日，2026年市政府工作报告全文发布。\n报告提出,2026年经济增长**5.5%**左右。\n各位代表:就业稳定;收入增长!\n"
BAD_FIXED = "2月12日，2026年市政府工作报告全文发布。\n报告提出，2026年经济增长5.5%左右。\n各位代表：就业稳定；收入增长！\n"
CLEAN = "各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n"


def rl(*args, cwd=None, env=None):
    e = dict(os.environ, NO_COLOR="1", **(env or {}))
    return subprocess.run([sys.executable, "-m", "linter", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, env=e)


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def test_exit_codes(repo):
    assert rl("check", "clean.txt", cwd=repo).returncode == 0
    assert rl("check", "bad.txt", cwd=repo).returncode == 1
    assert rl("check", "bad.txt", "--exit-zero", cwd=repo).returncode == 0
    assert rl("check", "bad.txt", "--fail-on", "error", cwd=repo).returncode == 0
    assert rl("check", "--select", "Z999", "bad.txt", cwd=repo).returncode == 2
    (repo / "gbk.txt").write_bytes(("各位代表：现在，我代表市人民政府向大会报告工作。" * 3).encode("gbk"))
    r = rl("check", "gbk.txt", "clean.txt", cwd=repo)
    assert r.returncode == 3 and "gbk.txt: error: encoded as GB18030/GBK" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert rl("check", "missing.txt", cwd=repo).returncode == 3


def test_text_output_shape(repo):
    r = rl("check", "bad.txt", cwd=repo)
    assert "bad.txt:2:5: P101 [*] half-width ',' in Chinese prose; use '，'" in r.stdout
    assert "2 | 报告提出,2026年" in r.stdout and "  = fix: Use the full-width mark: ',' → '，'" in r.stdout
    assert "  |         ^\n" in r.stdout  # the caret sits under the comma, after four wide characters
    assert "Found 6 findings in 1 of 1 file (6 warnings)" in r.stdout
    assert "[*] 5 fixable with --fix; 1 more with --fix --unsafe-fixes." in r.stdout


def test_repeated_findings_are_summarised_in_text_but_listed_in_json(repo):
    (repo / "many.txt").write_text("一是稳增长," * 50 + "。\n", encoding="utf-8")
    text = rl("check", "many.txt", cwd=repo).stdout
    assert text.count("P101 [*]") == 3 and "and 47 more P101 like this" in text
    data = json.loads(rl("check", "many.txt", "--format", "json", cwd=repo).stdout)
    assert len([f for f in data["findings"] if f["code"] == "P101"]) == 50
    assert rl("check", "many.txt", "--show-all", cwd=repo).stdout.count("P101 [*]") == 50


def test_json_output(repo):
    data = json.loads(rl("check", "bad.txt", "clean.txt", "--format", "json", cwd=repo).stdout)
    assert data["version"] == 1 and data["column_unit"] == "unicode_code_point"
    assert data["columns"] == {"unit": "unicode_code_point", "base": 1, "end": "exclusive"}
    assert [f["path"] for f in data["files"]] == ["bad.txt", "clean.txt"]
    f = next(x for x in data["findings"] if x["code"] == "P101")
    assert {k: f[k] for k in ("path", "line", "column", "end_line", "end_column", "code", "category")} == \
        {"path": "bad.txt", "line": 2, "column": 5, "end_line": 2, "end_column": 6, "code": "P101",
         "category": "punctuation"}
    assert f["fixes"][0]["applicability"] == "safe"
    assert f["fixes"][0]["edits"][0] == {"line": 2, "column": 5, "end_line": 2, "end_column": 6, "content": "，"}
    assert data["summary"]["findings"] == len(data["findings"]) and data["summary"]["exit_code"] == 1


def test_jsonl_output(repo):
    lines = rl("check", "bad.txt", "--format", "jsonl", cwd=repo).stdout.splitlines()
    assert len(lines) == 6 and all(json.loads(x)["path"] == "bad.txt" for x in lines)


def test_select_ignore_and_prefixes(repo):
    def codes(*args):
        data = json.loads(rl("check", "bad.txt", "--format", "json", *args, cwd=repo).stdout)
        return sorted({f["code"] for f in data["findings"]})
    assert codes() == ["L106", "M101", "P101"]
    assert codes("--select", "P") == ["P101"]
    assert codes("--select", "P,M") == ["M101", "P101"]
    assert codes("--ignore", "P101", "--ignore", "L") == ["M101"]
    assert codes("--select", "ALL", "--ignore", "L,M") == ["P101"]
    assert codes("--select", "P", "--extend-select", "L106") == ["L106", "P101"]


def test_fix_then_clean(repo):
    r = rl("check", "--fix", "bad.txt", cwd=repo)
    assert "Fixed 5 findings in 1 file." in r.stdout
    assert (repo / "bad.txt").read_text(encoding="utf-8") == BAD_FIXED
    assert r.returncode == 1  # the unsafe L106 finding remains
    r = rl("check", "--fix", "--unsafe-fixes", "bad.txt", cwd=repo)
    assert r.returncode == 0 and (repo / "bad.txt").read_text(encoding="utf-8") == BAD_FIXED.split("\n", 1)[1]


def test_diff_writes_nothing(repo):
    r = rl("check", "--diff", "bad.txt", cwd=repo)
    assert r.returncode == 1 and "-报告提出,2026年" in r.stdout and "+报告提出，2026年" in r.stdout
    assert (repo / "bad.txt").read_text(encoding="utf-8") == BAD


def test_output_file(repo):
    r = rl("check", "bad.txt", "--format", "json", "--output-file", "out.json", cwd=repo)
    assert r.stdout == "" and json.loads((repo / "out.json").read_text(encoding="utf-8"))["findings"]


def test_statistics(repo):
    out = rl("check", "bad.txt", "--statistics", cwd=repo).stdout
    assert "4  P101  [*] half-width-punctuation" in out


def test_config_file_select_severity_and_per_file_ignores(repo):
    (repo / ".reportlint.yaml").write_text(
        "ignore: [L106, M101]\nseverity: {P101: info}\nper-file-ignores: {'archive/**': [P]}\n", encoding="utf-8")
    (repo / "archive").mkdir()
    (repo / "archive" / "old.txt").write_text(BAD, encoding="utf-8")
    data = json.loads(rl("check", ".", "--format", "json", cwd=repo).stdout)
    by_path = {}
    for f in data["findings"]:
        by_path.setdefault(f["path"], set()).add((f["code"], f["severity"]))
    assert by_path == {"bad.txt": {("P101", "info")}}
    assert rl("check", "bad.txt", cwd=repo).returncode == 0  # info does not fail by default
    assert rl("check", "bad.txt", "--fail-on", "info", cwd=repo).returncode == 1


def test_pyproject_configuration_is_found_from_a_subfolder(repo):
    (repo / "pyproject.toml").write_text("[tool.reportlint]\nselect = ['L']\n", encoding="utf-8")
    (repo / "sub").mkdir()
    (repo / "sub" / "r.txt").write_text(BAD, encoding="utf-8")
    data = json.loads(rl("check", "r.txt", "--format", "json", cwd=repo / "sub").stdout)
    assert {f["code"] for f in data["findings"]} == {"L106"}


@pytest.mark.parametrize("content,message", [
    ("selct: [P]\n", ".reportlint.yaml:1: selct: unknown key (did you mean 'select'?)"),
    ("ignore: P101\n", ".reportlint.yaml:1: ignore: must be a list"),
    ("select: [P]\nseverity: {P101: loud}\n", ".reportlint.yaml:2: severity: 'loud' is not a severity"),
    ("ignore: [Q12]\n", ".reportlint.yaml:1: ignore: unknown rule code or prefix 'Q12'"),
    ("rules: {U101: {target: everything}}\n", "invalid option: target 'everything'"),
    ("rules: {U101: {colour: red}}\n", "rules: U101 has no option 'colour'"),
    ("select: [P\n", ".reportlint.yaml:2: invalid YAML"),
])
def test_broken_configuration_is_a_one_line_error(repo, content, message):
    (repo / ".reportlint.yaml").write_text(content, encoding="utf-8")
    r = rl("check", "bad.txt", cwd=repo)
    assert r.returncode == 2 and message in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_user_rule_pack_extends_the_rules_without_python(repo):
    (repo / "house.yaml").write_text("""
pack: house
rules:
  - code: P901
    name: ascii-quote-in-chinese
    kind: substitution
    swap: {'"十四五"': '“十四五”'}
    category: punctuation
    message: "straight quotes in '{match}'; write '{fix_text}'"
    fix: {title: Use curly quotes, applicability: safe}
    doc: {what: Straight quotes around a plan name., why: House style uses curly quotes.}
""", encoding="utf-8")
    (repo / ".reportlint.yaml").write_text("extend-packs: [house.yaml]\n", encoding="utf-8")
    (repo / "q.txt").write_text('"十四五"时期成就显著。\n', encoding="utf-8")
    data = json.loads(rl("check", "q.txt", "--format", "json", cwd=repo).stdout)
    assert [f["code"] for f in data["findings"]] == ["P901"]
    assert "P901" in rl("rules", cwd=repo).stdout


def test_broken_user_pack_names_file_and_line(repo):
    (repo / "house.yaml").write_text("rules:\n  - code: P902\n    name: bad-regex\n    kind: pattern\n"
                                     "    pattern: '(unclosed'\n    category: punctuation\n    message: m\n"
                                     "    doc: {what: w, why: y}\n", encoding="utf-8")
    (repo / ".reportlint.yaml").write_text("extend-packs: [house.yaml]\n", encoding="utf-8")
    r = rl("check", "bad.txt", cwd=repo)
    assert r.returncode == 2 and "house.yaml:2: rule P902: invalid option" in r.stderr


def test_folder_walk_lints_report_files_and_skips_the_rest(repo):
    (repo / "notes.py").write_text("x = 1,2\n", encoding="utf-8")
    (repo / ".venv").mkdir()
    (repo / ".venv" / "junk.txt").write_text(BAD, encoding="utf-8")
    (repo / "loop").symlink_to(repo, target_is_directory=True)
    data = json.loads(rl("check", ".", "--format", "json", cwd=repo).stdout)
    assert [f["path"] for f in data["files"]] == ["bad.txt", "clean.txt"]


def test_force_exclude_honours_excludes_for_named_files(repo):
    (repo / ".reportlint.yaml").write_text("exclude: ['bad.txt']\n", encoding="utf-8")
    assert rl("check", "bad.txt", cwd=repo).returncode == 1
    assert rl("check", "--force-exclude", "bad.txt", cwd=repo).returncode == 0


def test_rules_and_explain(repo):
    out = rl("rules", cwd=repo).stdout
    assert "P101  half-width-punctuation" in out and "M101" in out
    rules = json.loads(rl("rules", "--format", "json", cwd=repo).stdout)
    assert {r["code"] for r in rules} >= {"M101", "P101", "L101", "U101", "G002"}
    text = rl("explain", "P101", cwd=repo).stdout
    assert "What it does" in text and "Why is this bad?" in text and "Fix safety" in text
    assert rl("explain", "markdown-emphasis", cwd=repo).returncode == 0
    assert rl("explain", "X000", cwd=repo).returncode == 2


def test_console_script_and_version():
    exe = Path(sys.executable).with_name("reportlint")
    if not exe.exists():
        pytest.skip("console script not installed in this environment")
    r = subprocess.run([str(exe), "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.startswith("reportlint ")


def test_seeds_run_from_the_readme_command():
    r = rl("check", "seeds/", "--statistics", cwd=ROOT)
    assert r.returncode == 1 and "P101" in r.stdout and "Traceback" not in r.stderr
