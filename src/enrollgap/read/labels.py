"""Which labels are not groups: the export's own totals ("Jumlah", "Sumsel Total"),
summaries that are not sums ("Rata-rata"), and which are surely neither.

Every reader asks these once per group, so they are told without normalizing
where the first and last characters suffice (``plain_label``); the property tests
in tests/test_read.py hold each quick answer to the full definition.
"""

from __future__ import annotations

from collections.abc import Sequence

from .columns import normalize_header

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
        "rata-rata",
        "rata2",
        "rerata",
        "average",
        "mean",
        "median",
        "minimum",
        "maximum",
        "maksimum",
        "min",
        "max",
    )
)
SUMMARY_FIRST = ("rata-rata", "rata2", "rerata", "average", "mean", "median")

# Told without normalizing: a label whose first or last character is an ASCII one
# that normalize_header keeps (not a space, "_" or "-") and that no total word starts
# or ends with ("Desa 0001") cannot be a total word, since that character, lowercased,
# starts or ends the normalized text; and one whose first character no edge word
# starts with and whose last no edge word ends with has no total at either edge.
# Once per group: 100,000 villages took 90 ms to normalize.
_KEPT = [c for c in map(chr, range(128)) if not c.isspace() and c not in "_-"]
_NEVER_FIRST = frozenset(c for c in _KEPT if c.lower() not in {word[0] for word in TOTAL_WORDS})
_NEVER_LAST = frozenset(c for c in _KEPT if c.lower() not in {word[-1] for word in TOTAL_WORDS})
_NO_EDGE_FIRST = frozenset(c for c in _KEPT if c.lower() not in {word[0] for word in EDGE_WORDS})
_NO_EDGE_LAST = frozenset(c for c in _KEPT if c.lower() not in {word[-1] for word in EDGE_WORDS})
# Both at once, one look-up a label: the last characters no total can end with, by first character.
_CANNOT_END = {
    first: _NO_EDGE_LAST if first in _NEVER_FIRST else _NO_EDGE_LAST & _NEVER_LAST for first in _NO_EDGE_FIRST
}
_ANY_END: frozenset[str] = frozenset()
# A label whose first character is one of these starts no summary word (as above).
_NO_SUMMARY_FIRST = frozenset(c for c in _KEPT if c.lower() not in {word[0] for word in SUMMARY_WORDS})
# Both, and a first character that is not a space (so not blank): by first character,
# the last characters with which a label is surely plain. One look-up a label.
_PLAIN_ENDS = {first: ends for first, ends in _CANNOT_END.items() if first in _NO_SUMMARY_FIRST}
# The first three letters of every total, edge and summary word: a label that starts
# with three ASCII letters not among these, and ends with a character no edge word
# ends with ("Sukamaju"), is plain too.
_PREFIXES = frozenset(normalize_header(w)[:3] for w in (*TOTAL_WORDS, *EDGE_WORDS, *SUMMARY_WORDS, *SUMMARY_FIRST))
_EDGES = tuple(EDGE_WORDS)


def is_total(text: object) -> bool:
    """A label that names a total: a total word ("Jumlah", "Grand total"), or a label
    of several words that starts or ends with an edge word ("Sumsel Total")."""
    if not isinstance(text, str) or text[-1:] in _CANNOT_END.get(text[:1], _ANY_END):
        return False
    if text[:1] not in _NEVER_FIRST and text[-1:] not in _NEVER_LAST and normalize_header(text) in TOTAL_WORDS:
        return True
    folded = text.casefold().strip()
    if not (folded.startswith(_EDGES) or folded.endswith(_EDGES)):  # (no word split, for "Sukamaju")
        return False
    words = folded.split()
    return len(words) > 1 and (words[0] in EDGE_WORDS or words[-1] in EDGE_WORDS)


def is_summary(text: object) -> bool:
    """A label that names a summary of the rows that is not their sum: "Rata-rata",
    "Average", "Maksimum", "Rata-rata Kabupaten"."""
    if not isinstance(text, str) or text[:1] in _NO_SUMMARY_FIRST:  # (told without normalizing, as totals)
        return False
    if normalize_header(text) in SUMMARY_WORDS:
        return True
    words = text.casefold().split()
    return len(words) > 1 and words[0] in SUMMARY_FIRST


def plain_label(text: str) -> bool:
    """True for a label that its first and last characters show to be neither blank, a
    total nor a summary ("Desa 0001"); False says only that a closer look is needed."""
    if text[-1:] in _PLAIN_ENDS.get(text[:1], _ANY_END):
        return True
    head = text[:3]
    return (
        len(head) == 3
        and head.isascii()
        and head.isalpha()
        and head.lower() not in _PREFIXES
        and (text[-1:] in _NO_EDGE_LAST)
    )


def is_total_or_summary(text: object) -> bool:
    """A label that makes its row not a group: a total or a summary (told by its first
    and last characters where they suffice)."""
    return isinstance(text, str) and text != "" and not plain_label(text) and (is_total(text) or is_summary(text))


def special_labels(labels: Sequence[object], fill_down: bool) -> bool:
    """True for labels a fast path must not sum: a total or a summary word in any of
    them, or (where labels are filled down) a blank one."""
    if any(map(is_total_or_summary, labels)):
        return True
    return fill_down and any(not str(cell).strip() for cell in labels)
