"""Findings: what reading or computing noticed that is worth a warning.

A finding is data (its kind, what it is about, where it was read); ``words``
turns it into a sentence in the locale, and ``--strict`` into an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FindingKind = Literal[
    "over_covered",  # enrolled above potential
    "undefined",  # 0 of 0: coverage is undefined
    "total_mismatch",  # an export's total row differs from the sum of the rows it totals
    "total_mismatch_below",  # ... a total row above every data row, against the rows below it
    "missing_year",  # a group with no row in the reported year, left out (``year`` is its latest)
    "filled_inner",  # a row's second label (``column``) was blank and took the label above
    "unnamed",  # a row whose only label (``column``) was blank: a group without a name
    "implied_total",  # the first or last group is the sum of all the others: read as the export's total
    "implied_subtotal",  # a group that is the sum of the groups below it, up to the next such
    "implied_subtotal_after",  # a group that is the sum of the groups above it, since the last such
    "implied_grand_total",  # a first or last group that is the sum of such subtotals
    "implied_region_total",  # every group of the first or last region sums its sector in the others
    "implied_province_total",  # the first or last group names the province of every other (``summed``: theirs)
    "implied_regency_total",  # a kabupaten/kota row over its own kecamatan (``summed``: theirs)
    "implied_regency_total_after",  # ... under them
    "capped",  # a projection held at the potential from year ``year`` on
    "no_trend",  # a group with fewer than two years of history
]


@dataclass
class Finding:
    """Something worth a warning, of one ``kind`` (see FindingKind): about ``label``,
    with its counts (``enrolled`` of ``potential``) and, for a total row, the
    ``summed`` counts of the rows it totals; ``origin`` says where it was read."""

    kind: FindingKind
    label: str
    enrolled: int
    potential: int
    summed: tuple[int, int] | None = None
    origin: str | None = None
    year: int | None = None  # "missing_year": the group's latest year; "capped": the year held from
    reported_year: int | None = None  # "missing_year": the year reported
    column: str | None = None  # "filled_inner", "unnamed": the header of the label column that was blank
    more: int = 0  # rows like it after this one, counted, not listed (a reader lists a few of a kind)
