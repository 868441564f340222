"""The contract's machine records: plain dicts of plain numbers, for JSON, JSON
Lines, CSV and TSV. Field names and order are the public interface."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for annotations: a report needs neither projection nor consistency
    from .consistency import Verdict
    from .coverage import Plan, Report, Row
    from .projection import Path, Projection, Year


def plain(value: object) -> object:
    """A JSON-ready number: exact whole values as int, other Fractions as float."""
    if isinstance(value, Fraction):
        return value.numerator if value.denominator == 1 else float(value)
    return value


def percent(value: Fraction | None) -> float | None:
    """A percentage as a float, always (3.0 rather than 3), or None when undefined."""
    return None if value is None else float(value)


def total_label_field(rows: Sequence[object]) -> str:
    """Where CSV writes "Total": the sector column, unless only regions are labelled."""
    if all(r.sector is None for r in rows) and any(r.region is not None for r in rows):
        return "region"
    return "sector"


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
    record: dict[str, object] = {}
    for field in report_fields(report.plan):
        value = getattr(row, field)
        record[field] = percent(value) if field.endswith("_pct") else plain(value)
    return record


def report_document(report: Report, groups: Sequence[Row], warnings: Sequence[str]) -> dict:
    """The ``enrollgap.report/1`` document."""
    return {
        "schema": "enrollgap.report/1",
        "groups": [report_row(row, report) for row in groups],
        "total": report_row(report.total, report),
        "warnings": list(warnings),
    }


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
    }


def path_record(path: Path) -> dict[str, object]:
    return {
        "sector": path.sector,
        "region": path.region,
        "reached": path.reached,
        "years": [year_record(y) for y in path.years],
    }


def project_document(projection: Projection, warnings: Sequence[str]) -> dict:
    """The ``enrollgap.project/1`` document; the total's path is the last of ``paths``."""
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
        },
        "paths": [path_record(p) for p in (*projection.paths, projection.total)],
        "warnings": list(warnings),
    }


def project_rows(projection: Projection) -> list[dict[str, object]]:
    """One flat row per path and year, for CSV and TSV; the total's rows are last."""
    rows = []
    for path in (*projection.paths, projection.total):
        for year in path.years:
            rows.append({"sector": path.sector, "region": path.region, "reached": path.reached, **year_record(year)})
    return rows


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
    }


def check_document(verdicts: Sequence[Verdict]) -> dict:
    """The ``enrollgap.check/1`` document."""
    return {"schema": "enrollgap.check/1", "rows": [verdict_record(v) for v in verdicts]}


def check_rows(verdicts: Sequence[Verdict]) -> list[dict[str, object]]:
    """Verdicts flattened for CSV and TSV: each range as two columns, min and max."""
    rows = []
    for verdict in verdicts:
        record = verdict_record(verdict)
        for name in ("implied_potential", "implied_enrolled"):
            pair = record.pop(name) or (None, None)
            record[f"{name}_min"], record[f"{name}_max"] = pair
        rows.append(record)
    return rows
