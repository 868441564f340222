"""The enrollgap command line: options in, the library's ``api`` called, ``output`` out.

Commands only turn options into the library's dataclasses and hand the result
to ``output.render``; what is computed, and how, lives below them. Each command
is a module of its own (``cli.report``, ``cli.project``, ``cli.check``), loaded
only when it runs, as click's lazy groups do: a report never imports the
projection code. ``cli.options`` holds the options they share, ``cli.common``
reading the input and writing the result.

Exit codes (``errors.ExitStatus``): 0 done, 1 a finding (--fail-under not met,
an inconsistent check), 2 a usage or input error (one line on stderr, nothing
on stdout), 130 Ctrl-C.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from importlib import import_module
from typing import NoReturn

import click

from .. import __version__
from ..errors import EnrollgapError, ExitStatus
from ..text import visible

# Each command and the module that defines it, in the order --help lists them.
COMMANDS = {"report": "enrollgap.cli.report", "project": "enrollgap.cli.project", "check": "enrollgap.cli.check"}


class EnrollgapGroup(click.Group):
    """A click group whose errors are one line on stderr and whose exit codes are the
    contract's, and whose commands load on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        home = COMMANDS.get(cmd_name)
        if home is None:
            return None
        command = getattr(import_module(home), cmd_name)
        assert isinstance(command, click.Command)
        return command

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # enrollgap with no command: one line and exit 2 (click 8.1 would print the
        # help and exit 0; 8.2 and later raise an error that names no command)
        if not args and not ctx.resilient_parsing:
            raise click.UsageError("missing command: report, project or check", ctx)
        return super().parse_args(ctx, args)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as error:
            # click (8.4 and later) suggests close names from the commands it holds,
            # and a lazy group holds none until one runs: name them
            no_such = getattr(click.exceptions, "NoSuchCommand", None)
            if no_such is None or not isinstance(error, no_such):
                raise
            raise no_such(error.command_name, possibilities=COMMANDS, ctx=ctx) from None

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            code = super().main(args, prog_name or "enrollgap", complete_var, standalone_mode=False, **extra)
        except click.exceptions.Abort:
            sys.stderr.write("\n")
            code = ExitStatus.INTERRUPTED
        except click.ClickException as error:
            command = error.ctx.command_path if getattr(error, "ctx", None) else "enrollgap"
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
            silence_stdout()
            code = ExitStatus.OK
        except UnicodeEncodeError as error:  # a stdout that cannot write the text (Windows' cp1252, in a file)
            encoding = getattr(sys.stdout, "encoding", None) or error.encoding
            sys.stderr.write(
                f"enrollgap: error: standard output ({encoding}) cannot write "
                f"{visible(repr(error.object[error.start : error.end]), 40)}; set PYTHONIOENCODING=utf-8, "
                "or write to a file with --output FILE (always UTF-8)\n"
            )
            code = ExitStatus.ERROR
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
        sys.stderr.flush()  # (a stderr that is not a terminal may buffer, e.g. click 8.1's CliRunner)
        sys.exit(code if isinstance(code, int) else 0)


def silence_stdout() -> None:
    """After the reader of our stdout went away: point stdout at /dev/null so that
    Python's final flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


@click.group(cls=EnrollgapGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="enrollgap", message="%(prog)s %(version)s")
def cli() -> None:
    """Enrollment gap calculator for social-security coverage.

    Counts come as options (-s NAME ENROLLED POTENTIAL) or as CSV, TSV, JSON or
    JSON Lines (a file, or piped in), and spreadsheets (.xlsx, .xls, .ods) with
    the excel extra: pip install 'enrollgap[excel]'. Results come out as tables
    for people and as CSV/JSON/xlsx for scripts. Exit codes: 0 done, 1 a
    finding, 2 bad input, 130 interrupted.
    """


class ClosedOutput(io.TextIOBase):
    """Standard output for a process started without one (``>&-``): writing the result
    is one error, exit 2, as it is for ls and cat; the result is never silently lost."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed; nothing was written")


def open_closed_streams() -> None:
    """Python starts with sys.stdout or sys.stderr None when its descriptor is closed
    (cron jobs and service managers do that to stderr): messages then go nowhere
    (stderr), the result is an error (stdout)."""
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (open for the life of the process)
    if sys.stdout is None:
        sys.stdout = ClosedOutput()


def main() -> NoReturn:
    """The command line, run and ended with its exit status."""
    open_closed_streams()
    code: int | str | None = ExitStatus.OK
    try:
        cli()
    except SystemExit as done:
        code = done.code
    except KeyboardInterrupt:  # Ctrl-C before click took over (while importing)
        sys.stderr.write("\n")
        code = ExitStatus.INTERRUPTED
    end(code)


def end(code: int | str | None) -> NoReturn:
    """Flush what is left of the output and exit with ``code``; a reader that went away
    (a closed pipe) ends the program quietly."""
    if not isinstance(code, int):
        code = ExitStatus.OK if code is None else ExitStatus.ERROR  # (sys.exit("text") says so on stderr)
    try:
        sys.stdout.flush()  # (each writer flushes what it wrote; this is for one that did not)
    except BrokenPipeError:
        silence_stdout()  # the reader went away: as when the result is written
    except OSError as error:  # a full disk
        sys.stderr.write(f"enrollgap: error: {visible(error.strerror or str(error), 1000)}\n")
        code = code or ExitStatus.ERROR
    except KeyboardInterrupt:
        code = ExitStatus.INTERRUPTED
    sys.exit(code)
