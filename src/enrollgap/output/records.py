"""What every command's machine records share: plain values, percentages as
floats, the warnings, the total's label. Field names and order are the public
interface; each command's module (``report``, ``project``, ``check``) holds its own."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from ..words import warning_text

if TYPE_CHECKING:
    from ..findings import Finding


TOTAL = "Total"


def plain(value: object) -> object:
    """A JSON-ready number: exact whole values as int, other Fractions as float."""
    if isinstance(value, Fraction):
        return value.numerator if value.denominator == 1 else float(value)
    return value


def percent(value: Fraction | None) -> float | None:
    """A percentage as a float, always (3.0 rather than 3), or None when undefined."""
    return None if value is None else float(value)


def warnings(findings: Sequence[Finding]) -> list[str]:
    """Warnings as machine formats carry them: in English, whatever --locale says."""
    return [warning_text(f) for f in findings]
