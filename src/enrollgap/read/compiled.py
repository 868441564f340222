"""The read loop for plain rows, compiled for one table's columns.

A piece of CSV/TSV text with no quote, no CR and only ASCII without "_" (see
``cells.int_agrees``) is split with str.split, and int() reads each count as the
number parser would. For such rows the loop below is written out for the table's
width and columns (as dataclasses and namedtuple write their methods): each row's
cells unpack into local names, which checks the width and takes every cell in one
step, where indexing a list of cells asked for each one. On a million rows: 0.51 s
for one worker's sums against 0.56 s over indices, and a one-core report 0.59 s
against 0.69 s (which also asked each row the flags of its piece). Only column
numbers and fixed names go into the source: nothing of the file does.

The one-core loop (delimited.sum_csv) runs it on each piece of text after the
header's, and every core (parallel) on each plain block.

Both loops return ``(stop, other)``: the index of the first row they did not add
(``len(rows)`` when they added them all) and the last label seen of the column
--group-by leaves out. A row stops them where its width differs, int() refuses a
count, a count is negative, that label is not plain, its group is new and
``new_group`` does not add it, or (``marked``) its label holds a "_"; the caller's
general loop takes it from there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import repeat

from .labels import plain_label

# (rows, first line, signed, sums, other) -> (stop, other)
PlainRows = Callable[[list, int, bool, dict, "str | None"], "tuple[int, str | None]"]

# Wider tables get no compiled loop (the general loop reads them): compiling takes
# time in proportion to the width, 2 s for a header of 200,000 columns.
WIDEST = 100

_TEMPLATE = """
def plain_rows(rows, first, signed, sums, other):
    line = first - 1
    try:
        for line, ({cells},) in enumerate(map(split, rows, repeat(delimiter)), first):
            enrolled = int({enrolled})
            potential = int({potential})
            if signed and (enrolled | potential) < 0:
                break
{other}            key = {key}
{marked}            acc = sums.get(key)
            if acc is None:
{new}            else:
                acc[0] += enrolled
                acc[1] += potential
        else:
            return len(rows), other
    except ValueError:  # another width, or a count int() does not read
        pass
    return line - first, other
"""

_OTHER = """            if {label} != other:
                if not plain_label({label}) and not ordinary({label}):
                    break
                other = {label}
"""

_MARKED = """            if "_" in key:
                break
"""

_NEW_STOPS = """                break
"""

_NEW_ADDED = """                if not new_group(key, enrolled, potential, line):
                    break
"""


def plain_rows(
    delimiter: str,
    width: int,
    counts: tuple[int, int],
    keys: Sequence[int],
    left_out: int | None,
    ordinary: Callable[[str], bool],
    new_group: Callable[[object, int, int, int], bool] | None = None,
    marked: bool = False,
) -> PlainRows:
    """The loop for rows of ``width`` cells whose counts are at ``counts`` and whose
    group is the cell at ``keys`` (one) or the tuple of them (more: as
    operator.itemgetter gives). ``ordinary(label)`` says whether a label of the
    column ``left_out`` that is not plain at a glance may be summed; ``new_group``
    adds a new group (False: it did not, the loop stops there); without it, a new
    group stops the loop. ``marked``: the rows are of text whose thousands marks were
    made "_" (int() reads "1_204"), and a label that holds one ("Desa 1_200") stops
    the loop, for the general loop to put the mark back. A table wider than WIDEST
    columns gets a loop that stops at once."""
    columns = (*counts, *keys, *([] if left_out is None else [left_out]))
    if not (keys and all(isinstance(i, int) and 0 <= i < width for i in columns)) or (marked and len(keys) > 1):
        raise ValueError("columns out of the table")
    if width > WIDEST:
        return _adds_none
    names = [f"c{i}" for i in range(width)]
    key = names[keys[0]] if len(keys) == 1 else "(" + ", ".join(names[k] for k in keys) + ")"
    source = _TEMPLATE.format(
        cells=", ".join(names),
        enrolled=names[counts[0]],
        potential=names[counts[1]],
        key=key,
        other="" if left_out is None else _OTHER.format(label=names[left_out]),
        marked=_MARKED if marked else "",
        new=_NEW_STOPS if new_group is None else _NEW_ADDED,
    )
    namespace: dict[str, object] = {
        "split": str.split,
        "repeat": repeat,
        "delimiter": delimiter,
        "plain_label": plain_label,
        "ordinary": ordinary,
        "new_group": new_group,
    }
    exec(compile(source, f"<enrollgap: plain rows of {width} cells>", "exec"), namespace)
    # Taken out of its namespace: a function in its own globals is a reference cycle,
    # which would keep the read's sums (through new_group) until the collector runs.
    return namespace.pop("plain_rows")  # type: ignore[return-value]


def _adds_none(rows: list, first: int, signed: bool, sums: dict, other: str | None) -> tuple[int, str | None]:
    """The loop of a table wider than WIDEST: it stops at the first row."""
    return 0, other
