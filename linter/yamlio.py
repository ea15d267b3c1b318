"""Reading YAML files (configurations, rule packs, suppressions) with the line of every key,
so an error can name the file and line; every YAML problem becomes one ConfigError line."""
from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import ConfigError, one_line


def plain(obj: Any) -> Any:
    """ruamel's commented containers and scalar strings as plain Python values."""
    if isinstance(obj, dict):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [plain(v) for v in obj]
    if isinstance(obj, str):
        return str(obj)
    return obj


def line_of(node: Any, key: Any = None) -> int:
    """1-based line of a mapping (or of one of its keys) in its YAML file, 0 if unknown."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return 0
    try:
        if key is not None:
            return lc.key(key)[0] + 1
        return lc.line + 1
    except (KeyError, TypeError, AttributeError):
        return 0


def read_yaml(path: Path) -> Any:
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")     # ruamel warns on stderr (reused anchors …)
            return YAML(typ="rt").load(source)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}{where}: invalid YAML: {one_line(exc.problem or exc.context)}") from None
    except YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {one_line(exc)}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid YAML: nested too deeply") from None
