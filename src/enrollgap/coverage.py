"""Coverage, gap, gap shares, targets and premiums: the arithmetic of ``report``.

Pure functions on plain data; exact (integers and Fractions) throughout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from .errors import DataError, OptionError
from .findings import Finding
from .groups import Group, Labelled
from .money import validate_money
from .rounding import ceil_div
from .values import exact_or_none


@dataclass
class Row(Labelled):
    """One line of a report, for a group or for the total (sector and region None).

    Percentages are exact Fractions in percent (3.646 means 3.646%), computed
    from the whole counts when asked: a report of 100,000 groups keeps integers
    and turns them into numbers for output once (``percent_float``).
    """

    sector: str | None
    region: str | None
    enrolled: int
    potential: int
    gap: int
    total_gap: int  # the report's total gap, of which gap_share_pct is this row's share
    target: int | None = None
    to_target: int | None = None
    per_year: int | None = None
    per_month: int | None = None
    premium_gap_per_year: Fraction | None = None
    premium_to_target_per_year: Fraction | None = None

    @property
    def coverage_pct(self) -> Fraction | None:
        """100 * enrolled / potential; None when the potential is 0."""
        return coverage_pct(self.enrolled, self.potential)

    @property
    def gap_share_pct(self) -> Fraction | None:
        """This row's share of the total gap, in percent; None when there is no gap at all."""
        return coverage_pct(self.gap, self.total_gap)


@dataclass(frozen=True)
class Plan:
    """What a report is asked for beyond coverage: a target, a deadline, a premium.

    Checked when made: a target within 0-100, a deadline after the base year
    and only with a target (OptionError otherwise). With a deadline and no base
    year, ``report`` takes the reported year of a panel, else this year.
    """

    target_pct: Fraction | None = None
    by: int | None = None
    from_year: int | None = None
    premium: Fraction | None = None
    budget: Fraction | None = None  # a year's money for premiums: what it buys is reported

    def __post_init__(self) -> None:
        for name, option in (("target_pct", "--target"), ("premium", "--premium"), ("budget", "--budget")):
            object.__setattr__(self, name, exact_or_none(getattr(self, name), option))  # (frozen)
        if self.target_pct is not None and not 0 <= self.target_pct <= 100:
            raise OptionError("the target must be between 0 and 100", "--target")
        if self.by is not None and self.target_pct is None:
            raise OptionError("--by goes with --target")
        if self.from_year is not None and self.by is None:
            raise OptionError("--from goes with --by")
        if self.by is not None and self.from_year is not None and self.by <= self.from_year:
            raise OptionError(f"the target year {self.by} must come after the base year {self.from_year}", "--by")
        if self.premium is not None and self.premium < 0:
            raise OptionError("a premium cannot be negative", "--premium")
        validate_money(self.budget, self.premium)


@dataclass
class Report:
    """Rows per group and the total row (``total`` is computed from all groups)."""

    groups: tuple[Row, ...]
    total: Row
    findings: tuple[Finding, ...]
    plan: Plan


def coverage_pct(enrolled: int, potential: int) -> Fraction | None:
    """100 * enrolled / potential, or None when the potential is 0 (undefined)."""
    if potential == 0:
        return None
    return Fraction(100 * enrolled, potential)


def percent_float(part: int, whole: int) -> float | None:
    """float(coverage_pct(part, whole)), without building the Fraction: Python divides
    integers with correct rounding, as Fraction's float() does, so the two are equal."""
    return None if whole == 0 else 100 * part / whole


def gap(enrolled: int, potential: int) -> int:
    """The number of workers not yet covered; never negative."""
    return max(potential - enrolled, 0)


def target_count(target_pct: Fraction, potential: int) -> int:
    """The enrolled count that meets target_pct of potential: ceil(pct/100 * potential)."""
    return ceil_div(target_pct * potential, 100)


def group_finding(group: Group) -> Finding | None:
    """A finding for counts worth a warning; DataError for counts that make no sense."""
    if group.enrolled < 0 or group.potential < 0:
        raise DataError(f"{group.label or 'a group'}: counts cannot be negative")
    if group.potential == 0 and group.enrolled > 0:
        where = f"{group.origin}: " if group.origin else ""
        raise DataError(
            f"{where}{group.label or 'a group'}: {group.enrolled} enrolled "
            "out of a potential of 0; coverage cannot be computed"
        )
    if group.potential == 0:
        return Finding("undefined", group.label, group.enrolled, group.potential)
    if group.enrolled > group.potential:
        return Finding("over_covered", group.label, group.enrolled, group.potential)
    return None


def findings_of(groups: Sequence[Group]) -> tuple[Finding, ...]:
    """The warnings the groups' counts deserve; DataError for counts that make no sense.
    (A group with 0 <= enrolled <= potential and potential > 0 deserves none: those,
    nearly every group, are passed over without a call each.)"""
    odd = [g for g in groups if not (0 <= g.enrolled <= g.potential and g.potential)]
    return tuple(f for f in map(group_finding, odd) if f is not None)


def _row(
    sector: str | None,
    region: str | None,
    enrolled: int,
    potential: int,
    plan: Plan,
    total_gap: int,
    gap_value: int | None = None,
    sums: dict[str, int] | None = None,
) -> Row:
    """A report row; gap_value and sums are given for the total, which adds the groups'."""
    row_gap = gap(enrolled, potential) if gap_value is None else gap_value
    target = to_target = per_year = per_month = None
    if plan.target_pct is not None:
        if sums is None:
            target = target_count(plan.target_pct, potential)
            to_target = max(target - enrolled, 0)
            if plan.by is not None and plan.from_year is not None:
                years = plan.by - plan.from_year
                per_year = ceil_div(to_target, years)
                per_month = ceil_div(to_target, 12 * years)
        else:
            target, to_target = sums["target"], sums["to_target"]
            if plan.by is not None:
                per_year, per_month = sums["per_year"], sums["per_month"]
    premium_gap = premium_to_target = None
    if plan.premium is not None:
        premium_gap = row_gap * plan.premium * 12
        if to_target is not None:
            premium_to_target = to_target * plan.premium * 12
    return Row(
        sector,
        region,
        enrolled,
        potential,
        row_gap,
        total_gap,
        target,
        to_target,
        per_year,
        per_month,
        premium_gap,
        premium_to_target,
    )


def build_report(groups: Sequence[Group], plan: Plan = Plan()) -> Report:
    """Coverage, gap, gap share, target and premium per group and for the total.

    The total's coverage comes from the summed counts; its gap, target,
    to_target, per_year and per_month are the sums of the groups' (an
    over-covered group does not fill another's gap). Raises DataError for a
    group with enrolled workers out of a potential of 0.
    """
    findings = findings_of(groups)
    # gap() of each group, written out: once per group of 100,000 villages
    gaps = [g.potential - g.enrolled if g.potential > g.enrolled else 0 for g in groups]
    total_gap = sum(gaps)
    if plan.target_pct is None and plan.premium is None:  # counts alone: one Row each, nothing more to work out
        rows = [Row(g.sector, g.region, g.enrolled, g.potential, v, total_gap) for g, v in zip(groups, gaps)]
    else:
        rows = [_row(g.sector, g.region, g.enrolled, g.potential, plan, total_gap, v) for g, v in zip(groups, gaps)]
    sums = {}
    if plan.target_pct is not None:  # the total's target figures are the sums of the groups'
        fields = ("target", "to_target", *(("per_year", "per_month") if plan.by is not None else ()))
        sums = {name: sum(getattr(r, name) or 0 for r in rows) for name in fields}
    total = _row(
        None,
        None,
        sum(g.enrolled for g in groups),
        sum(g.potential for g in groups),
        plan,
        total_gap,
        total_gap,
        sums,
    )
    return Report(tuple(rows), total, findings, plan)


SORT_KEYS = ("input", "name", "enrolled", "potential", "coverage", "gap")


def sort_rows(rows: Sequence[Row], key: str = "input") -> list[Row]:
    """Rows in the asked order: counts descending, coverage ascending (undefined last),
    names alphabetically; ties keep the input order."""
    if key == "input":
        return list(rows)
    if key == "name":
        return sorted(rows, key=lambda r: r.label.casefold())
    if key == "coverage":
        return sorted(rows, key=lambda r: (r.coverage_pct is None, r.coverage_pct or 0))
    if key in ("enrolled", "potential", "gap"):
        return sorted(rows, key=lambda r: -getattr(r, key))
    raise OptionError(f"unknown sort key {key!r}; choose one of {', '.join(SORT_KEYS)}", "--sort")
