"""What a row that the reading loop did not add is: a group's first row, a blank
row, a footnote, the header repeated, a total, a label to fill down, or an error
naming its cell. One ``Rules`` per table; the loop asks it about such rows only."""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from ..errors import InputError, NumberError
from ..findings import Finding
from .filldown import FillDown
from .grouping import Sums
from .header import repeats_header
from .labels import Unnamed, is_total_or_summary, special_labels
from .layout import CellLookup, CountReader, Layout
from .notes import Notes, RowFindings, cell_text, first_text, is_blank
from .places import Places
from .totals import Counts, Totals, label_totals

UNWORKED = (
    "a formula whose value was never worked out (a program wrote the workbook and left it to be calculated "
    "when opened); open and save it in a spreadsheet app, or save the sheet as CSV"
)
ERROR_CELL = (
    "the cell holds the spreadsheet error {code} (a formula that failed, such as a VLOOKUP that found "
    "nothing), not a count; correct it in the workbook"
)
# Labels whose answer to ``ordinary`` is remembered, at most (memory stays flat).
KNOWN = 4096


class Rules:
    """The rules for exports, applied to one table's rows (``sums``: its groups so far)."""

    def __init__(
        self,
        layout: Layout,
        count: CountReader,
        locale: str,
        notes: Notes,
        places: Places,
        sums: Sums,
        lookup: CellLookup | None = None,
    ) -> None:
        self.layout = layout
        self.count = count
        self.locale = locale
        self.notes = notes
        self.places = places
        self.lookup = lookup
        keyed = layout.keyed
        self.key_of = itemgetter(*keyed) if keyed else (lambda cells: ())
        findings = RowFindings()
        self.labels = FillDown(layout.every, layout.headers, notes, places, findings)
        label_sums = None
        if layout.year is None:  # a total row of one label ("Jumlah / Petani") is checked against that label's rows
            at = layout.labels

            def label_sums(column: int) -> dict[str, Counts] | None:
                return label_totals(sums, at.index(column)) if column in at else None

        self.totals = Totals(layout.every, notes, places, findings, label_sums)
        self._plain: dict[object, bool] = {}  # label -> ordinary
        self.heading: tuple[object, list[Any]] | None = None  # a row with a label and no counts, awaiting the next

    def ordinary(self, label: object) -> bool:
        """A label that is neither a total, a summary nor (in a table) a blank; the answers
        remembered for up to KNOWN labels."""
        answer = self._plain.get(label)
        if answer is None:
            blank = self.layout.tabular and not cell_text(label).strip()
            answer = not blank and not is_total_or_summary(label)
            if len(self._plain) >= KNOWN:
                self._plain.clear()
            self._plain[label] = answer
        return answer

    def decide(self, pos: object, cells: list[Any], run: Counts, last: list[Any] | None) -> tuple[Any, int, int] | None:
        """(key, enrolled, potential) of the row; None for a row that is not data (noted).
        ``run`` is the sum of the data rows so far, ``last`` the last data row's cells."""
        layout, places = self.layout, self.places
        ie, ip = layout.counts
        if self.lookup is not None and self._unworked(pos, cells, run):
            return None  # a total or an average whose value was never worked out
        if layout.tabular and layout.width is None and len(cells) < len(layout.headers):
            cells.extend([""] * (len(layout.headers) - len(cells)))  # a sheet's short row
        try:
            enrolled, potential = self.count(cells[ie], self.locale), self.count(cells[ip], self.locale)
        except (IndexError, NumberError) as error:
            self._not_counted(pos, cells, error, last)
            return None
        if layout.width is not None and len(cells) != layout.width:
            raise InputError(self._width_message(cells), *places.where(pos, None))
        every = layout.every
        if all(map(self.ordinary, map(cells.__getitem__, every))) and (layout.tabular or self._named(cells)):
            self._resolve_heading()
            return self.key_of(cells), enrolled, potential
        if not layout.tabular:  # JSON: a total or a summary, or no label at all (said for each such row)
            if special_labels([cells[i] for i in every], False):
                self.totals.not_a_group(pos, cells, (enrolled, potential), run, last is None)
                return None
            self.labels.unnamed(pos, every[0] if len(every) == 1 else None)
            for i in every:
                cells[i] = Unnamed(cells[i])
            return self.key_of(cells), enrolled, potential
        above = None if last is None else self.labels.texts_of(last)
        if self.heading is not None:  # the row under a section's heading takes its labels, where blank
            heading = self.labels.texts_of(self.heading[1])
            if any(h and not t for h, t in zip(heading, self.labels.texts_of(cells))):
                above = [h or a for h, a in zip(heading, above or [""] * len(heading))]
                self.heading = None
        filled = self.labels.labels_of(cells, pos, above)
        self._resolve_heading()
        if filled is None:
            self.totals.not_a_group(pos, cells, (enrolled, potential), run, last is None)
            return None
        for i, text in zip(every, filled):
            cells[i] = text  # filled in: the next row's blanks take these
        return self.key_of(cells), enrolled, potential

    def _unworked(self, pos: object, cells: list[Any], run: Counts) -> bool:
        """For a workbook's count cells that read empty or 0: an error cell (#N/A) is an
        error naming it, whatever the row; a formula never calculated is one too, unless
        the row is a total or a summary (True: skipped, noted)."""
        assert self.lookup is not None
        layout = self.layout
        found = [
            (index, problem)
            for index in layout.counts
            if index < len(cells) and not cells[index] and (problem := self.lookup(pos, index, cells[index]))
        ]
        for index, (kind, code) in sorted(found, key=lambda item: item[1][0] != "error"):
            header = layout.headers[index].strip()
            where = self.places.where(pos, index + 1)
            if kind == "error":
                raise InputError(f"{header}: {ERROR_CELL.format(code=code or 'an error')}", *where)
            if self.totals.unworked(pos, cells, run):
                return True
            raise InputError(f"{header}: {UNWORKED}", *where)
        return False

    def _resolve_heading(self) -> None:
        """A row with a label and no counts that no blank label came to take: a footnote."""
        if self.heading is not None:
            pos, cells = self.heading
            self.heading = None
            self.notes.footnotes.append((self.places.line(pos), first_text(cells)))

    def finish(self, run: Counts) -> list[Finding]:
        """The findings, once every row is read (``run``: the data rows' sums)."""
        self._resolve_heading()
        return self.totals.finish(run)

    def _named(self, cells: list[Any]) -> bool:
        return any(cell_text(cells[i]).strip() for i in self.layout.every)

    def _width_message(self, cells: list[Any]) -> str:
        return f"expected {self.layout.width} fields as in the header, found {len(cells)}"

    def _not_counted(self, pos: object, cells: list[Any], error: Exception, last: list[Any] | None) -> None:
        """A row whose counts cannot be read: a blank row or a footnote (noted), the header
        repeated (noted), else the error naming the cell or the row."""
        layout, places = self.layout, self.places
        counts = layout.counts
        if layout.tabular:
            if is_blank(cells):
                return
            if all(i >= len(cells) or not cell_text(cells[i]).strip() for i in counts):
                self._resolve_heading()
                if len(layout.every) == 2 and any(self.labels.texts_of(cells)):
                    # A label and no counts: a section's heading if the next row leaves that label
                    # blank ("Seberang Ulu" over its sectors), else a footnote ("Sumber: BPS").
                    self.heading = (pos, cells)
                else:
                    self.notes.footnotes.append((places.line(pos), first_text(cells)))  # no counts
                return
            if layout.width is not None and len(cells) != layout.width:
                raise InputError(self._width_message(cells), *places.where(pos, None))
            if repeats_header(cells, layout.headers, counts, layout.every, last is None):
                self.notes.repeated.append(places.line(pos))  # the header again, "(1) (2) ...", units
                return
        for index in counts:  # the first count cell that cannot be read, by its own error
            try:
                self.count(cells[index] if index < len(cells) else None, self.locale)
            except NumberError as bad:
                header = layout.headers[index].strip()
                raise InputError(f"{header}: {bad.message}", *places.cell(pos, index + 1)) from None
        raise error
