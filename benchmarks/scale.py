"""Parallel workers and the cache on a folder of many reports: the seeds and the real corpus
repeated into N files of about 50 KB (default 240 files, 12 MB).

Prints the wall time of `reportlint check` with one worker, with one per core, and twice with
the cache (the first run fills it, the second reads it).

    python benchmarks/scale.py [--files 240]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def timed(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "linter", "check", "-q", "--format", "json", "-o", os.devnull,
                        *args], cwd=cwd, capture_output=True)
    if r.returncode not in (0, 1):
        sys.stderr.write(r.stderr.decode(errors="replace")[-2000:])
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--files", type=int, default=240)
    a = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")) + sorted(CORPUS.glob("*.txt"))]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folder = work / "reports"
        folder.mkdir()
        size = 0
        for i in range(a.files):
            text, k = "", i
            while len(text.encode("utf-8")) < 50_000:
                text += texts[k % len(texts)][:20_000] + "\n"
                k += 7
            (folder / f"r{i:04d}.txt").write_text(text, encoding="utf-8")
            size += len(text.encode("utf-8"))
        mb = size / 1e6
        cores = os.cpu_count() or 1
        one = timed(["-j", "1", "--no-cache", "reports"], work)
        print(f"{a.files} files, {mb:.1f} MB")
        print(f"  1 worker, no cache:   {one:6.1f} s  ({mb / one:.2f} MB/s)")
        many = timed(["-j", str(cores), "--no-cache", "reports"], work)
        print(f"  {cores} workers, no cache:  {many:6.1f} s  ({mb / many:.2f} MB/s, {one / many:.2f}x)")
        fill = timed(["-j", str(cores), "reports"], work)
        print(f"  {cores} workers, cold cache: {fill:6.1f} s")
        warm = timed(["-j", str(cores), "reports"], work)
        print(f"  {cores} workers, warm cache: {warm:6.1f} s  ({fill / warm:.1f}x faster than the cold run)")


if __name__ == "__main__":
    main()
