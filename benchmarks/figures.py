"""Recall of the consistency and units rules on real documents altered in known ways.

Every document of ../shared/corpus/real is read once, and copies of it are altered:

- restated figures: a paragraph holding a figure the consistency rule compares (a target, or
  an outcome of a headline metric) is restated right after itself, up to the end of the
  figure's sentence, as a summary would restate it. Three versions:
  * ``altered``: one digit of the figure changed in the restatement -> C101 must report it;
  * ``same``: the restatement unchanged -> C101 must stay quiet;
  * ``converted``: the figure written in another magnitude (272.45亿元 -> 2724500万元) or its
    unit in a synonym notation (公里 -> 千米) -> C101 must stay quiet.
  The share of all figures the rule compares at all is reported as its coverage.
- notation swaps: in a document that writes a notation one way at least three times, one
  occurrence is rewritten another way: a unit notation (平方米 -> ㎡, U105), a percent sign
  (% -> ％, U103), a range mark (— -> -, U104), digits (ASCII -> full width, U107), a pollutant
  (PM2.5 -> PM₂.₅, U102), a space between a number and Chinese text (U101). Found = a finding
  of the rule on the rewritten span.

    python benchmarks/figures.py [--corpus DIR] [--per-doc N] [--seed N]
"""
from __future__ import annotations

import argparse
import random
import regex as re
import time
from collections import Counter, defaultdict
from pathlib import Path

from linter.config import Config
from linter.context import Context
from linter.document import Document
from linter.engine import lint_document
from linter.kinds.figures import comparable
from linter.quantities import tables
from linter.registry import RuleSet

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
_FULL_STOPS = "。！？\n"
_TO_FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def lint(text: str, rules) -> list:
    return lint_document(Document(text, "<generated>"), rules)[0]


def _hit(findings, code: str, start: int, end: int) -> bool:
    return any(f.code == code and f.start < end and start < f.end for f in findings)


def _alter(number: str, rng: random.Random) -> str | None:
    """The number with one digit changed (the last one when it is not a trailing zero)."""
    digits = [i for i, c in enumerate(number) if c.isdigit()]
    if not digits:
        return None
    i = digits[-1] if number[digits[-1]] != "0" or len(digits) == 1 else rng.choice(digits[1:] or digits)
    new = str((int(number[i]) + rng.randint(1, 8)) % 10)
    out = number[:i] + new + number[i + 1:]
    return out if out.lstrip("0") and out != number else None


def _convert(text: str, q) -> str | None:
    """The figure in another magnitude or its unit in a synonym notation, value unchanged."""
    written = text[q.start:q.end]
    t = tables()
    synonyms = [n for n, u in t.units.items() if u == q.unit and n != q.notation and not n.isascii()]
    if synonyms and q.notation_start >= 0 and q.unit.dimension not in ("percent", "points"):
        s = q.notation_start - q.start
        return written[:s] + synonyms[0] + written[s + len(q.notation):]
    m = re.match(r"([0-9]+(?:\.[0-9]+)?)\s*(亿|万)", written)
    if m and q.high is None:
        value = float(m.group(1)) * 10_000       # 亿 -> 万, 万 -> units
        to = "万" if m.group(2) == "亿" else ""
        number = f"{value:.4f}".rstrip("0").rstrip(".")
        return number + to + written[m.end():]
    return None


def restated(path: Path, rules, rng: random.Random, per_doc: int, stats: dict, counts: Counter) -> None:
    raw = path.read_text(encoding="utf-8")
    doc = Document(raw, str(path))
    ctx = Context(doc)
    everything = [s for s in ctx.figure_statements if s.quantity.unit is not None]
    pool = [s for s in ctx.figure_statements if comparable(s)]
    counts["figures"] += len(everything)
    counts["compared"] += len(pool)
    for s in rng.sample(pool, min(per_doc, len(pool))):
        q = s.quantity
        start, end = doc.prose.to_source(q.start, q.end)
        line_start = doc.text.rfind("\n", 0, start) + 1
        stop = min([j for c in _FULL_STOPS if (j := doc.text.find(c, end)) >= 0] or [len(doc.text)])
        stop = stop + 1 if stop < len(doc.text) and doc.text[stop] != "\n" else stop
        line_end = doc.text.find("\n", end)
        line_end = len(doc.text) if line_end < 0 else line_end
        copy = doc.text[line_start:stop]
        at = line_end + 1                                    # the copy starts here
        rel_s, rel_e = start - line_start, end - line_start  # the figure inside the copy
        written = copy[rel_s:rel_e]
        number = re.match(r"[0-9０-９.,]+", written)

        def variant(new_figure: str) -> tuple[str, int, int]:
            c = copy[:rel_s] + new_figure + copy[rel_e:]
            text = doc.text[:at] + c + "\n" + doc.text[at:]
            return text, at + rel_s, at + rel_s + len(new_figure)

        text, a, b = variant(written)
        found = lint(text, rules)
        stats["same"]["cases"] += 1
        stats["same"]["false alarms"] += _hit(found, "C101", a, b)
        if number:
            new = _alter(number.group(), rng)
            if new:
                text, a, b = variant(new + written[number.end():])
                stats["altered"]["cases"] += 1
                stats["altered"]["found"] += _hit(lint(text, rules), "C101", a, b)
        converted = _convert(doc.text, _source_quantity(doc, q))
        if converted:
            text, a, b = variant(converted)
            stats["converted"]["cases"] += 1
            stats["converted"]["false alarms"] += _hit(lint(text, rules), "C101", a, b)


def _source_quantity(doc, q):
    """``q`` with its offsets in the source text (for plain text they are the same)."""
    from dataclasses import replace
    start, end = doc.prose.to_source(q.start, q.end)
    ns = doc.prose.to_source(q.notation_start, q.notation_start + 1)[0] if q.notation_start >= 0 else -1
    return replace(q, start=start, end=end, notation_start=ns)


SWAPS = {
    # rule: (regex of the usual form, rewrite of one match)
    "U103": (re.compile(r"(?<=[0-9])%"), lambda m: "％"),
    "U104": (re.compile(r"(?<=[0-9]%?)—(?=[0-9])"), lambda m: "-"),
    "U107": (re.compile(r"(?<![0-9.])[0-9]{1,4}(?=[\u4e00-\u9fff%])"), lambda m: m.group().translate(_TO_FULL)),
    "U102": (re.compile(r"PM2\.5"), lambda m: "PM₂.₅"),
    "U101": (re.compile(r"(?<=[\u4e00-\u9fff])(?=[0-9]+(?:\.[0-9]+)?[\u4e00-\u9fff])"), lambda m: " "),
}


def swaps(path: Path, rules, rng: random.Random, per_doc: int, stats: dict) -> None:
    text = path.read_text(encoding="utf-8")
    doc = Document(text, str(path))
    ctx = Context(doc)
    # Unit notations: a unit the document writes one way, at least three times.
    by_unit = defaultdict(list)
    for s in ctx.figure_statements:
        q = s.quantity
        if q.unit is not None and q.notation_start >= 0 and q.notation in tables().units:
            by_unit[q.unit.name].append(q)
    t = tables()
    for name, qs in by_unit.items():
        used = Counter(q.notation for q in qs)
        others = [n for n, u in t.units.items() if u.name == name and n not in used]
        if len(used) != 1 or len(qs) < 3 or not others or name in ("%",):
            continue
        for q in rng.sample(qs, min(per_doc, len(qs))):
            s, e = doc.prose.to_source(q.notation_start, q.notation_start + len(q.notation))
            new = rng.choice(others)
            altered = text[:s] + new + text[e:]
            stats["U105"]["cases"] += 1
            stats["U105"]["found"] += _hit(lint(altered, rules), "U105", s, s + len(new))
    for code, (rx, rewrite) in SWAPS.items():
        matches = list(rx.finditer(text))
        if len(matches) < 3:
            continue
        if code == "U101" and re.search(r"[\u4e00-\u9fff] [0-9]", text):
            continue          # the document already spaces some numbers
        if code == "U107" and re.search("[０-９]", text):
            continue
        for m in rng.sample(matches, min(per_doc, len(matches))):
            new = rewrite(m)
            altered = text[:m.start()] + new + text[m.end():]
            s, e = m.start(), m.start() + max(len(new), 1)
            if code == "U101":
                s, e = m.start() - 1, m.start() + 2
            stats[code]["cases"] += 1
            stats[code]["found"] += _hit(lint(altered, rules), code, s, e)


def run(corpus: Path = CORPUS, per_doc: int = 12, seed: int = 3) -> dict:
    rng = random.Random(seed)
    rules = RuleSet(Config(root=ROOT), select=["C101", "U"]).rules
    stats: dict = defaultdict(lambda: defaultdict(int))
    counts: Counter = Counter()
    for path in sorted(corpus.glob("*.txt")):
        restated(path, rules, rng, per_doc, stats, counts)
        swaps(path, rules, rng, per_doc, stats)
    return {"stats": stats, **counts}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--per-doc", type=int, default=12)
    ap.add_argument("--seed", type=int, default=3)
    a = ap.parse_args()
    t0 = time.perf_counter()
    r = run(a.corpus, a.per_doc, a.seed)
    print(f"figures with a unit: {r['figures']}, compared by C101: {r['compared']} "
          f"({r['compared'] / max(r['figures'], 1):.1%})")
    for case, s in sorted(r["stats"].items()):
        if "found" in s:
            print(f"{case:10} {s['found']:4}/{s['cases']:<4} found ({s['found'] / max(s['cases'], 1):.1%})")
        else:
            print(f"{case:10} {s['false alarms']:4}/{s['cases']:<4} false alarms")
    print(f"{time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
