"""Recall of the script rules on real simplified sentences made wrong in two ways.

1. Naive conversion: the simplified documents of ../shared/corpus/real are converted to
   traditional with a character map, as the converter of seed 003 did: a character that is
   one of its own traditional forms is kept (范, 干, 于), any other takes its first form
   (复 -> 復). The right conversion is OpenCC's phrase-aware s2t (opencc-python-reimplemented),
   compared after folding variants. Every character the naive map got wrong is an error to
   find; findings on characters it got right are false positives.
2. Injection: in the same simplified sentences, characters with a traditional form are
   replaced by it (经 -> 經) at random; each should be found.

    python benchmarks/script_injection.py [--corpus DIR] [--seed N]
"""
from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from linter.config import Config
from linter.document import Document
from linter.engine import lint_document
from linter.hanzi import tables
from linter.registry import RuleSet

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def simplified_documents(corpus: Path) -> list[tuple[str, str]]:
    t = tables()
    out = []
    for path in sorted(corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if len(t.trad_only.intersection(text)) < 3:      # simplified documents only
            out.append((path.name, text))
    return out


def naive(text: str) -> str:
    t = tables()
    return "".join(c if c not in t.s2t or c in t.s2t[c] else t.s2t[c][0] for c in text)


def naive_conversion(docs, rules) -> dict:
    import opencc
    t = tables()
    converter = opencc.OpenCC("s2t")
    errors = caught = false_pos = 0
    for name, text in docs:
        right = converter.convert(text)
        wrong = naive(text)
        if len(right) != len(wrong):      # OpenCC changed the length somewhere: align by lines
            continue
        bad = {i for i, (a, b) in enumerate(zip(wrong, right)) if not t.same(a, b)}
        findings, _ = lint_document(Document(wrong, name), rules, {"context": {"script": "traditional"}})
        flagged = set()
        for f in findings:
            flagged.update(range(f.start, f.end))
        errors += len(bad)
        caught += len(bad & flagged)
        # A finding on a right character counts when the finding's fix would change it.
        for f in findings:
            fix = f.fix.edits[0] if f.fix else None
            if fix and len(fix.content) == f.end - f.start:
                for k in range(f.start, f.end):
                    if k not in bad and not t.same(fix.content[k - f.start], wrong[k]):
                        false_pos += 1
    return {"errors": errors, "caught": caught, "false_positives": false_pos}


def injection(docs, rules, seed: int) -> dict:
    t = tables()
    rng = random.Random(seed)
    reverse = {v[0]: k for k, v in t.t2s.items() if k in t.trad_only and len(v[0]) == 1}
    injected = caught = 0
    for name, text in docs:
        lines = [ln for ln in text.split("\n") if len(ln) > 40]
        for ln in rng.sample(lines, min(len(lines), 15)):
            spots = [i for i, c in enumerate(ln) if c in reverse]
            if not spots:
                continue
            picks = rng.sample(spots, min(len(spots), rng.choice((1, 1, 2, 3))))
            chars = list(ln)
            for i in picks:
                chars[i] = reverse[ln[i]]
            doc = Document("\n".join([text[:2000], "".join(chars)]), name)   # keep the document simplified
            offset = len(text[:2000]) + 1
            findings, _ = lint_document(doc, rules)
            flagged = {k for f in findings for k in range(f.start, f.end)}
            injected += len(picks)
            caught += sum(1 for i in picks if offset + i in flagged)
    return {"injected": injected, "caught": caught}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rules = RuleSet(Config(root=ROOT), select=["S"]).rules
    docs = simplified_documents(args.corpus)
    start = time.perf_counter()
    n = naive_conversion(docs, rules)
    i = injection(docs, rules, args.seed)
    print(f"naive conversion: {n['caught']}/{n['errors']} wrong characters found "
          f"({n['caught'] / max(n['errors'], 1):.1%}), {n['false_positives']} right characters flagged")
    print(f"injection: {i['caught']}/{i['injected']} traditional characters found "
          f"({i['caught'] / max(i['injected'], 1):.1%}); {len(docs)} documents, {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
