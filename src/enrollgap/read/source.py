"""Opening input: a file or standard input, guarded against endless lines,
decoded, and its format and delimiter found."""

from __future__ import annotations

import codecs
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import chain
from typing import TYPE_CHECKING

from ..errors import InputError
from .options import DEFAULT_ENCODING, MAX_LINE, SHEET_FORMATS, STDIN, ReadOptions

if TYPE_CHECKING:
    from typing import BinaryIO

EXTENSIONS = {
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".xls": "xls",
    ".ods": "ods",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}

CHUNK = 1024 * 1024
# Text is decoded and split into lines this many bytes at a time (a piece and its lines
# stay in the CPU's cache).
PIECE = 64 * 1024
SNIFF = 64 * 1024  # the first bytes, read to find the format and the delimiter
# A piece of text as a file to iterate, line ends kept and split as open(newline="") does.
_text_file = partial(io.StringIO, newline="")


def lines_of(pieces: Iterable[str]) -> Iterator[str]:
    """The lines of pieces of text that each end at a line end, line ends kept (as a
    text file opened with newline="" gives them)."""
    return chain.from_iterable(map(_text_file, pieces))


# Byte-order marks that name their encoding (UTF-32 first: its little-endian mark
# begins with UTF-16's). Excel's "Unicode Text" export is UTF-16 with a mark.
BYTE_ORDER_MARKS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# The first bytes of a workbook: a zip (xlsx, ods) or an OLE compound file (xls).
SHEET_MAGIC = ((b"PK\x03\x04", "xlsx"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "xls"))


def line_too_long(name: str, line: int | None = None, what: str = "") -> InputError:
    """The one error for a line past MAX_LINE, whatever the format."""
    return InputError(f"a line is longer than {MAX_LINE // 2**20} MiB{what}", name, line)


class LineTooLong(InputError):
    """Raised by the guard; the reader that knows the line number adds it."""


class Undecodable(UnicodeDecodeError):
    """Bytes that are not text in the encoding, with the line that holds them."""

    def __init__(self, error: UnicodeDecodeError, line: int) -> None:
        super().__init__(error.encoding, error.object, error.start, error.end, error.reason)
        self.line = line


def _chunks(
    raw: BinaryIO, head: bytes, decoder: codecs.IncrementalDecoder, name: str, progress=None, lines: bool = True
) -> Iterator[str]:
    """The text of raw (``head`` already read from it) in pieces of about PIECE bytes,
    each ending at a line end, so that no line is split between two pieces; with
    ``lines`` False, as they come (a JSON array, which guards its elements' size).

    This is the endless-line guard: text with no line end for more than MAX_LINE
    characters raises LineTooLong. It runs once a piece, in Python; the lines within
    a piece are split in C (str.split, or Source.lines), which a Python-level byte
    stream under io.TextIOWrapper would prevent.
    """
    pending: list[str] = []  # the text since the last line end
    size = 0
    done = 0
    data = head
    counted = name == STDIN  # standard input cannot be read again to find a bad byte's line: count as it comes
    line_ends = 0
    while True:
        if not data:
            data = raw.read(PIECE)
        done += len(data)
        if progress is not None:
            progress(done)
        try:
            text = decoder.decode(data, not data)
        except UnicodeDecodeError as error:
            if not counted:
                raise
            before = error.object[: error.start]
            raise Undecodable(
                error, line_ends + (before.count(b"\n") if isinstance(before, bytes) else 0) + 1
            ) from None
        if counted:
            line_ends += text.count("\n")
        if not data:
            rest = "".join(pending) + text
            if rest:
                yield rest
            return
        data = b""
        if not lines:
            if text:
                yield text
            continue
        cut = text.rfind("\n") + 1
        if not cut and "\r" in text[:-1]:  # a classic Mac file's line ends (never half of a CRLF: a char follows)
            cut = text.rfind("\r", 0, len(text) - 1) + 1
        if cut:
            pending.append(text[:cut])
            yield "".join(pending)
            pending, size = [text[cut:]], len(text) - cut
        else:
            pending.append(text)
            size += len(text)
        if size > MAX_LINE:
            raise LineTooLong(line_too_long(name).message, name)


@dataclass
class Source:
    """An opened input: its name for messages, its text, format and delimiter.

    A spreadsheet has no text: ``raw`` is its byte stream (``head`` already read
    from it) and ``path`` its file, or None on standard input.
    """

    name: str
    chunks: Iterator[str]  # the text in pieces that end at a line end (a JSON array: as read; see _chunks)
    format: str
    delimiter: str | None
    encoding: str
    progress: Callable[[int | None], None] | None = None
    raw: BinaryIO | None = None
    head: bytes = b""
    path: str | None = None

    @property
    def is_sheet(self) -> bool:
        return self.format in SHEET_FORMATS

    def lines(self) -> Iterator[str]:
        """The text line by line, line ends kept (as a text file opened with newline="")."""
        return lines_of(self.chunks)

    def close(self) -> None:
        if self.progress is not None:
            self.progress(None)
        if self.name != STDIN and self.raw is not None:
            self.raw.close()


def _line_of_bad_bytes(path: str, encoding: str) -> int | None:
    """The line of the first bytes of path that are not text in encoding."""
    try:
        decoder = codecs.getincrementaldecoder(encoding)()
        lines = 0
        with open(path, "rb") as stream:
            while chunk := stream.read(CHUNK):
                try:
                    lines += decoder.decode(chunk).count("\n")
                except UnicodeDecodeError as error:
                    pending = error.object[: error.start]
                    return lines + (pending.count(b"\n") if isinstance(pending, bytes) else 0) + 1
    except (OSError, LookupError):
        return None
    return None


def sniff_format(sample: str) -> str:
    """The format of text that has no extension to go by."""
    if sample.startswith("["):
        return "json"
    if sample.startswith("{"):
        return "jsonl"
    if _most(sample, "\t") > max(_most(sample, ","), _most(sample, ";"), 0):
        return "tsv"
    return "csv"


def _most(sample: str, delimiter: str, lines: int = 30) -> int:
    """The most times delimiter appears in one of the sample's first lines (a title
    line above the header has few; the header and the rows have the most)."""
    return max((line.count(delimiter) for line in sample.splitlines()[:lines]), default=0)


def _delimiter(sample: str, lines: int = 30) -> str:
    """A CSV's delimiter: whichever of ",", ";" and a tab its fullest lines use most (a
    file named .csv may hold tab-separated values); on a tie, the one more lines use as
    much ("a;1,00;2,00" under a header "sektor;peserta;potensi" is split by ";"); then
    "," before ";" before a tab."""
    first = sample.splitlines()[:lines]

    def fullness(delimiter: str) -> tuple[int, int]:
        uses = [line.count(delimiter) for line in first]
        most = max(uses, default=0)
        return most, uses.count(most) if most else 0

    return max((",", ";", "\t"), key=fullness)


def open_source(path: str, options: ReadOptions) -> Source:
    """The named file ("-" for standard input) as text, with its format found."""
    size: int | None
    if path == "-":
        name, raw, size = STDIN, sys.stdin.buffer, None
    else:
        name = path
        try:
            raw = open(path, "rb")  # noqa: SIM115 -- closed with the Source
        except OSError as error:
            raise InputError(f"cannot open: {error.strerror or error}", name) from None
        try:
            size = os.fstat(raw.fileno()).st_size
        except OSError:
            size = None
    try:
        head = raw.read(SNIFF) or b""
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", name) from None
    input_format = options.input_format or EXTENSIONS.get(os.path.splitext(path)[1].casefold())
    magic = next((kind for start, kind in SHEET_MAGIC if head.startswith(start)), None)
    if input_format in SHEET_FORMATS or (input_format is None and magic is not None):
        kind = input_format or ("ods" if b"opendocument.spreadsheet" in head[:100] else magic or "xlsx")
        return Source(name, iter(()), kind, None, "", None, raw, head, None if path == "-" else path)
    encoding = options.encoding
    if encoding == DEFAULT_ENCODING:
        encoding = next((name for mark, name in BYTE_ORDER_MARKS if head.startswith(mark)), encoding)
    progress = options.progress(name, size) if options.progress is not None and size else None
    try:
        io.TextIOWrapper(io.BytesIO(), encoding=encoding)  # a text encoding (not "base64")?
        decoder = codecs.getincrementaldecoder(encoding)()
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r} (try utf-8 or latin-1)") from None
    try:
        sample = head.decode(encoding, errors="replace").lstrip("\ufeff \t\r\n")
    except UnicodeError:  # a codec for other things than files ("idna")
        raise InputError(f"--encoding {encoding} cannot decode a file; name a text encoding such as cp1252") from None
    first = sample.partition("\n")[0].rstrip("\r")
    # Excel writes "sep=;" as the first line of a CSV to name its delimiter.
    separator = first[4:5] if first.casefold().startswith("sep=") and len(first.strip()) in (4, 5) else None
    if separator == "" or (separator is not None and first[4:] == "\t"):
        separator = "\t"
    input_format = input_format or ("tsv" if separator == "\t" else None) or sniff_format(sample)
    delimiter = None
    if input_format == "tsv":
        delimiter = options.delimiter or "\t"
    elif input_format == "csv":
        delimiter = options.delimiter or separator or _delimiter(sample)
    chunks = _chunks(raw, head, decoder, name, progress, lines=input_format != "json")
    return Source(name, chunks, input_format, delimiter, encoding, progress, raw)


def decode_error(error: UnicodeDecodeError, source: Source, line: int | None) -> InputError:
    """The error for bytes that are not text in the source's encoding, on the line
    that holds them (found again from the file: the decoder works a chunk ahead
    of the reader)."""
    if isinstance(error, Undecodable):
        line = error.line
    elif source.name != STDIN:
        line = _line_of_bad_bytes(source.name, source.encoding) or line
    value = error.object[error.start]
    # 0x80-0x9F are control codes in latin-1 but letters and marks ("–", "€") in
    # Windows' cp1252, which is what a spreadsheet saved on Windows writes.
    hint = "cp1252" if 0x80 <= value <= 0x9F else "latin-1 (or cp1252)"
    return InputError(
        f"not valid {source.encoding.replace('-sig', '')} text (byte 0x{value:02x}); "
        f"name the file's encoding with --encoding, e.g. --encoding {hint}",
        source.name,
        line,
    )
