"""What a budget buys (pure, exact): in a report, how many workers a year's money
covers at the monthly premium; in a projection, the first year the path outgrows
it. The rules for the amounts themselves are ``money``'s.

Loaded only when a budget is given: a report without --budget never defines
``BudgetCover``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from .coverage import coverage_pct


@dataclass
class BudgetCover:
    """What a yearly budget pays for at a monthly premium: ``workers`` whole years of
    premiums, and the coverage if that many of the uncovered were enrolled; where it
    pays for more than the whole gap, ``left`` is what remains once the gap is paid
    for (None where it does not)."""

    workers: int
    coverage_with_budget_pct: Fraction | None
    gap: int
    left: Fraction | None = None

    @property
    def covers_the_gap(self) -> bool:
        return self.workers >= self.gap


def budget_cover(budget: Fraction, premium: Fraction, enrolled: int, potential: int, gap: int) -> BudgetCover:
    """floor(budget / (12 × premium)) workers; coverage with min(workers, gap) more
    enrolled; what is left of the budget once the whole gap is paid for."""
    workers = int(budget // (12 * premium))
    left = budget - gap * 12 * premium if workers >= gap else None
    return BudgetCover(workers, coverage_pct(enrolled + min(workers, gap), potential), gap, left)


def first_year_over(years: Sequence[tuple[int, Fraction | None]], budget: Fraction) -> int | None:
    """The first year whose cost (of the members added since the base year) exceeds the budget."""
    return next((year for year, cost in years if cost is not None and cost > budget), None)
