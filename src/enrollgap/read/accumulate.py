"""The one loop that sums rows into groups, whatever the format they came in.

A reader turns its format into rows of cells with their position and says where
the fields are (``Layout``); ``sum_rows`` adds each row to its group. A row of a
group already seen, with counts its format's ``count`` reads, is added at once;
every other row (a group's first, a blank label, a total, a footnote, a bad cell)
is decided by the rules for exports (``rules``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..errors import InputError, NumberError
from ..findings import Finding
from ..groups import Group
from .cells import read_year
from .grouping import Sums, groups_of
from .labels import label_text
from .layout import CellLookup, CountReader, Layout
from .notes import Notes
from .places import Places
from .rules import Rules


def sum_rows(
    rows: Iterable[tuple[object, list[Any]]],
    layout: Layout,
    count: CountReader,
    locale: str,
    notes: Notes,
    places: Places,
    lookup: CellLookup | None = None,
) -> tuple[Sums, list[Finding]]:
    """The rows of one table summed by their labels (and year), and the findings on its
    total rows and labels.

    A row of a group already seen, whose counts ``count`` reads, is added here; any
    other row (a group's first, a blank label, a total, a footnote, a bad cell) is
    decided by the table's ``Rules``."""
    sums = Sums()
    index, enrolled_sums, potential_sums = sums.index, sums.enrolled, sums.potential
    rules = Rules(layout, count, locale, notes, places, sums, lookup)
    key_of, ie, ip, width, left_out = rules.key_of, *layout.counts, layout.width, layout.left_out
    ordinary = rules.ordinary
    run_enrolled = run_potential = 0
    last: list[Any] | None = None  # the cells of the last data row, blank labels filled in
    other: object = None  # the last label of the left-out column found ordinary
    heading = False  # a section's heading awaits the next row: it goes to the rules
    for pos, cells in rows:
        try:
            at = index[key_of(cells)]
            if heading or (width is not None and len(cells) != width):
                raise LookupError
            if left_out is not None and cells[left_out] != other:  # asked where it changes
                if not ordinary(cells[left_out]):
                    raise LookupError  # a total there ("Sumsel Total" under --group-by sector) is one all the same
                other = cells[left_out]
            enrolled = count(cells[ie], locale)
            potential = count(cells[ip], locale)
            if lookup is not None and not (enrolled and potential):
                raise LookupError  # a 0 in a workbook a program wrote may stand in for a formula
        except (LookupError, NumberError):  # a group's first row, a short row, a cell to look at
            row = rules.decide(pos, cells, (run_enrolled, run_potential), last)
            heading = rules.heading is not None
            if row is None:
                continue
            key, enrolled, potential = row
            sums.add(key, enrolled, potential, pos)
        else:
            enrolled_sums[at] += enrolled
            potential_sums[at] += potential
        run_enrolled += enrolled
        run_potential += potential
        last = cells
    return sums, rules.finish((run_enrolled, run_potential))


def to_groups(sums: Sums, layout: Layout, places: Places) -> list[Group]:
    """The summed rows of one table as groups, in first-seen order: labels trimmed,
    groups whose labels then match summed, years read, the 10^15 limit checked."""
    merged = Sums()
    years = layout.year is not None
    for key, enrolled, potential, first in sums.items():
        if not years and type(key) is str:  # one label cell of a text table (100,000 villages)
            labels: tuple[Any, ...] = (key.strip(),)
        elif years:
            cells = key if isinstance(key, tuple) else (key,)
            labels = (*map(label_text, cells[:-1]), _year(cells[-1], first, places, layout))
        else:
            labels = tuple(map(label_text, key if isinstance(key, tuple) else (key,)))
        merged.add(labels, enrolled, potential, first)
    return groups_of(merged, layout.grouping, places.origin, years)


def _year(raw: object, pos: object, places: Places, layout: Layout) -> int:
    try:
        return read_year(raw)
    except NumberError as error:
        assert layout.year is not None
        raise InputError(f"year: {error.message}", *places.where(pos, layout.year + 1)) from None
