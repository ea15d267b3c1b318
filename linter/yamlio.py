"""Reading YAML files (configurations, rule packs, suppressions) with the line of every key,
so an error can name the file and line; every YAML problem becomes one ConfigError line."""
from __future__ import annotations

import hashlib
import warnings
from pathlib import Path
from typing import Any

import orjson
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import ConfigError, one_line
from .fileio import write_whole


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
    """A configuration, pack or suppressions file with the line of every key (ruamel's
    round-trip containers, for ``line_of``)."""
    return _read(path, "rt")


def read_data(path: Path) -> Any:
    """A data file of the built-in rules as plain values."""
    return _read(path, "safe")


# Parsing YAML is most of a start (a third of a second for the packs and data files): runs
# that use the cache keep each parse as JSON, keyed by the file's bytes. JSON, never pickle:
# a cache folder must not be able to run code.
_parsed_folder: Path | None = None
_FORMAT = "1"


def keep_parsed_in(folder: Path | None) -> None:
    """Keep parsed YAML under ``folder`` (None: parse every time, the library's default)."""
    global _parsed_folder
    _parsed_folder = folder


def _read(path: Path, typ: str) -> Any:
    try:
        data = path.read_bytes()
        source = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    entry = None
    if _parsed_folder is not None:
        import ruamel.yaml
        key = hashlib.sha256(f"{typ}\x1f{ruamel.yaml.__version__}\x1f{_FORMAT}\x1f".encode() + data)
        entry = _parsed_folder / "yaml" / f"{key.hexdigest()}.json"
        try:
            return _decode(orjson.loads(entry.read_bytes()))
        except (OSError, ValueError, TypeError, KeyError, IndexError, RecursionError):
            pass                      # not kept yet, or damaged: parse
    node = _parse(path, source, typ)
    if entry is not None:
        try:
            encoded = orjson.dumps(_encode(node))
            entry.parent.mkdir(parents=True, exist_ok=True)
            write_whole(entry, encoded)
        except (OSError, TypeError):
            pass                      # a read-only folder, or a value JSON cannot hold
    return node


def _parse(path: Path, source: str, typ: str) -> Any:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")     # ruamel warns on stderr (reused anchors …)
            return YAML(typ=typ).load(source)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}{where}: invalid YAML: {one_line(exc.problem or exc.context)}") from None
    except YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {one_line(exc)}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid YAML: nested too deeply") from None


def _encode(node: Any) -> Any:
    """JSON for a parsed document: mappings as {"m": [[key, value, position]…], "l": line and
    column}, sequences as {"s": [[item, position]…], "l": …}; scalars as they are."""
    if isinstance(node, dict):
        lc = getattr(node, "lc", None)
        where = (lc.data or {}) if lc is not None else {}
        return {"m": [[_encode(k), _encode(v), where.get(k)] for k, v in node.items()],
                "l": [lc.line, lc.col] if lc is not None else None}
    if isinstance(node, list):
        lc = getattr(node, "lc", None)
        where = (lc.data or {}) if lc is not None else {}
        return {"s": [[_encode(v), where.get(i)] for i, v in enumerate(node)],
                "l": [lc.line, lc.col] if lc is not None else None}
    if node is None or isinstance(node, bool):
        return node
    for t in (str, int, float):
        if isinstance(node, t):
            return t(node)
    raise TypeError(f"cannot keep {type(node).__name__}")


def _decode(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    if value["l"] is None:            # from the safe loader: plain containers
        if "m" in value:
            return {_decode(k): _decode(v) for k, v, _ in value["m"]}
        return [_decode(v) for v, _ in value["s"]]
    if "m" in value:
        node = CommentedMap()
        for k, v, where in value["m"]:
            k = _decode(k)
            node[k] = _decode(v)
            if where is not None:
                node.lc.add_kv_line_col(k, where)
    else:
        node = CommentedSeq(_decode(v) for v, _ in value["s"])
        for i, (_, where) in enumerate(value["s"]):
            if where is not None:
                node.lc.add_idx_line_col(i, where)
    if value["l"] is not None:
        node.lc.line, node.lc.col = value["l"]
    return node
