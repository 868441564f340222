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
    first and last year (None when the first year has none enrolled)."""

    first_year: int
    last_year: int
    net_per_year: Fraction
    growth_pct: float | None


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
    growth = None
    if first.enrolled > 0:
        growth = 100 * ((last.enrolled / first.enrolled) ** (1 / (last.year - first.year)) - 1)
    return Trend(first.year, last.year, slope(history), growth)


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
