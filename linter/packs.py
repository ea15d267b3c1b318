"""Load rule packs: YAML files that declare rules of the kinds in ``linter/kinds``.

A pack is a mapping with a ``rules:`` list; each entry names its ``kind`` and
carries the common metadata (code, name, category, severity, message, fix,
doc) plus the options that kind declares. Loading is strict, as in Vale: an
unknown key, a wrong type, a bad regex or a duplicate code is an error that
names the pack file and line. Nothing here runs a rule.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .finding import CATEGORIES, Applicability, Severity
from .kinds import KINDS
from .resources import builtin_packs_dir
from .rule import CATEGORY_LETTERS, Option, Rule, RuleDoc, RuleMeta
from .yamlio import line_of, plain, read_yaml

COMMON_KEYS = {"code", "name", "kind", "category", "severity", "message", "fix", "enabled",
               "formats", "status", "doc"}
DOC_KEYS = {"what", "why", "bad", "good", "fix_safety", "notes"}
FORMATS = ("text", "markdown")
STATUSES = ("stable", "preview", "deprecated")
_CODE = re.compile(r"[A-Z][0-9]{3}")
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def builtin_pack_paths() -> list[Path]:
    return sorted(builtin_packs_dir().glob("*.yaml"))


def load_pack(path: Path) -> list[Rule]:
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise ConfigError(f"{path}: a rule pack is a mapping with a 'rules:' list")
    unknown = set(data) - {"pack", "description", "rules"}
    if unknown:
        key = sorted(unknown, key=str)[0]
        raise ConfigError(f"{path}:{line_of(data, key)}: unknown key {key!r} in a rule pack "
                          "(expected pack, description, rules)")
    pack = str(data.get("pack") or path.stem)
    return [build_rule(entry, path, pack) for entry in data["rules"]]


def build_rule(entry: Any, path: Path, pack: str) -> Rule:
    where = f"{path}:{line_of(entry)}"
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: a rule entry must be a mapping")

    def fail(msg: str, key: str | None = None) -> ConfigError:
        line = line_of(entry, key) if key else line_of(entry)
        code = entry.get("code", "?")
        return ConfigError(f"{path}:{line}: rule {code}: {msg}")

    for key in ("code", "name", "kind", "category", "message", "doc"):
        if key not in entry:
            raise fail(f"missing required key {key!r}")
    code, name, kind_name, category = (str(entry[k]) for k in ("code", "name", "kind", "category"))
    if not _CODE.fullmatch(code):
        raise fail("code must be one capital letter and three digits (e.g. M101)", "code")
    if category not in CATEGORIES:
        raise fail(f"unknown category {category!r} (one of {', '.join(CATEGORIES)})", "category")
    if code[0] != CATEGORY_LETTERS[category]:
        raise fail(f"codes of category {category} start with {CATEGORY_LETTERS[category]}", "code")
    if not _NAME.fullmatch(name):
        raise fail("name must be lower-case words joined by hyphens", "name")
    cls = KINDS.get(kind_name)
    if cls is None:
        raise fail(f"unknown kind {kind_name!r} (one of {', '.join(sorted(KINDS))})", "kind")
    unknown = set(entry) - COMMON_KEYS - set(cls.OPTIONS)
    if unknown:
        key = sorted(unknown, key=str)[0]
        allowed = ", ".join(sorted(cls.OPTIONS)) or "none"
        raise fail(f"unknown key {key!r} (kind {kind_name} takes: {allowed})", key)

    try:
        severity = Severity(str(entry.get("severity", "warning")))
    except ValueError:
        raise fail("severity must be error, warning or info", "severity") from None
    fix = entry.get("fix")
    applicability, fix_title = None, ""
    if fix is not None:
        if not isinstance(fix, dict) or set(fix) - {"title", "applicability"}:
            raise fail("fix must be a mapping with title and applicability", "fix")
        try:
            applicability = Applicability(str(fix.get("applicability", "safe")))
        except ValueError:
            raise fail("fix applicability must be safe, unsafe or display", "fix") from None
        fix_title = str(fix.get("title", ""))
    formats = entry.get("formats", list(FORMATS))
    if not isinstance(formats, list) or not formats or set(map(str, formats)) - set(FORMATS):
        raise fail(f"formats must be a list drawn from {', '.join(FORMATS)}", "formats")
    status = str(entry.get("status", "stable"))
    if status not in STATUSES:
        raise fail(f"status must be one of {', '.join(STATUSES)}", "status")
    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        raise fail("enabled must be true or false", "enabled")
    message = entry["message"]
    if not isinstance(message, str) or not message.strip():
        raise fail("message must be a non-empty string", "message")

    meta = RuleMeta(
        code=code, name=name, kind=kind_name, category=category, severity=severity,
        message=str(message), doc=_build_doc(entry["doc"], fail), fix_title=fix_title,
        applicability=applicability, enabled=enabled, formats=tuple(map(str, formats)),
        status=status, pack=pack, line=line_of(entry), source=str(path),
    )
    options = {}
    for key, opt in cls.OPTIONS.items():
        if key in entry:
            options[key] = check_option(plain(entry[key]), opt, lambda m, k=key: fail(m, k), key)
        elif opt.required:
            raise fail(f"kind {kind_name} needs the option {key!r}")
    try:
        return cls(meta, options)
    except ConfigError:
        raise
    except Exception as exc:  # a bad regex or option value found while compiling
        raise fail(f"invalid option: {exc}") from None


def check_option(value: Any, opt: Option, fail, key: str) -> Any:
    types = opt.types if isinstance(opt.types, tuple) else (opt.types,)
    if float in types and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if isinstance(value, bool) and bool not in types:
        ok = False
    else:
        ok = value is None and opt.default is None or isinstance(value, types)
    if not ok:
        expected = " or ".join(t.__name__ for t in types)
        raise fail(f"option {key!r} must be {expected}, not {type(value).__name__}")
    if opt.choices and value not in opt.choices:
        raise fail(f"option {key!r} must be one of {', '.join(map(str, opt.choices))}")
    return value


def _build_doc(doc: Any, fail) -> RuleDoc:
    if not isinstance(doc, dict):
        raise fail("doc must be a mapping with at least what and why", "doc")
    unknown = set(doc) - DOC_KEYS
    if unknown:
        raise fail(f"unknown doc key {sorted(unknown)[0]!r} (expected {', '.join(sorted(DOC_KEYS))})", "doc")
    for key in ("what", "why"):
        if not str(doc.get(key) or "").strip():
            raise fail(f"doc.{key} is required", "doc")
    values = plain(doc)

    def examples(v: Any) -> tuple[str, ...]:
        if v is None:
            return ()
        return tuple(map(str, v)) if isinstance(v, list) else (str(v),)

    return RuleDoc(what=str(values["what"]).strip(), why=str(values["why"]).strip(),
                   bad=examples(values.get("bad")), good=examples(values.get("good")),
                   fix_safety=str(values.get("fix_safety") or "").strip(),
                   notes=str(values.get("notes") or "").strip())


def load_packs(paths: list[Path]) -> list[Rule]:
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    names: dict[str, Rule] = {}
    for path in paths:
        for rule in load_pack(path):
            m = rule.meta
            if m.code in seen:
                first = seen[m.code].meta
                raise ConfigError(f"{m.source}:{m.line}: rule code {m.code} is already defined "
                                  f"at {first.source}:{first.line}")
            if m.name in names:
                first = names[m.name].meta
                raise ConfigError(f"{m.source}:{m.line}: rule name {m.name!r} is already used by "
                                  f"{first.code} ({first.source}:{first.line})")
            seen[m.code] = names[m.name] = rule
            rules.append(rule)
    return rules


__all__ = ["builtin_pack_paths", "load_pack", "load_packs",
           "check_option", "Option"]
