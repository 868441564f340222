"""Observed trends of a panel: the pace enrolment actually kept, and whether that
pace reaches a target in time (pure, exact where a decision depends on it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from .coverage import coverage_pct, target_count
from .rounding import round_half_up


@dataclass
class Observed:
    """One observed year of a group (or of the total)."""

    year: int
    enrolled: int
    potential: int

    @property
    def coverage_pct(self) -> Fraction | None:
        return coverage_pct(self.enrolled, self.potential)


@dataclass
class Trend:
    """The pace over ``first_year``..``last_year``: ``net_per_year`` is the least-squares
    slope of enrolled on year (exact); ``growth_pct`` the compound rate between the
    first and last year (None when the first year has none enrolled); ``closing_pct``
    the share of the uncovered part closed a year between them (None where the first
    year has no uncovered part)."""

    first_year: int
    last_year: int
    net_per_year: Fraction
    growth_pct: float | None
    closing_pct: float | None = None


@dataclass
class Outlook:
    """A path's history, its trend (None with fewer than two years), and with a
    deadline: the pace needed, the year the trend reaches the target, on track or not."""

    history: tuple[Observed, ...]
    trend: Trend | None
    required_per_year: Fraction | None = None
    reached_at_trend: int | None = None
    on_track: bool | None = None
    horizon: int | None = None  # how many years reached_at_trend looked ahead
    # The total's: the year its own pace reaches the target (its reached_at_trend is
    # the latest of the groups'), and the groups not on track at their own pace.
    own_reached: int | None = None
    behind: tuple[str, ...] = ()


def slope(points: Sequence[Observed]) -> Fraction:
    """The least-squares slope of enrolled on year, exact (years may be missing)."""
    count = len(points)
    mean_year = Fraction(sum(p.year for p in points), count)
    mean_enrolled = Fraction(sum(p.enrolled for p in points), count)
    spread = sum(((p.year - mean_year) * (p.year - mean_year) for p in points), Fraction(0))
    return sum(((p.year - mean_year) * (p.enrolled - mean_enrolled) for p in points), Fraction(0)) / spread


def trend_of(history: Sequence[Observed]) -> Trend | None:
    """The trend of two or more observed years; None with fewer."""
    if len(history) < 2:
        return None
    first, last = history[0], history[-1]
    span = last.year - first.year
    growth = None
    if first.enrolled > 0:
        growth = 100 * ((last.enrolled / first.enrolled) ** (1 / span) - 1)
    closing = None
    if first.potential and last.potential and first.enrolled < first.potential:
        before, after = 1 - first.enrolled / first.potential, max(1 - last.enrolled / last.potential, 0.0)
        closing = 100 * (1 - (after / before) ** (1 / span))
    return Trend(first.year, last.year, slope(history), growth, closing)


def required_per_year(enrolled: int, target_pct: Fraction, potential_by: int, years: int) -> Fraction:
    """The net additions a year that reach the target count of the --by year on time."""
    return Fraction(max(target_count(target_pct, potential_by) - enrolled, 0), years)


def reached_at(
    base: int, enrolled: int, net_per_year: Fraction, target_pct: Fraction, potentials: Sequence[int]
) -> int | None:
    """The first year from base (potentials[0] is base's) in which the trend's enrolled
    meets the target count of that year's potential; None within the horizon."""
    for offset, potential in enumerate(potentials):
        if round_half_up(enrolled + net_per_year * offset) >= target_count(target_pct, potential):
            return base + offset
    return None


def reached_at_pace(
    method: str, base: int, enrolled: int, trend: Trend, target_pct: Fraction, potentials: Sequence[int]
) -> int | None:
    """reached_at in the terms of a path's ``method``: the observed growth rate of
    enrolled for compound, the observed share of the uncovered part closed a year for
    closing, the net additions a year for the rest; None if never within the horizon
    (or where the trend has no such rate)."""
    if method == "compound":
        if trend.growth_pct is None:
            return None
        factor = Fraction(1 + trend.growth_pct / 100)
        counts = (round_half_up(enrolled * factor**t) for t in range(len(potentials)))
    elif method == "closing":
        if trend.closing_pct is None or not potentials[0]:
            return None
        kept = Fraction(1 - trend.closing_pct / 100)
        uncovered = 1 - Fraction(enrolled, potentials[0])
        counts = (round_half_up((1 - uncovered * kept**t) * p) for t, p in enumerate(potentials))
    else:
        return reached_at(base, enrolled, trend.net_per_year, target_pct, potentials)
    for offset, (count, potential) in enumerate(zip(counts, potentials)):
        if count >= target_count(target_pct, potential):
            return base + offset
    return None
