"""Which column holds which field: header aliases, --col, and the label columns to group by."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..errors import InputError, OptionError
from ..groups import GROUPINGS, LABEL_FIELDS

ALIASES = {
    "sector": ("sector", "sektor", "name"),
    "region": (
        "region",
        "wilayah",
        "province",
        "provinsi",
        "district",
        "kabupaten",
        "kota",
        "kabupaten/kota",
        "kab/kota",
        "kecamatan",
        "desa",
        "kelurahan",
    ),
    # "Jumlah Peserta" (number of participants) heads the counts of many Indonesian tables
    "enrolled": ("enrolled", "peserta", "participants", "members", "covered", "jumlah peserta"),
    "potential": ("potential", "potensi", "eligible", "population", "universe", "jumlah potensi", "potensi peserta"),
    "reported": ("reported", "persen", "persentase", "percent", "percentage", "reported_pct"),
    "label": ("label",),
    "year": ("year", "tahun", "period", "periode"),
}
FIELDS = tuple(ALIASES)


def normalize_header(text: str) -> str:
    """Headers match case-, space-, underscore- and hyphen-insensitively.

    (str.split() splits on exactly the characters str.isspace() calls space; all in
    C: every new group's labels pass through here, to tell a total row.)"""
    return "".join(text.casefold().split()).replace("_", "").replace("-", "")


# Each field's aliases as normalize_header writes them ("reported_pct" is "reportedpct").
ALIAS_KEYS = {field: [normalize_header(alias) for alias in aliases] for field, aliases in ALIASES.items()}


def parse_column_map(specs: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """--col FIELD=HEADER values as (field, header) pairs; OptionError for a bad one."""
    pairs = []
    for spec in specs:
        field, sep, header = spec.partition("=")
        field = field.strip().casefold()
        if not sep or not header.strip():
            raise OptionError(f"expected FIELD=HEADER, got {spec!r}", "--col")
        if field not in FIELDS:
            raise OptionError(f"unknown field {field!r}; choose {', '.join(FIELDS)}", "--col")
        pairs.append((field, header.strip()))
    return tuple(pairs)


def missing_field(field: str) -> str:
    """What to say when no column holds field."""
    return f"no {field} column (looked for {', '.join(ALIASES[field])})"


class Columns:
    """Which position of a header row holds each field."""

    def __init__(self, headers: Sequence[str], mapping: Sequence[tuple[str, str]], name: str) -> None:
        self.headers = list(headers)
        self.name = name
        self.where: dict[str, int] = {}
        normalized = [normalize_header(h) for h in headers]
        mapped = {}
        for field, header in mapping:
            wanted = normalize_header(header)
            if wanted not in normalized:
                raise InputError(f"--col {field}={header}: no such column (columns: {', '.join(headers)})", name)
            same = [i for i, h in enumerate(normalized) if h == wanted]
            if len(same) > 1:
                raise InputError(f"--col {field}={header}: {_headed_alike(headers, same, field)}", name)
            mapped[field] = same[0]
        for field, aliases in ALIAS_KEYS.items():
            if field in mapped:
                self.where[field] = mapped[field]
                continue
            found = [i for i, h in enumerate(normalized) if h in aliases and i not in mapped.values()]
            if len(found) > 1:
                if len({normalized[i] for i in found}) == 1:  # "Peserta" twice: --col cannot tell them apart
                    raise InputError(_headed_alike(headers, found, field), name)
                both = " and ".join(repr(headers[i]) for i in found)
                raise InputError(f"columns {both} both hold the {field}; pick one with --col {field}=HEADER", name)
            if found:
                self.where[field] = found[0]

    def ignored(self) -> list[str]:
        """The headers that no field reads (blank headers aside)."""
        used = set(self.where.values())
        return [h.strip() for i, h in enumerate(self.headers) if i not in used and h.strip()]

    def require(self, fields: Iterable[str]) -> None:
        """InputError naming the first field no column holds."""
        for field in fields:
            if field not in self.where:
                raise InputError(
                    f"{missing_field(field)}; found {', '.join(self.headers) or 'none'}; "
                    f"name it with --col {field}=HEADER",
                    self.name,
                )

    def grouping(self, group_by: str | None) -> tuple[str, ...]:
        """The label fields rows are summed by: --group-by's, else every label column
        present; none at all only with a year column (one unnamed group over the years)."""
        if group_by is not None:
            self.require(GROUPINGS[group_by])
        fields = label_grouping(self.where, group_by)
        if not fields and "year" not in self.where:
            looked = ", ".join(ALIASES["sector"] + ALIASES["region"])
            raise InputError(
                f"no sector or region column (looked for {looked}); name one with --col sector=HEADER", self.name
            )
        return fields

    def label_columns(self, grouping: Sequence[str]) -> tuple[list[int], int | None]:
        """Every label column's position, and the one ``grouping`` leaves out (None when
        it leaves none out). A row's labels in all of them tell a total or a blank to
        fill down, whatever --group-by sums by."""
        every = [self.where[f] for f in LABEL_FIELDS if f in self.where]
        left_out = [i for i in every if i not in {self.where[f] for f in grouping}]
        return every, (left_out[0] if left_out else None)


def _headed_alike(headers: Sequence[str], columns: Sequence[int], field: str) -> str:
    """What to say of columns with the same header (a header of two years, "Peserta" twice)."""
    where = " and ".join(str(i + 1) for i in columns)
    return (
        f"columns {where} are all headed {headers[columns[0]].strip()!r}, so which one holds the {field} is not "
        'said; give them headers of their own ("Peserta 2023", "Peserta 2024")'
    )


def label_grouping(present: Iterable[str], group_by: str | None) -> tuple[str, ...]:
    """The label fields to sum by: --group-by's, else those present (maybe none)."""
    if group_by is not None:
        return GROUPINGS[group_by]
    present = set(present)
    return tuple(f for f in LABEL_FIELDS if f in present)
