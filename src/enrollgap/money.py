"""Amounts of money: the rules for a premium and a budget, and premiums that change
by year (pure, exact: amounts are integers and Fractions until they are written).
What a budget buys is ``budget``'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from .errors import OptionError


def validate_money(budget: Fraction | None, premium: Fraction | None) -> None:
    """A budget needs a premium; neither may be zero or negative."""
    if premium is not None and premium <= 0:
        raise OptionError("a premium must be more than 0", "--premium")
    if budget is not None:
        if premium is None:
            raise OptionError("--budget goes with --premium (what a worker's cover costs a month)")
        if budget <= 0:
            raise OptionError("a budget must be more than 0", "--budget")


def premium_overrides(specs: Sequence[tuple[int, Fraction]]) -> dict[int, Fraction]:
    """YEAR=AMOUNT overrides as a map; a year given twice or an amount of 0 or less is an error."""
    out: dict[int, Fraction] = {}
    for year, amount in specs:
        if year in out:
            raise OptionError(f"{year} is given twice", "--premium")
        if amount <= 0:
            raise OptionError(f"{year}={amount}: a premium must be more than 0", "--premium")
        out[year] = amount
    return out
