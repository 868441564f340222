"""What reading decided, kept for the user: rows skipped or filled in (``Notes``,
one line each on stderr) and warnings about rows (``RowFindings``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..findings import Finding, FindingKind

# Warnings of one kind about rows (a blank label, a total that does not add up) listed
# one by one at most; the rest are counted on the last listed (stderr and memory stay small).
ROW_FINDINGS = 5


class Seen:
    """Where rows of one kind were (a line, or a line and its first text): the first
    few kept for the note, which names no more, and every one counted, so that the
    memory stays flat over a million rows filled down."""

    __slots__ = ("count", "first")
    KEEP = 3

    def __init__(self, first: Sequence[object] = (), count: int | None = None) -> None:
        self.first: list[object] = list(first)[: self.KEEP]
        self.count = len(first) if count is None else count

    def append(self, item: object) -> None:
        self.count += 1
        if len(self.first) < self.KEEP:
            self.first.append(item)

    def lines(self) -> list[int]:
        return [item if isinstance(item, int) else item[0] for item in self.first]  # type: ignore[index]

    def __bool__(self) -> bool:
        return self.count > 0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Seen) and (self.first, self.count) == (other.first, other.count)

    __hash__ = None  # type: ignore[assignment]  # (mutable: not hashable)

    def __repr__(self) -> str:
        return f"Seen({self.first!r}, count={self.count})"


@dataclass
class Notes:
    """What was skipped or filled in while reading, for one line each on stderr."""

    source: str
    above_header: list[tuple[int, str]] = field(default_factory=list)  # (line, first text) of titles
    totals: Seen = field(default_factory=Seen)  # lines of total rows
    footnotes: Seen = field(default_factory=Seen)  # (line, first text)
    filled: Seen = field(default_factory=Seen)  # lines whose labels were filled down
    repeated: Seen = field(default_factory=Seen)  # lines repeating the header, numbering its columns
    summaries: Seen = field(default_factory=Seen)  # (line, label) of averages and the like
    headers_above: list[str] = field(default_factory=list)  # label headers taken from the line above the header
    ignored: list[str] = field(default_factory=list)  # headers no field reads
    separator_line: bool = False  # an Excel "sep=;" first line
    sheets: list[tuple[str, bool]] = field(default_factory=list)  # a workbook's other sheets (name, hidden)
    sheets_of_years: bool = False  # ... of which several name a year: --sheet all reads them as a panel
    skipped_sheets: list[str] = field(default_factory=list)  # --sheet all: sheets without the table's header
    parts: list[Notes] = field(default_factory=list)  # --sheet all: each sheet read, with its own notes

    def __bool__(self) -> bool:
        return bool(
            self.above_header
            or self.totals
            or self.footnotes
            or self.filled
            or self.ignored
            or self.repeated
            or self.summaries
            or self.headers_above
            or self.sheets
            or self.skipped_sheets
            or self.parts
        )


class RowFindings:
    """Warnings about rows, in the order found: up to ROW_FINDINGS of a kind listed,
    the rest counted on the last one listed."""

    def __init__(self) -> None:
        self.items: list[Finding] = []
        self._listed: dict[FindingKind, tuple[int, Finding]] = {}  # kind: how many, the last listed

    def add(self, finding: Finding) -> None:
        count, last = self._listed.get(finding.kind, (0, finding))
        if count < ROW_FINDINGS:
            self.items.append(finding)
            last = finding
        else:
            last.more += 1
        self._listed[finding.kind] = (count + 1, last)


def cell_text(value: object) -> str:
    """A cell as the rules see it: text ("" for none; a spreadsheet's 2021.0 as "2021")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def is_blank(cells: Sequence[object]) -> bool:
    return not any(cell_text(cell).strip() for cell in cells)


def first_text(cells: Sequence[object]) -> str:
    """The first text of a row, trimmed ("" for a blank row)."""
    return next((text for text in (cell_text(cell).strip() for cell in cells) if text), "")
