"""What real exports hold around their data: the header row under titles, the
export's own total rows, labels written once and left blank below (filled down),
and footnotes after the table. Shared by every format.

Nothing here is guessed silently: every row skipped or filled in is counted
in ``Notes``, which the command line shows on stderr, and a total row that does
not match the rows it totals is a finding (a warning, an error under --strict).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Optional, Union

from ..coverage import Finding
from ..errors import InputError
from ..groups import LABEL_FIELDS
from ..text import join_label, quoted
from .columns import ALIAS_KEYS, Columns, normalize_header
from .labels import is_summary, is_total, is_total_or_summary, plain_label, special_labels

# The header is looked for among this many non-blank rows at the top.
HEADER_SEARCH = 30
# Ordinary labels remembered at most (Tally.ordinary), so that memory stays flat.
KNOWN = 4096
# Warnings of one kind about rows (a blank label, a total that does not add up) listed
# one by one at most; the rest are counted on the last listed (stderr and memory stay small).
ROW_FINDINGS = 5
# Total rows of one label checked against that label's rows at most, each a walk over every group.
LABEL_SUMS = 100
# What a text table may be split by, for the hint when no row names the fields.
DELIMITERS = (",", ";", "\t", "|", ":")

# Where a cell is, for messages: (source, line, column) for text formats,
# ("kec.xlsx:Rekap 2024!C7", None, None) for spreadsheets.
Place = tuple[str, Optional[int], Union[int, str, None]]
Where = Callable[[int, Optional[int]], Place]


class Unnamed:
    """The label of a row that has none in a table of one label column: read as "",
    but a key no cell equals, so that the read loops' fast paths (which sum a row into
    a group seen before without a look at it) leave every such row to the Tally."""

    __slots__ = ()

    def __str__(self) -> str:
        return ""

    def __repr__(self) -> str:
        return "UNNAMED"


UNNAMED = Unnamed()


def is_blank(cells: Sequence[object]) -> bool:
    return not any(str(cell).strip() for cell in cells if cell is not None)


class Seen:
    """Where rows of one kind were (a line, or a line and its first text): the first
    few kept for the note, which names no more, and every one counted, so that the
    memory stays flat over a million rows filled down."""

    __slots__ = ("count", "first")
    KEEP = 3

    def __init__(self, first: Sequence[object] = (), count: int | None = None) -> None:
        self.first: list = list(first)[: self.KEEP]
        self.count = len(first) if count is None else count

    def append(self, item: object) -> None:
        self.count += 1
        if len(self.first) < self.KEEP:
            self.first.append(item)

    def lines(self) -> list[int]:
        return [item if isinstance(item, int) else item[0] for item in self.first]

    def __bool__(self) -> bool:
        return self.count > 0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Seen) and (self.first, self.count) == (other.first, other.count)

    # (mutable: not hashable)
    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Seen({self.first!r}, count={self.count})"


@dataclass
class Notes:
    """What was skipped or filled in while reading, for one line each on stderr."""

    source: str
    above_header: list[tuple[int, str]] = field(default_factory=list)  # (line, first text) of titles
    totals: Seen = field(default_factory=Seen)  # lines of total rows
    footnotes: Seen = field(default_factory=Seen)  # (line, first text)
    filled: Seen = field(default_factory=Seen)  # lines whose labels were filled down
    repeated: Seen = field(default_factory=Seen)  # lines repeating the header, numbering its columns
    summaries: Seen = field(default_factory=Seen)  # (line, label) of averages and the like
    headers_above: list[str] = field(default_factory=list)  # label headers taken from the line above the header
    ignored: list[str] = field(default_factory=list)  # headers no field reads
    separator_line: bool = False  # an Excel "sep=;" first line

    def __bool__(self) -> bool:
        return bool(
            self.above_header
            or self.totals
            or self.footnotes
            or self.filled
            or self.ignored
            or self.repeated
            or self.summaries
            or self.headers_above
        )


def _first_text(cells: Sequence[object]) -> str:
    return next((str(cell).strip() for cell in cells if cell is not None and str(cell).strip()), "")


def _is_separator_line(cells: Sequence[object]) -> bool:
    """Excel's "sep=;" first line, which named the delimiter: not a title."""
    texts = [str(c) for c in cells if c is not None and str(c).strip()]
    return len(texts) <= 1 and bool(texts) and texts[0].casefold().startswith("sep=") and len(texts[0].strip()) <= 5


def _names_fields(cells: Sequence[object], needed: Sequence[str], mapping: Sequence[tuple[str, str]]) -> bool:
    """True when the row names every needed field (by alias or --col) and a label, if labels are needed."""
    normalized = {normalize_header(str(cell)) for cell in cells if cell is not None}
    mapped = {f for f, header in mapping if normalize_header(header) in normalized}
    if any(normalize_header(header) not in normalized for _, header in mapping):
        return False
    return all(f in mapped or any(alias in normalized for alias in ALIAS_KEYS[f]) for f in needed)


def find_header(
    rows: Iterator[tuple[int, list]],
    needed: Sequence[str],
    mapping: Sequence[tuple[str, str]],
    name: str,
    notes: Notes,
    no_header: Callable[[], str] = lambda: "",
    delimiter: str | None = None,
) -> tuple[int, Columns]:
    """The header row: the first of the top HEADER_SEARCH non-blank rows that names the
    needed fields. Rows above it are noted as titles. When none does, the first
    non-blank row is taken as the header, so its error says which field is missing
    (and, for text split by ``delimiter``, which other delimiter would find them)."""
    seen: list[tuple[int, list]] = []
    for line, cells in rows:
        if is_blank(cells) or (not seen and _is_separator_line(cells)):
            continue
        if _names_fields(cells, needed, mapping):
            notes.above_header = [(at, _first_text(c)) for at, c in seen]
            headers = [str(c) if c is not None else "" for c in cells]
            if seen and seen[-1][0] == line - 1:  # a header of two lines, perhaps
                _label_headers_above(headers, seen[-1][1], mapping, notes)
            columns = Columns(headers, mapping, name)
            notes.ignored = columns.ignored()
            return line, columns
        seen.append((line, cells))
        if len(seen) == HEADER_SEARCH:
            break
    if not seen:
        raise InputError("is empty; expected a header row and data rows", name)
    line, cells = seen[0]
    columns = Columns([str(c) if c is not None else "" for c in cells], mapping, name)
    try:
        columns.require(needed)
    except InputError as error:
        raise InputError(
            _split_otherwise(seen, needed, mapping, delimiter) or error.message + no_header(), name
        ) from None
    return line, columns


def _label_headers_above(
    headers: list[str], above: Sequence[object], mapping: Sequence[tuple[str, str]], notes: Notes
) -> None:
    """A header of two lines names its label column in the upper one ("Kecamatan",
    merged over both) and its counts in the lower: a blank header takes the text above
    it where that names a label column (an alias, or a --col header). Noted."""
    names = {alias for f in LABEL_FIELDS for alias in ALIAS_KEYS[f]} | {normalize_header(h) for _, h in mapping}
    for i, header in enumerate(headers):
        text = str(above[i]).strip() if i < len(above) and above[i] is not None else ""
        if not header.strip() and text and normalize_header(text) in names:
            headers[i] = text
            notes.headers_above.append(text)


def _split_otherwise(
    seen: Sequence[tuple[int, list]], needed: Sequence[str], mapping: Sequence[tuple[str, str]], delimiter: str | None
) -> str | None:
    """For text read with one delimiter, where a row split by another names the needed
    fields ("sektor|peserta|potensi"): what to say, with the --delimiter that reads it."""
    if delimiter is None:
        return None
    for _, cells in seen:
        text = delimiter.join(map(str, cells))
        for other in DELIMITERS:
            if other != delimiter and other in text and _names_fields(text.split(other), needed, mapping):
                option = "tab" if other == "\t" else f"'{other}'"
                return (
                    f"the header {quoted(text)} names its fields when split by {_said(other)}, "
                    f"not {_said(delimiter)}: --delimiter {option}"
                )
    return None


def _said(delimiter: str) -> str:
    return "a tab" if delimiter == "\t" else f"'{delimiter}'"


def _names_units(texts: Sequence[str], counts: Sequence[int], labels: Sequence[int]) -> bool:
    """True for a row whose label cells are blank and whose count cells are words
    without a digit ("(orang)", "jiwa", "Rp"): the units of a header of two lines."""
    if any(i < len(texts) and texts[i] for i in labels):
        return False
    values = [texts[i] if i < len(texts) else "" for i in counts]
    return all(any(c.isalpha() for c in v) and not any(c.isdigit() for c in v) for v in values)


@dataclass
class Tally:
    """The rows of one table that the fast path does not take: blank rows, footnotes,
    total rows and rows whose labels are to be filled down.

    ``labels`` are the label columns' positions; fill-down applies only with two,
    in tables (``fill_down``: JSON writes null where it means none).
    """

    labels: Sequence[int]
    notes: Notes
    where: Where
    headers: Sequence[str] = ()  # the columns' headers, to name a label column and tell a repeated header
    counts: Sequence[int] = ()  # the count columns' positions
    fill_down: bool = True
    year: bool = False  # keys end with the year cell, which is neither a total nor filled down
    # A pivot's blank first labels are filled down by the read loops themselves, for a
    # group seen before (most rows of such an export); False: by labels_of alone, as
    # every other row the loops leave (the tests compare the two).
    fill_in_loop: ClassVar[bool] = True
    findings: list[Finding] = field(default_factory=list)
    _listed: dict[str, tuple[int, Finding]] = field(default_factory=dict, init=False, repr=False)  # kind: count, last
    last: tuple | None = None  # the labels of the last data row, after filling down
    known: set = field(default_factory=set)  # labels found ordinary
    # The reader's data rows so far summed by the label of a column (None when it cannot tell).
    label_sums: Callable[[int], dict[str, tuple[int, int]] | None] | None = None
    _by_label: tuple[tuple[int, tuple[int, int]], dict[str, tuple[int, int]]] | None = field(
        default=None, init=False, repr=False
    )
    _label_sums_left: int = field(default=LABEL_SUMS, init=False, repr=False)
    since: tuple[int, int] = (0, 0)  # the data rows' sums at the last total row
    # A total row above every data row (a BPS table's first row): checked at the end,
    # against all the rows below it (line, its label cells, enrolled, potential).
    leading: tuple[int, list[str], int, int] | None = None

    def special_key(self, key: object) -> bool:
        """True for labels the fast path must not sum: a total, or a blank to fill down.
        ``key`` holds the labels rows are summed by (and the year last): with --group-by,
        one of the table's two label columns (the other is told by ``ordinary``)."""
        if type(key) is str and not self.year and len(self.labels) == 1:  # the common case, once per group
            return is_total_or_summary(key) or (self.fill_down and not key.strip())
        cells = key if isinstance(key, tuple) else (key,)
        return special_labels(cells[:-1] if self.year else cells, self.fill_down)

    def ordinary(self, text: object) -> bool:
        """True for a label that is neither blank nor a total (of a column --group-by
        leaves out: it is not summed by, but a total there is a total row all the same).
        Told by its first and last characters where they suffice ("Desa 0001"), else
        looked at and remembered, up to KNOWN labels (memory stays flat): the read
        loops ask where the label changes."""
        if text in self.known or (type(text) is str and plain_label(text)):
            return True
        if text is None or special_labels((text,), True):
            return False  # a total, a summary, or a blank
        if len(self.known) >= KNOWN:
            self.known.clear()
        self.known.add(text)  # (a number in a workbook is a label too)
        return True

    def labels_of(self, cells: Sequence[object], line: int) -> tuple | None:
        """The row's labels, filled down where blank (UNNAMED for the blank of a table of
        one label column); None for a row that is not a group (a total or a summary,
        for ``not_a_group``)."""
        texts = self.texts_of(cells)
        if any(map(is_total_or_summary, texts)):  # "Jumlah", "Sumsel / Jumlah", "Rata-rata"
            return None
        if self.fill_down and not any(texts):
            if is_total(_first_text(cells)):  # "Jumlah" in a column of its own ("No"), merged over the labels
                return None
            if len(self.labels) == 1:  # nothing to fill down from: a group without a name, said
                self.unnamed(line, self.labels[0])
                return (UNNAMED,)
        if self.fill_down and len(self.labels) == 2 and any(not t for t in texts):
            if self.last is None:
                column = self.labels[texts.index(next(t for t in texts if not t))]
                raise InputError(
                    "a blank label in the first data row cannot be filled down from the row above",
                    *self.where(line, column + 1),
                )
            blank = [column for column, t in zip(self.labels, texts) if not t]
            texts = [t if t else above for t, above in zip(texts, self.last)]
            self.notes.filled.append(line)
            inner = max(self.labels)  # a pivot leaves its first label column blank, never the second
            if inner in blank:
                self._filled_inner(line, inner, texts)
        return tuple(texts)

    def unnamed(self, line: int, column: int | None) -> None:
        """A warning for a row with counts and no label (in a table, of its one label
        ``column``; None: of any): summed as a group without a name, which a total row
        without its word would be."""
        header = self.headers[column].strip() if column is not None and column < len(self.headers) else ""
        where = self._origin(line, None if column is None else column + 1)
        self._find(Finding("unnamed", "", 0, 0, None, where, column=header or None))

    def _filled_inner(self, line: int, column: int, texts: Sequence[str]) -> None:
        """A warning for a blank second label column filled down as the contract says:
        a pivot export never leaves it blank, a subtotal row does (then counted twice)."""
        origin = self._origin(line, column + 1)
        header = self.headers[column].strip() if column < len(self.headers) else ""
        self._find(Finding("filled_inner", join_label(*texts), 0, 0, None, origin, column=header or None))

    def not_a_group(
        self, line: int, cells: Sequence[object], enrolled: int, potential: int, run: tuple[int, int]
    ) -> None:
        """A row whose labels say it is not a group: a summary such as an average (noted,
        not checked: it is not a sum), else the export's own total (``total_row``)."""
        summary = next(filter(is_summary, self.texts_of(cells)), None)
        if summary is not None:
            self.notes.summaries.append((line, summary))
        else:
            self.total_row(line, cells, enrolled, potential, run)

    def texts_of(self, cells: Sequence[object]) -> list[str]:
        """The row's label cells as text, trimmed ("" for a missing cell)."""
        return [str(cells[i]).strip() if i < len(cells) and cells[i] is not None else "" for i in self.labels]

    def unworked(self, line: int, cells: Sequence[object], run: tuple[int, int]) -> bool:
        """True (and noted) for a row whose counts are formulas never calculated, when its
        labels say it is not a group: a total, skipped unchecked, or a summary."""
        texts = self.texts_of(cells)
        summary = next(filter(is_summary, texts), None)
        if summary is not None:
            self.notes.summaries.append((line, summary))
            return True
        if any(is_total(t) for t in texts):
            self.unchecked_total(line, run)  # its value was never worked out
            return True
        return False

    def total_row(
        self, line: int, cells: Sequence[object], enrolled: int, potential: int, run: tuple[int, int]
    ) -> None:
        """An export's total row: not summed; checked against the rows it totals, either
        those since the last total row (a subtotal) or all rows so far (a grand total)."""
        self.notes.totals.append(line)
        if self.last is None and self.notes.totals.count == 1:  # no data row above it: it totals those below
            self.leading = (line, self.texts_of(cells), enrolled, potential)
            return
        block = (run[0] - self.since[0], run[1] - self.since[1])
        self.since = run
        if (enrolled, potential) in (block, run):
            return
        self._compare(line, self.texts_of(cells), enrolled, potential, run, "total_mismatch")

    def _compare(
        self, line: int, texts: list[str], enrolled: int, potential: int, run: tuple[int, int], kind: str
    ) -> None:
        """A total row that is not the sum of its rows (``run``): a warning, unless it is
        the total of one label's rows."""
        summed = run
        # "Jumlah / Petani": the total of one label's rows (a province's farmers, below its regions)
        named = [(i, t) for i, t in zip(self.labels, texts) if t and not is_total(t)]
        if len(named) == 1:
            of_label = self._label_sums(named[0][0], run)
            if of_label is not None:
                summed = of_label.get(named[0][1], (0, 0))
                if summed == (enrolled, potential):
                    return
        label = join_label(*filter(None, texts))
        self._find(Finding(kind, label, enrolled, potential, summed, self._origin(line, None)))

    def finish(self, run: tuple[int, int]) -> list[Finding]:
        """The findings, once every row is read (``run``: the data rows' sums), with a
        total row above every data row checked against them."""
        if self.leading is not None and self.leading[2:] != run:
            line, texts, enrolled, potential = self.leading
            self.leading = None
            self._compare(line, texts, enrolled, potential, run, "total_mismatch_below")
        return self.findings

    def _find(self, finding: Finding) -> None:
        """A finding about a row: listed, up to ROW_FINDINGS of its kind; past that,
        counted on the last one listed."""
        count, last = self._listed.get(finding.kind, (0, finding))
        if count < ROW_FINDINGS:
            self.findings.append(finding)
            last = finding
        else:
            last.more += 1
        self._listed[finding.kind] = (count + 1, last)

    def _origin(self, line: int, column: int | None) -> str:
        """Where a row (or one of its cells) is, for a warning: "rows.csv:4", "rows.csv:4:2",
        "kec.xlsx:Rekap!B4"."""
        return ":".join(str(part) for part in self.where(line, column) if part is not None)

    def _label_sums(self, column: int, run: tuple[int, int]) -> dict[str, tuple[int, int]] | None:
        """The data rows so far summed by the label in column (``label_sums``, which the
        reader gives), kept while no row comes between two total rows, and worked out
        at most LABEL_SUMS times a file (each walks every group); None past that."""
        if self.label_sums is None:
            return None
        if self._by_label is not None and self._by_label[0] == (column, run):
            return self._by_label[1]
        if self._label_sums_left == 0:
            return None
        self._label_sums_left -= 1
        sums = self.label_sums(column)
        self._by_label = None if sums is None else ((column, run), sums)
        return sums

    def unchecked_total(self, line: int, run: tuple[int, int]) -> None:
        """A total row whose figures cannot be read (formulas never calculated): not
        summed, as any total, and not checked either."""
        self.notes.totals.append(line)
        self.since = run

    def repeats_header(self, line: int, cells: Sequence[object], before_data: bool = False) -> bool:
        """True (and noted) for a row that repeats the header, as an export split into
        pages does, or numbers its columns "(1)", "(2)", ... as statistics tables do
        under the header, or (``before_data``: no data row yet) gives the counts' units
        under it ("(orang)", "jiwa"), its labels blank: not data. Asked of rows whose
        counts are not numbers."""
        texts = [str(c).strip() if c is not None else "" for c in cells]
        numbers = [f"({n})" for n in range(1, len(texts) + 1)]
        numbered = all(i < len(texts) and texts[i] == numbers[i] for i in self.counts) and all(
            t in ("", n) for t, n in zip(texts, numbers)
        )
        units = before_data and _names_units(texts, self.counts, self.labels)
        if not numbered and not units and texts != [h.strip() for h in self.headers]:
            return False
        self.notes.repeated.append(line)
        return True

    def footnote(self, line: int, cells: Sequence[object]) -> None:
        self.notes.footnotes.append((line, _first_text(cells)))
