"""Human views: what a person reads, as localized strings in rows and columns.

A ``View`` is plain data shared by every human format: tabulate renders its
strings as they are, rich (``rich_table``) adds colour, bars and charts from
the extra fields. Nothing here imports rich or tabulate.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import TYPE_CHECKING, overload

from ..coverage import Report, Row, coverage_pct
from ..groups import Group, label_fields
from ..numerals import UNDEFINED, Style, format_compact, format_int
from ..rounding import ceil_div, round_half_up
from ..text import LABEL_LIMIT, visible
from ..words import header, sentence, word, years_phrase
from .records import VERDICT_FIELDS, report_fields

if TYPE_CHECKING:  # only for annotations: a report's table loads neither projection nor consistency
    from ..api.check import CheckResult
    from ..api.project import ProjectResult
    from ..api.report import ReportResult
    from ..consistency import Verdict
    from ..panel import Panel
    from ..projection import GroupPath, Projection
    from ..trend import Outlook


@dataclass
class View:
    """A table for people: headers and rows of strings, plus what rich draws on top.

    ``levels`` holds each row's coverage_pct (rows, then the total) for colours,
    and for a bar after the column ``bar_after`` names, or a path chart when
    ``chart``; ``target_pct`` is the target they mark; ``emphasis`` the rows whose
    gap is in bold; ``verdicts`` each row's consistency, for a tick or a cross.
    """

    title: str | None
    keys: list[str]
    headers: list[str]
    numeric: list[bool]
    rows: list[list[str]]
    total: list[str] | None = None
    notes: list[str] = field(default_factory=list)
    levels: Sequence[Fraction | None] = field(default_factory=list)
    target_pct: Fraction | None = None
    emphasis: set[int] = field(default_factory=set)
    verdicts: list[bool] = field(default_factory=list)
    chart: bool = False
    chart_header: str = ""
    bar_after: str | None = None
    locale: str = "en"
    observed: set[int] = field(default_factory=set)  # rows observed in the input, not projected
    alert_notes: set[int] = field(default_factory=set)
    budget_levels: list[Fraction | None] = field(default_factory=list)  # the coverage a budget pays for
    alert: bool = False  # off track: the title stands out, and the notes in alert_notes


class Levels(Sequence["Fraction | None"]):
    """The rows' coverage_pct, each made when it is drawn: a table of 100,000 villages
    shows its first lines without first building 100,000 Fractions."""

    def __init__(self, rows: Sequence[Row]) -> None:
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Fraction | None: ...
    @overload
    def __getitem__(self, index: slice) -> list[Fraction | None]: ...
    def __getitem__(self, index: int | slice) -> Fraction | list[Fraction | None] | None:
        if isinstance(index, slice):
            return [row.coverage_pct for row in self._rows[index]]
        return self._rows[index].coverage_pct


def _range(pair: tuple[int, int] | None, style: Style) -> str:
    """An implied range: "1,335,000 to 1,344,999", one count, or "none"."""
    if pair is None:
        return word("none", style.locale)
    low, high = pair
    if low == high:
        return style.count(low)
    return f"{style.count(low)} {word('to', style.locale)} {style.count(high)}"


def without(view: View, key: str) -> View:
    """The view without one column: a key, or "bar" (the coverage bar) or "chart"."""
    if key == "bar":
        return replace(view, bar_after=None)
    if key == "chart":
        return replace(view, chart=False)
    index = view.keys.index(key)

    def cut(row: list[str]) -> list[str]:
        return row[:index] + row[index + 1 :]

    return replace(
        view,
        keys=cut(view.keys),
        headers=cut(view.headers),
        numeric=[n for i, n in enumerate(view.numeric) if i != index],
        rows=[cut(row) for row in view.rows],
        total=None if view.total is None else cut(view.total),
        bar_after=None if view.bar_after == key else view.bar_after,
    )


def pick(view: View, columns: Sequence[str]) -> View:
    """The view with only the chosen columns, in the chosen order (--columns); the
    coverage bar stays with the coverage, and a path chart with the path."""
    chosen = [key for key in columns if key in view.keys]
    order = [view.keys.index(key) for key in chosen]

    def take(row: list[str]) -> list[str]:
        return [row[i] for i in order]

    return replace(
        view,
        keys=chosen,
        headers=take(view.headers),
        numeric=[view.numeric[i] for i in order],
        rows=[take(row) for row in view.rows],
        total=None if view.total is None else take(view.total),
        bar_after=view.bar_after if view.bar_after in chosen else None,
    )


def has_column(view: View, key: str) -> bool:
    if key == "bar":
        return view.bar_after is not None
    if key == "chart":
        return view.chart
    return key in view.keys


def views_of(result: ReportResult | ProjectResult | CheckResult, style: Style) -> list[View]:
    """The views of any command's result."""
    if result.command == "report":
        view = report_view(result.report, result.rows, style.locale, style.decimals, result.options.total)
        if result.panel is not None:
            _add_changes(view, result, style)
        if result.budget is not None and result.report.plan.budget is not None:
            view.notes.append(
                sentence(
                    "report_budget",
                    style.locale,
                    budget=style.money(result.report.plan.budget),
                    workers=style.count(result.budget.workers),
                    coverage=style.pct(result.report.total.coverage_pct),
                    with_budget=style.pct(result.budget.coverage_with_budget_pct),
                )
            )
        return [view]
    if result.command == "project":
        return project_views(result.projection, style.locale, style.decimals, result)
    return [check_view(result.verdicts, style.locale, style.decimals)]


def _add_changes(view: View, result: ReportResult, style: Style) -> None:
    """A panel's change since each row's previous year, as two more columns."""
    panel = result.panel
    assert panel is not None
    changes = [panel.changes[(row.sector, row.region)] for row in result.rows]
    if view.total is not None:
        changes.append(panel.total)
    lines = [*view.rows, *([view.total] if view.total is not None else [])]
    for line, change in zip(lines, changes):
        line.append(
            UNDEFINED
            if change.enrolled_change is None
            else f"{change.enrolled_change:+,}".replace(",", "." if style.locale == "id" else ",")
        )
        line.append(
            UNDEFINED if change.coverage_change_pp is None else _signed(style.decimal(change.coverage_change_pp))
        )
    for key in ("enrolled_change", "coverage_change_pp"):
        view.keys.append(key)
        view.headers.append(header(key, style.locale))
        view.numeric.append(True)
    if len(panel.years) >= 3:  # a small line of each group's coverage over the years
        histories = [panel.history[(row.sector, row.region)] for row in result.rows]
        if view.total is not None:
            histories.append(_total_history(panel))
        for line, history in zip(lines, histories):
            line.append(
                sparkline([coverage_pct(g.enrolled, g.potential) for g in history if (g.year or 0) <= panel.year])
            )
        view.keys.append("coverage_history")
        view.headers.append(header("coverage_history", style.locale) + f" {panel.years[0]}–{panel.year}")
        view.numeric.append(False)
    view.notes.insert(
        1, sentence("report_year", style.locale, year=str(panel.year), prev=str(panel.total.prev_year or UNDEFINED))
    )


SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[Fraction | None]) -> str:
    """Values as bars from ▁ to █ between their smallest and largest; a gap for undefined."""
    known = [v for v in values if v is not None]
    if not known:
        return ""
    low, high = min(known), max(known)
    step = (high - low) / (len(SPARKS) - 1) if high > low else None
    return "".join(" " if v is None else SPARKS[0 if step is None else round_half_up((v - low) / step)] for v in values)


def _total_history(panel: Panel) -> tuple[Group, ...]:
    """The total's coverage over the years in which every reported group has a row."""
    keys = [(g.sector, g.region) for g in panel.groups]
    out = []
    for year in panel.years:
        rows = [g for k in keys for g in panel.history[k] if g.year == year]
        if len(rows) == len(keys):
            out.append(Group(None, None, sum(g.enrolled for g in rows), sum(g.potential for g in rows), year=year))
    return tuple(out)


def _signed(text: str) -> str:
    return text if text.startswith("-") else "+" + text


def report_view(report: Report, rows: Sequence[Row], locale: str, decimals: int = 2, total: bool = True) -> View:
    """The report as people read it: a row per group, the total, and a summary."""
    n = Style(locale, decimals)
    plan = report.plan
    labels = list(label_fields(rows)) or ["sector"]
    keys = [*labels, *(f for f in report_fields(plan) if f not in ("sector", "region"))]

    # How each column is written, worked out once: a report may have 100,000 rows.
    def label(key: str) -> Callable[[Row], str]:
        return lambda row: visible(getattr(row, key) or "", LABEL_LIMIT)

    def number(key: str) -> Callable[[Row], str]:
        write = n.money if key.startswith("premium") else n.count
        return lambda row: write(getattr(row, key))

    writers: dict[str, Callable[[Row], str]] = {
        "coverage_pct": lambda row: n.ratio_pct(row.enrolled, row.potential),
        "gap_share_pct": lambda row: n.ratio_pct(row.gap, row.total_gap),
    }
    columns = [writers.get(key) or (label(key) if key in ("sector", "region") else number(key)) for key in keys]

    def cells(row: Row, total_label: str | None = None) -> list[str]:
        """A row's strings; the total's label stands in the first label column."""
        out = [write(row) for write in columns]
        if total_label is not None:
            for index in range(len(labels)):
                out[index] = total_label if index == 0 else ""
        return out

    view = View(
        locale=locale,
        title=None,
        keys=keys,
        headers=[header(k, locale) for k in keys],
        numeric=[k not in ("sector", "region") for k in keys],
        rows=[cells(r) for r in rows],
        total=cells(report.total, header("total", locale)) if total else None,
        levels=Levels([*rows, *([report.total] if total else [])]),
        target_pct=plan.target_pct,
        bar_after="coverage_pct",
    )
    by_gap = sorted(range(len(rows)), key=lambda i: -rows[i].gap)
    view.emphasis = {i for i in by_gap[:3] if rows[i].gap > 0} if len(rows) > 1 else set()
    view.notes = report_notes(report, len(rows), n)
    return view


def report_notes(report: Report, shown: int, n: Style) -> list[str]:
    """The summary sentences under a report."""
    locale = n.locale
    t = report.total
    if t.coverage_pct is None:
        notes = [sentence("report_summary_undefined", locale)]
    else:
        notes = [
            sentence(
                "report_summary",
                locale,
                enrolled=n.count(t.enrolled),
                potential=n.count(t.potential),
                coverage=n.pct(t.coverage_pct),
                gap=n.count(t.gap),
            )
        ]
    plan = report.plan
    if plan.target_pct is not None:
        text = sentence("report_target", locale, target=n.exact_pct(plan.target_pct), to_target=n.count(t.to_target))
        if plan.by is not None:
            text += sentence(
                "report_by",
                locale,
                per_year=n.count(t.per_year),
                per_month=n.count(t.per_month),
                from_year=str(plan.from_year),
                by=str(plan.by),
            )
        notes.append(text + ".")
    if plan.premium is not None:
        notes.append(
            sentence(
                "report_premium",
                locale,
                premium_gap=n.money(t.premium_gap_per_year),
                premium=n.money(plan.premium),
            )
        )
    if shown < len(report.groups):
        notes.append(sentence("report_top", locale, shown=str(shown), count=str(len(report.groups))))
    return notes


PROJECT_KEYS = ["year", "potential", "enrolled", "coverage_pct", "gap", "new_net", "new_gross"]


def project_views(
    projection: Projection, locale: str, decimals: int = 2, result: ProjectResult | None = None
) -> list[View]:
    """A year-by-year table per group and one for the total, with the assumptions;
    with years, the observed years first and a sentence on the observed pace."""
    n = Style(locale, decimals)
    keys = list(PROJECT_KEYS)
    a = projection.assumptions
    if a.premium is not None:
        keys += ["premium_per_year", "premium_added_per_year"]
    views = []
    # With one group the total repeats it; show it once.
    paths = (*projection.paths, projection.total) if len(projection.paths) != 1 else projection.paths
    for path in paths:
        label = header("total", locale) if path is projection.total else visible(path.label, LABEL_LIMIT) or "–"
        method = word(projection.method, locale)
        if projection.method in ("growth", "add", "trend-linear", "trend-compound"):
            title = sentence(
                "project_forecast_title",
                locale,
                label=label,
                method=method,
                target=n.exact_pct(projection.target_pct),
            )
        else:
            title = sentence(
                "project_title",
                locale,
                label=label,
                target=n.exact_pct(projection.target_pct),
                to=str(projection.to_year),
                method=method,
            )
        outlook = _outlook_of(result, path)
        observed = [o for o in (outlook.history if outlook else ()) if o.year < projection.from_year]
        rows = [
            [f"{o.year}*", n.count(o.potential), n.count(o.enrolled), n.pct(o.coverage_pct),
             n.count(max(o.potential - o.enrolled, 0)), "", "", *(["", ""] if a.premium is not None else [])]
            for o in observed
        ]  # fmt: skip
        for year in path.years:
            row = []
            for key in keys:
                value = getattr(year, key)
                if key == "year":
                    row.append(str(value))
                elif key == "coverage_pct":
                    row.append(n.pct(value))
                elif key.startswith("premium"):
                    row.append(n.money(value))
                else:
                    row.append(n.count(value))
            rows.append(row)
        if path.reached is not None:
            notes = [sentence("project_reached", locale, year=str(path.reached))]
        else:
            notes = [sentence("project_not_reached", locale, years=str(len(path.years) - 1))]
        if path.rate_pct is not None:
            kind = "project_closing_rate" if projection.method == "closing" else "project_rate"
            rate = n.decimal(Fraction(path.rate_pct).limit_denominator(10**6))
            notes.append(sentence(kind, locale, rate=(rate if rate.startswith("-") else "+" + rate) + "%"))
        alert_notes = set()
        if outlook is not None and outlook.required_per_year is not None:
            if outlook.on_track is False:
                alert_notes.add(len(notes))
            notes.append(_pace(outlook, projection, n))
        views.append(
            View(
                locale=locale,
                title=title,
                keys=keys,
                headers=[header(k, locale) for k in keys],
                numeric=[True] * len(keys),
                rows=rows,
                notes=notes,
                levels=[*(o.coverage_pct for o in observed), *(y.coverage_pct for y in path.years)],
                target_pct=projection.target_pct,
                chart=True,
                chart_header=header("path", locale),
                observed=set(range(len(observed))),
                alert=outlook is not None and outlook.on_track is False,
                alert_notes=alert_notes,
            )
        )
    if a.budget is not None and result is not None:
        total_view = views[-1]
        base = projection.total.years[0].enrolled
        observed_rows = [None] * len(total_view.observed)
        total_view.budget_levels = [*observed_rows, *(_budget_level(a.budget, a.premium_in(y.year), base, y.potential)
                                                      for y in projection.total.years)]  # fmt: skip
        total_view.notes.append(sentence("project_budget_line", locale, budget=n.money(a.budget)))
        over = result.budget_exceeded_in
        if over is None:
            views[-1].notes.append(sentence("project_budget_fits", locale, budget=n.money(a.budget)))
        else:
            cost = next(y.premium_added_per_year for y in projection.total.years if y.year == over) or Fraction(0)
            views[-1].notes.append(sentence("project_budget_over", locale, budget=n.money(a.budget), year=str(over),
                                            cost=n.money(cost), short=n.money(cost - a.budget)))  # fmt: skip
    if any(view.observed for view in views):
        views[-1].notes.append(sentence("project_observed", locale, year=str(projection.from_year)))
    premium = ""
    if a.premium is not None:
        premium = sentence("project_premium", locale, premium=n.money(a.premium))
        if a.premium_by_year:
            premium += " (" + "; ".join(f"{y}: {n.money(v)}" for y, v in sorted(a.premium_by_year.items())) + ")"
    views[-1].notes.append(
        sentence(
            "project_assumptions",
            locale,
            growth=n.exact_pct(a.potential_growth_pct),
            retention=n.exact_pct(a.retention_pct),
            premium=premium,
        )
    )
    return views


CHECK_KEYS = [*VERDICT_FIELDS, "implied_potential"]


def _budget_level(budget: Fraction, premium: Fraction | None, base: int, potential: int) -> Fraction | None:
    """The coverage a year's budget pays for: the base year's enrolled and as many more
    as the budget pays a year's premiums for."""
    if premium is None or premium <= 0:
        return None
    return coverage_pct(base + int(budget // (12 * premium)), potential)


def _outlook_of(result: ProjectResult | None, path: GroupPath) -> Outlook | None:
    if result is None or result.outlooks is None:
        return None
    if path is result.projection.total:
        return result.total_outlook
    return result.outlooks.get((path.sector, path.region))


def _pace(outlook: Outlook, projection: Projection, n: Style) -> str:
    """One sentence: the observed pace, the pace needed, and when the target is reached at it."""
    locale = n.locale
    assert outlook.required_per_year is not None
    needed = n.count(ceil_div(outlook.required_per_year.numerator, outlook.required_per_year.denominator))
    target = n.exact_pct(projection.target_pct)
    if outlook.trend is None:
        return sentence("pace_none", locale, needed=needed)
    slope = outlook.trend.net_per_year
    pace = n.count(round_half_up(slope))
    pace = pace if pace.startswith("-") else "+" + pace
    reached, by = outlook.reached_at_trend, projection.to_year
    if reached is None or by is None:
        return sentence("pace_never", locale, pace=pace, target=target, needed=needed, horizon=str(outlook.horizon))
    if reached <= by:
        early = word("on_time", locale) if reached == by else years_phrase(by - reached, locale, early=True)
        return sentence("pace_on_time", locale, pace=pace, target=target, reached=str(reached), early=early,
                        needed=needed)  # fmt: skip
    return sentence("pace_late", locale, pace=pace, target=target, reached=str(reached),
                    late=years_phrase(reached - by, locale, early=False), needed=needed)  # fmt: skip


def _reported(verdict: Verdict, locale: str) -> str:
    """The percentage exactly as it was published ("6,5 persen"), with % if it had no sign."""
    text = verdict.reported_as
    if not text:
        return Style(locale).pct(verdict.reported_pct, verdict.reported_decimals)
    text = visible(text, 60)
    return text + "%" if text[-1:].isdigit() else text


def _written(pair: tuple[int, int], count: int, locale: str, text: str | None = None) -> str:
    """A count exactly as it was published ("13,96 juta"); without the text, compact
    when it stood for a range."""
    if text:
        return visible(text, 60)
    return format_int(count, locale) if pair[0] == pair[1] else format_compact(count, locale)


def check_sentence(verdict: Verdict, locale: str, decimals: int = 2) -> str:
    """One sentence a journalist can quote: the verdict and what would make it true."""
    n = Style(locale, decimals)
    reported = _reported(verdict, locale)
    enrolled = _written(verdict.enrolled_range, verdict.enrolled, locale, verdict.enrolled_as)
    potential = _written(verdict.potential_range, verdict.potential, locale, verdict.potential_as)
    rounded = (
        verdict.potential_range[0] != verdict.potential_range[1]
        or verdict.enrolled_range[0] != verdict.enrolled_range[1]
    )
    coverage = n.pct(verdict.coverage_pct, max(verdict.reported_decimals, decimals))
    if verdict.consistent:
        text = sentence(
            "check_consistent",
            locale,
            reported=reported,
            enrolled=enrolled,
            potential=potential,
            as_rounded=sentence("check_as_rounded", locale) if rounded else "",
        )
        low, high = verdict.reported_range
        if rounded and not low <= verdict.coverage_pct < high:
            text += sentence("check_exact", locale, potential_exact=n.count(verdict.potential), coverage=coverage)
        return text + "."
    text = sentence(
        "check_inconsistent",
        locale,
        reported=reported,
        enrolled=enrolled,
        potential=potential,
        coverage=coverage,
        difference=n.decimal(verdict.difference_pp, max(verdict.reported_decimals, decimals)),
    )
    if verdict.implied_potential is not None:
        fewest, most = verdict.implied_potential
        text += sentence("check_implied", locale, reported=reported, low=n.count(fewest), high=n.count(most))
    else:
        text += sentence("check_none_fits", locale, reported=reported)
    return text + "."


def check_view(verdicts: Sequence[Verdict], locale: str, decimals: int = 2) -> View:
    """The verdicts as a table, with a sentence for each single case or inconsistent row."""
    n = Style(locale, decimals)
    rows = []
    for v in verdicts:
        detail = max(v.reported_decimals, decimals)
        rows.append(
            [
                visible(v.label, LABEL_LIMIT) if v.label is not None else "–",
                _written(v.enrolled_range, v.enrolled, locale, v.enrolled_as),
                _written(v.potential_range, v.potential, locale, v.potential_as),
                _reported(v, locale),
                n.pct(v.coverage_pct, detail),
                n.decimal(v.difference_pp, detail),
                word("consistent" if v.consistent else "inconsistent", locale),
                _range(v.implied_potential, n),
            ]
        )
    bad = [v for v in verdicts if not v.consistent]
    if len(verdicts) == 1:
        notes = [check_sentence(verdicts[0], locale, decimals)]
    else:
        notes = [check_sentence(v, locale, decimals) for v in bad[:20]]
        if bad:
            notes.append(sentence("check_summary", locale, bad=str(len(bad)), count=str(len(verdicts))))
        else:
            notes.append(sentence("check_all_good", locale, count=str(len(verdicts))))
    return View(
        locale=locale,
        title=None,
        keys=CHECK_KEYS,
        headers=[header(k, locale) for k in CHECK_KEYS],
        numeric=[k not in ("label", "consistent") for k in CHECK_KEYS],
        rows=rows,
        notes=notes,
        verdicts=[v.consistent for v in verdicts],
    )
