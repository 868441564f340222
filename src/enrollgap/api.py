"""The three things enrollgap does, as functions on plain data: report, project, check.

These are the library's entry points and what the command line calls; each takes
groups (or cases) and an options dataclass and returns a result dataclass that
every output format renders. Nothing here reads files, prints or imports click
or rich::

    from enrollgap import Group, ReportOptions, report
    result = report([Group("BPU", None, 48858, 1340000)], ReportOptions())
    result.report.total.coverage_pct   # Fraction(244290, 67000): 3.646...%
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction

from .consistency import Case, Verdict, check_case
from .coverage import (
    SORT_KEYS,
    BudgetCover,
    Finding,
    Plan,
    Report,
    Row,
    budget_cover,
    build_report,
    findings_of,
    sort_rows,
)
from .errors import CheckError, ExitStatus, InputError, OptionError
from .groups import Group
from .money import first_year_over, validate_money
from .numerals import Written
from .panel import Key, Panel, key_of, panel, years_of
from .projection import Assumptions, Projection, forecast, potentials, required_path, validate, validate_span
from .trend import Observed, Outlook, reached_at, required_per_year, trend_of


def this_year() -> int:
    """The base year when none is given."""
    return time.localtime().tm_year


def _no_groups(groups: Sequence[object], what: str, source: str | None) -> None:
    if not groups:
        raise InputError(f"no rows to {what}", source)


# ------------------------------------------------------------------ report


@dataclass(frozen=True)
class ReportOptions:
    """What a report is asked for: the plan (target, deadline, premium), which rows
    to show and in what order, and the coverage below which it is a finding."""

    plan: Plan = Plan()
    sort: str = "input"
    top: int | None = None
    total: bool = True
    fail_under: Written | None = None
    year: int | None = None  # the year of a panel to report; default the latest

    def __post_init__(self) -> None:
        if self.sort not in SORT_KEYS:
            raise OptionError(f"unknown sort key {self.sort!r}; choose one of {', '.join(SORT_KEYS)}", "--sort")
        if self.top is not None and self.top < 1:
            raise OptionError("shows at least 1 group", "--top")
        if self.fail_under is not None and not 0 <= self.fail_under.value <= 100:
            raise OptionError("the coverage limit must be between 0 and 100", "--fail-under")


@dataclass(frozen=True)
class ReportResult:
    """A report and what to show of it: ``rows`` sorted and cut to --top;
    ``below`` is True when the total coverage is under --fail-under (or undefined)."""

    report: Report
    rows: tuple[Row, ...]
    options: ReportOptions
    below: bool = False
    read_findings: tuple[Finding, ...] = ()  # from reading, and groups left out of a panel's year
    panel: Panel | None = None  # with years: the reported year and each group's change
    budget: BudgetCover | None = None  # with --budget: what it pays for

    @property
    def findings(self) -> tuple[Finding, ...]:
        return (*self.read_findings, *self.report.findings)

    @property
    def exit_status(self) -> ExitStatus:
        """FINDING when the total coverage is under --fail-under, else OK."""
        return ExitStatus.FINDING if self.below else ExitStatus.OK


def report(
    groups: Sequence[Group],
    options: ReportOptions = ReportOptions(),
    source: str | None = None,
    findings: Sequence[Finding] = (),
) -> ReportResult:
    """Coverage and gap per group and for the total, with what the plan asks for;
    ``findings`` from reading (read_input's) travel with the result's own."""
    _no_groups(groups, "report on", source)
    chosen = panel(groups, options.year) if years_of(groups) else None
    if chosen is None and options.year is not None:
        raise OptionError("the input has no year column", "--year")
    plan = options.plan
    if plan.by is not None and plan.from_year is None:
        plan = replace(plan, from_year=this_year() if chosen is None else chosen.year)
    if chosen is not None:
        groups = chosen.groups
        findings = (*findings, *chosen.findings)
    built = build_report(groups, plan)
    rows = tuple(sort_rows(built.groups, options.sort)[: options.top])
    below = False
    if options.fail_under is not None:
        coverage = built.total.coverage_pct
        below = coverage is None or coverage < options.fail_under.value
    cover = None
    if plan.budget is not None and plan.premium is not None:
        total = built.total
        cover = budget_cover(plan.budget, plan.premium, total.enrolled, total.potential, total.gap)
    return ReportResult(built, rows, options, below, tuple(findings), chosen, cover)


# ------------------------------------------------------------------ project

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


@dataclass(frozen=True)
class ProjectResult:
    """The paths, and the warnings the groups' counts deserve."""

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
    _no_groups(groups, "project", source)
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
            if trend is not None:
                at = reached_at(base, group.enrolled, trend.net_per_year, target,
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
        total = Outlook(
            total_history,
            total.trend,
            sum((o.required_per_year or Fraction(0) for o in parts), Fraction(0)),
            None if any(r is None for r in reached) else max(r for r in reached if r is not None),
            None if any(t is None for t in tracks) else all(tracks),
            options.horizon,
        )
    return outlooks, total


# ------------------------------------------------------------------ check


@dataclass(frozen=True)
class CheckResult:
    """One verdict per case, in input order; ``consistent`` when every one is."""

    verdicts: tuple[Verdict, ...]

    @property
    def consistent(self) -> bool:
        return all(v.consistent for v in self.verdicts)

    @property
    def exit_status(self) -> ExitStatus:
        """FINDING when any published case does not add up, else OK."""
        return ExitStatus.OK if self.consistent else ExitStatus.FINDING


@dataclass(frozen=True)
class CheckOptions:
    """How strictly to check: each reported percentage widened by ``tolerance_pp`` points each side."""

    tolerance_pp: Fraction = Fraction(0)

    def __post_init__(self) -> None:
        if self.tolerance_pp < 0:
            raise OptionError("cannot be negative", "--tolerance")


def check(cases: Sequence[Case], options: CheckOptions = CheckOptions(), source: str | None = None) -> CheckResult:
    """Does each published percentage agree with its published counts?"""
    _no_groups(cases, "check", source)
    verdicts = []
    for case in cases:
        try:
            verdicts.append(check_case(case.enrolled, case.potential, case.reported, options.tolerance_pp, case.label))
        except CheckError as error:
            raise CheckError(error.message, case.origin) from None
    return CheckResult(tuple(verdicts))
