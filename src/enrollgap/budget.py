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
    premiums, and the coverage if that many of the uncovered were enrolled."""

    workers: int
    coverage_with_budget_pct: Fraction | None


def budget_cover(budget: Fraction, premium: Fraction, enrolled: int, potential: int, gap: int) -> BudgetCover:
    """floor(budget / (12 × premium)) workers; coverage with min(workers, gap) more enrolled."""
    workers = int(budget // (12 * premium))
    return BudgetCover(workers, coverage_pct(enrolled + min(workers, gap), potential))


def first_year_over(years: Sequence[tuple[int, Fraction | None]], budget: Fraction) -> int | None:
    """The first year whose cost (of the members added since the base year) exceeds the budget."""
    return next((year for year, cost in years if cost is not None and cost > budget), None)
