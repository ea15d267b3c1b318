"""The engine: choosing fixes, the fix loop, findings that subsume others, rule failures."""
from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from linter.config import Config
from linter.document import Document
from linter.engine import choose_edits, fix_document, lint_document, lint_file
from linter.finding import Applicability, Edit, Finding, Fix, Severity
from linter.registry import RuleSet
from linter.rule import Rule, RuleDoc, RuleMeta

from .conftest import SEEDS

ALL = RuleSet(Config(root=Path.cwd())).rules


def _finding(start, end, edits, app=Applicability.SAFE, code="X001"):
    return Finding(code, "x", "markup", Severity.WARNING, "m", start, end,
                   (Fix(tuple(Edit(*e) for e in edits), app),))


def test_overlapping_fixes_are_deferred_to_the_next_round():
    fs = [_finding(0, 4, [(0, 4, "ab")]), _finding(2, 6, [(2, 6, "cd")]), _finding(6, 8, [(6, 8, "")])]
    edits, n = choose_edits(fs, unsafe=False)
    assert n == 2 and [(e.start, e.end) for e in edits] == [(0, 4), (6, 8)]


def test_insertions_clash_only_inside_or_at_the_same_point():
    fs = [_finding(0, 3, [(0, 3, "x")]), _finding(3, 3, [(3, 3, " ")]), _finding(3, 3, [(3, 3, "!")]),
          _finding(1, 1, [(1, 1, "?")])]
    edits, n = choose_edits(fs, unsafe=False)
    assert [(e.start, e.end, e.content) for e in edits] == [(0, 3, "x"), (3, 3, " ")]


def test_unsafe_and_display_fixes_need_their_flags():
    fs = [_finding(0, 1, [(0, 1, "a")], Applicability.UNSAFE), _finding(2, 3, [(2, 3, "b")], Applicability.DISPLAY)]
    assert choose_edits(fs, unsafe=False)[1] == 0
    assert choose_edits(fs, unsafe=True)[1] == 1


def test_a_page_head_line_subsumes_the_markup_inside_it():
    doc = Document("## 2 | 要闻\n\n# 政府工作报告\n\n（上接第一版）\n正文。", "x.txt")
    codes = [(f.line, f.code) for f in lint_document(doc, ALL)[0]]
    assert (1, "M201") in codes and (1, "M103") not in codes
    assert (3, "M103") in codes and (5, "M202") in codes


class _Broken(Rule):
    def check(self, doc, ctx):
        raise RuntimeError("boom")


def test_a_failing_rule_is_reported_and_the_others_still_run():
    meta = RuleMeta("X999", "broken", "pattern", "markup", Severity.WARNING, "m", RuleDoc("w", "y"))
    rules = (_Broken(meta, {}),) + ALL
    findings, failures = lint_document(Document("各位代表,现在开会。", "x.txt"), rules)
    assert [f.code for f in failures] == ["X999"] and "boom" in failures[0].message
    assert any(f.code == "P101" for f in findings)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_fixing_a_seed_is_idempotent_and_local(seed, tmp_path):
    path = tmp_path / seed.name
    path.write_bytes(seed.read_bytes())
    first = lint_file(path, path.name, ALL, fix=True)
    assert first.converged and first.fixes_applied > 0 and not first.write_error
    after = path.read_bytes()
    second = lint_file(path, path.name, ALL, fix=True)
    assert second.fixes_applied == 0 and path.read_bytes() == after
    # Every change is one a finding asked for: nothing but the fixed spans moves.
    original = seed.read_text(encoding="utf-8")
    fixed = after.decode("utf-8")
    matcher = difflib.SequenceMatcher(None, original, fixed, autojunk=False)
    changed = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal")
    assert 0 < changed <= 4 * first.fixes_applied + 64


def test_fix_keeps_crlf_and_bom(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "各位代表,\r\n现在开会!\r\n".encode())
    result = lint_file(path, "r.txt", ALL, fix=True)
    assert result.fixes_applied == 2
    assert path.read_bytes() == b"\xef\xbb\xbf" + "各位代表，\r\n现在开会！\r\n".encode()


def test_fix_writes_legacy_encodings_back_in_their_codec(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes("各位代表,现在开会。".encode("gb18030"))
    assert lint_file(path, "r.txt", ALL, fix=True).error.kind == "legacy-encoding"
    assert path.read_bytes() == "各位代表,现在开会。".encode("gb18030")  # never touched
    lint_file(path, "r.txt", ALL, fix=True, encoding="gb18030")
    assert path.read_bytes() == "各位代表，现在开会。".encode("gb18030")


def test_fix_refuses_a_file_that_changed_meanwhile(tmp_path, monkeypatch):
    import linter.engine as engine
    path = tmp_path / "r.txt"
    path.write_text("各位代表,现在开会。", encoding="utf-8")
    real = engine.fix_document

    def meddle(*a, **k):
        out = real(*a, **k)
        path.write_text("别人的修改。", encoding="utf-8")
        return out

    monkeypatch.setattr(engine, "fix_document", meddle)
    result = lint_file(path, "r.txt", ALL, fix=True)
    assert result.write_error and "changed" in result.write_error.message
    assert path.read_text(encoding="utf-8") == "别人的修改。"


def test_fix_keeps_permission_bits(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("各位代表,现在开会。", encoding="utf-8")
    path.chmod(0o640)
    lint_file(path, "r.txt", ALL, fix=True)
    assert path.stat().st_mode & 0o777 == 0o640


def test_fix_does_not_write_through_symlinks(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text("各位代表,现在开会。", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    result = lint_file(link, "link.txt", ALL, fix=True)
    assert result.write_error and target.read_text(encoding="utf-8") == "各位代表,现在开会。"
    # The report describes the file as it stands, not the fix that was not written.
    assert result.fixes_applied == 0 and not result.changed and [f.code for f in result.findings] == ["P101"]


def test_empty_and_whitespace_files_are_reported(tmp_path):
    for content in ("", "  \n\n"):
        path = tmp_path / "e.txt"
        path.write_text(content, encoding="utf-8")
        result = lint_file(path, "e.txt", ALL)
        assert [f.code for f in result.findings] == ["G003"] and result.error is None


def test_fixes_converge_when_one_fix_enables_another():
    # The comma touches removed markup: the M101 fix comes first, then P101 on clean text.
    doc = Document("地区生产总值**130亿元**,增长4.7%。", "x.txt")
    fixed, left, applied, converged, _ = fix_document(doc, ALL)
    assert fixed.raw == "地区生产总值130亿元，增长4.7%。" and converged and applied == 2
