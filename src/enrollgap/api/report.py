"""``report``: coverage and gap per group and for the total, with what the plan asks for."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar, Literal

from ..coverage import SORT_KEYS, Plan, Report, Row, build_report, sort_rows
from ..errors import ExitStatus, OptionError
from ..findings import Finding
from ..groups import Group, years_of
from ..numerals import Written
from .common import require_rows, this_year

if TYPE_CHECKING:
    from ..budget import BudgetCover
    from ..panel import Panel


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


@dataclass
class ReportResult:
    """A report and what to show of it: ``rows`` sorted and cut to --top;
    ``below`` is True when the total coverage is under --fail-under (or undefined)."""

    command: ClassVar[Literal["report"]] = "report"  # which command this answers; output dispatches on it

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
    require_rows(groups, "report on", source)
    chosen = None
    if years_of(groups):  # a panel of several years; a report without years never loads its code
        from ..panel import panel

        chosen = panel(groups, options.year)
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
    if plan.budget is not None and plan.premium is not None:  # a report without --budget never loads its code
        from ..budget import budget_cover

        total = built.total
        cover = budget_cover(plan.budget, plan.premium, total.enrolled, total.potential, total.gap)
    return ReportResult(built, rows, options, below, tuple(findings), chosen, cover)
