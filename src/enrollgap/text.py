"""Text from the input made safe to show: on a terminal, in a table, in a message."""

from __future__ import annotations

import re

# C0 and C1 control characters, DEL, and the invisible marks that reorder or hide
# text (bidi overrides, zero-width characters): never sent to a terminal as they are.
_HIDDEN = "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]"

# Names longer than this are cut in human formats (machine formats keep them whole).
LABEL_LIMIT = 200


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, limit: int | None = None) -> str:
    """text with control and invisible characters written out (ESC as \\x1b),
    cut after limit characters."""
    if limit is not None and len(text) > limit:
        text = f"{text[:limit]}…(+{len(text) - limit})"
    if text.isprintable():  # the common case, without the pattern
        return text
    return re.sub(_HIDDEN, _escape, text)


def quoted(text: str, limit: int = 60) -> str:
    """text in quotes for a message, shortened: a value can be megabytes long."""
    if len(text) > limit:
        text = f"{text[:limit]}…(+{len(text) - limit} characters)"
    return f"'{text}'"


def join_label(*parts: str | None) -> str:
    """A group's name as people read it: "Sumsel / Farmers"; the parts that are None left out."""
    return " / ".join(part for part in parts if part is not None)


def describe(lines: list[int], locale: str = "en", limit: int = 3, total: int | None = None) -> str:
    """Line numbers for a note: "line 3", "lines 3 and 9", "lines 3, 9, 12 and 4 more"
    (Indonesian: "baris 3 dan 9"); ``total``: how many lines there were, of which
    ``lines`` are the first."""
    word, plural, also, more = (
        ("baris", "baris", "dan", "lainnya") if locale == "id" else ("line", "lines", "and", "more")
    )
    total = len(lines) if total is None else total
    shown = [str(n) for n in lines[:limit]]
    if total > len(shown):
        return f"{plural} {', '.join(shown)} {also} {_grouped(total - len(shown), locale)} {more}"
    if len(shown) == 1:
        return f"{word} {shown[0]}"
    return f"{plural} {', '.join(shown[:-1])} {also} {shown[-1]}"


def rows(count: int, locale: str = "en") -> str:
    """ "1 row", "3 rows", "1,200 rows" (Indonesian: "1.200 baris")."""
    if locale == "id":
        return f"{_grouped(count, locale)} baris"
    return f"{count} row" if count == 1 else f"{_grouped(count, locale)} rows"


def _grouped(count: int, locale: str) -> str:
    """A count with its thousands grouped as the locale writes them (a note's, not a
    result's: numerals.Style writes those)."""
    return f"{count:,}".replace(",", ".") if locale == "id" else f"{count:,}"
