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
            quotes = [0]  # the quote characters of the text csv.reader reads
            reader = csv.reader(lines_of(_counted(chain((chunk,), chunks), quotes)), delimiter=delimiter)
            yield _quoted(reader, line, source, quotes)
            return
    except READ_ERRORS as error:
        raise _error(error, source, line) from None


def _counted(pieces: Iterator[str], quotes: list[int]) -> Iterator[str]:
    for piece in pieces:
        quotes[0] += piece.count('"')
        yield piece


def _quoted(reader: Any, before: int, source: Source, quotes: list[int]) -> Iterator[tuple[int, list[str]]]:
    """The rows csv.reader reads, numbered by the line where each ends. A quote that
    opens a field and is never closed (csv.reader then reads the rest of the file into
    that field) is an error naming the line where the field opened: a row that spans
    lines is held back until the next row shows it was not the last."""
    line = before
    held: tuple[int, list[str], int] | None = None  # (its last line, cells, its first line)
    try:
        for cells in reader:
            first, line = line + 1, before + reader.line_num
            if held is not None:
                yield held[0], held[1]
                held = None
            if line > first and any("\n" in cell or "\r" in cell for cell in cells):
                held = (line, cells, first)
                continue
            yield line, cells
    except READ_ERRORS as error:
        if isinstance(error, csv.Error):
            line = before + reader.line_num - 1
        raise _error(error, source, line) from None
    if held is not None:
        if quotes[0] % 2:
            message = "a quote opens a field on this line and is not closed before the end of the file"
            raise InputError(message, source.name, held[2])
        yield held[0], held[1]


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
