"""JSON arrays and JSON Lines: objects decoded one at a time, keys matched like headers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import chain

from ..errors import InputError
from ..findings import Finding
from ..groups import LABEL_FIELDS as LABEL_COLUMNS
from ..groups import Group
from ..text import quoted
from .accumulate import Layout, sum_rows, to_groups
from .cells import FIRST_YEAR, LAST_YEAR, JsonNumber, json_count
from .columns import ALIAS_KEYS, ALIASES, label_grouping, normalize_header
from .notes import Notes
from .options import MAX_LINE, ReadOptions
from .places import Place, Places
from .source import CHUNK, LineTooLong, Source, line_too_long

COUNT_FIELDS = ("enrolled", "potential")
LABEL_FIELDS = ("sector", "region", "label")


class _Object(dict[str, object]):
    """A JSON object; ``twice`` names the keys it writes more than once, of which
    json keeps the last without a word."""

    twice: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, object]]) -> _Object:
    obj = _Object(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        twice = []
        for key, _ in pairs:
            if key in seen:
                twice.append(key)
            seen.add(key)
        obj.twice = tuple(twice)
    return obj


def _decoder():
    return json.JSONDecoder(
        object_pairs_hook=_object, parse_int=JsonNumber, parse_float=JsonNumber, parse_constant=_no_constant
    )


def _no_constant(name: str):
    raise ValueError(f"{name} is not a number")


def _json_objects(source: Source) -> Iterator[tuple[int, int, dict[str, object]]]:
    """(line, column, object) for each object of a JSON array or JSON Lines source."""
    decoder = _decoder()
    try:
        if source.format == "jsonl":
            for line_number, line in enumerate(source.lines(), 1):
                if len(line) > MAX_LINE:
                    raise line_too_long(source.name, line_number)
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
    except LineTooLong:
        raise line_too_long(source.name) from None


def _json_array(source: Source, decoder) -> Iterator[tuple[int, int, dict[str, object]]]:
    """Objects of a JSON array, decoded one at a time from a sliding buffer."""
    chunks = source.chunks
    buffer = ""
    pos = 0
    # Where buffer[counted] is: on which line, and the index in buffer where that line
    # starts (negative once its start is dropped). Objects are asked about in order,
    # so each newline is counted once: counting from buffer[0] every time made a
    # one-line array of 300,000 objects take hours.
    counted = 0
    line = 1
    line_start = 0
    eof = False

    def where(index: int) -> tuple[int, int]:
        """(line, column) of buffer[index], for an index at or after the last one asked."""
        nonlocal counted, line, line_start
        newlines = buffer.count("\n", counted, index)
        if newlines:
            line += newlines
            line_start = buffer.rfind("\n", counted, index) + 1
        counted = index
        return line, index - line_start + 1

    def fill() -> bool:
        nonlocal buffer, pos, counted, line_start, eof
        if eof:
            return False
        if pos > CHUNK:
            where(pos)
            buffer, counted, line_start, pos = buffer[pos:], 0, line_start - pos, 0
        chunk = next(chunks, "")
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
                # Read on until the element's text has at least doubled before decoding it again:
                # a long element is then decoded a few times over, not once a piece (quadratic).
                wanted = 2 * (len(buffer) - start)
                if not fill():
                    fail(error.msg, error.pos)
                while len(buffer) - pos < min(wanted, MAX_LINE + 1) and fill():
                    pass
                start = pos
            except ValueError as error:
                fail(str(error), start)
            except RecursionError:
                fail("nested too deeply", start)
        if end - start > MAX_LINE:
            fail(f"an element larger than {MAX_LINE // 2**20} MiB", start)
        line_no, column = where(start)
        pos = end
        first = False
        yield line_no, column, value
    if skip_space() != "":
        fail("extra data after the array", pos)


def json_rows(source: Source, options: ReadOptions) -> Iterator[tuple[int, int, dict[str, object]]]:
    """(line, column, {field: value}) for each object, keys matched like headers."""
    wanted: dict[str, str] = {}
    for field, header in options.columns:
        wanted[normalize_header(header)] = field
    for field, aliases in ALIAS_KEYS.items():
        if field not in wanted.values():
            for alias in aliases:
                wanted.setdefault(alias, field)
    fields: dict[str, str | None] = {}  # a key as written: its field, None for one not read
    for line, column, obj in _json_objects(source):
        if not isinstance(obj, dict):
            raise InputError(f"expected an object, found {type(obj).__name__}", source.name, line, column)
        for key in getattr(obj, "twice", ()):
            if normalize_header(str(key)) in wanted:  # a field would be read from one of them
                message = f"the key {quoted(key)} is written twice in one object; which one holds the value is not said"
                raise InputError(message, source.name, line, column)
        row: dict[str, object] = {}
        for key, value in obj.items():
            found = fields.get(key, "")  # each key is normalized once, not once an object
            if found == "":
                found = fields[key] = wanted.get(normalize_header(str(key)))
            if found is None:
                continue
            if found in row:
                raise InputError(
                    f"two keys hold the {found}; pick one with --col {found}=KEY", source.name, line, column
                )
            row[found] = value
        for field in LABEL_FIELDS:
            if isinstance(row.get(field), (dict, list, bool)):  # str() would make a name of it: "['a', 'b']"
                raise InputError(f"{field}: expected a name, found {_kind(row[field])}", source.name, line, column)
        yield line, column, row


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "an object" if isinstance(value, dict) else "an array"


class JsonPlaces(Places):
    """A JSON object's position is (line, column) of where it starts; errors about its
    values name that, warnings its line."""

    def line(self, pos: object) -> int:
        assert isinstance(pos, tuple)
        return int(pos[0])

    def where(self, pos: object, column: int | None) -> Place:
        return (self.name, self.line(pos), None)

    def cell(self, pos: object, column: int) -> Place:
        assert isinstance(pos, tuple)
        return (self.name, pos[0], pos[1])


# Where each field is in the cells of an object.
CELLS = ("region", "sector", "year", "enrolled", "potential")


def sum_json(source: Source, options: ReadOptions, notes: Notes) -> tuple[list[Group], list[Finding]]:
    """Groups summed from a JSON array or JSON Lines source, and the findings on its
    total rows. A total row counts as in a table; an object without counts is an
    error (JSON has no footnotes), and null labels are not filled down."""
    objects = json_rows(source, options)
    first = next(objects, None)
    if first is None:
        raise InputError("holds no rows", source.name)
    line, column, row = first
    grouping = label_grouping(row, options.group_by)
    has_year = "year" in row
    if not grouping and not has_year:
        raise InputError("no sector or region key in the first object", source.name, line, column)
    where = {field: CELLS.index(field) for field in CELLS}
    every = tuple(where[f] for f in LABEL_COLUMNS if f in row or f in grouping)
    layout = Layout(
        CELLS,
        grouping,
        (where["enrolled"], where["potential"]),
        tuple(where[f] for f in grouping),
        every,
        next((i for i in every if CELLS[i] not in grouping), None),
        where["year"] if has_year else None,
        tabular=False,
    )
    places = JsonPlaces(source.name)
    rows = (((line, column), _cells(row, source.name, line, column)) for line, column, row in chain((first,), objects))
    sums, findings = sum_rows(rows, layout, json_count, options.locale, notes, places)
    return to_groups(sums, layout, places), findings


def _cells(row: dict[str, object], name: str, line: int, column: int) -> list[object]:
    """An object's values in the places of CELLS (None where a label or year is missing)."""
    for field in COUNT_FIELDS:
        if field not in row:
            raise InputError(f"no {field} key (or one of {', '.join(ALIASES[field])})", name, line, column)
    year = row.get("year")
    if not isinstance(year, (str, int, float, type(None))):  # an array or an object: never a year
        shown = "an array" if isinstance(year, list) else "an object"
        raise InputError(f"year: read {shown}, expected a year from {FIRST_YEAR} to {LAST_YEAR}", name, line, column)
    return [row.get(field) for field in CELLS]
