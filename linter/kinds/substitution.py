"""``substitution``: a map of wrong → right, matched literally.

All keys are joined into one alternation, longest first (so ``。。。`` wins
over ``。。``), and the document is scanned once. Keys may be regexes when
``regex: true``; the replacement is then an expansion template.
"""
from __future__ import annotations

import regex

from ..finding import Edit
from ..rule import Option, Rule
from . import kind
from .pattern import scope_text


@kind("substitution")
class SubstitutionRule(Rule):
    OPTIONS = {
        "swap": Option(dict, required=True, doc="map of wrong text to right text"),
        "scope": Option(str, "prose", choices=("prose", "raw")),
        "regex": Option(bool, False, doc="keys are regular expressions"),
        "ignorecase": Option(bool, False),
        "before": Option(str, None, doc="regex that must match just before the key (lookbehind)"),
        "after": Option(str, None, doc="regex that must match just after the key (lookahead)"),
    }

    def setup(self) -> None:
        o = self.options
        keys = sorted(o["swap"], key=len, reverse=True)
        if o["regex"]:
            self._alts = [regex.compile(k) for k in keys]
            body = "|".join(f"(?P<k{i}>{k})" for i, k in enumerate(keys))
        else:
            self._alts = None
            body = "|".join(regex.escape(k) for k in keys)
        pre = f"(?<={o['before']})" if o["before"] else ""
        post = f"(?={o['after']})" if o["after"] else ""
        self._keys = keys
        self.regex = regex.compile(f"{pre}(?:{body}){post}", regex.M | (regex.I if o["ignorecase"] else 0))

    def check(self, doc, ctx):
        o = self.options
        text, to_source, verbatim = scope_text(doc, o["scope"])
        swap = o["swap"]
        for m in self.regex.finditer(text):
            found = m.group()
            if self._alts is None:
                right = swap.get(found)
                if right is None:  # ignorecase match
                    right = next(v for k, v in swap.items() if k.lower() == found.lower())
            else:
                key = self._keys[int(m.lastgroup[1:])]
                right = self._alts[self._keys.index(key)].sub(swap[key], found)
            s, e = to_source(*m.span())
            exact = verbatim(*m.span())
            fix = self.make_fix([Edit(s, e, right)]) if self.meta.applicability and exact else None
            yield self.finding(s, e, fix=fix, match=found, fix_text=right)
