"""Rows summed into groups: by their labels, in first-seen order, with the 10^15 limit."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import InputError
from ..groups import Group
from ..numerals import MAX_COUNT
from .cells import read_label
from .columns import label_grouping

# Label key (a cell, or a tuple of cells) -> [enrolled, potential, first line].
Sums = dict


def add_row(sums: Sums, key: object, enrolled: int, potential: int, line: int) -> None:
    """Add one row's counts to its group (the readers inline this in their hot loops)."""
    acc = sums.get(key)
    if acc is None:
        sums[key] = [enrolled, potential, line]
    else:
        acc[0] += enrolled
        acc[1] += potential


def to_groups(sums: Sums, grouping: tuple[str, ...], name: str) -> list[Group]:
    """The summed rows of one source as groups; labels trimmed once per group."""
    groups = []
    for key, (enrolled, potential, line) in sums.items():
        values = dict(zip(grouping, (read_label(k) for k in (key if isinstance(key, tuple) else (key,)))))
        groups.append(Group(values.get("sector"), values.get("region"), enrolled, potential, f"{name}:{line}"))
    return groups


def merge(groups: Sequence[Group], group_by: str | None) -> list[Group]:
    """Groups that share labels (under the grouping) summed into one, in first-seen order.

    Every read ends here, so the 10^15 limit is checked here, once per group:
    any row too large makes its group's sum too large.
    """
    present = [f for f in ("region", "sector") if any(getattr(g, f) is not None for g in groups)]
    fields = label_grouping(present, group_by)
    merged: dict[tuple, list] = {}
    for g in groups:
        key = tuple(getattr(g, f) for f in fields)
        if key in merged:
            merged[key][0] += g.enrolled
            merged[key][1] += g.potential
        else:
            merged[key] = [g.enrolled, g.potential, g.origin]
    out = []
    for key, (enrolled, potential, origin) in merged.items():
        if enrolled > MAX_COUNT or potential > MAX_COUNT:
            raise InputError(
                f"the counts of {' / '.join(map(str, key))} add up to more than 10^15; is a column misread?", origin
            )
        values = dict(zip(fields, key))
        out.append(Group(values.get("sector"), values.get("region"), enrolled, potential, origin))
    return out
