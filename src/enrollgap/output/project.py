"""project, written out: its machine records (JSON, JSON Lines, CSV) and its views for people."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import TYPE_CHECKING

from ..coverage import coverage_pct
from ..groups import total_label_field
from ..numerals import Style
from ..rounding import ceil_div, round_half_up
from ..text import LABEL_LIMIT, visible
from ..words import header, sentence, word, years_phrase
from .records import TOTAL, percent, plain, warnings
from .view import View

if TYPE_CHECKING:
    from ..api.project import ProjectResult
    from ..projection import GroupPath, Projection, Year
    from ..trend import Outlook


def year_record(year: Year) -> dict[str, object]:
    return {
        "year": year.year,
        "potential": year.potential,
        "enrolled": year.enrolled,
        "coverage_pct": percent(year.coverage_pct),
        "gap": year.gap,
        "new_net": year.new_net,
        "new_gross": year.new_gross,
        "premium_per_year": plain(year.premium_per_year),
        **(
            {}
            if year.premium_added_per_year is None
            else {"premium_added_per_year": plain(year.premium_added_per_year)}
        ),
    }


def path_record(path: GroupPath, outlook: Outlook | None = None) -> dict[str, object]:
    """A path, and with years its history and trend (and with --by whether it is on track)."""
    record: dict[str, object] = {
        "sector": path.sector,
        "region": path.region,
        "reached": path.reached,
        "rate_pct": path.rate_pct,
        "years": [year_record(y) for y in path.years],
    }
    if outlook is not None:
        record["history"] = [
            {"year": o.year, "enrolled": o.enrolled, "potential": o.potential, "coverage_pct": percent(o.coverage_pct)}
            for o in outlook.history
        ]
        trend = outlook.trend
        record["trend"] = None if trend is None else {
            "first_year": trend.first_year,
            "last_year": trend.last_year,
            "net_per_year": float(trend.net_per_year),
            "growth_pct": trend.growth_pct,
        }  # fmt: skip
        if outlook.required_per_year is not None:
            record["required_per_year"] = float(outlook.required_per_year)
            record["reached_at_trend"] = outlook.reached_at_trend
            record["on_track"] = outlook.on_track
    return record


def _with_exceeded(result: ProjectResult, path: GroupPath, record: dict[str, object]) -> dict[str, object]:
    """The total path's record, and with --budget the first year the path outgrows it."""
    if path is result.projection.total and result.projection.assumptions.budget is not None:
        record["budget_exceeded_in"] = result.budget_exceeded_in
    return record


def _outlook(result: ProjectResult, path: GroupPath) -> Outlook | None:
    if result.outlooks is None:
        return None
    if path is result.projection.total:
        return result.total_outlook
    return result.outlooks.get((path.sector, path.region))


def document(result: ProjectResult) -> dict[str, object]:
    """The ``enrollgap.project/1`` document; the total's path is the last of ``paths``."""
    projection = result.projection
    assumptions = projection.assumptions
    return {
        "schema": "enrollgap.project/1",
        "from": projection.from_year,
        "to": projection.to_year,
        "target_pct": float(projection.target_pct),
        "method": projection.method,
        "assumptions": {
            "potential_growth_pct": float(assumptions.potential_growth_pct),
            "retention_pct": float(assumptions.retention_pct),
            "premium": plain(assumptions.premium),
            **(
                {"premium_by_year": {str(y): plain(a) for y, a in sorted(assumptions.premium_by_year.items())}}
                if assumptions.premium_by_year
                else {}
            ),
            **({} if assumptions.budget is None else {"budget": plain(assumptions.budget)}),
        },
        "paths": (
            _with_exceeded(result, p, path_record(p, _outlook(result, p)))
            for p in (*projection.paths, projection.total)
        ),
        "warnings": warnings(result.findings),
    }


def lines(result: ProjectResult) -> Iterator[dict[str, object]]:
    """JSON Lines: a record per path, the total's last."""
    projection = result.projection
    return (path_record(p, _outlook(result, p)) for p in (*projection.paths, projection.total))


PROJECT_FIELDS = [
    "sector",
    "region",
    "reached",
    "year",
    "potential",
    "enrolled",
    "coverage_pct",
    "gap",
    "new_net",
    "new_gross",
    "premium_per_year",
]


def table(result: ProjectResult) -> tuple[list[str], Iterator[dict[str, object]]]:
    """CSV and TSV: one flat row per path and year; the total's rows last, "Total" in its label column."""
    projection = result.projection

    def rows() -> Iterator[dict[str, object]]:
        label = total_label_field(projection.paths)
        for path in (*projection.paths, projection.total):
            for year in path.years:
                row = {"sector": path.sector, "region": path.region, "reached": path.reached, **year_record(year)}
                if path is projection.total:
                    row[label] = TOTAL
                yield row

    return PROJECT_FIELDS, rows()


def views(result: ProjectResult, style: Style) -> list[View]:
    """The projection as people read it: a table and a chart a path."""
    return project_views(result.projection, style.locale, style.decimals, result)


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
            notes.append(_pace(outlook, projection, n, path.rate_pct))
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


def _signed_pct(value: float, n: Style) -> str:
    text = n.decimal(Fraction(value).limit_denominator(10**6)) + "%"
    return text if text.startswith("-") else "+" + text


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


def _pace(outlook: Outlook, projection: Projection, n: Style, rate: float | None = None) -> str:
    """One sentence: the observed pace, the pace needed, and when the target is reached at
    it, in the terms of the path's method (net workers a year; for compound the yearly
    growth of enrolled, for closing the share of the uncovered part closed a year, the
    path's own ``rate`` being the pace needed)."""
    locale = n.locale
    assert outlook.required_per_year is not None
    needed = n.count(ceil_div(outlook.required_per_year.numerator, outlook.required_per_year.denominator))
    target = n.exact_pct(projection.target_pct)
    if outlook.trend is None:
        return sentence("pace_none", locale, needed=needed)
    observed = {"compound": outlook.trend.growth_pct, "closing": outlook.trend.closing_pct}.get(projection.method)
    if observed is not None and rate is not None:
        pace, needed = _signed_pct(observed, n), _signed_pct(rate, n)
    else:
        pace = n.count(round_half_up(outlook.trend.net_per_year))
        pace = pace if pace.startswith("-") else "+" + pace
    behind = ""
    if outlook.behind:  # the total: its own pace, and the groups that would not make it at theirs
        groups = ", ".join(visible(label, LABEL_LIMIT) for label in outlook.behind)
        behind = " " + sentence("pace_behind", locale, groups=groups)
    reached, by = outlook.own_reached if outlook.behind else outlook.reached_at_trend, projection.to_year
    if reached is None or by is None:
        return sentence("pace_never", locale, pace=pace, target=target, needed=needed, horizon=str(outlook.horizon))
    if reached <= by:
        early = word("on_time", locale) if reached == by else years_phrase(by - reached, locale, early=True)
        key = "pace_on_time_total" if outlook.behind else "pace_on_time"
        return sentence(key, locale, pace=pace, target=target, reached=str(reached), early=early,
                        needed=needed) + behind  # fmt: skip
    return sentence("pace_late", locale, pace=pace, target=target, reached=str(reached),
                    late=years_phrase(reached - by, locale, early=False), needed=needed) + behind  # fmt: skip
