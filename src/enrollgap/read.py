"""Rows in: from options, CSV/TSV/JSON/JSON Lines files or standard input.

Finds the columns by header (with aliases), reads every value with the chosen
locale, and sums rows that share labels into groups while it streams, so a
file of millions of rows is read in constant memory. Every error names the
file, line and column.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter

from .coverage import Group
from .errors import InputError
from .numbers import MAX_COUNT, NumberError, Written, parse_count, parse_number, parse_plain

FORMATS = ("csv", "tsv", "json", "jsonl")
EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
GROUPINGS = {
    "sector": ("sector",),
    "region": ("region",),
    "region,sector": ("region", "sector"),
    "sector,region": ("region", "sector"),
}
ALIASES = {
    "sector": ("sector", "sektor", "name"),
    "region": ("region", "wilayah", "province", "provinsi", "district", "kabupaten", "kota"),
    "enrolled": ("enrolled", "peserta", "participants", "members", "covered"),
    "potential": ("potential", "potensi", "eligible", "population", "universe"),
    "reported": ("reported", "persen", "percent", "reported_pct"),
    "label": ("label",),
}
FIELDS = tuple(ALIASES)

# No line (and so no field) may be longer than this: a file of one endless line
# gets an error instead of eating the memory.
MAX_LINE = 32 * 1024 * 1024
CHUNK = 1024 * 1024


def normalize_header(text: str) -> str:
    """Headers match case-, space-, underscore- and hyphen-insensitively."""
    return "".join(ch for ch in text.casefold() if not ch.isspace() and ch not in "_-")


# Each field's aliases as normalize_header writes them ("reported_pct" is "reportedpct").
_ALIAS_KEYS = {field: [normalize_header(alias) for alias in aliases] for field, aliases in ALIASES.items()}


class JsonNumber(str):
    """A number as JSON wrote it: read the locale-free way, whatever --locale says."""


@dataclass(frozen=True)
class ReadOptions:
    """How to read input: format, CSV delimiter, encoding, column mapping, locale."""

    input_format: str | None = None
    delimiter: str | None = None
    encoding: str = "utf-8-sig"
    columns: tuple[tuple[str, str], ...] = ()
    locale: str = "en"
    group_by: str | None = None
    # Called with (source name, size in bytes) when a file is opened; may return a
    # function that is told the bytes read so far, and None when reading ends
    # (for a progress bar).
    progress: Callable[[str, int], Callable[[int], None] | None] | None = None


@dataclass(frozen=True)
class Case:
    """One published case for ``check``: the counts and percentage as written."""

    label: str | None
    enrolled: Written
    potential: Written
    reported: Written
    origin: str | None = None


class _LineTooLong(Exception):
    pass


class _Guarded(io.RawIOBase):
    """A raw byte stream that refuses lines longer than MAX_LINE and reports progress.

    ``head`` holds bytes already read from ``raw`` (to sniff the format).
    """

    def __init__(self, raw, head: bytes = b"", progress=None) -> None:
        self._raw = raw
        self._head = head
        self._since_newline = 0
        self._read = 0
        self._progress = progress

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            data, self._head = self._head[: len(buffer)], self._head[len(buffer) :]
        else:
            data = self._raw.read(len(buffer))
        if not data:
            return 0
        size = len(data)
        buffer[:size] = data
        newline = data.rfind(b"\n")
        self._since_newline = size - newline - 1 if newline >= 0 else self._since_newline + size
        if self._since_newline > MAX_LINE:
            raise _LineTooLong
        self._read += size
        if self._progress is not None:
            self._progress(self._read)
        return size


class _Source:
    """An opened input: its name for messages, its text, format and delimiter."""

    def __init__(self, name, text, format, delimiter, progress=None) -> None:
        self.name = name
        self.text = text
        self.format = format
        self.delimiter = delimiter
        self.progress = progress


def _open(path: str, options: ReadOptions) -> _Source:
    """The named file ("-" for standard input) as text, with its format found."""
    if path == "-":
        name, raw, size = "<stdin>", sys.stdin.buffer, None
    else:
        name = path
        try:
            raw = open(path, "rb")  # noqa: SIM115 -- closed by the reader
        except OSError as error:
            raise InputError(f"cannot open: {error.strerror or error}", name) from None
        try:
            size = os.fstat(raw.fileno()).st_size
        except OSError:
            size = None
    try:
        head = raw.read(64 * 1024) or b""
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", name) from None
    progress = None
    if options.progress is not None and size:
        progress = options.progress(name, size)
    guarded = _Guarded(raw, head, progress)
    try:
        text = io.TextIOWrapper(io.BufferedReader(guarded, CHUNK), encoding=options.encoding, newline="")
    except LookupError:
        raise InputError(f"unknown encoding {options.encoding!r} (try utf-8 or latin-1)") from None
    sample = head.decode(options.encoding, errors="replace").lstrip("\ufeff \t\r\n")
    input_format = options.input_format or EXTENSIONS.get(os.path.splitext(path)[1].casefold())
    if input_format is None:
        if sample.startswith("["):
            input_format = "json"
        elif sample.startswith("{"):
            input_format = "jsonl"
        elif "\t" in sample.partition("\n")[0]:
            input_format = "tsv"
        else:
            input_format = "csv"
    delimiter = None
    if input_format == "tsv":
        delimiter = options.delimiter or "\t"
    elif input_format == "csv":
        first = sample.partition("\n")[0]
        delimiter = options.delimiter or (";" if first.count(";") > first.count(",") else ",")
    return _Source(name, text, input_format, delimiter, progress)


class _Columns:
    """Which position (CSV) or key (JSON) holds each field."""

    def __init__(self, headers: Sequence[str], options: ReadOptions, name: str) -> None:
        self.headers = list(headers)
        self.where: dict[str, int] = {}
        normalized = [normalize_header(h) for h in headers]
        mapped = {}
        for field, header in options.columns:
            wanted = normalize_header(header)
            if wanted not in normalized:
                raise InputError(f"--col {field}={header}: no such column (columns: {', '.join(headers)})", name)
            mapped[field] = normalized.index(wanted)
        for field, aliases in _ALIAS_KEYS.items():
            if field in mapped:
                self.where[field] = mapped[field]
                continue
            found = [i for i, h in enumerate(normalized) if h in aliases and i not in mapped.values()]
            if len(found) > 1:
                both = " and ".join(repr(headers[i]) for i in found)
                raise InputError(
                    f"columns {both} both hold the {field}; pick one with --col {field}=HEADER",
                    name,
                )
            if found:
                self.where[field] = found[0]

    def require(self, fields: Iterable[str], name: str) -> None:
        for field in fields:
            if field not in self.where:
                looked = ", ".join(ALIASES[field])
                raise InputError(
                    f"no {field} column (looked for {looked}; found {', '.join(self.headers) or 'none'}); "
                    f"name it with --col {field}=HEADER",
                    name,
                )


def _grouping(columns: _Columns, options: ReadOptions, name: str) -> tuple[str, ...]:
    if options.group_by is not None:
        grouping = GROUPINGS[options.group_by]
        columns.require(grouping, name)
        return grouping
    grouping = tuple(f for f in ("region", "sector") if f in columns.where)
    if not grouping:
        raise InputError(
            "no sector or region column (looked for "
            f"{', '.join(ALIASES['sector'] + ALIASES['region'])}); name one with --col sector=HEADER",
            name,
        )
    return grouping


def read_value(raw: object, locale: str, kind: str) -> Written:
    """A count ("count") or a percentage ("percent") from a cell or a JSON value."""
    if isinstance(raw, JsonNumber):
        written = parse_plain(raw)
        if kind == "count" and (written.value < 0 or written.value.denominator != 1):
            raise NumberError(f"read {raw}, expected a whole, non-negative count")
        return written
    if not isinstance(raw, str):
        shown = "nothing" if raw is None else f"{raw!r}"
        raise NumberError(f"read {shown}, expected a {'percentage' if kind == 'percent' else 'count'}")
    if kind == "count":
        return parse_count(raw, locale)
    return parse_number(raw, locale, percent=True)


def _label(raw: object) -> str | None:
    if raw is None:
        return None
    return str(raw).strip()


# ------------------------------------------------------------------ CSV and TSV


def _csv_rows(source: _Source) -> Iterator[tuple[int, list[str]]]:
    import csv

    csv.field_size_limit(MAX_LINE)
    reader = csv.reader(source.text, delimiter=source.delimiter, strict=False)
    try:
        for cells in reader:
            yield reader.line_num, cells
    except csv.Error as error:
        raise InputError(f"not valid {source.format.upper()}: {error}", source.name, reader.line_num + 1) from None


def _sum_csv(source: _Source, options: ReadOptions) -> list[Group]:
    """Groups summed from a CSV/TSV source. The loop is the hot path for big files."""
    import csv

    csv.field_size_limit(MAX_LINE)
    reader = csv.reader(source.text, delimiter=source.delimiter)
    headers = next(reader, None)
    if headers is None:
        raise InputError("is empty; expected a header row and data rows", source.name)
    columns = _Columns(headers, options, source.name)
    columns.require(("enrolled", "potential"), source.name)
    grouping = _grouping(columns, options, source.name)
    width = len(headers)
    ie, ip = columns.where["enrolled"], columns.where["potential"]
    labels = [columns.where[f] for f in grouping]
    sums: dict = {}

    def slow(cells: list[str], line: int) -> tuple[int, int] | None:
        """Counts of a row the fast path could not read, or None for a blank row."""
        if not any(c.strip() for c in cells):
            return None
        if len(cells) != width:
            raise InputError(f"expected {width} fields as in the header, found {len(cells)}", source.name, line)
        counts = []
        for index in (ie, ip):
            try:
                counts.append(read_value(cells[index], options.locale, "count").count)
            except NumberError as error:
                raise InputError(f"{headers[index].strip()}: {error}", source.name, line, index + 1) from None
        return counts[0], counts[1]

    # The labels as read (a cell, or a tuple of two): one C call per row. They are
    # trimmed once per group in _groups, and read_groups merges what then matches.
    key_of = itemgetter(*labels)
    try:
        for cells in reader:
            try:
                if len(cells) != width:
                    raise ValueError
                enrolled = int(cells[ie])
                potential = int(cells[ip])
                if enrolled < 0 or potential < 0:
                    raise ValueError
            except ValueError:
                counts = slow(cells, reader.line_num)
                if counts is None:
                    continue
                enrolled, potential = counts
            key = key_of(cells)
            acc = sums.get(key)
            if acc is None:
                sums[key] = [enrolled, potential, reader.line_num]
            else:
                acc[0] += enrolled
                acc[1] += potential
    except csv.Error as error:
        raise InputError(f"not valid {source.format.upper()}: {error}", source.name, reader.line_num) from None
    except _LineTooLong:
        raise InputError(
            f"a line is longer than {MAX_LINE // 2**20} MiB; is this really {source.format.upper()}?",
            source.name,
            reader.line_num + 1,
        ) from None
    except UnicodeDecodeError as error:
        raise _decode_error(error, options, source.name, reader.line_num + 1) from None
    return _groups(sums, grouping, source.name)


def _decode_error(error: UnicodeDecodeError, options: ReadOptions, name: str, line: int) -> InputError:
    byte = error.object[error.start : error.start + 1].hex()
    return InputError(
        f"not valid {options.encoding.replace('-sig', '')} text (byte 0x{byte}); "
        "name the file's encoding with --encoding, e.g. --encoding latin-1",
        name,
        line,
    )


def _groups(sums: dict, grouping: tuple[str, ...], name: str) -> list[Group]:
    groups = []
    for key, (enrolled, potential, line) in sums.items():
        values = dict(zip(grouping, (_label(k) for k in (key if isinstance(key, tuple) else (key,)))))
        groups.append(Group(values.get("sector"), values.get("region"), enrolled, potential, f"{name}:{line}"))
    return groups


# ------------------------------------------------------------------ JSON and JSON Lines


def _decoder():
    import json

    return json.JSONDecoder(parse_int=JsonNumber, parse_float=JsonNumber, parse_constant=_no_constant)


def _no_constant(name: str):
    raise ValueError(f"{name} is not a number")


def _json_objects(source: _Source) -> Iterator[tuple[int, int, dict]]:
    """(line, column, object) for each object of a JSON array or JSON Lines source."""
    import json

    decoder = _decoder()
    try:
        if source.format == "jsonl":
            for line_number, line in enumerate(source.text, 1):
                if len(line) > MAX_LINE:
                    raise InputError("a line is too long", source.name, line_number)
                if not line.strip():
                    continue
                try:
                    value = decoder.decode(line)
                except RecursionError:
                    raise InputError("not valid JSON: nested too deeply", source.name, line_number) from None
                except (json.JSONDecodeError, ValueError) as error:
                    column = getattr(error, "colno", 1)
                    message = getattr(error, "msg", str(error))
                    raise InputError(f"not valid JSON: {message}", source.name, line_number, column) from None
                yield line_number, 1, value
            return
        yield from _json_array(source, decoder)
    except _LineTooLong:
        raise InputError(f"a line is longer than {MAX_LINE // 2**20} MiB", source.name) from None


def _json_array(source: _Source, decoder) -> Iterator[tuple[int, int, dict]]:
    """Objects of a JSON array, decoded one at a time from a sliding buffer."""
    import json

    text = source.text
    buffer = ""
    pos = 0
    line = 1  # line number of buffer[0]
    line_start = 0  # index in buffer where that line starts (may be negative)
    eof = False

    def where(index: int) -> tuple[int, int]:
        before = buffer[:index]
        newlines = before.count("\n")
        if newlines:
            return line + newlines, index - before.rfind("\n")
        return line, index - line_start + 1

    def fill() -> bool:
        nonlocal buffer, pos, line, line_start, eof
        if eof:
            return False
        if pos > CHUNK:
            dropped = buffer[:pos]
            newlines = dropped.count("\n")
            if newlines:
                line += newlines
                line_start = dropped.rfind("\n") + 1 - pos
            else:
                line_start -= pos
            buffer, pos = buffer[pos:], 0
        chunk = text.read(CHUNK)
        if not chunk:
            eof = True
            return False
        buffer += chunk
        return True

    def skip_space() -> str:
        nonlocal pos
        while True:
            while pos < len(buffer) and buffer[pos] in " \t\r\n\ufeff":
                pos += 1
            if pos < len(buffer):
                return buffer[pos]
            if not fill():
                return ""

    def fail(message: str, index: int):
        line_no, column = where(index)
        raise InputError(f"not valid JSON: {message}", source.name, line_no, column)

    if skip_space() != "[":
        fail("expected an array of objects, [ {...}, ... ]", pos)
    pos += 1
    first = True
    while True:
        ch = skip_space()
        if ch == "]":
            pos += 1
            break
        if not first:
            if ch != ",":
                fail("expected , or ] after an object", pos)
            pos += 1
            ch = skip_space()
        if ch == "":
            fail("the array is not closed with ]", pos)
        start = pos
        while True:
            try:
                value, end = decoder.raw_decode(buffer, start)
                break
            except json.JSONDecodeError as error:
                if len(buffer) - start > MAX_LINE:
                    fail(f"{error.msg} (or an element larger than {MAX_LINE // 2**20} MiB)", error.pos)
                if not fill():
                    fail(error.msg, error.pos)
                start = pos
            except ValueError as error:
                fail(str(error), start)
            except RecursionError:
                fail("nested too deeply", start)
        line_no, column = where(start)
        pos = end
        first = False
        yield line_no, column, value
    if skip_space() != "":
        fail("extra data after the array", pos)


def _json_rows(source: _Source, options: ReadOptions) -> Iterator[tuple[int, int, dict[str, object]]]:
    """(line, column, {field: value}) for each object, keys matched like headers."""
    wanted = {}
    for field, header in options.columns:
        wanted[normalize_header(header)] = field
    for field, aliases in _ALIAS_KEYS.items():
        if field not in wanted.values():
            for alias in aliases:
                wanted.setdefault(alias, field)
    for line, column, obj in _json_objects(source):
        if not isinstance(obj, dict):
            raise InputError(f"expected an object, found {type(obj).__name__}", source.name, line, column)
        row: dict[str, object] = {}
        for key, value in obj.items():
            field = wanted.get(normalize_header(str(key)))
            if field is None:
                continue
            if field in row:
                raise InputError(
                    f"two keys hold the {field}; pick one with --col {field}=KEY", source.name, line, column
                )
            row[field] = value
        yield line, column, row


def _sum_json(source: _Source, options: ReadOptions) -> list[Group]:
    sums: dict = {}
    grouping: tuple[str, ...] | None = None
    if options.group_by is not None:
        grouping = GROUPINGS[options.group_by]
    name = source.name
    for line, column, row in _json_rows(source, options):
        if grouping is None:
            grouping = tuple(f for f in ("region", "sector") if f in row)
            if not grouping:
                raise InputError("no sector or region key in the first object", name, line, column)
        counts = []
        for field in ("enrolled", "potential"):
            if field not in row:
                raise InputError(f"no {field} key (or one of {', '.join(ALIASES[field])})", name, line, column)
            try:
                counts.append(read_value(row[field], options.locale, "count").count)
            except NumberError as error:
                raise InputError(f"{field}: {error}", name, line, column) from None
        key = tuple(_label(row.get(f)) for f in grouping)
        acc = sums.get(key)
        if acc is None:
            sums[key] = [counts[0], counts[1], line]
        else:
            acc[0] += counts[0]
            acc[1] += counts[1]
    if grouping is None:
        raise InputError("holds no rows", source.name)
    return _groups(sums, grouping, source.name)


# ------------------------------------------------------------------ entry points


def _with_decoding(source: _Source, options: ReadOptions, work):
    try:
        return work()
    except UnicodeDecodeError as error:
        raise _decode_error(error, options, source.name, 0) from None
    finally:
        if source.progress is not None:
            source.progress(None)
        if source.name != "<stdin>":
            source.text.close()


def read_groups(
    path: str | None, options: ReadOptions = ReadOptions(), sectors: Sequence[tuple[str, str, str]] = ()
) -> list[Group]:
    """The groups of a file (summing rows that share labels) followed by the ``-s``
    rows given on the command line."""
    groups: list[Group] = []
    if path is not None:
        source = _open(path, options)
        if source.format in ("csv", "tsv"):
            groups = _with_decoding(source, options, lambda: _sum_csv(source, options))
        else:
            groups = _with_decoding(source, options, lambda: _sum_json(source, options))
    for index, (name, enrolled, potential) in enumerate(sectors, 1):
        counts = []
        for what, text in (("ENROLLED", enrolled), ("POTENTIAL", potential)):
            try:
                counts.append(parse_count(text, options.locale).count)
            except NumberError as error:
                raise InputError(f"-s {name}: {what}: {error}") from None
        groups.append(Group(name.strip(), None, counts[0], counts[1], f"-s #{index}"))
    return merge(groups, options.group_by)


def merge(groups: Sequence[Group], group_by: str | None) -> list[Group]:
    """Groups that share labels (under the grouping) summed into one, in first-seen order."""
    if group_by is None:
        fields = tuple(f for f in ("region", "sector") if any(getattr(g, f) is not None for g in groups))
    else:
        fields = GROUPINGS[group_by]
    merged: dict[tuple, list] = {}
    for g in groups:
        key = tuple(getattr(g, f) for f in fields)
        if key in merged:
            merged[key][0] += g.enrolled
            merged[key][1] += g.potential
        else:
            merged[key] = [g.enrolled, g.potential, g.origin]
    out = []
    for key, (enrolled, potential, origin) in merged.items():
        if enrolled > MAX_COUNT or potential > MAX_COUNT:
            # Checked on the sums, once per group, not on every row: the streaming
            # loop stays fast, and any row too large makes its group's sum too large.
            raise InputError(
                f"the counts of {' / '.join(map(str, key))} add up to more than 10^15; is a column misread?", origin
            )
        values = dict(zip(fields, key))
        out.append(Group(values.get("sector"), values.get("region"), enrolled, potential, origin))
    return out


def read_cases(path: str, options: ReadOptions = ReadOptions()) -> list[Case]:
    """The published cases of a file for ``check``: one per row, counts and
    percentages as written."""
    source = _open(path, options)
    return _with_decoding(source, options, lambda: list(_cases(source, options)))


def _cases(source: _Source, options: ReadOptions) -> Iterator[Case]:
    needed = ("enrolled", "potential", "reported")
    if source.format in ("csv", "tsv"):
        rows = _csv_rows(source)
        first = next(rows, None)
        if first is None:
            raise InputError("is empty; expected a header row and data rows", source.name)
        headers = first[1]
        columns = _Columns(headers, options, source.name)
        columns.require(needed, source.name)
        where = columns.where

        def records():
            for line, cells in rows:
                if not any(c.strip() for c in cells):
                    continue
                if len(cells) != len(headers):
                    raise InputError(
                        f"expected {len(headers)} fields as in the header, found {len(cells)}",
                        source.name,
                        line,
                    )
                yield line, {f: (cells[i], i + 1) for f, i in where.items()}

        items = records()
    else:

        def json_records():
            for line, column, row in _json_rows(source, options):
                for field in needed:
                    if field not in row:
                        raise InputError(
                            f"no {field} key (or one of {', '.join(ALIASES[field])})",
                            source.name,
                            line,
                            column,
                        )
                yield line, {f: (v, column) for f, v in row.items()}

        items = json_records()
    for line, record in items:
        values = {}
        for field, kind in (("enrolled", "count"), ("potential", "count"), ("reported", "percent")):
            raw, column = record[field]
            try:
                values[field] = read_value(raw, options.locale, kind)
            except NumberError as error:
                raise InputError(f"{field}: {error}", source.name, line, column) from None
        label = _label(record["label"][0]) if "label" in record else None
        if label is None:
            parts = [_label(record[f][0]) for f in ("region", "sector") if f in record]
            label = " / ".join(p for p in parts if p) or None
        yield Case(label, values["enrolled"], values["potential"], values["reported"], f"{source.name}:{line}")
