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
        value = int(text) if text.isdigit() else (float(text) if text.replace(".0", "", 1).isdigit() else None)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and FIRST_YEAR <= value <= LAST_YEAR:
        return value
    shown = "nothing" if raw is None or raw == "" else quoted(str(raw))
    raise NumberError(f"read {shown}, expected a year from {FIRST_YEAR} to {LAST_YEAR} (such as 2021)")
