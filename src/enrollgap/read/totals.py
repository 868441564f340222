"""The export's own total rows: never summed, and checked against the rows they
total (a difference is a warning, an error under --strict)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..findings import Finding, FindingKind
from ..text import join_label
from .grouping import Sums
from .labels import is_summary, is_total, label_text
from .notes import Notes, RowFindings, cell_text
from .places import Places

# Total rows of one label checked against that label's rows at most, each a walk over every group.
LABEL_SUMS = 100

Counts = tuple[int, int]  # (enrolled, potential)


class Totals:
    """Rows whose labels say they are not groups: the export's totals and subtotals,
    and summaries such as averages (noted, never checked: they are not sums).

    ``run`` is always the sum of every data row read so far. ``label_sums(column)``
    sums the data rows so far by the label in ``column`` (None where it cannot)."""

    def __init__(
        self,
        labels: Sequence[int],
        notes: Notes,
        places: Places,
        findings: RowFindings,
        label_sums: Callable[[int], dict[str, Counts] | None] | None = None,
    ) -> None:
        self.labels = labels
        self.notes = notes
        self.places = places
        self.findings = findings
        self.label_sums = label_sums
        self.since: Counts = (0, 0)  # the data rows' sums at the last total row
        # A total row above every data row (a BPS table's first row): checked at the end,
        # against all the rows below it (where, its label cells, enrolled, potential).
        self.leading: tuple[object, list[str], int, int] | None = None
        self._by_label: tuple[tuple[int, Counts], dict[str, Counts]] | None = None
        self._label_sums_left = LABEL_SUMS

    def texts_of(self, cells: Sequence[object]) -> list[str]:
        return [cell_text(cells[i]).strip() if i < len(cells) else "" for i in self.labels]

    def not_a_group(self, pos: object, cells: Sequence[object], counts: Counts, run: Counts, first: bool) -> None:
        """A row whose labels say it is not a group: a summary (noted), else the export's
        own total (``first``: no data row above it)."""
        summary = next(filter(is_summary, self.texts_of(cells)), None)
        if summary is not None:
            self.notes.summaries.append((self.places.line(pos), summary))
            return
        self.notes.totals.append(self.places.line(pos))
        if first and self.notes.totals.count == 1:  # no data row above it: it totals those below
            self.leading = (pos, self.texts_of(cells), *counts)
            return
        block = (run[0] - self.since[0], run[1] - self.since[1])
        self.since = run
        if counts in (block, run):  # a subtotal of the rows since the last total, or a grand total
            return
        self._compare(pos, self.texts_of(cells), counts, run, "total_mismatch")

    def unworked(self, pos: object, cells: Sequence[object], run: Counts) -> bool:
        """True (and noted) for a row whose counts are formulas never calculated, when its
        labels say it is not a group: a total, skipped unchecked, or a summary."""
        texts = self.texts_of(cells)
        summary = next(filter(is_summary, texts), None)
        if summary is not None:
            self.notes.summaries.append((self.places.line(pos), summary))
            return True
        if any(is_total(t) for t in texts):
            self.notes.totals.append(self.places.line(pos))
            self.since = run
            return True
        return False

    def finish(self, run: Counts) -> list[Finding]:
        """The findings, once every row is read (``run``: the data rows' sums), with a
        total row above every data row checked against them."""
        if self.leading is not None and self.leading[2:] != run:
            pos, texts, enrolled, potential = self.leading
            self.leading = None
            self._compare(pos, texts, (enrolled, potential), run, "total_mismatch_below")
        return self.findings.items

    def _compare(self, pos: object, texts: list[str], counts: Counts, run: Counts, kind: FindingKind) -> None:
        """A total row that is not the sum of its rows (``run``): a warning, unless it is
        the total of one label's rows ("Jumlah / Petani": a province's farmers)."""
        summed = run
        named = [(i, t) for i, t in zip(self.labels, texts) if t and not is_total(t)]
        if len(named) == 1:
            of_label = self._label_sums(named[0][0], run)
            if of_label is not None:
                summed = of_label.get(named[0][1], (0, 0))
                if summed == counts:
                    return
        label = join_label(*filter(None, texts))
        self.findings.add(Finding(kind, label, *counts, summed, self.places.finding(pos, None)))

    def _label_sums(self, column: int, run: Counts) -> dict[str, Counts] | None:
        """``label_sums(column)``, kept while no row comes between two total rows, and
        worked out at most LABEL_SUMS times a file (each walks every group)."""
        if self.label_sums is None:
            return None
        if self._by_label is not None and self._by_label[0] == (column, run):
            return self._by_label[1]
        if self._label_sums_left == 0:
            return None
        self._label_sums_left -= 1
        sums = self.label_sums(column)
        self._by_label = None if sums is None else ((column, run), sums)
        return sums


def label_totals(sums: Sums, at: int) -> dict[str, Counts]:
    """The groups' sums added up by the label at position ``at`` of each key: for
    checking a total row of one label ("Jumlah / Petani")."""
    out: dict[str, list[int]] = {}
    for key, enrolled, potential, _ in sums.items():
        label = label_text(key[at] if isinstance(key, tuple) else key) or ""
        acc = out.setdefault(label, [0, 0])
        acc[0] += enrolled
        acc[1] += potential
    return {label: (e, p) for label, (e, p) in out.items()}
