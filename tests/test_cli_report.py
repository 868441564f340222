"""enrollgap report: every clause of the contract that concerns it."""

import json

import pytest

from conftest import DATA, run

SEED_ID = ["--locale", "id", "-s", "BPU", "48.858", "1,34 juta"]


def test_seed_case_from_options_in_indonesian():
    result = run("report", *SEED_ID)
    assert result.exit_code == 0, result
    assert "3,65%" in result.stdout
    assert "1.291.142" in result.stdout
    assert "Sektor" in result.stdout and "Cakupan" in result.stdout
    assert "48.858 dari 1.340.000 pekerja terdaftar (3,65%); 1.291.142 belum." in result.stdout


def test_seed_case_with_target_by_year():
    result = run("report", *SEED_ID, "--target", "10", "--by", "2025", "--from", "2020")
    assert "17.029" in result.stdout and "1.420" in result.stdout
    document = run("report", *SEED_ID, "--target", "10", "--by", "2025", "--from", "2020", "-f", "json").json()
    group = document["groups"][0]
    assert (group["target"], group["to_target"], group["per_year"], group["per_month"]) == (
        134000,
        85142,
        17029,
        1420,
    )
    assert document["total"]["per_year"] == 17029


def test_json_has_exactly_the_contract_fields_in_order():
    document = run(
        "report", "-s", "BPU", "48858", "1340000", "--target", "10", "--by", "2025", "--from", "2020",
        "--premium", "16800", "-f", "json",
    ).json()  # fmt: skip
    assert list(document) == ["schema", "parameters", "groups", "total", "warnings"]  # parameters: what was assumed
    assert document["schema"] == "enrollgap.report/1"
    fields = [
        "sector", "region", "enrolled", "potential", "coverage_pct", "gap", "gap_share_pct", "target",
        "to_target", "per_year", "per_month", "premium_gap_per_year", "premium_to_target_per_year",
    ]  # fmt: skip
    assert list(document["groups"][0]) == fields
    assert list(document["total"]) == fields
    total = document["total"]
    assert total["sector"] is None and total["region"] is None
    assert total["premium_gap_per_year"] == 1291142 * 16800 * 12
    assert total["premium_to_target_per_year"] == 85142 * 16800 * 12
    assert isinstance(total["coverage_pct"], float)


def test_optional_fields_appear_only_when_asked_for():
    plain = run("report", "-s", "a", "1", "2", "-f", "json").json()["groups"][0]
    assert "target" not in plain and "per_year" not in plain and "premium_gap_per_year" not in plain
    target_only = run("report", "-s", "a", "1", "2", "--target", "50", "-f", "json").json()["groups"][0]
    assert "target" in target_only and "per_year" not in target_only
    premium_only = run("report", "-s", "a", "1", "2", "--premium", "10", "-f", "json").json()["groups"][0]
    assert "premium_gap_per_year" in premium_only and "premium_to_target_per_year" not in premium_only


def test_indonesian_spreadsheet_export_piped_with_group_by_and_premium():
    raw = (DATA / "kecamatan_id.csv").read_bytes()
    assert b"\r\n" in raw and b";" in raw
    result = run("report", "--locale", "id", "--group-by", "sector", "--premium", "16800", "-f", "json", input=raw)
    assert result.exit_code == 0, result
    document = result.json()
    by_sector = {g["sector"]: g for g in document["groups"]}
    assert list(by_sector) == ["Industri rumahan", "Petani", "Nelayan"]
    assert by_sector["Industri rumahan"]["enrolled"] == 1204 + 2310
    assert by_sector["Petani"]["potential"] == 21040 + 9870 + 18900
    assert document["total"]["premium_gap_per_year"] == document["total"]["gap"] * 16800 * 12


def test_file_dash_and_bare_stdin_read_the_same():
    csv_text = (DATA / "provinces.csv").read_text()
    from_file = run("report", str(DATA / "provinces.csv"), "-f", "json").json()
    from_dash = run("report", "-", "-f", "json", input=csv_text).json()
    from_stdin = run("report", "-f", "json", input=csv_text).json()
    assert from_file == from_dash == from_stdin


@pytest.mark.parametrize(
    "name, locale",
    [("sectors.tsv", "en"), ("sectors.json", "id"), ("regions.jsonl", "en"), ("provinces.csv", "en")],
)
def test_every_input_format_by_extension_and_by_sniffing(name, locale):
    path = DATA / name
    by_extension = run("report", str(path), "--locale", locale, "-f", "json")
    assert by_extension.exit_code == 0, by_extension
    sniffed = run("report", "--locale", locale, "-f", "json", input=path.read_bytes())
    assert sniffed.json() == by_extension.json()


def test_input_format_option_overrides_the_extension(tmp_path):
    path = tmp_path / "counts.txt"
    path.write_text('{"sector": "a", "enrolled": 1, "potential": 4}\n')
    result = run("report", str(path), "--input-format", "jsonl", "-f", "json")
    assert result.json()["total"]["potential"] == 4


def test_header_aliases_case_and_space_insensitive():
    text = "  SEKTOR ,Peserta, Potensi \nPetani,10,100\n"
    assert run("report", "-f", "json", input=text).json()["groups"][0]["sector"] == "Petani"


def test_col_maps_any_header():
    text = "Kecamatan;Jumlah Peserta;Jumlah Pekerja\nKertapati;10;100\nKertapati;5;50\n"
    result = run(
        "report", "--col", "region=Kecamatan", "--col", "enrolled=Jumlah Peserta",
        "--col", "potential=jumlah pekerja", "-f", "json", input=text,
    )  # fmt: skip
    assert result.exit_code == 0, result
    group = result.json()["groups"][0]
    assert (group["region"], group["enrolled"], group["potential"]) == ("Kertapati", 15, 150)


def test_missing_column_says_what_was_looked_for():
    result = run("report", "-f", "json", input="sector,enrolled\na,1\n")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no potential column" in result.stderr and "--col potential=HEADER" in result.stderr


def test_a_label_column_is_needed():
    result = run("report", input="enrolled,potential\n1,2\n")
    assert result.exit_code == 2 and "no sector or region column" in result.stderr


def test_default_grouping_uses_every_label_column():
    document = run("report", str(DATA / "provinces.csv"), "-f", "json").json()
    assert len(document["groups"]) == 6
    assert document["groups"][0]["region"] == "South Sumatra"


@pytest.mark.parametrize("group_by, count", [("sector", 4), ("region", 2), ("region,sector", 6)])
def test_group_by(group_by, count):
    document = run("report", str(DATA / "provinces.csv"), "--group-by", group_by, "-f", "json").json()
    assert len(document["groups"]) == count
    assert document["total"]["enrolled"] == 60398


def test_rows_with_the_same_labels_are_summed_and_options_combine_with_input():
    text = "sector,enrolled,potential\nFarmers,10,100\nFishers,1,10\nFarmers,5,50\n"
    args = ["-s", "Farmers", "1", "1", "-s", "Tailors", "2", "20", "-f", "json"]
    document = run("report", "-", *args, input=text).json()
    assert [(g["sector"], g["enrolled"], g["potential"]) for g in document["groups"]] == [
        ("Farmers", 16, 151),
        ("Fishers", 1, 10),
        ("Tailors", 2, 20),
    ]
    # With -s and no INPUT, standard input is not read.
    assert len(run("report", *args, input=text).json()["groups"]) == 2


def test_labels_that_differ_only_in_surrounding_spaces_are_one_group():
    text = "region,sector,enrolled,potential\nSumsel, Farmers ,1,10\n Sumsel ,Farmers,2,20\nSumsel,Fishers,3,30\n"
    groups = run("report", "-f", "json", input=text).json()["groups"]
    assert [(g["region"], g["sector"], g["enrolled"]) for g in groups] == [
        ("Sumsel", "Farmers", 3),
        ("Sumsel", "Fishers", 3),
    ]


def test_locale_from_the_environment():
    result = run("report", "-s", "BPU", "48.858", "1,34 juta", "-f", "json", env={"ENROLLGAP_LOCALE": "id"})
    assert result.json()["total"]["potential"] == 1340000


def test_the_wrong_locale_is_an_error_with_a_hint_and_nothing_on_stdout():
    result = run("report", "-s", "BPU", "48.858", "1340000")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "with --locale id it reads as 48858" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_bad_cell_names_file_line_and_column():
    text = "sector,enrolled,potential\nFarmers,10,100\nFishers,1.000,10\n"
    result = run("report", "-", input=text)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("enrollgap: error: <stdin>:3:2: enrolled: read '1.000'")
    assert len(result.stderr.splitlines()) == 1


def test_over_covered_sector_warns_and_strict_refuses():
    result = run("report", "-s", "Construction", "2010", "1000", "-s", "Farmers", "10", "100", "-f", "json")
    assert result.exit_code == 0
    document = result.json()
    assert document["groups"][0]["coverage_pct"] == 201.0
    assert document["groups"][0]["gap"] == 0
    assert document["warnings"] == ["Construction: enrolled (2,010) is above potential (1,000): coverage 201.00%"]
    assert "warning: Construction" in result.stderr
    strict = run("report", "-s", "Construction", "2010", "1000", "--strict", "-f", "json")
    assert strict.exit_code == 2 and strict.stdout == "" and "(--strict)" in strict.stderr


def test_zero_over_zero_is_null_with_a_warning_and_enrolled_over_zero_is_an_error():
    result = run("report", "-s", "a", "0", "0", "-s", "b", "1", "2", "-f", "json")
    assert result.json()["groups"][0]["coverage_pct"] is None
    assert "coverage is undefined" in result.stderr
    table = run("report", "-s", "a", "0", "0", "-s", "b", "1", "2")
    assert "│ a" in table.stdout and "–" in table.stdout
    error = run("report", "-s", "a", "5", "0")
    assert error.exit_code == 2 and "potential of 0" in error.stderr and error.stdout == ""


def test_sort_top_and_no_total():
    args = ["report", str(DATA / "provinces.csv"), "--group-by", "sector", "-f", "json"]
    by_gap = run(*args, "--sort", "gap").json()["groups"]
    assert [g["sector"] for g in by_gap] == ["Home industry", "Farmers", "Fishermen", "Construction"]
    by_coverage = run(*args, "--sort", "coverage").json()["groups"]
    assert by_coverage[0]["sector"] == "Farmers"
    top = run(*args, "--sort", "gap", "--top", "2").json()
    assert [g["sector"] for g in top["groups"]] == ["Home industry", "Farmers"]
    assert top["total"]["enrolled"] == 60398  # the total still covers every group
    csv_rows = run("report", str(DATA / "provinces.csv"), "-f", "csv", "--no-total").stdout.splitlines()
    assert len(csv_rows) == 7 and not any(r.startswith("Total") for r in csv_rows)


def test_fail_under_exits_1_but_still_prints():
    result = run("report", *SEED_ID, "--fail-under", "5", "-f", "json")
    assert result.exit_code == 1
    assert result.json()["total"]["enrolled"] == 48858
    assert "3,65% di bawah --fail-under 5%" in result.stderr
    assert run("report", *SEED_ID, "--fail-under", "3,6", "-f", "json").exit_code == 0


@pytest.mark.parametrize("fmt, separator", [("csv", ","), ("tsv", "\t")])
def test_csv_and_tsv_have_a_header_and_a_total_row(fmt, separator):
    result = run("report", str(DATA / "provinces.csv"), "--target", "10", "-f", fmt)
    lines = result.stdout.splitlines()
    assert lines[0].split(separator) == [
        "sector", "region", "enrolled", "potential", "coverage_pct", "gap", "gap_share_pct", "target", "to_target",
    ]  # fmt: skip
    assert lines[-1].split(separator)[:4] == ["Total", "", "60398", "1641000"]
    assert len(lines) == 8


def test_total_label_goes_in_the_region_column_when_only_regions_are_labelled():
    lines = run("report", str(DATA / "regions.jsonl"), "-f", "csv").stdout.splitlines()
    assert lines[-1].startswith(",Total,")


def test_jsonl_is_one_group_a_line_then_the_total():
    lines = run("report", str(DATA / "provinces.csv"), "-f", "jsonl").stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 7
    assert records[-1]["sector"] is None and records[-1]["enrolled"] == 60398


def test_machine_formats_write_plain_numbers_even_in_indonesian():
    result = run("report", *SEED_ID, "-f", "csv")
    assert result.stdout.splitlines()[1].startswith("BPU,,48858,1340000,3.64611940298507")


@pytest.mark.parametrize("fmt", ["markdown", "github", "grid", "plain", "simple", "rst", "html", "latex"])
def test_tabulate_formats_use_the_locale(fmt):
    result = run("report", *SEED_ID, "-f", fmt)
    assert result.exit_code == 0, result
    assert "1.340.000" in result.stdout and "3,65%" in result.stdout


def test_markdown_is_a_pipe_table_with_right_aligned_numbers():
    lines = run("report", "-s", "BPU", "48858", "1340000", "-f", "markdown").stdout.splitlines()
    assert lines[0].startswith("| Sector")
    assert lines[1].startswith("|:--") and "--:|" in lines[1]


def test_unknown_format_is_a_usage_error():
    result = run("report", "-s", "a", "1", "2", "-f", "yaml")
    assert result.exit_code == 2 and result.stdout == ""
    assert "unknown format 'yaml'" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_decimals_for_human_formats_only():
    assert "3.6461%" in run("report", "-s", "BPU", "48858", "1340000", "--decimals", "4").stdout
    assert "3.6461194" in run("report", "-s", "BPU", "48858", "1340000", "--decimals", "4", "-f", "csv").stdout


def test_delimiter_and_encoding_options(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("sektor|peserta|potensi\nPeñata|10|100\n".encode("latin-1"))
    bad = run("report", str(path), "--delimiter", "|")
    assert bad.exit_code == 2 and "--encoding" in bad.stderr and bad.stdout == ""
    good = run("report", str(path), "--delimiter", "|", "--encoding", "latin-1", "-f", "json")
    assert good.json()["groups"][0]["sector"] == "Peñata"


def test_bom_and_crlf_are_read_alike():
    plain = run("report", "-f", "json", input=b"sector,enrolled,potential\nA,1,2\n").json()
    assert run("report", "-f", "json", input=b"\xef\xbb\xbfsector,enrolled,potential\r\nA,1,2\r\n").json() == plain


def test_target_outside_0_to_100_is_a_usage_error():
    for value in ("-5", "101"):
        result = run("report", "-s", "a", "1", "2", "--target", value)
        assert result.exit_code == 2 and "between 0 and 100" in result.stderr


def test_by_needs_target_and_must_come_after_from():
    assert run("report", "-s", "a", "1", "2", "--by", "2025").exit_code == 2
    result = run("report", "-s", "a", "1", "2", "--target", "10", "--by", "2020", "--from", "2020")
    assert result.exit_code == 2 and "must come after the base year" in result.stderr


def test_missing_file_is_one_line():
    result = run("report", "no-such-file.csv")
    assert result.exit_code == 2
    assert result.stderr.startswith("enrollgap: error: no-such-file.csv: cannot open")
    assert len(result.stderr.splitlines()) == 1


def test_empty_input_is_an_error():
    result = run("report", input="")
    assert result.exit_code == 2 and "empty" in result.stderr


def test_nothing_to_read_on_a_terminal_is_a_usage_error_with_a_hint(monkeypatch):
    import click

    from enrollgap.cli.common import input_path

    class Terminal:
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stdin", Terminal())
    with pytest.raises(click.UsageError, match="nothing to read"):
        input_path(None, False, "-s NAME ENROLLED POTENTIAL")
    assert input_path(None, True, "") is None


def test_col_and_delimiter_mistakes_are_usage_errors():
    for args, message in (
        (["--col", "sector"], "expected FIELD=HEADER"),
        (["--col", "village=Desa"], "unknown field 'village'"),
        (["--col", "sector=Desa"], "--col sector=Desa: no such column"),
        (["--delimiter", ";;"], "takes one character"),
    ):
        result = run("report", "-", *args, input="sector,enrolled,potential\na,1,2\n")
        assert result.exit_code == 2 and result.stdout == "", args
        assert message in result.stderr, (args, result.stderr)


@pytest.mark.parametrize(
    "delimiter, rows",
    [
        ("\t", "Petani\t1\t10\nNelayan, pesisir\t2\t20\n"),  # a label with a comma
        (";", "Petani;1;10\nNelayan, pesisir;2;20\n"),
        (",", 'Petani,1,10\n"Nelayan; pesisir",2,20\n'),
    ],
)
def test_a_file_named_csv_is_read_with_the_delimiter_its_lines_use(tmp_path, delimiter, rows):
    path = tmp_path / "rekap.csv"  # a tab-separated export saved as .csv
    path.write_text(delimiter.join(["sektor", "peserta", "potensi"]) + "\n" + rows)
    result = run("report", str(path), "-f", "json")
    assert result.exit_code == 0, result.stderr
    nelayan = "Nelayan; pesisir" if delimiter == "," else "Nelayan, pesisir"
    assert [(g["sector"], g["enrolled"]) for g in result.json()["groups"]] == [("Petani", 1), (nelayan, 2)]


def test_decimal_commas_as_many_as_semicolons_leave_the_semicolon_the_delimiter(tmp_path):
    """A sheet formatted with two decimals, saved as CSV by an Indonesian Excel: each row
    holds as many commas as semicolons, and the header only semicolons."""
    path = tmp_path / "rekap.csv"
    path.write_text("sektor;peserta;potensi\nPetani;1.204,00;38.500,00\nNelayan;2,00;20,00\n")
    result = run("report", str(path), "-f", "json", "--locale", "id")
    assert result.exit_code == 0, result.stderr
    assert [(g["sector"], g["enrolled"], g["potential"]) for g in result.json()["groups"]] == [
        ("Petani", 1204, 38500),
        ("Nelayan", 2, 20),
    ]


@pytest.mark.parametrize("command", ["report", "check"])
def test_rows_split_by_another_delimiter_get_the_delimiter_that_reads_them(tmp_path, command):
    path = tmp_path / "sipd.csv"  # a pipe-separated export
    path.write_text("Rekap 2024\nwilayah|peserta|potensi|persen\nOKU|1|10|10\n")
    result = run(command, str(path))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"enrollgap: error: {path}: the header 'wilayah|peserta|potensi|persen' names its fields when split by "
        "'|', not ',': --delimiter '|'\n"
    )
    assert run(command, str(path), "--delimiter", "|", "-f", "json").exit_code == 0
    tabs = run(command, "-", "--delimiter", ";", input="wilayah\tpeserta\tpotensi\tpersen\nOKU\t1\t10\t10\n")
    assert tabs.stderr.endswith("names its fields when split by a tab, not ';': --delimiter tab\n")
    nothing = run(command, "-", input="a|b\n1|2\n")  # no delimiter names the fields: the usual advice
    assert "found a|b; name it with --col enrolled=HEADER" in nothing.stderr


def test_tab_delimiter_by_name():
    text = "sector\tenrolled\tpotential\na\t1\t2\n"
    result = run("report", "-", "--input-format", "csv", "--delimiter", "tab", "-f", "json", input=text)
    assert result.json()["total"]["potential"] == 2
