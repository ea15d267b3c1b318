"""Lint a folder of reports with dask.bag on local worker processes.

reportlint's library API is plain Python: ``lint_paths`` lints files as ``reportlint check``
does and its findings are small picklable objects, so a map over millions of documents in Dask
(or Ray, or Spark) needs nothing more than this.

    pip install dask
    python examples/dask_lint.py seeds/ --partitions 4
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import dask.bag as db

from linter import Finding, lint_paths


def lint_one(path: str) -> list[Finding]:
    """Findings of one file (an unreadable file gives none; its error is in the result)."""
    return lint_paths([path], cache=False, jobs=1).findings


def lint_folder(folder: str, partitions: int = 4, scheduler: str = "processes") -> list[Finding]:
    paths = sorted(str(p) for p in Path(folder).rglob("*") if p.suffix in (".txt", ".md"))
    bag = db.from_sequence(paths, npartitions=max(1, min(partitions, len(paths))))
    return bag.map(lint_one).flatten().compute(scheduler=scheduler)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder")
    ap.add_argument("--partitions", type=int, default=4)
    a = ap.parse_args()
    findings = lint_folder(a.folder, a.partitions)
    print(f"{len(findings)} findings")
    for code, n in Counter(f.code for f in findings).most_common(10):
        print(f"  {code}  {n}")


if __name__ == "__main__":
    main()
