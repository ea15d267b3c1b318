"""Hostile inputs: every kind of file a pre-commit hook meets, each with its documented
behaviour (README, "Exit codes"): one line on stderr naming the file, the exit code, and the
other files still linted. Never a traceback, never a hang, never a changed byte by accident."""
from __future__ import annotations

import codecs
import os
import sys
import time
from pathlib import Path

import pytest

from linter.engine import lint_file
from linter.registry import RuleSet
from linter.config import Config

from .conftest import ROOT
from .test_cli import CLEAN, rl

REPORT = "各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n地区生产总值增长5.5%左右。\n"


def check(folder: Path, *args: str):
    r = rl("check", "--format", "json", *args, cwd=folder)
    assert "Traceback" not in r.stderr, r.stderr
    return r


def one_line(stderr: str, name: str) -> str:
    lines = [ln for ln in stderr.strip().splitlines() if name in ln]
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def linted(r) -> set[str]:
    import json
    return {f["path"] for f in json.loads(r.stdout)["files"] if f["status"] == "ok"}


@pytest.mark.parametrize("name, data, message", [
    ("binary.txt", bytes(range(256)) * 4, "binary"),
    ("png.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
    ("bad-start.txt", b"\xfd\xfe\xff" + REPORT.encode(), "offset"),
    ("bad-middle.txt", REPORT.encode() + b"\xc3\x28" + REPORT.encode(), "offset"),
    ("bad-end.txt", REPORT.encode() + b"\xe4\xb8", "offset"),
    ("gbk.txt", (REPORT * 3).encode("gbk"), "GB18030/GBK"),
    ("gb18030.txt", (REPORT * 3).encode("gb18030"), "GB18030/GBK"),
    ("big5.txt", ("各位代表：現在，我代表市政府向大會報告工作，請予審議。經濟增長百分之五。\n" * 3).encode("big5"), "Big5"),
    ("utf16-nobom.txt", (REPORT * 3).encode("utf-16-le"), "UTF-16"),
])
def test_undecodable_files_are_one_line_errors_and_the_others_are_linted(folder, name, data, message):
    (folder / name).write_bytes(data)
    r = check(folder, name, "clean.txt")
    assert r.returncode == 3, r.stderr
    line = one_line(r.stderr, name)
    assert message in line, line
    assert "clean.txt" in linted(r)
    assert (folder / name).read_bytes() == data                      # never touched
    r = rl("check", "--fix", name, "clean.txt", cwd=folder)
    assert r.returncode == 3 and (folder / name).read_bytes() == data


@pytest.mark.parametrize("codec, bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
                                        ("utf-8", codecs.BOM_UTF8), ("utf-32-le", codecs.BOM_UTF32_LE)])
def test_files_with_a_byte_order_mark_are_linted_and_fixed_in_their_encoding(folder, codec, bom):
    text = "报告提出,2026年经济增长5.5%左右。\n"
    (folder / "r.txt").write_bytes(bom + text.encode(codec))
    r = check(folder, "r.txt")
    assert r.returncode == 1 and "r.txt" in linted(r)
    assert rl("check", "--fix", "r.txt", cwd=folder).returncode == 0
    assert (folder / "r.txt").read_bytes() == bom + text.replace(",", "，").encode(codec)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", "mixed"])
@pytest.mark.parametrize("trailing", [True, False])
def test_newline_styles_and_a_missing_final_newline_survive_a_fix(folder, newline, trailing):
    lines = ["报告提出,2026年经济增长5.5%左右。", "各位代表:就业稳定。", "现在开会。"]
    if newline == "mixed":
        text = lines[0] + "\r\n" + lines[1] + "\n" + lines[2]
    else:
        text = newline.join(lines)
    text += ("\n" if newline == "mixed" else newline) if trailing else ""
    (folder / "r.txt").write_bytes(text.encode())
    assert rl("check", "--fix", "r.txt", cwd=folder).returncode == 0
    assert (folder / "r.txt").read_bytes() == text.replace(",", "，").replace(":", "：").encode()


@pytest.mark.parametrize("content", ["", " ", "\n\n\n", "\t \u3000\n", "\ufeff"])
def test_empty_and_whitespace_files(folder, content):
    (folder / "empty.txt").write_bytes(content.encode("utf-8"))
    r = check(folder, "empty.txt", "clean.txt")
    assert r.returncode == 1 and '"G003"' in r.stdout
    assert "clean.txt" in linted(r)


def test_a_huge_line_without_newline_is_linted_in_bounded_time(folder):
    # 5 MB of real report text on one line (the 50 MB case is in benchmarks/big_inputs.py).
    seed = next((ROOT / "seeds").glob("000_*")).read_text(encoding="utf-8").replace("\n", "")
    big = (seed * (5_000_000 // len(seed.encode()) + 1))
    (folder / "big.txt").write_text(big, encoding="utf-8")
    start = time.perf_counter()
    r = check(folder, "big.txt", "--select", "M,P,L,U,G,S,C")
    assert r.returncode == 1
    assert time.perf_counter() - start < 240      # linear rules: about 20 s here


@pytest.mark.parametrize("residue", [
    "<div>" * 20000 + "正文" + "</div>" * 20000,
    "**" * 50000 + "正文",
    "<sub>" * 30000,
    "[" * 40000 + "正文" + "]" * 40000,
    "$" + "{" * 30000 + "PM_2.5" + "}" * 30000 + "$",
    "#" * 10000 + " 标题\n" + "> " * 20000 + "引文\n",
    "&nbsp;" * 50000,
])
def test_deeply_nested_or_huge_markup_residue(folder, residue):
    (folder / "r.md").write_text("各位代表：" + residue + "现在开会。\n", encoding="utf-8")
    start = time.perf_counter()
    r = check(folder, "r.md")
    assert r.returncode in (0, 1), r.stderr
    assert time.perf_counter() - start < 60


def test_a_directory_symlink_loop_is_not_followed(folder):
    sub = folder / "reports"
    sub.mkdir()
    (sub / "r.txt").write_text(REPORT, encoding="utf-8")
    (sub / "loop").symlink_to(folder, target_is_directory=True)
    (sub / "self").symlink_to(sub, target_is_directory=True)
    r = check(folder, "reports")
    assert r.returncode == 0 and linted(r) == {"reports/r.txt"}


def test_a_dangling_symlink_is_one_line(folder):
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    r = check(folder, "gone.txt", "clean.txt")
    assert r.returncode == 3 and "no such file" in one_line(r.stderr, "gone.txt")


def _rules():
    return RuleSet(Config(root=ROOT), select=["P", "M"]).rules


def test_an_unreadable_file_is_one_line(folder, monkeypatch):
    # Tests may run as root, where chmod 000 does not stop reading: simulate the OS refusing.
    import linter.engine as engine

    def refuse(path):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(engine, "read_bytes", refuse)
    r = lint_file(folder / "clean.txt", "clean.txt", _rules())
    assert r.error.kind == "unreadable" and "Permission denied" in r.error.message


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_from_the_command_line(folder):
    p = folder / "secret.txt"
    p.write_text(REPORT, encoding="utf-8")
    p.chmod(0)
    r = check(folder, "secret.txt", "clean.txt")
    assert r.returncode == 3 and "cannot read" in one_line(r.stderr, "secret.txt")


def test_a_file_deleted_between_listing_and_reading(folder, monkeypatch):
    from linter import runner
    listed = runner.collect

    def collect_then_delete(*a, **k):
        files = listed(*a, **k)
        (folder / "doomed.txt").unlink()
        return files
    (folder / "doomed.txt").write_text(REPORT, encoding="utf-8")
    monkeypatch.setattr(runner, "collect", collect_then_delete)
    result = runner.run(runner.RunOptions(paths=[str(folder)]), cwd=folder)
    errors = {r.path: r.error for r in result.files if r.error}
    assert list(errors) == ["doomed.txt"] and errors["doomed.txt"].kind == "not-found"
    assert result.exit_code() == 3
    assert any(r.path == "clean.txt" and r.error is None for r in result.files)


@pytest.mark.parametrize("config, message", [
    ("rules: [1, 2]\n", "rules"),
    ("select: 5\n", "select"),
    ("fail-on: sometimes\n", "fail-on"),
    ("extend-packs: [missing.yaml]\n", "missing.yaml"),
    ("!!python/object/apply:os.system ['echo pwned']\n", ".reportlint.yaml"),
    ("select: [P]\n" + "x: &a [1]\n" * 3, ".reportlint.yaml"),
    ("\x00\x01 binary", ".reportlint.yaml"),
    ("a: " + "[" * 5000 + "]" * 5000 + "\n", ".reportlint.yaml"),
])
def test_hostile_configuration_is_a_one_line_error(folder, config, message):
    (folder / ".reportlint.yaml").write_text(config, encoding="utf-8")
    r = rl("check", "clean.txt", cwd=folder)
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert message in r.stderr, r.stderr
    assert "pwned" not in r.stdout


PACK = """pack: house
rules:
  - code: P901
    name: house-rule
    kind: pattern
    pattern: {pattern}
    category: punctuation
    severity: warning
    message: found
    doc: {{what: a house rule, why: house style, bad: [x], good: [y]}}
"""


@pytest.mark.parametrize("pattern, message", [
    ("'(unclosed'", "P901"),
    ("'[z-a]'", "P901"),
    ("'a{2,1}'", "P901"),
])
def test_a_user_pack_with_a_broken_regex_is_a_one_line_error(folder, pattern, message):
    (folder / "house.yaml").write_text(PACK.format(pattern=pattern), encoding="utf-8")
    (folder / ".reportlint.yaml").write_text("extend-packs: [house.yaml]\n", encoding="utf-8")
    r = rl("check", "clean.txt", cwd=folder)
    assert r.returncode == 2 and message in r.stderr and "house.yaml" in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_a_catastrophic_regex_in_a_user_pack_times_out_and_the_rest_still_runs(folder):
    (folder / "house.yaml").write_text(PACK.format(pattern="'^(a|a)*$'"), encoding="utf-8")
    (folder / ".reportlint.yaml").write_text("extend-packs: [house.yaml]\nextend-select: [P901]\n",
                                             encoding="utf-8")
    (folder / "r.txt").write_text("报告提出,增长。\n" + "a" * 40 + "b\n", encoding="utf-8")
    start = time.perf_counter()
    r = rl("check", "r.txt", cwd=folder)
    assert time.perf_counter() - start < 60
    assert r.returncode == 2 and "P901" in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert "P101" in r.stdout                      # the other rules still reported


def test_a_rule_that_raises_is_reported_and_the_others_still_run(folder, monkeypatch):
    rules = _rules()
    kind = type(next(r for r in rules if r.meta.code == "M101"))

    def boom(self, doc, ctx):
        raise RuntimeError("boom")
    monkeypatch.setattr(kind, "check", boom)
    (folder / "r.txt").write_text("报告提出,增长**5%**。\n", encoding="utf-8")
    r = lint_file(folder / "r.txt", "r.txt", rules)
    assert any("M101" in f.message and "boom" in f.message for f in r.rule_failures), r.rule_failures
    assert any(f.code == "P101" for f in r.findings)


def test_fix_refuses_a_symlink_out_of_the_repository(folder, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "r.txt"
    outside.write_text("报告提出,增长。\n", encoding="utf-8")
    (folder / "link.txt").symlink_to(outside)
    r = rl("check", "--fix", "link.txt", cwd=folder)
    assert r.returncode == 2 and "symbolic link" in r.stderr
    assert outside.read_text(encoding="utf-8") == "报告提出,增长。\n"


def test_stdout_closed_early_is_not_a_traceback(folder):
    # `reportlint check … | head -1` closes the pipe; the tool must exit quietly.
    (folder / "r.txt").write_text("报告提出,增长。\n" * 5000, encoding="utf-8")
    import subprocess
    p = subprocess.Popen([sys.executable, "-m", "linter", "check", "r.txt"], cwd=folder,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.read(100)
    p.stdout.close()
    err = p.stderr.read().decode()
    p.wait(timeout=120)
    assert "Traceback" not in err, err
