"""Real exports: titles above the header, the export's own totals, labels filled
down, footnotes, Excel's text files, and spreadsheets."""

import io
import zipfile

import pytest

from conftest import run

openpyxl = pytest.importorskip("openpyxl")


def totals(result):
    return result.json()["total"]


# ------------------------------------------------------------------ total rows


def test_a_jumlah_row_is_the_export_s_total_not_one_more_sector():
    rows = "Sektor;Peserta;Potensi\nPetani;100;1.000\nNelayan;50;500\nJumlah;150;1.500\n"
    result = run("report", "--locale", "id", "-f", "json", input=rows)
    assert result.exit_code == 0
    assert [g["sector"] for g in result.json()["groups"]] == ["Petani", "Nelayan"]
    assert (totals(result)["enrolled"], totals(result)["potential"]) == (150, 1500)
    assert "baris 4: total dari ekspor itu sendiri" in result.stderr
    assert "warning" not in result.stderr


@pytest.mark.parametrize("word", ["Total", "JUMLAH", "Jumlah Total", "grand total", "Total keseluruhan", "Semua"])
def test_every_total_word_is_recognised(word):
    result = run("report", "-f", "json", input=f"sector,enrolled,potential\nA,1,10\nB,2,20\n{word},3,30\n")
    assert [g["sector"] for g in result.json()["groups"]] == ["A", "B"]


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
    groups = [(g["region"], g["sector"], g["enrolled"]) for g in result.json()["groups"]]
    assert groups == [
        ("Sumsel", "Petani", 100),
        ("Sumsel", "Nelayan", 50),
        ("Jambi", "Petani", 10),
        ("Jambi", "Nelayan", 5),
    ]
    assert totals(result)["enrolled"] == 165
    assert "warning" not in result.stderr


def test_a_total_in_json_is_not_summed_either():
    data = '[{"sector": "A", "enrolled": 1, "potential": 10}, {"sector": "Total", "enrolled": 1, "potential": 10}]'
    result = run("report", "-f", "json", input=data)
    assert [g["sector"] for g in result.json()["groups"]] == ["A"]


def test_json_labels_of_one_column_stay_names():
    data = '[{"sector": "a", "enrolled": 1, "potential": 2}, {"sector": " a ", "enrolled": 1, "potential": 2}]'
    assert [g["sector"] for g in run("report", "-f", "json", input=data).json()["groups"]] == ["a"]


# ------------------------------------------------------------------ filled-down labels


PIVOT = "provinsi,sektor,peserta,potensi\nSumsel,Petani,100,1000\n,Nelayan,50,500\nJambi,Petani,10,100\n,Nelayan,5,50\n"


def test_blank_labels_of_a_pivot_export_are_filled_down_and_said():
    result = run("report", "-f", "json", input=PIVOT)
    groups = [(g["region"], g["sector"]) for g in result.json()["groups"]]
    assert groups == [("Sumsel", "Petani"), ("Sumsel", "Nelayan"), ("Jambi", "Petani"), ("Jambi", "Nelayan")]
    assert "filled blank labels down from the row above in 2 rows (lines 3 and 5)" in result.stderr


def test_a_blank_label_in_the_first_data_row_is_an_error_naming_the_cell():
    result = run("report", input="provinsi,sektor,peserta,potensi\n,Petani,100,1000\n")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("enrollgap: error: <stdin>:2:1: a blank label in the first data row")


def test_one_label_column_is_never_filled_down():
    result = run("report", "-f", "json", input="sector,enrolled,potential\nA,1,10\n,2,20\n")
    assert [g["sector"] for g in result.json()["groups"]] == ["A", ""]


# ------------------------------------------------------------------ titles and footnotes


def test_titles_above_the_header_and_footnotes_below_are_skipped_and_said():
    rows = (
        "Rekapitulasi Peserta BPU per Kecamatan; Desember 2024\n\n"
        "Kecamatan;Sektor;Peserta;Potensi\nIlir Barat;Petani;100;1.000\n;Nelayan;50;500\n"
        "Sumber: BPJS Ketenagakerjaan\n*) angka sementara\n"
    )
    result = run("report", "--locale", "id", "-f", "json", input=rows)
    assert result.exit_code == 0, result
    assert [(g["region"], g["sector"]) for g in result.json()["groups"]] == [
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
    groups = [(g["region"], g["sector"], g["enrolled"], g["potential"]) for g in result.json()["groups"]]
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


def test_rows_read_in_batches_keep_their_lines(tmp_path, monkeypatch):
    """The read loop takes calamine's rows a batch at a time; a cell's line is the
    sheet's own across batches."""
    from enrollgap.read import spreadsheet

    monkeypatch.setattr(spreadsheet, "BATCH", 2)
    book = openpyxl.Workbook()
    book.active.title = "Rekap"
    for row in [["sektor", "peserta", "potensi"], *(["Petani", i, 100] for i in range(5)), ["Nelayan", 1.5, 10]]:
        book.active.append(row)
    book.save(tmp_path / "rows.xlsx")
    result = run("report", str(tmp_path / "rows.xlsx"))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"enrollgap: error: {tmp_path / 'rows.xlsx'}:Rekap!B7: peserta: read 1.5")


def test_a_sheet_that_fails_while_its_rows_are_read_is_one_clear_line(tmp_path, monkeypatch):
    """calamine may fail on a cell after the header: one line naming the file, as for
    a workbook that does not open, and nothing on stdout."""
    from enrollgap.read import spreadsheet

    real = spreadsheet._sheet

    class Failing:
        def __init__(self, sheet):
            self.sheet, self.start, self.name = sheet, sheet.start, sheet.name

        def iter_rows(self):
            yield from list(self.sheet.iter_rows())[:4]
            raise ValueError("bad cell value")

    monkeypatch.setattr(spreadsheet, "_sheet", lambda *a: Failing(real(*a)))
    path = workbook(tmp_path / "kec.xlsx")
    result = run("report", str(path), "--locale", "id")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"enrollgap: error: {path}: cannot be read as a spreadsheet (xlsx): bad cell value\n"


def test_sheets_by_name_and_number(tmp_path):
    path = workbook(tmp_path / "kec.xlsx")
    for sheet in ("Catatan", "2"):
        result = run("report", str(path), "--sheet", sheet, "-f", "json")
        assert [g["sector"] for g in result.json()["groups"]] == ["Lain"]
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
    assert [(g["sector"], g["enrolled"]) for g in result.json()["groups"]] == [("Petani", 3)]


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
