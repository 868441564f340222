"""The options the commands share, and reading an option's number in the locale."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from fractions import Fraction
from typing import Any

import click

from ..errors import InputError, NumberError, OptionError
from ..groups import GROUPINGS, Group
from ..numerals import LOCALES, Written, parse_count, parse_money, parse_number
from ..output.formats import check_format
from ..read.columns import parse_column_map
from ..read.options import FORMATS, SHEET_FORMATS, ReadOptions

PROGRESS_FROM_BYTES = 50 * 1000 * 1000


def _check_format(ctx, param, value):

    try:
        return check_format(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """INPUT and the options that say how to read it, shared by every command."""
    return _input_options(func, sheets=True)


def text_input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """input_options for a command that reads no workbook (check): no --sheet, no sheet formats."""
    return _input_options(func, sheets=False)


def _input_options(func: Callable[..., Any], sheets: bool) -> Callable[..., Any]:
    formats = FORMATS if sheets else tuple(f for f in FORMATS if f not in SHEET_FORMATS)
    decorators = [
        click.argument("input", required=False, metavar="[INPUT]"),
        click.option(
            "--input-format",
            type=click.Choice(formats),
            help="Format of INPUT; default: by extension, else sniffed.",
        ),
        click.option(
            "--delimiter",
            metavar="CHAR",
            help="CSV delimiter, or 'tab'; default: sniffed from the lines (, ; or tab), or a sep= line.",
        ),
        click.option(
            "--encoding",
            default="utf-8-sig",
            show_default="utf-8, with or without BOM",
            help="Text encoding of INPUT, e.g. latin-1.",
        ),
        click.option(
            "--col",
            "columns",
            multiple=True,
            metavar="FIELD=HEADER",
            help="Read FIELD (sector, region, enrolled, potential, reported, label) from column HEADER.",
        ),
        click.option(
            "--locale",
            type=click.Choice(LOCALES),
            default="en",
            envvar="ENROLLGAP_LOCALE",
            show_envvar=True,
            show_default=True,
            help="How numbers are read and written: en 1,340,000 / id 1.340.000.",
        ),
        click.option("--strict", is_flag=True, help="Turn every warning into an error (exit 2)."),
    ]
    if sheets:
        decorators.insert(
            3,
            click.option(
                "--sheet",
                metavar="NAME|N|all",
                help="The sheet of a workbook to read (1 = the first); default: the first visible one; "
                "all: every sheet, each of the year its name holds.",
            ),
        )
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Output format and the human-format settings, shared by every command."""
    decorators = [
        click.option(
            "-f",
            "--format",
            "output_format",
            default="table",
            show_default=True,
            callback=_check_format,
            help="table, csv, tsv, json, jsonl, markdown, xlsx (with --output), "
            "or a tabulate format (github, grid, latex, ...).",
        ),
        click.option(
            "--decimals",
            type=click.IntRange(0, 10),
            default=2,
            show_default=True,
            help="Decimals of percentages in human formats.",
        ),
        click.option(
            "--svg",
            type=click.Path(dir_okay=False, writable=True),
            help="Also save the table as an SVG picture.",
        ),
        click.option(
            "--output",
            "-o",
            type=click.Path(dir_okay=False, writable=True),
            help="Write the result to FILE instead of standard output (needed for -f xlsx on a terminal).",
        ),
        click.option(
            "--columns",
            "picked",
            metavar="A,B,...",
            help="Only these columns, in this order, by their JSON names (e.g. sector,coverage_pct,gap).",
        ),
        click.option(
            "--html",
            type=click.Path(dir_okay=False, writable=True),
            help="Also save the table as an HTML page.",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def sector_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "-s",
        "--sector",
        "sectors",
        nargs=3,
        multiple=True,
        metavar="NAME ENROLLED POTENTIAL",
        help="A group on the command line (repeatable); combines with INPUT.",
    )(func)


def group_by_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--group-by",
        type=click.Choice(list(GROUPINGS)),
        help="Sum rows by these labels; default: every label column present.",
    )(func)


def read_options(locale, input_format, delimiter, encoding, columns, group_by=None, sheet=None) -> ReadOptions:
    """How to read INPUT, from the input options."""
    with usage_errors():
        pairs = parse_column_map(columns)
    if delimiter is not None and len(delimiter) != 1:
        if delimiter in ("\\t", "tab"):
            delimiter = "\t"
        else:
            raise click.BadParameter("takes one character, e.g. ';'", param_hint="--delimiter")
    progress = None
    if sys.stderr.isatty():
        from ..output.progress import progress_for

        progress = progress_for(PROGRESS_FROM_BYTES)
    return ReadOptions(input_format, delimiter, encoding, pairs, locale, group_by, progress, sheet)


@contextmanager
def usage_errors() -> Iterator[None]:
    """Options the library refuses are usage errors: "enrollgap report: error: ... (see --help)"."""
    try:
        yield
    except OptionError as error:
        raise click.UsageError(error.message) from None


def option_value(text: str | None, name: str, locale: str, kind: str = "percent") -> Written | None:
    """An option's number read in the locale (None when not given)."""
    return None if text is None else parse_option(text, name, locale, kind)


def parse_option(text: str, name: str, locale: str, kind: str = "percent") -> Written:
    """An option's number read in the locale; a bad one is a usage error naming the option."""
    try:
        if kind == "percent":
            return parse_number(text, locale, percent=True)
        if kind == "money":
            return parse_money(text, locale)
        return parse_count(text, locale)
    except NumberError as error:
        raise click.BadParameter(error.message, param_hint=name) from None


def fraction(text: str | None, name: str, locale: str, kind: str = "percent") -> Fraction | None:
    """An option's exact value (None when not given)."""
    value = option_value(text, name, locale, kind)
    return None if value is None else value.value


def command_groups(sectors: Sequence[tuple[str, str, str]], locale: str) -> list[Group]:
    """The groups given as -s NAME ENROLLED POTENTIAL."""
    groups = []
    for index, (name, enrolled, potential) in enumerate(sectors, 1):
        counts = []
        for what, text in (("ENROLLED", enrolled), ("POTENTIAL", potential)):
            try:
                counts.append(parse_count(text, locale).count)
            except NumberError as error:
                raise InputError(f"-s {name}: {what}: {error.message}") from None
        groups.append(Group(name.strip(), None, counts[0], counts[1], f"-s #{index}"))
    return groups
