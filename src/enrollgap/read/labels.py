"""Which labels are not groups: the export's own totals ("Jumlah", "Sumsel Total"),
and summaries that are not sums ("Rata-rata"). Asked once per group, not once a row."""

from __future__ import annotations

from collections.abc import Sequence

from .columns import normalize_header
from .notes import cell_text

# A label that names the export's own total, compared without case and spaces.
TOTAL_WORDS = frozenset(
    normalize_header(word)
    for word in (
        "total", "jumlah", "jumlah total", "total keseluruhan", "grand total", "all", "semua", "totals", "subtotal"
    )
)  # fmt: skip
# A subtotal as Excel's pivot tables write it ("Sumsel Total") and as people do
# ("Total Sumsel", "Jumlah Kec. Ilir"): one of these as the first or the last word
# of a label of several words (split at spaces, compared without case).
EDGE_WORDS = frozenset(("total", "jumlah", "subtotal"))
# A label that names a row summarizing the others without adding them up (an average,
# the largest): never a group, never summed, compared without case, spaces and hyphens;
# so is a label of several words that starts with one of SUMMARY_FIRST ("Rata-rata
# Kabupaten").
SUMMARY_WORDS = frozenset(
    normalize_header(word)
    for word in (
        "rata-rata", "rata2", "rerata", "average", "mean", "median", "minimum", "maximum", "maksimum", "min", "max",
    )
)  # fmt: skip
SUMMARY_FIRST = ("rata-rata", "rata2", "rerata", "average", "mean", "median")


def is_total(text: object) -> bool:
    """A label that names a total: a total word ("Jumlah", "Grand total"), or a label
    of several words that starts or ends with an edge word ("Sumsel Total")."""
    if not isinstance(text, str):
        return False
    if normalize_header(text) in TOTAL_WORDS:
        return True
    words = text.casefold().split()
    return len(words) > 1 and (words[0] in EDGE_WORDS or words[-1] in EDGE_WORDS)


def is_summary(text: object) -> bool:
    """A label that names a summary of the rows that is not their sum: "Rata-rata",
    "Average", "Maksimum", "Rata-rata Kabupaten"."""
    if not isinstance(text, str):
        return False
    if normalize_header(text) in SUMMARY_WORDS:
        return True
    words = text.casefold().split()
    return len(words) > 1 and words[0] in SUMMARY_FIRST


def is_total_or_summary(text: object) -> bool:
    """A label that makes its row not a group: a total or a summary (is_total or
    is_summary, told with one look at the text)."""
    if not isinstance(text, str):
        return False
    words = text.casefold().split()
    if "".join(words).replace("_", "").replace("-", "") in _NOT_GROUP_WORDS:  # (normalize_header's way)
        return True
    return len(words) > 1 and (words[0] in _NOT_GROUP_FIRST or words[-1] in EDGE_WORDS)


_NOT_GROUP_WORDS = TOTAL_WORDS | SUMMARY_WORDS
_NOT_GROUP_FIRST = EDGE_WORDS | frozenset(SUMMARY_FIRST)


def special_labels(labels: Sequence[object], fill_down: bool) -> bool:
    """True for labels that are not summed as they stand: a total or a summary word in
    any of them, or (where labels are filled down) a blank one."""
    if any(is_total_or_summary(label) for label in labels):
        return True
    return fill_down and any(not cell_text(label).strip() for label in labels)


class Unnamed:
    """The label of a row that has none (a blank, a null): read as the cell was, but a
    key no cell equals, so that every such row is looked at (and said) again."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return type(other) is Unnamed and other.value == self.value

    def __hash__(self) -> int:
        return hash((Unnamed, self.value))

    def __repr__(self) -> str:
        return f"Unnamed({self.value!r})"


def label_text(value: object) -> str | None:
    """A label as a group holds it: trimmed text (a spreadsheet's 2021.0 as "2021"); None for none."""
    if type(value) is Unnamed:
        value = value.value
    if value is None:
        return None
    return cell_text(value).strip()
