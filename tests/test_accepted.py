"""Accepting findings without editing the text: baselines, the suppressions file and inline
directives (README, "Adopting reportlint on an archive")."""
from __future__ import annotations

import json

import pytest

from .test_cli import rl


def lines_of(path):
    return path.read_text(encoding="utf-8").split("\n")


def write_lines(path, lines):
    path.write_text("\n".join(lines), encoding="utf-8")


def codes_and_lines(r):
    return sorted((f["path"], f["line"], f["code"]) for f in json.loads(r.stdout)["findings"])


@pytest.fixture
def baselined(seeds_copy):
    r = rl("check", ".", "--write-baseline", "baseline.json", cwd=seeds_copy)
    assert r.returncode == 0 and "as the baseline" in r.stderr
    data = json.loads((seeds_copy / "baseline.json").read_text(encoding="utf-8"))
    assert len(data["findings"]) > 2000
    keys = [(e["path"], e["code"], e["line"], e["fingerprint"]) for e in data["findings"]]
    assert keys == sorted(keys)                      # stable order: diffs review well
    return seeds_copy


def test_a_new_error_is_the_only_finding_reported(baselined):
    r = rl("check", ".", "--baseline", "baseline.json", cwd=baselined)
    assert r.returncode == 0 and "no findings" in r.stdout
    seed = next(baselined.glob("002_*"))
    lines = lines_of(seed)
    lines.insert(5, "各位代表,我们召开会议。")
    write_lines(seed, lines)
    r = rl("check", ".", "--baseline", "baseline.json", "--format", "json", cwd=baselined)
    assert r.returncode == 1
    assert codes_and_lines(r) == [(seed.name, 6, "P101")]


def test_editing_lines_above_an_old_finding_does_not_revive_it(baselined):
    seed = next(baselined.glob("000_*"))
    lines = lines_of(seed)
    lines[0:0] = ["2026年平顶山市政府工作报告（全文）", ""]      # two lines added at the top
    lines[5] = lines[5] + "现将有关情况报告如下。"               # an unrelated line edited
    write_lines(seed, lines)
    r = rl("check", ".", "--baseline", "baseline.json", "--format", "json", cwd=baselined)
    found = codes_and_lines(r)
    assert all(line in (1, 2, 6) for _, line, _ in found), found


def test_stale_entries_are_reported_failed_on_and_pruned(baselined):
    seed = next(baselined.glob("004_*"))
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("科技型型企业", "科技型企业", 1), encoding="utf-8")    # one slip corrected
    r = rl("check", ".", "--baseline", "baseline.json", "--statistics", cwd=baselined)
    assert r.returncode == 0
    assert "1 stale entry" in r.stderr and "stale: " + seed.name + ": T101 '型'" in r.stderr
    assert rl("check", ".", "--baseline", "baseline.json", "--fail-on-stale-baseline", cwd=baselined).returncode == 1
    before = len(json.loads((baselined / "baseline.json").read_text(encoding="utf-8"))["findings"])
    r = rl("check", ".", "--baseline", "baseline.json", "--prune-baseline", cwd=baselined)
    assert "removed 1 stale entry" in r.stderr
    after = len(json.loads((baselined / "baseline.json").read_text(encoding="utf-8"))["findings"])
    assert after == before - 1
    r = rl("check", ".", "--baseline", "baseline.json", "--fail-on-stale-baseline", cwd=baselined)
    assert r.returncode == 0 and "stale" not in r.stderr


def test_the_baseline_can_come_from_the_configuration(baselined):
    (baselined / ".reportlint.yaml").write_text("baseline: baseline.json\n", encoding="utf-8")
    assert rl("check", ".", cwd=baselined).returncode == 0
    assert rl("check", ".", "--baseline", "missing.json", cwd=baselined).returncode == 2


REPORT = "各位代表：\n湛江春天项目建成，健康湛河建设加快，湛江春天二期开工。\n平安湛江建设稳步推进。\n"


@pytest.mark.parametrize("ignore_file", [
    "N103: [湛江春天]\n",
    "- rule: N\n  text: 湛江春天\n  reason: a housing estate, not the city\n",
    "- {rule: N103, text: 湛江春天, paths: ['reports/*']}\n",
])
def test_suppressions_silence_exactly_the_named_text(tmp_path, ignore_file):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "r.txt").write_text(REPORT, encoding="utf-8")
    args = ("check", "reports", "--jurisdiction", "湛河区", "--format", "json", "--select", "N")
    before = codes_and_lines(rl(*args, cwd=tmp_path))
    assert [line for _, line, _ in before].count(2) == 2 and any(line == 3 for _, line, _ in before)
    (tmp_path / ".reportlint-ignore.yaml").write_text(ignore_file, encoding="utf-8")
    after = codes_and_lines(rl(*args, cwd=tmp_path))
    assert after == [f for f in before if f[1] != 2]        # 平安湛江 on line 3 is still reported


def test_suppressions_for_other_paths_do_not_apply_and_unused_entries_are_reported(tmp_path):
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / ".reportlint-ignore.yaml").write_text(
        "- {rule: N103, text: 湛江春天, paths: ['archive/**']}\n- {rule: P101, text: '1,2'}\n", encoding="utf-8")
    r = rl("check", "r.txt", "--jurisdiction", "湛河区", "--select", "N,P", "--format", "json", cwd=tmp_path)
    assert sum(1 for _, line, _ in codes_and_lines(r) if line == 2) == 2
    assert ".reportlint-ignore.yaml:1: warning: unused suppression: N103 '湛江春天'" in r.stderr
    assert ".reportlint-ignore.yaml:2: warning: unused suppression: P101 '1,2'" in r.stderr


@pytest.mark.parametrize("content, message", [
    ("- {rule: N103}\n", "text must be a non-empty string"),
    ("- {rule: lower, text: x}\n", "rule must be a rule code or prefix"),
    ("- {rule: N103, text: x, colour: red}\n", "unknown key(s) colour"),
    ("N103: 湛江春天\n", "must be a list of texts"),
])
def test_a_broken_suppressions_file_is_a_one_line_error(tmp_path, content, message):
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / ".reportlint-ignore.yaml").write_text(content, encoding="utf-8")
    r = rl("check", "r.txt", cwd=tmp_path)
    assert r.returncode == 2 and message in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr


def test_inline_directives_in_markdown(tmp_path):
    (tmp_path / "r.md").write_text(
        "各位代表,开会。\n<!-- reportlint-disable P101 -->\n报告提出,增长。\n<!-- reportlint-enable P101 -->\n"
        "再次,开会。\n<!-- reportlint-disable -->\n全部,忽略。\n", encoding="utf-8")
    r = rl("check", "r.md", "--select", "P101", "--format", "json", cwd=tmp_path)
    assert [line for _, line, _ in codes_and_lines(r)] == [1, 5]
