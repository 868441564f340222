"""Results out, in every format: one entry point, ``render``.

Each command's module (``report``, ``project``, ``check``) owns what its result
becomes: ``document`` (JSON), ``lines`` (JSON Lines), ``table`` (CSV, TSV, xlsx:
fields and rows) and ``views`` (localized ``View`` tables for people). The
writers take those: ``jsonout``, ``delimited`` and ``workbook`` the records,
``rich_table`` and ``tabulated`` the views. Rendering starts only once all
input is read and checked, so an input error never leaves half a result on
stdout. rich and tabulate are imported only when a format needs them.

- ``formats``: the format names
- ``records``, ``view``: what the commands' records and views share
- ``jsonout``, ``delimited``, ``tabulated``, ``rich_table``, ``workbook``: the writers
- ``files``: files written whole or not at all; ``progress``: the reading progress bar
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from importlib import import_module
from typing import IO, TYPE_CHECKING, Any

from ..errors import OptionError
from ..numerals import Style
from .formats import LONG_TABLE, MACHINE_FORMATS, check_format, is_machine

if TYPE_CHECKING:  # only for annotations: each command loads only its own result's module
    from ..api.check import CheckResult
    from ..api.project import ProjectResult
    from ..api.report import ReportResult

    Result = ReportResult | ProjectResult | CheckResult

__all__ = ["MACHINE_FORMATS", "check_format", "is_machine", "long_table_rows", "render", "views_of", "workbook"]


def views_of(result: Result, style: Style = Style()) -> list[Any]:
    """The views of any command's result, as people read them."""
    views: list[Any] = _of(result).views(result, style)
    return views


def workbook(result: Result, columns: Sequence[str] | None = None) -> bytes:
    """The result's machine records as an .xlsx workbook (needs the excel extra)."""
    from .workbook import workbook_bytes

    if columns:
        _check_columns(result, columns)
    fields, rows = _of(result).table(result)
    return workbook_bytes(list(columns) if columns else fields, rows, type(result).__name__)


def long_table_rows(result: Result, name: str) -> int | None:
    """How many rows a human table of result has, when that is more than anyone reads."""
    if is_machine(name) or result.command == "project":
        return None
    rows = len(result.rows) if result.command == "report" else len(result.verdicts)
    return rows if rows is not None and rows > LONG_TABLE else None


def _of(result: Result) -> Any:
    """The module that writes a command's result out (loaded when that command runs)."""
    return import_module(f"{__name__}.{result.command}")


def _pick(record: dict[str, Any], columns: Sequence[str]) -> dict[str, Any]:
    """A record's chosen columns, in the chosen order (a path keeps its years, picked)."""
    if "years" in record and isinstance(record["years"], list):
        return {**record, "years": [_pick(year, columns) for year in record["years"]]}
    return {key: record[key] for key in columns if key in record}


def _picked_document(document: dict[str, Any], columns: Sequence[str] | None) -> dict[str, Any]:
    if not columns:
        return document
    out: dict[str, Any] = {}
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
    fields, _ = _of(result).table(result)
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
    command = _of(result)
    if is_machine(name):
        if svg or html:
            from .rich_table import recorded

            recorded(command.views(result, style), svg, html)
        if name == "json":
            from .jsonout import json_chunks

            return json_chunks(_picked_document(command.document(result), columns))
        if name == "jsonl":
            from .jsonout import jsonl_chunks

            lines = command.lines(result)
            return jsonl_chunks(lines if not columns else (_pick(r, columns) for r in lines))
        from .delimited import delimited_chunks

        fields, rows = command.table(result)
        return delimited_chunks(list(columns) if columns else fields, rows, "," if name == "csv" else "\t")
    from .view import pick

    views = command.views(result, style)
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
