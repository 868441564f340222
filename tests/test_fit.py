"""Fit for the people who read it: money that cannot be misread, what a report
assumed, nothing dropped silently, encodings said right."""

import pytest

from conftest import run


@pytest.mark.parametrize("amount", ["16.800", "Rp 16.800", "1.500"])
def test_a_thousands_lookalike_amount_is_refused_in_en_with_the_hint(amount):
    result = run("report", "-s", "a", "1", "2", "--premium", amount, "--strict")
    assert result.exit_code == 2 and result.stdout == ""
    assert "ambiguous in locale en: with --locale id it reads as" in result.stderr


UNAMBIGUOUS = [("16.80", "en", 201.6), ("16800", "en", 201600), ("16,800", "en", 201600), ("16.800", "id", 201600)]


@pytest.mark.parametrize(("amount", "locale", "yearly"), UNAMBIGUOUS)
def test_unambiguous_amounts_stay_valid(amount, locale, yearly):
    result = run("report", "-s", "a", "1", "2", "--premium", amount, "--locale", locale, "-f", "json")
    assert result.exit_code == 0, result
    assert result.json()["total"]["premium_gap_per_year"] == yearly


@pytest.mark.parametrize("limit", ["150", "-5", "100.5"])
def test_fail_under_is_a_percentage_from_0_to_100(limit):
    result = run("report", "-s", "a", "1", "2", "--fail-under", limit)
    assert result.exit_code == 2 and "--fail-under: the coverage limit must be between 0 and 100" in result.stderr


def test_a_report_says_what_it_assumed():
    document = run("report", "-s", "a", "1", "2", "--target", "10", "--by", "2030", "--from", "2025",
                   "--premium", "16800", "-f", "json").json()  # fmt: skip
    assert document["parameters"] == {"target_pct": 10.0, "from": 2025, "by": 2030, "premium": 16800, "budget": None}
    plain = run("report", "-s", "a", "1", "2", "-f", "json").json()
    assert plain["parameters"] == {"target_pct": None, "from": None, "by": None, "premium": None, "budget": None}


def test_a_column_nobody_reads_is_named_once():
    result = run("report", "-f", "json", input="No,Kelompok,sektor,peserta,potensi\n1,A,x,1,2\n2,B,y,1,2\n")
    assert result.exit_code == 0
    assert (
        result.stderr == "enrollgap: note: <stdin>: ignored columns 'No', 'Kelompok'; map one with --col FIELD=HEADER\n"
    )
    mapped = run("report", "--col", "region=Kelompok", "-f", "json", input="Kelompok,sektor,peserta,potensi\nA,x,1,2\n")
    assert mapped.stderr == ""


@pytest.mark.parametrize(("data", "hint"), [("–".encode("cp1252"), "cp1252"), ("é".encode("latin-1"), "latin-1")])
def test_an_encoding_hint_fits_the_bytes_and_names_the_line(tmp_path, data, hint):
    path = tmp_path / "rows.csv"
    path.write_bytes(b"sektor,peserta,potensi\nx,1,2\nPetani " + data + b",1,2\n")
    result = run("report", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"enrollgap: error: {path}:3: not valid utf-8 text")
    assert f"--encoding {hint}" in result.stderr
    json_path = tmp_path / "rows.json"
    json_path.write_bytes(b'[{"sector": "x", "enrolled": 1, "potential": 2},\n{"sector": "' + data + b'"}]')
    assert run("report", str(json_path)).stderr.startswith(f"enrollgap: error: {json_path}:2: not valid utf-8")


@pytest.mark.parametrize("rows_before", [1, 100_000], ids=["in the first piece", "pieces later"])
@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_standard_input_s_bad_bytes_are_named_by_their_line_too(rows_before, suffix):
    """A file is read again to find the line of a bad byte; standard input cannot be,
    so its line ends are counted as it is decoded (it said line 1 for any line)."""
    if suffix == ".csv":
        data = b"sektor,peserta,potensi\n" + b"x,1,2\n" * rows_before + b"Petani \x96,1,2\n"
    else:
        data = b"[" + b'{"sector": "x", "enrolled": 1, "potential": 2},\n' * rows_before + b'{"sector": "\x96"}]'
    line = rows_before + 2 if suffix == ".csv" else rows_before + 1
    result = run("report", input=data)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"enrollgap: error: <stdin>:{line}: not valid utf-8 text (byte 0x96)")


def test_a_forecast_never_projects_more_enrolled_than_the_potential_and_says_so():
    result = run("project", "-s", "a", "90000", "96450", "--from", "2026", "--target", "99", "--growth", "25",
                 "--retention", "85", "-f", "json")  # fmt: skip
    years = result.json()["paths"][0]["years"]
    assert all(y["enrolled"] <= y["potential"] for y in years)
    assert years[-1]["enrolled"] == 96450
    assert "a: the forecast reaches the whole potential in 2027 and is held there" in result.stderr


def test_a_group_already_above_its_potential_stays_where_it_was():
    result = run("project", "-s", "a", "120", "100", "-s", "b", "1", "100", "--from", "2026", "--target", "50",
                 "--add", "10", "-f", "json")  # fmt: skip
    over = result.json()["paths"][0]["years"]
    assert {y["enrolled"] for y in over} == {120}


def test_every_path_reports_its_rate():
    seed = ["-s", "BPU", "48858", "1340000", "--from", "2020", "--target", "10", "--by", "2025"]
    compound = run("project", *seed, "--path", "compound", "-f", "json").json()
    assert [round(p["rate_pct"], 2) for p in compound["paths"]] == [22.36, 22.36]
    assert run("project", *seed, "-f", "json").json()["paths"][0]["rate_pct"] is None
    closing = run("project", *seed, "--path", "closing", "-f", "json").json()["paths"][0]
    first, last = closing["years"][0], closing["years"][-1]
    uncovered = (1 - first["enrolled"] / first["potential"], 1 - last["enrolled"] / last["potential"])
    assert closing["rate_pct"] == pytest.approx(100 * (1 - (uncovered[1] / uncovered[0]) ** (1 / 5)))
    growth = run("project", "-s", "a", "1", "100", "--from", "2020", "--target", "10", "--growth", "20", "-f", "json")
    assert growth.json()["paths"][0]["rate_pct"] == 20.0
    table = run("project", *seed, "--path", "compound").stdout
    assert "Enrolled grows +22.36% a year on this path." in table


def test_a_one_group_projection_is_titled_with_the_group():
    table = run("project", "-s", "BPU", "48858", "1340000", "--from", "2020", "--target", "10", "--by", "2025").stdout
    assert table.lstrip().startswith("BPU: 10% by 2025 (linear)")
    assert "Total" not in table.splitlines()[0]


OFFICE = ["report", "--locale", "id", "-s", "Industri rumahan", "48.858", "1,34 juta", "-s", "Petani", "1000", "5000",
          "--target", "15", "--by", "2026", "--from", "2025", "--premium", "16.800"]  # fmt: skip


@pytest.mark.parametrize("width", [80, 100, 120])
def test_a_table_fits_the_terminal_with_labels_whole_and_numbers_uncut(width):
    result = run(*OFFICE, env={"COLUMNS": str(width)})
    assert result.exit_code == 0
    table = [line for line in result.stdout.splitlines() if line[:1] in "┏┃┡│├└"]
    assert all(len(line) <= width for line in table)
    assert "…" not in result.stdout
    for shown in ("Industri rumahan", "Petani", "48.858", "1.340.000", "3,65%", "1.291.142", "201.000"):
        assert shown in result.stdout
    notes = result.stdout.replace("\n", " ")
    assert "Tidak ditampilkan agar muat" in notes and "premium_to_target_per_year" in notes


@pytest.mark.parametrize("width", [40, 50])
def test_on_a_terminal_narrower_than_the_labels_and_counts_nothing_is_cut(width):
    # a phone's terminal: rich would squeeze the label column to nothing and cut numbers
    # ("48.8…"); the table is written whole, wider than the terminal, and says so
    result = run(*OFFICE, env={"COLUMNS": str(width)})
    assert result.exit_code == 0 and "…" not in result.stdout
    for shown in ("Industri", "rumahan", "Petani", "48.858", "1.340.000", "3,65%", "1.291.142"):
        assert shown in result.stdout
    table = [line for line in result.stdout.splitlines() if line[:1] in "┏┃┡│├└"]
    assert max(map(len, table)) > width  # drawn whole, not cropped to the terminal
    assert len({len(line) for line in table}) == 1  # every line of it the same width: no line cut
    notes = result.stdout.replace("\n", " ")
    assert f"Tabel ini lebih lebar dari {width} kolom di sini" in " ".join(notes.split())


def test_labels_wrap_between_words_but_no_word_is_cut(data):
    result = run("check", str(data / "published.csv"), env={"COLUMNS": "60"})
    assert "…" not in result.stdout
    words = set(result.stdout.split())
    assert {"Construction", "(Jan", "2020)", "inconsistent", "1340000"} <= words


def test_columns_are_left_out_in_order_of_importance_and_only_when_needed():
    narrow = run(*OFFICE, env={"COLUMNS": "100"}).stdout.replace("\n", " ")
    wide = run(*OFFICE, env={"COLUMNS": "240"}).stdout
    assert "premium_to_target_per_year" in narrow and "Target" in narrow  # premiums go before targets
    assert "Tidak ditampilkan" not in wide and "Rp 260,3 miliar" in wide


def test_under_a_real_terminal_the_table_fits_too():
    import os
    import shutil
    import subprocess
    import sys

    if shutil.which("script") is None:
        pytest.skip("needs script(1) for a pseudo-terminal")
    command = " ".join([sys.executable, "-m", "enrollgap", *(f"'{a}'" for a in OFFICE)])
    env = {**os.environ, "COLUMNS": "80", "LINES": "40", "TERM": "xterm", "NO_COLOR": "1"}
    shown = subprocess.run(["script", "-qec", f"stty cols 80; {command}", "/dev/null"], capture_output=True,
                           text=True, env=env, timeout=60).stdout  # fmt: skip
    assert "Industri rumahan" in shown and "1.340.000" in shown and "…" not in shown


def test_columns_picks_and_orders_the_columns_of_every_format():
    args = ["report", "-s", "a", "1", "10", "-s", "b", "2", "10", "--columns", "sector,gap,coverage_pct"]
    assert run(*args, "-f", "csv").stdout.splitlines() == ["sector,gap,coverage_pct", "a,9,10.0", "b,8,20.0",
                                                           "Total,17,15.0"]  # fmt: skip
    document = run(*args, "-f", "json").json()
    assert list(document["groups"][0]) == ["sector", "gap", "coverage_pct"]
    assert list(document["total"]) == ["sector", "gap", "coverage_pct"]
    assert [list(line) for line in map(__import__("json").loads, run(*args, "-f", "jsonl").stdout.splitlines())] == [
        ["sector", "gap", "coverage_pct"]
    ] * 3
    header = next(line for line in run(*args, env={"COLUMNS": "200"}).stdout.splitlines() if "Sector" in line)
    assert header.index("Sector") < header.index("Gap") < header.index("Coverage")
    assert "Enrolled" not in header
    years = run("project", "-s", "a", "1", "10", "--from", "2026", "--target", "20", "--by", "2028",
                "--columns", "year,enrolled", "-f", "json").json()["paths"][0]["years"]  # fmt: skip
    assert years[0] == {"year": 2026, "enrolled": 1}


def test_an_unknown_column_lists_the_ones_there_are():
    result = run("report", "-s", "a", "1", "10", "--columns", "sector,nope", "-f", "json")
    assert result.exit_code == 2 and result.stdout == ""
    assert "--columns: no column 'nope'; choose from sector, region, enrolled" in result.stderr


def test_grouped_digits_read_fast_give_what_plain_digits_give():
    rows = [("Petani", 19419 + i, 32190 + 7 * i) for i in range(2000)]
    grouped = "sektor;peserta;potensi\n" + "".join(f"{s};{e:,};{p:,}\n".replace(",", ".") for s, e, p in rows)
    plain = "sektor;peserta;potensi\n" + "".join(f"{s};{e};{p}\n" for s, e, p in rows)
    assert (
        run("report", "--locale", "id", "-f", "json", input=grouped).json()
        == run("report", "--locale", "id", "-f", "json", input=plain).json()
    )
    english = "sector,enrolled,potential\n" + "".join(f'{s},"{e:,}","{p:,}"\n' for s, e, p in rows)
    assert run("report", "-f", "json", input=english).json()["total"]["enrolled"] == sum(e for _, e, _ in rows)


@pytest.mark.parametrize("bad", ["12.34", "1.2345", "1..234", "1.234,5", "-1.234"])
def test_a_badly_grouped_count_after_good_ones_is_still_an_error_naming_its_cell(bad):
    rows = "sektor;peserta;potensi\n" + "Petani;1.204;38.500\n" * 50 + f"Petani;{bad};38.500\n"
    result = run("report", "--locale", "id", input=rows)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("enrollgap: error: <stdin>:52:2: peserta: read ")


def test_a_workbook_out_keeps_numbers_as_numbers(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "out.xlsx"
    result = run("report", "--locale", "id", "-s", "BPU", "48.858", "1,34 juta", "-s", "=cmd", "1", "2",
                 "-f", "xlsx", "--output", str(path))  # fmt: skip
    assert result.exit_code == 0 and result.stdout == ""
    rows = [[c.value for c in row] for row in openpyxl.load_workbook(path).active.iter_rows()]
    assert rows[0][:4] == ["sector", "region", "enrolled", "potential"]
    assert rows[1][:4] == ["BPU", None, 48858, 1340000] and isinstance(rows[1][4], float)
    assert rows[2][0] == "=cmd"  # a text cell, never a formula
    assert rows[-1][0] == "Total"
    piped = run("report", "-s", "a", "1", "2", "-f", "xlsx")
    assert piped.exit_code == 0


def test_output_writes_any_format_to_a_file_but_never_over_the_input(tmp_path):
    out = tmp_path / "out.csv"
    assert run("report", "-s", "a", "1", "2", "-f", "csv", "-o", str(out)).stdout == ""
    assert out.read_text().splitlines()[0].startswith("sector,region")
    data = tmp_path / "in.csv"
    data.write_text("sektor,peserta,potensi\na,1,2\n")
    refused = run("report", str(data), "-o", str(data))
    assert refused.exit_code == 2 and "is the input file" in refused.stderr
    assert data.read_text() == "sektor,peserta,potensi\na,1,2\n"
