"""Parallel workers and the findings cache give the same answers as a plain run."""
from __future__ import annotations

import json
import subprocess
import sys

from .test_cli import rl


def findings(r):
    return json.loads(r.stdout)["findings"]


def test_workers_report_what_one_process_reports(seeds_copy):
    one = rl("check", ".", "-j", "1", "--no-cache", "--format", "json", cwd=seeds_copy)
    two = rl("check", ".", "-j", "2", "--no-cache", "--format", "json", cwd=seeds_copy)
    assert one.returncode == two.returncode == 1
    assert findings(one) == findings(two) and len(findings(one)) > 2000
    assert not (seeds_copy / ".reportlint_cache").exists()


def test_workers_honour_baselines_and_suppressions(seeds_copy):
    assert rl("check", ".", "-j", "2", "--write-baseline", "b.json", cwd=seeds_copy).returncode == 0
    r = rl("check", ".", "-j", "2", "--baseline", "b.json", cwd=seeds_copy)
    assert r.returncode == 0 and "stale" not in r.stderr
    seed = next(seeds_copy.glob("004_*"))
    seed.write_text(seed.read_text(encoding="utf-8").replace("科技型型企业", "科技型企业", 1), encoding="utf-8")
    r = rl("check", ".", "-j", "2", "--baseline", "b.json", cwd=seeds_copy)
    assert r.returncode == 0 and "1 stale entry" in r.stderr


def test_the_cache_returns_the_same_findings_and_follows_changes(seeds_copy):
    first = rl("check", ".", "--format", "json", cwd=seeds_copy)
    assert (seeds_copy / ".reportlint_cache").is_dir()
    assert (seeds_copy / ".reportlint_cache" / ".gitignore").read_text() == "*\n"
    second = rl("check", ".", "--format", "json", cwd=seeds_copy)
    assert findings(first) == findings(second)
    # The key follows the file's content …
    seed = next(seeds_copy.glob("000_*"))
    seed.write_text("报告提出,新增一项。\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    third = rl("check", ".", "--format", "json", cwd=seeds_copy)
    assert len(findings(third)) > len(findings(second))
    assert any(f["line"] == 1 and f["code"] == "P101" and f["path"] == seed.name for f in findings(third))
    # … the selection and the configuration.
    only = rl("check", ".", "--select", "P101", "--format", "json", cwd=seeds_copy)
    assert {f["code"] for f in findings(only)} == {"P101"}
    (seeds_copy / ".reportlint.yaml").write_text("ignore: [P101]\n", encoding="utf-8")
    configured = rl("check", ".", "--format", "json", cwd=seeds_copy)
    assert "P101" not in {f["code"] for f in findings(configured)}


def test_a_damaged_cache_entry_is_linted_again(seeds_copy):
    first = rl("check", ".", "--format", "json", cwd=seeds_copy)
    for entry in (seeds_copy / ".reportlint_cache").rglob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    again = rl("check", ".", "--format", "json", cwd=seeds_copy)
    assert findings(first) == findings(again)


def test_a_run_served_from_the_cache_loads_no_rules_yet_lists_them_in_sarif(seeds_copy):
    assert rl("check", ".", cwd=seeds_copy).returncode == 1          # fills the cache
    probe = ("import sys, io; from linter.runner import run, RunOptions; "
             "from linter.reporters import REPORTERS; "
             "r = run(RunOptions(paths=['.'], cache=True, jobs=2)); "
             "print(len(r.findings), 'linter.registry' in sys.modules); "
             "out = io.StringIO(); REPORTERS['sarif']().render(r, out); "
             "print('linter.registry' in sys.modules, out.getvalue().count('\"ruleIndex\"'))")
    r = subprocess.run([sys.executable, "-c", probe], cwd=seeds_copy, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    (count, loaded), (later, indexed) = (line.split() for line in r.stdout.splitlines())
    assert int(count) > 2000 and loaded == "False"                   # no pack was read
    assert later == "True" and int(indexed) == int(count)            # SARIF still names each rule


def test_a_configuration_error_is_reported_even_when_every_file_is_cached(seeds_copy):
    assert rl("check", ".", cwd=seeds_copy).returncode == 1
    bad = rl("check", ".", "--select", "Q999", cwd=seeds_copy)
    assert bad.returncode == 2 and "unknown rule code or prefix 'Q999'" in bad.stderr
    (seeds_copy / ".reportlint.yaml").write_text("severity: {P999: info}\n", encoding="utf-8")
    bad = rl("check", ".", cwd=seeds_copy)
    assert bad.returncode == 2 and "unknown rule code 'P999'" in bad.stderr


def test_a_file_where_the_cache_folder_goes_only_turns_the_cache_off(seeds_copy):
    (seeds_copy / ".reportlint_cache").write_text("not a folder", encoding="utf-8")
    plain = rl("check", ".", "--no-cache", "--format", "json", cwd=seeds_copy)
    r = rl("check", ".", "--format", "json", cwd=seeds_copy)
    assert r.returncode == 1 and findings(r) == findings(plain) and r.stderr == ""
    assert (seeds_copy / ".reportlint_cache").read_text(encoding="utf-8") == "not a folder"
