"""The ``reportlint`` command: check, rules, explain.

Exit codes (the same in every output format): 0 no finding at or above the
fail level; 1 findings at or above it; 2 usage, configuration or rule-pack
error, or a rule that failed; 3 a file could not be read or decoded.
"""
from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__
from .errors import EXIT_OK, EXIT_USAGE, ConfigError, one_line
from .finding import Severity

app = typer.Typer(
    add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Lint Chinese report text for garbled text, stray markup, wrong place names, "
         "mixed scripts and inconsistent punctuation and units.",
)


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    github = "github"
    sarif = "sarif"
    html = "html"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


def _split(values: Optional[List[str]]) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return out


def _stdout_utf8() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")
        except (AttributeError, ValueError):
            pass


def _use_color(no_color: bool, stream) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def _error(message: str) -> None:
    sys.stderr.write(f"reportlint: error: {one_line(message)}\n")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reportlint {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """reportlint: a linter for Chinese report text."""


@app.command()
def check(
    paths: Optional[List[str]] = typer.Argument(None, help="Files or folders to lint (default: .)."),
    format: Format = typer.Option(Format.text, "--format", help="Output format."),
    output_file: Optional[Path] = typer.Option(None, "--output-file", "-o",
                                               help="Write the report to this file instead of stdout."),
    select: Optional[List[str]] = typer.Option(None, help="Rule codes or prefixes to run (comma-separated)."),
    extend_select: Optional[List[str]] = typer.Option(None, help="Rule codes or prefixes to run in addition."),
    ignore: Optional[List[str]] = typer.Option(None, help="Rule codes or prefixes not to run."),
    fail_on: Optional[FailOn] = typer.Option(None, help="Lowest severity that fails the run "
                                                        "[default: warning, or the config's fail-on]."),
    exit_zero: bool = typer.Option(False, help="Exit 0 even when findings are reported."),
    fix: bool = typer.Option(False, help="Apply safe fixes to the files."),
    unsafe_fixes: bool = typer.Option(False, help="With --fix or --diff, also apply unsafe fixes."),
    diff: bool = typer.Option(False, help="Print the fixes as a unified diff; write nothing."),
    statistics: bool = typer.Option(False, help="Count findings per rule instead of listing them."),
    show_all: bool = typer.Option(False, help="List every finding; do not summarise repeated ones."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print findings only, no summary."),
    no_color: bool = typer.Option(False, help="Never colour the text output."),
    force_exclude: bool = typer.Option(False, help="Honour exclude even for files named on the "
                                                   "command line (for pre-commit)."),
    config: Optional[Path] = typer.Option(None, help="Use this configuration file for every file."),
    encoding: Optional[str] = typer.Option(None, help="Decode files with this codec (e.g. gb18030)."),
    jurisdiction: Optional[str] = typer.Option(None, help="The division every file belongs to "
                                                          "(湛河区, 平顶山市湛河区, 410411 or national)."),
    baseline: Optional[Path] = typer.Option(None, help="Report only findings this baseline file does not "
                                                       "hold [default: the config's baseline]."),
    write_baseline: Optional[Path] = typer.Option(None, help="Write every current finding to this baseline "
                                                             "file and exit 0."),
    prune_baseline: bool = typer.Option(False, help="Remove the baseline's stale entries (findings that "
                                                    "are gone) from the file."),
    fail_on_stale_baseline: bool = typer.Option(False, help="Fail (exit 1) when the baseline holds stale entries."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes (0: one per core). --fix and --diff "
                                                     "run in one process."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Lint every file again; do not read or write "
                                                            ".reportlint_cache/."),
) -> None:
    """Lint files and folders."""
    from .reporters import REPORTERS
    from .runner import RunOptions, run

    _stdout_utf8()
    options = RunOptions(
        paths=list(paths) if paths else ["."], config=config,
        select=_split(select) if select else None, extend_select=_split(extend_select),
        ignore=_split(ignore), fail_on=Severity(fail_on.value) if fail_on else None,
        fix=fix, unsafe_fixes=unsafe_fixes, diff=diff, force_exclude=force_exclude, encoding=encoding,
        context=_stated_context(jurisdiction), baseline=baseline, write_baseline=write_baseline,
        cache=not no_cache, jobs=max(jobs, 0),
    )
    if encoding:
        import codecs
        try:
            codecs.lookup(encoding)
        except LookupError:
            _error(f"--encoding: unknown codec {encoding!r}")
            raise typer.Exit(EXIT_USAGE)
    try:
        result = run(options, progress=_progress_bar())
    except ConfigError as exc:
        _error(str(exc))
        raise typer.Exit(exc.exit_code)

    for r in result.files:
        if r.error:
            sys.stderr.write(f"{r.path}: error: {one_line(r.error.message)}\n")
        if r.write_error:
            sys.stderr.write(f"{r.path}: error: {one_line(r.write_error.message)}\n")
        for failure in r.rule_failures:
            sys.stderr.write(f"{r.path}: error: {one_line(failure.message)}\n")
        if not r.converged:
            sys.stderr.write(f"{r.path}: warning: fixes did not settle after several rounds; "
                             "run again and review the changes\n")
    if write_baseline:
        n = len(result.findings)
        sys.stderr.write(f"{write_baseline}: wrote {n} finding{'s' * (n != 1)} as the baseline\n")
        raise typer.Exit(EXIT_OK)
    stale_found = _report_accepted(result, statistics, prune_baseline)

    if diff:
        out = sys.stdout
        for r in result.files:
            out.write(r.diff())
        changed = sum(1 for r in result.files if r.changed)
        sys.stderr.write(f"{changed} file{'s' * (changed != 1)} would be changed.\n")
        code = result.exit_code(exit_zero=True)
        raise typer.Exit(code if code else (1 if changed and not exit_zero else 0))

    stream = open(output_file, "w", encoding="utf-8") if output_file else sys.stdout
    try:
        rep = REPORTERS[format.value](color=format is Format.text and _use_color(no_color, stream)
                                      and output_file is None, show_all=show_all, quiet=quiet,
                                      statistics=statistics)
        rep.render(result, stream)
    finally:
        if output_file:
            stream.close()
    code = result.exit_code(exit_zero=exit_zero)
    if code == EXIT_OK and stale_found and fail_on_stale_baseline and not exit_zero:
        code = 1
    raise typer.Exit(code)


def _progress_bar():
    """A one-line bar on stderr for long runs on a terminal; never in pre-commit, CI or a pipe."""
    if not sys.stderr.isatty() or os.environ.get("CI") or os.environ.get("PRE_COMMIT"):
        return None
    import time
    start = time.monotonic()

    def draw(done: int, total: int) -> None:
        if total < 20 or time.monotonic() - start < 1.0:
            return
        width = 30
        filled = width * done // total
        end = "\n" if done == total else ""
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files{end}")
        sys.stderr.flush()
    return draw


def _report_accepted(result, statistics: bool, prune: bool) -> bool:
    """Warn of stale baseline entries and unused suppressions; prune the baseline if asked.
    Returns whether the baseline held stale entries."""
    stale_found = False
    for b in result.baselines:
        stale = b.stale()
        if not stale:
            continue
        stale_found = True
        if prune:
            gone = {(e["path"], e["code"], e["fingerprint"]) for e in stale}
            left = b.write(keep=set(b.entries) - gone)
            sys.stderr.write(f"{b.path}: removed {len(stale)} stale entr{'ies' if len(stale) != 1 else 'y'}, "
                             f"{left} left\n")
            continue
        sys.stderr.write(f"{b.path}: warning: {len(stale)} stale entr{'ies' if len(stale) != 1 else 'y'} "
                         "(findings that are gone); remove them with --prune-baseline\n")
        if statistics:
            for e in stale:
                sys.stderr.write(f"  stale: {e['path']}: {e['code']} {e.get('text', '')!r}\n")
    for sup in result.suppressions:
        for e in sup.unused():
            sys.stderr.write(f"{sup.path}:{e.line}: warning: unused suppression: {e.rule} {e.text!r} "
                             "silenced nothing\n")
    return stale_found


@app.command("rules")
def rules_cmd(
    format: Format = typer.Option(Format.text, "--format", help="text or json."),
    config: Optional[Path] = typer.Option(None, help="Include the packs this configuration adds."),
) -> None:
    """List every rule: code, name, category, severity, fix."""
    rules = _load_rules(config)
    if format is Format.json:
        json.dump([_rule_json(r) for r in rules], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    rows = [(r.meta.code, r.meta.name, r.meta.category, r.meta.severity.value, r.meta.fix_availability,
             "" if r.meta.enabled else "off by default") for r in rules]
    widths = [max(len(row[i]) for row in rows + [("code", "name", "category", "severity", "fix", "")])
              for i in range(5)]
    header = ("code", "name", "category", "severity", "fix", "")
    for row in [header] + rows:
        sys.stdout.write(("  ".join(c.ljust(w) for c, w in zip(row, widths)) + f"  {row[5]}").rstrip() + "\n")


def _stated_context(jurisdiction: Optional[str]) -> dict:
    if not jurisdiction:
        return {}
    from .config import jurisdiction_problem
    problem = jurisdiction_problem(jurisdiction)
    if problem:
        _error(f"--jurisdiction: {problem}")
        raise typer.Exit(EXIT_USAGE)
    return {"jurisdiction": jurisdiction}


@app.command()
def context(
    paths: Optional[List[str]] = typer.Argument(None, help="Files or folders (default: .)."),
    format: Format = typer.Option(Format.text, "--format", help="text or json."),
    config: Optional[Path] = typer.Option(None, help="Use this configuration file for every file."),
    jurisdiction: Optional[str] = typer.Option(None, help="State the division (as for check)."),
    encoding: Optional[str] = typer.Option(None, help="Decode files with this codec."),
) -> None:
    """Show what reportlint infers about each document: its jurisdiction (and why), year, script."""
    from .config import ConfigResolver
    from .context import Context
    from .decoding import DecodeProblem, decode
    from .document import Document
    from .paths import relative_to_root
    from .runner import collect, display_path

    _stdout_utf8()
    stated = _stated_context(jurisdiction)
    try:
        resolver = ConfigResolver(config)
        files = collect(list(paths) if paths else ["."], resolver, force_exclude=False)
    except ConfigError as exc:
        _error(str(exc))
        raise typer.Exit(exc.exit_code)
    out, code = [], EXIT_OK
    for path, cfg in files:
        shown = display_path(path, Path.cwd().resolve())
        try:
            d = decode(path.read_bytes(), encoding or cfg.encoding)
        except (OSError, DecodeProblem) as exc:
            sys.stderr.write(f"{shown}: error: {one_line(getattr(exc, 'message', exc))}\n")
            code = 3
            continue
        ctx = Context(Document(d.text, shown),
                      {"context": {**cfg.context_for(relative_to_root(path, cfg.root)), **stated}})
        j = ctx.jurisdiction
        out.append({"path": shown, "jurisdiction": j.describe(), "status": j.status,
                    "code": j.entry.code if j.entry else None, "source": j.source,
                    "evidence": j.evidence, "year": ctx.doc_year, "script": ctx.script})
    if format is Format.json:
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for item in out:
            sys.stdout.write(f"{item['path']}\n  jurisdiction: {item['jurisdiction']}"
                             + (f", from the {item['source']}" if item["source"] else "") + "\n")
            for reason in item["evidence"]:
                sys.stdout.write(f"    {reason}\n")
            sys.stdout.write(f"  year: {item['year'] or 'unknown'}\n  script: {item['script']}\n")
    raise typer.Exit(code)


def _load_rules(config: Optional[Path]):
    """The built-in rules plus the packs the configuration here (or ``config``) adds."""
    from .config import ConfigResolver
    from .registry import all_rules

    _stdout_utf8()
    try:
        cfg = ConfigResolver(config).for_path(Path.cwd())
        return all_rules(cfg.extend_packs)
    except ConfigError as exc:
        _error(str(exc))
        raise typer.Exit(exc.exit_code)


def _rule_json(rule) -> dict:
    m = rule.meta
    return {
        "code": m.code, "name": m.name, "kind": m.kind, "category": m.category,
        "severity": m.severity.value, "fix": m.fix_availability, "fix_title": m.fix_title,
        "enabled": m.enabled, "formats": list(m.formats), "status": m.status, "pack": m.pack,
        "message": m.message, "options": {k: rule.options[k] for k in rule.OPTIONS},
        "doc": {"what": m.doc.what, "why": m.doc.why, "bad": list(m.doc.bad), "good": list(m.doc.good),
                "fix_safety": m.doc.fix_safety, "notes": m.doc.notes},
    }


@app.command()
def explain(
    code: str = typer.Argument(..., help="A rule code (M101) or name (markdown-emphasis)."),
    format: Format = typer.Option(Format.text, "--format", help="text or json."),
    config: Optional[Path] = typer.Option(None, help="Include the packs this configuration adds."),
) -> None:
    """Explain a rule: what it finds, why it matters, examples, fix safety."""
    rules = _load_rules(config)
    wanted = code.strip()
    rule = next((r for r in rules if wanted.upper() == r.meta.code or wanted.lower() == r.meta.name), None)
    if rule is None:
        _error(f"unknown rule {code!r}; `reportlint rules` lists them")
        raise typer.Exit(EXIT_USAGE)
    if format is Format.json:
        json.dump(_rule_json(rule), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    sys.stdout.write(explain_text(rule))


def explain_text(rule) -> str:
    m = rule.meta
    fix = {"none": "no fix", "safe": "safe fix (applied by --fix)",
           "unsafe": "unsafe fix (applied by --fix --unsafe-fixes)",
           "display": "suggestion only (never applied)"}[m.fix_availability]
    lines = [f"{m.code} {m.name}", "",
             f"Category: {m.category}   Severity: {m.severity.value}   Fix: {fix}",
             f"Enabled by default: {'yes' if m.enabled else 'no'}   Applies to: {', '.join(m.formats)} files",
             f"Declared in: {m.pack} pack ({Path(m.source).name}:{m.line})", "",
             "What it does", f"  {m.doc.what}", "", "Why is this bad?", f"  {m.doc.why}"]
    if m.doc.bad:
        lines += ["", "Example"] + [f"  {b}" for b in m.doc.bad]
    if m.doc.good:
        lines += ["", "Use instead"] + [f"  {g}" for g in m.doc.good]
    if m.doc.fix_safety:
        lines += ["", "Fix safety", f"  {m.doc.fix_safety}"]
    opts = {k: o for k, o in rule.OPTIONS.items()}
    if opts:
        lines += ["", "Options (set per rule under `rules:` in the configuration)"]
        for k, o in opts.items():
            value = rule.options[k]
            shown = value if not isinstance(value, (list, dict)) or len(str(value)) < 60 else "(see the pack)"
            lines.append(f"  {k} = {shown!r}" + (f"  # {o.doc}" if o.doc else ""))
    if m.doc.notes:
        lines += ["", "Notes", f"  {m.doc.notes}"]
    return "\n".join(lines) + "\n"


def main() -> None:
    from .engine import tune_collector
    tune_collector()
    try:
        app()
    except ConfigError as exc:  # pragma: no cover - commands catch their own
        _error(str(exc))
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`reportlint check | head`): stop quietly, as Unix tools do.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except OSError:
            pass
        sys.exit(EXIT_USAGE)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, not a traceback
        if os.environ.get("REPORTLINT_DEBUG"):
            raise
        _error(f"internal error: {type(exc).__name__}: {exc} (set REPORTLINT_DEBUG=1 for the traceback, "
               "and please report it)")
        sys.exit(EXIT_USAGE)


if __name__ == "__main__":  # pragma: no cover
    main()
