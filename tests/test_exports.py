"""Real exports: titles above the header, the export's own totals, labels filled
down, footnotes, Excel's text files, and spreadsheets."""

import io
import json
import re
import zipfile

import pytest

from conftest import run, run_process

openpyxl = pytest.importorskip("openpyxl")


def totals(result):
    return result.json()["total"]


def picked(result, *keys):
    """These keys of each group of a JSON report: a tuple a group, or the value for one key."""
    groups = result.json()["groups"]
    return [g[keys[0]] if len(keys) == 1 else tuple(g[k] for k in keys) for g in groups]


# ------------------------------------------------------------------ total rows


def test_a_jumlah_row_is_the_export_s_total_not_one_more_sector():
    rows = "Sektor;Peserta;Potensi\nPetani;100;1.000\nNelayan;50;500\nJumlah;150;1.500\n"
    result = run("report", "--locale", "id", "-f", "json", input=rows)
    assert result.exit_code == 0
    assert picked(result, "sector") == ["Petani", "Nelayan"]
    assert (totals(result)["enrolled"], totals(result)["potential"]) == (150, 1500)
    assert "baris 4: total dari ekspor itu sendiri" in result.stderr
    assert "warning" not in result.stderr


@pytest.mark.parametrize("word", ["Total", "JUMLAH", "Jumlah Total", "grand total", "Total keseluruhan", "Semua"])
def test_every_total_word_is_recognised(word):
    result = run("report", "-f", "json", input=f"sector,enrolled,potential\nA,1,10\nB,2,20\n{word},3,30\n")
    assert picked(result, "sector") == ["A", "B"]


WRITTEN_TOTALS = [
    "Total*)", "Jumlah:", "TOTAL.", "Grand Total:", "Grand Total\u00b9", "Jml", "Jml.", "Semua Sektor",
    "All sectors", "Jumlah Sektor", "Total Provinsi", "Sub total", "Seluruh Kabupaten/Kota",
]  # fmt: skip


@pytest.mark.parametrize("word", WRITTEN_TOTALS)
def test_a_total_as_exports_really_write_it_is_not_summed(word):
    """16 of 160 in two sectors and their total: never 32 of 321."""
    rows = f"sektor,peserta,potensi\nPetani,10,100\nNelayan,6,60\n{word},16,161\n"
    result = run("report", "-f", "json", input=rows)
    assert result.exit_code == 0, result
    assert picked(result, "sector") == ["Petani", "Nelayan"]
    assert (totals(result)["enrolled"], totals(result)["potential"]) == (16, 160)
    assert "the total row" in result.stderr and "says 16 of 161" in result.stderr  # checked, and off by one
    strict = run("report", "-f", "json", "--strict", input=rows)
    assert strict.exit_code == 2 and strict.stdout == ""


@pytest.mark.parametrize("name", ["Pedagang Semua Jenis", "Semua Jenis Usaha", "Petani Jumlahan", "Allium Growers"])
def test_a_sector_that_merely_contains_a_total_word_stays_a_sector(name):
    rows = f"sektor,peserta,potensi\nPetani,10,100\n{name},6,60\n"
    result = run("report", "-f", "json", input=rows)
    assert picked(result, "sector") == ["Petani", name]
    assert totals(result)["enrolled"] == 16


def test_a_total_row_that_does_not_add_up_is_a_warning_giving_both_and_an_error_under_strict():
    rows = "sector,enrolled,potential\nA,1,10\nB,2,20\nJumlah,4,30\n"
    result = run("report", "-f", "json", input=rows)
    assert result.exit_code == 0
    message = "<stdin>:4: the total row (Jumlah) says 4 of 30, but the rows above it add up to 3 of 30"
    assert message in result.stderr
    assert any(message in warning for warning in result.json()["warnings"])
    strict = run("report", "--strict", "-f", "json", input=rows)
    assert strict.exit_code == 2 and strict.stdout == ""
    assert message in strict.stderr


def test_subtotals_per_region_and_a_grand_total_all_add_up():
    rows = (
        "wilayah,sektor,peserta,potensi\n"
        "Sumsel,Petani,100,1000\n,Nelayan,50,500\nSumsel,Jumlah,150,1500\n"
        "Jambi,Petani,10,100\n,Nelayan,5,50\n,Jumlah,15,150\n"
        "Jumlah,,165,1650\n"
    )
    result = run("report", "-f", "json", input=rows)
    assert result.exit_code == 0, result
    groups = picked(result, "region", "sector", "enrolled")
    assert groups == [
        ("Sumsel", "Petani", 100),
        ("Sumsel", "Nelayan", 50),
        ("Jambi", "Petani", 10),
        ("Jambi", "Nelayan", 5),
    ]
    assert totals(result)["enrolled"] == 165
    assert "warning" not in result.stderr


def test_subtotals_as_a_pivot_table_names_them_are_totals_not_groups():
    """Excel's pivot tables (tabular form) write "Sumsel Total" under each region and
    "Grand Total" last; people write "Total Sumsel" or "Jumlah Jambi". Each was one more
    group, so the report's total counted every row twice."""
    rows = (
        "provinsi,sektor,peserta,potensi\n"
        "Sumsel,Petani,100,1000\n,Nelayan,50,500\nSumsel Total,,150,1500\n"
        "Jambi,Petani,1,10\nJUMLAH Jambi,,1,10\n"
        "Grand Total,,151,1510\n"
    )
    result = run("report", "-f", "json", input=rows)
    assert result.exit_code == 0, result
    groups = picked(result, "region", "sector", "enrolled")
    assert groups == [("Sumsel", "Petani", 100), ("Sumsel", "Nelayan", 50), ("Jambi", "Petani", 1)]
    assert totals(result)["enrolled"] == 151 and result.json()["warnings"] == []
    assert "lines 4, 6 and 7: the export's own total" in result.stderr
    one_column = run("report", "-f", "json", input="sektor,peserta,potensi\nA,1,10\nTotal A,1,10\nTotalitas,2,20\n")
    assert picked(one_column, "sector") == ["A", "Totalitas"]


def test_a_total_in_json_is_not_summed_either():
    data = '[{"sector": "A", "enrolled": 1, "potential": 10}, {"sector": "Total", "enrolled": 1, "potential": 10}]'
    result = run("report", "-f", "json", input=data)
    assert picked(result, "sector") == ["A"]


def test_json_labels_of_one_column_stay_names():
    data = '[{"sector": "a", "enrolled": 1, "potential": 2}, {"sector": " a ", "enrolled": 1, "potential": 2}]'
    assert [g["sector"] for g in run("report", "-f", "json", input=data).json()["groups"]] == ["a"]


def test_a_total_row_above_every_data_row_is_checked_against_the_rows_below_it(tmp_path):
    # BPS puts the total first as often as last: it was compared with the rows above it
    # (none), and warned "the rows above it add up to 0 of 0" (an error under --strict)
    rows = "Sektor;Peserta;Potensi\nJumlah;150;1.500\nPetani;100;1.000\nNelayan;50;500\n"
    agreed = run("report", "--locale", "id", "--strict", "-f", "json", input=rows)
    assert agreed.exit_code == 0 and agreed.json()["warnings"] == []
    assert (totals(agreed)["enrolled"], totals(agreed)["potential"]) == (150, 1500)
    as_json = json.dumps(
        [
            dict(zip(("sektor", "peserta", "potensi"), r))
            for r in [("Jumlah", 150, 1500), ("Petani", 100, 1000), ("Nelayan", 50, 500)]
        ]
    )
    assert run("report", "--strict", "-f", "json", input=as_json).json()["warnings"] == []
    book_of(
        [["Sektor", "Peserta", "Potensi"], ["Jumlah", 150, 1500], ["Petani", 100, 1000], ["Nelayan", 50, 500]]
    ).save(tmp_path / "top.xlsx")
    assert run("report", str(tmp_path / "top.xlsx"), "--strict", "-f", "json").json()["warnings"] == []
    differs = run("report", "--locale", "id", "-f", "json", input=rows.replace("Nelayan;50", "Nelayan;40"))
    assert differs.json()["warnings"] == [
        "<stdin>:2: the total row (Jumlah) says 150 of 1,500, but the rows below it add up to 140 of 1,500; "
        "the groups are reported from the rows"
    ]
    said = run("report", "--locale", "id", input=rows.replace("Nelayan;50", "Nelayan;40")).stderr
    assert "baris di bawahnya berjumlah 140 dari 1.500" in said


def test_a_total_below_rows_of_zeros_totals_them_not_the_rows_below_it():
    rows = "wilayah,sektor,peserta,potensi\nJambi,Petani,0,0\nJambi,Jumlah,0,0\n,Petani,0,1\nRiau,Petani,3,9\n"
    result = run("report", "--strict", "-f", "json", input=rows)
    assert result.exit_code == 0 and result.json()["warnings"] == []


def test_a_total_of_one_label_above_its_rows_is_checked_against_that_label():
    rows = "Wilayah,Sektor,Peserta,Potensi\nJumlah,Petani,30,300\nA,Petani,10,100\nA,Nelayan,5,50\nB,Petani,20,200\n"
    result = run("report", "--strict", "-f", "json", input=rows)
    assert result.exit_code == 0 and result.json()["warnings"] == []
    assert len(result.json()["groups"]) == 3


# A BPS table of kabupaten with the province's own row, its total, last (or first):
# before this version the province was one more group and the total doubled.
BPS = (
    "Kabupaten/Kota;Peserta;Potensi\n"
    "Ogan Komering Ulu;1.204;38.500\nMuara Enim;2.310;41.200\nPalembang;12.400;150.300\n"
)
PROVINCE = "Sumatera Selatan;15.914;230.000\n"


@pytest.mark.parametrize("where", ["last", "first"])
def test_a_row_that_is_exactly_the_sum_of_every_other_is_the_export_s_total(where):
    header, *rows = BPS.splitlines(keepends=True)
    table = header + ("".join(rows) + PROVINCE if where == "last" else PROVINCE + "".join(rows))
    result = run("report", "--locale", "id", "-f", "json", input=table)
    assert result.exit_code == 0
    assert picked(result, "region") == ["Ogan Komering Ulu", "Muara Enim", "Palembang"]
    assert (totals(result)["enrolled"], totals(result)["potential"]) == (15914, 230000)
    line = 5 if where == "last" else 2
    warning = (
        f"<stdin>:{line}: 'Sumatera Selatan' (15,914 of 230,000) is exactly the sum of every other group, as an "
        "export's own total row is: it is read as that total and not summed (label it Jumlah or Total to say so)"
    )
    assert result.json()["warnings"] == [warning]
    said = run("report", "--locale", "id", input=table).stderr
    assert f"<stdin>:{line}: 'Sumatera Selatan' (15.914 dari 230.000) tepat sama dengan jumlah" in said
    strict = run("report", "--locale", "id", "--strict", input=table)
    assert strict.exit_code == 2 and strict.stdout == ""


def test_a_row_summing_the_others_is_read_so_in_a_workbook_and_in_a_big_file(tmp_path):
    rows = [line.split(";") for line in (BPS + PROVINCE).splitlines()]
    rows = [rows[0], *([name, int(e.replace(".", "")), int(p.replace(".", ""))] for name, e, p in rows[1:])]
    book_of(rows).save(tmp_path / "kab.xlsx")
    sheet = run("report", str(tmp_path / "kab.xlsx"), "-f", "json")
    assert totals(sheet)["enrolled"] == 15914 and "kab.xlsx:Rekap!5: 'Sumatera Selatan'" in sheet.json()["warnings"][0]
    big = tmp_path / "villages.csv"
    with big.open("w") as out:
        out.write("desa,peserta,potensi\n")
        for i in range(60_000):
            out.write(f"Desa {i:05d},{i % 7},{10 + i % 13}\n")
        out.write(f"Sumatera Selatan,{sum(i % 7 for i in range(60_000))},{sum(10 + i % 13 for i in range(60_000))}\n")
    one = run("report", str(big), "-f", "json")
    assert one.json()["total"]["enrolled"] == sum(i % 7 for i in range(60_000)) and len(one.json()["groups"]) == 60_000


@pytest.mark.parametrize("where", ["first", "last"])
def test_a_province_over_its_kabupaten_over_their_kecamatan_is_one_total_and_subtotals(where):
    blocks = (
        "Kab. OKU;300;3.000\nKec. A;100;1.000\nKec. B;200;2.000\nKab. Muara Enim;50;500\nKec. C;20;200\nKec. D;30;300\n"
    )
    province = "Sumatera Selatan;350;3.500\n"
    rows = "Wilayah;Peserta;Potensi\n" + (province + blocks if where == "first" else blocks + province)
    result = run("report", "--locale", "id", "-f", "json", input=rows)
    assert picked(result, "region") == ["Kec. A", "Kec. B", "Kec. C", "Kec. D"]
    assert (totals(result)["enrolled"], totals(result)["potential"]) == (350, 3500)
    line = 2 if where == "first" else 8
    assert (
        f"<stdin>:{line}: 'Sumatera Selatan' (350 of 3,500) is exactly the sum of the subtotals, as an export's own "
        "total row is: it is read as that total and not summed"
    ) in result.json()["warnings"]
    assert sum("read as a subtotal" in w for w in result.json()["warnings"]) == 2


REGIONS = "OKU;Petani;100;1.000\nOKU;Nelayan;10;100\nMuara Enim;Petani;50;500\nMuara Enim;Nelayan;5;50\n"
PROVINCE_BY_SECTOR = "Sumatera Selatan;Petani;150;1.500\nSumatera Selatan;Nelayan;15;150\n"


@pytest.mark.parametrize("where", ["last", "first"])
def test_a_province_s_row_for_each_sector_is_its_total_in_a_table_of_regions_and_sectors(where):
    header = "Wilayah;Sektor;Peserta;Potensi\n"
    rows = header + (REGIONS + PROVINCE_BY_SECTOR if where == "last" else PROVINCE_BY_SECTOR + REGIONS)
    result = run("report", "--locale", "id", "-f", "json", input=rows)
    assert [r for r in picked(result, "region")] == ["OKU", "OKU", "Muara Enim", "Muara Enim"]
    assert (totals(result)["enrolled"], totals(result)["potential"]) == (165, 1650)
    said = [w for w in result.json()["warnings"] if "sum of its sector in every other region" in w]
    assert len(said) == 2 and "'Sumatera Selatan / Petani' (150 of 1,500)" in said[0]
    one_off = rows.replace("Sumatera Selatan;Nelayan;15;150", "Sumatera Selatan;Nelayan;16;150")  # not every sector
    assert "Sumatera Selatan" in picked(run("report", "--locale", "id", "-f", "json", input=one_off), "region")


PANEL = (
    "Kabupaten;Tahun;Peserta;Potensi\nOKU;2023;100;1.000\nOKU;2024;120;1.000\nMuara Enim;2023;50;500\n"
    "Muara Enim;2024;60;500\nLahat;2023;5;50\nLahat;2024;5;50\n"
    "Sumatera Selatan;2023;155;1.550\nSumatera Selatan;2024;185;1.550\n"
)


def test_a_panel_s_province_row_is_its_total_year_by_year():
    result = run("report", "--locale", "id", "-f", "json", input=PANEL)
    assert picked(result, "region", "enrolled", "enrolled_change") == [
        ("OKU", 120, 20),
        ("Muara Enim", 60, 10),
        ("Lahat", 5, 0),
    ]
    assert (totals(result)["enrolled"], totals(result)["potential"]) == (185, 1550)
    assert [w.split(":")[1] for w in result.json()["warnings"]] == ["8", "9"]
    revised = PANEL.replace("Sumatera Selatan;2023;155", "Sumatera Selatan;2023;154")  # one year does not add up
    kept = run("report", "--locale", "id", "-f", "json", "--year", "2024", input=revised)
    assert "Sumatera Selatan" in picked(kept, "region") and kept.json()["warnings"] == []


def test_rows_heading_blocks_they_are_the_sum_of_are_subtotals_not_groups():
    # a kabupaten over its kecamatan, block after block, without a total word
    rows = (
        "Wilayah;Peserta;Potensi\nKab. OKU;300;3.000\nKec. A;100;1.000\nKec. B;200;2.000\n"
        "Kab. Muara Enim;50;500\nKec. C;20;200\nKec. D;30;300\nKec. E;0;0\n"
    )
    result = run("report", "--locale", "id", "-f", "json", input=rows)
    assert picked(result, "region") == ["Kec. A", "Kec. B", "Kec. C", "Kec. D", "Kec. E"]
    assert (totals(result)["enrolled"], totals(result)["potential"]) == (350, 3500)
    said = [w for w in result.json()["warnings"] if "subtotal" in w]
    assert said == [
        f"<stdin>:{line}: '{name}' ({counts}) is exactly the sum of the groups below it, up to the next such row, "
        "as the first row of every block of this table is: it is read as a subtotal and not summed"
        for line, name, counts in ((2, "Kab. OKU", "300 of 3,000"), (5, "Kab. Muara Enim", "50 of 500"))
    ]
    assert "dibaca sebagai subtotal" in run("report", "--locale", "id", input=rows).stderr
    assert run("report", "--locale", "id", "--strict", input=rows).exit_code == 2
    many = "Wilayah;Peserta;Potensi\n" + "".join(f"Kab {i};3;30\nKec {i}a;1;10\nKec {i}b;2;20\n" for i in range(8))
    listed = [w for w in run("report", "-f", "json", input=many).json()["warnings"] if "subtotal" in w]
    assert len(listed) == 5 and listed[-1].endswith("(and 3 more like it)")


@pytest.mark.parametrize(
    "table",
    [
        BPS + "Jumlah;15.914;230.000\n" + PROVINCE,  # the export names its total: the province is a group
        "Kabupaten/Kota;Peserta;Potensi\nA;0;0\nB;5;50\nS;5;50\n",  # one other group with counts: a duplicate?
        "Kabupaten/Kota;Peserta;Potensi\nA;1;2\nB;1;2\nC;1;2\nD;1;2\n",  # blocks of one row each: duplicates?
        "Kabupaten/Kota;Peserta;Potensi\nA;3;30\nB;1;10\nC;2;20\nD;5;50\nE;4;40\nF;9;90\n",  # D is no block's sum
        "Kabupaten/Kota;Peserta;Potensi\nA;1;2\nC;2;4\nB;1;2\n",  # the sum in the middle: not where totals go
    ],
    ids=["a Jumlah row too", "one other group", "one-row blocks", "not every block", "in the middle"],
)
def test_a_group_equal_to_the_others_is_kept_where_it_need_not_be_a_total(table):
    result = run("report", "--locale", "id", "-f", "json", input=table)
    assert result.exit_code == 0
    assert not [w for w in result.json()["warnings"] if "exactly the sum" in w]
    groups = picked(result, "enrolled")
    assert sum(groups) == result.json()["total"]["enrolled"] and len(groups) == table.count("\n") - 1 - table.count(
        "Jumlah"
    )


# ------------------------------------------------------------------ filled-down labels


PIVOT = "provinsi,sektor,peserta,potensi\nSumsel,Petani,100,1000\n,Nelayan,50,500\nJambi,Petani,10,100\n,Nelayan,5,50\n"


def test_blank_labels_of_a_pivot_export_are_filled_down_and_said():
    result = run("report", "-f", "json", input=PIVOT)
    groups = picked(result, "region", "sector")
    assert groups == [("Sumsel", "Petani"), ("Sumsel", "Nelayan"), ("Jambi", "Petani"), ("Jambi", "Nelayan")]
    assert "filled blank labels down from the row above in 2 rows (lines 3 and 5)" in result.stderr


def test_a_blank_label_in_the_first_data_row_is_an_error_naming_the_cell():
    result = run("report", input="provinsi,sektor,peserta,potensi\n,Petani,100,1000\n")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("enrollgap: error: <stdin>:2:1: a blank label in the first data row")


def said_as_a_warning(rows, warning, indonesian):
    """The warning in JSON and on stderr; --strict makes it the error, with nothing on
    stdout; in Indonesian too."""
    result = run("report", "-f", "json", input=rows)
    assert result.json()["warnings"] == [warning]
    assert f"warning: {warning}" in result.stderr
    strict = run("report", "--strict", input=rows)
    assert strict.exit_code == 2 and strict.stdout == ""
    assert strict.stderr == f"enrollgap: error: {warning} (--strict)\n"
    assert indonesian in run("report", "--locale", "id", input=rows).stderr


@pytest.mark.parametrize("subtotal", ["Sumsel,,150,1500", ",,150,1500"])
def test_a_blank_second_label_is_filled_down_with_a_warning_that_it_may_be_a_subtotal(subtotal):
    """A pivot leaves its first label column blank; a row whose second one is blank is
    most often a subtotal. Filled down as for any blank label, it would be summed
    twice: the warning says so, and --strict refuses it."""
    rows = f"provinsi,sektor,peserta,potensi\nSumsel,Petani,100,1000\n,Nelayan,50,500\n{subtotal}\nJambi,Petani,1,10\n"
    result = run("report", "-f", "json", input=rows)
    assert result.exit_code == 0, result
    assert picked(result, "region", "sector", "enrolled") == [
        ("Sumsel", "Petani", 100),
        ("Sumsel", "Nelayan", 200),
        ("Jambi", "Petani", 1),
    ]
    warning = (
        "<stdin>:4:2: the blank 'sektor' took the label of the row above, so the row is summed into "
        "Sumsel / Nelayan; a pivot export leaves only its first label column blank: if the row is a subtotal, "
        "label it Jumlah or Total, or it is counted twice"
    )
    said_as_a_warning(rows, warning, "<stdin>:4:2: 'sektor' yang kosong mengambil label baris di atasnya")


@pytest.mark.parametrize(
    "rows",
    [
        "No,Kecamatan,Peserta,Potensi\n1,Ilir Barat,100,1000\n2,Ilir Timur,50,500\nJumlah,,150,1500\n",
        "No;Kecamatan;Sektor;Peserta;Potensi\n1;Ilir Barat;Petani;100;1000\n2;;Nelayan;50;500\nJUMLAH;;;150;1500\n",
    ],
    ids=["one label column", "two, filled down"],
)
def test_a_total_written_in_a_column_no_field_reads_is_still_the_export_s_total(rows):
    """Indonesian tables number their rows ("No") and write JUMLAH in that column,
    merged over the labels: the labels are blank, the row is a total, not a group
    without a name (one label column) or one more row of the label above (two)."""
    result = run("report", "-f", "json", input=rows)
    assert result.exit_code == 0, result
    assert (totals(result)["enrolled"], totals(result)["potential"]) == (150, 1500)
    assert len(result.json()["groups"]) == 2 and result.json()["warnings"] == []
    assert "line 4: the export's own total, not a group" in result.stderr


def test_a_row_without_its_only_label_is_summed_with_a_warning_that_it_may_be_a_total():
    """In a table of one label column there is nothing to fill a blank label from: the
    row is a group without a name, as before, but said, since a total row without its
    word would double every count; --strict refuses it."""
    rows = "Kecamatan;Peserta;Potensi\nIlir Barat;100;1000\n;50;500\n"
    result = run("report", "-f", "json", input=rows)
    assert result.exit_code == 0, result
    assert picked(result, "region", "enrolled") == [("Ilir Barat", 100), ("", 50)]
    warning = (
        "<stdin>:3:1: the blank 'Kecamatan' leaves the row without a name; it is summed as a group of its own, "
        "shown without a label: if it is a total, label it Jumlah or Total, or it is counted twice"
    )
    said_as_a_warning(rows, warning, "<stdin>:3:1: 'Kecamatan' yang kosong membuat baris ini tanpa nama")


def test_a_json_row_without_any_label_is_summed_with_the_same_warning():
    rows = (
        '{"sektor": "A", "peserta": 1, "potensi": 10}\n'
        '{"sektor": null, "peserta": 2, "potensi": 10}\n'
        '{"peserta": 3, "potensi": 10}\n'
    )
    result = run("report", "-f", "json", input=rows)
    assert result.exit_code == 0, result
    assert sum(g["enrolled"] for g in result.json()["groups"]) == 6  # named or not, every row is summed, as before
    assert [w.split(" leaves")[0] for w in result.json()["warnings"]] == [
        "<stdin>:2: the blank 'sector'",
        "<stdin>:3: the blank 'sector'",
    ]
    strict = run("report", "--strict", input=rows)
    assert strict.exit_code == 2 and strict.stdout == "" and "<stdin>:2: the blank 'sector'" in strict.stderr


def test_each_row_without_a_label_is_looked_at_not_only_the_first():
    """The read loop sums a row into a group seen before without a look at it: the
    group without a name must not be one, or the JUMLAH after it is summed into it."""
    rows = "No,Kecamatan,Peserta,Potensi\n1,Ilir Barat,100,1000\n2,,50,500\nJUMLAH,,150,1500\n"
    result = run("report", "-f", "json", input=rows)
    assert picked(result, "region", "enrolled") == [("Ilir Barat", 100), ("", 50)]
    assert (totals(result)["enrolled"], totals(result)["potential"]) == (150, 1500)
    assert len(result.json()["warnings"]) == 1 and "line 4: the export's own total" in result.stderr


def test_many_rows_of_one_kind_are_listed_a_few_and_counted_the_rest():
    """A file of 200,000 rows without a name, or filled down, must not print 200,000
    warnings or keep 200,000 line numbers: five warnings are listed, the last saying
    how many more there are, and each note names three lines and counts the rest."""
    blank = "sektor,peserta,potensi\nA,1,10\n" + ",1,10\n" * 200_000
    result = run("report", "-f", "json", input=blank)
    assert result.exit_code == 0, result
    warnings = result.json()["warnings"]
    assert len(warnings) == 5 and warnings[0].startswith("<stdin>:3:1: the blank 'sektor' leaves the row")
    assert warnings[-1].startswith("<stdin>:7:1: the blank") and warnings[-1].endswith(" (and 199,995 more like it)")
    assert result.stderr.count("\n") == 5
    indonesian = run("report", "--locale", "id", input=blank)
    assert "(dan 199.995 lagi seperti ini)" in indonesian.stderr
    pivot = "provinsi,sektor,peserta,potensi\nSumsel,Petani,1,10\n" + ",Petani,1,10\n" * 200_000
    filled = run("report", "-f", "json", input=pivot)
    assert filled.exit_code == 0 and filled.json()["total"]["enrolled"] == 200_001
    assert "filled blank labels down from the row above in 200,000 rows (lines 3, 4, 5 and 199,997 more)" in (
        filled.stderr
    )


def test_a_total_in_the_numbering_column_of_a_workbook_and_a_row_without_a_label(tmp_path):
    book = book_of(
        [["No", "Kecamatan", "Peserta", "Potensi"], [1, "Ilir Barat", 100, 1000], [2, None, 50, 500],
         ["JUMLAH", None, 150, 1500]]
    )  # fmt: skip
    book.save(tmp_path / "kec.xlsx")
    result = run("report", str(tmp_path / "kec.xlsx"), "-f", "json")
    assert result.exit_code == 0, result
    assert picked(result, "region", "enrolled") == [("Ilir Barat", 100), ("", 50)]
    assert (totals(result)["enrolled"], totals(result)["potential"]) == (150, 1500)
    assert result.json()["warnings"] == [
        f"{tmp_path / 'kec.xlsx'}:Rekap!B3: the blank 'Kecamatan' leaves the row without a name; it is summed as "
        "a group of its own, shown without a label: if it is a total, label it Jumlah or Total, or it is counted twice"
    ]


@pytest.mark.parametrize(
    ("rows", "line"),
    [
        ("Kecamatan;Peserta;Potensi\nIlir Barat;100;1000\nIlir Timur;50;500\nRata-rata;75;750\n", 4),
        ("kecamatan,sektor,peserta,potensi\nIlir,Petani,100,1000\n,Nelayan,50,500\n,Rata-rata,75,750\n", 4),
        ("sektor,peserta,potensi\nPetani,100,1000\nAVERAGE,75,750\nNelayan,50,500\nJumlah,150,1500\n", 3),
        (
            '[{"sektor": "Petani", "peserta": 100, "potensi": 1000}, {"sektor": "Nelayan", "peserta": 50, '
            '"potensi": 500}, {"sektor": "Rata-rata Kabupaten", "peserta": 75, "potensi": 750}]',
            1,
        ),
    ],
    ids=["one label column", "two, the second", "above a total", "json"],
)
def test_an_average_row_is_not_a_group_and_not_summed(rows, line):
    """An export's "Rata-rata" (average) row was one more group, summed into the
    total; like a total row it is not data, but it is not a sum either, so it is
    skipped (and said) without being compared with the rows."""
    result = run("report", "-f", "json", input=rows)
    assert result.exit_code == 0, result
    assert picked(result, "enrolled") == [100, 50]
    assert (totals(result)["enrolled"], totals(result)["potential"]) == (150, 1500)
    assert result.json()["warnings"] == []
    assert f"skipped 1 row giving an average or another figure that is not a sum (line {line}: " in result.stderr
    indonesian = run("report", "--locale", "id", input=rows.replace(",", ";") if rows[0] != "[" else rows)
    assert "1 baris berisi rata-rata atau angka lain yang bukan jumlah dilewati" in indonesian.stderr


def test_a_blank_second_label_in_a_workbook_is_named_by_its_cell(tmp_path):
    book = book_of(
        [["Kecamatan", "Sektor", "Peserta", "Potensi"], ["Ilir", "Petani", 10, 100], ["Ilir", None, 10, 100]]
    )
    book.save(tmp_path / "kec.xlsx")
    result = run("report", str(tmp_path / "kec.xlsx"), "-f", "json")
    assert result.exit_code == 0, result
    assert result.json()["warnings"][0].startswith(f"{tmp_path / 'kec.xlsx'}:Rekap!B3: the blank 'Sektor' took")


SUBTOTALLED = [
    ["provinsi", "sektor", "peserta", "potensi"],
    ["Sumsel", "Petani", 100, 1000],
    ["", "Nelayan", 50, 500],
    ["Sumsel Total", "", 150, 1500],
    ["Jambi", "Petani", 1, 10],
    ["Jumlah", "Petani", 101, 1010],  # the province's total per sector, below the regions
    ["Jumlah", "Nelayan", 50, 500],
]


def subtotalled(tmp_path, kind):
    """SUBTOTALLED as a CSV file, a workbook or JSON objects (null for a blank label)."""
    if kind == "csv":
        path = tmp_path / "rekap.csv"
        path.write_text("\n".join(",".join(map(str, row)) for row in SUBTOTALLED) + "\n")
    elif kind == "xlsx":
        path = tmp_path / "rekap.xlsx"
        book = openpyxl.Workbook()
        for row in SUBTOTALLED:
            book.active.append([cell if cell != "" else None for cell in row])
        book.save(path)
    else:
        path = tmp_path / "rekap.json"
        keys = ["region", "sector", "enrolled", "potential"]
        path.write_text(json.dumps([dict(zip(keys, [c if c != "" else None for c in row])) for row in SUBTOTALLED[1:]]))
    return path


@pytest.mark.parametrize("kind", ["csv", "xlsx", "json"])
@pytest.mark.parametrize("group_by", ["sector", "region"])
def test_group_by_one_label_still_tells_totals_and_blanks_by_both(tmp_path, kind, group_by):
    """--group-by sums by one label column, but a total or a blank in the other is a
    total row or a label to fill down all the same: "Jumlah,Petani" was summed into
    Petani, and "Sumsel Total" under --group-by sector into a group of its own."""
    path = subtotalled(tmp_path, kind)
    result = run("report", str(path), "--group-by", group_by, "-f", "json")
    assert result.exit_code == 0, result
    total = result.json()["total"]
    assert (total["enrolled"], total["potential"]) == (151, 1510)
    groups = {(g["sector"] or g["region"]): g["enrolled"] for g in result.json()["groups"]}
    if group_by == "sector":
        assert groups == {"Petani": 101, "Nelayan": 50}
    else:
        assert groups == ({"Sumsel": 150, "Jambi": 1} if kind != "json" else {"Sumsel": 100, None: 50, "Jambi": 1})
    assert f"{path.name}" in result.stderr and "the export's own total" in result.stderr
    # "Jumlah / Petani" is checked against the farmers' rows where they are summed by sector
    warned = [w for w in result.json()["warnings"] if "Jumlah / Petani" in w]
    assert warned == ([] if group_by == "sector" else warned) and (group_by == "sector" or warned)


def test_a_total_row_of_one_label_is_checked_against_that_label_s_rows():
    rows = "provinsi,sektor,peserta,potensi\nSumsel,Petani,100,1000\nJambi,Petani,1,10\nJambi,Nelayan,5,50\n"
    fine = run("report", "-f", "json", input=rows + "Jumlah,Petani,101,1010\nJumlah,Nelayan,5,50\n")
    assert fine.exit_code == 0 and fine.json()["warnings"] == [], fine
    off = run("report", "-f", "json", input=rows + "Jumlah,Petani,102,1010\n")
    assert off.json()["warnings"] == [
        "<stdin>:5: the total row (Jumlah / Petani) says 102 of 1,010, but the rows above it add up to 101 of 1,010; "
        "the groups are reported from the rows"
    ]


def test_label_columns_after_the_counts_are_filled_down_in_a_workbook(tmp_path):
    """A workbook whose label columns come after its counts: each blank label took the
    wrong column's cell, and its Jumlah row was filled down and summed."""
    book = book_of([["peserta", "potensi", "provinsi", "sektor"], [100, 1000, "Sumsel", "Petani"],
                    [50, 500, None, "Nelayan"], [1, 10, "Jambi", "Petani"], [151, 1510, "Jumlah", None]])  # fmt: skip
    book.save(tmp_path / "cols.xlsx")
    result = run("report", str(tmp_path / "cols.xlsx"), "-f", "json")
    assert result.exit_code == 0, result
    assert picked(result, "region", "sector", "enrolled") == [
        ("Sumsel", "Petani", 100),
        ("Sumsel", "Nelayan", 50),
        ("Jambi", "Petani", 1),
    ]
    assert "warning" not in result.stderr


@pytest.mark.parametrize("offset", [0, 2], ids=["at-A1", "at-C3"])
def test_a_label_cell_merged_over_rows_labels_each_of_them(tmp_path, offset):
    """calamine gives a merged cell's text to its first row alone: "Petani" merged over
    two rows made the second an unnamed group, in a table of one label column too."""
    book = openpyxl.Workbook()
    sheet = book.active
    rows = [["sektor", "peserta", "potensi"], ["Petani", 10, 100], [None, 5, 50], ["Nelayan", 1, 10]]
    for r, row in enumerate(rows, start=1 + offset):
        for c, value in enumerate(row, start=1 + offset):
            sheet.cell(r, c, value)
    top = f"{openpyxl.utils.get_column_letter(1 + offset)}{2 + offset}"
    sheet.merge_cells(f"{top}:{top[0]}{3 + offset}")
    book.save(tmp_path / "merged.xlsx")
    result = run("report", str(tmp_path / "merged.xlsx"), "-f", "json")
    assert result.exit_code == 0, result
    assert picked(result, "sector", "enrolled") == [("Petani", 15), ("Nelayan", 1)]
    assert f"filled blank labels down from the row above in 1 row (line {3 + offset})" in result.stderr


def test_one_label_column_is_never_filled_down():
    result = run("report", "-f", "json", input="sector,enrolled,potential\nA,1,10\n,2,20\n")
    assert picked(result, "sector") == ["A", ""]


def test_jumlah_peserta_and_potensi_peserta_headers_name_the_counts():
    rows = "Kecamatan;Jumlah Peserta;Potensi Peserta\nIlir Barat;1.204;38.500\n"
    result = run("report", "--locale", "id", "-f", "json", input=rows)
    assert picked(result, "region", "enrolled", "potential") == [("Ilir Barat", 1204, 38500)]
    both = run("report", input="Kecamatan,Peserta,Jumlah Peserta,Potensi\nA,1,1,2\n")
    assert both.exit_code == 2 and "columns 'Peserta' and 'Jumlah Peserta' both hold the enrolled" in both.stderr


# ------------------------------------------------------------------ titles and footnotes


def test_a_label_column_named_in_the_upper_line_of_a_two_line_header_is_found(tmp_path):
    """ "Kecamatan" merged over both lines of a header, "Jumlah" over the counts' names:
    the label column's name is in the upper line, and its cell in the lower is blank.
    It was an error ("no sector or region column") with advice that could not work."""
    rows = "Kecamatan;Jumlah;\n;Peserta;Potensi\nIlir;1;10\nUlu;2;20\n"
    result = run("report", "-f", "json", input=rows)
    assert result.exit_code == 0, result
    assert picked(result, "region", "enrolled") == [("Ilir", 1), ("Ulu", 2)]
    assert (
        "<stdin>: named column 'Kecamatan' from the line above the header, where the header was blank "
        "(a header of two lines)" in result.stderr
    )
    title = run("report", input="Rekap BPU 2024;;\n;Peserta;Potensi\nIlir;1;10\n")  # a title is not a header
    assert title.exit_code == 2 and "no sector or region column" in title.stderr
    book = book_of([["Kecamatan", "Jumlah", None], [None, "Peserta", "Potensi"], ["Ilir", 1, 10]])
    book.active.merge_cells("A1:A2")
    book.active.merge_cells("B1:C1")
    book.save(tmp_path / "two.xlsx")
    sheet = run("report", str(tmp_path / "two.xlsx"), "-f", "json")
    assert sheet.exit_code == 0, sheet
    assert picked(sheet, "region", "enrolled") == [("Ilir", 1)]


@pytest.mark.parametrize("units", [";(orang);(jiwa)", ";orang;orang", "Satuan;(orang);(Rp)"])
def test_a_line_of_units_under_the_header_is_part_of_it(units):
    """A header of two lines gives the counts' units below their names; it was an error
    ("read '(orang)'"). Only before the first data row, only words without a digit, and
    only where the labels are blank."""
    rows = f"Kecamatan;Peserta;Potensi\n{units}\nIlir;100;1.000\n"
    result = run("report", "--locale", "id", "-f", "json", input=rows)
    if units.startswith("Satuan"):  # a label there: a row of data with words for counts, refused
        assert result.exit_code == 2 and "<stdin>:2:2: Peserta: read '(orang)'" in result.stderr
        return
    assert result.exit_code == 0, result
    assert picked(result, "region", "enrolled") == [("Ilir", 100)]
    assert "1 baris yang mengulang header, menomori kolomnya atau menyebut satuannya dilewati (baris 2)" in (
        result.stderr
    )
    later = run("report", "--locale", "id", input=f"Kecamatan;Peserta;Potensi\nIlir;100;1.000\n{units}\n")
    assert later.exit_code == 2 and "<stdin>:3:2: Peserta: read " in later.stderr  # after data: refused


def test_column_numbers_under_the_header_and_the_header_repeated_are_skipped_and_said(tmp_path):
    """Statistics tables number their columns under the header, "(1) (2) (3) (4)", and
    an export split into pages repeats the header: neither is data, and both were
    errors ("read '(3)'")."""
    header = "Kecamatan;Sektor;Peserta;Potensi\n"
    rows = f"{header}(1);(2);(3);(4)\nIlir;Petani;100;1.000\n{header}Ulu;Petani;10;100\n"
    result = run("report", "--locale", "id", "-f", "json", input=rows)
    assert result.exit_code == 0, result
    assert picked(result, "region", "enrolled") == [("Ilir", 100), ("Ulu", 10)]
    assert (
        "<stdin>: 2 baris yang mengulang header, menomori kolomnya atau menyebut satuannya dilewati (baris 2 dan 4)"
        in result.stderr
    )
    english = run("report", "-f", "json", input=rows.replace("1.000", "1000"))
    assert "skipped 2 rows repeating the header, numbering its columns or naming its units (lines 2 and 4)" in (
        english.stderr
    )
    wrong = run("report", "--locale", "id", input=rows.replace("(3);(4)", "(5);(4)"))  # not its column numbers
    assert wrong.exit_code == 2 and "<stdin>:2:3: Peserta: read '(5)'" in wrong.stderr
    book = book_of(
        [["Kecamatan", "Sektor", "Peserta", "Potensi"], ["(1)", "(2)", "(3)", "(4)"], ["Ilir", "Petani", 100, 1000]]
    )
    book.save(tmp_path / "bps.xlsx")
    sheet = run("report", str(tmp_path / "bps.xlsx"), "-f", "json")
    assert sheet.exit_code == 0 and sheet.json()["total"]["enrolled"] == 100, sheet
    assert "numbering its columns or naming its units (line 2)" in sheet.stderr


def test_titles_above_the_header_and_footnotes_below_are_skipped_and_said():
    rows = (
        "Rekapitulasi Peserta BPU per Kecamatan; Desember 2024\n\n"
        "Kecamatan;Sektor;Peserta;Potensi\nIlir Barat;Petani;100;1.000\n;Nelayan;50;500\n"
        "Sumber: BPJS Ketenagakerjaan\n*) angka sementara\n"
    )
    result = run("report", "--locale", "id", "-f", "json", input=rows)
    assert result.exit_code == 0, result
    assert picked(result, "region", "sector") == [
        ("Ilir Barat", "Petani"),
        ("Ilir Barat", "Nelayan"),
    ]
    assert "1 baris di atas header dilewati (baris 1: 'Rekapitulasi Peserta BPU per Kecamatan')" in result.stderr
    assert "2 baris tanpa angka (misalnya catatan kaki) dilewati (baris 6 dan 7: 'Sumber: BPJS Ketenagakerjaan')" in (
        result.stderr
    )


def test_without_a_header_the_first_row_says_what_is_missing():
    result = run("report", input="sektor,jumlah\nA,1\n")
    assert result.exit_code == 2
    assert "no enrolled column" in result.stderr and "found sektor, jumlah" in result.stderr


def test_region_aliases_of_indonesian_exports():
    for header in ("Kecamatan", "Desa", "Kelurahan", "Kabupaten/Kota", "Kab/Kota"):
        result = run("report", "-f", "json", input=f"{header},peserta,potensi\nX,1,10\n")
        assert result.json()["groups"][0]["region"] == "X", header


# ------------------------------------------------------------------ Excel's text files


def test_a_sep_line_names_the_delimiter_and_is_no_title():
    result = run("report", "-f", "json", input="sep=;\nsektor;peserta;potensi\nA,B;1;10\n")
    assert result.json()["groups"][0]["sector"] == "A,B"
    assert result.stderr == ""


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_unicode_text_with_a_byte_order_mark_is_read_without_encoding(encoding):
    text = "sektor\tpeserta\tpotensi\nPetani–Kebun\t1\t10\n"
    result = run("report", "-f", "json", input=text.encode(encoding))
    assert result.exit_code == 0, result
    assert result.json()["groups"][0]["sector"] == "Petani–Kebun"


# ------------------------------------------------------------------ spreadsheets


def workbook(path, title="Rekap 2024"):
    """The shape of a real branch export: title, blank row, header, kecamatan filled
    down, sectors, a Jumlah row, a footnote, and a second sheet."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(["Rekapitulasi Peserta BPU per Kecamatan, Desember 2024"])
    sheet.append([])
    sheet.append(["Kecamatan", "Sektor", "Peserta", "Potensi"])
    sheet.append(["Ilir Barat I", "Petani", 1204, 38500])
    sheet.append([None, "Nelayan", "1.100", 1340000.0])
    sheet.append(["Seberang Ulu", "Petani", 310, 9800])
    sheet.append(["Jumlah", None, 2614, 1388300])
    sheet.append(["Sumber: BPJS Ketenagakerjaan"])
    other = book.create_sheet("Catatan")
    other.append(["sektor", "peserta", "potensi"])
    other.append(["Lain", 1, 2])
    book.save(path)
    return path


def test_a_real_looking_workbook(tmp_path):
    path = workbook(tmp_path / "kec.xlsx")
    result = run("report", str(path), "--locale", "id", "-f", "json")
    assert result.exit_code == 0, result
    groups = picked(result, "region", "sector", "enrolled", "potential")
    assert groups == [
        ("Ilir Barat I", "Petani", 1204, 38500),
        ("Ilir Barat I", "Nelayan", 1100, 1340000),
        ("Seberang Ulu", "Petani", 310, 9800),
    ]
    assert totals(result)["enrolled"] == 2614
    place = f"{path}:Rekap 2024"
    assert f"{place}: 1 baris di atas header dilewati" in result.stderr
    assert f"{place}: baris 7: total dari ekspor itu sendiri" in result.stderr
    assert f"{place}: label kosong diisi dari baris di atasnya pada 1 baris (baris 5)" in result.stderr
    assert "warning" not in result.stderr


def book_of(rows, title="Rekap"):
    """An openpyxl workbook whose one sheet, named ``title``, holds ``rows``."""
    book = openpyxl.Workbook()
    book.active.title = title
    for row in rows:
        book.active.append(row)
    return book


def formula_book(path, writer, rows):
    """A sheet written by a program that does not calculate: openpyxl saves no value
    for a formula, XlsxWriter saves 0."""
    if writer == "openpyxl":
        book_of(rows).save(path)
    else:
        xlsxwriter = pytest.importorskip("xlsxwriter")
        book = xlsxwriter.Workbook(str(path))
        sheet = book.add_worksheet("Rekap")
        for at, row in enumerate(rows):
            for column, value in enumerate(row):
                if isinstance(value, str) and value.startswith("="):
                    sheet.write_formula(at, column, value)
                else:
                    sheet.write(at, column, value)
        book.close()
    return path


@pytest.mark.parametrize("writer", ["openpyxl", "xlsxwriter"])
def test_a_count_that_is_a_formula_never_calculated_is_refused(tmp_path, writer):
    """XlsxWriter's formulas read as 0 and openpyxl's as empty until a spreadsheet app
    calculates them: a count there is refused, naming the cell, not read as 0 or
    skipped as a footnote."""
    rows = [["sektor", "peserta", "potensi"], ["Petani", 10, 100], ["Nelayan", 5, "=50+50"]]
    path = formula_book(tmp_path / "rekap.xlsx", writer, rows)
    result = run("report", str(path), "-f", "json")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"enrollgap: error: {path}:Rekap!C3: potensi: a formula whose value was never")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("writer", ["openpyxl", "xlsxwriter"])
def test_a_total_row_of_formulas_never_calculated_is_skipped_unchecked(tmp_path, writer):
    rows = [["sektor", "peserta", "potensi"], ["Petani", 10, 100], ["Nelayan", 0, 50], ["Jumlah", "=B2+B3", "=C2+C3"]]
    path = formula_book(tmp_path / "rekap.xlsx", writer, rows)
    result = run("report", str(path), "-f", "json")
    assert result.exit_code == 0, result
    assert totals(result)["enrolled"] == 10 and totals(result)["potential"] == 150
    assert "line 4: the export's own total" in result.stderr and "warning" not in result.stderr


def error_book(path, rows, errors):
    """A workbook whose ``errors`` cells ("B3") are error cells, as a spreadsheet app
    saves a #N/A, with the cached error text."""
    book = book_of(rows, title="R")
    for ref in errors:
        book.active[ref].data_type = "e"
    book.save(path)
    return path


ERROR_SAID = (
    "the cell holds the spreadsheet error #N/A (a formula that failed, such as a VLOOKUP that found nothing), "
    "not a count; correct it in the workbook"
)


def test_an_error_cell_where_a_count_belongs_is_an_error_naming_it(tmp_path):
    path = error_book(
        tmp_path / "err.xlsx", [["sektor", "peserta", "potensi"], ["A", 1, 10], ["B", "#N/A", 20]], ["B3"]
    )
    result = run("report", str(path))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"enrollgap: error: {path}:R!B3: peserta: {ERROR_SAID}\n"


@pytest.mark.parametrize("strict", [[], ["--strict"]])
def test_a_row_whose_every_count_is_an_error_cell_is_no_footnote(tmp_path, strict):
    """A VLOOKUP that found nothing for a whole row: the group vanished from the report
    and the total as a 'footnote', even under --strict."""
    rows = [["sektor", "peserta", "potensi"], ["A", 1, 10], ["B", "#N/A", "#N/A"], ["Jumlah", 1, "#REF!"]]
    path = error_book(tmp_path / "err.xlsx", rows, ["B3", "C3", "C4"])
    result = run("report", str(path), *strict)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"enrollgap: error: {path}:R!B3: peserta: the cell holds the spreadsheet error")


def test_an_error_cell_in_a_total_row_is_an_error_too(tmp_path):
    rows = [["sektor", "peserta", "potensi"], ["A", 1, 10], ["Jumlah", 1, "#REF!"]]
    result = run("report", str(error_book(tmp_path / "err.xlsx", rows, ["C3"])))
    assert result.exit_code == 2 and "R!C3: potensi: the cell holds the spreadsheet error #REF!" in result.stderr


def test_a_formula_without_a_saved_value_is_refused_in_a_workbook_not_marked_for_calculation(tmp_path):
    path = formula_book(
        tmp_path / "f.xlsx", "openpyxl", [["sektor", "peserta", "potensi"], ["a", 1, 2], ["b", "=1/0", 2]]
    )
    unmarked = tmp_path / "unmarked.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(unmarked, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/workbook.xml":
                data = data.replace(b' fullCalcOnLoad="1"', b"")
            target.writestr(item, data)
    result = run("report", str(unmarked))
    assert result.exit_code == 2 and "Rekap!B3: peserta: a formula whose value was never worked out" in result.stderr


def prefixed(path):
    """The workbook at path written again with its elements in the x: namespace prefix,
    as the Open XML SDK writes them (<x:c>, <x:f>, <x:calcPr>)."""
    main = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    data = path.read_bytes()
    out = path.with_name("prefixed-" + path.name)
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            part = source.read(item)
            if item.filename == "xl/workbook.xml" or item.filename.startswith("xl/worksheets/"):
                part = part.replace(b'xmlns="' + main + b'"', b'xmlns:x="' + main + b'"')
                part = re.sub(rb"<(/?)([A-Za-z]\w*)(?=[\s>/])", lambda m: b"<" + m.group(1) + b"x:" + m.group(2), part)
            target.writestr(item, part)
    return out


def test_a_formula_s_stand_in_zero_is_refused_in_a_workbook_with_namespace_prefixes(tmp_path):
    rows = [["sektor", "peserta", "potensi"], ["Petani", 10, 100], ["Nelayan", "=B2*0", 50]]
    path = prefixed(formula_book(tmp_path / "rekap.xlsx", "xlsxwriter", rows))
    assert b"<x:calcPr" in zipfile.ZipFile(path).read("xl/workbook.xml")
    result = run("report", str(path))
    assert (result.exit_code, result.stdout) == (2, "")
    assert "Rekap!B3: peserta: a formula whose value was never worked out" in result.stderr
    errors = prefixed(error_book(tmp_path / "err.xlsx", [["sektor", "peserta", "potensi"], ["B", "#N/A", 20]], ["B2"]))
    assert "R!B2: peserta: the cell holds the spreadsheet error #N/A" in run("report", str(errors)).stderr


def test_a_hidden_first_sheet_is_never_read_unasked_and_the_sheet_read_is_named(tmp_path):
    book = book_of([["sektor", "peserta", "potensi"], ["Rahasia", 999, 1000]], title="Lama")
    book.active.sheet_state = "hidden"
    visible = book.create_sheet("Rekap")
    for row in [["sektor", "peserta", "potensi"], ["Petani", 10, 100]]:
        visible.append(row)
    book.create_sheet("Catatan").append(["Sumber: BPS"])
    book.save(tmp_path / "rekap.xlsx")
    result = run("report", str(tmp_path / "rekap.xlsx"), "-f", "json")
    assert result.exit_code == 0, result
    assert picked(result, "sector") == ["Petani"]
    assert result.stderr == (
        f"enrollgap: note: {tmp_path / 'rekap.xlsx'}:Rekap: read the first visible sheet; the workbook's others: "
        "'Lama' (hidden), 'Catatan' (--sheet NAME reads another)\n"
    )
    said = run("report", str(tmp_path / "rekap.xlsx"), "-f", "json", "--locale", "id").stderr
    assert "sheet lain di workbook: 'Lama' (tersembunyi), 'Catatan'" in said
    asked = run("report", str(tmp_path / "rekap.xlsx"), "-f", "json", "--sheet", "Lama")
    assert picked(asked, "sector") == ["Rahasia"] and asked.stderr == ""


@pytest.mark.parametrize("writer", ["openpyxl", "xlsxwriter"])
def test_an_average_row_of_formulas_never_calculated_is_skipped_too(tmp_path, writer):
    rows = [
        ["sektor", "peserta", "potensi"],
        ["Petani", 10, 100],
        ["Nelayan", 0, 50],
        ["Rata-rata", "=AVERAGE(B2:B3)", 75],
    ]
    path = formula_book(tmp_path / "rekap.xlsx", writer, rows)
    result = run("report", str(path), "-f", "json")
    assert result.exit_code == 0, result
    assert (totals(result)["enrolled"], totals(result)["potential"]) == (10, 150)
    assert "skipped 1 row giving an average or another figure that is not a sum (line 4: 'Rata-rata')" in result.stderr


def test_zeros_in_a_workbook_a_program_wrote_are_zeros_when_no_formula_is_there(tmp_path):
    rows = [["sektor", "peserta", "potensi"], ["Petani", 0, 100], ["Petani", 0, 100], ["Nelayan", 0, 7]]
    path = formula_book(tmp_path / "rekap.xlsx", "openpyxl", rows)
    result = run("report", str(path), "-f", "json")
    assert result.exit_code == 0, result
    assert picked(result, "enrolled", "potential") == [(0, 200), (0, 7)]


@pytest.mark.parametrize("step", [7, 64, 2**20])
def test_the_formula_cells_of_the_chosen_sheet_are_found_in_any_block_size(tmp_path, monkeypatch, step):
    from enrollgap.read import sheet_xml

    monkeypatch.setattr(sheet_xml, "_STEP", step)  # the sheet's XML unpacked this many bytes at a time
    book = openpyxl.Workbook()
    book.active.append(["only", "=1+1"])  # the first sheet: not the one asked about
    sheet = book.create_sheet("Rekap & Total")
    expected = set()
    for row in range(1, 60):
        cells = [f"Desa {row}", row, row * 10]
        if row % 7 == 0:
            cells[2] = f"=B{row}*10"
            expected.add(f"C{row}")
        sheet.append(cells)
    book.save(tmp_path / "rekap.xlsx")
    found = sheet_xml.sheet_cells(str(tmp_path / "rekap.xlsx"), "Rekap & Total")
    assert found is not None
    assert {
        f"{letter}{row}" for letter in "ABC" for row in range(1, 60) if found.problem(f"{letter}{row}", "")
    } == expected


def on_reading_the_sheet(monkeypatch, wrap):
    """Reading a workbook hands the sheet calamine reads to wrap, and reads what wrap returns."""
    from enrollgap.read import spreadsheet

    load = spreadsheet._load

    class Book:
        def __init__(self, book):
            self.book = book

        def __getattr__(self, name):
            return getattr(self.book, name)

        def get_sheet_by_name(self, name):
            return wrap(self.book.get_sheet_by_name(name))

    def loaded(source):
        book, archive = load(source)
        return Book(book), archive

    monkeypatch.setattr(spreadsheet, "_load", loaded)


@pytest.mark.parametrize(
    "error", [NotImplementedError("zip file version 6.4"), zipfile.BadZipFile("bad"), ValueError()]
)
def test_a_zip_that_zipfile_cannot_read_leaves_the_workbook_to_calamine(tmp_path, monkeypatch, error):
    """The fuzz tests found a zip that calamine reads and zipfile does not (version 6.4):
    the cell lookup then knows nothing, and the workbook is read as saved."""
    from enrollgap.read import sheet_xml

    path = formula_book(tmp_path / "rekap.xlsx", "openpyxl", [["sektor", "peserta", "potensi"], ["a", 0, 2]])
    found = sheet_xml.sheet_cells(str(path), "Rekap")
    assert found is not None

    def broken(*args, **kwargs):
        raise error

    monkeypatch.setattr(sheet_xml.zipfile, "ZipFile", broken)
    assert sheet_xml.sheet_cells(str(path), "Rekap") is None
    assert found.problem("B2", 0) is None
    result = run("report", str(path), "-f", "json")
    assert result.exit_code == 0 and result.json()["total"]["enrolled"] == 0, result


def test_a_zero_a_spreadsheet_app_saved_is_a_zero(tmp_path):
    """Only a workbook marked to be calculated when opened stands a 0 in for a formula."""
    from enrollgap.read import sheet_xml

    path = formula_book(tmp_path / "rekap.xlsx", "xlsxwriter", [["sektor", "peserta", "potensi"], ["a", "=1", 2]])
    saved = tmp_path / "saved.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(saved, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/workbook.xml":
                data = re.sub(rb' fullCalcOnLoad="(1|true)"', b"", data)
            target.writestr(item, data)
    marked, unmarked = sheet_xml.sheet_cells(str(path), "Rekap"), sheet_xml.sheet_cells(str(saved), "Rekap")
    assert marked is not None and unmarked is not None
    assert marked.problem("B2", 0) == ("formula", "")
    assert unmarked.problem("B2", 0) is None  # a 0 with its formula, as an app saves it
    assert sheet_xml.sheet_cells(str(tmp_path / "missing.xlsx"), "Rekap") is None


def test_check_refuses_a_workbook_with_what_to_do(tmp_path):
    """A workbook holds 3,63% formatted as a percentage as 0.0363 and does not say so
    to the reader: check asks for CSV instead of guessing (it said "not valid JSON")."""
    book = book_of([["label", "enrolled", "potential", "reported"], ["Sumsel", 48858, 1340000, 0.0363]])
    book.save(tmp_path / "klaim.xlsx")
    result = run("check", str(tmp_path / "klaim.xlsx"))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"enrollgap: error: {tmp_path / 'klaim.xlsx'}: check reads CSV, TSV, JSON and JSON Lines, not a workbook "
        "(xlsx): a percentage cell may hold 0.0363 for 3,63%; save the sheet as CSV\n"
    )


def test_a_bad_cell_of_a_sheet_is_named_by_its_own_line(tmp_path):
    book = book_of([["sektor", "peserta", "potensi"], *(["Petani", i, 100] for i in range(5)), ["Nelayan", 1.5, 10]])
    book.save(tmp_path / "rows.xlsx")
    result = run("report", str(tmp_path / "rows.xlsx"))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"enrollgap: error: {tmp_path / 'rows.xlsx'}:Rekap!B7: peserta: read 1.5")


def test_a_sheet_that_fails_while_its_rows_are_read_is_one_clear_line(tmp_path, monkeypatch):
    """calamine may fail on a cell after the header: one line naming the file, as for
    a workbook that does not open, and nothing on stdout."""

    class Failing:
        def __init__(self, sheet):
            self.sheet, self.start, self.name = sheet, sheet.start, sheet.name

        def iter_rows(self):
            yield from list(self.sheet.iter_rows())[:4]
            raise ValueError("bad cell value")

    on_reading_the_sheet(monkeypatch, Failing)
    path = workbook(tmp_path / "kec.xlsx")
    result = run("report", str(path), "--locale", "id")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"enrollgap: error: {path}: cannot be read as a spreadsheet (xlsx): bad cell value\n"


def test_an_error_names_the_cell_of_a_table_that_does_not_start_at_a1(tmp_path):
    """calamine gives a sheet's rows from its first row on, empty ones too: the line
    was counted from the first used row instead, and named a cell two rows too low."""
    book = openpyxl.Workbook()
    book.active.title = "Rekap"
    rows = [["sektor", "peserta", "potensi"], ["Petani", 10, 100], ["Buruh", "x", 50]]
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row, start=3):
            book.active.cell(r, c, value)
    book.save(tmp_path / "off.xlsx")
    result = run("report", str(tmp_path / "off.xlsx"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"enrollgap: error: {tmp_path / 'off.xlsx'}:Rekap!D5: peserta: read 'x'")


def test_sheets_by_name_and_number(tmp_path):
    path = workbook(tmp_path / "kec.xlsx")
    for sheet in ("Catatan", "2"):
        result = run("report", str(path), "--sheet", sheet, "-f", "json")
        assert picked(result, "sector") == ["Lain"]
    missing = run("report", str(path), "--sheet", "Rekap 2025")
    assert missing.exit_code == 2
    assert "no such sheet (sheets: 'Rekap 2024', 'Catatan')" in missing.stderr


def test_an_error_names_the_sheet_and_cell(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Rekap 2024"
    sheet.append(["Judul"])
    sheet.append(["sektor", "peserta", "potensi"])
    sheet.append(["Petani", 12.5, 100])
    path = tmp_path / "kec.xlsx"
    book.save(path)
    result = run("report", str(path))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"enrollgap: error: {path}:Rekap 2024!B3: peserta: read 12.5, expected a whole")


def test_a_spreadsheet_on_standard_input_is_recognised_by_its_first_bytes(tmp_path):
    data = workbook(tmp_path / "kec.xlsx").read_bytes()
    result = run("report", "--locale", "id", "-f", "json", input=data)
    assert result.exit_code == 0, result
    assert totals(result)["enrolled"] == 2614


def test_an_ods_file(tmp_path):
    odf = pytest.importorskip("odf.opendocument")
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = odf.OpenDocumentSpreadsheet()
    table = Table(name="Rekap")
    for values in (["sektor", "peserta", "potensi"], ["Petani", 3, 30], ["Jumlah", 3, 30]):
        row = TableRow()
        for value in values:
            if isinstance(value, int):
                cell = TableCell(valuetype="float", value=value)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    path = tmp_path / "kec.ods"
    document.save(str(path))
    result = run("report", str(path), "-f", "json")
    assert result.exit_code == 0, result
    assert picked(result, "sector", "enrolled") == [("Petani", 3)]


def test_a_label_merged_over_rows_of_an_ods_sheet_labels_each_of_them(tmp_path):
    """calamine reports no merged cells for .ods: they are read from the sheet's XML,
    past rows and cells the file writes once with a repeat count, on the sheet asked for."""
    odf = pytest.importorskip("odf.opendocument")
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    def cell(value, **span):
        if value is None:
            return CoveredTableCell()
        made = (
            TableCell(valuetype="float", value=value, **span)
            if isinstance(value, int)
            else TableCell(valuetype="string", **span)
        )
        made.addElement(P(text=str(value)))
        return made

    document = odf.OpenDocumentSpreadsheet()
    other = Table(name="Lain")  # a first sheet with a merge of its own, at another place
    row = TableRow()
    row.addElement(cell("x", numberrowsspanned=3))
    other.addElement(row)
    document.spreadsheet.addElement(other)
    table = Table(name="Rekap")
    table.addElement(TableRow(numberrowsrepeated=2))  # two empty rows above the table
    rows = [
        ["", "sektor", "peserta", "potensi"],
        ["", ("Petani", 3), 10, 100],
        ["", None, 5, 50],
        ["", None, 1, 10],
        ["", "Nelayan", 2, 20],
    ]
    for values in rows:
        row = TableRow()
        row.addElement(TableCell(numbercolumnsrepeated=1))  # an empty first column
        for value in values[1:]:
            row.addElement(cell(value[0], numberrowsspanned=value[1]) if isinstance(value, tuple) else cell(value))
        table.addElement(row)
    document.spreadsheet.addElement(table)
    path = tmp_path / "kec.ods"
    document.save(str(path))
    result = run("report", str(path), "--sheet", "Rekap", "-f", "json")
    assert result.exit_code == 0, result
    assert picked(result, "sector", "enrolled") == [("Petani", 16), ("Nelayan", 2)]
    assert result.json()["warnings"] == []
    assert "filled blank labels down from the row above in 2 rows (lines 5 and 6)" in result.stderr


def test_without_the_excel_extra_the_error_gives_the_pip_command(tmp_path, monkeypatch):
    import builtins

    path = workbook(tmp_path / "kec.xlsx")
    real_import = builtins.__import__

    def no_calamine(name, *args, **kwargs):
        if name == "python_calamine":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_calamine)
    result = run("report", str(path))
    assert result.exit_code == 2
    assert "pip install 'enrollgap[excel]'" in result.stderr


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04 not really a zip", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, b"PK\x05\x06" + b"\x00" * 18],
)
def test_a_damaged_workbook_is_one_clear_line(tmp_path, data):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(data)
    result = run("report", str(path))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"enrollgap: error: {path}:")


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w") as part,
    ):
        for _ in range(50):
            part.write(b"\x00" * 2**20)
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(buffer.getvalue())
    result = run("report", str(path))
    assert result.exit_code == 2
    assert "refused as a zip bomb" in result.stderr


def test_notes_are_not_warnings_so_strict_lets_them_pass():
    rows = "Rekap 2024\nsektor,peserta,potensi\nPetani,1,10\nJumlah,1,10\nSumber: BPS\n"
    result = run("report", "--strict", "-f", "json", input=rows)
    assert result.exit_code == 0
    assert result.stderr.count("enrollgap: note:") == 3 and "warning" not in result.stderr


def test_a_total_row_of_a_workbook_with_years_is_not_summed(tmp_path):
    """A panel workbook's "Jumlah" row is the export's total for its year (with one
    label column it was once summed as a group)."""
    rows = [
        ["tahun", "sektor", "peserta", "potensi"],
        [2023, "Petani", 10, 100],
        [2023, "Nelayan", 5, 50],
        [2023, "Jumlah", 15, 150],
        [2024, "Petani", 12, 100],
        [2024, "Nelayan", 6, 50],
        [2024, "Jumlah", 18, 150],
    ]
    book_of(rows).save(tmp_path / "panel.xlsx")
    result = run("report", str(tmp_path / "panel.xlsx"), "-f", "json")
    assert result.exit_code == 0, result
    assert [g["sector"] for g in result.json()["groups"]] == ["Petani", "Nelayan"]
    assert totals(result)["enrolled"] == 18 and "lines 4 and 7: the export's own total" in result.stderr


@pytest.mark.parametrize("far", ["XFD1048576", "CV1000000"])
def test_a_sheet_whose_cells_span_far_more_than_they_fill_is_refused_before_it_is_unpacked(tmp_path, far):
    """One cell at XFD1048576 aborted the reader (a Rust out-of-memory, exit 134); one
    at CV1000000 took 19 s and 3.1 GB."""
    book = book_of([["sektor", "peserta", "potensi"], ["Petani", 10, 100]])
    book.active[far] = "x"
    book.save(tmp_path / "far.xlsx")
    result = run_process("report", str(tmp_path / "far.xlsx"), timeout=30)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.count("\n") == 1 and "the sheet's cells span" in result.stderr
    assert "delete the stray cells far from the table" in result.stderr


def test_an_ods_sheet_longer_than_the_reader_reads_is_an_error_never_a_partial_sum(tmp_path):
    """calamine stops an .ods sheet at 1,048,576 rows: 2,000,007 rows were summed as
    1,048,575, exit 0."""
    namespaces = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )

    def cell(text):
        return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'

    number = '<table:table-cell office:value-type="float" office:value="{}"/>'
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {namespaces} office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Rekap">'
        f"<table:table-row>{cell('sektor')}{cell('peserta')}{cell('potensi')}</table:table-row>"
        f'<table:table-row table:number-rows-repeated="2000006">{cell("Petani")}{number.format(1)}{number.format(10)}'
        "</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(tmp_path / "big.ods", "w") as book:
        book.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        book.writestr("content.xml", content)
        book.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
        )
    result = run("report", str(tmp_path / "big.ods"), "-f", "csv")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "the sheet has 1,048,576 rows or more, more than can be read from an .ods file" in result.stderr


def book_of_years(path, years, cover=True, own_year=False, names=None):
    """A workbook of one sheet a year ("Des 2022", ...), each with a title, the table and
    its Jumlah row; a cover sheet first."""
    book = openpyxl.Workbook()
    book.active.title = "Sampul"
    book.active.append(["Rekap BPU Sumatera Selatan"])
    if not cover:
        book.remove(book.active)
    for index, year in enumerate(years):
        sheet = book.create_sheet(names[index] if names else f"Des {year}")
        sheet.append(["Rekap Desember"])
        sheet.append(["tahun", "sektor", "peserta", "potensi"] if own_year else ["sektor", "peserta", "potensi"])
        rows = [["Petani", 1000 + 100 * index, 38500], ["Nelayan", 400 + index, 9800]]
        for row in rows:
            sheet.append([year + 1, *row] if own_year else row)
        if not own_year:
            sheet.append(["Jumlah", sum(r[1] for r in rows), sum(r[2] for r in rows)])
    book.save(path)
    return path


def test_sheet_all_reads_a_workbook_of_one_sheet_a_year_as_a_panel(tmp_path):
    path = book_of_years(tmp_path / "tahunan.xlsx", [2022, 2023, 2024])
    result = run("report", str(path), "--sheet", "all", "-f", "json")
    assert result.exit_code == 0, result
    groups = result.json()["groups"]
    assert [(g["sector"], g["year"], g["enrolled"], g["enrolled_change"]) for g in groups] == [
        ("Petani", 2024, 1200, 100),
        ("Nelayan", 2024, 402, 1),
    ]
    assert result.stderr.startswith(
        f"enrollgap: note: {path}: read the sheets 'Des 2022', 'Des 2023', 'Des 2024' (--sheet all)\n"
        f"enrollgap: note: {path}: sheets without the table's header, not read: 'Sampul'\n"
    )
    assert f"{path}:Des 2023: line 5: the export's own total, not a group; not summed" in result.stderr
    history = run("project", str(path), "--sheet", "all", "--target", "10", "--by", "2027", "-f", "json")
    assert [h["year"] for h in history.json()["paths"][0]["history"]] == [2022, 2023, 2024]


def test_without_sheet_all_the_note_says_what_it_would_read(tmp_path):
    path = book_of_years(tmp_path / "tahunan.xlsx", [2022, 2023], cover=False)
    result = run("report", str(path), "-f", "json")
    assert [g["enrolled"] for g in result.json()["groups"]] == [1000, 400]  # the first visible sheet: 2022
    assert "--sheet all reads each sheet as the year its name holds" in result.stderr
    covered = run("report", str(book_of_years(tmp_path / "sampul.xlsx", [2022, 2023])))
    assert covered.exit_code == 2 and "(--sheet NAME, or --sheet all for one a year)" in covered.stderr


def test_sheet_all_refuses_two_sheets_of_one_year_and_a_sheet_without_one(tmp_path):
    twice = book_of_years(tmp_path / "twice.xlsx", [2023, 2023], names=["Rekap 2023", "Des 2023"])
    result = run("report", str(twice), "--sheet", "all")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "the sheets 'Rekap 2023' and 'Des 2023' are both of 2023" in result.stderr
    unnamed = book_of_years(tmp_path / "unnamed.xlsx", [2023, 2024], names=["Des 2023", "Terbaru"])
    result = run("report", str(unnamed), "--sheet", "all")
    assert result.exit_code == 2 and f"{unnamed}:Terbaru: --sheet all: the sheet's name holds no year" in result.stderr


def test_sheet_all_keeps_a_table_s_own_year_column(tmp_path):
    path = book_of_years(tmp_path / "own.xlsx", [2022, 2023], own_year=True, names=["A", "B"])
    result = run("report", str(path), "--sheet", "all", "-f", "json")
    assert result.exit_code == 0, result
    assert {g["year"] for g in result.json()["groups"]} == {2024}  # the cells' 2023 and 2024, not the names'


def test_rows_closing_blocks_they_are_the_sum_of_are_subtotals_too():
    """Kabupaten subtotals written after their kecamatan were summed (84 of 840 instead
    of 42 of 420), while the same layout with the subtotals above was caught."""
    rows = (
        "Wilayah;Peserta;Potensi\nKec. A;10;100\nKec. B;11;110\nKab. OKU;21;210\n"
        "Kec. C;20;200\nKec. D;1;10\nKab. Muara Enim;21;210\n"
    )
    result = run("report", "--locale", "id", "-f", "json", input=rows)
    assert picked(result, "region") == ["Kec. A", "Kec. B", "Kec. C", "Kec. D"]
    assert (totals(result)["enrolled"], totals(result)["potential"]) == (42, 420)
    said = [w for w in result.json()["warnings"] if "subtotal" in w]
    assert said == [
        f"<stdin>:{line}: '{name}' (21 of 210) is exactly the sum of the groups above it, since the last such row, "
        "as the last row of every block of this table is: it is read as a subtotal and not summed"
        for line, name in ((4, "Kab. OKU"), (7, "Kab. Muara Enim"))
    ]
    assert "di atasnya sejak baris serupa sebelumnya" in run("report", "--locale", "id", input=rows).stderr


def test_a_section_heading_row_gives_its_label_to_the_rows_under_it():
    """'Seberang Ulu,,,' over its sectors was skipped as a footnote and its rows filled
    down from the region before it: Ilir Barat got Seberang Ulu's counts."""
    rows = (
        "kecamatan,sektor,peserta,potensi\nIlir Barat,Petani,10,100\n,Nelayan,5,50\n"
        "Seberang Ulu,,,\n,Petani,7,70\n,Nelayan,3,30\nSumber: BPS,,,\n"
    )
    result = run("report", "-f", "json", input=rows)
    assert result.exit_code == 0, result
    assert picked(result, "region", "sector", "enrolled") == [
        ("Ilir Barat", "Petani", 10),
        ("Ilir Barat", "Nelayan", 5),
        ("Seberang Ulu", "Petani", 7),
        ("Seberang Ulu", "Nelayan", 3),
    ]
    assert result.stderr == (
        "enrollgap: note: <stdin>: skipped 1 row without counts, such as footnotes (line 7: 'Sumber: BPS')\n"
        "enrollgap: note: <stdin>: filled blank labels down from the row above in 3 rows (lines 3, 5 and 6)\n"
    )


def test_a_row_without_counts_that_no_blank_label_follows_is_a_footnote_even_between_known_groups():
    rows = (
        "kecamatan,sektor,peserta,potensi\nA,Petani,10,100\n,Nelayan,5,50\nCatatan,,,\nA,Petani,1,10\n,Nelayan,3,30\n"
    )
    result = run("report", "-f", "json", input=rows)
    assert picked(result, "region", "sector", "enrolled") == [("A", "Petani", 11), ("A", "Nelayan", 8)]
    assert "(line 4: 'Catatan')" in result.stderr
