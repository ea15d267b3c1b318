"""``consistency``: one thing written in several notations within a document.

A rule lists the *forms* one thing can take (PM2.5 / PM₂.₅; 6%—6.5% /
6%-6.5%; ``106.19 亿元`` / ``106.19亿元``). The document is scanned once;
each form's occurrences are counted, and the occurrences of every form but
the *target* are reported. The target is the form most used in the document
(``target: majority``, nothing is reported on a tie) or a named form that the
house style prefers whenever the document mixes forms (``target: tight``).

The fix rewrites an occurrence into the target form: a form with ``text``
is always written that way (a range mark, a space); otherwise the match is
read into a canonical spelling with the source form's ``normalize`` (a
Unicode normal form such as NFKC) and written with the target's ``render``
character map (identity when absent). A form's ``applicability`` overrides
the rule's for fixes that write that form (inserting a space is a judgement
call; removing one is not).
"""
from __future__ import annotations

import unicodedata
from collections import Counter

import regex

from ..finding import Applicability, Edit
from ..rule import Option, Rule
from . import kind
from .pattern import RuleTimeout, TIMEOUT_S, scope_text

_FORM_KEYS = {"name", "pattern", "text", "normalize", "render", "applicability"}
_NORMAL_FORMS = ("NFC", "NFKC", "NFD", "NFKD")


@kind("consistency")
class ConsistencyRule(Rule):
    OPTIONS = {
        "forms": Option(list, required=True, doc="the notations: name, pattern, and text or normalize/render"),
        "target": Option(str, "majority", doc="'majority' or the name of the preferred form"),
        "before": Option(str, None, doc="regex that must match just before every form (lookbehind)"),
        "after": Option(str, None, doc="regex that must match just after every form (lookahead)"),
        "scope": Option(str, "prose", choices=("prose", "raw")),
        "min-count": Option(int, 1, doc="the target form must occur at least this often"),
    }

    def setup(self) -> None:
        forms = self.options["forms"]
        if len(forms) < 2:
            raise ValueError("consistency needs at least two forms")
        self.forms = []
        alts = []
        for i, f in enumerate(forms):
            if not isinstance(f, dict) or "name" not in f or "pattern" not in f:
                raise ValueError(f"form {i + 1} needs a name and a pattern")
            unknown = set(f) - _FORM_KEYS
            if unknown:
                raise ValueError(f"form {f['name']!r} has unknown key(s): {', '.join(sorted(unknown))}")
            if f.get("normalize") and f["normalize"] not in _NORMAL_FORMS:
                raise ValueError(f"form {f['name']!r}: normalize must be one of {', '.join(_NORMAL_FORMS)}")
            render = f.get("render") or {}
            if not isinstance(render, dict):
                raise ValueError(f"form {f['name']!r}: render must be a map of characters")
            app = f.get("applicability")
            if app is not None and app not in {a.value for a in Applicability}:
                raise ValueError(f"form {f['name']!r}: applicability must be safe, unsafe or display")
            self.forms.append({"name": str(f["name"]), "text": f.get("text"),
                               "applicability": Applicability(app) if app else None,
                               "normalize": f.get("normalize"),
                               "render": str.maketrans({str(k): str(v) for k, v in render.items()})})
            regex.compile(f["pattern"])
            alts.append(f"(?P<f{i}>{f['pattern']})")
        names = [f["name"] for f in self.forms]
        # When every form is a plain literal, a substring test tells which forms occur at all.
        plain = [f.get("text") for f in forms]
        self.literals = plain if all(t and regex.escape(t) in (f["pattern"], regex.escape(f["pattern"]))
                                     or t == f["pattern"] for t, f in zip(plain, forms)) else None
        target = self.options["target"]
        if target != "majority" and target not in names:
            raise ValueError(f"target {target!r} is not 'majority' or one of the forms: {', '.join(names)}")
        pre = f"(?<={self.options['before']})" if self.options["before"] else ""
        post = f"(?={self.options['after']})" if self.options["after"] else ""
        self.regex = regex.compile(f"{pre}(?:{'|'.join(alts)}){post}", regex.M)
        if target != "majority":
            # With a fixed target, the other forms are scanned first: most documents have
            # none, and then the target form (often a costly zero-width pattern) never runs.
            t = names.index(target)
            self.target_index = t
            others = [a for i, a in enumerate(alts) if i != t]
            self.others_regex = regex.compile(f"{pre}(?:{'|'.join(others)}){post}", regex.M)
            self.target_regex = regex.compile(f"{pre}(?:{alts[t]}){post}", regex.M)

    def check(self, doc, ctx):
        text, to_source, verbatim = scope_text(doc, self.options["scope"])
        if self.literals and sum(1 for lit in self.literals if lit in text) < 2:
            return  # fewer than two forms occur: nothing can be mixed
        try:
            if self.options["target"] == "majority":
                matches = self._scan(self.regex, text)
                counts = Counter(i for i, _, _ in matches)
            else:
                matches = self._scan(self.others_regex, text)
                if not matches:
                    return
                counts = Counter(i for i, _, _ in matches)
                counts[self.target_index] = sum(1 for _ in self.target_regex.finditer(text, timeout=TIMEOUT_S))
        except TimeoutError:
            raise RuleTimeout(f"pattern of {self.meta.code} took over {TIMEOUT_S:g}s on {doc.path}") from None
        if sum(1 for n in counts.values() if n) < 2:
            return
        target = self._target(counts)
        if target is None or counts[target] < self.options["min-count"]:
            return
        tf = self.forms[target]
        for i, s, e in matches:
            if i == target:
                continue
            found = text[s:e]
            new = self._render(found, self.forms[i], tf)
            src_s, src_e = to_source(s, e)
            fix = None
            if self.meta.applicability and new != found and verbatim(s, e):
                fix = self.make_fix([Edit(src_s, src_e, new)], tf["applicability"])
            # An empty occurrence (two characters run together) is shown on its neighbours.
            show_s, show_e = (src_s, src_e) if src_e > src_s else (max(src_s - 1, 0), src_s + 1)
            yield self.finding(show_s, show_e, fix=fix, group=f"{self.meta.code}:{i}",
                               match=found, fix_text=new, found=self.forms[i]["name"],
                               target=tf["name"], count=counts[i], target_count=counts[target])

    @staticmethod
    def _scan(rx, text: str) -> list[tuple[int, int, int]]:
        """(form index, start, end) of every match; named groups f0, f1 … mark the forms."""
        return [(int(m.lastgroup[1:]), m.start(), m.end()) for m in rx.finditer(text, timeout=TIMEOUT_S)]

    def _target(self, counts: Counter) -> int | None:
        want = self.options["target"]
        if want != "majority":
            return next(i for i, f in enumerate(self.forms) if f["name"] == want)
        (best, n), (_, n2) = counts.most_common(2)
        return None if n == n2 else best

    @staticmethod
    def _render(found: str, src: dict, dst: dict) -> str:
        if dst["text"] is not None:
            return str(dst["text"])
        canonical = unicodedata.normalize(src["normalize"], found) if src["normalize"] else found
        return canonical.translate(dst["render"])
