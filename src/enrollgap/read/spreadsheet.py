"""Spreadsheets (.xlsx, .xlsm, .xls, .ods) through python-calamine, the optional
extra ``enrollgap[excel]``: a sheet becomes rows of cells, read like a table.

Numeric cells are numbers (a count must be whole: 1340000.0 is, 12.5 is not);
text cells are read in --locale. Errors name the cell: ``kec.xlsx:Rekap!C7``.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, count, islice
from operator import itemgetter

from ..coverage import Finding
from ..errors import InputError, NumberError
from ..groups import Group
from ..text import quoted
from .accumulate import add_row, label_totals, to_groups
from .cells import read_value
from .formulas import uncalculated
from .merges import Range, ods_merges
from .options import ReadOptions
from .source import Source
from .table import Notes, Tally, find_header

INSTALL = "pip install 'enrollgap[excel]'"
# A workbook is read whole; past these it is refused rather than allowed to fill
# the memory (a zip bomb unpacks a few kilobytes into gigabytes).
MAX_BYTES = 512 * 2**20
MAX_UNPACKED = 2 * 2**30
MAX_RATIO = 200  # unpacked / packed; real workbooks stay far below (xml compresses 10-30x)
COUNTS = ("enrolled", "potential")
BATCH = 4096  # rows taken from calamine at a time


def column_letters(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _load(source: Source):  # -> (python_calamine.CalamineWorkbook, the file's path or bytes)
    try:
        import python_calamine
    except ImportError:
        raise InputError(
            f"is a spreadsheet ({source.format}); reading spreadsheets needs the excel extra: {INSTALL}", source.name
        ) from None
    assert source.raw is not None
    try:
        if source.path is not None:  # a file: calamine reads it itself, no copy in memory
            size = os.fstat(source.raw.fileno()).st_size
            _refuse_bombs(source.path, size, source.name)
            return python_calamine.CalamineWorkbook.from_path(source.path), source.path
        data = source.head + source.raw.read(MAX_BYTES + 1 - len(source.head))
        if len(data) > MAX_BYTES:
            raise InputError(
                f"is a spreadsheet larger than {MAX_BYTES // 2**20} MiB; save the sheet as CSV", source.name
            )
        _refuse_bombs(io.BytesIO(data), len(data), source.name)
        return python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)), io.BytesIO(data)
    except InputError:
        raise
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", source.name) from None
    except python_calamine.PasswordError:
        raise InputError("is a password-protected workbook; save an unprotected copy", source.name) from None
    except Exception as error:  # calamine's errors for damaged files come in several types
        raise damaged(error, source) from None


def damaged(error: Exception, source: Source) -> InputError:
    """The one line for a workbook calamine cannot read, whatever its error's type."""
    text = str(error).splitlines()[0] if str(error).strip() else type(error).__name__
    return InputError(f"cannot be read as a spreadsheet ({source.format}): {text}", source.name)


def _refuse_bombs(data: str | io.BytesIO, size: int, name: str) -> None:
    """A zip-based workbook whose parts unpack to far more than it holds is refused
    (read from the zip's directory, before anything is unpacked)."""
    try:
        with zipfile.ZipFile(data) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except Exception:  # a damaged zip (BadZipFile, NotImplementedError, ...): calamine says so
        return
    if unpacked > MAX_UNPACKED or unpacked > MAX_RATIO * max(size, 1) + 2**20:
        raise InputError(f"unpacks to {unpacked // 2**20} MiB from {size // 2**10} KiB; refused as a zip bomb", name)


def _sheet_name(workbook, wanted: str | None, name: str) -> str:
    """The name of the sheet --sheet asks for (a name, or a number from 1); the first by default."""
    names = list(workbook.sheet_names)
    if not names:
        raise InputError("has no sheets", name)
    if wanted is None:
        return names[0]
    if wanted in names:
        return wanted
    if wanted.isdigit() and 1 <= int(wanted) <= len(names):
        return names[int(wanted) - 1]
    raise InputError(f"--sheet {quoted(wanted)}: no such sheet (sheets: {', '.join(map(quoted, names))})", name)


def _text(value: object) -> str:
    """A cell as the header search and labels see it."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def sum_sheet(source: Source, options: ReadOptions, notes: Notes) -> tuple[list[Group], list[Finding]]:
    """Groups summed from the chosen sheet of a workbook, and the findings on its total rows."""
    workbook, archive = _load(source)
    name = _sheet_name(workbook, options.sheet, source.name)
    formulas = uncalculated(archive, name)  # None unless a program wrote it (see formulas)
    if formulas is not None:
        formulas.start()  # scanned while calamine reads the sheet, which lets go of the GIL
    try:
        sheet = workbook.get_sheet_by_name(name)
    except Exception as error:  # a sheet that is damaged inside an intact zip
        raise damaged(error, source) from None
    # The first used column: rows come from there on. Rows come from the sheet's first
    # row, though, empty ones too (calamine 0.4 and 0.9 alike), so a row's line is its own.
    first_column = sheet.start[1] if sheet.start else 0
    place = f"{source.name}:{sheet.name}"
    notes.source = place

    def cell(line: int, column: int) -> str:
        """The sheet's name for a cell: C7 for column 3 (from 1) of line 7."""
        return f"{column_letters(first_column + column)}{line}"

    def where(line: int, column: int | None) -> tuple[str, int | None, int | str | None]:
        if column is None:
            return (f"{place}!{line}", None, None)
        return (f"{place}!{cell(line, column)}", None, None)

    def batches() -> Iterator[list[list]]:
        """The sheet's rows, a batch at a time (the read loop then steps a generator
        once a batch, not once a row); calamine's errors as one line."""
        rows = sheet.iter_rows()
        try:
            while batch := list(islice(rows, BATCH)):
                yield batch
        except Exception as error:
            raise damaged(error, source) from None

    others = [n for n in workbook.sheet_names if n != sheet.name]
    hint = f"; other sheets: {', '.join(map(quoted, others))} (--sheet NAME)" if others else ""
    stream: Iterator[tuple[int, list]] = zip(count(1), chain.from_iterable(batches()))  # (line, cells)
    _, columns = find_header(stream, COUNTS, options.columns, place, notes, lambda: hint)
    grouping = columns.grouping(options.group_by)
    ie, ip = columns.where["enrolled"], columns.where["potential"]
    labels = [columns.where[f] for f in grouping]
    every, left_out = columns.label_columns(grouping)  # a total or a blank is told by every label column
    year = columns.where.get("year")
    years = [] if year is None else [year]  # the year cell ends each key: never summed across years
    tally = Tally(every, notes, where, columns.headers, (ie, ip), year=year is not None)
    # Where label cells are merged over rows: calamine says, except for .ods (merges reads those).
    merged = ods_merges(archive, name) if source.format == "ods" else getattr(sheet, "merged_cell_ranges", None)
    stream = _unmerged(stream, _merged_labels(merged or (), every, first_column), notes)
    sums: dict = {}
    run_enrolled = run_potential = 0
    if not years:  # a total row of one label ("Jumlah / Petani") is checked against that label's rows
        tally.label_sums = lambda column: label_totals(sums, labels.index(column)) if column in labels else None

    def slow(line: int, cells: list) -> tuple[object, int, int] | None:
        """(labels, enrolled, potential) of a row the fast path did not take; None for
        a row that is not data (blank, footnote, total: the Tally notes it)."""
        if formulas is not None:
            unworked = [
                i for i in (ie, ip) if i < len(cells) and not cells[i] and formulas.holds_formula(cell(line, i + 1))
            ]
            if unworked:
                if tally.unworked(line, [_text(c) for c in cells], (run_enrolled, run_potential)):
                    return None  # a total or an average whose value was never worked out
                raise InputError(
                    f"{columns.headers[unworked[0]].strip()}: a formula whose value was never worked out (a program "
                    "wrote the workbook and left it to be calculated when opened); open and save it in a "
                    "spreadsheet app, or save the sheet as CSV",
                    *where(line, unworked[0] + 1),
                )
        texts = [_text(c) for c in cells]
        if not any(t.strip() for t in texts):
            return None
        if all(i >= len(cells) or not texts[i].strip() for i in (ie, ip)):
            tally.footnote(line, texts)
            return None
        counts = []
        for index in (ie, ip):
            try:
                counts.append(_count(cells[index] if index < len(cells) else None, options.locale))
            except NumberError as error:
                if tally.repeats_header(line, texts, last is None):  # the header again, "(1) (2) ...", units
                    return None
                raise InputError(
                    f"{columns.headers[index].strip()}: {error.message}", *where(line, index + 1)
                ) from None
        key: tuple = tuple(texts[i].strip() if i < len(cells) else "" for i in labels)
        # (the label of a column --group-by leaves out may be a total too)
        left_out_ordinary = left_out is None or (left_out < len(cells) and tally.ordinary(texts[left_out]))
        if left_out_ordinary and not tally.special_key(key):
            return key_for(key, cells), counts[0], counts[1]
        tally.last = None if last is None else tuple(_text(last[i]).strip() if i < len(last) else "" for i in every)
        filled = tally.labels_of(texts, line)
        if filled is None:
            tally.not_a_group(line, texts, counts[0], counts[1], (run_enrolled, run_potential))
            return None
        for i, text in zip(every, filled):
            if i < len(cells):
                cells[i] = text  # filled in: the next row's blanks take these
        return key_for(tuple(filled[every.index(i)] for i in labels), cells), counts[0], counts[1]

    def key_for(labelled: tuple, cells: list) -> object:
        """The key rows are summed by: the labels (and the year cell), one alone as itself."""
        key = (*labelled, *(cells[i] if i < len(cells) else None for i in years))
        return key if len(key) > 1 else key[0]

    # A table of two label columns summed by both (no year): its blank first labels are
    # filled down in the loop itself for groups seen before (Tally.fill_in_loop).
    pivot = tally.fill_in_loop and len(labels) == 2 and left_out is None and not years
    outer, inner = (min(every), max(every)) if pivot else (0, 0)
    # Label keys as the fast path reads them: a cell for one label column, a tuple for two.
    key_of = itemgetter(*labels, *years)
    last: list | None = None  # the cells of the last data row, its blank labels filled in
    # A count of 0 in a workbook a program wrote may be a formula's stand-in value: slow asks.
    least = 0.5 if formulas is not None else 0
    other = None  # the last ordinary label of the column --group-by leaves out
    for line, cells in stream:
        # The fast path: whole numbers in the count cells, labels seen before.
        filled = False
        try:
            key = key_of(cells)
            acc = sums[key]
            enrolled, potential = cells[ie], cells[ip]
            if left_out is not None and cells[left_out] != other:  # asked where it changes
                if tally.ordinary(cells[left_out]):
                    other = cells[left_out]
                else:
                    acc = None  # a total there ("Sumsel Total" under --group-by sector) is one all the same
        except LookupError:  # a short row (IndexError), a group's first row (KeyError)
            acc = None
            if pivot and last is not None and cells[outer] == "" and tally.ordinary(cells[inner]):
                # A pivot's blank first label under a filled one (most rows of such an export):
                # filled down here for a group seen before; undone below if the row goes to slow.
                cells[outer] = last[outer]
                filled = True
                acc = sums.get(key_of(cells))
                enrolled, potential = cells[ie], cells[ip]
        if (
            acc is not None
            and type(enrolled) is float
            and type(potential) is float
            and enrolled.is_integer()
            and potential.is_integer()
            and enrolled >= least
            and potential >= least
        ):
            enrolled, potential = int(enrolled), int(potential)
            acc[0] += enrolled
            acc[1] += potential
            if filled:
                tally.notes.filled.append(line)
        else:
            if filled:
                cells[outer] = ""  # slow fills it, and decides all else
            row = slow(line, cells)
            if row is None:
                continue
            key, enrolled, potential = row
            add_row(sums, key, enrolled, potential, line)
        run_enrolled += enrolled
        run_potential += potential
        last = cells
    year_at = None if year is None else (lambda line: where(line, year + 1))
    findings = tally.finish((run_enrolled, run_potential))  # (before to_groups, which spends sums)
    return to_groups(sums, grouping, place, lambda line: f"{place}!{line}", year_at), findings


def _merged_labels(
    merged: Iterable[Range], columns: Sequence[int], first_column: int
) -> dict[int, list[tuple[int, int]]]:
    """Where a label cell is merged over the rows below it ("Petani" over two rows):
    {line: [(column, line of the merged cell's text), ...]} for the rows below (lines
    are the sheet's rows from 1; columns count from the sheet's first used one)."""
    below: dict[int, list[tuple[int, int]]] = {}
    for (top, left), (bottom, right) in merged:
        for column in range(left - first_column, right - first_column + 1):
            if column in columns:
                for line in range(top + 2, bottom + 2):
                    below.setdefault(line, []).append((column, top + 1))
    return below


def _unmerged(
    rows: Iterator[tuple[int, list]], below: dict[int, list[tuple[int, int]]], notes: Notes
) -> Iterator[tuple[int, list]]:
    """The rows with a merged label cell's text in every row it covers (calamine gives
    it to the first alone, and the others read as blank labels); noted as filled.
    Without merged labels, the rows themselves (no step more a row)."""
    return _filled_merges(rows, below, notes) if below else rows


def _filled_merges(
    rows: Iterator[tuple[int, list]], below: dict[int, list[tuple[int, int]]], notes: Notes
) -> Iterator[tuple[int, list]]:
    tops = {top for spans in below.values() for _, top in spans}
    texts: dict[tuple[int, int], object] = {}  # (line, column) -> the merged cell's text
    for line, cells in rows:
        spans = below.get(line)
        if spans:
            for column, top in spans:
                if column < len(cells) and cells[column] in ("", None) and (top, column) in texts:
                    cells[column] = texts[top, column]
            notes.filled.append(line)
        if line in tops:
            texts.update(((line, column), cells[column]) for column in range(len(cells)))
        yield line, cells


def _count(value: object, locale: str) -> int:
    """A count from a cell: a whole number, or text read in the locale."""
    if isinstance(value, bool):
        raise NumberError(f"read {value}, expected a count")
    if isinstance(value, int):
        if value < 0:
            raise NumberError(f"read {value}, expected a count, which cannot be negative")
        return value
    if isinstance(value, float):
        if not value.is_integer() or value < 0:
            raise NumberError(f"read {value:g}, expected a whole, non-negative count")
        return int(value)
    if isinstance(value, str):
        if not value.strip():  # (calamine reads an error cell, #N/A or #REF!, as empty too)
            raise NumberError("read an empty cell (or an error such as #N/A), expected a count")
        return read_value(value, locale, "count").count
    shown = "nothing" if value is None or value == "" else quoted(str(value))
    raise NumberError(f"read {shown}, expected a count")
