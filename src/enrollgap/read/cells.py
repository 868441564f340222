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


def int_agrees(text: str) -> bool:
    """True when int() can read nothing in text that the number parser would not: it is
    ASCII (int() reads "\u0661\u0662" as 12) and has no "_" (int() reads "12_04" as 1204,
    which may be two numbers run together). Asked of a piece of text, then of a cell
    only where the piece says no: a string knows it is ASCII without a scan."""
    return text.isascii() and "_" not in text


_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
_DROPPED: dict[tuple[str, str], bytes] = {}  # (separator, delimiter): the bytes a shape leaves out


def grouped_text(text: str, separator: str, delimiter: str) -> bool:
    """True when every ``separator`` in ASCII text (one that int_agrees) is followed
    by exactly three digits, with at most three right before it: then
    int(cell.replace(separator, "_")) reads each count cell of the text as
    parse_count does ("1.204.500"), or fails and the parser decides (int() itself
    refuses a separator with no digit before it or right after it: "_123", "1__234",
    "123_"). Asked of a piece of text in C, instead of each grouping of each cell:
    the text's shape keeps its digits (as 0), separators, delimiters and line ends,
    and three counts look at it. What the shape leaves out cannot hide a bad
    grouping: inside a number, int() refuses any of it, and around one, only a sign
    or a space, which the parser reads too."""
    if separator not in text:
        return True
    dropped = _DROPPED.get((separator, delimiter))
    if dropped is None:
        kept = set(b"0123456789\n" + separator.encode() + delimiter.encode())
        dropped = _DROPPED[(separator, delimiter)] = bytes(c for c in range(256) if c not in kept)
    shape = text.encode("ascii").translate(_DIGITS_AS_ZERO, dropped)
    mark = separator.encode()
    return (
        shape.count(mark + b"000") == shape.count(mark) and mark + b"0000" not in shape and b"0000" + mark not in shape
    )


# Grouped digits on the fast paths: "1.204.500" with each separator made "_" is what
# int() reads (digits, single separators between them). The grouping is right when,
# for its length n, the characters at n-4, n-8, ... of the cell as written are the
# separator (GROUP_MARKS[separator][n]; None where no grouped number has that length)
# and the value has n - n//4 digits, at least GROUP_LEAST[n]: then every other
# character is a digit ("0" alone excepted; a leading zero, a sign, a space, a
# separator out of place or an "_" of the cell's own leaves too few digits, and is
# left to the general parser, as is every other shape). The marks are checked on the
# cell as written, not after the "_" is put in: "1_000.000" must not pass as
# 1.000.000.000.
GROUP_MARKS = {sep: [None if n % 4 == 0 else sep * (n // 4) for n in range(28)] for sep in ".,"}
GROUP_LEAST = [0, 0, *(10 ** (n - n // 4 - 1) for n in range(2, 28))]


def grouped_pair(first: str, second: str, separator: str) -> tuple[int, int]:
    """Two counts written in grouped digits ("1.204", "38.500" with separator ".") or
    plain ones under 1000, read without the general parser for speed; ValueError for
    any other shape (the general parser then decides). What this reads, it reads as
    parse_count does; tests/test_read.py holds it to that. The cells are ASCII (the
    read loops ask: int() reads "\u0661" as 1, the number parser refuses it)."""
    enrolled, potential = int(first.replace(separator, "_")), int(second.replace(separator, "_"))
    n, m = len(first), len(second)
    marks, least = GROUP_MARKS[separator], GROUP_LEAST
    try:
        if first[-4::-4] != marks[n] or second[-4::-4] != marks[m] or enrolled < least[n] or potential < least[m]:
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
