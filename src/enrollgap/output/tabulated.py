"""Human views in a tabulate format (github, grid, latex, markdown, ...)."""

from __future__ import annotations

from collections.abc import Sequence

from tabulate import tabulate

from .formats import TABULATE_ALIASES
from .view import View

# The formats in which a "|" in a name would start a new cell, and how each writes
# a "|" that is part of the text.
PIPE_ESCAPES = {
    "pipe": "\\|", "github": "\\|", "jira": "\\|", "youtrack": "\\|", "asciidoc": "\\|", "orgtbl": "\\vert{}",
    "mediawiki": "&#124;", "textile": "&#124;", "moinmoin": "&#124;",
}  # fmt: skip


def tabulate_text(views: Sequence[View], name: str) -> str:
    """Views in a tabulate format, each followed by its notes."""
    table_format = TABULATE_ALIASES.get(name, name)
    parts = []
    for view in views:
        rows = [*view.rows, *([view.total] if view.total else [])]
        escape = PIPE_ESCAPES.get(table_format)
        if escape is not None:
            rows = [[value.replace("|", escape) for value in row] for row in rows]
        align = ["right" if numeric else "left" for numeric in view.numeric]
        text = tabulate(rows, headers=view.headers, tablefmt=table_format, colalign=align, disable_numparse=True)
        block = ([view.title, ""] if view.title and len(views) > 1 else []) + [text]
        if view.notes:
            block += ["", *view.notes]
        parts.append("\n".join(block))
    return "\n\n".join(parts) + "\n"
