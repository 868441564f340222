"""Published cases for ``check``: one per row, counts and percentage as written."""

from __future__ import annotations

from collections.abc import Iterator

from ..consistency import Case
from ..errors import InputError, NumberError
from ..text import join_label
from .cells import read_label, read_value
from .columns import ALIASES
from .delimited import csv_rows
from .header import find_header
from .jsonrows import json_rows
from .notes import Notes
from .options import ReadOptions
from .source import Source

NEEDED = ("enrolled", "potential", "reported")
KINDS = (("enrolled", "count"), ("potential", "count"), ("reported", "percent"))


# (line, {field: (raw value, column)}) for each row of a source.
Records = Iterator[tuple[int, dict[str, tuple[object, int]]]]


def _csv_records(source: Source, options: ReadOptions) -> Records:
    rows = csv_rows(source)
    _, columns = find_header(rows, NEEDED, options.columns, source.name, Notes(source.name), delimiter=source.delimiter)
    headers = columns.headers
    counts = [columns.where[f] for f in NEEDED]
    for line, cells in rows:
        if not any(c.strip() for c in cells):
            continue
        if all(i >= len(cells) or not cells[i].strip() for i in counts):
            continue  # a footnote: no figures to check
        if len(cells) != len(headers):
            raise InputError(f"expected {len(headers)} fields as in the header, found {len(cells)}", source.name, line)
        yield line, {f: (cells[i], i + 1) for f, i in columns.where.items()}


def _json_records(source: Source, options: ReadOptions) -> Records:
    for line, column, row in json_rows(source, options):
        for field in NEEDED:
            if field not in row:
                raise InputError(f"no {field} key (or one of {', '.join(ALIASES[field])})", source.name, line, column)
        yield line, {f: (v, column) for f, v in row.items()}


def cases(source: Source, options: ReadOptions) -> Iterator[Case]:
    """The cases of an opened source, in input order."""
    if source.is_sheet:  # a percentage cell holds 0.0363 for 3,63%, and calamine cannot tell which
        raise InputError(
            f"check reads CSV, TSV, JSON and JSON Lines, not a workbook ({source.format}): a percentage cell may "
            "hold 0.0363 for 3,63%; save the sheet as CSV",
            source.name,
        )
    records = _csv_records(source, options) if source.format in ("csv", "tsv") else _json_records(source, options)
    for line, record in records:
        values = {}
        for field, kind in KINDS:
            raw, column = record[field]
            try:
                values[field] = read_value(raw, options.locale, kind)
            except NumberError as error:
                raise InputError(f"{field}: {error.message}", source.name, line, column) from None
        fields = ("label",) if "label" in record else ("region", "sector")
        parts = [read_label(record[f][0]) for f in (*fields, "year") if f in record]  # a year is part of the label
        label = join_label(*(p for p in parts if p)) or None
        yield Case(label, values["enrolled"], values["potential"], values["reported"], f"{source.name}:{line}")
