"""The three things enrollgap does, as functions on plain data: one module per command.

These are the library's entry points and what the command line calls; each takes
groups (or cases) and an options dataclass and returns a result dataclass that
every output format renders. Nothing here reads files, prints or imports click
or rich::

    from enrollgap import Group, ReportOptions, report
    result = report([Group("BPU", None, 48858, 1340000)], ReportOptions())
    result.report.total.coverage_pct   # Fraction(244290, 67000): 3.646...%

- ``api.report``: ``report()``, ``ReportOptions``, ``ReportResult``
- ``api.project``: ``project()``, ``ProjectOptions``, ``ProjectResult``
- ``api.check``: ``check()``, ``CheckOptions``, ``CheckResult``

Each command loads only its own module (and what that imports), so a report
never pays for the projection and trend code at start-up.
"""
