"""Rich tables for people: coloured coverage, coverage bars, path charts, verdicts.

Imported only when a human rich format is asked for (rich is slow to import).
Every cell is a ``Text``, never markup: a sector named "[red]x[/]" prints as is.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from fractions import Fraction
from operator import itemgetter

from rich.cells import cell_len
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..words import sentence, word
from .files import save
from .view import View, has_column, without

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
    # filled = min(coverage, 100) * width / 100 cells, in integers: whole cells and a remainder
    scale = 100 * coverage.denominator
    whole, rest = divmod(min(coverage.numerator, scale) * width, scale)
    text = "█" * whole
    if whole < width and 2 * rest >= scale:
        text += "▌"
    elif whole < width and rest > 0:
        text += "▏"
    text = text.ljust(width, "·")
    if coverage > 100:
        text = text[:-1] + "▶"
    return Text(text)


def path_chart(
    coverage: Fraction | None,
    target: Fraction,
    scale: Fraction,
    width: int = CHART_WIDTH,
    observed: bool = False,
    budget: Fraction | None = None,
) -> Text:
    """Coverage against the target line (┃), both on a scale of the largest value;
    an observed year is drawn in ▒, a projected one in █; ``budget``, the coverage a
    budget pays for, is a ╎ where it falls within the scale."""
    if coverage is None or scale <= 0:
        return Text("")
    cells = ["·"] * width
    filled = int(min(coverage, scale) * width / scale)
    for i in range(filled):
        cells[i] = "▒" if observed else "█"
    if budget is not None and budget <= scale:
        cells[min(int(budget * width / scale), width - 1)] = "╎"
    mark = min(int(target * width / scale), width - 1)
    cells[mark] = "┃"
    return Text("".join(cells))


def _cells(view: View, index: int, scale: Fraction) -> list[Text]:
    """Row ``index`` of the view (the total after the rows) as styled cells, with its bar or chart."""
    is_total = view.total is not None and index == len(view.rows)
    row = view.total if is_total and view.total is not None else view.rows[index]
    level = view.levels[index] if index < len(view.levels) else None
    cells = []
    for key, value in zip(view.keys, row):
        style = ""
        if key == "coverage_pct" and view.levels:
            style = coverage_style(level, view.target_pct)
        elif key == "gap" and index in view.emphasis and not is_total:
            style = "bold"
        elif key == "consistent" and view.verdicts:
            style = "green" if view.verdicts[index] else "bold red"
            value = ("✓ " if view.verdicts[index] else "✗ ") + value
        cells.append(Text(value, style=style))
        if key == view.bar_after:
            cells.append(coverage_bar(level))
    if view.chart:
        budget = view.budget_levels[index] if index < len(view.budget_levels) else None
        cells.append(path_chart(level, view.target_pct or Fraction(0), scale, observed=index in view.observed,
                                budget=budget))  # fmt: skip
    return cells


def _columns(view: View) -> list[tuple[str, bool]]:
    """(header, right-aligned) of every column, the bar and chart columns included."""
    columns = []
    for key, title, numeric in zip(view.keys, view.headers, view.numeric):
        columns.append((title, numeric))
        if key == view.bar_after:
            columns.append(("", False))
    if view.chart:
        columns.append((view.chart_header, False))
    return columns


def _scale(view: View) -> Fraction:
    """A path chart's full width: the largest of the target, the coverages and the budget's."""
    if not view.chart:
        return Fraction(0)
    levels = [c for c in (*view.levels, *view.budget_levels) if c is not None]
    return Fraction(max([view.target_pct or 0, *levels]))


def table(view: View, rows: range | None = None, widths: Sequence[int] | None = None, total: bool = True) -> Table:
    """The view (or its ``rows``) as a rich table; ``widths`` fixes each column's width."""
    title = Text(view.title, style="bold red") if view.title and view.alert else view.title
    grid = Table(title=title, title_justify="left", show_edge=True, header_style="bold")
    columns = _columns(view)
    scale = _scale(view)
    lines = [_cells(view, index, scale) for index in (rows if rows is not None else range(len(view.rows)))]
    last = _cells(view, len(view.rows), scale) if total and view.total is not None else None
    least = _least(columns, [*lines, *([last] if last else [])]) if widths is None else None
    for index, (title, numeric) in enumerate(columns):
        width = widths[index] if widths else None
        grid.add_column(
            title,
            justify="right" if numeric else "left",
            no_wrap=numeric or width is not None,
            width=width,
            min_width=None if least is None else least[index],
        )
    for cells in lines:
        grid.add_row(*cells)
    if last:
        grid.add_section()
        grid.add_row(*last, style="bold")
    return grid


def _least(columns: Sequence[tuple[str, bool]], lines: Sequence[Sequence[Text]]) -> list[int]:
    """Each column's narrowest width that keeps its cells whole: a number's full width,
    a label's longest word (rich may wrap a label between words, but never cuts one)."""
    least = []
    for index, (title, numeric) in enumerate(columns):
        texts = [line[index].plain for line in lines]
        widest = _widest(texts) if numeric else max(map(_longest_word, texts), default=0)
        least.append(max(widest, _longest_word(title)))
    return least


def _longest_word(text: str) -> int:
    return max(map(cell_len, text.split()), default=0)


# Each data column's width by its key: measured once per view (a 100,000-row view
# takes a tenth of a second), kept while fit leaves columns out.
Widths = dict[str, int]


def measure(view: View) -> Widths:
    """Each data column's width: its header or widest string, whichever is wider."""
    lines = [*view.rows, *([view.total] if view.total is not None else [])]
    widths = {}
    for column, (key, title) in enumerate(zip(view.keys, view.headers)):
        extra = 2 if key == "consistent" and view.verdicts else 0  # the tick or cross
        widths[key] = max(cell_len(title), _widest(list(map(itemgetter(column), lines))) + extra)
    return widths


def _widths(view: View, known: Widths | None = None) -> list[int]:
    """Each column's width, the bar and chart (which have their own) included."""
    known = measure(view) if known is None else known
    widths = []
    for key in view.keys:
        widths.append(known[key])
        if key == view.bar_after:
            widths.append(BAR_WIDTH)
    if view.chart:
        widths.append(max(cell_len(view.chart_header), CHART_WIDTH))
    return widths


def _widest(cells: list[str]) -> int:
    """The widest of a column's strings in terminal cells: for an ASCII column (the
    common case, checked in one call) its longest string, in C."""
    if "".join(cells).isascii():
        return max(map(len, cells), default=0)
    return max(map(cell_len, cells), default=0)


def _notes(view: View) -> list[Text]:
    return [Text(note, style="bold red" if index in view.alert_notes else "") for index, note in enumerate(view.notes)]


def renderables(views: Sequence[View]) -> list[Group]:
    return [Group(table(view), *_notes(view)) for view in views]


def _width(console: Console, things: Sequence[Group]) -> int:
    widest = max((console.measure(thing).maximum for thing in things), default=80)
    return max(40, min(widest, 240))


# Columns left out, in this order, when a table is wider than the terminal: the
# labels and the counts always stay, whole.
DROP_ORDER = (
    "premium_to_target_per_year", "premium_gap_per_year", "premium_per_year", "gap_share_pct", "bar",
    "coverage_history", "coverage_change_pp", "per_month", "per_year", "to_target", "target", "new_gross",
    "chart", "implied_potential", "difference_pp", "enrolled_change", "new_net",
)  # fmt: skip


def _needed(view: View, known: Widths | None = None) -> int:
    """How wide the view is drawn with every label and number whole, nothing wrapped."""
    widths = _widths(view, known)
    return sum(widths) + 3 * len(widths) + 1


def fit(view: View, width: int, known: Widths | None = None) -> View:
    """The view with columns left out (in DROP_ORDER) until it fits width, and a note
    that names them; unchanged when it fits."""
    known = measure(view) if known is None else known
    dropped = []
    while _needed(view, known) > width:
        key = next((k for k in DROP_ORDER if has_column(view, k)), None)
        if key is None:
            break
        view = without(view, key)
        dropped.append(word(f"{key}_column", view.locale) if key in ("bar", "chart") else key)
    if dropped:
        names = ", ".join(dropped)
        view = replace(view, notes=[*view.notes, sentence("left_out", view.locale, columns=names, width=str(width))])
    return view


def render(views: Sequence[View], stream, svg: str | None = None, html: str | None = None) -> Iterator[str]:
    """The views as the rich text to write to stream (coloured if stream is a terminal),
    in chunks; also saved as SVG and HTML files when asked."""
    on_terminal = hasattr(stream, "isatty") and stream.isatty()
    width = None if on_terminal or os.environ.get("COLUMNS") else 240
    console = Console(file=stream, width=width, highlight=False, emoji=False, markup=False)
    if svg or html:
        _record(renderables(views), svg, html)
    for view in views:
        known = measure(view)
        view = fit(view, console.width, known)
        yield _whole(view, console, known)


def _whole(view: View, console: Console, known: Widths) -> str:
    """The view as rich draws it at the console's width, its labels wrapped where
    they must, but never narrower than keeps every cell whole (a label's longest
    word, every number; see _least): on a narrower terminal (a phone's) the table
    is written wider, whole, and a note says so."""
    drawn = table(view)
    wanted = console.width
    if _needed(view, known) <= wanted:  # fits with nothing wrapped: rich's layout as it is
        least = wanted
    else:
        least = console.measure(drawn, options=console.options.update_width(10**6)).minimum
    with console.capture() as capture:
        console.width = max(wanted, least)
        console.print(drawn, crop=False)  # a table wider than the width is written whole
        console.width = wanted
    text = capture.get()
    width = max((cell_len(re.sub(_ANSI, "", line)) for line in text.splitlines()), default=0)  # as it came out
    notes = _notes(view)
    if width > wanted:
        notes.append(Text(sentence("too_wide", view.locale, width=str(wanted))))
    with console.capture() as capture:  # the notes wrap to the terminal
        for note in notes:
            console.print(note)
    return text + capture.get()


_ANSI = r"\x1b\[[0-9;]*m"  # compiled on first use (re caches it)


def _record(things: Sequence[Group], svg: str | None, html: str | None) -> None:
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


def recorded(views: Sequence[View], svg: str | None, html: str | None) -> None:
    """Save the rich rendering of views as SVG and/or HTML, whatever format stdout gets."""
    _record(renderables(views), svg, html)
