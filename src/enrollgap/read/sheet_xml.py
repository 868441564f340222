"""What calamine does not say of an .xlsx sheet's cells, read from the sheet's XML.

calamine reads an error cell (``#N/A``, ``#REF!``, ``#DIV/0!``: a VLOOKUP that
found nothing) as an empty cell, and a formula saved without its value as an
empty cell. A spreadsheet app saves each formula with its last value; openpyxl
saves none, and XlsxWriter saves 0 and marks the workbook to be calculated in
full when opened (``fullCalcOnLoad``), which only an app does. So where a count
cell reads empty (or 0, in a workbook so marked), the sheet's XML says whether
it is an error cell or a formula without a worked-out value. Element names may
carry a namespace prefix (``x:c``, ``x:f``, ``x:calcPr``, as the Open XML SDK
writes them). The sheet is scanned once, as a stream, when a cell first asks.
"""

from __future__ import annotations

import html
import io
import posixpath
import re
import zipfile
from collections import deque
from typing import Literal

_CALC_ON_LOAD = re.compile(rb'<(?:[\w.-]+:)?calcPr\b[^>]*\bfullCalcOnLoad="(?:1|true)"')
_ATTRIBUTE = re.compile(rb'([\w:]+)="([^"]*)"')
_SHEET = re.compile(rb"<(?:[\w.-]+:)?sheet\b[^>]*>")
_RELATIONSHIP = re.compile(rb"<(?:[\w.-]+:)?Relationship\b[^>]*>")
_CELL = re.compile(rb"<(?:[\w.-]+:)?c\b")
_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
_ERROR_TYPE = re.compile(rb'\bt="e"')
_FORMULA = re.compile(rb"<(?:[\w.-]+:)?f\b")
_VALUE = re.compile(rb"<(?:[\w.-]+:)?v>([^<]*)<")
_STEP = 2**16  # bytes of sheet XML unpacked at a time

# What a cell is that calamine read as empty: an error cell (with its error), or a
# formula whose value was never worked out.
Problem = tuple[Literal["error", "formula"], str]


def _last_cell_start(text: bytes) -> int | None:
    """Where the last cell element of ``text`` starts (looked for near the end first)."""
    for start in (max(len(text) - 4096, 0), 0):
        last = deque(_CELL.finditer(text, start), maxlen=1)
        if last:
            return last[0].start()
    return None


def _attributes(tag: bytes) -> dict[str, str]:
    return {key.decode(): html.unescape(value.decode("utf-8", "replace")) for key, value in _ATTRIBUTE.findall(tag)}


class SheetCells:
    """The error cells and (in a workbook marked to be calculated on load) the formula
    cells of one sheet of an .xlsx workbook."""

    def __init__(self, archive: str | io.BytesIO, member: str, calc_on_load: bool) -> None:
        self.archive = archive
        self.member = member
        self.calc_on_load = calc_on_load
        self.cells: dict[str, Problem] | None = None  # "C3": what it is, once the sheet is scanned

    def problem(self, ref: str, value: object) -> Problem | None:
        """What the cell at ``ref`` is, when calamine read it as ``value`` (empty or 0)."""
        if value != "" and not self.calc_on_load:  # a 0 that a spreadsheet app saved is a 0
            return None
        if self.cells is None:
            self.cells = self._scan()
        return self.cells.get(ref)

    def _scan(self) -> dict[str, Problem]:
        cells: dict[str, Problem] = {}
        try:
            with zipfile.ZipFile(self.archive) as archive, archive.open(self.member) as stream:
                carry = b""  # from the last cell's start on: it may go on in the next block
                while block := stream.read(_STEP):
                    text = carry + block
                    last = _last_cell_start(text)
                    if last is None:  # no cell starts here: all of it goes with the carried one
                        carry = text
                        continue
                    text, carry = text[:last], text[last:]
                    self._add(text, cells)
                self._add(carry, cells)
        except Exception:  # zipfile and zlib fail in many ways: calamine read the workbook, so nothing is known
            return {}
        return cells

    def _add(self, text: bytes, cells: dict[str, Problem]) -> None:
        """The error and formula cells among the whole cells of ``text`` (a block with
        neither is passed over at once)."""
        if b't="e"' in text or b"<f" in text or b":f" in text:  # (an error cell, or a formula, maybe prefixed)
            self._add_cells(text, cells)

    def _add_cells(self, text: bytes, cells: dict[str, Problem]) -> None:
        starts = [m.start() for m in _CELL.finditer(text)]
        for start, end in zip(starts, [*starts[1:], len(text)]):
            cell = text[start:end]
            tag, _, body = cell.partition(b">")
            ref = _REF.search(tag)
            if ref is None:
                continue
            if _ERROR_TYPE.search(tag):
                value = _VALUE.search(body)
                cells[ref.group(1).decode()] = ("error", value.group(1).decode("utf-8", "replace") if value else "")
            elif _FORMULA.search(body) and (self.calc_on_load or _VALUE.search(body) is None):
                cells[ref.group(1).decode()] = ("formula", "")  # no value saved, or one to be worked out


# A reader holds a sheet's whole used area (every cell from the first used to the last,
# about 32 bytes each): a sheet whose area would take more than this, and more than
# AREA_RATIO times its own XML, holds far more emptiness than data and is refused.
AREA_BYTES = 64 * 2**20
AREA_RATIO = 50
CELL_BYTES = 32
_CELL_REF = re.compile(rb'\sr="([A-Z]{1,3})([0-9]{1,7})"')  # a cell's reference (a row's has no letters)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def used_area(archive: str | io.BytesIO, member: str) -> tuple[int, int, int]:
    """(rows, columns, bytes of XML) of the area a sheet's cells span, read from the
    XML as a stream, before any reader unpacks it into cells."""
    rows: set[bytes] = set()
    columns: set[bytes] = set()
    size = 0
    with zipfile.ZipFile(archive) as book, book.open(member) as stream:
        carry = b""
        while block := stream.read(_STEP):
            size += len(block)
            text = carry + block
            cut = text.rfind(b"<")
            text, carry = text[:cut], text[cut:]
            found = _CELL_REF.findall(text)
            if found:
                letters, digits = zip(*found)
                columns.update(letters)
                rows.update(digits)
        for letters_, digits_ in _CELL_REF.findall(carry):
            columns.add(letters_)
            rows.add(digits_)
    if not rows:
        return 0, 0, size
    numbers = list(map(int, rows))
    column_numbers = list(map(_column_number, columns))
    return max(numbers) - min(numbers) + 1, max(column_numbers) - min(column_numbers) + 1, size


def too_sparse(rows: int, columns: int, size: int) -> bool:
    """True for an area that would take more memory than the data in it justifies."""
    needed = rows * columns * CELL_BYTES
    return needed > AREA_BYTES and needed > AREA_RATIO * size


def sheet_cells(archive: str | io.BytesIO, sheet: str) -> SheetCells | None:
    """The cell lookup for a sheet of an .xlsx workbook; None where the workbook is not
    one zipfile can read (calamine then decides)."""
    try:
        with zipfile.ZipFile(archive) as book:
            workbook = book.read("xl/workbook.xml")
            ids = [_attributes(tag) for tag in _SHEET.findall(workbook)]
            wanted = next((a for a in ids if a.get("name") == sheet), None)
            rid = next((v for k, v in (wanted or {}).items() if k == "id" or k.endswith(":id")), None)
            relations = [_attributes(tag) for tag in _RELATIONSHIP.findall(book.read("xl/_rels/workbook.xml.rels"))]
            target = next((r.get("Target") for r in relations if r.get("Id") == rid), None)
    except Exception:  # not an xlsx, or a zip that zipfile cannot read (a newer version, ...): calamine decides
        return None
    if target is None:
        return None
    member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
    if isinstance(archive, io.BytesIO):
        archive.seek(0)
    return SheetCells(archive, member, bool(_CALC_ON_LOAD.search(workbook)))
