"""Formula cells that a program wrote into a workbook without their values.

A spreadsheet app saves each formula with its last value, and calamine reads that
value. XlsxWriter saves 0 instead and openpyxl saves none (read as an empty
cell); both mark the workbook to be calculated in full when it is opened
(``fullCalcOnLoad``), which only an app does. So in a workbook so marked, a count
of 0 or an empty count is looked up here: a formula there has no value to read.

Only .xlsx/.xlsm (the zip's XML) is looked at; a sheet is scanned once, as a
stream, when a count first asks.
"""

from __future__ import annotations

import html
import io
import posixpath
import re
import zipfile

_CALC_ON_LOAD = re.compile(rb'<calcPr\b[^>]*\bfullCalcOnLoad="(?:1|true)"')
_ATTRIBUTE = re.compile(rb'([\w:]+)="([^"]*)"')
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
_STEP = 2**16  # bytes of sheet XML unpacked at a time (64 KiB: faster than 1 MiB, which leaves the cache)


def _attributes(tag: bytes) -> dict[str, str]:
    return {key.decode(): html.unescape(value.decode("utf-8", "replace")) for key, value in _ATTRIBUTE.findall(tag)}


class Uncalculated:
    """The formula cells of one sheet of a workbook marked to be calculated on load."""

    def __init__(self, archive: str | io.BytesIO, member: str) -> None:
        self.archive = archive
        self.member = member
        self.cells: set[str] | None = None  # "C3", ... once the sheet is scanned

    def holds_formula(self, ref: str) -> bool:
        if self.cells is None:  # scanned when a count first asks
            self.cells = self._scan()
        return ref in self.cells

    def _scan(self) -> set[str]:
        """The references of the sheet's cells that hold a formula (<c r="C3"><f>...)."""
        cells: set[str] = set()
        try:
            with zipfile.ZipFile(self.archive) as archive, archive.open(self.member) as stream:
                carry = b""  # from the last cell's start on: it may go on in the next block
                while block := stream.read(_STEP):
                    text = carry + block
                    cut = text.rfind(b"<c ")
                    if cut < 0:  # no cell starts here: all of it goes with the carried one
                        carry = text
                        continue
                    text, carry = text[:cut], text[cut:]
                    if b"<f" in text:
                        _add_formulas(text, cells)
                _add_formulas(carry, cells)
        except Exception:  # zipfile and zlib fail in many ways (NotImplementedError, zlib.error, ...): calamine
            return set()  # read the workbook, so nothing is known of its formulas, as before this module
        return cells


def _add_formulas(text: bytes, cells: set[str]) -> None:
    """The references of whole cells in text (<c r="C3"><f>...</f>...</c>) that hold a formula."""
    for cell in text.split(b"<c ")[1:]:
        start, _, rest = cell.partition(b">")
        if b"<f" in rest.split(b"</c>", 1)[0] and (ref := _REF.search(start)):
            cells.add(ref.group(1).decode())


def uncalculated(archive: str | io.BytesIO, sheet: str) -> Uncalculated | None:
    """The formula lookup for a sheet of a workbook marked to be calculated on load
    (written by a program); None for any other workbook, and for .xls and .ods."""
    try:
        with zipfile.ZipFile(archive) as book:
            workbook = book.read("xl/workbook.xml")
            if not _CALC_ON_LOAD.search(workbook):
                return None
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
    return Uncalculated(archive, member)
