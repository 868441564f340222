"""Text from the input made safe to show: on a terminal, in a table, in a message."""

from __future__ import annotations

import re

# C0 and C1 control characters, DEL, and the invisible marks that reorder or hide
# text (bidi overrides, zero-width characters): never sent to a terminal as they are.
_HIDDEN = "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]"

# Names longer than this are cut in human formats (machine formats keep them whole).
LABEL_LIMIT = 200


def _escape(match: re.Match[str]) -> str:
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
