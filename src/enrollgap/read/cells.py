"""One value of the input read as a number or a label, whatever the format held it as."""

from __future__ import annotations

from ..errors import NumberError
from ..numerals import Written, parse_count, parse_number, parse_plain


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
