"""CSV and TSV: the hot loop that sums millions of rows, and plain rows for ``check``."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from operator import itemgetter

from ..errors import InputError, NumberError
from ..groups import Group
from .accumulate import to_groups
from .cells import read_value
from .columns import Columns
from .source import MAX_LINE, LineTooLong, ReadOptions, Source, decode_error, line_too_long

csv.field_size_limit(MAX_LINE)


def _too_long(source: Source, line: int) -> InputError:
    return line_too_long(source.name, line, f"; is this really {source.format.upper()}?")


def csv_rows(source: Source) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) for each row of a CSV/TSV source, the header first."""
    reader = csv.reader(source.text, delimiter=source.delimiter or ",", strict=False)
    try:
        for cells in reader:
            yield reader.line_num, cells
    except csv.Error as error:
        raise InputError(f"not valid {source.format.upper()}: {error}", source.name, reader.line_num + 1) from None
    except LineTooLong:
        raise _too_long(source, reader.line_num + 1) from None
    except UnicodeDecodeError as error:
        raise decode_error(error, source, reader.line_num + 1) from None


def sum_csv(source: Source, options: ReadOptions) -> list[Group]:
    """Groups summed from a CSV/TSV source. The loop is the hot path for big files."""
    reader = csv.reader(source.text, delimiter=source.delimiter or ",")
    try:
        headers = next(reader, None)
    except LineTooLong:
        raise _too_long(source, 1) from None
    except UnicodeDecodeError as error:
        raise decode_error(error, source, 1) from None
    except csv.Error as error:
        raise InputError(f"not valid {source.format.upper()}: {error}", source.name, 1) from None
    if headers is None:
        raise InputError("is empty; expected a header row and data rows", source.name)
    columns = Columns(headers, options.columns, source.name)
    columns.require(("enrolled", "potential"))
    grouping = columns.grouping(options.group_by)
    width = len(headers)
    ie, ip = columns.where["enrolled"], columns.where["potential"]
    labels = [columns.where[f] for f in grouping]
    sums: dict = {}

    def slow(cells: list[str], line: int) -> tuple[int, int] | None:
        """Counts of a row the fast path could not read, or None for a blank row."""
        if not any(c.strip() for c in cells):
            return None
        if len(cells) != width:
            raise InputError(f"expected {width} fields as in the header, found {len(cells)}", source.name, line)
        counts = []
        for index in (ie, ip):
            try:
                counts.append(read_value(cells[index], options.locale, "count").count)
            except NumberError as error:
                raise InputError(f"{headers[index].strip()}: {error.message}", source.name, line, index + 1) from None
        return counts[0], counts[1]

    # The labels as read (a cell, or a tuple of two): one C call per row. They are
    # trimmed once per group in to_groups, and merge joins what then matches.
    key_of = itemgetter(*labels)
    try:
        for cells in reader:
            try:
                if len(cells) != width:
                    raise ValueError
                enrolled = int(cells[ie])
                potential = int(cells[ip])
                if enrolled < 0 or potential < 0:
                    raise ValueError
            except ValueError:
                counts = slow(cells, reader.line_num)
                if counts is None:
                    continue
                enrolled, potential = counts
            key = key_of(cells)
            acc = sums.get(key)  # accumulate.add_row, inlined: this runs once per row
            if acc is None:
                sums[key] = [enrolled, potential, reader.line_num]
            else:
                acc[0] += enrolled
                acc[1] += potential
    except csv.Error as error:
        raise InputError(f"not valid {source.format.upper()}: {error}", source.name, reader.line_num) from None
    except LineTooLong:
        raise _too_long(source, reader.line_num + 1) from None
    except UnicodeDecodeError as error:
        raise decode_error(error, source, reader.line_num + 1) from None
    return to_groups(sums, grouping, source.name)
