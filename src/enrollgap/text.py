"""Text from the input made safe to show: on a terminal, in a table, in a message."""

from __future__ import annotations

import re

# C0 and C1 control characters, DEL, and the invisible marks that reorder or hide
# text: every Bidi_Control character (U+061C, U+200E-F, U+202A-E, U+2066-9), the soft
# hyphen, zero-width and joining characters, variation selectors, tag characters,
# and the fillers that look like nothing (Hangul fillers, U+3164): never sent to a
# terminal or a table as they are.
_HIDDEN = (
    "[\x00-\x1f\x7f-\x9f\xad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\U000e0000-\U000e0fff]"
)

# Names longer than this are cut in human formats (machine formats keep them whole).
LABEL_LIMIT = 200


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str, limit: int | None = None) -> str:
    """text with control and invisible characters written out (ESC as \\x1b),
    cut after limit characters."""
    if limit is not None and len(text) > limit:
        text = f"{text[:limit]}…(+{len(text) - limit})"
    return re.sub(_HIDDEN, _escape, text)


def quoted(text: str, limit: int = 60) -> str:
    """text in quotes for a message, shortened: a value can be megabytes long."""
    if len(text) > limit:
        text = f"{text[:limit]}…(+{len(text) - limit} characters)"
    return f"'{text}'"


def join_label(*parts: str | None) -> str:
    """A group's name as people read it: "Sumsel / Farmers"; the parts that are None left out."""
    return " / ".join(part for part in parts if part is not None)
