"""JSON and JSON Lines out. A document's long lists are written item by item, so
a report of 100,000 groups never holds its whole text in memory."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator


def _dumps(value: object, indent: int | None = 2) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent)


def json_chunks(document: dict[str, object]) -> Iterator[str]:
    """The document as ``json.dumps(document, indent=2)`` writes it, plus a newline;
    a value that is an iterator (not a list) is written one item at a time."""
    yield "{"
    for index, (key, value) in enumerate(document.items()):
        yield ("," if index else "") + "\n  " + _dumps(key) + ": "
        if isinstance(value, Iterator):
            empty = True
            for item in value:
                yield ("[\n    " if empty else ",\n    ") + _dumps(item).replace("\n", "\n    ")
                empty = False
            yield "[]" if empty else "\n  ]"
        else:
            yield _dumps(value).replace("\n", "\n  ")
    yield "\n}\n" if document else "}\n"


def jsonl_chunks(records: Iterable[object]) -> Iterator[str]:
    """One compact JSON object per line."""
    for record in records:
        yield _dumps(record, None) + "\n"
