"""The enrollgap command line: options in, the library's ``api`` called, ``output`` out.

Commands only turn options into the library's dataclasses and hand the result
to ``output.render``; what is computed, and how, lives below them.

Exit codes (``errors.ExitStatus``): 0 done, 1 a finding (--fail-under not met,
an inconsistent check), 2 a usage or input error (one line on stderr, nothing
on stdout), 130 Ctrl-C.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import click

from . import __version__, api
from .coverage import SORT_KEYS, Finding, Plan
from .errors import EnrollgapError, ExitStatus, InputError, NumberError, OptionError
from .groups import GROUPINGS, Group
from .money import premium_overrides
from .numerals import LOCALES, Style, Written, parse_count, parse_money, parse_number
from .output import long_table_rows, render, workbook
from .output.files import save_bytes
from .output.formats import check_format
from .projection import Assumptions
from .read import Case, Input, Notes, read_cases, read_input
from .read.columns import parse_column_map
from .read.source import FORMATS, STDIN, ReadOptions
from .text import visible
from .words import note_texts, sentence, warning_text

PROGRESS_FROM_BYTES = 50 * 1000 * 1000


class EnrollgapGroup(click.Group):
    """A click group whose errors are one line on stderr and whose exit codes are the contract's."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            code = super().main(args, prog_name or "enrollgap", complete_var, standalone_mode=False, **extra)
        except click.exceptions.Abort:
            sys.stderr.write("\n")
            code = ExitStatus.INTERRUPTED
        except click.ClickException as error:
            command = error.ctx.command_path if getattr(error, "ctx", None) else "enrollgap"
            if type(error).__name__ == "NoArgsIsHelpError":  # enrollgap with no command
                error = click.UsageError("missing command: report, project or check", error.ctx)
            hint = f" (see '{command} --help')" if isinstance(error, click.UsageError) else ""
            sys.stderr.write(f"{command}: error: {visible(error.format_message(), 1000)}{hint}\n")
            code = ExitStatus.ERROR
        except EnrollgapError as error:
            sys.stderr.write(f"enrollgap: error: {error}\n")
            code = error.exit_status
        except KeyboardInterrupt:
            sys.stderr.write("\n")
            code = ExitStatus.INTERRUPTED
        except BrokenPipeError:
            _silence_stdout()
            code = ExitStatus.OK
        except OSError as error:  # an --svg or --html file that cannot be written, a full disk
            where = f"{error.filename}: " if error.filename else ""
            sys.stderr.write(f"enrollgap: error: {visible(where + (error.strerror or str(error)), 1000)}\n")
            code = ExitStatus.ERROR
        except Exception as error:  # a bug: still one line and exit 2, never a traceback
            if os.environ.get("ENROLLGAP_DEBUG"):
                raise
            sys.stderr.write(
                f"enrollgap: internal error: {type(error).__name__}: {visible(str(error), 1000)} "
                "(please report it; ENROLLGAP_DEBUG=1 shows the traceback)\n"
            )
            code = ExitStatus.ERROR
        sys.exit(code if isinstance(code, int) else 0)


def _silence_stdout() -> None:
    """After the reader of our stdout went away: point stdout at /dev/null so that
    Python's final flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def emit(chunks: Iterable[str]) -> None:
    """Write a result to stdout chunk by chunk; a closed pipe ends quietly."""
    try:
        pending: list[str] = []
        size = 0
        for chunk in chunks:
            pending.append(chunk)
            size += len(chunk)
            if size >= 1 << 16:
                sys.stdout.write("".join(pending))
                pending.clear()
                size = 0
        sys.stdout.write("".join(pending))
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()


def warn(messages: Sequence[str], kind: str = "warning") -> None:
    for message in messages:
        sys.stderr.write(f"enrollgap: {kind}: {message}\n")


# ------------------------------------------------------------------ shared options


def _check_format(ctx, param, value):

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
        click.option("--delimiter", metavar="CHAR", help="CSV delimiter; default: sniffed (, or ;, or a sep= line)."),
        click.option(
            "--sheet", metavar="NAME|N", help="The sheet of a spreadsheet to read (1 = first); default: the first."
        ),
        click.option(
            "--jobs",
            type=click.IntRange(min=1),
            metavar="N",
            help="Processes for a big CSV/TSV file; 1 reads on one core. Default: ENROLLGAP_JOBS, else every core.",
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


def read_options(
    locale, input_format, delimiter, encoding, columns, group_by=None, sheet=None, jobs=None
) -> ReadOptions:
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
        from .output.progress import progress_for

        progress = progress_for(PROGRESS_FROM_BYTES)
    return ReadOptions(input_format, delimiter, encoding, pairs, locale, group_by, progress, sheet, jobs)


@dataclass(frozen=True)
class Common:
    """The options every command shares: how to read INPUT and how to write the result."""

    read: ReadOptions
    strict: bool
    output_format: str
    style: Style
    svg: str | None
    html: str | None
    columns: tuple[str, ...] = ()
    output: str | None = None

    @classmethod
    def of(cls, params: dict[str, Any]) -> Common:
        read = read_options(
            params["locale"],
            params["input_format"],
            params["delimiter"],
            params["encoding"],
            params["columns"],
            params.get("group_by"),
            params["sheet"],
            params["jobs"],
        )
        return cls(
            read,
            params["strict"],
            params["output_format"],
            Style(params["locale"], params["decimals"]),
            params["svg"],
            params["html"],
            tuple(c.strip() for c in (params.get("picked") or "").split(",") if c.strip()),
            params.get("output"),
        )

    @property
    def locale(self) -> str:
        return self.style.locale

    def warn(self, findings: Sequence[Finding], notes: Notes | None = None) -> None:
        """What reading skipped or filled in, and the warnings, to stderr in the locale;
        with --strict the first warning is an error instead (and nothing else is said)."""
        texts = [warning_text(f, self.style) for f in findings]
        if self.strict and texts:
            raise InputError(f"{texts[0]} (--strict)")
        if notes:
            warn(note_texts(notes, self.locale), "note")
        warn(texts)

    def write(self, result: object) -> None:
        if self.output_format == "xlsx":
            with usage_errors():
                data = workbook(result, self.columns)
            if self.output is not None:
                save_bytes(self.output, data)
            elif sys.stdout.isatty():
                raise click.UsageError("-f xlsx writes a workbook: give --output FILE, or pipe it to a file")
            else:
                sys.stdout.flush()
                sys.stdout.buffer.write(data)
            return
        if self.output is not None:
            text = "".join(render(result, self.output_format, self.style, stream=io.StringIO(), columns=self.columns))
            save_bytes(self.output, text.encode("utf-8"))
            return
        rows = long_table_rows(result, self.output_format)
        if rows is not None:
            warn([sentence("long_table", self.locale, rows=self.style.count(rows))], "note")
        with usage_errors():
            chunks = render(result, self.output_format, self.style, stream=sys.stdout, svg=self.svg, html=self.html,
                            columns=self.columns)  # fmt: skip
        emit(chunks)


@contextmanager
def usage_errors() -> Iterator[None]:
    """Options the library refuses are usage errors: "enrollgap report: error: ... (see --help)"."""
    try:
        yield
    except OptionError as error:
        raise click.UsageError(error.message) from None


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


def refuse_overwriting(path: str | None, common: Common) -> None:
    """A picture must never be written over the input it was made from."""
    if path is None or path == "-":
        return
    for option, target in (("--svg", common.svg), ("--html", common.html), ("--output", common.output)):
        if target is not None and _same_file(path, target):
            raise click.BadParameter(f"{target} is the input file; name another file to write to", param_hint=option)


def _same_file(first: str, second: str) -> bool:
    """True when both names lead to one file (through links and relative paths too)."""
    try:
        return os.path.samefile(first, second)
    except OSError:  # one of them does not exist (yet)
        return os.path.realpath(first) == os.path.realpath(second)


def source_name(path: str | None) -> str | None:
    return STDIN if path == "-" else path


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


def premium_options(specs: Sequence[str], locale: str) -> tuple[Fraction | None, dict[int, Fraction]]:
    """--premium AMOUNT (once) and --premium YEAR=AMOUNT (any number of years)."""
    plain = [spec for spec in specs if "=" not in spec]
    if len(plain) > 1:
        raise click.BadParameter("give one plain AMOUNT; the other years as YEAR=AMOUNT", param_hint="--premium")
    overrides = []
    for spec in specs:
        if "=" in spec:
            year, _, amount = spec.partition("=")
            if not year.strip().isdigit():
                raise click.BadParameter(f"expected YEAR=AMOUNT, got {spec!r}", param_hint="--premium")
            overrides.append((int(year), parse_option(amount, "--premium", locale, "money").value))
    with usage_errors():
        by_year = premium_overrides(overrides)
    return (parse_option(plain[0], "--premium", locale, "money").value if plain else None), by_year


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


def read_groups_of(
    input: str | None, sectors: Sequence[tuple[str, str, str]], common: Common
) -> tuple[Input, str | None]:
    """The groups of INPUT (or standard input) and of -s, and the name of what was read."""
    extra = command_groups(sectors, common.locale)
    path = input_path(input, bool(sectors), "-s NAME ENROLLED POTENTIAL")
    refuse_overwriting(path, common)
    return read_input(path, common.read, extra), source_name(path)


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
        options = api.ReportOptions(
            plan, sort, top, not no_total, option_value(fail_under, "--fail-under", locale), year
        )
    read, source = read_groups_of(input, sectors, common)
    result = api.report(read.groups, options, source, read.findings)
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
    "--trend",
    type=click.Choice(["linear", "compound"]),
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
        options = api.ProjectOptions(
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
    result = api.project(read.groups, options, source, read.findings)
    common.warn(result.findings, read.notes)
    common.write(result)
    return result.exit_status


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
        options = api.CheckOptions(parse_option(tolerance, "--tolerance", locale).value)
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
    result = api.check([*cases, *given], options, source_name(path))
    common.write(result)
    return result.exit_status


def main() -> None:
    """The console script's entry point."""
    try:
        cli()
    except KeyboardInterrupt:  # Ctrl-C before click took over (while importing)
        sys.stderr.write("\n")
        sys.exit(130)
