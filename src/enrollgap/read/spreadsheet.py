"""Spreadsheets (.xlsx, .xlsm, .xls, .ods) through python-calamine, the optional
extra ``enrollgap[excel]``: a sheet becomes rows of cells, read like a table.

Numeric cells are numbers (a count must be whole: 1340000.0 is, 12.5 is not);
text cells are read in --locale. Errors name the cell: ``kec.xlsx:Rekap!C7``.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..errors import InputError, NumberError
from ..findings import Finding
from ..groups import Group
from ..text import quoted
from .accumulate import Layout, sum_rows, to_groups
from .cells import read_value
from .columns import Columns
from .header import find_header
from .merges import Range, ods_merges
from .notes import Notes
from .options import ReadOptions
from .places import Place, Places
from .sheet_xml import SheetCells, sheet_cells, too_sparse, used_area
from .source import Source

INSTALL = "pip install 'enrollgap[excel]'"
# A workbook is read whole; past these it is refused rather than allowed to fill
# the memory (a zip bomb unpacks a few kilobytes into gigabytes).
MAX_BYTES = 512 * 2**20
MAX_UNPACKED = 192 * 2**20  # (calamine holds about twice the XML it unpacks: 512 MiB at most in all)
# --sheet all: every visible sheet, each of the year its name holds.
ALL_SHEETS = "all"
# calamine reads at most this many rows of an .ods sheet, and says nothing of the rest.
ODS_ROWS = 1_048_576
MAX_RATIO = 200  # unpacked / packed; real workbooks stay far below (xml compresses 10-30x)
COUNTS = ("enrolled", "potential")


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


def _hidden(workbook: Any) -> set[str]:
    """The names of the workbook's hidden sheets (calamine's sheets_metadata says which)."""
    metadata = getattr(workbook, "sheets_metadata", ())
    return {sheet.name for sheet in metadata if str(sheet.visible).rpartition(".")[2].casefold() != "visible"}


def _sheet_name(workbook: Any, wanted: str | None, name: str, notes: Notes) -> str:
    """The name of the sheet --sheet asks for (a name, or a number from 1); by default the
    first visible one (a hidden sheet is never read unasked), named in a note where
    the workbook has others."""
    names = list(workbook.sheet_names)
    if not names:
        raise InputError("has no sheets", name)
    hidden = _hidden(workbook)
    if wanted is None:
        visible = [n for n in names if n not in hidden]
        if not visible:
            raise InputError(f"has only hidden sheets ({', '.join(map(quoted, names))}); name one with --sheet", name)
        if len(names) > 1:
            notes.sheets = [(n, n in hidden) for n in names if n != visible[0]]
            notes.sheets_of_years = sum(_year_in(n) is not None for n in visible) > 1
        return visible[0]
    if wanted in names:
        return wanted
    if wanted.isdigit() and 1 <= int(wanted) <= len(names):
        return names[int(wanted) - 1]
    raise InputError(f"--sheet {quoted(wanted)}: no such sheet (sheets: {', '.join(map(quoted, names))})", name)


def _refuse_sparse(cells: SheetCells, place: str) -> None:
    """A sheet whose cells span far more area than they fill (one cell at XFD1048576)
    is refused before any reader unpacks it: calamine would hold every cell of it."""
    try:
        rows, columns, size = used_area(cells.archive, cells.member)
    except Exception:  # zipfile cannot read it: calamine decides
        return
    if too_sparse(rows, columns, size):
        raise InputError(
            f"the sheet's cells span {rows:,} rows by {columns:,} columns, far more than its {size:,} bytes "
            "of data fill; delete the stray cells far from the table, or save the sheet as CSV",
            place,
        )
    if isinstance(cells.archive, io.BytesIO):
        cells.archive.seek(0)


class SheetPlaces(Places):
    """A sheet's rows by their number; a cell by its letter and number ("Rekap!C7")."""

    def __init__(self, place: str, first_column: int) -> None:
        super().__init__(place)
        self.first_column = first_column

    def ref(self, line: int, column: int) -> str:
        """The sheet's name for a cell: C7 for column 3 (from 1) of line 7."""
        return f"{column_letters(self.first_column + column)}{line}"

    def where(self, pos: object, column: int | None) -> Place:
        line = self.line(pos)
        return (f"{self.name}!{line if column is None else self.ref(line, column)}", None, None)

    def origin(self, pos: object) -> str:
        return f"{self.name}!{self.line(pos)}"


def sum_sheet(source: Source, options: ReadOptions, notes: Notes) -> tuple[list[Group], list[Finding]]:
    """Groups summed from the chosen sheet of a workbook (every sheet a year, with
    ``--sheet all``), and the findings on its total rows."""
    workbook, archive = _load(source)
    if options.sheet is not None and options.sheet.casefold() == ALL_SHEETS:
        return _sum_sheets(workbook, archive, source, options, notes)
    name = _sheet_name(workbook, options.sheet, source.name, notes)
    return _sum_one(workbook, archive, source, name, options, notes)


def _sum_sheets(
    workbook: Any, archive: Any, source: Source, options: ReadOptions, notes: Notes
) -> tuple[list[Group], list[Finding]]:
    """--sheet all: every visible sheet whose header names the table's fields, each
    sheet's rows of the year its name holds ("2023", "Des 2023", "Rekap 2024") unless
    its table has a year column of its own. Sheets without the header are named in a
    note; a sheet without a year, or two of one year, are an error naming them."""
    hidden = _hidden(workbook)
    groups: list[Group] = []
    findings: list[Finding] = []
    by_year: dict[int, str] = {}
    for name in (n for n in workbook.sheet_names if n not in hidden):
        year = _year_in(name)
        if year is not None and year in by_year:
            raise InputError(
                f"--sheet all: the sheets {quoted(by_year[year])} and {quoted(name)} are both of {year}; "
                "read one of them with --sheet NAME",
                source.name,
            )
        part = Notes(f"{source.name}:{name}")
        try:
            read = _sum_one(workbook, archive, source, name, options, part, year, all_sheets=True)
        except _NoHeader:
            notes.skipped_sheets.append(name)
            continue
        if year is not None:
            by_year[year] = name
        groups.extend(read[0])
        findings.extend(read[1])
        notes.parts.append(part)
    if not notes.parts:
        raise InputError("--sheet all: no sheet has a header naming the counts", source.name)
    return groups, findings


class _NoHeader(Exception):
    """With --sheet all: a sheet whose rows name no table (notes, a cover sheet)."""


def _year_in(name: str) -> int | None:
    """The year a sheet's name holds ("2023", "Des 2023", "Rekap_2024"), or None."""
    found = re.findall(r"(?<![0-9])(19[0-9]{2}|20[0-9]{2}|2100)(?![0-9])", name)
    return int(found[-1]) if len(set(found)) == 1 else None


def _sum_one(
    workbook: Any,
    archive: Any,
    source: Source,
    name: str,
    options: ReadOptions,
    notes: Notes,
    year: int | None = None,
    all_sheets: bool = False,
) -> tuple[list[Group], list[Finding]]:
    """Groups summed from one sheet; with ``year``, its rows of that year (unless its
    table has a year column of its own)."""
    cells = sheet_cells(archive, name) if source.format == "xlsx" else None  # error cells, formulas (sheet_xml)
    if cells is not None:
        _refuse_sparse(cells, f"{source.name}:{name}")
    try:
        sheet = workbook.get_sheet_by_name(name)
    except Exception as error:  # a sheet that is damaged inside an intact zip
        raise damaged(error, source) from None
    if source.format == "ods" and sheet.height >= ODS_ROWS:  # calamine stops there: the rest would be lost
        raise InputError(
            f"the sheet has {ODS_ROWS:,} rows or more, more than can be read from an .ods file; save it as CSV",
            f"{source.name}:{name}",
        )
    # The first used column: rows come from there on. Rows come from the sheet's first
    # row, though, empty ones too (calamine 0.4 and 0.9 alike), so a row's line is its own.
    first_column = sheet.start[1] if sheet.start else 0
    place = f"{source.name}:{sheet.name}"
    notes.source = place
    places = SheetPlaces(place, first_column)

    def rows() -> Iterator[tuple[int, list[object]]]:
        """The sheet's rows, numbered from 1; calamine's errors as one line."""
        try:
            yield from enumerate(sheet.iter_rows(), 1)
        except Exception as error:
            raise damaged(error, source) from None

    others = [n for n in workbook.sheet_names if n != sheet.name]
    how = (
        "--sheet NAME, or --sheet all for one a year"
        if sum(_year_in(n) is not None for n in others) > 1
        else "--sheet NAME"
    )
    hint = f"; other sheets: {', '.join(map(quoted, others))} ({how})" if others else ""
    stream: Iterator[tuple[int, list[object]]] = rows()
    try:
        _, columns = find_header(stream, COUNTS, options.columns, place, notes, lambda: hint)
    except InputError:
        if all_sheets:
            raise _NoHeader from None
        raise
    if all_sheets and "year" not in columns.where:
        if year is None:
            raise InputError(
                "--sheet all: the sheet's name holds no year (such as 'Rekap 2024') and its table no year column",
                place,
            )
        columns, stream = _with_year(columns, stream, year, options, place)
    layout = Layout.of(columns, options.group_by, strict_width=False)
    # Where label cells are merged over rows: calamine says, except for .ods (merges reads those).
    merged = ods_merges(archive, name) if source.format == "ods" else getattr(sheet, "merged_cell_ranges", None)
    below = _merged_labels(merged or (), layout.every, first_column)
    if below:
        stream = _filled_merges(stream, below, notes)
    lookup = None
    if cells is not None:
        problem = cells.problem
        lookup = lambda pos, column, value: problem(places.ref(pos, column + 1), value)  # noqa: E731
    sums, findings = sum_rows(stream, layout, _count, options.locale, notes, places, lookup)
    return to_groups(sums, layout, places), findings


def _with_year(
    columns: Columns, stream: Iterator[tuple[int, list[object]]], year: int, options: ReadOptions, place: str
) -> tuple[Columns, Iterator[tuple[int, list[object]]]]:
    """The sheet's columns and rows with a year column holding ``year`` after its last."""
    width = len(columns.headers)
    with_year = Columns([*columns.headers, "tahun"], options.columns, place)
    return with_year, ((pos, [*cells, *[""] * (width - len(cells)), year]) for pos, cells in stream)


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


def _filled_merges(
    rows: Iterator[tuple[int, list[object]]], below: dict[int, list[tuple[int, int]]], notes: Notes
) -> Iterator[tuple[int, list[object]]]:
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


def _count(value: object, locale: str) -> int:  # (a CountReader)
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
