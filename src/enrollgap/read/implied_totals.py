"""The export's own totals that carry no total word, told by their sums alone.

A BPS table writes its province's row ("Sumatera Selatan") over or under its
kabupaten, and a kabupaten's row over its kecamatan, as sums of the rows they
head; summed as groups, they double (or triple) every count. These functions look
at the groups once a source is read.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from ..findings import Finding, FindingKind
from ..groups import Group
from .notes import RowFindings

# The kinds implied_totals tells, and the finding each gives.
KINDS: dict[str, FindingKind] = {
    "total": "implied_total",
    "subtotal": "implied_subtotal",
    "subtotal_after": "implied_subtotal_after",
    "province_total": "implied_province_total",
    "regency_total": "implied_regency_total",
    "regency_total_after": "implied_regency_total_after",
    "grand_total": "implied_grand_total",
    "region_total": "implied_region_total",
}


def without_implied_totals(groups: list[Group]) -> tuple[list[Group], list[Finding]]:
    """The groups without the implied totals, and a warning for each (a few of a kind
    listed, the rest counted on the last one listed)."""
    totals = implied_totals(groups)
    if not totals:
        return groups, []
    findings = RowFindings()
    for at, kind in totals:
        total = groups[at]
        summed = None
        if kind == "province_total":  # checked like a Jumlah row: what the other groups of its year add up to
            others = [g for i, g in enumerate(groups) if i != at and g.year == total.year]
            summed = (sum(g.enrolled for g in others), sum(g.potential for g in others))
        elif kind.startswith("regency_total"):  # ... what its kecamatan add up to
            block = _block(totals, at, kind, len(groups))
            summed = (sum(groups[i].enrolled for i in block), sum(groups[i].potential for i in block))
        findings.add(Finding(KINDS[kind], total.label, total.enrolled, total.potential, summed, total.origin))
    left_out = {at for at, _ in totals}
    return [g for at, g in enumerate(groups) if at not in left_out], findings.items


def _block(totals: Sequence[tuple[int, str]], at: int, kind: str, count: int) -> range:
    """The rows a kabupaten/kota row at ``at`` is the subtotal of: those up to the next
    such row (under it), or since the last (over it)."""
    heads = sorted(i for i, k in totals if k == kind)
    place = heads.index(at)
    if kind == "regency_total":
        return range(at + 1, heads[place + 1] if place + 1 < len(heads) else count)
    return range(heads[place - 1] + 1 if place else 0, at)


def implied_totals(groups: Sequence[Group]) -> list[tuple[int, str]]:
    """The groups that are the export's own totals without a total word, which summed
    would double every count, each with its kind: "total" when the first or last
    group is exactly the sum of all the others, as the province row of a BPS table is
    ("Sumatera Selatan" under or over its kabupaten); "subtotal" for each group that
    heads a block it is exactly the sum of (a kabupaten over its kecamatan), where
    the groups fall into two such blocks or more; "grand_total" for a first or
    last group that is exactly the sum of those subtotals (a province over them);
    and "region_total" for each group of the first or last region, in a table of
    regions and sectors, when each is exactly the sum of its sector in the others.
    Enrolled and potential must both agree, with at least one more group with a
    potential than there are totals (a total over a single row is a duplicate as
    much as a total). A panel's groups are looked at year by year, and taken so only
    where every year finds the same."""
    if any(map(_YEAR, groups)):  # (a year is never 0)
        return _implied_by_year(groups)
    return _implied(groups)


def _implied(groups: Sequence[Group]) -> list[tuple[int, str]]:
    """implied_totals of groups of one year (or none)."""
    if len(groups) < 3:
        return []
    enrolled = sum(map(_ENROLLED, groups))
    potential = sum(map(_POTENTIAL, groups))
    found = [
        i for i in {0, len(groups) - 1} if 2 * groups[i].enrolled == enrolled and 2 * groups[i].potential == potential
    ]
    if len(found) == 1 and _with_potential(groups) >= 3:
        return [(found[0], "total")]
    province = _province_row(groups)  # (one that does not add up exactly: BPS estimates seldom do)
    if province is not None:
        return [(province, "province_total")]
    region = _region_total(groups)
    if region:
        return region
    blocks = _blocks(groups)
    if blocks:
        return blocks
    # The same blocks written with each subtotal after its rows (a kabupaten under its
    # kecamatan): the table read from its end.
    last = len(groups) - 1
    after = sorted((last - at, "subtotal_after" if kind == "subtotal" else kind) for at, kind in _blocks(groups[::-1]))
    # Blocks that do not add up exactly, where the reference knows each head's kecamatan.
    return after or _regency_rows(groups)


def _blocks(groups: Sequence[Group]) -> list[tuple[int, str]]:
    """The subtotals heading blocks of groups (and a grand total over them), or []."""
    # A province over blocks first: its row also heads a block of the kabupaten and
    # kecamatan of the first, which would leave that kabupaten's row a group.
    # (Most tables tell at their second or third group that they are not so.)
    for end, start, stop in ((0, 1, len(groups)), (len(groups) - 1, 0, len(groups) - 1)):
        heads = _heads(groups, start, stop)
        over = (sum(groups[at].enrolled for at in heads), sum(groups[at].potential for at in heads))
        if over == (groups[end].enrolled, groups[end].potential) and _in_blocks(groups, heads, 1):
            return [(end, "grand_total"), *((at, "subtotal") for at in heads)]
    heads = _heads(groups)
    return [(at, "subtotal") for at in heads] if _in_blocks(groups, heads) else []


def _province_row(groups: Sequence[Group]) -> int | None:
    """The first or last group where it names a province and every other group one of
    that province's kabupaten/kota (as the reference of regions knows them): the
    province's own row, whether or not its numbers add up (BPS estimates often do not)."""
    if any(g.region is None or g.sector is not None for g in groups):  # regions alone
        return None
    from ..regions import province_code, regencies_of, region_key  # (loaded only for a table of regions)

    found = []
    for end in {0, len(groups) - 1}:
        code = province_code(groups[end].region or "")
        children = regencies_of(code) if code is not None else frozenset()
        if children and all(region_key(g.region or "") in children for i, g in enumerate(groups) if i != end):
            found.append(end)
    return found[0] if len(found) == 1 else None


def _regency_rows(groups: Sequence[Group]) -> list[tuple[int, str]]:
    """The rows of kabupaten/kota written with the word that says so (``Kab. OKU``,
    ``Kota Palembang``) each over, or each under, a block of rows that are all its
    own kecamatan: its subtotals, whether or not they add up. [] unless every row is
    one or the other, in one such layout."""
    if any(g.region is None or g.sector is not None for g in groups):  # regions alone
        return []
    from ..regions import districts_of, names_a_regency, region_key  # (loaded only for a table of regions)

    if not (names_a_regency(groups[0].region or "") or names_a_regency(groups[-1].region or "")):
        return []  # (a block's kabupaten/kota opens the table, or closes it)
    heads = [at for at, g in enumerate(groups) if names_a_regency(g.region or "")]
    if len(heads) == len(groups):
        return []
    keys = [region_key(g.region or "") for g in groups]
    for kind, blocks in (
        ("regency_total", zip(heads, [*heads[1:], len(groups)])),  # each over its kecamatan
        ("regency_total_after", zip(heads, [-1, *heads[:-1]])),  # each under them
    ):
        found = []
        for head, other in blocks:
            span = range(head + 1, other) if kind == "regency_total" else range(other + 1, head)
            kecamatan = districts_of(groups[head].region or "")
            if not span or not all(keys[at] in kecamatan for at in span):
                break
            found.append(head)
        else:
            covered = heads[0] == 0 if kind == "regency_total" else heads[-1] == len(groups) - 1
            if covered:
                return [(at, kind) for at in found]
    return []


def _region_total(groups: Sequence[Group]) -> list[tuple[int, str]]:
    """The groups of the first or last region when each is exactly the sum of its
    sector in every other region (a province's row for each sector, under or over
    its kabupaten), with at least two other regions with a potential; [] when
    neither end is, or both are."""
    if groups[0].region is None or groups[0].sector is None:  # (a file's groups all have the same labels)
        return []
    regions: dict[str | None, list[int]] = {}
    for at, group in enumerate(groups):
        regions.setdefault(group.region, []).append(at)
    if len(regions) < 3:
        return []
    found = []
    for end in {next(iter(regions)), next(reversed(regions))}:
        sums: dict[str | None, tuple[int, int]] = {}
        with_potential = set()
        for group in groups:
            if group.region != end:
                enrolled, potential = sums.get(group.sector, (0, 0))
                sums[group.sector] = (enrolled + group.enrolled, potential + group.potential)
                if group.potential:
                    with_potential.add(group.region)
        block = regions[end]
        if (
            len(with_potential) >= 2
            and len(block) == len(sums)
            and all(sums.get(groups[at].sector) == (groups[at].enrolled, groups[at].potential) for at in block)
        ):
            found.append(block)
    return [(at, "region_total") for at in found[0]] if len(found) == 1 else []


def _in_blocks(groups: Sequence[Group], heads: list[int], others: int = 0) -> bool:
    """True when heads head two blocks or more, with more groups under them than heads
    (``others``: groups with a potential over the blocks)."""
    return len(heads) >= 2 and _with_potential(groups) - others - len(heads) >= len(heads) + 1


def _implied_by_year(groups: Sequence[Group]) -> list[tuple[int, str]]:
    """implied_totals of each year's groups (in their order), when every year agrees."""
    years: dict[int | None, list[int]] = {}
    for at, group in enumerate(groups):
        years.setdefault(group.year, []).append(at)
    found = []
    for places in years.values():
        totals = _implied([groups[at] for at in places])
        if not totals:
            return []
        found.append(
            ({(groups[places[i]].label, kind) for i, kind in totals}, [(places[i], kind) for i, kind in totals])
        )
    if any(labels != found[0][0] for labels, _ in found):
        return []
    return sorted(total for _, totals in found for total in totals)


_YEAR, _ENROLLED, _POTENTIAL = attrgetter("year"), attrgetter("enrolled"), attrgetter("potential")


def _with_potential(groups: Sequence[Group]) -> int:
    return len(groups) - list(map(_POTENTIAL, groups)).count(0)


def _heads(groups: Sequence[Group], start: int = 0, stop: int | None = None) -> list[int]:
    """The first group of each block of groups[start:stop] when every block's first
    group is exactly the sum of the rest of it (groups of zeros closing a block
    aside); [] when they are not."""
    heads = []
    at, stop = start, len(groups) if stop is None else stop
    while at < stop:
        want_enrolled, want_potential = groups[at].enrolled, groups[at].potential
        enrolled = potential = 0
        end = at + 1
        while end < stop and (enrolled < want_enrolled or potential < want_potential):
            enrolled += groups[end].enrolled
            potential += groups[end].potential
            end += 1
        if end == at + 1 or (enrolled, potential) != (want_enrolled, want_potential):
            return []
        while end < stop and groups[end].enrolled == groups[end].potential == 0:
            end += 1
        heads.append(at)
        at = end
    return heads
