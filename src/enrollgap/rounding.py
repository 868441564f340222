"""Every rounding enrollgap does, exact, in one place.

Counts are whole people, so each computed count is rounded once, by one of
these rules, and the rule is named where it is used.
"""

from __future__ import annotations

import math
from fractions import Fraction


def round_half_up(value: Fraction | int) -> int:
    """The nearest whole number; halves go away from zero (2.5 -> 3, -2.5 -> -3)."""
    if isinstance(value, int):
        return value
    if not isinstance(value, Fraction):
        value = Fraction(value)
    return round_ratio(value.numerator, value.denominator)


def round_ratio(numerator: int, denominator: int) -> int:
    """round_half_up(numerator / denominator) for a positive denominator, in integers
    alone: floor(n/d + 1/2) is floor((2n + d) / 2d)."""
    if numerator < 0:
        return -((-2 * numerator + denominator) // (2 * denominator))
    return (2 * numerator + denominator) // (2 * denominator)


def round_float(value: float) -> int:
    """The nearest whole number to a float (halves up), for the irrational paths."""
    return math.floor(value + 0.5)


def ceil(value: Fraction | int) -> int:
    """The smallest whole number at or above value."""
    return -((-Fraction(value)).__floor__())


def ceil_div(numerator: int | Fraction, denominator: int | Fraction) -> int:
    """The smallest whole number at or above numerator / denominator."""
    return ceil(Fraction(numerator) / denominator)
