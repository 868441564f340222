"""Where a table's fields are (``Layout``), and the names the reading loop and the
rules for exports share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .columns import Columns

# A format's reading of one count cell (and the locale): a whole number, or NumberError.
CountReader = Callable[[object, str], int]
# For a workbook: what a count cell that reads empty (or 0) is, given the row's position,
# the column and the value read: ("error", "#N/A"), ("formula", ""), or None for what it reads.
CellLookup = Callable[[object, int, object], "tuple[str, str] | None"]


@dataclass(frozen=True)
class Layout:
    """Where a table's fields are, and which of the rules for exports apply to it."""

    headers: Sequence[str]  # each column's header, to name it in messages
    grouping: tuple[str, ...]  # the label fields rows are summed by
    counts: tuple[int, int]  # the enrolled and potential columns
    labels: tuple[int, ...]  # the columns of ``grouping``
    every: tuple[int, ...]  # every label column: a total or a blank is told by all of them
    left_out: int | None  # the label column --group-by leaves out (a total there is one all the same)
    year: int | None
    width: int | None = None  # text tables: every data row has as many cells as the header
    tabular: bool = True  # blank rows, footnotes, repeated headers, fill-down (not JSON)

    @classmethod
    def of(cls, columns: Columns, group_by: str | None, strict_width: bool) -> Layout:
        grouping = columns.grouping(group_by)
        every, left_out = columns.label_columns(grouping)
        return cls(
            columns.headers,
            grouping,
            (columns.where["enrolled"], columns.where["potential"]),
            tuple(columns.where[f] for f in grouping),
            tuple(every),
            left_out,
            columns.where.get("year"),
            len(columns.headers) if strict_width else None,
        )

    @property
    def keyed(self) -> tuple[int, ...]:
        """The cells a row's key is made of: its labels, then its year."""
        return (*self.labels, *(() if self.year is None else (self.year,)))
