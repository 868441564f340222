"""``enrollgap report``: coverage and gap per sector and region, with a total row."""

from __future__ import annotations

import sys

import click

from ..api.report import ReportOptions
from ..api.report import report as report_of
from ..coverage import SORT_KEYS, Plan
from ..errors import ExitStatus
from ..words import sentence
from .common import Common, read_groups_of
from .options import fraction, group_by_option, input_options, option_value, output_options, sector_option, usage_errors


@click.command(
    epilog="""\b
Examples:
  enrollgap report --locale id -s BPU 48.858 "1,34 juta"
  enrollgap report villages.csv --group-by sector --premium 16800 --target 10 --by 2025 --from 2020
  enrollgap report provinces.csv -f json --fail-under 10 | jq .total
"""
)
@input_options
@sector_option
@group_by_option
@click.option("--target", metavar="PCT", help="Coverage target: adds target and to_target.")
@click.option("--by", "by", type=int, metavar="YEAR", help="Year to reach --target by: adds per_year and per_month.")
@click.option(
    "--from",
    "from_year",
    type=int,
    metavar="YEAR",
    help="Base year of the counts (with --by); default: this year.",
)
@click.option("--premium", metavar="AMOUNT", help="Monthly premium per worker (BPU minimum: 16800).")
@click.option("--budget", metavar="AMOUNT", help="A year's money for premiums (with --premium): who it pays for.")
@click.option(
    "--sort",
    type=click.Choice(SORT_KEYS),
    default="input",
    show_default=True,
    help="Row order; counts descending, coverage ascending.",
)
@click.option("--top", type=click.IntRange(min=1), metavar="N", help="Show only the first N groups (after --sort).")
@click.option("--no-total", is_flag=True, help="Leave out the total row.")
@click.option("--year", type=int, metavar="YEAR", help="With a year column: the year to report; default: the latest.")
@click.option("--fail-under", metavar="PCT", help="Exit 1 when the total coverage is below PCT.")
@output_options
def report(input, sectors, target, by, from_year, premium, budget, sort, top, no_total, year, fail_under,
           **params) -> int:  # fmt: skip
    """Coverage and gap per sector and region, with a total row.

    Coverage = enrolled / potential; the gap = the workers not yet covered.
    With --target (and --by) also what reaching the target takes; with
    --premium what the premiums for the gap cost a year.
    """
    common = Common.of(params)
    locale = common.locale
    with usage_errors():
        plan = Plan(
            fraction(target, "--target", locale),
            by,
            from_year,
            fraction(premium, "--premium", locale, "money"),
            fraction(budget, "--budget", locale, "money"),
        )
        options = ReportOptions(plan, sort, top, not no_total, option_value(fail_under, "--fail-under", locale), year)
    read, source = read_groups_of(input, sectors, common)
    result = report_of(read.groups, options, source, read.findings)
    common.warn(result.findings, read.notes)
    common.write(result)
    if result.exit_status == ExitStatus.OK:
        return ExitStatus.OK
    style = common.style
    limit = options.fail_under
    shown = style.pct(limit.value, limit.decimals) if limit else ""
    coverage = result.report.total.coverage_pct
    if coverage is None:
        reason = sentence("fail_undefined", locale, limit=shown)
    else:
        reason = sentence("fail_under", locale, coverage=style.pct(coverage), limit=shown)
    sys.stderr.write(f"enrollgap: {reason}\n")
    return result.exit_status
