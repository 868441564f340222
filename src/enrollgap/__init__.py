"""enrollgap: coverage, gap, targets and consistency checks for social-security enrollment.

The arithmetic is plain Python, usable without the command line::

    from enrollgap import Group, Plan, build_report
    report = build_report([Group("BPU", None, 48858, 1340000)], Plan(target_pct=10, by=2025, from_year=2020))
    report.total.coverage_pct   # Fraction: 3.646...%
"""

from .consistency import Verdict, check_case
from .coverage import Group, Plan, Report, Row, build_report, coverage_pct, gap, target_count
from .numbers import Written, format_int, format_percent, parse_count, parse_number
from .projection import Assumptions, Path, Projection, Year, forecast, required_path

__version__ = "0.1.0"

__all__ = [
    "Assumptions",
    "Group",
    "Path",
    "Plan",
    "Projection",
    "Report",
    "Row",
    "Verdict",
    "Written",
    "Year",
    "__version__",
    "build_report",
    "check_case",
    "coverage_pct",
    "forecast",
    "format_int",
    "format_percent",
    "gap",
    "parse_count",
    "parse_number",
    "required_path",
    "target_count",
]
