"""``enrollgap check``: does a published percentage agree with its published counts?"""

from __future__ import annotations

import click

from ..api.check import CheckOptions
from ..api.check import check as check_of
from ..consistency import Case
from ..read import read_cases
from .common import Common, input_path, refuse_overwriting, source_name
from .options import output_options, parse_option, text_input_options, usage_errors


@click.command(
    epilog="""\b
Examples:
  enrollgap check --locale id --enrolled 48.858 --potential "1,34 juta" --reported "3,63 persen"
  enrollgap check published.csv --tolerance 0.01
  enrollgap check published.csv -f json | jq '.rows[] | select(.consistent | not)'
"""
)
@text_input_options
@click.option("--enrolled", metavar="N", help="Published enrolled count, as written.")
@click.option("--potential", metavar="N", help='Published potential, as written ("1,34 juta").')
@click.option("--reported", metavar="PCT", help='Published percentage, as written ("3,63").')
@click.option(
    "--tolerance",
    metavar="PP",
    default="0",
    show_default=True,
    help="Widen the reported interval by PP points each side.",
)
@output_options
def check(input, enrolled, potential, reported, tolerance, **params) -> int:
    """Does a published percentage agree with its published counts?

    Each value stands for what it could have been before rounding: "3,63"
    for 3.625 to 3.635, "1,34 juta" for 1,335,000 to 1,344,999. A row is
    consistent when some counts inside their ranges give a percentage inside
    the reported range. Exit 0 when every row is consistent, 1 when any is not.
    """
    common = Common.of(params)
    locale = common.locale
    single = (enrolled, potential, reported)
    if any(v is not None for v in single) and not all(v is not None for v in single):
        raise click.UsageError("a single case needs all three of --enrolled, --potential and --reported")
    with usage_errors():
        options = CheckOptions(parse_option(tolerance, "--tolerance", locale).value)
    given = []
    if enrolled is not None and potential is not None and reported is not None:
        given.append(
            Case(
                None,
                parse_option(enrolled, "--enrolled", locale, "count"),
                parse_option(potential, "--potential", locale, "count"),
                parse_option(reported, "--reported", locale),
            )
        )
    path = input_path(input, bool(given), "--enrolled N --potential N --reported PCT")
    refuse_overwriting(path, common)
    cases = read_cases(path, common.read) if path is not None else []
    result = check_of([*cases, *given], options, source_name(path))
    common.write(result)
    return result.exit_status
