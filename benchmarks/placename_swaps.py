"""Recall and precision of the place-name rules on real reports with planted wrong names.

Each real document of ../shared/corpus/real whose jurisdiction is detected gets copies in
which some of its own names (outside the title and opening) are replaced:

- lookalike: by a division name one character away with a look-alike character (湛河 -> 漯河);
  an OCR or typing slip, anywhere in the text;
- neighbour-in-slot: by a sibling division (another district of the same city, another
  province) where the report names itself in a strong slot (平安X, 讲好X故事 …); a template
  left over from a neighbour's report;
- neighbour-in-quotes: by a sibling at the start of a quoted name (“好客X”); and
- neighbour-anywhere: by a sibling anywhere. Nothing marks these as wrong (a report may name
  a neighbour's project or its neighbours), so these two kinds are reported, not required.

A planted name is caught when a place-name finding (N1xx) overlaps it. The untouched
originals give the false-positive rate. Swaps are chosen deterministically.

    python benchmarks/placename_swaps.py [--corpus DIR] [--per-doc N]
"""
from __future__ import annotations

import argparse
import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

from linter.config import Config
from linter.context import Context
from linter.document import Document
from linter.engine import lint_document
from linter.gazetteer import load
from linter.places import HEAD_CHARS, _slot_at, own_names, place_data
from linter.registry import RuleSet

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
KINDS = ("lookalike", "neighbour-in-slot", "neighbour-in-quotes", "neighbour-anywhere")
REQUIRED = ("lookalike", "neighbour-in-slot")


@dataclass
class Swap:
    doc: str
    level: str      # the document's level: province, prefecture or county
    kind: str
    start: int
    end: int
    old: str
    new: str


def _pick(options: list[str], key: str) -> str:
    return options[int(hashlib.sha256(key.encode()).hexdigest(), 16) % len(options)]


def plan(path: Path, per_doc: int) -> tuple[str, list[Swap]]:
    text = path.read_text(encoding="utf-8")
    ctx = Context(Document(text, path.name))
    j = ctx.jurisdiction
    if not j.known:
        return text, []
    g, data = load(), place_data()
    year = min(j.year, g.max_year) if j.year else g.max_year
    full, short = own_names(j, ctx.script)
    forms = [f for f in full + short if f]
    current = [g.entry(i) for ids in g.alias_entries.values() for i in ids]
    current = {e.code: e for e in current if e.valid_in(year) and e.code not in j.family_codes}
    lookalikes = {f: sorted({n for e in current.values() for n in (e.name, e.short)
                             if n and data.names_alike(n, f)}) for f in forms}
    siblings = [e for e in current.values() if e.parent == j.entry.parent and e.level == j.entry.level
                and not any(data.names_alike(n, f) for n in (e.name, e.short) for f in forms)]
    prose = ctx.doc.prose.text
    swaps: list[Swap] = []
    taken = 0
    counts = {k: 0 for k in KINDS}
    for m in ctx.places.matches:
        if m.start < HEAD_CHARS or m.text not in forms or m.start < taken:
            continue
        found = _slot_at(data, prose, m.start, m.end)
        strength = found[0].strength if found else ""
        key = f"{path.name}:{m.start}"
        is_full = m.text in full
        neighbours = sorted({(e.name if is_full else e.short) for e in siblings} - {""})
        if strength == "strong" and neighbours and counts["neighbour-in-slot"] < per_doc:
            kind, new = "neighbour-in-slot", _pick(neighbours, key)
        elif strength == "weak" and neighbours and counts["neighbour-in-quotes"] < per_doc:
            kind, new = "neighbour-in-quotes", _pick(neighbours, key)
        elif lookalikes.get(m.text) and counts["lookalike"] < per_doc:
            kind, new = "lookalike", _pick(lookalikes[m.text], key)
        elif neighbours and counts["neighbour-anywhere"] < per_doc:
            kind, new = "neighbour-anywhere", _pick(neighbours, key)
        else:
            continue
        counts[kind] += 1
        level = {1: "province", 2: "prefecture", 3: "county"}[j.entry.level]
        swaps.append(Swap(path.name, level, kind, m.start, m.end, m.text, new))
        taken = m.end + 40    # keep planted names apart
    return text, swaps


def apply(text: str, swaps: list[Swap]) -> tuple[str, list[tuple[Swap, int, int]]]:
    """The text with the swaps made, and each swap's span in the new text."""
    out, spans, pos, shift = [], [], 0, 0
    for s in sorted(swaps, key=lambda s: s.start):
        out.append(text[pos:s.start])
        out.append(s.new)
        spans.append((s, s.start + shift, s.start + shift + len(s.new)))
        shift += len(s.new) - len(s.old)
        pos = s.end
    out.append(text[pos:])
    return "".join(out), spans


def evaluate(corpus: Path = CORPUS, per_doc: int = 30) -> dict:
    rules = RuleSet(Config(root=ROOT), select=["N"]).rules
    caught = {k: 0 for k in KINDS}
    planted = {k: 0 for k in KINDS}
    by_level: dict[str, list[int]] = {}     # level -> [planted, caught] of the required kinds
    false_positives, chars, missed = 0, 0, []
    start = time.perf_counter()
    for path in sorted(corpus.glob("*.txt")):
        text, swaps = plan(path, per_doc)
        original, _ = lint_document(Document(text, path.name), rules)
        false_positives += len(original)
        chars += len(text)
        if not swaps:
            continue
        # Plant the swaps in a few copies, so one copy never holds two names of one kind nearby.
        for part in range(3):
            batch = swaps[part::3]
            new_text, spans = apply(text, batch)
            findings, _ = lint_document(Document(new_text, path.name), rules)
            for s, a, b in spans:
                planted[s.kind] += 1
                hit = any(f.start < b and a < f.end for f in findings)
                caught[s.kind] += hit
                if s.kind in REQUIRED:
                    row = by_level.setdefault(s.level, [0, 0])
                    row[0] += 1
                    row[1] += hit
                if not hit:
                    missed.append(f"{s.doc} {s.kind}: {s.old}->{s.new} …{new_text[max(0, a - 8):b + 8]}…")
    return {"planted": planted, "caught": caught, "false_positives": false_positives, "chars": chars,
            "missed": missed, "by_level": by_level, "seconds": time.perf_counter() - start}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--per-doc", type=int, default=30)
    ap.add_argument("--show-missed", action="store_true")
    args = ap.parse_args()
    r = evaluate(args.corpus, args.per_doc)
    for k in KINDS:
        n, c = r["planted"][k], r["caught"][k]
        print(f"{k:20s} planted {n:4d}  caught {c:4d}  recall {c / n:.1%}" if n else f"{k:20s} none")
    required = sum(r["planted"][k] for k in REQUIRED)
    got = sum(r["caught"][k] for k in REQUIRED)
    print(f"{'lookalike + slot':20s} planted {required:4d}  caught {got:4d}  recall {got / max(required, 1):.1%}")
    print("by document level: " + ", ".join(f"{lv} {c}/{n}" for lv, (n, c) in sorted(r["by_level"].items())))
    rate = r["false_positives"] / max(r["chars"], 1) * 50_000
    print(f"originals: {r['false_positives']} place-name findings in {r['chars']} characters "
          f"({rate:.2f} per 50k); {r['seconds']:.1f} s")
    if args.show_missed:
        print("\n".join(r["missed"]))


if __name__ == "__main__":
    main()
