"""Results out, in every format: one entry point, ``render``.

Machine formats (``records``: the contract's plain dicts) are written by
``jsonout`` and ``delimited`` as they are computed; human formats go through
``views`` (localized strings) to ``rich_table`` or ``tabulated``. Rendering
starts only once all input is read and checked, so an input error never leaves
half a result on stdout. rich and tabulate are imported only when a format needs
them.

- ``formats``: the format names
- ``records``: machine records per result
- ``views``: human views per result
- ``jsonout``, ``delimited``, ``tabulated``, ``rich_table``: the writers
- ``progress``: the reading progress bar
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any

from ..errors import OptionError
from ..numerals import Style
from . import records
from .formats import LONG_TABLE, MACHINE_FORMATS, check_format, is_machine

if TYPE_CHECKING:  # only for annotations: each command loads only its own result's module
    from ..api.check import CheckResult
    from ..api.project import ProjectResult
    from ..api.report import ReportResult

    Result = ReportResult | ProjectResult | CheckResult

__all__ = ["MACHINE_FORMATS", "check_format", "is_machine", "long_table_rows", "render", "workbook"]


def workbook(result: Result, columns: Sequence[str] | None = None) -> bytes:
    """The result's machine records as an .xlsx workbook (needs the excel extra)."""
    from .workbook import workbook_bytes

    if columns:
        _check_columns(result, columns)
    _, _, table = _shapes(result)
    fields, rows = table(result)
    return workbook_bytes(list(columns) if columns else fields, rows, type(result).__name__)


def long_table_rows(result: Result, name: str) -> int | None:
    """How many rows a human table of result has, when that is more than anyone reads."""
    if is_machine(name) or result.command == "project":
        return None
    rows = len(result.rows) if result.command == "report" else len(result.verdicts)
    return rows if rows is not None and rows > LONG_TABLE else None


def _shapes(result: Result) -> tuple[Callable[[Any], dict], Callable[[Any], Iterator[dict]], Callable[[Any], Any]]:
    """The document, lines and table functions of a command's result."""
    return _SHAPES[result.command]


_SHAPES: dict[
    str, tuple[Callable[[Any], dict], Callable[[Any], Iterator[dict]], Callable[[Any], Any]]
] = {  # each command's result: its JSON document, its JSON Lines, its CSV table
    "report": (records.report_document, records.report_lines, records.report_table),
    "project": (records.project_document, records.project_lines, records.project_table),
    "check": (records.check_document, records.check_lines, records.check_table),
}


def _pick(record: dict, columns: Sequence[str]) -> dict:
    """A record's chosen columns, in the chosen order (a path keeps its years, picked)."""
    if "years" in record and isinstance(record["years"], list):
        return {**record, "years": [_pick(year, columns) for year in record["years"]]}
    return {key: record[key] for key in columns if key in record}


def _picked_document(document: dict, columns: Sequence[str] | None) -> dict:
    if not columns:
        return document
    out: dict = {}
    for key, value in document.items():
        if key in ("groups", "rows", "paths"):
            out[key] = (_pick(record, columns) for record in value)
        elif key == "total":
            out[key] = _pick(value, columns)
        else:
            out[key] = value
    return out


def _check_columns(result: Result, columns: Sequence[str]) -> None:
    """OptionError for a column the result does not have, listing the ones it has."""
    _, _, table = _shapes(result)
    fields, _ = table(result)
    unknown = [c for c in columns if c not in fields]
    if unknown:
        raise OptionError(f"no column {unknown[0]!r}; choose from {', '.join(fields)}", "--columns")


def render(
    result: Result,
    name: str,
    style: Style = Style(),
    *,
    stream: IO[str] | None = None,
    svg: str | None = None,
    html: str | None = None,
    columns: Sequence[str] | None = None,
) -> Iterator[str]:
    """A command's result in the format ``name``, as chunks of text to write in turn.

    ``stream`` is where the text goes (rich colours it for a terminal); ``svg`` and
    ``html`` also save the rich table as pictures, whatever the format; ``columns``
    picks and orders the columns (of rows, or of a path's years) by their JSON names.
    """
    if columns:
        _check_columns(result, columns)
    if is_machine(name):
        if svg or html:
            from .rich_table import recorded
            from .views import views_of

            recorded(views_of(result, style), svg, html)
        document, lines, table = _shapes(result)
        if name == "json":
            from .jsonout import json_chunks

            return json_chunks(_picked_document(document(result), columns))
        if name == "jsonl":
            from .jsonout import jsonl_chunks

            return jsonl_chunks(lines(result) if not columns else (_pick(r, columns) for r in lines(result)))
        from .delimited import delimited_chunks

        fields, rows = table(result)
        return delimited_chunks(list(columns) if columns else fields, rows, "," if name == "csv" else "\t")
    from .views import pick, views_of

    views = views_of(result, style)
    if columns:
        views = [pick(view, columns) for view in views]
    if name == "table":
        from .rich_table import render as rich_text

        return rich_text(views, stream, svg, html)
    if svg or html:
        from .rich_table import recorded

        recorded(views, svg, html)
    from .tabulated import tabulate_text

    return iter([tabulate_text(views, name)])
