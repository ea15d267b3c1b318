"""Parsed YAML kept as JSON gives back exactly what parsing gives, lines included."""
from __future__ import annotations

import pytest

from linter import yamlio
from linter.errors import ConfigError
from linter.packs import builtin_pack_paths
from linter.resources import data_file
from linter.yamlio import line_of, plain, read_data, read_yaml


@pytest.fixture
def kept(tmp_path):
    yamlio.keep_parsed_in(tmp_path)
    yield tmp_path
    yamlio.keep_parsed_in(None)


def lines_of(node, out=None, path="") -> dict:
    """Every mapping's and key's line, by where it sits in the document."""
    out = {} if out is None else out
    if isinstance(node, dict):
        out[path] = line_of(node)
        for k, v in node.items():
            out[f"{path}/{k}"] = line_of(node, k)
            lines_of(v, out, f"{path}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            lines_of(v, out, f"{path}[{i}]")
    return out


def test_packs_come_back_the_same_with_their_lines(kept):
    for path in builtin_pack_paths():
        parsed = read_yaml(path)            # parses and keeps
        again = read_yaml(path)             # read back from the JSON
        assert plain(again) == plain(parsed)
        assert lines_of(again) == lines_of(parsed) and max(lines_of(again).values()) > 10
    assert len(list((kept / "yaml").glob("*.json"))) == len(builtin_pack_paths())


def test_data_files_come_back_as_plain_values(kept):
    for name in ("units.yaml", "metrics.yaml", "places.yaml", "script.yaml", "typos.yaml"):
        parsed = read_data(data_file(name))
        again = read_data(data_file(name))
        assert again == parsed and type(again) is dict


def test_a_changed_file_is_parsed_again_and_a_damaged_entry_ignored(kept, tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text("rules:\n  - code: X101\n", encoding="utf-8")
    assert plain(read_yaml(pack)) == {"rules": [{"code": "X101"}]}
    pack.write_text("rules:\n\n  - code: X102\n", encoding="utf-8")
    again = read_yaml(pack)
    assert plain(again) == {"rules": [{"code": "X102"}]} and line_of(again["rules"][0]) == 3
    for entry in (kept / "yaml").glob("*.json"):
        entry.write_text("[1, 2", encoding="utf-8")
    assert plain(read_yaml(pack)) == {"rules": [{"code": "X102"}]}


def test_broken_yaml_is_an_error_every_time(kept, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - code: [X101\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ConfigError, match=r"bad.yaml:\d+: invalid YAML"):
            read_yaml(bad)
