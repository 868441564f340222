"""The enrollgap command line: parse options, call the arithmetic, hand to render.

Exit codes: 0 done, 1 a finding (--fail-under not met, an inconsistent check),
2 a usage or input error (one line on stderr, nothing on stdout), 130 Ctrl-C.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from fractions import Fraction

import click

from . import __version__
from .coverage import SORT_KEYS
from .errors import CheckError, DataError, InputError, ProjectionError
from .numbers import LOCALES, NumberError, Written, parse_count, parse_money, parse_number
from .read import FIELDS, FORMATS, GROUPINGS, ReadOptions

# Errors that are the input's or the options' fault: one line, exit 2.
USER_ERRORS = (InputError, DataError, ProjectionError, CheckError, NumberError)

PROGRESS_FROM_BYTES = 50 * 1000 * 1000


class EnrollgapGroup(click.Group):
    """A click group whose errors are one line on stderr and whose exit codes are the contract's."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            code = super().main(args, prog_name or "enrollgap", complete_var, standalone_mode=False, **extra)
        except click.exceptions.Abort:
            sys.stderr.write("\n")
            code = 130
        except click.ClickException as error:
            command = error.ctx.command_path if getattr(error, "ctx", None) else "enrollgap"
            if type(error).__name__ == "NoArgsIsHelpError":  # enrollgap with no command
                error = click.UsageError("missing command: report, project or check", error.ctx)
            hint = f" (see '{command} --help')" if isinstance(error, click.UsageError) else ""
            sys.stderr.write(f"{command}: error: {_one_line(error.format_message())}{hint}\n")
            code = 2
        except USER_ERRORS as error:
            sys.stderr.write(f"enrollgap: error: {error}\n")
            code = 2
        except KeyboardInterrupt:
            sys.stderr.write("\n")
            code = 130
        except BrokenPipeError:
            _silence_stdout()
            code = 0
        except OSError as error:  # an --svg or --html file that cannot be written, a full disk
            where = f"{error.filename}: " if error.filename else ""
            sys.stderr.write(f"enrollgap: error: {_one_line(where + (error.strerror or str(error)))}\n")
            code = 2
        except Exception as error:  # a bug: still one line and exit 2, never a traceback
            if os.environ.get("ENROLLGAP_DEBUG"):
                raise
            sys.stderr.write(
                f"enrollgap: internal error: {type(error).__name__}: {_one_line(str(error))} "
                "(please report it; ENROLLGAP_DEBUG=1 shows the traceback)\n"
            )
            code = 2
        sys.exit(code if isinstance(code, int) else 0)


def _one_line(text: str) -> str:
    """A message fit for one line of stderr: control characters written out, cut if huge."""
    from .labels import visible

    return visible(text, 1000)


def _silence_stdout() -> None:
    """After the reader of our stdout went away: point stdout at /dev/null so that
    Python's final flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def emit(text: str) -> None:
    """Write the whole result to stdout; a closed pipe ends quietly."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()


def warn(messages: Sequence[str]) -> None:
    for message in messages:
        sys.stderr.write(f"enrollgap: warning: {message}\n")


# ------------------------------------------------------------------ shared options


def _check_format(ctx, param, value):
    from .render import check_format

    try:
        return check_format(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def input_options(func: Callable) -> Callable:
    """INPUT and the options that say how to read it, shared by every command."""
    decorators = [
        click.argument("input", required=False, metavar="[INPUT]"),
        click.option(
            "--input-format",
            type=click.Choice(FORMATS),
            help="Format of INPUT; default: by extension, else sniffed.",
        ),
        click.option("--delimiter", metavar="CHAR", help="CSV delimiter; default: sniffed (, or ;)."),
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
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def output_options(func: Callable) -> Callable:
    """Output format and the human-format settings, shared by every command."""
    decorators = [
        click.option(
            "-f",
            "--format",
            "output_format",
            default="table",
            show_default=True,
            callback=_check_format,
            help="table, csv, tsv, json, jsonl, markdown, or a tabulate format (github, grid, latex, ...).",
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
            "--html",
            type=click.Path(dir_okay=False, writable=True),
            help="Also save the table as an HTML page.",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def sector_option(func: Callable) -> Callable:
    return click.option(
        "-s",
        "--sector",
        "sectors",
        nargs=3,
        multiple=True,
        metavar="NAME ENROLLED POTENTIAL",
        help="A group on the command line (repeatable); combines with INPUT.",
    )(func)


def group_by_option(func: Callable) -> Callable:
    return click.option(
        "--group-by",
        type=click.Choice(list(GROUPINGS)),
        help="Sum rows by these labels; default: every label column present.",
    )(func)


def read_options(locale, input_format, delimiter, encoding, columns, group_by=None) -> ReadOptions:
    pairs = []
    for spec in columns:
        field, sep, header = spec.partition("=")
        field = field.strip().casefold()
        if not sep or not header.strip():
            raise click.BadParameter(f"expected FIELD=HEADER, got {spec!r}", param_hint="--col")
        if field not in FIELDS:
            raise click.BadParameter(f"unknown field {field!r}; choose {', '.join(FIELDS)}", param_hint="--col")
        pairs.append((field, header.strip()))
    if delimiter is not None and len(delimiter) != 1:
        if delimiter in ("\\t", "tab"):
            delimiter = "\t"
        else:
            raise click.BadParameter("takes one character, e.g. ';'", param_hint="--delimiter")
    progress = None
    if sys.stderr.isatty():
        from .progress import progress_for

        progress = progress_for(PROGRESS_FROM_BYTES)
    return ReadOptions(input_format, delimiter, encoding, tuple(pairs), locale, group_by, progress)


def input_path(path: str | None, has_rows: bool, hint: str) -> str | None:
    """What to read: the named INPUT, else standard input when something is piped in."""
    if path is not None:
        return path
    if has_rows:
        return None
    stdin = sys.stdin
    if stdin is None or stdin.isatty():
        raise click.UsageError(f"nothing to read: give INPUT (a file, or - for standard input) or {hint}")
    return "-"


def option_value(text: str | None, name: str, locale: str, kind: str = "percent") -> Written | None:
    """An option's number read in the locale; a bad one is a usage error naming the option."""
    if text is None:
        return None
    try:
        if kind == "percent":
            return parse_number(text, locale, percent=True)
        if kind == "money":
            return parse_money(text, locale)
        return parse_count(text, locale)
    except NumberError as error:
        raise click.BadParameter(str(error), param_hint=name) from None


def share_option(text: str | None, name: str, locale: str, what: str) -> Written | None:
    """A percentage option that must lie between 0 and 100 (a target, a retention)."""
    value = option_value(text, name, locale)
    if value is not None and not 0 <= value.value <= 100:
        raise click.BadParameter(f"the {what} must be between 0 and 100", param_hint=name)
    return value


def base_year(from_year: int | None, by: int | None) -> int:
    """The base year (--from, default this year), checked to come before --by."""
    if from_year is None:
        import datetime

        from_year = datetime.date.today().year
    if by is not None and by <= from_year:
        raise click.BadParameter(f"the target year {by} must come after the base year {from_year}", param_hint="--by")
    return from_year


def finish(warnings_human: Sequence[str], strict: bool) -> None:
    """Warnings to stderr, or with --strict the first one as an error."""
    if strict and warnings_human:
        raise InputError(f"{warnings_human[0]} (--strict)")
    warn(warnings_human)


# ------------------------------------------------------------------ commands


@click.group(cls=EnrollgapGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="enrollgap", message="%(prog)s %(version)s")
def cli() -> None:
    """Enrollment gap calculator for social-security coverage.

    Counts come as options (-s NAME ENROLLED POTENTIAL) or as CSV, TSV, JSON or
    JSON Lines (a file, or piped in); results come out as tables for people and
    as CSV/JSON for scripts. Exit codes: 0 done, 1 a finding, 2 bad input, 130
    interrupted.
    """


@cli.command(
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
@click.option(
    "--sort",
    type=click.Choice(SORT_KEYS),
    default="input",
    show_default=True,
    help="Row order; counts descending, coverage ascending.",
)
@click.option("--top", type=click.IntRange(min=1), metavar="N", help="Show only the first N groups (after --sort).")
@click.option("--no-total", is_flag=True, help="Leave out the total row.")
@click.option("--fail-under", metavar="PCT", help="Exit 1 when the total coverage is below PCT.")
@output_options
def report(
    input, input_format, delimiter, encoding, columns, locale, strict, sectors, group_by,
    target, by, from_year, premium, sort, top, no_total, fail_under,
    output_format, decimals, svg, html,
) -> int:  # fmt: skip
    """Coverage and gap per sector and region, with a total row.

    Coverage = enrolled / potential; the gap = the workers not yet covered.
    With --target (and --by) also what reaching the target takes; with
    --premium what the premiums for the gap cost a year.
    """
    from .coverage import Plan, build_report, sort_rows
    from .read import read_groups

    target_pct = share_option(target, "--target", locale, "target")
    limit = option_value(fail_under, "--fail-under", locale)
    premium_value = option_value(premium, "--premium", locale, "money")
    if by is not None and target is None:
        raise click.UsageError("--by goes with --target")
    if from_year is not None and by is None:
        raise click.UsageError("--from goes with --by")
    if by is not None:
        from_year = base_year(from_year, by)
    options = read_options(locale, input_format, delimiter, encoding, columns, group_by)
    path = input_path(input, bool(sectors), "-s NAME ENROLLED POTENTIAL")
    groups = read_groups(path, options, sectors)
    if not groups:
        raise InputError("no rows to report on", path if path not in (None, "-") else "<stdin>")
    plan = Plan(
        target_pct.value if target_pct else None,
        by,
        from_year,
        premium_value.value if premium_value else None,
    )
    result = build_report(groups, plan)
    from .labels import warning_text

    finish([warning_text(f, locale, decimals) for f in result.findings], strict)
    rows = sort_rows(result.groups, sort)[:top]
    code, reason = 0, None
    if limit is not None:
        code, reason = _fail_under(result.total.coverage_pct, limit, locale, decimals)
    emit(_render_report(result, rows, output_format, locale, decimals, not no_total, svg, html))
    if reason:
        sys.stderr.write(f"enrollgap: {reason}\n")
    return code


def _fail_under(coverage: Fraction | None, limit: Written, locale: str, decimals: int) -> tuple[int, str | None]:
    from .labels import sentence
    from .numbers import format_percent

    shown = format_percent(limit.value, limit.decimals, locale)
    if coverage is None:
        return 1, sentence("fail_undefined", locale, limit=shown)
    if coverage < limit.value:
        return 1, sentence("fail_under", locale, coverage=format_percent(coverage, decimals, locale), limit=shown)
    return 0, None


def _render_report(result, rows, output_format, locale, decimals, total, svg, html) -> str:
    from . import records, render
    from .labels import warning_text

    def lines() -> list[dict]:
        out = [records.report_row(r, result) for r in rows]
        return [*out, records.report_row(result.total, result)] if total else out

    def table_rows() -> list[dict]:
        out = lines()
        if total:
            out[-1][records.total_label_field(rows)] = "Total"
        return out

    def views():
        from .views import report_view

        return [report_view(result, rows, locale, decimals, total)]

    return render.result_text(
        output_format,
        document=lambda: records.report_document(result, rows, [warning_text(f, "en", 2) for f in result.findings]),
        lines=lines,
        rows=table_rows,
        views=views,
        stream=sys.stdout,
        svg=svg,
        html=html,
    )


@cli.command(
    epilog="""\b
Examples:
  enrollgap project -s BPU 48858 1340000 --from 2020 --target 10 --by 2025
  enrollgap project sectors.csv --from 2021 --target 43 --by 2026 --path compound \
      --retention 90 --premium 16800
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
    type=click.Choice(["linear", "compound", "closing"]),
    default=None,
    help="Shape of the --by path: equal additions (linear, default), a constant growth rate (compound), "
    "or a constant shrinking of the uncovered share (closing).",
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
@click.option("--premium", metavar="AMOUNT", help="Monthly premium per worker: adds each year's premiums.")
@output_options
def project(
    input, input_format, delimiter, encoding, columns, locale, strict, sectors, group_by,
    target, from_year, by, growth, add, method, horizon, potential_growth, retention, premium,
    output_format, decimals, svg, html,
) -> int:  # fmt: skip
    """The year-by-year path to a coverage target, per group and for the total.

    With --by YEAR: the required path (linear, compound or closing). With
    --growth PCT or --add N: a forecast, and the first year the target is
    reached.
    """
    from .projection import Assumptions, forecast, required_path
    from .read import read_groups

    chosen = [name for name, value in (("--by", by), ("--growth", growth), ("--add", add)) if value is not None]
    if len(chosen) != 1:
        raise click.UsageError(
            "give one of --by YEAR, --growth PCT or --add N" + (f", not {' and '.join(chosen)}" if chosen else "")
        )
    if method is not None and by is None:
        raise click.UsageError("--path goes with --by")
    target_pct = share_option(target, "--target", locale, "target").value
    retention_pct = share_option(retention, "--retention", locale, "retention").value
    growth_value = option_value(potential_growth, "--potential-growth", locale).value
    premium_value = option_value(premium, "--premium", locale, "money")
    from_year = base_year(from_year, by)
    assumptions = Assumptions(growth_value, retention_pct, premium_value.value if premium_value else None)
    options = read_options(locale, input_format, delimiter, encoding, columns, group_by)
    path = input_path(input, bool(sectors), "-s NAME ENROLLED POTENTIAL")
    groups = read_groups(path, options, sectors)
    if not groups:
        raise InputError("no rows to project", "<stdin>" if path in (None, "-") else path)
    from .coverage import check_group
    from .labels import warning_text

    findings = [f for f in map(check_group, groups) if f is not None]
    finish([warning_text(f, locale, decimals) for f in findings], strict)
    if by is not None:
        result = required_path(groups, target_pct, from_year, by, method or "linear", assumptions)
    else:
        result = forecast(
            groups,
            target_pct,
            from_year,
            growth_pct=option_value(growth, "--growth", locale).value if growth is not None else None,
            add=option_value(add, "--add", locale, "count").count if add is not None else None,
            horizon=horizon,
            assumptions=assumptions,
        )
    from . import records, render

    def rows() -> list[dict]:
        out = records.project_rows(result)
        label = records.total_label_field(result.paths)
        for row in out[-len(result.total.years) :]:
            row[label] = "Total"
        return out

    def views():
        from .views import project_views

        return project_views(result, locale, decimals)

    text = render.result_text(
        output_format,
        document=lambda: records.project_document(result, [warning_text(f, "en", 2) for f in findings]),
        lines=lambda: [records.path_record(p) for p in (*result.paths, result.total)],
        rows=rows,
        views=views,
        stream=sys.stdout,
        svg=svg,
        html=html,
    )
    emit(text)
    return 0


@cli.command(
    epilog="""\b
Examples:
  enrollgap check --locale id --enrolled 48.858 --potential "1,34 juta" --reported "3,63 persen"
  enrollgap check published.csv --tolerance 0.01
  enrollgap check published.csv -f json | jq '.rows[] | select(.consistent | not)'
"""
)
@input_options
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
def check(
    input, input_format, delimiter, encoding, columns, locale, strict,
    enrolled, potential, reported, tolerance, output_format, decimals, svg, html,
) -> int:  # fmt: skip
    """Does a published percentage agree with its published counts?

    Each value stands for what it could have been before rounding: "3,63"
    for 3.625 to 3.635, "1,34 juta" for 1,335,000 to 1,344,999. A row is
    consistent when some counts inside their ranges give a percentage inside
    the reported range. Exit 0 when every row is consistent, 1 when any is not.
    """
    from .consistency import check_case
    from .read import Case, read_cases

    single = (enrolled, potential, reported)
    if any(v is not None for v in single) and not all(v is not None for v in single):
        raise click.UsageError("a single case needs all three of --enrolled, --potential and --reported")
    tolerance_pp = option_value(tolerance, "--tolerance", locale).value
    if tolerance_pp < 0:
        raise click.BadParameter("cannot be negative", param_hint="--tolerance")
    cases = []
    options = read_options(locale, input_format, delimiter, encoding, columns)
    path = input_path(input, enrolled is not None, "--enrolled N --potential N --reported PCT")
    if path is not None:
        cases = read_cases(path, options)
    if enrolled is not None:
        cases.append(
            Case(
                None,
                option_value(enrolled, "--enrolled", locale, "count"),
                option_value(potential, "--potential", locale, "count"),
                option_value(reported, "--reported", locale),
            )
        )
    if not cases:
        raise InputError("no rows to check", "<stdin>" if path in (None, "-") else path)
    verdicts = []
    for case in cases:
        try:
            verdicts.append(check_case(case.enrolled, case.potential, case.reported, tolerance_pp, case.label))
        except CheckError as error:
            raise InputError(str(error), case.origin) from None
    from . import records, render

    def views():
        from .views import check_view

        return [check_view(verdicts, locale, decimals)]

    text = render.result_text(
        output_format,
        document=lambda: records.check_document(verdicts),
        lines=lambda: [records.verdict_record(v) for v in verdicts],
        rows=lambda: records.check_rows(verdicts),
        views=views,
        stream=sys.stdout,
        svg=svg,
        html=html,
    )
    emit(text)
    return 0 if all(v.consistent for v in verdicts) else 1


def main() -> None:
    """The console script's entry point."""
    try:
        cli()
    except KeyboardInterrupt:  # Ctrl-C before click took over (while importing)
        sys.stderr.write("\n")
        sys.exit(130)
