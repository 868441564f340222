"""enrollgap project: required paths, forecasts, assumptions, formats, errors."""

import json

import pytest

from conftest import DATA, run

SEED = ["-s", "BPU", "48858", "1340000", "--from", "2020", "--target", "10"]


def test_linear_seed_path():
    document = run("project", *SEED, "--by", "2025", "-f", "json").json()
    assert document["schema"] == "enrollgap.project/1"
    assert (document["from"], document["to"], document["target_pct"], document["method"]) == (
        2020,
        2025,
        10.0,
        "linear",
    )
    years = document["paths"][0]["years"]
    assert {y["new_net"] for y in years[1:]} == {17028, 17029}
    assert years[-1]["enrolled"] == 134000
    assert list(years[0]) == [
        "year", "potential", "enrolled", "coverage_pct", "gap", "new_net", "new_gross", "premium_per_year",
    ]  # fmt: skip


def test_compound_seed_path_rate():
    years = run("project", *SEED, "--by", "2025", "--path", "compound", "-f", "json").json()["paths"][0]["years"]
    assert round((years[1]["enrolled"] / years[0]["enrolled"] - 1) * 100, 1) == 22.4
    assert years[-1]["enrolled"] == 134000


def test_closing_path_method_is_echoed():
    assert run("project", *SEED, "--by", "2025", "--path", "closing", "-f", "json").json()["method"] == "closing"


def test_assumptions_are_echoed():
    document = run(
        "project", *SEED, "--by", "2025", "--potential-growth", "1.5", "--retention", "90", "--premium", "16800",
        "-f", "json",
    ).json()  # fmt: skip
    assert document["assumptions"] == {"potential_growth_pct": 1.5, "retention_pct": 90.0, "premium": 16800}
    year = document["paths"][0]["years"][1]
    assert year["new_gross"] > year["new_net"]
    assert year["premium_per_year"] == year["enrolled"] * 16800 * 12


def test_total_is_last_and_sums_the_groups():
    document = run(
        "project", str(DATA / "provinces.csv"), "--group-by", "region", "--from", "2020", "--target", "10",
        "--by", "2024", "-f", "json",
    ).json()  # fmt: skip
    groups, total = document["paths"][:-1], document["paths"][-1]
    assert total["sector"] is None and total["region"] is None
    for index, year in enumerate(total["years"]):
        assert year["enrolled"] == sum(g["years"][index]["enrolled"] for g in groups)
    assert total["reached"] == 2024


def test_growth_forecast_and_null_when_not_reached():
    document = run("project", *SEED, "--growth", "20", "-f", "json").json()
    assert document["to"] == 2026 and document["method"] == "growth"
    never = run("project", *SEED, "--add", "0", "--horizon", "5", "-f", "json").json()
    assert never["to"] is None and never["paths"][-1]["reached"] is None
    assert len(never["paths"][0]["years"]) == 6


def test_add_forecast_in_indonesian_numbers():
    document = run(
        "project", "--locale", "id", "-s", "BPU", "48.858", "1,34 juta", "--from", "2020", "--target", "10",
        "--add", "20.000", "-f", "json",
    ).json()  # fmt: skip
    assert document["to"] == 2025 and document["method"] == "add"


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--by", "2025", "--growth", "5"], "give one of --by YEAR, --growth PCT or --add N"),
        ([], "give one of --by YEAR"),
        (["--by", "2020"], "must come after the base year"),
        (["--by", "2019"], "must come after the base year"),
        (["--by", "2025", "--retention", "120"], "retention must be between 0 and 100"),
        (["--growth", "5", "--path", "linear"], "--path goes with --by"),
    ],
)
def test_invalid_combinations_exit_2(extra, message):
    result = run("project", *SEED, *extra)
    assert result.exit_code == 2 and result.stdout == ""
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_target_outside_0_to_100():
    result = run("project", "-s", "a", "1", "2", "--from", "2020", "--target", "120", "--by", "2025")
    assert result.exit_code == 2 and "between 0 and 100" in result.stderr


def test_compound_from_zero_suggests_linear():
    result = run(*"project -s a 0 100 --from 2020 --target 10 --by 2025 --path compound".split())
    assert result.exit_code == 2 and "use --path linear" in result.stderr and result.stdout == ""


def test_human_table_per_group_and_total_with_chart():
    result = run("project", str(DATA / "sectors.tsv"), "--from", "2020", "--target", "10", "--by", "2022")
    out = result.stdout
    assert "Farmers: 10% by 2022 (linear)" in out and "Total: 10% by 2022 (linear)" in out
    assert "Fishermen: 10% by 2022 (linear)" in out
    assert "┃" in out and "█" in out
    assert "Assumes the potential grows 0% a year, 100% of participants stay each year." in out


def test_human_table_in_indonesian():
    result = run(
        "project", "--locale", "id", "-s", "BPU", "48.858", "1,34 juta", *"--from 2020 --target 10 --by 2025".split()
    )
    assert "Tahun" in result.stdout and "Peserta" in result.stdout and "134.000" in result.stdout
    assert "Target tercapai pada 2025." in result.stdout


def test_csv_rows_per_path_and_year_with_total_label():
    lines = run(
        "project", str(DATA / "sectors.tsv"), "--from", "2020", "--target", "10", "--by", "2022", "-f", "csv"
    ).stdout.splitlines()
    assert (
        lines[0] == "sector,region,reached,year,potential,enrolled,coverage_pct,gap,new_net,new_gross,premium_per_year"
    )
    assert len(lines) == 1 + 3 * 3
    assert lines[-1].startswith("Total,,2022,2022,730000,")


def test_jsonl_one_path_a_line():
    lines = run(
        "project",
        str(DATA / "sectors.tsv"),
        "--from",
        "2020",
        "--target",
        "10",
        "--by",
        "2022",
        "-f",
        "jsonl",
    ).stdout.splitlines()
    assert [json.loads(line)["sector"] for line in lines] == ["Farmers", "Fishermen", None]


def test_zero_potential_years_have_null_coverage_and_warn():
    result = run(*"project -s a 0 0 -s b 1 10 --from 2020 --target 10 --by 2021 -f json".split())
    assert result.exit_code == 0
    assert [y["coverage_pct"] for y in result.json()["paths"][0]["years"]] == [None, None]
    assert "coverage is undefined" in result.stderr
    assert run(*"project -s a 0 0 --from 2020 --target 10 --by 2021 --strict".split()).exit_code == 2


def test_from_defaults_to_this_year():
    import datetime

    this_year = datetime.date.today().year
    document = run("project", "-s", "a", "1", "100", "--target", "10", "--by", str(this_year + 2), "-f", "json").json()
    assert document["from"] == this_year
    result = run("project", "-s", "a", "1", "100", "--target", "10", "--by", str(this_year))
    assert result.exit_code == 2 and f"base year {this_year}" in result.stderr


def test_a_premium_year_in_digits_of_another_script_is_refused():
    """Counts and years are read in 0-9 only; --premium YEAR=AMOUNT too."""
    result = run("project", "-s", "a", "1", "10", "--target", "50", "--premium", "\u0662\u0660\u0662\u0666=16800")
    assert result.exit_code == 2 and "expected YEAR=AMOUNT" in result.stderr


def test_a_capped_forecast_reports_the_growth_of_the_years_before_the_cap():
    """--growth 50 held at the whole potential from 2029 on grew 50% a year until then
    (an average over the held years said 44.48%)."""
    result = run("project", "-s", "BPU", "48858", "1340000", "-s", "B", "1000", "2000", "--from", "2020",
                 "--target", "100", "--growth", "50", "-f", "json")  # fmt: skip
    assert result.exit_code == 0, result
    rates = [path["rate_pct"] for path in result.json()["paths"]]
    assert rates[:2] == [50.0, 50.0]
    assert abs(rates[2] - 50) < 0.001  # the total, over the years before the first cap (2022)
    assert "+50.00% a year" in run("project", "-s", "BPU", "48858", "1340000", "--from", "2020",
                                   "--target", "100", "--growth", "50").stdout  # fmt: skip
