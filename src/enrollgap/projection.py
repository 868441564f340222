"""Year-by-year paths to a coverage target, and forecasts of when it is reached.

Pure functions on plain data. Counts are whole people every year; the
potential compounds exactly (Fractions) and is rounded half up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from .coverage import coverage_pct, gap, target_count
from .errors import ProjectionError
from .groups import Group, Labelled
from .numerals import MAX_COUNT
from .rounding import ceil_div, round_float, round_half_up
from .values import exact, exact_or_none

REQUIRED = ("linear", "compound", "closing")
# No path spans more years than this: a --by of 99999 or a --horizon of a million
# would be megabytes of output, and nobody plans that far.
MAX_YEARS = 1000
METHODS = (*REQUIRED, "growth", "add")


@dataclass(frozen=True)
class Assumptions:
    """What a projection assumes beyond the counts, echoed in its output."""

    potential_growth_pct: Fraction = Fraction(0)
    retention_pct: Fraction = Fraction(100)
    premium: Fraction | None = None  # a month, per worker; the default for every year
    premium_by_year: Mapping[int, Fraction] = field(default_factory=dict)  # years with another premium
    budget: Fraction | None = None  # a year's money for the premiums of the members added

    def __post_init__(self) -> None:
        # Numbers a program gives are taken as the decimals they print as (12.3, not its binary expansion).
        object.__setattr__(self, "potential_growth_pct", exact(self.potential_growth_pct, "--potential-growth"))
        object.__setattr__(self, "retention_pct", exact(self.retention_pct, "--retention"))
        object.__setattr__(self, "premium", exact_or_none(self.premium, "--premium"))
        object.__setattr__(self, "budget", exact_or_none(self.budget, "--budget"))
        by_year = {year: exact(amount, "--premium") for year, amount in self.premium_by_year.items()}
        object.__setattr__(self, "premium_by_year", by_year)

    def premium_in(self, year: int) -> Fraction | None:
        """The monthly premium of a year: its override, else the default."""
        return self.premium_by_year.get(year, self.premium)


@dataclass
class Year:
    """One year of a path. new_net and new_gross are 0 in the base year."""

    year: int
    potential: int
    enrolled: int
    coverage_pct: Fraction | None
    gap: int
    new_net: int
    new_gross: int
    premium_per_year: Fraction | None
    # What the members added since the base year cost in premiums this year.
    premium_added_per_year: Fraction | None = None


@dataclass
class GroupPath(Labelled):
    """The years of one group (or of the total, sector and region None) and the
    first year its target is reached (None if not within the years shown)."""

    sector: str | None
    region: str | None
    reached: int | None
    years: tuple[Year, ...]
    # The path's yearly rate in percent: the growth of enrolled (compound, growth,
    # trend-compound) or the share of the uncovered part closed (closing); else None.
    rate_pct: float | None = None
    capped_in: int | None = None  # a forecast held at the potential from this year


@dataclass
class Projection:
    """Paths per group and the total's path (each year the sum of the groups')."""

    from_year: int
    to_year: int | None
    target_pct: Fraction
    method: str
    assumptions: Assumptions
    paths: tuple[GroupPath, ...]
    total: GroupPath


def potentials(potential: int, growth_pct: Fraction, years: int) -> list[int]:
    """The potential in each of years + 1 years, compounding growth_pct a year; the list
    ends before the first year past 10^15, where no count can go (see ``too_large``)."""
    factor = 1 + Fraction(growth_pct) / 100
    exact = Fraction(potential)
    out = [potential]
    for _ in range(years):
        exact *= factor
        value = round_half_up(exact)
        if value > MAX_COUNT:
            break
        out.append(value)
    return out


def too_large(from_year: int, potential_by_year: Sequence[int]) -> ProjectionError:
    """The error for a path that needs a year past the potentials ``potentials`` gave."""
    year = from_year + len(potential_by_year)
    return ProjectionError(
        f"the potential passes 10^15 in {year}; no path can be projected that far", "--potential-growth"
    )


def required_enrolled(enrolled: int, potential_by_year: Sequence[int], target_pct: Fraction, method: str) -> list[int]:
    """Enrolled in each year of a path that holds exactly the target count in its last
    year, never going backwards; a group already at its target stays where it is."""
    years = len(potential_by_year) - 1
    goal = target_count(target_pct, potential_by_year[-1])
    if enrolled >= goal:
        return [enrolled] * (years + 1)
    if method == "linear":
        raw = [enrolled + Fraction(t * (goal - enrolled), years) for t in range(years + 1)]
    elif method == "compound":
        if enrolled == 0:
            raise ProjectionError(
                "the compound path grows enrolled by a constant rate, which is undefined "
                "from 0 enrolled; use --path linear"
            )
        rate = (goal / enrolled) ** (1 / years)
        raw = [enrolled * rate**t for t in range(years + 1)]
    elif method == "closing":
        uncovered = 1 - Fraction(enrolled, potential_by_year[0])
        if uncovered <= 0:
            raise ProjectionError(
                "the closing path shrinks the uncovered share, which is already 0 or less "
                "in the base year; use --path linear"
            )
        goal_uncovered = 1 - Fraction(goal, potential_by_year[-1])
        ratio = float(max(goal_uncovered, Fraction(0)) / uncovered) ** (1 / years)
        raw = [(1 - float(uncovered) * ratio**t) * potential_by_year[t] for t in range(years + 1)]
    else:
        raise ProjectionError(f"unknown path {method!r}; choose one of {', '.join(REQUIRED)}")
    path = [enrolled]
    for value in raw[1:-1]:
        rounded = round_float(value) if isinstance(value, float) else round_half_up(value)
        path.append(min(max(rounded, path[-1]), goal))
    path.append(goal)
    return path


def _forecast_step(enrolled_exact: Fraction, method: str, rate: Fraction) -> Fraction:
    if method == "growth":
        return enrolled_exact * (1 + rate / 100)
    return max(enrolled_exact + rate, Fraction(0))  # a declining trend stops at none enrolled


def _years(
    from_year: int,
    potential_by_year: Sequence[int],
    enrolled_by_year: Sequence[int],
    assumptions: Assumptions,
) -> tuple[Year, ...]:
    retention = assumptions.retention_pct / 100
    out = []
    for t, (potential, enrolled) in enumerate(zip(potential_by_year, enrolled_by_year)):
        previous = enrolled_by_year[t - 1] if t else enrolled
        new_gross = max(ceil_div(enrolled - retention * previous, 1), 0) if t else 0
        premium = added = None
        monthly = assumptions.premium_in(from_year + t)
        if monthly is not None:
            premium = enrolled * monthly * 12
            added = max(enrolled - enrolled_by_year[0], 0) * monthly * 12
        out.append(
            Year(
                from_year + t,
                potential,
                enrolled,
                coverage_pct(enrolled, potential),
                gap(enrolled, potential),
                enrolled - previous,
                new_gross,
                premium,
                added,
            )
        )
    return tuple(out)


def _reached(years: Sequence[Year], target_pct: Fraction) -> int | None:
    for year in years:
        if year.enrolled >= target_count(target_pct, year.potential):
            return year.year
    return None


def _total(paths: Sequence[GroupPath], target_pct: Fraction, assumptions: Assumptions) -> GroupPath:
    """The total's path: each year the sum of the groups' years; reached when every
    group is at its target in the same year."""
    years = []
    reached = None
    for group_years in zip(*(p.years for p in paths)):
        potential = sum(y.potential for y in group_years)
        enrolled = sum(y.enrolled for y in group_years)
        premium: Fraction | None = None
        added: Fraction | None = None
        if assumptions.premium is not None:
            premium = sum((y.premium_per_year or Fraction(0) for y in group_years), Fraction(0))
            added = sum((y.premium_added_per_year or Fraction(0) for y in group_years), Fraction(0))
        years.append(
            Year(
                group_years[0].year,
                potential,
                enrolled,
                coverage_pct(enrolled, potential),
                sum(y.gap for y in group_years),
                sum(y.new_net for y in group_years),
                sum(y.new_gross for y in group_years),
                premium,
                added,
            )
        )
        at_target = all(y.enrolled >= target_count(target_pct, y.potential) for y in group_years)
        if reached is None and at_target:
            reached = group_years[0].year
    return GroupPath(None, None, reached, tuple(years))


def validate(target_pct: Fraction, assumptions: Assumptions) -> None:
    if not 0 <= target_pct <= 100:
        raise ProjectionError("the target must be between 0 and 100", "--target")
    if not 0 <= assumptions.retention_pct <= 100:
        raise ProjectionError("the retention must be between 0 and 100", "--retention")
    if assumptions.potential_growth_pct <= -100:
        raise ProjectionError("the potential cannot shrink by 100 percent or more a year", "--potential-growth")
    if assumptions.premium is not None and assumptions.premium < 0:
        raise ProjectionError("a premium cannot be negative", "--premium")


def validate_span(years: int, option: str) -> None:
    if years > MAX_YEARS:
        raise ProjectionError(f"a path spans at most {MAX_YEARS} years, not {years}", option)


def required_path(
    groups: Sequence[Group],
    target_pct: Fraction,
    from_year: int,
    by: int,
    method: str = "linear",
    assumptions: Assumptions = Assumptions(),
) -> Projection:
    """The path each group must take from from_year to reach target_pct in year by,
    and the total's path (the sum of the groups')."""
    validate(target_pct, assumptions)
    if method not in REQUIRED:
        raise ProjectionError(f"unknown path {method!r}; choose one of {', '.join(REQUIRED)}")
    if by <= from_year:
        raise ProjectionError(f"the target year {by} must come after the base year {from_year}", "--by")
    validate_span(by - from_year, "--by")
    years = by - from_year
    paths = []
    for group in groups:
        potential_by_year = potentials(group.potential, assumptions.potential_growth_pct, years)
        if len(potential_by_year) <= years:
            raise too_large(from_year, potential_by_year)
        try:
            enrolled_by_year = required_enrolled(group.enrolled, potential_by_year, target_pct, method)
        except ProjectionError as error:
            raise ProjectionError(f"{group.label}: {error}") from None
        path_years = _years(from_year, potential_by_year, enrolled_by_year, assumptions)
        paths.append(GroupPath(group.sector, group.region, _reached(path_years, target_pct), path_years,
                               _rate(method, path_years)))  # fmt: skip
    total = _total(paths, target_pct, assumptions)
    total = GroupPath(None, None, total.reached, total.years, _rate(method, total.years))
    return Projection(from_year, by, target_pct, method, assumptions, tuple(paths), total)


def forecast(
    groups: Sequence[Group],
    target_pct: Fraction,
    from_year: int,
    *,
    growth_pct: Fraction | None = None,
    add: int | None = None,
    horizon: int = 50,
    assumptions: Assumptions = Assumptions(),
    rates: Sequence[tuple[str, Fraction]] | None = None,
    method_name: str | None = None,
) -> Projection:
    """Where enrolled goes growing by growth_pct a year (or by add people a year),
    year by year until every group has reached target_pct, or for horizon years.

    ``rates`` gives each group its own step instead ("growth" and a percentage, or
    "add" and a number, which may be a fraction): a group's observed trend,
    reported as ``method_name``.
    """
    validate(target_pct, assumptions)
    if rates is None and (growth_pct is None) == (add is None):
        raise ProjectionError("give one of --by YEAR, --growth PCT or --add N")
    if horizon < 1:
        raise ProjectionError("the horizon must be at least 1 year", "--horizon")
    validate_span(horizon, "--horizon")
    if growth_pct is not None and growth_pct <= -100:
        raise ProjectionError("enrolled cannot shrink by 100 percent or more a year", "--growth")
    if add is not None and add < 0:
        raise ProjectionError("takes a number of new enrollments, which cannot be negative", "--add")
    method, rate = ("growth", growth_pct) if growth_pct is not None else ("add", Fraction(add or 0))
    steps = list(rates) if rates is not None else [(method, rate)] * len(groups)
    potential_by_group = [potentials(g.potential, assumptions.potential_growth_pct, horizon) for g in groups]
    enrolled_by_group: list[list[int]] = [[g.enrolled] for g in groups]
    exact = [Fraction(g.enrolled) for g in groups]
    capped: list[int | None] = [None] * len(groups)
    last = 0
    while True:
        if all(
            enrolled[last] >= target_count(target_pct, potential[last])
            for enrolled, potential in zip(enrolled_by_group, potential_by_group)
        ):
            break
        if last == horizon:
            break
        last += 1
        for index in range(len(groups)):
            if last >= len(potential_by_group[index]):
                raise too_large(from_year, potential_by_group[index])
            exact[index] = _forecast_step(exact[index], *steps[index])
            # Never more enrolled than the potential (a group already above it stays where it was).
            ceiling = max(potential_by_group[index][last], groups[index].enrolled)
            if exact[index] > ceiling:
                exact[index] = Fraction(ceiling)
                capped[index] = capped[index] or from_year + last
            enrolled_by_group[index].append(round_half_up(exact[index]))
    paths = []
    name = method_name or method
    for index, (group, potential, enrolled) in enumerate(zip(groups, potential_by_group, enrolled_by_group)):
        path_years = _years(from_year, potential[: last + 1], enrolled, assumptions)
        step, value = steps[index]
        # The growth a year before any cap: the step itself (a path held at the potential
        # from some year on does not grow there, and an average over it would understate it).
        yearly = float(value) if step == "growth" else _rate(name, path_years)
        paths.append(GroupPath(group.sector, group.region, _reached(path_years, target_pct), path_years, yearly,
                               capped[index]))  # fmt: skip
    total = _total(paths, target_pct, assumptions)
    first_cap = min((year for year in capped if year is not None), default=None)
    uncapped = total.years if first_cap is None else total.years[: first_cap - from_year]
    total = GroupPath(None, None, total.reached, total.years, _rate(name, uncapped))
    return Projection(from_year, total.reached, target_pct, name, assumptions, tuple(paths), total)


def _rate(method: str, years: Sequence[Year]) -> float | None:
    """A path's yearly rate from its first and last year: the growth of enrolled for
    compound-like paths, the share of the uncovered part closed for closing."""
    span = len(years) - 1
    first, last = years[0], years[-1]
    if span < 1:
        return None
    if method in ("compound", "growth", "trend-compound"):
        if first.enrolled <= 0:
            return None
        return 100 * ((last.enrolled / first.enrolled) ** (1 / span) - 1)
    if method == "closing":
        if not first.potential or not last.potential or first.enrolled >= first.potential:
            return None
        before = 1 - first.enrolled / first.potential
        after = max(1 - last.enrolled / last.potential, 0.0)
        return 100 * (1 - (after / before) ** (1 / span))
    return None
