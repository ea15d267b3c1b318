"""Fast JSON for the two places that handle every finding: the cache and the JSON reports.

orjson writes about ten times faster than the standard library and keeps non-ASCII text as
it is (like ``ensure_ascii=False``). It refuses strings holding lone surrogates, which text
decoded from files never has but strings handed to the library API may: those fall back to
the standard library.
"""
from __future__ import annotations

import json
from typing import Any

import orjson


def dumps(value: Any) -> str:
    try:
        return orjson.dumps(value).decode("utf-8")
    except TypeError:
        return json.dumps(value, ensure_ascii=False)


def loads(data: bytes | str) -> Any:
    return orjson.loads(data)
