"""CSV and TSV out: a header row, then one row per record, written as they come."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

# A cell a spreadsheet would run as a formula starts with one of these (OWASP).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# What csv.writer already writes as cell() would (bool is not int here: type() is exact).
_AS_WRITTEN = frozenset((int, float, type(None)))


def cell(value: object) -> str:
    """A CSV/TSV cell: numbers plain, null empty, text that a spreadsheet would run
    as a formula neutralized with a leading single quote."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_START) else value
    return str(value)


def delimited_chunks(fields: Sequence[str], rows: Iterable[dict[str, Any]], delimiter: str) -> Iterator[str]:
    """Rows as CSV (delimiter ",") or TSV ("\\t"), header row first, in chunks of text."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(fields)
    for count, row in enumerate(rows, 1):
        # csv writes numbers as str() does and None as "": only text and booleans need cell()
        writer.writerow([v if type(v) in _AS_WRITTEN else cell(v) for v in map(row.get, fields)])
        if count % 4096 == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()
