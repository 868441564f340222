"""Human views: what a person reads, as localized strings in rows and columns.

A ``View`` is plain data shared by every human format: tabulate renders its
strings as they are, rich (``rich_table``) adds colour, bars and charts from
the extra fields. Each command's module (``report``, ``project``, ``check``)
makes its own views; nothing here imports rich or tabulate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import TYPE_CHECKING, overload

from ..rounding import round_half_up

if TYPE_CHECKING:
    from ..coverage import Row


@dataclass
class View:
    """A table for people: headers and rows of strings, plus what rich draws on top.

    ``levels`` holds each row's coverage_pct (rows, then the total) for colours,
    and for a bar after the column ``bar_after`` names, or a path chart when
    ``chart``; ``target_pct`` is the target they mark; ``emphasis`` the rows whose
    gap is in bold; ``verdicts`` each row's consistency, for a tick or a cross.
    """

    title: str | None
    keys: list[str]
    headers: list[str]
    numeric: list[bool]
    rows: list[list[str]]
    total: list[str] | None = None
    notes: list[str] = field(default_factory=list)
    levels: Sequence[Fraction | None] = field(default_factory=list)
    target_pct: Fraction | None = None
    emphasis: set[int] = field(default_factory=set)
    verdicts: list[bool] = field(default_factory=list)
    chart: bool = False
    chart_header: str = ""
    bar_after: str | None = None
    locale: str = "en"
    observed: set[int] = field(default_factory=set)  # rows observed in the input, not projected
    alert_notes: set[int] = field(default_factory=set)
    budget_levels: list[Fraction | None] = field(default_factory=list)  # the coverage a budget pays for
    alert: bool = False  # off track: the title stands out, and the notes in alert_notes


class Levels(Sequence["Fraction | None"]):
    """The rows' coverage_pct, each made when it is drawn: a table of 100,000 villages
    shows its first lines without first building 100,000 Fractions."""

    def __init__(self, rows: Sequence[Row]) -> None:
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Fraction | None: ...
    @overload
    def __getitem__(self, index: slice) -> list[Fraction | None]: ...
    def __getitem__(self, index: int | slice) -> Fraction | list[Fraction | None] | None:
        if isinstance(index, slice):
            return [row.coverage_pct for row in self._rows[index]]
        return self._rows[index].coverage_pct


def without(view: View, key: str) -> View:
    """The view without one column: a key, or "bar" (the coverage bar) or "chart"."""
    if key == "bar":
        return replace(view, bar_after=None)
    if key == "chart":
        return replace(view, chart=False)
    index = view.keys.index(key)

    def cut(row: list[str]) -> list[str]:
        return row[:index] + row[index + 1 :]

    return replace(
        view,
        keys=cut(view.keys),
        headers=cut(view.headers),
        numeric=[n for i, n in enumerate(view.numeric) if i != index],
        rows=[cut(row) for row in view.rows],
        total=None if view.total is None else cut(view.total),
        bar_after=None if view.bar_after == key else view.bar_after,
    )


def pick(view: View, columns: Sequence[str]) -> View:
    """The view with only the chosen columns, in the chosen order (--columns); the
    coverage bar stays with the coverage, and a path chart with the path."""
    chosen = [key for key in columns if key in view.keys]
    order = [view.keys.index(key) for key in chosen]

    def take(row: list[str]) -> list[str]:
        return [row[i] for i in order]

    return replace(
        view,
        keys=chosen,
        headers=take(view.headers),
        numeric=[view.numeric[i] for i in order],
        rows=[take(row) for row in view.rows],
        total=None if view.total is None else take(view.total),
        bar_after=view.bar_after if view.bar_after in chosen else None,
    )


def has_column(view: View, key: str) -> bool:
    if key == "bar":
        return view.bar_after is not None
    if key == "chart":
        return view.chart
    return key in view.keys


SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[Fraction | None]) -> str:
    """Values as bars from ▁ to █ between their smallest and largest; a gap for undefined."""
    known = [v for v in values if v is not None]
    if not known:
        return ""
    low, high = min(known), max(known)
    step = (high - low) / (len(SPARKS) - 1) if high > low else None
    return "".join(" " if v is None else SPARKS[0 if step is None else round_half_up((v - low) / step)] for v in values)
