"""Build rules/data/words.tsv, the word list with frequencies the typo rules use.

The source is the dictionary of jieba (https://pypi.org/project/jieba/, MIT licence), 349,046
words with frequencies from a large general corpus. We keep words of Han characters seen at
least 3 times, and every single character:

    python scripts/build_wordlist.py                 # downloads jieba's sdist with pip
    python scripts/build_wordlist.py --dict dict.txt # or use a dict.txt you already have
"""
from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path

from sdist import file_from_sdist

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "data" / "words.tsv"
VERSION = "0.42.1"
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dict", type=Path, help="jieba's dict.txt (default: download jieba)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--min-freq", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.dict or file_from_sdist("jieba", VERSION, "jieba/dict.txt", Path(tmp))
        rows = []
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                word, freq, *_ = line.split(" ")
                if HAN.fullmatch(word) and (len(word) == 1 or int(freq) >= args.min_freq):
                    rows.append((word, int(freq)))
    rows.sort()   # by word: linter/words.py looks words up by binary search
    total = sum(f for _, f in rows)
    header = [
        "# Chinese words with frequencies, for the typo rules (T1xx).",
        f"# Source: the dictionary of jieba {VERSION} (https://pypi.org/project/jieba/, MIT licence);",
        f"#         words of Han characters seen at least {args.min_freq} times, and every single character.",
        "# Regenerate: python scripts/build_wordlist.py",
        "# Columns: word, frequency; sorted by word (code point order).",
        f"# total: {total}",
    ]
    with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(header) + "\n")
        for word, freq in rows:
            fh.write(f"{word}\t{freq}\n")
    print(f"wrote {len(rows)} words to {args.out}")


if __name__ == "__main__":
    main()
