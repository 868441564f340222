"""Groups that share labels summed into one, in first-seen order, the 10^15 limit
checked: the end of every read (``accumulate``) and of -s rows (``merge``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any

from ..errors import InputError
from ..groups import LABEL_FIELDS, Group
from ..numerals import MAX_COUNT
from .columns import label_grouping


def groups_of(
    merged: dict[tuple[Any, ...], list[Any]], fields: tuple[str, ...], origin: Callable[[Any], str | None], years: bool
) -> list[Group]:
    """Groups from label tuples (the year last, with ``years``) and [enrolled,
    potential, where first seen]."""
    sector = fields.index("sector") if "sector" in fields else None
    region = fields.index("region") if "region" in fields else None
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
    """Groups that share labels (under the grouping) summed into one, in first-seen order."""
    present = [f for f in LABEL_FIELDS if any(getattr(g, f) is not None for g in groups)]
    fields = label_grouping(present, group_by)
    years = any(g.year is not None for g in groups)
    key_of = attrgetter(*fields, *(["year"] if years else [])) if fields or years else (lambda g: ())
    merged: dict[tuple[Any, ...], list[Any]] = {}
    for g in groups:
        key = key_of(g)
        if not isinstance(key, tuple):
            key = (key,)
        acc = merged.get(key)
        if acc is None:
            merged[key] = [g.enrolled, g.potential, g.origin]
        else:
            acc[0] += g.enrolled
            acc[1] += g.potential
    return groups_of(merged, fields, lambda origin: origin, years)
