"""enrollgap: coverage, gap, targets and consistency checks for social-security enrollment.

The library is what the command line uses, without click or rich::

    from enrollgap import Group, ReportOptions, report
    result = report([Group("BPU", None, 48858, 1340000)], ReportOptions())
    result.report.total.coverage_pct   # Fraction: 3.646...%

``report``, ``project`` and ``check`` (in ``api``) take plain dataclasses and
return them; ``read_groups`` and ``read_cases`` read files; ``output.render``
writes any result in any format.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import (
    CheckResult,
    ProjectOptions,
    ProjectResult,
    ReportOptions,
    ReportResult,
    check,
    project,
    report,
)
from .consistency import Verdict, check_case
from .coverage import Plan, Report, Row, build_report, coverage_pct, gap, target_count
from .errors import EnrollgapError, ExitStatus, InputError, NumberError, OptionError
from .groups import Group
from .numerals import Style, Written, format_int, format_percent, parse_count, parse_number
from .projection import Assumptions, GroupPath, Projection, Year, forecast, required_path
from .read import Case, ReadOptions, read_cases, read_groups

__all__ = [
    "Assumptions",
    "Case",
    "CheckResult",
    "EnrollgapError",
    "ExitStatus",
    "Group",
    "GroupPath",
    "InputError",
    "NumberError",
    "OptionError",
    "Plan",
    "ProjectOptions",
    "ProjectResult",
    "Projection",
    "ReadOptions",
    "Report",
    "ReportOptions",
    "ReportResult",
    "Row",
    "Style",
    "Verdict",
    "Written",
    "Year",
    "__version__",
    "build_report",
    "check",
    "check_case",
    "coverage_pct",
    "forecast",
    "format_int",
    "format_percent",
    "gap",
    "parse_count",
    "parse_number",
    "project",
    "read_cases",
    "read_groups",
    "report",
    "required_path",
    "target_count",
]
