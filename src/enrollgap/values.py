"""Numbers given to the library by a program (a notebook, pandas) rather than read
from text: taken as exactly what they print as, or refused with an EnrollgapError."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

from .errors import InputError, OptionError


def exact(value: object, what: str) -> Fraction:
    """A percentage or an amount: an int, a Fraction or a Decimal as it is, a float as
    the decimal it prints as (12.3 is 123/10, not the binary 12.30000000000000071...).
    Anything else is an OptionError naming ``what``."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise OptionError(f"expected a number, got {type(value).__name__} {value!r}", what)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise OptionError(f"expected a number, got {value!r}", what)
        return Fraction(repr(value))
    return Fraction(value)


def exact_or_none(value: object, what: str) -> Fraction | None:
    return None if value is None else exact(value, what)


def whole(value: object, what: str) -> int:
    """A count: an int, or a float with no fraction (pandas writes 1204.0 after fillna);
    anything else is an InputError naming ``what``."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise InputError(f"{what}: expected a whole number, got {type(value).__name__} {value!r}")
