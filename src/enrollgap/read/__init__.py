"""Rows in: CSV, TSV, JSON or JSON Lines from a file or standard input.

``read_groups`` sums rows that share labels into groups while it streams, so a
file of millions of rows is read in constant memory; ``read_cases`` reads the
published cases ``check`` looks at. Every error names the file, line and column.

- ``source``: opening, the endless-line guard, format and delimiter sniffing
- ``delimited`` / ``jsonrows`` / ``spreadsheet``: each format as rows of cells with
  their position (``formulas`` and ``merges``: what calamine does not say of a workbook)
- ``columns``: which column holds which field (aliases, --col, grouping)
- ``cells``: one value as a number or a label
- ``header`` / ``filldown`` / ``totals`` / ``labels``: the rules for exports (the
  header under titles, labels filled down, the export's own total rows)
- ``accumulate``: the one loop that sums rows into groups, whatever the format
- ``grouping``: groups that share labels summed into one (and -s rows)
- ``implied_totals``: totals without their word, told by their sums
- ``cases``: rows for ``check``
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from ..findings import Finding
from ..groups import Group
from .columns import ALIASES, FIELDS, normalize_header, parse_column_map
from .grouping import merge
from .options import FORMATS, MAX_LINE, STDIN, ReadOptions

if TYPE_CHECKING:
    from ..consistency import Case
    from .notes import Notes
    from .source import Source

__all__ = [
    "ALIASES",
    "FIELDS",
    "FORMATS",
    "MAX_LINE",
    "Input",
    "ReadOptions",
    "merge",
    "normalize_header",
    "parse_column_map",
    "read_cases",
    "read_groups",
    "read_input",
]

T = TypeVar("T")


def _read(path: str, options: ReadOptions, work: Callable[[Source], T]) -> T:
    # What opens and decodes a file is loaded when there is one: -s alone needs none of it.
    from .source import decode_error, open_source

    source = open_source(path, options)
    try:
        return work(source)
    except UnicodeDecodeError as error:  # JSON: the decoder does not know the line
        raise decode_error(error, source, None) from None
    finally:
        source.close()


class Input(NamedTuple):
    """What was read: the groups, the findings on the export's own total rows, and
    what reading skipped or filled in (for a note each on stderr)."""

    groups: list[Group]
    findings: tuple[Finding, ...] = ()
    notes: Notes | None = None


def _sum(source: Source, options: ReadOptions, notes: Notes) -> tuple[list[Group], list[Finding]]:
    # Each format's reader is loaded when a source of that format comes: a workbook's
    # brings zipfile and the optional calamine, and -s alone needs none of them.
    if source.is_sheet:
        from .spreadsheet import sum_sheet

        return sum_sheet(source, options, notes)
    if source.format in ("csv", "tsv"):
        from .delimited import sum_csv

        return sum_csv(source, options, notes)
    from .jsonrows import sum_json

    return sum_json(source, options, notes)


def _mapped(options: ReadOptions) -> ReadOptions:
    """The options with ``columns`` as pairs, where a program gave a mapping {field: header}."""
    if isinstance(options.columns, Mapping):
        return options._replace(columns=tuple(options.columns.items()))
    return options


def read_input(path: str | None, options: ReadOptions = ReadOptions(), extra: Sequence[Group] = ()) -> Input:
    """The groups of a file ("-" for standard input; None for none), followed by
    ``extra`` groups (the command line's -s), rows that share labels summed.
    ``options.columns`` may be a mapping {field: header}."""
    options = _mapped(options)
    if path is None:
        return Input(merge(extra, options.group_by))
    from .implied_totals import without_implied_totals
    from .notes import Notes

    notes = Notes(STDIN if path == "-" else path)
    groups, findings = _read(path, options, lambda source: _sum(source, options, notes))
    if not (notes.totals or any(part.totals for part in notes.parts)):  # totals without their word, told by sums
        groups, implied = without_implied_totals(groups)
        findings.extend(implied)
    # A source's groups are summed and checked already; only -s groups need joining.
    groups = merge([*groups, *extra], options.group_by) if extra else groups
    return Input(groups, tuple(findings), notes)


def read_groups(path: str | None, options: ReadOptions = ReadOptions(), extra: Sequence[Group] = ()) -> list[Group]:
    """read_input's groups alone."""
    return read_input(path, options, extra).groups


def read_cases(path: str, options: ReadOptions = ReadOptions()) -> list[Case]:
    """The published cases of a file for ``check``, in input order."""
    from .cases import cases

    options = _mapped(options)
    return _read(path, options, lambda s: list(cases(s, options)))
