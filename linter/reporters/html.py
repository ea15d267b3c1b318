"""``html``: one self-contained audit report (inline CSS and script, no network) for reviewers.

A summary (files, findings per category and severity as bars, one link per finding) and each
document with its findings highlighted in place, coloured by category; hovering a highlight
shows its message and suggested fix, clicking it pins them in a panel, and check boxes filter
by category and severity. Every finding is exactly one element with the class ``finding``:
a highlight of its text on its first line, or, where it overlaps another finding or covers no
text, a small marker at its start.
"""
from __future__ import annotations

import html
from collections import Counter
from typing import TextIO

from .. import __version__
from ..finding import CATEGORIES
from . import Reporter, reporter

COLOURS = {
    "garbled": "#e15759", "markup": "#4e79a7", "placename": "#f28e2b", "script": "#b07aa1",
    "punctuation": "#59a14f", "units": "#edc948", "consistency": "#ff9da7", "typo": "#9c755f",
    "layout": "#76b7b2",
}

CSS = """
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#222}
header,main{padding:1rem 2rem}header{background:#f5f5f7;border-bottom:1px solid #ddd}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.15rem;margin-top:2rem}
.bars{display:grid;grid-template-columns:9rem 1fr 3.5rem;gap:.25rem .6rem;max-width:42rem;align-items:center}
.bar{height:.9rem;border-radius:2px}.num{text-align:right;font-variant-numeric:tabular-nums}
.filters label{margin-right:1rem;white-space:nowrap}
pre.doc{white-space:pre-wrap;word-break:break-all;line-height:1.7;font-family:inherit;font-size:.95rem;
 background:#fff;border:1px solid #ddd;padding:.5rem 1rem;counter-reset:line}
.ln{color:#999;display:inline-block;width:3.5rem;user-select:none;text-align:right;margin-right:.8rem}
.finding{border-radius:2px;cursor:pointer;border-bottom:2px solid var(--c);background:color-mix(in srgb,var(--c) 28%,transparent)}
.finding.pin{border:none;background:var(--c);color:#fff;font-size:.7rem;padding:0 .2rem;margin:0 1px;vertical-align:super}
.finding.sev-error{outline:1px solid var(--c)}
body.hide-findings .finding.off{background:none;border-color:transparent}body .finding.off.pin{display:none}
li.off{display:none}
#panel{position:fixed;right:1rem;bottom:1rem;max-width:28rem;background:#fff;border:1px solid #aaa;
 box-shadow:0 2px 8px #0003;padding:.6rem .9rem;display:none;font-size:.9rem}
#panel.show{display:block}#panel code{background:#eee;padding:0 .2rem}
ol.list{font-size:.88rem;max-height:22rem;overflow:auto;border:1px solid #ddd;padding:.5rem 2.5rem}
.tag{display:inline-block;min-width:3rem;font-weight:600;color:var(--c)}
"""

SCRIPT = """
const boxes=[...document.querySelectorAll('.filters input')];
function apply(){const off=new Set(boxes.filter(b=>!b.checked).map(b=>b.value));
 document.body.classList.add('hide-findings');
 document.querySelectorAll('[data-cat]').forEach(e=>{
  e.classList.toggle('off',off.has('cat-'+e.dataset.cat)||off.has('sev-'+e.dataset.sev));});}
boxes.forEach(b=>b.addEventListener('change',apply));
const panel=document.getElementById('panel');
document.querySelectorAll('.finding').forEach(e=>e.addEventListener('click',ev=>{
 panel.innerHTML=e.dataset.detail;panel.classList.add('show');ev.stopPropagation();}));
document.addEventListener('click',()=>panel.classList.remove('show'));
document.body.dataset.highlighted=document.querySelectorAll('.finding').length;
"""


@reporter("html")
class HtmlReporter(Reporter):
    def render(self, run, out: TextIO) -> None:
        findings = [(r, f) for r in run.files for f in r.findings]
        by_cat = Counter(f.category for _, f in findings)
        by_sev = Counter(f.severity.value for _, f in findings)
        ids = {id(f): f"f{i}" for i, (_, f) in enumerate(findings)}
        w = out.write
        w("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
          f"<title>reportlint audit: {len(findings)} findings</title><style>{CSS}</style></head><body>\n")
        w("<header><h1>reportlint audit</h1>")
        w(f"<p id=\"summary\" data-files=\"{len(run.files)}\" data-findings=\"{len(findings)}\">"
          f"{len(run.files)} file{'s' * (len(run.files) != 1)}, {len(findings)} finding"
          f"{'s' * (len(findings) != 1)} "
          f"({', '.join(f'{n} {s}' for s, n in by_sev.most_common())}). reportlint {__version__}; "
          "columns are 1-based Unicode code points.</p>")
        top = max(by_cat.values(), default=1)
        w("<div class=\"bars\">")
        for cat in CATEGORIES:
            n = by_cat.get(cat, 0)
            if n:
                w(f"<span>{cat}</span><span class=\"bar\" style=\"width:{100 * n / top:.1f}%;"
                  f"background:{COLOURS.get(cat, '#999')}\"></span><span class=\"num\">{n}</span>")
        w("</div><p class=\"filters\">Show: ")
        for cat in CATEGORIES:
            if by_cat.get(cat):
                w(f"<label><input type=\"checkbox\" value=\"cat-{cat}\" checked> {cat}</label>")
        for sev in ("error", "warning", "info"):
            if by_sev.get(sev):
                w(f"<label><input type=\"checkbox\" value=\"sev-{sev}\" checked> {sev}</label>")
        w("</p></header>\n<main>\n<h2>Findings</h2><ol class=\"list\">")
        for r, f in findings:
            w(f"<li data-cat=\"{f.category}\" data-sev=\"{f.severity.value}\" style=\"--c:{COLOURS.get(f.category)}\">"
              f"<a href=\"#{ids[id(f)]}\">{html.escape(r.path)}:{f.line}:{f.column}</a> "
              f"<span class=\"tag\">{f.code}</span> {html.escape(f.message)}</li>")
        w("</ol>\n")
        for r in run.files:
            w(f"<h2 id=\"file-{html.escape(r.path, quote=True)}\">{html.escape(r.path)}</h2>\n")
            if r.error:
                w(f"<p class=\"error\">Not linted: {html.escape(r.error.message)}</p>\n")
            if r.doc is None:
                continue
            w("<pre class=\"doc\">")
            _document(w, r.doc.text, r.findings, ids)
            w("</pre>\n")
        w(f"</main><div id=\"panel\"></div><script>{SCRIPT}</script></body></html>\n")


def _detail(f) -> str:
    parts = [f"<b>{f.code}</b> {html.escape(f.name)} ({f.category}, {f.severity.value}) "
             f"line {f.line}, column {f.column}<br>{html.escape(f.message)}"]
    for fix in f.fixes:
        edits = "; ".join(f"<code>{html.escape(e.content) or '(delete)'}</code>" for e in fix.edits)
        parts.append(f"<br>{fix.applicability.value} fix: {html.escape(fix.title)} → {edits}")
    return "".join(parts)


def _element(f, ident: str, inner: str, pin: bool) -> str:
    title = f.message + "".join(f"\nfix ({x.applicability.value}): {x.title}" for x in f.fixes)
    return (f"<span class=\"finding{' pin' if pin else ''} cat-{f.category} sev-{f.severity.value}\" id=\"{ident}\" "
            f"data-code=\"{f.code}\" data-cat=\"{f.category}\" data-sev=\"{f.severity.value}\" "
            f"style=\"--c:{COLOURS.get(f.category, '#999')}\" title=\"{html.escape(title, quote=True)}\" "
            f"data-detail=\"{html.escape(_detail(f), quote=True)}\">{inner}</span>")


def _document(w, text: str, findings, ids) -> None:
    """The text line by line, each finding one element: a highlight where its text on its first
    line overlaps no earlier highlight, a marker otherwise."""
    by_line: dict[int, list] = {}
    for f in findings:
        by_line.setdefault(f.line, []).append(f)
    pos = 0
    for number, line in enumerate(text.split("\n"), start=1):
        start, end = pos, pos + len(line)
        w(f"<span class=\"ln\">{number}</span>")
        cursor = start
        for f in sorted(by_line.get(number, ()), key=lambda f: (f.start, -f.end)):
            s, e = max(f.start, start), min(f.end, end)
            if s < cursor or e <= s:
                at = max(min(f.start, end), cursor)
                w(html.escape(text[cursor:at]))
                w(_element(f, ids[id(f)], "◆", pin=True))
                cursor = at
                continue
            w(html.escape(text[cursor:s]))
            w(_element(f, ids[id(f)], html.escape(text[s:e]), pin=False))
            cursor = e
        w(html.escape(text[cursor:end]) + "\n")
        pos = end + 1
