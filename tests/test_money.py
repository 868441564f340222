"""Money: budgets, premiums that change by year, the cost of new members."""

import pytest

from conftest import run

PPU = ["-s", "BPU", "15000", "100000", "--from", "2025", "--target", "40", "--by", "2028"]


def test_what_a_budget_buys_in_a_report():
    result = run("report", "--locale", "id", "-s", "BPU", "48.858", "1,34 juta", "--premium", "16.800",
                 "--budget", "3 miliar", "-f", "json")  # fmt: skip
    total = result.json()["total"]
    assert total["budget_workers"] == 3_000_000_000 // (12 * 16_800) == 14880
    assert total["coverage_with_budget_pct"] == pytest.approx(100 * (48858 + 14880) / 1340000)
    assert result.json()["parameters"]["budget"] == 3_000_000_000
    table = run("report", "--locale", "id", "-s", "BPU", "48.858", "1,34 juta", "--premium", "16.800",
                "--budget", "3 miliar").stdout  # fmt: skip
    assert "Rp 3 miliar per tahun membayar iuran 14.880 pekerja; cakupan akan naik dari 3,65% menjadi 4,76%." in table


def test_a_budget_workers_count_never_fills_more_than_the_gap():
    total = run("report", "-s", "a", "90", "100", "--premium", "10", "--budget", "1000000", "-f", "json").json()[
        "total"
    ]
    assert total["budget_workers"] == 8333 and total["coverage_with_budget_pct"] == 100.0


def test_premiums_of_added_members_and_the_year_a_budget_is_outgrown():
    document = run("project", *PPU, "--premium", "16800", "--budget", "4000000000", "-f", "json").json()
    total = document["paths"][-1]
    added = [y["premium_added_per_year"] for y in total["years"]]
    enrolled = [y["enrolled"] for y in total["years"]]
    assert added == [max(e - enrolled[0], 0) * 16800 * 12 for e in enrolled]
    assert total["budget_exceeded_in"] == 2028  # 3,36 miliar in 2027, 5,04 miliar in 2028
    assert "budget_exceeded_in" not in document["paths"][0]
    fits = run("project", *PPU, "--premium", "16800", "--budget", "9000000000", "-f", "json").json()
    assert fits["paths"][-1]["budget_exceeded_in"] is None


def test_a_relief_year_has_its_own_premium():
    document = run("project", *PPU, "--premium", "16800", "--premium", "2026=10500", "-f", "json").json()
    assert document["assumptions"]["premium"] == 16800
    assert document["assumptions"]["premium_by_year"] == {"2026": 10500}
    years = {y["year"]: y for y in document["paths"][-1]["years"]}
    assert years[2026]["premium_per_year"] == years[2026]["enrolled"] * 10500 * 12
    assert years[2027]["premium_per_year"] == years[2027]["enrolled"] * 16800 * 12
    table = run("project", *PPU, "--premium", "16800", "--premium", "2026=10500", "--budget", "4000000000").stdout
    assert "The premiums of the members added pass the budget of Rp 4 billion a year in 2028" in table
    assert "(2026: Rp 10,500)" in table


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--budget", "1000"], "--budget goes with --premium"),
        (["--premium", "16800", "--budget", "0"], "a budget must be more than 0"),
        (["--premium", "16800", "--budget", "-5"], "--budget"),
        (["--premium", "0"], "a premium must be more than 0"),
        (["--premium", "16800", "--budget", "lots"], "--budget"),
        (["--premium", "16800", "--premium", "2031=10500"], "2031 is outside the path (2025-2028)"),
        (["--premium", "16800", "--premium", "2026=1", "--premium", "2026=2"], "2026 is given twice"),
        (["--premium", "2026=10500"], "give a plain --premium AMOUNT"),
        (["--premium", "16800", "--premium", "2026=0"], "a premium must be more than 0"),
    ],
)
def test_bad_money_is_one_clear_line(args, message):
    result = run("project", *PPU, *args)
    assert result.exit_code == 2 and result.stdout == ""
    assert message in result.stderr and result.stderr.count("\n") == 1


def test_the_relief_premium_keeps_the_readme_s_plan_within_its_budget():
    args = ["project", "--locale", "id", "-s", "Pekerja rentan", "15.000", "80.000", "--from", "2025", "--target", "25",
            "--by", "2026", "--premium", "16.800", "--budget", "1 miliar"]  # fmt: skip
    assert "kurang Rp 8 juta" in run(*args).stdout
    assert "tetap dalam anggaran Rp 1 miliar" in run(*args, "--premium", "2026=10.500").stdout


def test_the_project_chart_draws_what_the_budget_pays_for():
    from fractions import Fraction

    from enrollgap.output.rich_table import path_chart

    assert path_chart(Fraction(10), Fraction(20), Fraction(40), width=8, budget=Fraction(30)).plain == "██··┃·╎·"
    table = run("project", "-s", "Pekerja rentan", "15000", "80000", "--from", "2025", "--target", "25", "--by", "2028",
                "--premium", "16800", "--budget", "2000000000").stdout  # fmt: skip
    rows = [line for line in table.splitlines() if line.startswith("│ 20")]
    assert rows and all(line.rstrip(" │").endswith("╎") for line in rows)  # 37.4% paid for, beyond the 25% target
    assert "╎ in the chart: the coverage Rp 2 billion a year pays for" in table


def test_a_budget_that_pays_for_more_than_the_whole_gap_says_so_and_what_is_left():
    """Rp 5 miliar at Rp 16,800 pays 24,801 workers' premiums, and only 9,100 are not
    yet covered: the sentence said it paid 24,801 workers."""
    args = ["report", "-s", "a", "900", "10000", "--premium", "16800", "--budget", "5000000000"]
    said = run(*args).stdout
    assert "pays the premiums of all 9,100 workers not yet covered, with Rp 3.17 billion left" in said
    assert "24,801" not in said
    total = run(*args, "-f", "json").json()["total"]
    assert (total["budget_workers"], total["budget_left"]) == (24801, 5_000_000_000 - 9100 * 12 * 16800)
    assert (
        "seluruh 9.100 pekerja yang belum terlindungi, dengan sisa Rp 3,17 miliar"
        in run(*args, "--locale", "id").stdout
    )
    short = run("report", "-s", "a", "900", "100000", "--premium", "16800", "--budget", "5000000000", "-f", "json")
    assert "budget_left" not in short.json()["total"]  # pays for fewer than the gap: nothing left
