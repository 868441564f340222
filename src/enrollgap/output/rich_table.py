"""Rich tables for people: coloured coverage, coverage bars, path charts, verdicts.

Imported only when a human rich format is asked for (rich is slow to import).
Every cell is a ``Text``, never markup: a sector named "[red]x[/]" prints as is.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Sequence
from fractions import Fraction

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from .views import View

BAR_WIDTH = 12
CHART_WIDTH = 24


def coverage_style(coverage: Fraction | None, target: Fraction | None) -> str:
    """Red for coverage below a quarter (or below the target), yellow below half, else green."""
    if coverage is None:
        return "dim"
    if target is not None:
        return "green" if coverage >= target else ("red" if coverage < target / 2 else "yellow")
    if coverage < 25:
        return "red"
    return "yellow" if coverage < 50 else "green"


def coverage_bar(coverage: Fraction | None, width: int = BAR_WIDTH) -> Text:
    """A bar proportional to coverage, capped at 100%; over-coverage ends in ▶."""
    if coverage is None:
        return Text("")
    filled = min(coverage, Fraction(100)) * width / 100
    whole = int(filled)
    text = "█" * whole
    if whole < width and filled - whole >= Fraction(1, 2):
        text += "▌"
    elif whole < width and filled > whole:
        text += "▏"
    text = text.ljust(width, "·")
    if coverage > 100:
        text = text[:-1] + "▶"
    return Text(text)


def path_chart(coverage: Fraction | None, target: Fraction, scale: Fraction, width: int = CHART_WIDTH) -> Text:
    """Coverage against the target line (┃), both on a scale of the largest value."""
    if coverage is None or scale <= 0:
        return Text("")
    cells = ["·"] * width
    filled = int(min(coverage, scale) * width / scale)
    for i in range(filled):
        cells[i] = "█"
    mark = min(int(target * width / scale), width - 1)
    cells[mark] = "┃"
    return Text("".join(cells))


def table(view: View) -> Table:
    """One view as a rich table."""
    grid = Table(title=view.title, title_justify="left", show_edge=True, header_style="bold")
    bar_after = view.keys.index(view.bar_after) if view.bar_after in view.keys else None
    for index, (title, numeric) in enumerate(zip(view.headers, view.numeric)):
        grid.add_column(title, justify="right" if numeric else "left", no_wrap=numeric)
        if index == bar_after:
            grid.add_column("", no_wrap=True)
    if view.chart:
        grid.add_column(view.chart_header, no_wrap=True)
    scale = max([view.target_pct or 0, *(c for c in view.levels if c is not None)]) if view.chart else 0
    lines = [*view.rows, *([view.total] if view.total else [])]
    for index, row in enumerate(lines):
        is_total = view.total is not None and index == len(lines) - 1
        level = view.levels[index] if index < len(view.levels) else None
        cells = []
        for column, (key, value) in enumerate(zip(view.keys, row)):
            style = ""
            if key == "coverage_pct" and view.levels:
                style = coverage_style(level, view.target_pct)
            elif key == "gap" and index in view.emphasis and not is_total:
                style = "bold"
            elif key == "consistent" and view.verdicts:
                style = "green" if view.verdicts[index] else "bold red"
                value = ("✓ " if view.verdicts[index] else "✗ ") + value
            cells.append(Text(value, style=style))
            if column == bar_after:
                cells.append(coverage_bar(level))
        if view.chart:
            cells.append(path_chart(level, view.target_pct or Fraction(0), Fraction(scale)))
        if is_total:
            grid.add_section()
        grid.add_row(*cells, style="bold" if is_total else None)
    return grid


def renderables(views: Sequence[View]) -> list:
    out = []
    for view in views:
        notes = [Text(note) for note in view.notes]
        out.append(Group(table(view), *notes))
    return out


def _width(console: Console, things: Sequence) -> int:
    widest = max((console.measure(thing).maximum for thing in things), default=80)
    return max(40, min(widest, 240))


def render(views: Sequence[View], stream, svg: str | None = None, html: str | None = None) -> str:
    """The views as the rich text to write to stream (coloured if stream is a terminal),
    also saved as SVG and HTML files when asked."""
    things = renderables(views)
    on_terminal = hasattr(stream, "isatty") and stream.isatty()
    width = None if on_terminal or os.environ.get("COLUMNS") else 240
    console = Console(file=stream, width=width, highlight=False, emoji=False, markup=False)
    with console.capture() as capture:
        for thing in things:
            console.print(thing)
    if svg or html:
        probe = Console(file=io.StringIO(), width=240)
        recorder = Console(
            file=io.StringIO(),
            record=True,
            width=_width(probe, things),
            force_terminal=True,
            color_system="truecolor",
        )
        for thing in things:
            recorder.print(thing)
        if svg:
            save(svg, recorder.export_svg(title="enrollgap", clear=False))
        if html:
            save(html, recorder.export_html(clear=False))
    return capture.get()


def save(path: str, text: str) -> None:
    """Write a picture through a temporary file renamed into place: a full disk or
    Ctrl-C never leaves half a picture over an old one."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        handle, temporary = tempfile.mkstemp(prefix=".enrollgap-", suffix=".tmp", dir=folder)
    except OSError as error:  # name the file asked for, not the temporary one
        raise OSError(error.errno, error.strerror, path) from None
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as open() would have made it, not mkstemp's 0600
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def recorded(views: Sequence[View], svg: str | None, html: str | None) -> None:
    """Save the rich rendering of views as SVG and/or HTML, whatever format stdout gets."""
    render(views, io.StringIO(), svg, html)
