"""The pre-commit hooks, run for real with `pre-commit try-repo` in a throwaway repository.

`try-repo` installs the project from git: files not yet tracked are not in it.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

PRE_COMMIT = Path(sys.executable).with_name("pre-commit")


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env=dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
                            GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com"))


@pytest.mark.skipif(not PRE_COMMIT.exists() or not shutil.which("git"), reason="pre-commit or git missing")
@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="the project is not a git checkout")
def test_hooks_fail_on_a_bad_report_and_pass_on_a_clean_one(tmp_path):
    work = tmp_path / "reports"
    work.mkdir()
    git("init", "-q", cwd=work)
    (work / "bad.txt").write_text("各位代表:现在,我代表市人民政府向大会报告工作!\n", encoding="utf-8")
    (work / "clean.txt").write_text("各位代表：\n现在，我代表市人民政府向大会报告工作。\n", encoding="utf-8")
    git("add", ".", cwd=work)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"), NO_COLOR="1")

    def hook(hook_id, *files):
        return subprocess.run([str(PRE_COMMIT), "try-repo", str(ROOT), hook_id, "--files", *files],
                              cwd=work, capture_output=True, text=True, encoding="utf-8", env=env,
                              timeout=900)

    bad = hook("reportlint", "bad.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.txt:1:5: P101 [*] half-width ':' in Chinese prose" in bad.stdout
    clean = hook("reportlint", "clean.txt")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    fixed = hook("reportlint-fix", "bad.txt")
    assert fixed.returncode == 1  # pre-commit fails a hook that modified files
    assert (work / "bad.txt").read_text(encoding="utf-8") == "各位代表：现在，我代表市人民政府向大会报告工作！\n"
    assert hook("reportlint", "bad.txt").returncode == 0
