"""The one loop that sums rows into groups, whatever the format they came in.

A reader turns its format into rows of cells with their position and says where
the fields are (``Layout``); ``sum_rows`` adds each row to its group. A row of a
group already seen, with counts its format's ``count`` reads, is added at once;
every other row (a group's first, a blank label, a total, a footnote, a bad cell)
is decided by the rules for exports (``filldown``, ``totals``, ``header``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from ..errors import InputError, NumberError
from ..findings import Finding
from ..groups import Group
from .cells import read_year
from .columns import Columns
from .filldown import FillDown, Unnamed
from .grouping import groups_of
from .header import repeats_header
from .labels import special_labels
from .notes import Notes, RowFindings, cell_text, first_text, is_blank
from .places import Places
from .totals import Counts, Totals

# A group's key (its label cells, the year cell last; one cell alone as itself) ->
# [enrolled, potential, where the group was first read].
Sums = dict[Any, list[Any]]
# A format's reading of one count cell (and the locale): a whole number, or NumberError.
CountReader = Callable[[object, str], int]
# For a workbook a program wrote: True where a count cell holds a formula never worked out.
Unworked = Callable[[object, int], bool]

UNWORKED = (
    "a formula whose value was never worked out (a program wrote the workbook and left it to be calculated "
    "when opened); open and save it in a spreadsheet app, or save the sheet as CSV"
)


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


def sum_rows(
    rows: Iterable[tuple[object, list[Any]]],
    layout: Layout,
    count: CountReader,
    locale: str,
    notes: Notes,
    places: Places,
    unworked: Unworked | None = None,
) -> tuple[Sums, list[Finding]]:
    """The rows of one table summed by their labels (and year), and the findings on its
    total rows and labels."""
    ie, ip = layout.counts
    keyed = layout.keyed
    key_of: Callable[[Sequence[Any]], Any] = itemgetter(*keyed) if keyed else (lambda cells: ())
    width, left_out, every, tabular = layout.width, layout.left_out, layout.every, layout.tabular
    sums: Sums = {}
    findings = RowFindings()
    labels = FillDown(every, layout.headers, notes, places, findings)
    label_sums = None
    if layout.year is None:  # a total row of one label ("Jumlah / Petani") is checked against that label's rows
        label_sums = lambda column: label_totals(sums, layout.labels.index(column)) if column in layout.labels else None  # noqa: E731
    totals = Totals(every, notes, places, findings, label_sums)
    known: set[object] = set()  # labels of the left-out column found ordinary
    run_enrolled = run_potential = 0
    last: list[Any] | None = None  # the cells of the last data row, blank labels filled in

    def ordinary(label: object) -> bool:
        """A label of the left-out column that is neither blank nor a total."""
        if label in known:
            return True
        if special_labels((label,), tabular):
            return False
        if len(known) > 4096:
            known.clear()
        known.add(label)
        return True

    def decide(pos: object, cells: list[Any]) -> tuple[Any, int, int] | None:
        """(key, enrolled, potential) of a row the quick way did not take; None for a row
        that is not data (blank, footnote, total, repeated header: noted)."""
        run = (run_enrolled, run_potential)
        if unworked is not None:
            blank = [i for i in (ie, ip) if i < len(cells) and not cells[i] and unworked(pos, i)]
            if blank:
                if totals.unworked(pos, cells, run):
                    return None  # a total or an average whose value was never worked out
                raise InputError(f"{layout.headers[blank[0]].strip()}: {UNWORKED}", *places.where(pos, blank[0] + 1))
        if tabular:
            if is_blank(cells):
                return None
            if all(i >= len(cells) or not cell_text(cells[i]).strip() for i in (ie, ip)):
                notes.footnotes.append((places.line(pos), first_text(cells)))  # "Sumber: BPS": no counts
                return None
            if width is not None and len(cells) != width:
                raise InputError(
                    f"expected {width} fields as in the header, found {len(cells)}", *places.where(pos, None)
                )
            if len(cells) < len(layout.headers):
                cells.extend([""] * (len(layout.headers) - len(cells)))
        counts = []
        for index in (ie, ip):
            try:
                counts.append(count(cells[index] if index < len(cells) else None, locale))
            except NumberError as error:
                if tabular and repeats_header(cells, layout.headers, (ie, ip), every, last is None):
                    notes.repeated.append(places.line(pos))  # the header again, "(1) (2) ...", units
                    return None
                header = layout.headers[index].strip()
                raise InputError(f"{header}: {error.message}", *places.cell(pos, index + 1)) from None
        enrolled, potential = counts
        if (left_out is None or ordinary(cells[left_out])) and not _special(key_of(cells), layout):
            return key_of(cells), enrolled, potential
        if not tabular:  # JSON: a total or a summary, or no label at all (said for each such row)
            if special_labels([cells[i] for i in every], False):
                totals.not_a_group(pos, cells, (enrolled, potential), run, last is None)
                return None
            labels.unnamed(pos, every[0] if len(every) == 1 else None)
            for i in every:
                cells[i] = Unnamed(cells[i])
            return key_of(cells), enrolled, potential
        filled = labels.labels_of(cells, pos, None if last is None else labels.texts_of(last))
        if filled is None:
            totals.not_a_group(pos, cells, (enrolled, potential), run, last is None)
            return None
        for i, text in zip(every, filled):
            cells[i] = text  # filled in: the next row's blanks take these
        return key_of(cells), enrolled, potential

    for pos, cells in rows:
        try:
            acc = sums[key_of(cells)]
            if width is not None and len(cells) != width:
                raise LookupError
            if left_out is not None and not ordinary(cells[left_out]):
                raise LookupError  # a total there ("Sumsel Total" under --group-by sector) is one all the same
            enrolled = count(cells[ie], locale)
            potential = count(cells[ip], locale)
            if unworked is not None and not (enrolled and potential):
                raise LookupError  # a 0 in a workbook a program wrote may stand in for a formula
        except (LookupError, NumberError):  # a group's first row, a short row, a cell to look at
            row = decide(pos, cells)
            if row is None:
                continue
            key, enrolled, potential = row
            found = sums.get(key)
            if found is None:
                sums[key] = [enrolled, potential, pos]
            else:
                found[0] += enrolled
                found[1] += potential
        else:
            acc[0] += enrolled
            acc[1] += potential
        run_enrolled += enrolled
        run_potential += potential
        last = cells
    return sums, totals.finish((run_enrolled, run_potential))


def _special(key: Any, layout: Layout) -> bool:
    """True for a key that is not summed as it stands: a total, a summary, or (in a
    table) a blank label to fill down or say."""
    cells = key if isinstance(key, tuple) else (key,)
    if layout.year is not None:
        cells = cells[:-1]
    if layout.tabular:
        return special_labels(cells, True)
    return special_labels(cells, False) or not any(cell_text(cell).strip() for cell in cells)


def label_totals(sums: Sums, at: int) -> dict[str, Counts]:
    """The sums added up by the label at position ``at`` of each key (trimmed): for
    checking a total row of one label ("Jumlah / Petani")."""
    out: dict[str, list[int]] = {}
    for key, (enrolled, potential, _) in sums.items():
        label = label_text(key[at] if isinstance(key, tuple) else key) or ""
        acc = out.setdefault(label, [0, 0])
        acc[0] += enrolled
        acc[1] += potential
    return {label: (e, p) for label, (e, p) in out.items()}


def label_text(value: object) -> str | None:
    """A label as a group holds it: trimmed text (a spreadsheet's 2021.0 as "2021"); None for none."""
    if type(value) is Unnamed:
        value = value.value
    if value is None:
        return None
    return cell_text(value).strip()


def to_groups(sums: Sums, layout: Layout, places: Places) -> list[Group]:
    """The summed rows of one table as groups, in first-seen order: labels trimmed,
    groups whose labels then match summed, years read, the 10^15 limit checked."""
    merged: dict[tuple[Any, ...], list[Any]] = {}
    years = layout.year is not None
    for key, sums_of_key in sums.items():
        cells = key if isinstance(key, tuple) else (key,)
        if years:
            labels = (*map(label_text, cells[:-1]), _year(cells[-1], sums_of_key[2], places, layout))
        else:
            labels = tuple(map(label_text, cells))
        acc = merged.get(labels)
        if acc is None:
            merged[labels] = sums_of_key
        else:
            acc[0] += sums_of_key[0]
            acc[1] += sums_of_key[1]
    return groups_of(merged, layout.grouping, places.origin, years)


def _year(raw: object, pos: object, places: Places, layout: Layout) -> int:
    try:
        return read_year(raw)
    except NumberError as error:
        assert layout.year is not None
        raise InputError(f"year: {error.message}", *places.where(pos, layout.year + 1)) from None
