"""How to read input (``ReadOptions``) and the names every reader shares.

Kept apart from ``source`` so that the command line can build its options, and
-s alone can run, without loading what opens and decodes files.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

SHEET_FORMATS = ("xlsx", "xls", "ods")
FORMATS = ("csv", "tsv", "json", "jsonl", *SHEET_FORMATS)
STDIN = "<stdin>"
# No line (and so no field) may be longer than this: a file of one endless line
# gets an error instead of eating the memory.
MAX_LINE = 32 * 1024 * 1024
# What a file is read as unless --encoding says otherwise; a byte-order mark of
# UTF-16 or UTF-32 then names its own.
DEFAULT_ENCODING = "utf-8-sig"

# Called with (source name, size in bytes) when a file is opened; may return a
# function that is told the bytes read so far, and None when reading ends.
Progress = Callable[[str, int], Callable[[int | None], None] | None]


class ReadOptions(NamedTuple):
    """How to read input: format, CSV delimiter, encoding, column mapping, locale, grouping."""

    input_format: str | None = None
    delimiter: str | None = None
    encoding: str = DEFAULT_ENCODING
    columns: tuple[tuple[str, str], ...] = ()
    locale: str = "en"
    group_by: str | None = None
    progress: Progress | None = None
    sheet: str | None = None  # a spreadsheet's sheet: its name, or its number from 1
