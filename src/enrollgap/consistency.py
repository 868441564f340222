"""Does a published percentage agree with its published counts?

Each written value stands for an interval (``numbers.Written`` keeps how
precisely it was written). A case is consistent when some whole enrolled and
potential inside their intervals give a coverage inside the reported interval.
Everything here is exact: integers and Fractions, and a floor-sum in place of
a search, so "1,3 miliar" checks as fast as "48.858".
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .errors import CheckError, OptionError
from .numerals import Written
from .rounding import ceil


@dataclass
class Case:
    """One published case: the counts and percentage as written. (Here, not beside
    ``groups.Group``: a report never needs it, and a dataclass costs start-up.)"""

    label: str | None
    enrolled: Written
    potential: Written
    reported: Written
    origin: str | None = None


@dataclass
class Verdict:
    """The verdict on one published case.

    Percentages are exact Fractions in percent. ``potential_range`` and
    ``enrolled_range`` are the whole counts the written counts stand for;
    ``reported_range`` the half-open interval [low, high) of percentages the
    written percentage stands for (widened by the tolerance).
    """

    label: str | None
    enrolled: int
    potential: int
    reported_pct: Fraction
    coverage_pct: Fraction
    difference_pp: Fraction
    consistent: bool
    implied_potential: tuple[int, int] | None
    implied_enrolled: tuple[int, int] | None
    enrolled_range: tuple[int, int]
    potential_range: tuple[int, int]
    reported_range: tuple[Fraction, Fraction]
    reported_decimals: int
    # The figures as they were published, to quote them back unchanged ("13,96 juta").
    enrolled_as: str | None = None
    potential_as: str | None = None
    reported_as: str | None = None


def whole_range(written: Written) -> tuple[int, int]:
    """The whole counts a written count stands for, inclusive: exact digits stand for
    themselves, "1,34 juta" for 1,335,000 to 1,344,999."""
    if not written.scaled:
        return written.count, written.count
    low = written.value - written.half_unit
    high = written.value + written.half_unit
    return max(ceil(low), 0), ceil(high) - 1


def reported_interval(reported: Written, tolerance_pp: Fraction = Fraction(0)) -> tuple[Fraction, Fraction]:
    """The percentages [low, high) a percentage written with d decimals stands for,
    widened by tolerance_pp percentage points on each side."""
    half = Fraction(1, 2 * 10**reported.decimals)
    return reported.value - half - tolerance_pp, reported.value + half + tolerance_pp


def floor_sum(n: int, m: int, a: int, b: int) -> int:
    """sum(floor((a * i + b) / m) for i in range(n)), in O(log) steps (m > 0)."""
    total = 0
    while True:
        if a >= m or a < 0:
            total += n * (n - 1) // 2 * (a // m)
            a %= m
        if b >= m or b < 0:
            total += n * (b // m)
            b %= m
        y_max = a * n + b
        if y_max < m:
            return total
        n, b, m, a = y_max // m, y_max % m, a, m


def _sumceil(q: Fraction, first: int, last: int) -> int:
    """sum(ceil(q * p) for p in first..last)."""
    n, d = q.numerator, q.denominator
    # ceil(n p / d) = floor((n p + d - 1) / d), with p = first + i
    return floor_sum(last - first + 1, d, n, n * first + d - 1)


def _has_whole_ratio(enrolled: tuple[int, int], potential: tuple[int, int], low: Fraction, high: Fraction) -> bool:
    """Whether some whole e in enrolled and p >= 1 in potential give low <= e/p < high."""
    e_lo, e_hi = enrolled
    if e_lo > e_hi or high <= 0 or low >= high:
        return False
    p_lo = max(potential[0], 1, (e_lo / high).__floor__() + 1)
    p_hi = potential[1]
    if low > 0:
        p_hi = min(p_hi, (e_hi / low).__floor__())
    if p_lo > p_hi:
        return False
    # Within p_lo..p_hi, the enrolled bounds hold; what is left is whether some p
    # has a whole number in [low * p, high * p): count them all at once.
    return _sumceil(high, p_lo, p_hi) - _sumceil(low, p_lo, p_hi) > 0


def implied_potential(enrolled: int, low: Fraction, high: Fraction) -> tuple[int, int] | None:
    """The whole potentials p >= 1 for which low <= enrolled / p < high, inclusive;
    None when there are none or when every large potential would do."""
    if high <= 0 or low >= high or low <= 0 or enrolled == 0:
        return None
    first = max((enrolled / high).__floor__() + 1, 1)
    last = (enrolled / low).__floor__()
    return (first, last) if first <= last else None


def implied_enrolled(potential: int, low: Fraction, high: Fraction) -> tuple[int, int] | None:
    """The whole enrolled counts e >= 0 for which low <= e / potential < high, inclusive."""
    first = max(ceil(low * potential), 0)
    last = ceil(high * potential) - 1
    return (first, last) if first <= last else None


def check_case(
    enrolled: Written,
    potential: Written,
    reported: Written,
    tolerance_pp: Fraction = Fraction(0),
    label: str | None = None,
) -> Verdict:
    """The verdict on "enrolled of potential is reported percent", each as written."""
    if enrolled.value < 0 or potential.value < 0:
        raise CheckError("counts cannot be negative")
    if tolerance_pp < 0:
        raise OptionError("cannot be negative", "--tolerance")
    if potential.count == 0:
        raise CheckError("the potential is 0, so no percentage can be checked against it")
    low_pct, high_pct = reported_interval(reported, tolerance_pp)
    low, high = low_pct / 100, high_pct / 100
    enrolled_range = whole_range(enrolled)
    potential_range = whole_range(potential)
    coverage = Fraction(100 * enrolled.count, potential.count)
    return Verdict(
        label=label,
        enrolled=enrolled.count,
        potential=potential.count,
        reported_pct=reported.value,
        coverage_pct=coverage,
        difference_pp=reported.value - coverage,
        consistent=_has_whole_ratio(enrolled_range, potential_range, low, high),
        implied_potential=implied_potential(enrolled.count, low, high),
        implied_enrolled=implied_enrolled(potential.count, low, high),
        enrolled_range=enrolled_range,
        potential_range=potential_range,
        reported_range=(low_pct, high_pct),
        reported_decimals=reported.decimals,
        enrolled_as=enrolled.text or None,
        potential_as=potential.text or None,
        reported_as=reported.text or None,
    )
