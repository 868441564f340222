"""``enrollgap project``: the year-by-year path to a coverage target."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

import click

from ..api.project import METHODS, TRENDS, ProjectOptions
from ..api.project import project as project_of
from ..money import premium_overrides
from ..projection import Assumptions
from .common import Common, read_groups_of
from .options import (
    fraction,
    group_by_option,
    input_options,
    option_value,
    output_options,
    parse_option,
    sector_option,
    usage_errors,
)


def premium_options(specs: Sequence[str], locale: str) -> tuple[Fraction | None, dict[int, Fraction]]:
    """--premium AMOUNT (once) and --premium YEAR=AMOUNT (any number of years)."""
    plain = [spec for spec in specs if "=" not in spec]
    if len(plain) > 1:
        raise click.BadParameter("give one plain AMOUNT; the other years as YEAR=AMOUNT", param_hint="--premium")
    overrides = []
    for spec in specs:
        if "=" in spec:
            year, _, amount = spec.partition("=")
            year = year.strip()
            if not (year.isascii() and year.isdigit()):  # 0-9, as in counts
                raise click.BadParameter(f"expected YEAR=AMOUNT, got {spec!r}", param_hint="--premium")
            overrides.append((int(year), parse_option(amount, "--premium", locale, "money").value))
    with usage_errors():
        by_year = premium_overrides(overrides)
    return (parse_option(plain[0], "--premium", locale, "money").value if plain else None), by_year


@click.command(
    epilog="""\b
Examples:
  enrollgap project -s BPU 48858 1340000 --from 2020 --target 10 --by 2025
  enrollgap project sectors.csv --from 2021 --target 43 --by 2026 --path compound --retention 90
  enrollgap project -s BPU 48858 1340000 --from 2020 --target 10 --growth 20 -f json
"""
)
@input_options
@sector_option
@group_by_option
@click.option("--target", required=True, metavar="PCT", help="Coverage to reach.")
@click.option("--from", "from_year", type=int, metavar="YEAR", help="Base year of the counts; default: this year.")
@click.option("--by", "by", type=int, metavar="YEAR", help="The required path to reach --target by YEAR.")
@click.option("--growth", metavar="PCT", help="Forecast: enrolled grows by PCT a year.")
@click.option("--add", metavar="N", help="Forecast: N net new enrollments a year.")
@click.option(
    "--path",
    "method",
    type=click.Choice(METHODS),
    default=None,
    help="Shape of the --by path: equal additions (linear, default), a constant growth rate (compound), "
    "or a constant shrinking of the uncovered share (closing).",
)
@click.option(
    "--trend",
    type=click.Choice(TRENDS),
    help="Forecast (with a year column): each group continues its observed trend.",
)
@click.option(
    "--window",
    type=int,
    default=5,
    show_default=True,
    metavar="N",
    help="With a year column: the trend looks at the last N years up to the base year.",
)
@click.option(
    "--horizon",
    type=click.IntRange(1, 1000),
    default=50,
    show_default=True,
    metavar="YEARS",
    help="How far a forecast looks.",
)
@click.option(
    "--potential-growth",
    metavar="PCT",
    default="0",
    show_default=True,
    help="The potential grows by PCT a year.",
)
@click.option(
    "--retention",
    metavar="PCT",
    default="100",
    show_default=True,
    help="Share of last year's participants still active.",
)
@click.option(
    "--premium",
    "premiums",
    multiple=True,
    metavar="AMOUNT|YEAR=AMOUNT",
    help="Monthly premium per worker: adds each year's premiums; YEAR=AMOUNT (repeatable) for a year's own.",
)
@click.option("--budget", metavar="AMOUNT", help="A year's money for premiums: the year the path outgrows it.")
@output_options
def project(input, sectors, target, from_year, by, growth, add, method, trend, window, horizon,
            potential_growth, retention, premiums, budget, **params) -> int:  # fmt: skip
    """The year-by-year path to a coverage target, per group and for the total.

    With --by YEAR: the required path (linear, compound or closing). With
    --growth PCT or --add N: a forecast, and the first year the target is
    reached.
    """
    common = Common.of(params)
    locale = common.locale
    with usage_errors():
        default, by_year = premium_options(premiums, locale)
        assumptions = Assumptions(
            parse_option(potential_growth, "--potential-growth", locale).value,
            parse_option(retention, "--retention", locale).value,
            default,
            by_year,
            fraction(budget, "--budget", locale, "money"),
        )
        added = option_value(add, "--add", locale, "count")
        options = ProjectOptions(
            parse_option(target, "--target", locale).value,
            from_year,
            by,
            method,
            fraction(growth, "--growth", locale),
            None if added is None else added.count,
            horizon,
            assumptions,
            trend,
            window,
        )
    read, source = read_groups_of(input, sectors, common)
    result = project_of(read.groups, options, source, read.findings)
    common.warn(result.findings, read.notes)
    common.write(result)
    return result.exit_status
