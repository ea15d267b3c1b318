"""Throughput of `reportlint check`: MB/s per rule family and for all rules together.

The corpus is the bundled seeds repeated to at least --megabytes of UTF-8, plus the real
corpus in ../shared/corpus/real when it is there. Each document is decoded and linted in
this process, one core, as `check` does (no output formatting). Run:

    python benchmarks/throughput.py            # ~10 MB
    python benchmarks/throughput.py --megabytes 20 --profile
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path

from linter.config import Config
from linter.decoding import decode
from linter.document import Document
from linter.engine import lint_document, tune_collector
from linter.registry import RuleSet

ROOT = Path(__file__).resolve().parent.parent
FAMILIES = {"markup": "M", "punctuation": "P", "layout": "L", "units": "U", "garbled": "G", "placename": "N",
            "script": "S", "typo": "T", "consistency": "C"}


def corpus(megabytes: float) -> tuple[list[tuple[str, bytes]], list[tuple[str, bytes]]]:
    """(real documents, seed copies): together at least ``megabytes`` of UTF-8."""
    seeds = [(p.name, p.read_bytes()) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    real_dir = ROOT.parent / "shared" / "corpus" / "real"
    real = [(p.name, p.read_bytes()) for p in sorted(real_dir.glob("*.txt"))] if real_dir.is_dir() else []
    copies = []
    size = sum(len(b) for _, b in real)
    while size < megabytes * 1e6:
        name, data = seeds[len(copies) % len(seeds)]
        copies.append((f"{len(copies)}-{name}", data))
        size += len(data)
    return real, copies


def measure(docs, rules) -> tuple[float, int]:
    start = time.perf_counter()
    n = 0
    for name, data in docs:
        d = decode(data)
        findings, _ = lint_document(Document(d.text, name, encoding=d.encoding, bom=d.bom), rules)
        n += len(findings)
    return time.perf_counter() - start, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--megabytes", type=float, default=10.0)
    ap.add_argument("--profile", action="store_true", help="print where the time of the full run goes")
    args = ap.parse_args()
    tune_collector()                    # as `check` does
    real, copies = corpus(args.megabytes)
    docs = real + copies
    mb = sum(len(b) for _, b in docs) / 1e6
    config = Config(root=ROOT)
    print(f"corpus: {len(docs)} documents, {mb:.1f} MB of UTF-8")
    from linter import gazetteer
    t = time.perf_counter()
    g = gazetteer.load()
    loaded = time.perf_counter()
    g.find("湛河")
    print(f"gazetteer: loaded in {1000 * (loaded - t):.0f} ms, automaton built in "
          f"{1000 * (time.perf_counter() - loaded):.0f} ms ({len(g.alias_entries)} names)")
    for family, letter in FAMILIES.items():
        rules = RuleSet(config, select=[letter]).rules
        seconds, n = measure(docs, rules)
        print(f"{family:12s} {len(rules):3d} rules  {seconds:6.2f} s  {mb / seconds:7.1f} MB/s  {n:8d} findings")
    rules = RuleSet(config).rules
    seconds, n = measure(docs, rules)
    print(f"{'all':12s} {len(rules):3d} rules  {seconds:6.2f} s  {mb / seconds:7.1f} MB/s  {n:8d} findings")
    if real:
        real_mb = sum(len(b) for _, b in real) / 1e6
        seconds, n = measure(real, rules)
        print(f"{'real only':12s} {len(rules):3d} rules  {seconds:6.2f} s  {real_mb / seconds:7.1f} MB/s  "
              f"{n:8d} findings  ({len(real)} documents, {real_mb:.1f} MB)")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        measure(docs, rules)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
