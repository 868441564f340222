"""JSON and JSON Lines out. A document's long lists are written item by item, so
a report of 100,000 groups never holds its whole text in memory."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import Any, cast


def _dumps(value: object, indent: int | None = 2) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent)


# The types a flat record holds (a record of nothing but these, and not empty, is flat).
_SCALARS = frozenset((str, int, float, bool, type(None)))
_DICTS = frozenset((dict,))
# Records of a long list are encoded this many at a time.
BATCH = 512


def _flat(value: object) -> bool:
    return type(value) is dict and bool(value) and _SCALARS.issuperset(map(type, value.values()))


def _all_flat(batch: list[Any]) -> bool:
    """_flat of every item, in a few C calls for the whole batch (the common case:
    a report's groups)."""
    return (
        _DICTS.issuperset(map(type, batch))
        and all(batch)
        and _SCALARS.issuperset(map(type, chain.from_iterable(map(dict.values, batch))))
    )


def _item(value: object, margin: str) -> str:
    """value as json.dumps(value, indent=2) writes it, every line after the first indented
    by margin."""
    return _dumps(value).replace("\n", "\n" + margin)


def _records(batch: list[dict[str, Any]], margin: str) -> str:
    """Flat records as json.dumps(indent=2) writes them in a list, joined by ",\n" and
    margin. One call of json's C encoder writes them all: its item separator carries
    the indent (indent= would use the pure-Python encoder, several times slower), and
    since no string holds a raw newline and no flat record holds "{", "},<sep>{" is
    found only between two records."""
    inside = ",\n" + margin + "  "
    text = json.dumps(batch, ensure_ascii=False, separators=(inside, ": "))
    between = "\n" + margin + "},\n" + margin + "{" + inside[1:]
    return "{" + inside[1:] + text[2:-2].replace("}" + inside + "{", between) + "\n" + margin + "}"


def _table(batch: list[Any], margin: str) -> str | None:
    """_records of a batch of flat records that all have the same string keys in the
    same order (a report's groups); None for any other batch. The values alone are
    encoded, as one flat list in one call (no key is encoded 100,000 times), with a
    newline between them: no encoded value holds a raw newline, so splitting there
    gives each value's text, and one %-format puts every value after its key. Each
    value is walked once: the check that it is flat reads the same list."""
    if not _DICTS.issuperset(map(type, batch)):
        return None
    keys = [*batch[0]]
    # (iterating dicts gives their keys: one list of every key, compared in C)
    if not keys or not all(type(key) is str for key in keys) or [*chain.from_iterable(batch)] != keys * len(batch):
        return None
    flat = list(chain.from_iterable(map(dict.values, batch)))
    if not _SCALARS.issuperset(map(type, flat)):
        return None
    values = json.dumps(flat, ensure_ascii=False, separators=("\n", ":"))[1:-1].split("\n")
    fields = ",\n".join(margin + "  " + _dumps(key).replace("%", "%%") + ": %s" for key in keys)
    record = "{\n" + fields + "\n" + margin + "}"
    return (",\n" + margin).join([record] * len(batch)) % tuple(values)


def _pieces(items: Iterator[object], margin: str) -> Iterator[str]:
    """The items of a list as json.dumps(indent=2) writes them, in pieces to be joined
    by ",\n" and margin: a run of flat records is one piece, any other item one."""
    while batch := list(islice(items, BATCH)):
        table = _table(batch, margin)
        if table is not None:
            yield table
            continue
        if _all_flat(batch):  # flat, with other keys: one piece all the same
            yield _records(cast("list[dict[str, Any]]", batch), margin)
            continue
        run: list[dict[str, Any]] = []
        for item in batch:
            if _flat(item):
                run.append(item)  # type: ignore[arg-type]
                continue
            if run:
                yield _records(run, margin)
                run = []
            yield _item(item, margin)
        if run:
            yield _records(run, margin)


def json_chunks(document: dict[str, object]) -> Iterator[str]:
    """The document as ``json.dumps(document, indent=2)`` writes it, plus a newline;
    a value that is an iterator (not a list) is written a batch of items at a time."""
    yield "{"
    for index, (key, value) in enumerate(document.items()):
        yield ("," if index else "") + "\n  " + _dumps(key) + ": "
        if isinstance(value, Iterator):
            empty = True
            for piece in _pieces(value, "    "):
                yield ("[\n    " if empty else ",\n    ") + piece
                empty = False
            yield "[]" if empty else "\n  ]"
        else:
            yield _item(value, "  ")
    yield "\n}\n" if document else "}\n"


def jsonl_chunks(records: Iterable[object]) -> Iterator[str]:
    """One compact JSON object per line."""
    for record in records:
        yield _dumps(record, None) + "\n"
