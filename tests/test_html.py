"""The HTML audit report: self-contained, one element per finding, and rendered by a real
browser (headless Chromium, which .ci/run installs where it is missing)."""
from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from .conftest import ROOT
from .test_cli import rl


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.findings, self.links, self.external = [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "finding" in (a.get("class") or "").split():
            self.findings.append(a)
        if tag == "a" and (a.get("href") or "").startswith("#f"):
            self.links.append(a["href"][1:])
        if tag in ("script", "link", "img") and (a.get("src") or a.get("href")):
            self.external.append(a)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("html") / "report.html"
    r = rl("check", str(ROOT / "seeds"), "--format", "html", "-o", str(out))
    assert r.returncode == 1, r.stderr
    json_run = rl("check", str(ROOT / "seeds"), "--format", "json")
    count = int(re.search(r'"findings": (\d+)', json_run.stdout.split('"summary"')[1]).group(1))
    return out, count


def test_one_element_per_finding_each_linked_from_the_summary(report):
    out, count = report
    p = _Collect()
    p.feed(out.read_text(encoding="utf-8"))
    assert len(p.findings) == count > 2000
    ids = [a["id"] for a in p.findings]
    assert len(set(ids)) == count and sorted(p.links) == sorted(ids)
    assert {a["data-cat"] for a in p.findings} >= {"markup", "script", "placename", "punctuation", "typo"}
    assert all(a["title"] and a["data-detail"] for a in p.findings)
    assert p.external == []                                  # nothing fetched from the network
    assert f'data-findings="{count}"' in out.read_text(encoding="utf-8")


def _chromium() -> str | None:
    return next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


@pytest.mark.skipif(_chromium() is None, reason="no Chromium (.ci/run installs it)")
def test_the_report_renders_in_headless_chromium(report, tmp_path):
    out, count = report
    browser = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
    dom = subprocess.run([*browser, "--dump-dom", out.as_uri()], capture_output=True, text=True,
                         encoding="utf-8", timeout=300)
    # The script ran in the browser and counted the highlights in the rendered page.
    assert f'data-highlighted="{count}"' in dom.stdout, dom.stderr[-2000:]
    shot = tmp_path / "report.png"
    subprocess.run([*browser, f"--screenshot={shot}", "--window-size=1280,2000", out.as_uri()],
                   capture_output=True, timeout=300)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000      # a page, not a blank
