"""One value of the input read as a number or a label, whatever the format held it as."""

from __future__ import annotations

from ..errors import NumberError
from ..numerals import Written, parse_count, parse_number, parse_plain
from ..text import quoted


class JsonNumber(str):
    """A number as JSON wrote it: read the locale-free way, whatever --locale says."""


def read_value(raw: object, locale: str, kind: str) -> Written:
    """A count ("count") or a percentage ("percent") from a cell or a JSON value."""
    if isinstance(raw, JsonNumber):
        written = parse_plain(raw)
        if kind == "count" and (written.value < 0 or written.value.denominator != 1):
            raise NumberError(f"read {raw}, expected a whole, non-negative count")
        return written
    if not isinstance(raw, str):
        shown = "nothing" if raw is None else f"{raw!r}"
        raise NumberError(f"read {shown}, expected a {'percentage' if kind == 'percent' else 'count'}")
    if kind == "count":
        return parse_count(raw, locale)
    return parse_number(raw, locale, percent=True)


def text_count(cell: object, locale: str) -> int:
    """A count from a cell of a text table: plain digits ("1204") or digits grouped by
    the locale's thousands mark ("1.204.500" in id) at once, anything else by the
    number parser (scale words, spaces, bad cells and their errors). What the quick
    forms read, the parser reads the same (a property test holds them to it)."""
    if type(cell) is not str:
        raise NumberError(f"read {cell!r}, expected a count")
    if cell.isdigit() and cell.isascii() and len(cell) <= 15:
        return int(cell)
    mark = "." if locale == "id" else ","
    marks = len(cell) // 4
    if marks and len(cell) % 4 and cell[-4::-4] == mark * marks:  # "1.204", "12.204.500": a mark every 3 digits
        digits = cell.replace(mark, "")
        if len(digits) == len(cell) - marks <= 15 and digits.isdigit() and digits.isascii() and digits[0] != "0":
            return int(digits)
    return parse_count(cell, locale).count


def json_count(raw: object, locale: str) -> int:
    """A count from a JSON value: a number as JSON wrote it, or text in the locale."""
    if type(raw) is JsonNumber and raw.isdigit() and len(raw) <= 15:
        return int(raw)
    return read_value(raw, locale, "count").count


def read_label(raw: object) -> str | None:
    """A label cell trimmed; None when there is none."""
    if raw is None:
        return None
    return str(raw).strip()


FIRST_YEAR, LAST_YEAR = 1900, 2100


def read_year(raw: object) -> int:
    """A year: 2021, "2021", or a spreadsheet's 2021.0; from 1900 to 2100."""
    value: object = raw
    if isinstance(raw, str):
        text = raw.strip()
        # 0-9 only, as in counts: int() and float() read "\u0662\u0660\u0662\u0661" as 2021 too
        if not text.isascii():
            text = ""
        value = int(text) if text.isdigit() else (float(text) if text.replace(".0", "", 1).isdigit() else None)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and FIRST_YEAR <= value <= LAST_YEAR:
        return value
    shown = "nothing" if raw is None or raw == "" else quoted(str(raw))
    raise NumberError(f"read {shown}, expected a year from {FIRST_YEAR} to {LAST_YEAR} (such as 2021)")
