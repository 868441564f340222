"""Rows summed into groups: by their labels, in first-seen order, with the 10^15 limit."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any

from ..errors import InputError, NumberError
from ..groups import LABEL_FIELDS, Group
from ..numerals import MAX_COUNT
from .cells import read_label, read_year
from .columns import label_grouping

if TYPE_CHECKING:
    from .table import Place

# Label key (a cell, or a tuple of cells) -> [enrolled, potential, first line].
Sums = dict
# Where the year cell of a line is, for an error: (source, line, column).
YearAt = Callable[[int], "Place"]


def add_row(sums: Sums, key: object, enrolled: int, potential: int, line: object) -> None:
    """Add one row's counts to its group, remembering where it was first seen (a line,
    or a group's origin). The readers' fast paths inline this: it runs once a row."""
    acc = sums.get(key)
    if acc is None:
        sums[key] = [enrolled, potential, line]
    else:
        acc[0] += enrolled
        acc[1] += potential


def running_sums(sums: Sums) -> tuple[int, int]:
    """Every row summed so far: (enrolled, potential) over the groups."""
    enrolled = potential = 0
    for acc in sums.values():
        enrolled += acc[0]
        potential += acc[1]
    return enrolled, potential


def label_totals(sums: Sums, at: int) -> dict[str, tuple[int, int]]:
    """The sums added up by the label at position ``at`` of each key (trimmed): for
    checking a total row of one label ("Jumlah / Petani")."""
    out: dict[str, list[int]] = {}
    for key, (enrolled, potential, _) in sums.items():
        label = str(key[at] if isinstance(key, tuple) else key).strip()
        acc = out.setdefault(label, [0, 0])
        acc[0] += enrolled
        acc[1] += potential
    return {label: (e, p) for label, (e, p) in out.items()}


def to_groups(
    sums: Sums,
    grouping: tuple[str, ...],
    name: str,
    origin: Callable[[int], str] | None = None,
    year_at: YearAt | None = None,
) -> list[Group]:
    """The summed rows of one source as groups, in first-seen order: labels trimmed
    (once per group), groups whose labels then match summed, the 10^15 limit checked.

    With ``year_at`` each key ends with the year cell as read; it is read as a
    year once per group, and an error names its cell (``year_at(line)``).
    The lists of ``sums`` are taken over, not copied: sums is spent.
    """
    if origin is None and year_at is None and len(grouping) == 1:
        plain = _one_label_groups(sums, grouping[0], name)
        if plain is not None:
            return plain
    merged: dict[tuple, list] = {}
    for key, sums_of_key in sums.items():
        labels: tuple
        if type(key) is str:  # a CSV cell: stripped without a call per group
            labels = (key.strip(),)
        elif isinstance(key, tuple):
            labels = tuple(map(read_label, key))
        else:
            labels = (read_label(key),)
        if year_at is not None:
            labels = (*labels[:-1], _year(key[-1] if isinstance(key, tuple) else key, sums_of_key[2], year_at))
        acc = merged.get(labels)  # add_row, inlined: once per group of files with 100,000 villages
        if acc is None:
            merged[labels] = sums_of_key  # [enrolled, potential, first line], taken over
        else:
            acc[0] += sums_of_key[0]
            acc[1] += sums_of_key[1]
    return _groups(merged, grouping, origin or (lambda line: f"{name}:{line}"), year_at is not None)


def _one_label_groups(sums: Sums, field: str, name: str) -> list[Group] | None:
    """to_groups for the common case of a CSV with one label column (100,000 villages):
    every key a cell, no two the same once trimmed, no sum over the limit. Each group is
    made in one step, without a tuple of labels or a second dict; None for any other
    case (to_groups' general way then decides, and names what is wrong)."""
    if not {str}.issuperset(map(type, sums)):
        return None
    labels = list(map(str.strip, sums))
    if len(set(labels)) != len(labels):
        return None
    counts = sums.values()
    if counts and max(max(map(itemgetter(0), counts)), max(map(itemgetter(1), counts))) > MAX_COUNT:
        return None
    prefix = name + ":"
    if field == "sector":
        return [Group(label, None, e, p, prefix + str(line)) for label, (e, p, line) in zip(labels, counts)]
    if field == "region":
        return [Group(None, label, e, p, prefix + str(line)) for label, (e, p, line) in zip(labels, counts)]
    return None


def _year(raw: object, line: int, year_at: YearAt) -> int:
    try:
        return read_year(raw)
    except NumberError as error:
        raise InputError(f"year: {error.message}", *year_at(line)) from None


def _groups(
    merged: dict[tuple, list], fields: tuple[str, ...], origin: Callable[[Any], str | None], years: bool = False
) -> list[Group]:
    """Groups from label tuples (the year last, with ``years``) and [enrolled,
    potential, where first seen]."""
    at = {field: fields.index(field) if field in fields else None for field in LABEL_FIELDS}
    sector, region = at["sector"], at["region"]
    out = []
    for key, (enrolled, potential, first) in merged.items():
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
    """Groups that share labels (under the grouping) summed into one, in first-seen order.

    Every read ends here or in to_groups, so the 10^15 limit is checked in both,
    once per group: any row too large makes its group's sum too large.
    """
    present = [f for f in LABEL_FIELDS if any(getattr(g, f) is not None for g in groups)]
    fields = label_grouping(present, group_by)
    years = any(g.year is not None for g in groups)
    key_of = attrgetter(*fields, *(["year"] if years else [])) if fields or years else (lambda g: ())
    merged: dict[tuple, list] = {}
    for g in groups:
        key = key_of(g)
        if not isinstance(key, tuple):
            key = (key,)
        add_row(merged, key, g.enrolled, g.potential, g.origin)
    return _groups(merged, fields, lambda origin: origin, years)
