"""Results out: CSV, TSV, JSON and JSON Lines for machines; rich and tabulate
tables for people. Everything is rendered to one string before anything is
written, so an error never leaves half a result on stdout.

rich and tabulate are imported only when a format needs them.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # machine formats never need the human views
    from .views import View

MACHINE_FORMATS = ("csv", "tsv", "json", "jsonl")
OWN_FORMATS = ("table", *MACHINE_FORMATS, "markdown")
TABULATE_ALIASES = {"markdown": "pipe"}
# Markdown tables, where a "|" in a name would start a new column.
MARKDOWN_FORMATS = ("pipe", "github")

# A cell a spreadsheet would run as a formula starts with one of these (OWASP).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def check_format(name: str) -> str:
    """The format name if enrollgap can write it, else ValueError listing the choices."""
    if name in OWN_FORMATS:
        return name
    from tabulate import tabulate_formats

    if name in tabulate_formats:
        return name
    raise ValueError(
        f"unknown format {name!r}; choose table, csv, tsv, json, jsonl, markdown "
        f"or a tabulate format ({', '.join(sorted(tabulate_formats))})"
    )


def is_machine(name: str) -> bool:
    return name in MACHINE_FORMATS


def cell(value: object) -> str:
    """A CSV/TSV cell: numbers plain, null empty, text that a spreadsheet would run
    as a formula neutralized with a leading single quote."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_START) else value
    return str(value)


def delimited(rows: Sequence[dict], delimiter: str, fields: Sequence[str] | None = None) -> str:
    """Rows as CSV (delimiter ",") or TSV ("\\t"), header row first."""
    import csv

    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    fields = list(fields or (rows[0].keys() if rows else []))
    writer.writerow(fields)
    for row in rows:
        writer.writerow([cell(row.get(f)) for f in fields])
    return out.getvalue()


def json_text(document: object) -> str:
    import json

    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def jsonl_text(records: Iterable[object]) -> str:
    import json

    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def tabulate_text(views: Sequence[View], name: str) -> str:
    """Views in a tabulate format, each followed by its notes."""
    from tabulate import tabulate

    table_format = TABULATE_ALIASES.get(name, name)
    parts = []
    for view in views:
        rows = [*view.rows, *([view.total] if view.total else [])]
        if table_format in MARKDOWN_FORMATS:
            rows = [[value.replace("|", "\\|") for value in row] for row in rows]
        align = ["right" if numeric else "left" for numeric in view.numeric]
        text = tabulate(
            rows,
            headers=view.headers,
            tablefmt=table_format,
            colalign=align,
            disable_numparse=True,
        )
        block = ([view.title, ""] if view.title and len(views) > 1 else []) + [text]
        if view.notes:
            block += ["", *view.notes]
        parts.append("\n".join(block))
    return "\n\n".join(parts) + "\n"


def human(views: Sequence[View], name: str, stream, svg: str | None = None, html: str | None = None) -> str:
    """Views in a human format: "table" (rich) or a tabulate format; --svg and
    --html save the rich rendering whatever the format."""
    if name == "table":
        from .pictures import render

        return render(views, stream, svg, html)
    if svg or html:
        from .pictures import recorded

        recorded(views, svg, html)
    return tabulate_text(views, name)


def result_text(
    name: str,
    *,
    document: Callable[[], dict],
    lines: Callable[[], Iterable[dict]],
    rows: Callable[[], Sequence[dict]],
    views: Callable[[], Sequence[View]],
    stream,
    svg: str | None = None,
    html: str | None = None,
) -> str:
    """A command's result in the asked format. Each argument builds one shape of
    the result, and only the shape the format needs is built (the human views
    import rich; JSON needs none of it)."""
    if is_machine(name) and (svg or html):
        human(views(), "table", None, svg, html)
    if name == "json":
        return json_text(document())
    if name == "jsonl":
        return jsonl_text(lines())
    if name in ("csv", "tsv"):
        return delimited(rows(), "," if name == "csv" else "\t")
    return human(views(), name, stream, svg, html)
