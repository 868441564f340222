"""report, written out: its machine records (JSON, JSON Lines, CSV) and its view for people."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from ..coverage import Report, Row, coverage_pct, percent_float
from ..groups import Group, label_fields, total_label_field
from ..numerals import UNDEFINED, Style
from ..text import LABEL_LIMIT, visible
from ..words import header, sentence
from .records import TOTAL, percent, plain, warnings
from .view import Levels, View, sparkline

if TYPE_CHECKING:
    from ..api.report import ReportResult
    from ..coverage import Plan
    from ..panel import Panel


def report_fields(plan: Plan) -> list[str]:
    """The fields of a report's rows, in contract order: the optional ones only
    when the plan asks for them (a target, a deadline, a premium)."""
    fields = ["sector", "region", "enrolled", "potential", "coverage_pct", "gap", "gap_share_pct"]
    if plan.target_pct is not None:
        fields += ["target", "to_target"]
        if plan.by is not None:
            fields += ["per_year", "per_month"]
    if plan.premium is not None:
        fields.append("premium_gap_per_year")
        if plan.target_pct is not None:
            fields.append("premium_to_target_per_year")
    return fields


def report_row(row: Row, report: Report) -> dict[str, object]:
    """One group (or the total) with the fields the report was asked for, in contract order."""
    return row_recorder(report.plan)(row)


def row_recorder(plan: Plan) -> Callable[[Row], dict[str, object]]:
    """report_row for many rows of one plan: the fields and their conversions worked out once."""
    extra = report_fields(plan)[7:]  # after the seven every report has (see report_fields)

    def record(row: Row) -> dict[str, object]:
        values: dict[str, object] = {
            "sector": row.sector,
            "region": row.region,
            "enrolled": row.enrolled,
            "potential": row.potential,
            "coverage_pct": percent_float(row.enrolled, row.potential),
            "gap": row.gap,
            "gap_share_pct": percent_float(row.gap, row.total_gap),
        }
        for field in extra:
            values[field] = plain(getattr(row, field))
        return values

    return record


CHANGE_FIELDS = ["year", "prev_year", "enrolled_change", "coverage_change_pp"]


Record = Callable[["Row"], dict[str, object]]


def _with_change(result: ReportResult, record: Record) -> Record:
    """record, and with a panel the row's change since its previous year after the other keys."""
    panel = result.panel
    if panel is None:
        return record

    def with_change(row: Row) -> dict[str, object]:
        values = record(row)
        change = panel.total if row is result.report.total else panel.changes[(row.sector, row.region)]
        values["year"] = change.year
        values["prev_year"] = change.prev_year
        values["enrolled_change"] = change.enrolled_change
        values["coverage_change_pp"] = percent(change.coverage_change_pp)
        return values

    return with_change


def _with_budget(result: ReportResult, record: dict[str, object]) -> dict[str, object]:
    """The total's record, and with --budget what it pays for."""
    if result.budget is not None:
        record["budget_workers"] = result.budget.workers
        record["coverage_with_budget_pct"] = percent(result.budget.coverage_with_budget_pct)
        if result.budget.left is not None:
            record["budget_left"] = plain(result.budget.left)
    return record


def document(result: ReportResult) -> dict[str, object]:
    """The ``enrollgap.report/1`` document; its groups are an iterator, written as computed."""
    report = result.report
    plan = report.plan
    return {
        "schema": "enrollgap.report/1",
        "parameters": {
            "target_pct": percent(plan.target_pct),
            "from": plan.from_year,
            "by": plan.by,
            "premium": plain(plan.premium),
            "budget": plain(plan.budget),
        },
        "groups": map(_with_change(result, row_recorder(report.plan)), result.rows),
        "total": _with_budget(result, _with_change(result, row_recorder(report.plan))(report.total)),
        "warnings": warnings(result.findings),
    }


def lines(result: ReportResult) -> Iterator[dict[str, object]]:
    """JSON Lines and CSV: a record per shown group, then the total's (unless --no-total)."""
    record = _with_change(result, row_recorder(result.report.plan))
    yield from map(record, result.rows)
    if result.options.total:
        yield _with_budget(result, record(result.report.total))


def table(result: ReportResult) -> tuple[list[str], Iterator[dict[str, object]]]:
    """CSV and TSV: the fields, and the records with "Total" in the total's label column."""

    def rows() -> Iterator[dict[str, object]]:
        record = _with_change(result, row_recorder(result.report.plan))
        yield from map(record, result.rows)
        if result.options.total:
            total = _with_budget(result, record(result.report.total))
            total[total_label_field(result.rows)] = TOTAL
            yield total

    changes = CHANGE_FIELDS if result.panel is not None else []
    budget = ["budget_workers", "coverage_with_budget_pct"] if result.budget is not None else []
    return [*report_fields(result.report.plan), *changes, *budget], rows()


def views(result: ReportResult, style: Style) -> list[View]:
    """The report as people read it: one table, its notes and sentences."""
    view = report_view(result.report, result.rows, style.locale, style.decimals, result.options.total)
    if result.panel is not None:
        _add_changes(view, result, style)
    if result.budget is not None and result.report.plan.budget is not None:
        cover = result.budget
        said = {
            "budget": style.money(result.report.plan.budget),
            "workers": style.count(cover.workers),
            "coverage": style.pct(result.report.total.coverage_pct),
            "with_budget": style.pct(cover.coverage_with_budget_pct),
        }
        if cover.left is not None:  # more than the whole gap: it never claims workers that do not exist
            said.update(gap=style.count(cover.gap), left=style.money(cover.left))
            view.notes.append(sentence("report_budget_covers_gap", style.locale, **said))
        else:
            view.notes.append(sentence("report_budget", style.locale, **said))
    return [view]


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
