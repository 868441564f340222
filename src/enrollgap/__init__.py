"""enrollgap: coverage, gap, targets and consistency checks for social-security enrollment.

The library is what the command line uses, without click or rich::

    from enrollgap import Group, ReportOptions, report
    result = report([Group("BPU", None, 48858, 1340000)], ReportOptions())
    result.report.total.coverage_pct   # Fraction: 3.646...%

``report``, ``project`` and ``check`` (each in its own module of ``api``) take
plain dataclasses and return them; ``read_groups`` and ``read_cases`` read
files; ``output.render`` writes any result in any format.
"""

from __future__ import annotations

__version__ = "0.1.0"

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # what editors and type checkers read; at run time the names load on first use
    from .api.check import CheckOptions, CheckResult, check
    from .api.project import ProjectOptions, ProjectResult, project
    from .api.report import ReportOptions, ReportResult, report
    from .consistency import Case, Verdict, check_case
    from .coverage import Plan, Report, Row, build_report, coverage_pct, gap, target_count
    from .errors import EnrollgapError, ExitStatus, InputError, NumberError, OptionError
    from .groups import Group
    from .numerals import Style, Written, format_int, format_percent, parse_count, parse_number
    from .projection import Assumptions, GroupPath, Projection, Year, forecast, required_path
    from .read import ReadOptions, read_cases, read_groups

# Where each public name lives: ``import enrollgap`` stays cheap for the command
# line, which imports only the modules a command needs.
_HOMES = {
    **dict.fromkeys(["CheckOptions", "CheckResult", "check"], "api.check"),
    **dict.fromkeys(["ProjectOptions", "ProjectResult", "project"], "api.project"),
    **dict.fromkeys(["ReportOptions", "ReportResult", "report"], "api.report"),
    **dict.fromkeys(["Case", "Verdict", "check_case"], "consistency"),
    **dict.fromkeys(["Plan", "Report", "Row", "build_report", "coverage_pct", "gap", "target_count"], "coverage"),
    **dict.fromkeys(["EnrollgapError", "ExitStatus", "InputError", "NumberError", "OptionError"], "errors"),
    **dict.fromkeys(["Group"], "groups"),
    **dict.fromkeys(["Style", "Written", "format_int", "format_percent", "parse_count", "parse_number"], "numerals"),
    **dict.fromkeys(["Assumptions", "GroupPath", "Projection", "Year", "forecast", "required_path"], "projection"),
    **dict.fromkeys(["ReadOptions", "read_cases", "read_groups"], "read"),
}

__all__ = [
    "Assumptions",
    "Case",
    "CheckOptions",
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


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'enrollgap' has no attribute {name!r}")
    value = getattr(import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
