"""enrollgap check: single cases, tables, formats, exit codes."""

import pytest

from conftest import DATA, run

SEED = ["--locale", "id", "--enrolled", "48.858", "--reported", "3,63 persen"]


def test_the_news_sentence_is_consistent_as_rounded():
    result = run("check", *SEED, "--potential", "1,34 juta")
    assert result.exit_code == 0, result
    assert "konsisten" in result.stdout
    assert (
        # The figures as published ("3,63 persen"), never rewritten.
        "3,63 persen konsisten dengan 48.858 dari 1,34 juta (setelah pembulatan); "
        "dengan tepat 1.340.000 hasilnya 3,65%." in result.stdout
    )


def test_with_exactly_1340000_it_is_not():
    result = run("check", *SEED, "--potential", "1.340.000")
    assert result.exit_code == 1
    assert "tidak konsisten" in result.stdout
    assert "1.344.100 s.d. 1.347.806" in result.stdout


def test_english_sentence():
    result = run("check", "--enrolled", "48,858", "--potential", "1.34 million", "--reported", "3.63%")
    assert (
        "3.63% is consistent with 48,858 of 1.34 million (as rounded); with exactly 1,340,000 it would be 3.65%."
        in result.stdout
    )


def test_json_fields():
    document = run("check", *SEED, "--potential", "1,34 juta", "-f", "json").json()
    assert document["schema"] == "enrollgap.check/1"
    row = document["rows"][0]
    assert list(row) == [
        "label", "enrolled", "potential", "reported_pct", "coverage_pct", "difference_pp", "consistent",
        "implied_potential", "implied_enrolled", "reported_as", "enrolled_as", "potential_as",
    ]  # fmt: skip
    assert (row["reported_as"], row["enrolled_as"], row["potential_as"]) == ("3,63 persen", "48.858", "1,34 juta")
    assert row["label"] is None and row["consistent"] is True
    assert row["implied_potential"] == [1344100, 1347806]
    assert row["implied_enrolled"] == [48575, 48708]
    assert row["reported_pct"] == 3.63
    assert round(row["difference_pp"], 4) == round(3.63 - 48858 / 13400, 4)


def test_a_table_gets_one_verdict_a_row_and_exit_1_when_any_is_inconsistent():
    result = run("check", str(DATA / "published.csv"), "-f", "json")
    assert result.exit_code == 1
    rows = result.json()["rows"]
    assert [(r["label"], r["consistent"]) for r in rows] == [
        ("Sumsel BPU (Jan 2020)", True),
        ("Sumsel if exact", False),
        ("Construction 2018", True),
    ]


def test_a_consistent_table_exits_0_from_stdin_with_aliases():
    text = "wilayah;sektor;peserta;potensi;persen\nSumsel;BPU;48.858;1,34 juta;3,63\n"
    result = run("check", "--locale", "id", "-f", "json", input=text)
    assert result.exit_code == 0, result
    assert result.json()["rows"][0]["label"] == "Sumsel / BPU"


def test_tolerance():
    assert run("check", *SEED, "--potential", "1.340.000", "--tolerance", "0,02").exit_code == 0


def test_csv_flattens_ranges():
    lines = run("check", str(DATA / "published.csv"), "-f", "csv").stdout.splitlines()
    assert lines[0] == (
        "label,enrolled,potential,reported_pct,coverage_pct,difference_pp,consistent,"
        "implied_potential_min,implied_potential_max,implied_enrolled_min,implied_enrolled_max,"
        "reported_as,enrolled_as,potential_as"
    )
    assert lines[1].startswith("Sumsel BPU (Jan 2020),48858,1340000,3.63,")
    assert ",true,1344100,1347806," in lines[1]


def test_summary_names_inconsistent_rows():
    out = run("check", str(DATA / "published.csv")).stdout
    assert "1 of 3 rows are inconsistent." in out
    assert "3.63% does not fit 48858 of 1340000" in out  # quoted as the file writes them


@pytest.mark.parametrize(
    "args, message",
    [
        (["--enrolled", "1", "--potential", "2"], "needs all three"),
        (["--enrolled", "1", "--potential", "0", "--reported", "0"], "potential is 0"),
        (["--enrolled", "x", "--potential", "2", "--reported", "1"], "--enrolled"),
        (
            ["--enrolled", "1", "--potential", "2", "--reported", "1", "--tolerance", "-1"],
            "cannot be negative",
        ),
    ],
)
def test_errors_exit_2(args, message):
    result = run("check", *args)
    assert result.exit_code == 2 and result.stdout == ""
    assert message in result.stderr


def test_a_table_without_reported_column_is_an_error():
    result = run("check", input="enrolled,potential\n1,2\n")
    assert result.exit_code == 2 and "no reported column" in result.stderr


def test_every_alias_of_reported_is_found_in_csv_and_json():
    for header in ("reported", "Persen", "Persentase", "PERCENT", "Percentage", "reported_pct", "Reported Pct"):
        text = f"enrolled,potential,{header}\n1,4,25\n"
        assert run("check", "-f", "json", input=text).exit_code == 0, header
        line = f'{{"enrolled": 1, "potential": 4, "{header}": 25}}\n'
        assert run("check", "-f", "json", "--input-format", "jsonl", input=line).exit_code == 0, header
