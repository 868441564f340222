"""Merged cells of an OpenDocument (.ods) sheet, which calamine does not report.

calamine gives a merged cell's text to its first row and reads the rows the merge
covers as empty. For .xlsx and .xls it says where the merges are
(``merged_cell_ranges``); for .ods it says nothing, so a label merged over two
rows ("Petani" for both) would leave the second without a name. This reads them
from the sheet's XML (``content.xml``): each cell with ``table:number-rows-spanned``
over more than one row, as calamine's ranges are, ((top, left), (bottom, right))
counted from 0. The XML is read as a stream, and parsed only when it holds a span
at all.
"""

from __future__ import annotations

import io
import zipfile
from typing import IO
from xml.etree.ElementTree import iterparse

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_SHEET, _ROW = _TABLE + "table", _TABLE + "table-row"
_CELLS = (_TABLE + "table-cell", _TABLE + "covered-table-cell")
_NAME, _ROWS_REPEATED, _COLUMNS_REPEATED = (
    _TABLE + "name",
    _TABLE + "number-rows-repeated",
    _TABLE + "number-columns-repeated",
)
_ROWS_SPANNED, _COLUMNS_SPANNED = _TABLE + "number-rows-spanned", _TABLE + "number-columns-spanned"
_SPAN = b"number-rows-spanned"
_STEP = 2**16

Range = tuple[tuple[int, int], tuple[int, int]]


def ods_merges(archive: str | io.BytesIO, sheet: str) -> list[Range]:
    """The merges over more than one row of the sheet named ``sheet``; none when the
    file cannot be read so (calamine read it: nothing is known of its merges)."""
    try:
        with zipfile.ZipFile(archive) as book:
            with book.open("content.xml") as stream:
                if not _holds_span(stream):
                    return []
            with book.open("content.xml") as stream:
                return _merges(stream, sheet)
    except Exception:  # zipfile, zlib and expat fail in many ways; calamine decided it is a workbook
        return []
    finally:
        if isinstance(archive, io.BytesIO):
            archive.seek(0)


def _holds_span(stream: IO[bytes]) -> bool:
    """True when the XML names a span, and declares no entities (an office suite's never
    does: a document type is where an entity bomb would be, so none is parsed)."""
    carry = b""
    span = False
    while block := stream.read(_STEP):
        text = carry + block
        if b"<!DOCTYPE" in text or b"<!ENTITY" in text:
            return False
        span = span or _SPAN in text
        carry = block[-len(_SPAN) :]
    return span


def _merges(stream: IO[bytes], sheet: str) -> list[Range]:
    merges: list[Range] = []
    inside = False  # in the sheet asked about
    row = column = 0
    for event, element in iterparse(stream, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == _SHEET:
                inside = element.get(_NAME) == sheet
                row = 0
            elif inside and tag == _ROW:
                column = 0
            elif inside and tag in _CELLS:
                repeated = int(element.get(_COLUMNS_REPEATED, "1"))
                rows = int(element.get(_ROWS_SPANNED, "1"))
                if rows > 1:
                    columns = int(element.get(_COLUMNS_SPANNED, "1"))
                    merges.append(((row, column), (row + rows - 1, column + columns - 1)))
                column += repeated
        elif tag == _ROW:
            if inside:
                row += int(element.get(_ROWS_REPEATED, "1"))
            element.clear()  # memory stays flat over a long sheet
        elif tag == _SHEET and inside:
            break
    return merges
