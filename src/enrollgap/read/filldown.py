"""Labels written once and left blank below them (pivot-table exports): filled
down from the row above, and said; a row without its only label, said too."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import InputError
from ..findings import Finding
from ..text import join_label
from .labels import Unnamed, is_total, is_total_or_summary
from .notes import Notes, RowFindings, cell_text, first_text
from .places import Places


class FillDown:
    """The labels of a row, blank ones filled down from the last data row.

    ``labels`` are the label columns' positions; labels are filled down only with
    two, and only in tables (JSON writes null where it means none)."""

    def __init__(
        self, labels: Sequence[int], headers: Sequence[str], notes: Notes, places: Places, findings: RowFindings
    ) -> None:
        self.labels = labels
        self.headers = headers
        self.notes = notes
        self.places = places
        self.findings = findings

    def texts_of(self, cells: Sequence[object]) -> list[str]:
        """The row's label cells as text, trimmed ("" for a missing cell)."""
        return [cell_text(cells[i]).strip() if i < len(cells) else "" for i in self.labels]

    def labels_of(self, cells: Sequence[object], pos: object, last: Sequence[str] | None) -> list[object] | None:
        """The row's labels, filled down from ``last`` (the last data row's labels) where
        blank; an Unnamed for the blank of a table of one label column; None for a row
        that is not a group (a total or a summary)."""
        texts: list[object] = list(self.texts_of(cells))
        if any(map(is_total_or_summary, texts)):  # "Jumlah", "Sumsel / Jumlah", "Rata-rata"
            return None
        if not any(texts):
            if is_total(first_text(cells)):  # "Jumlah" in a column of its own ("No"), merged over the labels
                return None
            if len(self.labels) == 1:  # nothing to fill down from: a group without a name, said
                self.unnamed(pos, self.labels[0])
                return [Unnamed("")]
        if len(self.labels) == 2 and not all(texts):
            if last is None:
                column = self.labels[texts.index(next(t for t in texts if not t))]
                raise InputError(
                    "a blank label in the first data row cannot be filled down from the row above",
                    *self.places.where(pos, column + 1),
                )
            blank = [column for column, t in zip(self.labels, texts) if not t]
            texts = [t if t else above for t, above in zip(texts, last)]
            self.notes.filled.append(self.places.line(pos))
            inner = max(self.labels)  # a pivot leaves its first label column blank, never the second
            if inner in blank:
                self._filled_inner(pos, inner, texts)
        return texts

    def unnamed(self, pos: object, column: int | None) -> None:
        """A warning for a row with counts and no label (in a table, of its one label
        ``column``; None: of any): summed as a group without a name, which a total row
        without its word would be."""
        header = self.headers[column].strip() if column is not None and column < len(self.headers) else ""
        where = self.places.finding(pos, None if column is None else column + 1)
        self.findings.add(Finding("unnamed", "", 0, 0, None, where, column=header or None))

    def _filled_inner(self, pos: object, column: int, texts: Sequence[object]) -> None:
        """A warning for a blank second label column filled down as the contract says:
        a pivot export never leaves it blank, a subtotal row does (then counted twice)."""
        origin = self.places.finding(pos, column + 1)
        header = self.headers[column].strip() if column < len(self.headers) else ""
        self.findings.add(
            Finding("filled_inner", join_label(*map(str, texts)), 0, 0, None, origin, column=header or None)
        )
