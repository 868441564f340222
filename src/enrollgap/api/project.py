"""``project``: the year-by-year path of each group and of the total to a coverage target."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import ClassVar, Literal

from ..budget import first_year_over
from ..coverage import findings_of
from ..errors import ExitStatus, InputError, OptionError
from ..findings import Finding
from ..groups import Group, years_of
from ..money import validate_money
from ..panel import Key, Panel, key_of, panel
from ..projection import Assumptions, Projection, forecast, potentials, required_path, validate, validate_span
from ..trend import Observed, Outlook, reached_at_pace, required_per_year, trend_of
from ..values import exact, exact_or_none
from .common import require_rows, this_year

METHODS = ("linear", "compound", "closing")
TRENDS = ("linear", "compound")


@dataclass(frozen=True)
class ProjectOptions:
    """A path to ``target_pct``: required by the year ``by`` (shaped by ``method``),
    or a forecast growing ``growth_pct`` a year or adding ``add`` a year."""

    target_pct: Fraction
    from_year: int | None = None  # the base year; default: a panel's latest year, else this year
    by: int | None = None
    method: str | None = None
    growth_pct: Fraction | None = None
    add: int | None = None
    horizon: int = 50
    assumptions: Assumptions = field(default_factory=Assumptions)
    trend: str | None = None  # "linear" or "compound": each group continues its observed trend
    window: int = 5  # with years: how many of them, up to the base year, the trend looks at

    def __post_init__(self) -> None:
        object.__setattr__(self, "target_pct", exact(self.target_pct, "--target"))  # (frozen)
        object.__setattr__(self, "growth_pct", exact_or_none(self.growth_pct, "--growth"))
        given = (("--by", self.by), ("--growth", self.growth_pct), ("--add", self.add), ("--trend", self.trend))
        chosen = [name for name, value in given if value is not None]
        if len(chosen) != 1:
            raise OptionError(
                "give one of --by YEAR, --growth PCT or --add N (or, with years, --trend linear|compound)"
                + (f", not {' and '.join(chosen)}" if chosen else "")
            )
        if self.trend is not None and self.trend not in TRENDS:
            raise OptionError(f"unknown trend {self.trend!r}; choose one of {', '.join(TRENDS)}", "--trend")
        if self.window < 2:
            raise OptionError("a trend needs at least 2 years", "--window")
        validate_money(self.assumptions.budget, self.assumptions.premium)
        if self.assumptions.premium_by_year and self.assumptions.premium is None:
            raise OptionError("give a plain --premium AMOUNT for the years without one of their own", "--premium")
        if self.method is not None and self.by is None:
            raise OptionError("--path goes with --by")
        if self.method is not None and self.method not in METHODS:
            raise OptionError(f"unknown path {self.method!r}; choose one of {', '.join(METHODS)}", "--path")
        if self.by is not None and self.from_year is not None and self.by <= self.from_year:
            raise OptionError(f"the target year {self.by} must come after the base year {self.from_year}", "--by")
        validate(self.target_pct, self.assumptions)
        if self.by is not None and self.from_year is not None:
            validate_span(self.by - self.from_year, "--by")
        else:
            validate_span(self.horizon, "--horizon")


@dataclass
class ProjectResult:
    """The paths, and the warnings the groups' counts deserve."""

    command: ClassVar[Literal["project"]] = "project"  # which command this answers; output dispatches on it

    projection: Projection
    findings: tuple[Finding, ...]
    # With years: each group path's history and trend (by its labels) and the
    # total's, and with --by whether each is on track.
    outlooks: dict[Key, Outlook] | None = None
    total_outlook: Outlook | None = None

    @property
    def budget_exceeded_in(self) -> int | None:
        """With a budget: the first year the premiums of the members added exceed it."""
        budget = self.projection.assumptions.budget
        if budget is None:
            return None
        return first_year_over([(y.year, y.premium_added_per_year) for y in self.projection.total.years], budget)

    @property
    def exit_status(self) -> ExitStatus:
        return ExitStatus.OK


def project(
    groups: Sequence[Group], options: ProjectOptions, source: str | None = None, findings: Sequence[Finding] = ()
) -> ProjectResult:
    """The year-by-year path of each group and of the total; ``findings`` from reading
    travel with the result's own. With years, the base year's counts start the
    path (never a sum over years) and each path carries its observed trend."""
    require_rows(groups, "project", source)
    from_year = options.from_year
    chosen = None
    if years_of(groups):
        years = years_of(groups)
        if from_year is not None and from_year not in years:
            raise OptionError(f"must be a year of the input (years: {', '.join(map(str, years))})", "--from")
        chosen = panel(groups, from_year)
        groups, from_year = list(chosen.groups), chosen.year
        findings = (*findings, *chosen.findings)
    elif options.trend is not None:
        raise OptionError("needs a year column in the input (tahun, year, period)", "--trend")
    if from_year is None:
        from_year = this_year()
    if options.by is not None:
        if options.by <= from_year:
            raise OptionError(f"the target year {options.by} must come after the base year {from_year}", "--by")
        validate_span(options.by - from_year, "--by")
    last_year = options.by if options.by is not None else from_year + options.horizon
    for year in options.assumptions.premium_by_year:
        if not from_year <= year <= last_year:
            raise OptionError(f"{year} is outside the path ({from_year}-{last_year})", "--premium")
    findings = (*findings, *findings_of(groups))
    histories = None if chosen is None else _histories(chosen, options.window)
    if histories is not None:
        findings = (*findings, *_without_trend(groups, histories))
    if options.by is not None:
        projection = required_path(
            groups, options.target_pct, from_year, options.by, options.method or "linear", options.assumptions
        )
    else:  # a forecast: --growth, --add, or each group's own observed trend
        trend = options.trend
        projection = forecast(
            groups,
            options.target_pct,
            from_year,
            growth_pct=options.growth_pct,
            add=options.add,
            horizon=options.horizon,
            assumptions=options.assumptions,
            rates=None if trend is None or histories is None else _trend_rates(groups, histories, trend),
            method_name=None if trend is None else f"trend-{trend}",
        )
    findings = (*findings, *(Finding("capped", p.label, 0, 0, None, None, p.capped_in)
                             for p in projection.paths if p.capped_in is not None))  # fmt: skip
    if histories is None:
        return ProjectResult(projection, tuple(findings))
    outlooks, total = _outlooks(groups, histories, projection, options)
    return ProjectResult(projection, tuple(findings), outlooks, total)


def _histories(chosen: Panel, window: int) -> dict[Key, tuple[Observed, ...]]:
    """Each reported group's observed years: the input's last ``window`` years up to the base year."""
    kept = [y for y in chosen.years if y <= chosen.year][-window:]
    out = {}
    for group in chosen.groups:
        rows = chosen.history[key_of(group)]
        out[key_of(group)] = tuple(Observed(g.year, g.enrolled, g.potential) for g in rows if g.year in kept)
    return out


def _without_trend(groups: Sequence[Group], histories: dict[Key, tuple[Observed, ...]]) -> list[Finding]:
    return [
        Finding("no_trend", g.label, g.enrolled, g.potential, None, g.origin, g.year)
        for g in groups
        if len(histories[key_of(g)]) < 2
    ]


def _trend_rates(
    groups: Sequence[Group], histories: dict[Key, tuple[Observed, ...]], kind: str
) -> list[tuple[str, Fraction]]:
    """Each group's own step for --trend; a group without a trend is an error naming it."""
    rates = []
    for group in groups:
        trend = trend_of(histories[key_of(group)])
        if trend is None or (kind == "compound" and trend.growth_pct is None):
            raise InputError(f"{group.label or 'the group'}: no {kind} trend (fewer than two years, or none enrolled)")
        if kind == "linear" or trend.growth_pct is None:
            rates.append(("add", trend.net_per_year))
        else:
            rates.append(("growth", Fraction(trend.growth_pct)))
    return rates


def _outlooks(
    groups: Sequence[Group],
    histories: dict[Key, tuple[Observed, ...]],
    projection: Projection,
    options: ProjectOptions,
) -> tuple[dict[Key, Outlook], Outlook]:
    """Each path's outlook and the total's (its history: the years every group has)."""
    growth = options.assumptions.potential_growth_pct
    target = projection.target_pct
    base = projection.from_year
    outlooks = {}
    for group, path in zip(groups, projection.paths):
        history = histories[key_of(group)]
        trend = trend_of(history)
        outlook = Outlook(history, trend)
        if options.by is not None:
            years = options.by - base
            needed = required_per_year(group.enrolled, target, path.years[-1].potential, years)
            at = None
            if trend is not None:  # at the observed pace, in the terms of the path's own method
                at = reached_at_pace(projection.method, base, group.enrolled, trend, target,
                                     potentials(group.potential, growth, options.horizon))  # fmt: skip
            on_track = None if trend is None else at is not None and at <= options.by
            outlook = Outlook(history, trend, needed, at, on_track, options.horizon)
        outlooks[key_of(group)] = outlook
    common = sorted(set.intersection(*(set(o.year for o in h) for h in histories.values())))
    total_history = tuple(
        Observed(y, sum(o.enrolled for h in histories.values() for o in h if o.year == y),
                 sum(o.potential for h in histories.values() for o in h if o.year == y))
        for y in common
    )  # fmt: skip
    total = Outlook(total_history, trend_of(total_history))
    if options.by is not None:
        parts = list(outlooks.values())
        reached = [o.reached_at_trend for o in parts]
        tracks = [o.on_track for o in parts]
        own = None
        if total.trend is not None:  # the total at its own pace, for its sentence
            base_year = projection.total.years[0]
            own = reached_at_pace(projection.method, base, base_year.enrolled, total.trend, target,
                                  potentials(base_year.potential, growth, options.horizon))  # fmt: skip
        total = Outlook(
            total_history,
            total.trend,
            sum((o.required_per_year or Fraction(0) for o in parts), Fraction(0)),
            None if any(r is None for r in reached) else max(r for r in reached if r is not None),
            None if any(t is None for t in tracks) else all(tracks),
            options.horizon,
            own,
            tuple(g.label for g, o in zip(groups, parts) if o.on_track is False),
        )
    return outlooks, total
