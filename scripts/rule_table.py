"""Print the README's rule table from the rule packs, or rewrite it in place (--write).

    python scripts/rule_table.py --write README.md
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from linter.registry import all_rules  # noqa: E402

START, END = "<!-- rules:start -->", "<!-- rules:end -->"


def table() -> str:
    rows = ["| Code | Name | Category | Severity | Fix | What it finds |", "|---|---|---|---|---|---|"]
    for r in all_rules():
        m = r.meta
        what = m.doc.what.replace("|", "\\|").replace("\n", " ")
        on = "" if m.enabled else " (off by default)"
        rows.append(f"| {m.code} | `{m.name}`{on} | {m.category} | {m.severity.value} | "
                    f"{m.fix_availability} | {what} |")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--write", type=Path, help="replace the table between the markers in this file")
    args = ap.parse_args()
    if not args.write:
        print(table())
        return
    text = args.write.read_text(encoding="utf-8")
    new = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: f"{START}\n{table()}\n{END}", text,
                 flags=re.S)
    args.write.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
