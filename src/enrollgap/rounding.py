"""Every rounding enrollgap does, exact, in one place.

Counts are whole people, so each computed count is rounded once, by one of
these rules, and the rule is named where it is used.
"""

from __future__ import annotations

import math
from fractions import Fraction


def round_half_up(value: Fraction | int) -> int:
    """The nearest whole number; halves go away from zero (2.5 -> 3, -2.5 -> -3)."""
    value = Fraction(value)
    if value < 0:
        return -((-value + Fraction(1, 2)).__floor__())
    return (value + Fraction(1, 2)).__floor__()


def round_float(value: float) -> int:
    """The nearest whole number to a float (halves up), for the irrational paths."""
    return math.floor(value + 0.5)


def ceil(value: Fraction | int) -> int:
    """The smallest whole number at or above value."""
    return -((-Fraction(value)).__floor__())


def ceil_div(numerator: int | Fraction, denominator: int | Fraction) -> int:
    """The smallest whole number at or above numerator / denominator."""
    return ceil(Fraction(numerator) / denominator)
