"""Groups that share labels summed into one, in first-seen order (``Sums``), the
10^15 limit checked: the end of every read (``accumulate``) and of -s rows (``merge``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from operator import attrgetter
from typing import Any

from ..errors import InputError
from ..groups import LABEL_FIELDS, Group
from ..numerals import MAX_COUNT
from .columns import label_grouping


class Sums:
    """The groups of one table so far, in first-seen order: a group's key (its label
    cells, the year cell last; one cell alone as itself) is its place in three lists,
    the enrolled, the potential and where the group was first read. (A list of
    integers per column rather than a list per group: a million groups are then not a
    million containers for the cycle collector to walk again and again.)"""

    __slots__ = ("enrolled", "first", "index", "potential")

    def __init__(self) -> None:
        self.index: dict[Any, int] = {}
        self.enrolled: list[int] = []
        self.potential: list[int] = []
        self.first: list[object] = []

    def add(self, key: Any, enrolled: int, potential: int, pos: object) -> None:
        """A row's counts added to its group (a new group where the key is new)."""
        at = self.index.get(key)
        if at is None:
            self.index[key] = len(self.enrolled)
            self.enrolled.append(enrolled)
            self.potential.append(potential)
            self.first.append(pos)
        else:
            self.enrolled[at] += enrolled
            self.potential[at] += potential

    def items(self) -> Iterator[tuple[Any, int, int, object]]:
        """(key, enrolled, potential, where first read) of each group, in first-seen order."""
        return zip(self.index, self.enrolled, self.potential, self.first)


def groups_of(sums: Sums, fields: tuple[str, ...], origin: Callable[[Any], str | None], years: bool) -> list[Group]:
    """Groups from sums keyed by label tuples (the year last, with ``years``)."""
    sector = fields.index("sector") if "sector" in fields else None
    region = fields.index("region") if "region" in fields else None
    out = []
    for key, enrolled, potential, first in sums.items():
        if enrolled > MAX_COUNT or potential > MAX_COUNT:
            raise InputError(
                f"the counts of {' / '.join(map(str, key))} add up to more than 10^15; is a column misread?",
                origin(first),
            )
        out.append(
            Group(
                None if sector is None else key[sector],
                None if region is None else key[region],
                enrolled,
                potential,
                origin(first),
                key[-1] if years else None,
            )
        )
    return out


def merge(groups: Sequence[Group], group_by: str | None) -> list[Group]:
    """Groups that share labels (under the grouping) summed into one, in first-seen order."""
    present = [f for f in LABEL_FIELDS if any(getattr(g, f) is not None for g in groups)]
    fields = label_grouping(present, group_by)
    years = any(g.year is not None for g in groups)
    key_of = attrgetter(*fields, *(["year"] if years else [])) if fields or years else (lambda g: ())
    merged = Sums()
    for g in groups:
        key = key_of(g)
        merged.add(key if isinstance(key, tuple) else (key,), g.enrolled, g.potential, g.origin)
    return groups_of(merged, fields, lambda origin: origin, years)
