"""One run of ``reportlint check``: find the files, lint (and fix) each, collect results.

Every file is linted with the configuration nearest to it; files that cannot
be read are reported and the others still linted. The run's exit code is
decided here, the same for every output format.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Config, ConfigResolver
from .engine import FileError, FileResult, cached_file, lint_file
from .errors import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE
from .finding import Finding, Severity
from .paths import is_excluded, relative_to_root, walk

if TYPE_CHECKING:
    from .registry import RuleSet
    from .rule import Rule


@dataclass
class RunOptions:
    paths: list[str] = field(default_factory=lambda: ["."])
    config: Path | None = None
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: Severity | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False                 # compute fixes, print a diff, write nothing
    force_exclude: bool = False
    encoding: str | None = None
    context: dict = field(default_factory=dict)     # stated on the command line (--jurisdiction)
    baseline: Path | None = None       # accepted findings (overrides the configuration's)
    write_baseline: Path | None = None # write every finding of this run as the baseline
    use_baseline: bool = True          # False: report baselined findings too (--no-baseline)
    cache: bool = False                # reuse findings of unchanged files (.reportlint_cache/)
    jobs: int = 1                      # worker processes for plain runs (0: one per core)


@dataclass
class RunResult:
    files: list[FileResult]
    loaded_rules: list[Rule] | None    # None: loaded on first use of .rules
    fail_on: dict[str, Severity]       # per file path
    options: RunOptions
    cwd: Path
    baselines: list = field(default_factory=list)       # the Baseline objects used
    suppressions: list = field(default_factory=list)    # the Suppressions objects used
    configs: list[Config] = field(default_factory=list) # each configuration some file used

    @property
    def rules(self) -> list[Rule]:
        """Every rule that runs under some configuration of the run (SARIF lists them). Loaded
        on demand: a run served wholly from the cache never reads the rule packs."""
        if self.loaded_rules is None:
            used: dict[str, Rule] = {}
            for cfg in self.configs:
                for r in _ruleset(cfg, self.options).rules:
                    used.setdefault(r.meta.code, r)
            self.loaded_rules = sorted(used.values(), key=lambda r: r.meta.code)
        return self.loaded_rules

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    def failing(self) -> list[Finding]:
        out = []
        for r in self.files:
            level = self.fail_on.get(r.path, Severity.WARNING).rank
            failing = {s for s in Severity if s.rank >= level}
            out.extend(f for f in r.findings if f.severity in failing)
        return out

    def exit_code(self, exit_zero: bool = False) -> int:
        if any(r.rule_failures for r in self.files) or any(r.write_error for r in self.files):
            return EXIT_USAGE
        if any(r.error for r in self.files):
            return EXIT_UNREADABLE
        if not exit_zero and self.failing():
            return EXIT_FINDINGS
        return EXIT_OK


def display_path(path: Path, cwd: Path) -> str:
    try:
        return path.resolve().relative_to(cwd).as_posix() if path.is_absolute() else path.as_posix()
    except ValueError:
        return path.as_posix()


def collect(paths: list[str], resolver: ConfigResolver, force_exclude: bool) -> list[tuple[Path, Config]]:
    """The files to lint with their configurations, in a stable order, each once."""
    out: list[tuple[Path, Config]] = []
    seen: set[str] = set()

    def add(path: Path, cfg: Config) -> None:
        key = os.path.normcase(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            out.append((path, cfg))

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for f in walk(path, resolver.for_path):
                add(f, resolver.for_path(f))
            continue
        cfg = resolver.for_path(path)   # a missing file still gets its folder's configuration
        if not (force_exclude and is_excluded(path, cfg)):
            add(path, cfg)
    return out


def run(options: RunOptions, cwd: Path | None = None, progress=None) -> RunResult:
    """Lint (and fix) every file the options name. ``progress(done, total)`` is called after
    each file (the CLI draws a bar on a terminal)."""
    cwd = (cwd or Path.cwd()).resolve()
    from . import yamlio
    from .cache import Cache
    store = Cache(cwd) if options.cache else None
    yamlio.keep_parsed_in(store.folder if store is not None and store.ready() else None)
    resolver = ConfigResolver(options.config, cwd)
    fail_on: dict[str, Severity] = {}
    configs: dict[int, Config] = {}
    accepted = _Accepted(options, cwd)
    plans = []
    for path, cfg in collect(options.paths, resolver, options.force_exclude):
        shown = display_path(path, cwd)
        rel = relative_to_root(path, cfg.root)
        plans.append(_Plan(path, cfg, shown, rel, tuple(cfg.ignored_for(rel)),
                           {"context": {**cfg.context_for(rel), **options.context}}))
        fail_on[shown] = options.fail_on or cfg.fail_on
        configs.setdefault(id(cfg), cfg)
    results = _lint_all(plans, options, cwd, accepted, progress)
    if options.write_baseline:
        from .baseline import entries_for, write_entries
        write_entries(options.write_baseline, entries_for(results, cwd, options.write_baseline))
    return RunResult(results, None, fail_on, options, cwd, list(accepted.baselines.values()),
                     list(accepted.suppressions.values()), list(configs.values()))


def _ruleset(cfg: Config, options: RunOptions) -> "RuleSet":
    """The rules a configuration runs with the command line's selection; a configuration or
    pack that is wrong raises ConfigError here."""
    from .registry import ruleset_for      # here: a run served from the cache never loads rules
    return ruleset_for(cfg, select=options.select, extend_select=tuple(options.extend_select),
                       ignore=tuple(options.ignore))


@dataclass
class _Plan:
    path: Path
    cfg: Config
    shown: str
    rel: str
    ignore: tuple[str, ...]
    settings: dict


def _lint_all(plans: list[_Plan], options: RunOptions, cwd: Path, accepted, progress) -> list[FileResult]:
    """Results in the plans' order: files the cache holds first, read here (starting workers
    would cost more than reading them), then the others in worker processes or in turn."""
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, len(plans))

    results: list[FileResult | None] = [None] * len(plans)
    for i, p in enumerate(plans):
        cache = _cache_for(p, options, cwd)
        if cache is not None:
            results[i] = cached_file(p.path, p.shown, cache, encoding=options.encoding or p.cfg.encoding,
                                     keep=accepted.keep_for(p.cfg, p.rel, p.shown))
            if results[i] is not None:
                tick()
    todo = [i for i, r in enumerate(results) if r is None]
    for i in todo:
        # Rule sets are built (and checked) here, before any worker starts, so the workers
        # share them; a run served wholly from the cache never needs them. An entry exists
        # only for a selection and configuration that loaded without error before.
        _ruleset(plans[i].cfg, options)
    jobs = min(options.jobs if options.jobs > 0 else (os.cpu_count() or 1), len(todo))
    if jobs > 1 and not (options.fix or options.diff):
        linted = _lint_parallel([plans[i] for i in todo], options, cwd, accepted, jobs, tick)
    else:
        linted = []
        for i in todo:
            p = plans[i]
            linted.append(_lint_one(p, options, cwd, accepted.keep_for(p.cfg, p.rel, p.shown)))
            tick()
    for i, r in zip(todo, linted):
        results[i] = r
    return results


def _lint_one(plan: _Plan, options: RunOptions, cwd: Path, keep) -> FileResult:
    return lint_file(plan.path, plan.shown, _ruleset(plan.cfg, options).rules, fix=options.fix or options.diff,
                     unsafe=options.unsafe_fixes, write=options.fix and not options.diff,
                     encoding=options.encoding or plan.cfg.encoding, ignore=plan.ignore,
                     settings=plan.settings, keep=keep, cache=_cache_for(plan, options, cwd))


def _cache_for(plan: _Plan, options: RunOptions, cwd: Path):
    if not options.cache or options.fix or options.diff:
        return None
    from .cache import Cache
    store = Cache(cwd)
    what = (plan.cfg.key(), plan.ignore, repr(sorted(plan.settings["context"].items())),
            options.encoding or plan.cfg.encoding, options.select, tuple(options.extend_select),
            tuple(options.ignore))
    return store, lambda data: store.key(data, plan.shown, what, plan.cfg.extend_packs, None)


def _worker(job) -> FileResult:
    """Lint one file in a worker process; accepted findings are dropped in the parent, which
    keeps the state of baselines and suppressions."""
    plan, options, cwd = job
    result = _lint_one(plan, options, cwd, None)
    if result.doc is not None:
        # Only what the parent needs: computed views of the text (markup, prose) stay behind.
        from .document import Document
        d = result.doc
        result.doc = Document(d.raw, d.path, encoding=d.encoding, bom=d.bom, fmt=d.format)
    return result


def _lint_parallel(plans, options: RunOptions, cwd: Path, accepted, jobs: int, tick) -> list[FileResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    # fork shares the rules and data the parent already loaded; elsewhere workers load their own.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    ctx = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        results = []
        for r in pool.map(_worker, [(p, options, cwd) for p in plans], chunksize=1):
            results.append(r)
            tick()
    for plan, r in zip(plans, results):
        if r.doc is not None and r.findings:
            r.findings = accepted.keep_for(plan.cfg, plan.rel, plan.shown)(r.doc, r.findings)
    return results


class _Accepted:
    """The findings a team accepted: inline directives, suppressions files and baselines, each
    loaded once per run."""

    def __init__(self, options: RunOptions, cwd: Path):
        self.options, self.cwd = options, cwd
        self.baselines: dict[Path, object] = {}
        self.suppressions: dict[Path, object] = {}
        self.found: dict[Path, Path | None] = {}      # configuration folder -> its suppressions file

    def _baseline(self, cfg: Config):
        o = self.options
        path = o.baseline or cfg.baseline
        if o.write_baseline or not o.use_baseline or path is None:
            return None
        path = Path(path).resolve()
        if path not in self.baselines:
            from .baseline import Baseline
            self.baselines[path] = Baseline.load(path)
        return self.baselines[path]

    def _suppressions(self, cfg: Config):
        from .suppress import Suppressions, find_file
        path = cfg.suppressions
        if path is None and (cfg.source is not None or cfg.root == self.cwd):
            if cfg.root not in self.found:            # looked up once per configuration folder
                self.found[cfg.root] = find_file(cfg.root)
            path = self.found[cfg.root]
        if path is None:
            return None
        path = path.resolve()
        if path not in self.suppressions:
            self.suppressions[path] = Suppressions.load(path)
        return self.suppressions[path]

    def keep_for(self, cfg: Config, rel: str, shown: str):
        from .suppress import inline_filter
        sup, base, cwd = self._suppressions(cfg), self._baseline(cfg), self.cwd

        def keep(doc, findings):
            if doc.format == "markdown":
                findings = inline_filter(doc.text, findings)
            if sup is not None:
                findings = sup.filter(doc.text, rel, findings)
            if base is not None:
                findings = base.filter(doc, findings, shown, cwd)
            return findings
        return keep


__all__ = ["RunOptions", "RunResult", "run", "collect", "FileError"]
