"""The names of the output formats, and which of them are for machines."""

from __future__ import annotations

MACHINE_FORMATS = ("csv", "tsv", "json", "jsonl")
OWN_FORMATS = ("table", *MACHINE_FORMATS, "markdown", "xlsx")
TABULATE_ALIASES = {"markdown": "pipe"}

# A human table longer than this many rows is hard to read (the command line says
# so on stderr), and the rich table is written as it is formatted.
LONG_TABLE = 1000


def check_format(name: str) -> str:
    """The format name if enrollgap can write it, else ValueError listing the choices."""
    if name in OWN_FORMATS:
        return name
    from tabulate import tabulate_formats  # only for a name that is not our own

    if name in tabulate_formats:
        return name
    raise ValueError(
        f"unknown format {name!r}; choose table, csv, tsv, json, jsonl, markdown, xlsx "
        f"or a tabulate format ({', '.join(sorted(tabulate_formats))})"
    )


def is_machine(name: str) -> bool:
    return name in MACHINE_FORMATS
