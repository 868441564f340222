"""JSON and JSON Lines out. A document's long lists are written item by item, so
a report of 100,000 groups never holds its whole text in memory."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator
from json.encoder import encode_basestring
from typing import Any


def _dumps(value: object, indent: int | None = 2) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent)


def _float(value: float) -> str:
    return float.__repr__(value) if math.isfinite(value) else json.dumps(value)


# Each scalar type written exactly as json.dumps writes it (bool before int: a bool is an int).
_SCALAR: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    float: _float,
    bool: lambda value: "true" if value else "false",
    type(None): lambda value: "null",
}


def _item(value: object, margin: str) -> str:
    """value as json.dumps(value, indent=2) writes it, every line after the first indented
    by margin. A flat object (every value a scalar: the common record) is written
    without the pure-Python encoder that indent= would otherwise use."""
    if isinstance(value, dict) and value:
        inner = ",\n" + margin + "  "
        try:
            parts = [encode_basestring(k) + ": " + _SCALAR[type(v)](v) for k, v in value.items()]
        except (KeyError, TypeError):  # a nested value, or a key that is not a str
            pass
        else:
            return "{\n" + margin + "  " + inner.join(parts) + "\n" + margin + "}"
    return _dumps(value).replace("\n", "\n" + margin)


def json_chunks(document: dict[str, object]) -> Iterator[str]:
    """The document as ``json.dumps(document, indent=2)`` writes it, plus a newline;
    a value that is an iterator (not a list) is written one item at a time."""
    yield "{"
    for index, (key, value) in enumerate(document.items()):
        yield ("," if index else "") + "\n  " + _dumps(key) + ": "
        if isinstance(value, Iterator):
            empty = True
            for item in value:
                yield ("[\n    " if empty else ",\n    ") + _item(item, "    ")
                empty = False
            yield "[]" if empty else "\n  ]"
        else:
            yield _item(value, "  ")
    yield "\n}\n" if document else "}\n"


def jsonl_chunks(records: Iterable[object]) -> Iterator[str]:
    """One compact JSON object per line."""
    for record in records:
        yield _dumps(record, None) + "\n"
