"""CSV and TSV: text split into rows of cells, numbered by line.

A piece of text with no quote character (and no carriage return but in CRLF line
ends) is split with str.split, which is what csv.reader would make of it: no field
can hold a delimiter or a line end. From the first piece with a quote, csv.reader
reads the rest, so that a quoted field may span pieces.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from itertools import chain, count, repeat
from typing import Any

from ..errors import InputError
from ..findings import Finding
from ..groups import Group
from .accumulate import Layout, sum_rows, to_groups
from .cells import text_count
from .header import find_header
from .notes import Notes
from .options import MAX_LINE, ReadOptions
from .places import Places
from .source import LineTooLong, Source, decode_error, line_too_long, lines_of

COUNTS = ("enrolled", "potential")
READ_ERRORS = (csv.Error, LineTooLong, UnicodeDecodeError)

csv.field_size_limit(MAX_LINE)


def csv_rows(source: Source) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) for each row of a CSV/TSV source, the header first."""
    return chain.from_iterable(_pieces(source))


def _pieces(source: Source) -> Iterator[Iterator[tuple[int, list[str]]]]:
    """The rows of each piece of text in turn (a piece ends at a line end)."""
    delimiter = source.delimiter or ","
    chunks = source.chunks
    line = 0  # the lines before the piece
    try:
        for chunk in chunks:
            if '"' not in chunk and ("\r" not in chunk or chunk.count("\r") == chunk.count("\r\n")):
                lines = chunk.replace("\r\n", "\n").split("\n")
                if chunk.endswith("\n"):
                    lines.pop()
                yield zip(count(line + 1), map(str.split, lines, repeat(delimiter)))
                line += len(lines)
                continue
            reader = csv.reader(lines_of(chain((chunk,), chunks)), delimiter=delimiter)
            yield _quoted(reader, line, source)
            return
    except READ_ERRORS as error:
        raise _error(error, source, line) from None


def _quoted(reader: Any, before: int, source: Source) -> Iterator[tuple[int, list[str]]]:
    """The rows csv.reader reads, numbered by the line where each ends."""
    line = before
    try:
        for cells in reader:
            line = before + reader.line_num
            yield line, cells
    except READ_ERRORS as error:
        if isinstance(error, csv.Error):
            line = before + reader.line_num - 1
        raise _error(error, source, line) from None


def _error(error: Exception, source: Source, line: int) -> InputError:
    """The error for a read that failed after ``line`` (0: before the first)."""
    if isinstance(error, csv.Error):
        return InputError(f"not valid {source.format.upper()}: {error}", source.name, line + 1)
    if isinstance(error, UnicodeDecodeError):
        return decode_error(error, source, line + 1)
    return line_too_long(source.name, line + 1, f"; is this really {source.format.upper()}?")


def sum_csv(source: Source, options: ReadOptions, notes: Notes) -> tuple[list[Group], list[Finding]]:
    """Groups summed from a CSV/TSV source, and the findings on its total rows."""
    rows = csv_rows(source)
    _, columns = find_header(rows, COUNTS, options.columns, source.name, notes, delimiter=source.delimiter)
    layout = Layout.of(columns, options.group_by, strict_width=True)
    places = Places(source.name)
    sums, findings = sum_rows(rows, layout, text_count, options.locale, notes, places)
    return to_groups(sums, layout, places), findings
