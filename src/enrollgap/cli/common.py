"""What every command does around the library call: read INPUT (and -s), say what
reading decided, and write the result to stdout or a file."""

from __future__ import annotations

import codecs
import io
import os
import stat
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import click

from ..errors import InputError
from ..findings import Finding
from ..numerals import Style
from ..output import long_table_rows, render, workbook
from ..output.files import save_bytes
from ..read import Input, read_input
from ..read.options import STDIN, ReadOptions
from ..words import note_texts, sentence, warning_text
from . import silence_stdout
from .options import command_groups, read_options, usage_errors

if TYPE_CHECKING:
    from ..output import Result
    from ..read.notes import Notes


def emit(chunks: Iterable[str]) -> None:
    """Write a result to stdout chunk by chunk; a closed pipe ends quietly. A stdout
    that cannot write every character (not UTF-8: Windows' cp1252, PYTHONIOENCODING)
    gets the whole result checked first, so that a name it cannot write is an error
    before anything is written, not after megabytes of it."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    if not codecs.lookup(encoding).name.startswith("utf"):
        whole = "".join(chunks)
        whole.encode(encoding)  # UnicodeEncodeError: said as one line by the command line, exit 2
        chunks = [whole]
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
        silence_stdout()


def warn(messages: Sequence[str], kind: str = "warning") -> None:
    for message in messages:
        sys.stderr.write(f"enrollgap: {kind}: {message}\n")


class Common:
    """The options every command shares: how to read INPUT and how to write the result.

    The command line's own, never compared, copied or shown: a plain class."""

    __slots__ = ("columns", "html", "output", "output_format", "read", "strict", "style", "svg")

    def __init__(
        self, read: ReadOptions, strict: bool, output_format: str, style: Style, svg: str | None,
        html: str | None, columns: tuple[str, ...] = (), output: str | None = None,
    ) -> None:  # fmt: skip
        self.read = read
        self.strict = strict
        self.output_format = output_format
        self.style = style
        self.svg = svg
        self.html = html
        self.columns = columns
        self.output = output

    @classmethod
    def of(cls, params: dict[str, Any]) -> Common:
        read = read_options(
            params["locale"],
            params["input_format"],
            params["delimiter"],
            params["encoding"],
            params["columns"],
            params.get("group_by"),
            params.get("sheet"),
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

    def write(self, result: Result) -> None:
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
    """A result or a picture must never be written over the input it was made from,
    named or redirected to standard input ("-o in.csv - < in.csv")."""
    if path is None:
        return
    for option, target in (("--svg", common.svg), ("--html", common.html), ("--output", common.output)):
        if target is not None and _same_file(path, target):
            raise click.BadParameter(f"{target} is the input file; name another file to write to", param_hint=option)


def _same_file(path: str, target: str) -> bool:
    """True when ``target`` is the file ``path`` reads (through links and relative
    paths too; "-": the regular file standard input comes from)."""
    try:
        if path == "-":
            read = os.fstat(sys.stdin.fileno())
            if not stat.S_ISREG(read.st_mode):
                return False
        else:
            read = os.stat(path)
        written = os.stat(target)
    except (OSError, ValueError, AttributeError):  # no such target yet; a stdin without a descriptor
        return path != "-" and os.path.realpath(path) == os.path.realpath(target)
    return (read.st_dev, read.st_ino) == (written.st_dev, written.st_ino)


def source_name(path: str | None) -> str | None:
    return STDIN if path == "-" else path


def read_groups_of(
    input: str | None, sectors: Sequence[tuple[str, str, str]], common: Common
) -> tuple[Input, str | None]:
    """The groups of INPUT (or standard input) and of -s, and the name of what was read."""
    extra = command_groups(sectors, common.locale)
    path = input_path(input, bool(sectors), "-s NAME ENROLLED POTENTIAL")
    refuse_overwriting(path, common)
    return read_input(path, common.read, extra), source_name(path)
