"""What is read: groups of workers (their labels, their counts, and which label
columns they use).

A group is a sector, a region, or a sector in a region. Which label columns a
set of groups (or of rows and paths computed from them) fills is decided here
and nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .errors import InputError
from .text import join_label
from .values import whole

# The label fields, in the order people read them ("Sumsel / Farmers").
LABEL_FIELDS = ("region", "sector")

# --group-by choices and the label fields each sums by.
GROUPINGS = {
    "sector": ("sector",),
    "region": ("region",),
    "region,sector": ("region", "sector"),
    "sector,region": ("region", "sector"),
}


class Labelled:
    """Something named by a sector and/or a region: a group, a report row, a path."""

    sector: str | None
    region: str | None

    @property
    def label(self) -> str:
        """The name as people read it: "Farmers", "Sumsel / Farmers" ("" for the total)."""
        return join_label(self.region, self.sector)


@dataclass
class Group(Labelled):
    """Counts of one group of workers: a sector, a region, or a sector in a region.

    ``origin`` says where the group was first read ("rows.csv:3"), for messages;
    ``year`` the year of the counts, when the input is a panel of several years.
    """

    sector: str | None
    region: str | None
    enrolled: int
    potential: int
    origin: str | None = None
    year: int | None = None

    def __post_init__(self) -> None:
        # Groups made by a program (a notebook) are checked as a file's rows are: whole,
        # non-negative counts (a float with no fraction, as pandas leaves them, is taken).
        if type(self.enrolled) is not int or type(self.potential) is not int:
            self.enrolled = whole(self.enrolled, f"{self.label or 'a group'}: enrolled")
            self.potential = whole(self.potential, f"{self.label or 'a group'}: potential")
        if self.enrolled < 0 or self.potential < 0:
            raise InputError(f"{self.label or 'a group'}: a count cannot be negative")


def years_of(groups: Sequence[Group]) -> tuple[int, ...]:
    """The years of the input, oldest first; () for an input without years."""
    years = {g.year for g in groups}
    if None in years and len(years) > 1:
        raise InputError("some rows have a year and some do not (rows given with -s have none); give every row a year")
    return tuple(sorted(y for y in years if y is not None))


def label_fields(items: Iterable[Labelled]) -> tuple[str, ...]:
    """The label fields that some item fills, in reading order (region, sector)."""
    items = list(items)
    return tuple(f for f in LABEL_FIELDS if any(getattr(item, f) is not None for item in items))


def total_label_field(items: Iterable[Labelled]) -> str:
    """Where a flat table writes "Total": the sector column, unless only regions are labelled."""
    return "region" if label_fields(items) == ("region",) else "sector"
