"""CSV and TSV: the hot loop that sums millions of rows, and plain rows for ``check``."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from itertools import chain, count, repeat
from operator import attrgetter, itemgetter
from typing import Any

from ..coverage import Finding
from ..errors import InputError, NumberError
from ..groups import Group
from .accumulate import add_row, label_totals, running_sums, to_groups
from .cells import grouped_pair, grouped_text, int_agrees, read_value
from .compiled import plain_rows as compiled_plain_rows
from .labels import plain_label
from .options import MAX_LINE, STDIN, ReadOptions
from .parallel import sum_parallel
from .source import LineTooLong, Source, decode_error, line_too_long, lines_of
from .table import Notes, Tally, find_header

COUNTS = ("enrolled", "potential")

csv.field_size_limit(MAX_LINE)


def _too_long(source: Source, line: int) -> InputError:
    return line_too_long(source.name, line, f"; is this really {source.format.upper()}?")


class Rows:
    """The rows of a CSV/TSV source as (cells, line) pairs, line being where the row ends.

    A piece of text with no quote character and no carriage return is split with
    str.split, in C, which is what csv.reader would make of it (no field can hold
    a delimiter or a line end) at about half the cost. From the first piece that
    holds either, csv.reader reads the rest, so a quoted field may span pieces.

    ``plain`` is True while the rows come from a piece of text that int() reads as the
    number parser does (``cells.int_agrees``: ASCII, no "_"): the read loop then
    need not ask each count cell. Once the read loop has seen grouped digits
    (``read_grouped``), ``grouped`` is True while, in such text, every ``separator``
    (the locale's thousands mark) groups digits as the number parser reads them
    (``cells.grouped_text``): the loop then reads such a count with each mark made
    "_" (int() reads "1_204"). A file in plain digits is never looked at so.
    ``signed`` is False while the text has no "-": no count can then be negative.
    With ``marking`` on (``read_grouped``), such a piece is split with every mark
    already made "_" (``marked``): int() then reads each count as it comes, and a
    label that holds a "_" held a mark ("Desa 1.200"), put back by the loop (the
    text had no "_" of its own). Only where the labels are one column, so that one
    test a row tells; a row the loop does not take goes the careful way as written.

    The sum loop reads ``pieces()`` (an iterator of rows for each piece of text, the
    flags set for it) and takes the flags once a piece, not once a row; ``lines``
    and ``first`` are the piece's lines as split, for the compiled plain loop.
    """

    def __init__(self, source: Source) -> None:
        self.source = source
        self.delimiter = source.delimiter or ","
        self.reader: Any = None  # the csv.reader, once one reads
        self.before = 0  # the lines before the csv.reader's first
        self.plain = False  # the rows being read come from text int() reads as the number parser does
        self.separator: str | None = None  # the thousands mark to look at, for ``grouped``
        self.grouped = False  # ... and where every such mark groups digits as the parser reads them
        self.signed = True  # the rows being read come from text that may hold a "-"
        self.marking = False  # split grouped pieces with their marks made "_"
        self.marked = False  # the rows being read are of such a piece
        self._piece = ""  # the text being read, until a separator is to be looked at
        self.lines: list[str] = []  # the lines of the piece being read, split from its text (not by csv.reader)
        self.first = 1  # the line number of the first of them

    def read_grouped(self, separator: str, marking: bool = False) -> bool:
        """Look at each piece of text for grouped digits, from the one being read on
        (whose ``grouped`` it returns); with ``marking``, split the next such pieces
        with their marks made "_"."""
        self.separator = separator
        self.marking = marking
        self.grouped = self.plain and grouped_text(self._piece, separator, self.delimiter)
        self._piece = ""
        return self.grouped

    def __iter__(self) -> Iterator[tuple[list[str], int]]:
        return chain.from_iterable(self.pieces())

    def pieces(self) -> Iterator[Iterator[tuple[list[str], int]]]:
        """The rows of each piece of text in turn, the flags set for a piece before its
        rows are asked for."""
        delimiter = self.delimiter
        chunks = self.source.chunks
        line = 1
        for chunk in chunks:
            if '"' in chunk or "\r" in chunk:
                self.plain = self.grouped = self.marked = False  # from here the csv.reader reads on
                self.signed = True
                self._piece = ""
                self.before = line - 1
                self.lines = []  # (the csv.reader's rows are not lines)
                self.reader = reader = csv.reader(lines_of(chain((chunk,), chunks)), delimiter=delimiter)
                yield zip(reader, map((line - 1).__add__, map(attrgetter("line_num"), repeat(reader))))
                return
            self.plain = int_agrees(chunk)  # set before its rows are read (chain asks for them after)
            separator = self.separator
            self.grouped = self.plain and separator is not None and grouped_text(chunk, separator, delimiter)
            self.signed = "-" in chunk
            self.marked = self.grouped and self.marking
            self._piece = chunk if separator is None else ""  # (for read_grouped)
            lines = (chunk.replace(separator, "_") if self.marked else chunk).split("\n")  # type: ignore[arg-type]
            if chunk.endswith("\n"):
                lines.pop()
            chunk = ""  # (memory: one piece is held at a time, as its lines, and as text until it is not needed)
            self.lines, self.first = lines, line
            yield zip(map(str.split, lines, repeat(delimiter)), count(line))
            line += len(lines)
            lines = self.lines = []

    def error(self, error: Exception, line: int) -> InputError:
        """The error for a read that failed after the row on line (0: before the first)."""
        source = self.source
        if isinstance(error, csv.Error):
            at = self.before + self.reader.line_num if self.reader is not None else line + 1
            return InputError(f"not valid {source.format.upper()}: {error}", source.name, at)
        if isinstance(error, UnicodeDecodeError):
            return decode_error(error, source, line + 1)
        return _too_long(source, line + 1)


READ_ERRORS = (csv.Error, LineTooLong, UnicodeDecodeError)


def csv_rows(source: Source) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) for each row of a CSV/TSV source, the header first."""
    rows = Rows(source)
    line = 0
    try:
        for cells, line in rows:
            yield line, cells
    except READ_ERRORS as error:
        raise rows.error(error, line) from None


def sum_csv(source: Source, options: ReadOptions, notes: Notes) -> tuple[list[Group], list[Finding]]:
    """Groups summed from a CSV/TSV source, and the findings on its total rows.

    The loop is the hot path for big files: a row of plain whole counts whose
    labels were seen before costs one dict lookup. The rest (the first row of each
    group, totals, blanks, footnotes, labels to fill down, bad cells) is decided
    in ``slow`` and by the ``Tally``.
    """
    rows = Rows(source)
    pieces = rows.pieces()
    reading: Iterator[tuple[list[str], int]] = iter(())  # the rows of the piece of text being read
    line = 0  # the line of the last row read

    def numbered() -> Iterator[tuple[int, list[str]]]:
        nonlocal line, reading
        for reading in pieces:
            for cells, line in reading:  # line: where an error that ends the loop is
                yield line, cells

    try:
        header_line, columns = find_header(
            numbered(), COUNTS, options.columns, source.name, notes, delimiter=source.delimiter
        )
    except READ_ERRORS as error:
        raise rows.error(error, line) from None
    line = header_line
    headers = columns.headers
    grouping = columns.grouping(options.group_by)
    width = len(headers)
    ie, ip = columns.where["enrolled"], columns.where["potential"]
    labels = [columns.where[f] for f in grouping]
    every, left_out = columns.label_columns(grouping)  # a total or a blank is told by every label column
    year = columns.where.get("year")
    years = [] if year is None else [year]  # the year cell ends each key: never summed across years
    tally = Tally(
        every, notes, lambda line, column: (source.name, line, column), headers, (ie, ip), year=year is not None
    )
    sums: dict = {}
    # The sums of every data row so far, to check total rows against: worked out from
    # the groups at the first row that is not data, and kept from then on (a file of
    # data rows alone does not pay for them row by row).
    counting = False
    run_enrolled = run_potential = 0

    def run() -> tuple[int, int]:
        nonlocal counting, run_enrolled, run_potential
        if not counting:
            counting = True
            run_enrolled, run_potential = running_sums(sums)
        return run_enrolled, run_potential

    if not years:  # a total row of one label ("Jumlah / Petani") is checked against that label's rows
        tally.label_sums = lambda column: label_totals(sums, labels.index(column)) if column in labels else None
    last: list[str] | None = None  # the cells of the last data row, its blank labels filled in
    ordinary = tally.ordinary  # for the label of the column --group-by leaves out (if it does)

    def slow(cells: list[str], line: int) -> tuple[object, int, int] | None:
        """(labels, enrolled, potential) of a row the fast path did not take; None
        for a row that is not data (blank, footnote, total: the Tally notes it)."""
        if not any(c.strip() for c in cells):
            return None
        if all(i >= len(cells) or not cells[i].strip() for i in (ie, ip)):
            tally.footnote(line, cells)  # "Sumber: BPS", a note: no counts, not data
            return None
        if len(cells) != width:
            raise InputError(f"expected {width} fields as in the header, found {len(cells)}", source.name, line)
        counts = []
        for index in (ie, ip):
            cell = cells[index]
            if cell.isdigit() and cell.isascii() and len(cell) <= 15:  # plain digits: as the fast path reads them
                counts.append(int(cell))
                continue
            try:
                counts.append(read_value(cell, options.locale, "count").count)
            except NumberError as error:
                if tally.repeats_header(line, cells, last is None):  # the header again, "(1) (2) ...", units
                    return None
                raise InputError(f"{headers[index].strip()}: {error.message}", source.name, line, index + 1) from None
        if (left_out is None or ordinary(cells[left_out])) and not tally.special_key(key_of(cells)):
            return key_of(cells), counts[0], counts[1]
        tally.last = None if last is None else tuple(str(last[i]).strip() for i in every)  # (UNNAMED)
        filled = tally.labels_of(cells, line)
        if filled is None:
            tally.not_a_group(line, cells, counts[0], counts[1], run())
            return None
        for i, text in zip(every, filled):
            cells[i] = text  # filled in: the next row's blanks take these
        return key_of(cells), counts[0], counts[1]

    # Counts written with the locale's thousands separator ("1.204" in id, "1,204" in
    # en): read without the general parser when both cells are that plain, and the
    # row's labels were seen before (a first row goes the slow way, for totals).
    separator = "." if options.locale == "id" else ","
    plain_grouped = re.compile(r"\d+|\d{1,3}(?:" + re.escape(separator) + r"\d{3})+", re.ASCII).fullmatch

    def grouped_row(cells: list[str]) -> tuple[object, int, int] | None:
        if len(cells) != width:
            return None
        first, second = cells[ie], cells[ip]
        if plain_grouped(first) is None or plain_grouped(second) is None:
            return None
        key = key_of(cells)
        if key not in sums or (left_out is not None and not ordinary(cells[left_out])):
            return None
        return key, int(first.replace(separator, "")), int(second.replace(separator, ""))

    # The labels as read (a cell, or a tuple of two): one C call per row. They are
    # trimmed once per group in to_groups, and merge joins what then matches.
    key_of = itemgetter(*labels, *years)
    if source.name != STDIN and source.format in ("csv", "tsv"):
        # A big plain file: every core, the same result (None: not for it, read it here).
        merged = sum_parallel(
            source, header_line, width, (ie, ip), [*labels, *years], len(labels), separator, options.jobs,
            left_out=left_out,
        )  # fmt: skip
        if merged is not None:
            year_at = None if year is None else (lambda line: (source.name, line, year + 1))
            return to_groups(merged, grouping, source.name, None, year_at), tally.findings
    # A table of two label columns summed by both (no year): its blank first labels are
    # filled down in the loop itself (the label columns by place: outer, then inner).
    pivot = tally.fill_in_loop and len(labels) == 2 and left_out is None and not years
    outer, inner = (min(every), max(every)) if pivot else (0, 0)
    in_groups = False  # True once a row shows grouped digits: counts are then read as such
    one_label = len(labels) == 1 and not years and left_out is None  # key_of gives the label itself
    other = None  # the last ordinary label of the column --group-by leaves out

    def new_group(key: object, enrolled: int, potential: int, line: int) -> bool:
        """A new group from a row of plain counts, asked once per group; False for a total
        or a blank label (to fill down, as in a pivot's first column): slow decides."""
        if tally.special_key(key):
            return False
        sums[key] = [enrolled, potential, line]
        return True

    # Rows of plain whole counts, in a piece of text that says int() reads them as the
    # parser does: summed by a loop compiled for the columns, up to the first row it
    # leaves to the loop below (a bad or grouped count, a label to ask about).
    # (Grouped digits "1.204" with one label column: the pieces split with marks made "_".)
    delimiter = rows.delimiter
    table_shape = (delimiter, width, (ie, ip), [*labels, *years], left_out, ordinary, new_group)
    plain_rows = compiled_plain_rows(*table_shape)
    marked_rows = compiled_plain_rows(*table_shape, marked=True) if one_label else plain_rows
    try:
        for piece in chain((reading,), pieces):  # the one the header is in, then the rest
            plain, grouped, signed, marked = rows.plain, rows.grouped, rows.signed, rows.marked  # (see Rows)
            if plain and (marked or not in_groups) and not counting and piece is not reading and rows.lines:
                lines, first = rows.lines, rows.first
                stop, other = (marked_rows if marked else plain_rows)(lines, first, signed, sums, other)
                if stop:
                    line = first + stop - 1
                    last = lines[stop - 1].split(delimiter)
                if stop == len(lines):
                    continue
                piece = zip(map(str.split, lines[stop:], repeat(delimiter)), count(first + stop))
            for cells, line in piece:
                try:
                    if len(cells) != width:
                        raise ValueError
                    if not plain and not (int_agrees(cells[ie]) and int_agrees(cells[ip])):
                        raise ValueError  # int() reads "\u0661\u0662" as 12, "12_04" as 1204: the parser decides
                    if not in_groups or marked:  # (marked: "1_204", as int() reads it)
                        enrolled = int(cells[ie])
                        potential = int(cells[ip])
                    elif grouped:  # every mark of this piece of text groups digits: int() reads "1_204"
                        enrolled = int(cells[ie].replace(separator, "_"))
                        potential = int(cells[ip].replace(separator, "_"))
                    else:
                        enrolled, potential = grouped_pair(cells[ie], cells[ip], separator)
                    if signed and (enrolled | potential) < 0:
                        raise ValueError
                    key = key_of(cells)
                    if marked and "_" in key:  # a mark in the label ("Desa 1.200"): put back
                        key = cells[labels[0]] = key.replace("_", separator)
                    if left_out is not None and cells[left_out] != other:  # asked where it changes
                        other = cells[left_out]
                        if not plain_label(other) and not ordinary(other):  # (plain_label: most, in one step)
                            other = None  # a total there ("Sumsel Total" under --group-by sector) is one all the same
                            raise ValueError
                    acc = sums.get(key)
                    if acc is None and pivot and not cells[outer] and last is not None and ordinary(cells[inner]):
                        # A pivot's blank first label under a filled one: filled down here, as slow would
                        # (most rows of such an export; the rest of what slow decides is asked above).
                        cells[outer] = last[outer]
                        tally.notes.filled.append(line)
                        key = key_of(cells)
                        acc = sums.get(key)
                    if acc is None:
                        if not new_group(key, enrolled, potential, line):  # a total, or labels to fill down
                            raise ValueError
                    else:
                        acc[0] += enrolled
                        acc[1] += potential
                except ValueError:
                    if marked:
                        cells = [cell.replace("_", separator) for cell in cells]  # as written
                    row = grouped_row(cells)
                    if row is not None:
                        in_groups = separator != source.delimiter
                        if in_groups and rows.separator is None:
                            # each piece, this one first, is looked at whole; with one label column,
                            # the next grouped ones split with their marks made "_" (see Rows)
                            grouped = rows.read_grouped(separator, marking=one_label)
                    else:
                        row = slow(cells, line)
                    if row is None:
                        continue
                    key, enrolled, potential = row
                    add_row(sums, key, enrolled, potential, line)
                if counting:
                    run_enrolled += enrolled
                    run_potential += potential
                last = cells
    except READ_ERRORS as error:
        raise rows.error(error, line) from None
    year_at = None if year is None else (lambda line: (source.name, line, year + 1))
    findings = tally.finish(run())  # (before to_groups, which spends sums)
    return to_groups(sums, grouping, source.name, None, year_at), findings
