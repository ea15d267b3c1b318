"""Parallel workers and the cache on a folder of many reports made from the seeds and the real
corpus.

Three kinds of folder:
  real    each file is one of the 22 real documents, as in an archive of official reports:
          600 files, about 25 MB, a few findings per file;
  whole   (default) each file is one document, the real ones and the seeds (annotated test
          reports, full of errors): 300 files, about 12 MB, some 90 findings per file;
  spliced each file is about 50 KB spliced from pieces of several documents (different
          jurisdictions, scripts and notations in one file): some 250 findings per file, the
          worst case for the cache, which must hand every finding back.

Prints the wall time of `reportlint check` with one worker, with one per core, and twice with
the cache (the first run fills it, the second reads it).

    python benchmarks/scale.py [--kind real|whole|spliced] [--files N]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def timed(args: list[str], cwd: Path) -> float:
    """Wall time of one run, the JSON report written to report.json."""
    start = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "linter", "check", "-q", "--format", "json", "-o", "report.json",
                        *args], cwd=cwd, capture_output=True)
    if r.returncode not in (0, 1):
        sys.stderr.write(r.stderr.decode(errors="replace")[-2000:])
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kind", choices=("real", "whole", "spliced"), default="whole")
    ap.add_argument("--files", type=int, help="default: 600 real, 300 whole or 240 spliced files")
    a = ap.parse_args()
    a.files = a.files or {"real": 600, "whole": 300, "spliced": 240}[a.kind]
    sources = sorted(CORPUS.glob("*.txt"))
    if a.kind != "real":
        sources = sorted((ROOT / "seeds").glob("*.txt")) + sources
    texts = [p.read_text(encoding="utf-8") for p in sources]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folder = work / "reports"
        folder.mkdir()
        size = 0
        for i in range(a.files):
            if a.kind != "spliced":
                text = texts[i % len(texts)]
            else:
                text, k = "", i
                while len(text.encode("utf-8")) < 50_000:
                    text += texts[k % len(texts)][:20_000] + "\n"
                    k += 7
            (folder / f"r{i:04d}.txt").write_text(text, encoding="utf-8")
            size += len(text.encode("utf-8"))
        mb = size / 1e6
        cores = os.cpu_count() or 1
        one = timed(["-j", "1", "--no-cache", "reports"], work)
        print(f"{a.kind}: {a.files} files, {mb:.1f} MB")
        print(f"  1 worker, no cache:   {one:6.1f} s  ({mb / one:.2f} MB/s)")
        many = timed(["-j", str(cores), "--no-cache", "reports"], work)
        print(f"  {cores} workers, no cache:  {many:6.1f} s  ({mb / many:.2f} MB/s, {one / many:.2f}x)")
        fill = timed(["-j", str(cores), "reports"], work)
        print(f"  {cores} workers, cold cache: {fill:6.1f} s")
        warm = statistics.median(timed(["-j", str(cores), "reports"], work) for _ in range(3))
        print(f"  {cores} workers, warm cache: {warm:6.2f} s  ({fill / warm:.1f}x faster than the cold run; "
              "median of 3)")
        found = json.loads((work / "report.json").read_text(encoding="utf-8"))["summary"]["findings"]
        print(f"  findings: {found} ({found / a.files:.0f} per file)")


if __name__ == "__main__":
    main()
