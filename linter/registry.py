"""The one place rules are registered and selected.

All rules come from packs: the built-in ones in ``rules/`` and a user's
``extend-packs``. Selection follows ruff: codes and prefixes (``P``,
``P1``, ``P101``, ``ALL``) in select, extend-select and ignore; when a rule
matches both, the more specific entry wins (``select: [P]`` with
``ignore: [P102]`` runs every P rule but P102).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .config import Config
from .errors import ConfigError
from .packs import builtin_pack_paths, check_option, load_packs
from .rule import Rule


@lru_cache(maxsize=8)
def _load(paths: tuple[Path, ...]) -> tuple[Rule, ...]:
    return tuple(load_packs(list(paths)))


def all_rules(extra_packs: list[Path] | tuple[Path, ...] = ()) -> tuple[Rule, ...]:
    """Every rule of the built-in packs and the given extra packs, in pack order."""
    for p in extra_packs:
        if not p.is_file():
            raise ConfigError(f"{p}: rule pack not found")
    return _load(tuple(builtin_pack_paths()) + tuple(p.resolve() for p in extra_packs))


def _specificity(code: str, selectors: list[str]) -> int:
    """Length of the longest selector matching ``code`` (ALL counts as 0), or -1."""
    best = -1
    for s in selectors:
        if s == "ALL":
            best = max(best, 0)
        elif code.startswith(s):
            best = max(best, len(s))
    return best


def check_selectors(selectors: list[str], rules: tuple[Rule, ...], where: str, key: str) -> None:
    codes = [r.meta.code for r in rules]
    for s in selectors:
        if s != "ALL" and not any(c.startswith(s) for c in codes):
            raise ConfigError(f"{where}: {key}: unknown rule code or prefix {s!r}")


class RuleSet:
    """The rules one configuration runs, with its severities and options applied."""

    def __init__(self, config: Config, *, select: list[str] | None = None,
                 extend_select: list[str] = (), ignore: list[str] = ()):
        rules = all_rules(config.extend_packs)
        self.config = config
        self.available = rules
        sel = select if select is not None else config.select
        ext = list(config.extend_select) + list(extend_select)
        ign = list(config.ignore) + list(ignore)
        for key, selectors in (("select", sel or []), ("extend-select", ext), ("ignore", ign)):
            where = "command line" if key == "select" and select is not None else config.where(key)
            check_selectors(selectors, rules, where, key)
        by_code = {r.meta.code: r for r in rules}
        for code in list(config.severity) + list(config.rule_options):
            if code not in by_code:
                key = "severity" if code in config.severity else "rules"
                raise ConfigError(f"{config.where(key)}: {key}: unknown rule code {code!r}")
        for _, codes in config.per_file_ignores:
            check_selectors(codes, rules, config.where("per-file-ignores"), "per-file-ignores")
        chosen = []
        for r in rules:
            code = r.meta.code
            on = _specificity(code, sel) if sel is not None else (0 if r.meta.enabled else -1)
            on = max(on, _specificity(code, ext))
            if on < 0 or _specificity(code, ign) >= on:
                continue
            chosen.append(self._configured(r, config))
        self.rules: tuple[Rule, ...] = tuple(chosen)

    @staticmethod
    def _configured(rule: Rule, config: Config) -> Rule:
        code = rule.meta.code
        options = config.rule_options.get(code, {})
        for key, value in options.items():
            opt = rule.OPTIONS.get(key)
            if opt is None:
                allowed = ", ".join(sorted(rule.OPTIONS)) or "none"
                raise ConfigError(f"{config.where('rules')}: rules: {code} has no option {key!r} "
                                  f"(it takes: {allowed})")
            check_option(value, opt, lambda m: ConfigError(f"{config.where('rules')}: rules: {code}: {m}"),
                         key)
        try:
            return rule.with_overrides(config.severity.get(code), options)
        except ConfigError:
            raise
        except Exception as exc:
            raise ConfigError(f"{config.where('rules')}: rules: {code}: invalid option: {exc}") from None


_cache: dict[tuple, RuleSet] = {}


def ruleset_for(config: Config, **cli) -> RuleSet:
    key = (str(config.source), config.key(), repr(sorted(cli.items())))
    rs = _cache.get(key)
    if rs is None:
        rs = _cache[key] = RuleSet(config, **cli)
    return rs
