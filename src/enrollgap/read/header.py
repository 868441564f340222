"""The header row of an export: found under titles, named in two lines, or repeated
further down (an export split into pages, a line of column numbers or units)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from ..errors import InputError
from ..groups import LABEL_FIELDS
from ..text import quoted
from .columns import ALIAS_KEYS, Columns, normalize_header
from .notes import Notes, cell_text, first_text, is_blank

# The header is looked for among this many non-blank rows at the top.
HEADER_SEARCH = 30
# What a text table may be split by, for the hint when no row names the fields.
DELIMITERS = (",", ";", "\t", "|", ":")


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


def _headers(cells: Sequence[object]) -> list[str]:
    return [str(c) if c is not None else "" for c in cells]


def find_header(
    rows: Iterator[tuple[int, Sequence[object]]],
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
    seen: list[tuple[int, Sequence[object]]] = []
    for line, cells in rows:
        if is_blank(cells) or (not seen and _is_separator_line(cells)):
            continue
        if _names_fields(cells, needed, mapping):
            notes.above_header = [(at, first_text(c)) for at, c in seen]
            headers = _headers(cells)
            if seen and seen[-1][0] == line - 1:  # a header of two lines, perhaps
                _label_headers_above(headers, seen[-1][1], mapping, notes)
            columns = Columns(headers, mapping, name)
            columns.require(needed)  # (--col may have taken a field's own column for another)
            notes.ignored = columns.ignored()
            return line, columns
        seen.append((line, cells))
        if len(seen) == HEADER_SEARCH:
            break
    if not seen:
        raise InputError("is empty; expected a header row and data rows", name)
    line, cells = seen[0]
    columns = Columns(_headers(cells), mapping, name)
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
    seen: Sequence[tuple[int, Sequence[object]]],
    needed: Sequence[str],
    mapping: Sequence[tuple[str, str]],
    delimiter: str | None,
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


def repeats_header(
    cells: Sequence[object], headers: Sequence[str], counts: Sequence[int], labels: Sequence[int], before_data: bool
) -> bool:
    """True for a row that repeats the header, as an export split into pages does, or
    numbers its columns "(1)", "(2)", ... as statistics tables do under the header, or
    (``before_data``: no data row yet) gives the counts' units under it ("(orang)",
    "jiwa"), its labels blank: not data. Asked of rows whose counts are not numbers."""
    texts = [cell_text(c).strip() for c in cells]
    numbers = [f"({n})" for n in range(1, len(texts) + 1)]
    numbered = all(i < len(texts) and texts[i] == numbers[i] for i in counts) and all(
        t in ("", n) for t, n in zip(texts, numbers)
    )
    units = before_data and _names_units(texts, counts, labels)
    return numbered or units or texts == [h.strip() for h in headers]


def _names_units(texts: Sequence[str], counts: Sequence[int], labels: Sequence[int]) -> bool:
    """True for a row whose label cells are blank and whose count cells are words
    without a digit ("(orang)", "jiwa", "Rp"): the units of a header of two lines."""
    if any(i < len(texts) and texts[i] for i in labels):
        return False
    values = [texts[i] if i < len(texts) else "" for i in counts]
    return all(any(c.isalpha() for c in v) and not any(c.isdigit() for c in v) for v in values)
