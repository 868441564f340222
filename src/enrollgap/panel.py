"""Panels: the same groups over several years. Which year is reported, and how each
group (and the total) changed since the latest earlier year it has (pure).

Rows are summed within labels and year by the reader, never across years; here
the years are told apart again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from .coverage import coverage_pct
from .errors import OptionError
from .findings import Finding
from .groups import Group, years_of

# A group's labels, without its year.
Key = tuple[str | None, str | None]


def key_of(item: Group) -> Key:
    return (item.sector, item.region)


@dataclass
class Change:
    """How a group (or the total) changed since ``prev_year``: None where there is no
    earlier year, or (for the coverage) where either coverage is undefined."""

    year: int
    prev_year: int | None
    enrolled_change: int | None
    coverage_change_pp: Fraction | None


@dataclass
class Panel:
    """The groups of the reported year, each group's change, the total's, and the
    warnings for groups left out (no row in that year)."""

    year: int
    years: tuple[int, ...]
    groups: tuple[Group, ...]
    changes: dict[Key, Change]
    total: Change
    findings: tuple[Finding, ...]
    history: dict[Key, tuple[Group, ...]]  # each group's rows, oldest first


def _change(year: int, now: tuple[int, int], prev_year: int | None, then: tuple[int, int] | None) -> Change:
    if prev_year is None or then is None:
        return Change(year, None, None, None)
    current, before = coverage_pct(*now), coverage_pct(*then)
    points = None if current is None or before is None else current - before
    return Change(year, prev_year, now[0] - then[0], points)


def panel(groups: Sequence[Group], year: int | None = None) -> Panel:
    """The panel of a year (default: the latest in the input)."""
    years = years_of(groups)
    if not years:
        raise ValueError("panel() needs groups with years")
    if year is None:
        year = years[-1]
    elif year not in years:
        raise OptionError(f"the input has no rows for {year} (years: {', '.join(map(str, years))})", "--year")
    history: dict[Key, list[Group]] = {}
    for group in sorted(groups, key=lambda g: g.year or 0):
        history.setdefault(key_of(group), []).append(group)
    current = [g for g in groups if g.year == year]
    findings = []
    for rows in history.values():
        if not any(g.year == year for g in rows):
            latest = rows[-1]
            findings.append(Finding("missing_year", latest.label, latest.enrolled, latest.potential, None,
                                    latest.origin, latest.year, year))  # fmt: skip
    changes = {}
    for group in current:
        earlier = [g for g in history[key_of(group)] if g.year is not None and g.year < year]
        before = earlier[-1] if earlier else None
        changes[key_of(group)] = _change(
            year,
            (group.enrolled, group.potential),
            None if before is None else before.year,
            None if before is None else (before.enrolled, before.potential),
        )
    # The total's previous year: the latest earlier year in which every reported group has a row.
    keys = [key_of(g) for g in current]
    common = [
        y for y in years if y < year and all(any(g.year == y for g in history[k]) for k in keys)
    ]  # fmt: skip
    prev_year = common[-1] if common else None
    now = (sum(g.enrolled for g in current), sum(g.potential for g in current))
    then = None
    if prev_year is not None:
        rows_then = [g for k in keys for g in history[k] if g.year == prev_year]
        then = (sum(g.enrolled for g in rows_then), sum(g.potential for g in rows_then))
    total = _change(year, now, prev_year, then)
    return Panel(
        year, years, tuple(current), changes, total, tuple(findings), {k: tuple(v) for k, v in history.items()}
    )
