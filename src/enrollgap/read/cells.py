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


# Grouped digits on the fast paths: "1.204.500" with each separator made "_" is what
# int() reads (digits, single separators between them). The grouping is right when,
# for its length n, the characters at n-4, n-8, ... are separators (GROUP_MARKS[n];
# None where no grouped number has that length) and there are no others: then the
# value has n - n//4 digits, at least GROUP_LEAST[n] ("0" alone excepted; a leading
# zero is left to the general parser, as is every other shape). A cell that holds
# "_" itself is left to it too: "1_000.000" would pass as 1.000.000.000.
GROUP_MARKS = [None if n % 4 == 0 else "_" * (n // 4) for n in range(28)]
GROUP_LEAST = [0, 0, *(10 ** (n - n // 4 - 1) for n in range(2, 28))]


def grouped_pair(first: str, second: str, separator: str) -> tuple[int, int]:
    """Two counts written in grouped digits ("1.204", "38.500" with separator ".") or
    plain ones under 1000, read without the general parser for speed; ValueError for
    any other shape (the general parser then decides). What this reads, it reads as
    parse_count does; tests/test_read.py holds it to that."""
    if "_" in first or "_" in second:
        raise ValueError
    a, b = first.replace(separator, "_"), second.replace(separator, "_")
    enrolled, potential = int(a), int(b)
    try:
        if a[-4::-4] != GROUP_MARKS[len(a)] or b[-4::-4] != GROUP_MARKS[len(b)]:
            raise ValueError
        if enrolled < GROUP_LEAST[len(a)] or potential < GROUP_LEAST[len(b)]:
            raise ValueError
    except IndexError:  # longer than any count
        raise ValueError from None
    return enrolled, potential


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
