"""Time and peak memory of `reportlint check` on big inputs: one file of N MB with no newline
(the seeds' text run together), and a folder of M MB of reports (the seeds and the real corpus
repeated, about 0.5 MB per file). Each run is a fresh process; peak memory is its maximum
resident set size.

    python benchmarks/big_inputs.py [--line-mb 50] [--folder-mb 200] [--select M,P,…]
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


def texts(source: str) -> list[str]:
    seeds, real = sorted((ROOT / "seeds").glob("*.txt")), sorted(CORPUS.glob("*.txt"))
    files = {"seeds": seeds, "real": real, "both": seeds + real}[source]
    return [p.read_text(encoding="utf-8") for p in files]


def measure(args: list[str], cwd: Path) -> tuple[float, float, int]:
    """(seconds, peak resident MB, exit code) of one `reportlint` process."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "linter", *args], cwd=cwd,
                                stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)      # this child's own peak memory
        seconds = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            err.seek(0)
            print(err.read().decode(errors="replace")[-2000:], file=sys.stderr)
    return seconds, usage.ru_maxrss / 1024, code


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--line-mb", type=float, default=50)
    ap.add_argument("--folder-mb", type=float, default=200)
    ap.add_argument("--select", default=None, help="rules to run (default: all)")
    ap.add_argument("--source", choices=("both", "seeds", "real"), default="both",
                    help="text to repeat: the seeds (dense with planted anomalies), the real corpus, or both")
    a = ap.parse_args()
    select = ["--select", a.select] if a.select else []
    body = texts(a.source)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if a.folder_mb:
            folder = work / "reports"
            folder.mkdir()
            size, i = 0, 0
            while size < a.folder_mb * 1e6:
                chunk = "\n".join(body[(i + k) % len(body)] for k in range(8))
                data = chunk.encode("utf-8")
                (folder / f"report_{i:04d}.txt").write_bytes(data)
                size += len(data)
                i += 1
            s, peak, code = measure(["check", "--format", "json", "-o", os.devnull, *select, "reports"], work)
            print(f"folder: {i} files, {size / 1e6:.0f} MB: {s:.1f} s ({size / 1e6 / s:.2f} MB/s), "
                  f"peak memory {peak:.0f} MB, exit {code}")
        if a.line_mb:
            line = "".join(t.replace("\n", "") for t in body)
            n = int(a.line_mb * 1e6 / len(line.encode("utf-8"))) + 1
            data = (line * n).encode("utf-8")[: int(a.line_mb * 1e6)]
            data = data.decode("utf-8", errors="ignore").encode("utf-8")
            (work / "line.txt").write_bytes(data)
            s, peak, code = measure(["check", "--format", "json", "-o", os.devnull, *select, "line.txt"], work)
            print(f"one line of {len(data) / 1e6:.0f} MB: {s:.1f} s ({len(data) / 1e6 / s:.2f} MB/s), "
                  f"peak memory {peak:.0f} MB ({peak / (len(data) / 1e6):.1f}x the file), exit {code}")


if __name__ == "__main__":
    main()
