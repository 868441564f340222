"""enrollgap: coverage, gap, targets and consistency checks for social-security enrollment.

The arithmetic is plain Python, usable without the command line::

    from enrollgap import Group, Plan, build_report
    report = build_report([Group("BPU", None, 48858, 1340000)], Plan(target_pct=10, by=2025, from_year=2020))
    report.total.coverage_pct   # Fraction: 3.646...%

Names are loaded on first use, so that the command line pays at start-up only
for the modules a command needs.
"""

from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"

_HOMES = {
    "Verdict": "consistency",
    "check_case": "consistency",
    "Group": "coverage",
    "Plan": "coverage",
    "Report": "coverage",
    "Row": "coverage",
    "build_report": "coverage",
    "coverage_pct": "coverage",
    "gap": "coverage",
    "target_count": "coverage",
    "Written": "numbers",
    "format_int": "numbers",
    "format_percent": "numbers",
    "parse_count": "numbers",
    "parse_number": "numbers",
    "Assumptions": "projection",
    "Path": "projection",
    "Projection": "projection",
    "Year": "projection",
    "forecast": "projection",
    "required_path": "projection",
    "read_groups": "read",
    "read_cases": "read",
    "ReadOptions": "read",
}

__all__ = ["__version__", *sorted(_HOMES)]


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'enrollgap' has no attribute {name!r}")
    value = getattr(import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
