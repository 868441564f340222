"""The contract's machine records: plain dicts of plain numbers, for JSON, JSON
Lines, CSV and TSV. Field names and order are the public interface."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from ..coverage import percent_float
from ..groups import total_label_field
from ..words import warning_text

if TYPE_CHECKING:  # only for annotations: a report needs neither projection nor consistency
    from ..api.check import CheckResult
    from ..api.project import ProjectResult
    from ..api.report import ReportResult
    from ..consistency import Verdict
    from ..coverage import Plan, Report, Row
    from ..findings import Finding
    from ..projection import GroupPath, Year
    from ..trend import Outlook

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
    return record


def report_document(result: ReportResult) -> dict[str, object]:
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


def report_lines(result: ReportResult) -> Iterator[dict[str, object]]:
    """JSON Lines and CSV: a record per shown group, then the total's (unless --no-total)."""
    record = _with_change(result, row_recorder(result.report.plan))
    yield from map(record, result.rows)
    if result.options.total:
        yield _with_budget(result, record(result.report.total))


def report_table(result: ReportResult) -> tuple[list[str], Iterator[dict[str, object]]]:
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


def project_document(result: ProjectResult) -> dict[str, object]:
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


def project_lines(result: ProjectResult) -> Iterator[dict[str, object]]:
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


def project_table(result: ProjectResult) -> tuple[list[str], Iterator[dict[str, object]]]:
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


def verdict_record(verdict: Verdict) -> dict[str, object]:
    return {
        "label": verdict.label,
        "enrolled": verdict.enrolled,
        "potential": verdict.potential,
        "reported_pct": float(verdict.reported_pct),
        "coverage_pct": float(verdict.coverage_pct),
        "difference_pp": float(verdict.difference_pp),
        "consistent": verdict.consistent,
        "implied_potential": list(verdict.implied_potential) if verdict.implied_potential else None,
        "implied_enrolled": list(verdict.implied_enrolled) if verdict.implied_enrolled else None,
        "reported_as": verdict.reported_as,
        "enrolled_as": verdict.enrolled_as,
        "potential_as": verdict.potential_as,
    }


def check_document(result: CheckResult) -> dict[str, object]:
    """The ``enrollgap.check/1`` document."""
    return {"schema": "enrollgap.check/1", "rows": check_lines(result)}


def check_lines(result: CheckResult) -> Iterator[dict[str, object]]:
    return (verdict_record(v) for v in result.verdicts)


# A verdict's fields in contract order; CSV splits each implied range into _min and _max.
VERDICT_FIELDS = ["label", "enrolled", "potential", "reported_pct", "coverage_pct", "difference_pp", "consistent"]
RANGE_FIELDS = ["implied_potential", "implied_enrolled"]
AS_WRITTEN = ["reported_as", "enrolled_as", "potential_as"]
CHECK_FIELDS = [*VERDICT_FIELDS, *(f"{name}_{end}" for name in RANGE_FIELDS for end in ("min", "max")), *AS_WRITTEN]


def verdict_record_range(value: object) -> tuple[object, object]:
    """An implied range as two cells, (None, None) when there is none."""
    return (value[0], value[1]) if isinstance(value, list) else (None, None)


def check_table(result: CheckResult) -> tuple[list[str], Iterator[dict[str, object]]]:
    """Verdicts flattened for CSV and TSV: each range as two columns, min and max."""

    def rows() -> Iterator[dict[str, object]]:
        for verdict in result.verdicts:
            record = verdict_record(verdict)
            for name in RANGE_FIELDS:
                pair = verdict_record_range(record.pop(name))
                record[f"{name}_min"], record[f"{name}_max"] = pair
            yield record

    return CHECK_FIELDS, rows()
