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
        "total", "jumlah", "jml", "jumlah total", "total keseluruhan", "grand total", "all", "semua", "totals",
        "subtotal",
    )
)  # fmt: skip
# A subtotal as Excel's pivot tables write it ("Sumsel Total") and as people do
# ("Total Sumsel", "Jumlah Kec. Ilir", "Jumlah Sektor"): one of these as the first or
# the last word of a label of several words (split at spaces, compared without case).
EDGE_WORDS = frozenset(("total", "jumlah", "jml", "subtotal"))
# "Semua Sektor", "All sectors", "Seluruh Kabupaten": a word for all, then what it spans.
ALL_WORDS = frozenset(("semua", "all", "seluruh"))
SCOPE_WORDS = frozenset(
    (
        "sektor", "sector", "sectors", "wilayah", "region", "regions", "daerah", "provinsi", "province",
        "provinces", "kabupaten", "kota", "kabupaten/kota", "kab/kota", "kecamatan", "desa", "kelurahan",
        "desa/kelurahan", "district", "districts",
    )
)  # fmt: skip
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


def _words(text: str) -> tuple[str, list[str]]:
    """The label as total and summary words are compared with it: without the marks and
    punctuation around it ("Total*)", "Jumlah:", "Grand Total¹"), normalized as headers
    are, and split into its words (case-folded)."""
    start, end = 0, len(text)
    if not (_kept(text[:1]) and _kept(text[-1:])):  # (most labels start and end with a letter or digit)
        while start < end and not _kept(text[start]):
            start += 1
        while end > start and not _kept(text[end - 1]):
            end -= 1
    words = text[start:end].casefold().split()
    return "".join(words).replace("_", "").replace("-", ""), words


def _kept(char: str) -> bool:
    """A letter or a digit 0-9: what stays at the ends of a label (not "*", ")", "¹")."""
    return char.isalpha() or "0" <= char <= "9"


def _total(normalized: str, words: list[str]) -> bool:
    if normalized in TOTAL_WORDS:
        return True
    if len(words) > 1 and (words[0] in EDGE_WORDS or words[-1] in EDGE_WORDS):
        return True
    return len(words) == 2 and words[0] in ALL_WORDS and words[1] in SCOPE_WORDS


def _summary(normalized: str, words: list[str]) -> bool:
    return normalized in SUMMARY_WORDS or (len(words) > 1 and words[0] in SUMMARY_FIRST)


def is_total(text: object) -> bool:
    """A label that names a total: a total word ("Jumlah", "Grand total", "Jml"), a label
    of several words that starts or ends with an edge word ("Sumsel Total", "Jumlah
    Sektor"), or a word for all and what it spans ("Semua Sektor"); marks and
    punctuation around it aside ("Total*)", "TOTAL.")."""
    return isinstance(text, str) and _total(*_words(text))


def is_summary(text: object) -> bool:
    """A label that names a summary of the rows that is not their sum: "Rata-rata",
    "Average", "Maksimum", "Rata-rata Kabupaten"."""
    return isinstance(text, str) and _summary(*_words(text))


def is_total_or_summary(text: object) -> bool:
    """A label that makes its row not a group: a total or a summary."""
    if not isinstance(text, str):
        return False
    normalized, words = _words(text)
    return _total(normalized, words) or _summary(normalized, words)


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
