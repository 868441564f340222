"""The names of the output formats, and which of them are for machines."""

from __future__ import annotations

MACHINE_FORMATS = ("csv", "tsv", "json", "jsonl")
OWN_FORMATS = ("table", *MACHINE_FORMATS, "markdown", "xlsx")
TABULATE_ALIASES = {"markdown": "pipe"}
# tabulate formats that pass a name's markup through (an HTML tag, a LaTeX command): not offered.
UNSAFE_FORMATS = ("unsafehtml", "latex_raw")

# A human table longer than this many rows is hard to read (the command line says
# so on stderr), and the rich table is written as it is formatted.
LONG_TABLE = 1000


def check_format(name: str) -> str:
    """The format name if enrollgap can write it, else ValueError listing the choices."""
    if name in OWN_FORMATS:
        return name
    from tabulate import tabulate_formats  # only for a name that is not our own

    offered = sorted(f for f in tabulate_formats if f not in UNSAFE_FORMATS)
    if name in offered:
        return name
    raise ValueError(
        f"unknown format {name!r}; choose table, csv, tsv, json, jsonl, markdown, xlsx "
        f"or a tabulate format ({', '.join(offered)})"
    )


def is_machine(name: str) -> bool:
    return name in MACHINE_FORMATS
