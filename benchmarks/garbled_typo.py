"""Recall of the garbled and typo rules on real sentences corrupted in known ways.

Sentences are drawn from ../shared/corpus/real (government work reports and speeches, both
scripts) and each copy is corrupted once:

- mojibake: a run of Chinese characters encoded as UTF-8 and decoded as GBK, Big5, cp1252 or
  latin-1, strictly (only runs whose bytes decode without error) and with errors="replace"
  (only runs that did lose bytes), plus UTF-8 encoded twice. Found = a G110 finding on the
  run; recovered = applying its fix gives the original sentence back.
- invisible characters: U+FFFD, C0/C1 controls, zero-width characters, a BOM, private-use
  code points, a no-break or ideographic space between two Chinese characters, and literal
  escapes (&nbsp;, <U+00A0>, \\u3000), inserted at a random place.
- doubled characters: a random Chinese character written twice (T101). Characters the rule
  leaves alone by design (numerals, 市/省/区 …) are reported apart.
- dropped characters: one inner character removed from a fixed expression of reports (T102),
  and, for the record, from a random word.
- look-alike characters: a character of a confusion set swapped for a look-alike (T103).

The untouched sentences give the false-positive rate: typo findings per 20,000 characters.

    python benchmarks/garbled_typo.py [--corpus DIR] [--sentences N] [--seed N]
"""
from __future__ import annotations

import argparse
import random
import re
import time
from collections import defaultdict
from pathlib import Path

from linter.config import Config
from linter.document import Document
from linter.engine import lint_document
from linter.finding import Severity
from linter.registry import RuleSet

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
HAN_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")
SENTENCE = re.compile(r"[^。！？\n]{12,150}[。！？]")
INVISIBLE = {
    "U+FFFD": "\ufffd", "C0 control": "\x07", "C1 control": "\x9f", "zero-width space": "\u200b",
    "zero-width joiner": "\u200d", "zero-width non-joiner": "\u200c", "BOM": "\ufeff",
    "private use": "\ue1a3", "no-break space": "\u00a0", "ideographic space": "\u3000",
    "&nbsp;": "&nbsp;", "<U+00A0>": "<U+00A0>", "\\u3000": "\\u3000",
}
BETWEEN_HAN = {"no-break space", "ideographic space"}     # only a fault inside Chinese text


def sentence_pool(corpus: Path) -> list[str]:
    pool = []
    for path in sorted(corpus.glob("*.txt")):
        for m in SENTENCE.finditer(path.read_text(encoding="utf-8")):
            s = m.group().strip()
            if len(HAN_RUN.findall(s)) >= 2 and "\u3000" not in s and "\u00a0" not in s:
                pool.append(s)
    return pool


def sentences(corpus: Path, n: int, rng: random.Random) -> list[str]:
    pool = sentence_pool(corpus)
    return rng.sample(pool, min(n, len(pool)))


def mojibake(s: str, codec: str, errors: str, rng: random.Random) -> tuple[str, int, int, int] | None:
    """Garble a piece of a run of Chinese characters; None if no piece can be garbled this way
    (UTF-8 bytes rarely decode strictly as Big5: every byte pair must be mapped)."""
    pieces = []
    for m in HAN_RUN.finditer(s):
        for k in range(m.start(), m.end() - 1):
            for size in (2, 3, 4, 6, 8, 12):
                if k + size <= m.end():
                    pieces.append((k, size))
    rng.shuffle(pieces)
    pieces.sort(key=lambda p: -p[1] if p[1] >= 4 else 0)   # longer pieces first, in random order
    for start, size in pieces[:300]:
        piece = s[start:start + size]
        raw = piece.encode("utf-8")
        try:
            if codec == "double":
                bad = raw.decode("latin-1").encode("utf-8").decode("latin-1")
            else:
                bad = raw.decode(codec, errors=errors)
        except UnicodeDecodeError:
            continue
        if errors == "replace" and "\ufffd" not in bad:
            continue
        return s[:start] + bad + s[start + size:], start, start + len(bad), size
    return None


def lint(text: str, rules) -> list:
    findings, _ = lint_document(Document(text, "<generated>"), rules)
    return findings


def apply(text: str, finding) -> str:
    out = text
    for e in sorted(finding.fix.edits, key=lambda e: e.start, reverse=True):
        out = out[:e.start] + e.content + out[e.end:]
    return out


def hit(findings, codes: tuple[str, ...], start: int, end: int):
    for f in findings:
        if f.code.startswith(codes) and f.start < end and start < max(f.end, f.start + 1):
            return f
    return None


def run(corpus: Path = CORPUS, n: int = 600, seed: int = 11) -> dict:
    rng = random.Random(seed)
    sents = sentences(corpus, n, rng)
    rules = RuleSet(Config(root=ROOT), select=["G", "T", "M109", "M110"]).rules
    typo_rules = [r for r in rules if r.meta.code.startswith("T")]
    from linter.kinds.typo import typo_data
    data = typo_data()
    exempt = set(data.get("doubling_ok_chars") or "")
    fixed = [str(x) for x in data.get("fixed_expressions") or []]
    confusables = {str(c): [str(o) for o in g if o != c] for g in data.get("confusables") or [] for c in g}
    stats: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses: dict[str, list[str]] = defaultdict(list)

    def record(case: str, text: str, start: int, end: int, codes: tuple[str, ...],
               want: str | None = None, span: int = 0):
        """One corrupted sentence: found? fixed back to ``want``? For lossy mojibake, how many
        of the ``span`` original characters at ``start`` the fix gives back."""
        f = hit(lint(text, rules), codes, start, end)
        st = stats[case]
        st["cases"] += 1
        st["span"] += span
        if f:
            st["found"] += 1
            fixed = apply(text, f) if want is not None and f.fix else None
            if fixed == want:
                st["recovered"] += 1
            if span and fixed is not None and len(fixed) == len(want):
                st["chars"] += sum(fixed[i] == want[i] for i in range(start, start + span))
        elif len(misses[case]) < 8:
            misses[case].append(text[max(0, start - 6):end + 6])

    for s in sents:
        # mojibake
        for codec in ("gb18030", "big5", "cp1252", "latin-1", "double"):
            for errors in ("strict", "replace"):
                if codec in ("latin-1", "double") and errors == "replace":
                    continue   # latin-1 decodes every byte
                g = mojibake(s, codec, errors, rng)
                if g:
                    record(f"mojibake {codec} {errors}", g[0], g[1], g[2], ("G110",), s, g[3])
        # invisible characters
        name, ch = rng.choice(list(INVISIBLE.items()))
        spots = [i for i in range(1, len(s) - 1)
                 if name not in BETWEEN_HAN or ("\u4e00" <= s[i - 1] <= "\u9fff" and "\u4e00" <= s[i] <= "\u9fff")]
        if spots:
            i = rng.choice(spots)
            record("invisible", s[:i] + ch + s[i:], i, i + len(ch), ("G", "M109", "M110"), s)
        # doubled character
        spots = [i for i in range(1, len(s) - 1) if "\u4e00" <= s[i] <= "\u9fff"
                 and s[i - 1] != s[i] != s[i + 1]]
        if spots:
            i = rng.choice(spots)
            case = "doubled (exempt character)" if s[i] in exempt else "doubled"
            record(case, s[:i + 1] + s[i:], i, i + 2, ("T101",), s)
        # dropped character: random, for the record
        i = rng.randrange(1, len(s) - 1)
        if "\u4e00" <= s[i] <= "\u9fff":
            record("dropped (random)", s[:i] + s[i + 1:], i - 1, i + 1, ("T",))
        # look-alike swap
        spots = [i for i in range(1, len(s) - 1) if s[i] in confusables]
        if spots:
            i = rng.choice(spots)
            o = rng.choice(confusables[s[i]])
            record("look-alike", s[:i] + o + s[i + 1:], i, i + 1, ("T103",), s)

    # dropped characters in fixed expressions: every sentence that holds one
    for s in sents:
        for expr in fixed:
            at = s.find(expr)
            if at >= 0:
                k = rng.randrange(1, len(expr) - 1)
                record("dropped (fixed expression)", s[:at + k] + s[at + k + 1:], at, at + len(expr) - 1,
                       ("T102",), s)
                break

    # untouched sentences, all of them: false positives
    text = "\n".join(sentence_pool(corpus))
    fp = defaultdict(int)
    for f in lint_document(Document(text, "<untouched>"), typo_rules)[0]:
        fp[f.severity.value] += 1
    default = sum(v for k, v in fp.items() if k != Severity.INFO.value)
    return {"sentences": len(sents), "chars": sum(map(len, sents)), "stats": stats, "misses": misses,
            "untouched": dict(fp), "untouched_chars": len(text),
            "untouched_default_per_20k": default * 20000 / max(len(text), 1),
            "untouched_all_per_20k": sum(fp.values()) * 20000 / max(len(text), 1)}


def family(stats, prefix: str) -> tuple[int, int, int]:
    rows = [v for k, v in stats.items() if k.startswith(prefix)]
    return (sum(r["cases"] for r in rows), sum(r["found"] for r in rows), sum(r["recovered"] for r in rows))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--sentences", type=int, default=600)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--misses", action="store_true", help="show missed cases")
    args = ap.parse_args()
    t0 = time.perf_counter()
    r = run(args.corpus, args.sentences, args.seed)
    print(f"{r['sentences']} sentences, {r['chars']} characters, {time.perf_counter() - t0:.1f} s")
    print(f"{'case':30} {'cases':>6} {'found':>7} {'fixed back':>11} {'chars back':>11}")
    for case in sorted(r["stats"]):
        st = r["stats"][case]
        back = f"{st['recovered'] / st['found']:.1%}" if st["found"] and case.startswith(("mojibake", "invisible")) else ""
        chars = f"{st['chars'] / st['span']:.1%}" if st["span"] and case.endswith("replace") else ""
        print(f"{case:30} {st['cases']:6} {st['found'] / st['cases']:7.1%} {back:>11} {chars:>11}")
        if args.misses:
            for m in r["misses"][case]:
                print("    miss:", repr(m))
    for prefix in ("mojibake", "invisible"):
        c, f, rec = family(r["stats"], prefix)
        print(f"{prefix}: {f}/{c} found ({f / max(c, 1):.1%}), {rec}/{f} fixed back exactly")
    c, f, rec = strict(r["stats"])
    print(f"strict mojibake: {f}/{c} found, {rec}/{f} fixed back exactly ({rec / max(f, 1):.1%})")
    print(f"untouched sentences ({r['untouched_chars']} characters): typo findings {r['untouched']} = "
          f"{r['untouched_default_per_20k']:.2f} warnings per 20k characters "
          f"({r['untouched_all_per_20k']:.2f} with information)")


def strict(stats) -> tuple[int, int, int]:
    rows = [v for k, v in stats.items() if k.startswith("mojibake") and k.endswith("strict")]
    return (sum(r["cases"] for r in rows), sum(r["found"] for r in rows), sum(r["recovered"] for r in rows))


if __name__ == "__main__":
    main()
