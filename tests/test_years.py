"""Panels: the same groups over several years are never summed across years."""

import pytest

from conftest import run
from enrollgap import Group
from enrollgap.panel import panel

PANEL = (
    "tahun,sektor,peserta,potensi\n2021,petani,100,1000\n2022,petani,150,1000\n2022,nelayan,5,50\n2021,nelayan,4,50\n"
)


def test_a_panel_is_never_summed_across_years():
    result = run(
        "report", "-f", "json", input="tahun,sektor,peserta,potensi\n2021,petani,100,1000\n2022,petani,150,1000\n"
    )
    assert result.exit_code == 0, result
    (group,) = result.json()["groups"]
    assert (group["enrolled"], group["potential"], group["year"]) == (150, 1000, 2022)


def test_each_group_and_the_total_say_how_they_changed():
    document = run("report", "-f", "json", input=PANEL).json()
    petani, nelayan = document["groups"]
    assert (petani["prev_year"], petani["enrolled_change"], petani["coverage_change_pp"]) == (2021, 50, 5.0)
    assert (nelayan["prev_year"], nelayan["enrolled_change"], nelayan["coverage_change_pp"]) == (2021, 1, 2.0)
    total = document["total"]
    assert (total["year"], total["prev_year"], total["enrolled_change"]) == (2022, 2021, 51)
    assert total["coverage_change_pp"] == pytest.approx(100 * 155 / 1050 - 100 * 104 / 1050)
    assert list(petani)[-4:] == ["year", "prev_year", "enrolled_change", "coverage_change_pp"]


def test_the_year_keys_appear_only_with_years():
    document = run("report", "-f", "json", input="sektor,peserta,potensi\na,1,2\n").json()
    assert "year" not in document["groups"][0] and "prev_year" not in document["total"]


def test_another_year_and_a_year_that_is_not_there():
    document = run("report", "--year", "2021", "-f", "json", input=PANEL).json()
    assert [g["enrolled"] for g in document["groups"]] == [100, 4]
    assert document["total"]["prev_year"] is None
    missing = run("report", "--year", "2020", input=PANEL)
    assert missing.exit_code == 2 and "--year: the input has no rows for 2020 (years: 2021, 2022)" in missing.stderr
    assert run("report", "--year", "2021", input="sektor,peserta,potensi\na,1,2\n").exit_code == 2


def test_a_group_missing_in_the_reported_year_is_left_out_with_a_warning():
    rows = PANEL + "2021,buruh,1,10\n"
    result = run("report", "-f", "json", input=rows)
    assert [g["sector"] for g in result.json()["groups"]] == ["petani", "nelayan"]
    assert "buruh: no row for 2022, so it is left out (its latest year is 2021)" in result.stderr
    assert run("report", "--strict", input=rows).exit_code == 2


def test_the_total_s_previous_year_is_one_every_reported_group_has():
    groups = [
        Group("a", None, 1, 10, year=2020),
        Group("a", None, 2, 10, year=2022),
        Group("b", None, 3, 10, year=2021),
        Group("b", None, 4, 10, year=2022),
    ]
    chosen = panel(groups)
    assert chosen.total.prev_year is None  # no earlier year holds both a and b
    assert chosen.changes[("a", None)].prev_year == 2020 and chosen.changes[("b", None)].prev_year == 2021


def test_a_year_column_alone_is_one_unnamed_group_through_the_years():
    document = run("report", "-f", "json", input="periode,peserta,potensi\n2021,1,10\n2022,3,10\n2022,1,10\n").json()
    (group,) = document["groups"]
    assert (group["sector"], group["region"], group["enrolled"], group["potential"]) == (None, None, 4, 20)
    assert group["enrolled_change"] == 3


@pytest.mark.parametrize("year", ["21", "2021/22", "x", "", "\u0662\u0660\u0662\u0661", "\u0662\u0660\u0662\u0661.0"])
def test_a_year_that_is_not_a_year_is_an_error_naming_the_cell(year):
    result = run("report", input=f"sektor,tahun,peserta,potensi\na,2021,1,2\nb,{year},1,2\n")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("enrollgap: error: <stdin>:3:2: year: read ")


def test_a_spreadsheet_year_written_as_2021_0(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in (["tahun", "sektor", "peserta", "potensi"], [2021.0, "a", 1, 10], [2022.0, "a", 2, 10]):
        book.active.append(row)
    book.save(tmp_path / "p.xlsx")
    document = run("report", str(tmp_path / "p.xlsx"), "-f", "json").json()
    assert (document["groups"][0]["year"], document["groups"][0]["enrolled"]) == (2022, 2)


def test_json_panels_too():
    data = (
        '[{"year": 2021, "sector": "a", "enrolled": 1, "potential": 2},'
        ' {"year": "2022", "sector": "a", "enrolled": 2, "potential": 2}]'
    )
    assert run("report", "-f", "json", input=data).json()["total"]["enrolled"] == 2


def test_rows_with_and_without_years_do_not_mix():
    result = run("report", "-", "-s", "x", "1", "2", input=PANEL)
    assert result.exit_code == 2 and "some rows have a year and some do not" in result.stderr


def test_project_starts_from_the_latest_year_and_from_must_be_one_of_the_input():
    result = run("project", "--target", "20", "--by", "2024", "-f", "json", input=PANEL)
    assert result.exit_code == 0, result
    document = result.json()
    assert document["from"] == 2022
    assert document["paths"][-1]["years"][0]["enrolled"] == 155
    wrong = run("project", "--target", "20", "--by", "2024", "--from", "2020", input=PANEL)
    assert wrong.exit_code == 2 and "--from: must be a year of the input (years: 2021, 2022)" in wrong.stderr


def test_report_with_years_takes_the_reported_year_as_the_base_of_by():
    document = run("report", "--target", "20", "--by", "2024", "-f", "json", input=PANEL).json()
    assert document["total"]["per_year"] == -(-(200 - 150) // 2) + -(-(10 - 5) // 2)


HISTORY = "tahun,sektor,peserta,potensi\n2020,petani,80,1000\n2021,petani,100,1000\n2022,petani,150,1000\n"


def test_the_trend_is_the_exact_least_squares_slope_and_the_compound_rate():
    path = run("project", "--target", "20", "--by", "2024", "-f", "json", input=HISTORY).json()["paths"][0]
    assert [h["year"] for h in path["history"]] == [2020, 2021, 2022]
    assert path["trend"]["net_per_year"] == 35.0  # (150 - 80) / 2 by least squares over 80, 100, 150
    assert path["trend"]["growth_pct"] == pytest.approx(100 * ((150 / 80) ** 0.5 - 1))
    assert (path["required_per_year"], path["reached_at_trend"], path["on_track"]) == (25.0, 2024, True)


def test_a_missing_year_in_the_middle_uses_the_years_present():
    from fractions import Fraction

    from enrollgap.trend import Observed, slope

    points = [Observed(2019, 10, 100), Observed(2020, 12, 100), Observed(2023, 30, 100)]
    assert isinstance(slope(points), Fraction)
    mean_year = Fraction(2019 + 2020 + 2023, 3)
    mean = Fraction(52, 3)
    expected = sum((p.year - mean_year) * (p.enrolled - mean) for p in points) / sum(
        (p.year - mean_year) ** 2 for p in points
    )
    assert slope(points) == expected


def test_a_declining_trend_never_reaches_the_target_and_says_so():
    rows = "tahun,sektor,peserta,potensi\n2020,petani,150,1000\n2021,petani,120,1000\n2022,petani,100,1000\n"
    document = run("project", "--target", "20", "--by", "2030", "-f", "json", input=rows).json()
    path = document["paths"][0]
    assert path["trend"]["net_per_year"] == -25.0
    assert (path["reached_at_trend"], path["on_track"]) == (None, False)
    table = run("project", "--target", "20", "--by", "2030", input=rows)
    assert (
        "At the observed -25 a year, 20% is not reached within 50 years: OFF TRACK; 13 a year are needed."
        in table.stdout
    )
    indonesian = run("project", "--target", "20", "--by", "2030", "--locale", "id", input=rows)
    assert "20% tidak tercapai dalam 50 tahun: TIDAK SESUAI TARGET" in indonesian.stdout


def test_late_and_early_are_said_with_the_years():
    late = run("project", "--target", "30", "--by", "2025", input=HISTORY).stdout
    assert "At the observed +35 a year, 30% is reached only in 2027, 2 years late: OFF TRACK" in late
    early = run("project", "--target", "20", "--by", "2026", input=HISTORY).stdout
    assert "At the observed +35 a year, 20% is reached in 2024, 2 years early; 13 a year are needed." in early
    assert "2020*" in early and "* observed in the input; the path starts from 2022." in early


def test_one_year_only_has_no_trend_and_a_warning():
    result = run(
        "project", "--target", "20", "--by", "2026", "-f", "json", input="tahun,sektor,peserta,potensi\n2022,a,1,10\n"
    )
    assert result.json()["paths"][0]["trend"] is None
    assert "a: only one year observed up to 2022, so there is no trend" in result.stderr


def test_the_total_is_on_track_only_when_every_group_is():
    rows = HISTORY + "2020,nelayan,5,50\n2021,nelayan,5,50\n2022,nelayan,5,50\n"
    document = run("project", "--target", "20", "--by", "2024", "-f", "json", input=rows).json()
    petani, nelayan, total = document["paths"]
    assert (petani["on_track"], nelayan["on_track"], total["on_track"]) == (True, False, False)
    assert total["required_per_year"] == petani["required_per_year"] + nelayan["required_per_year"]
    assert total["reached_at_trend"] is None


def test_the_window_limits_the_years_the_trend_looks_at():
    path = run("project", "--target", "20", "--by", "2024", "--window", "2", "-f", "json", input=HISTORY).json()[
        "paths"
    ][0]
    assert [h["year"] for h in path["history"]] == [2021, 2022]
    assert path["trend"]["net_per_year"] == 50.0
    assert run("project", "--target", "20", "--by", "2024", "--window", "1", input=HISTORY).exit_code == 2


def test_trend_forecasts_continue_each_group_s_own_pace():
    document = run("project", "--target", "20", "--trend", "linear", "-f", "json", input=HISTORY).json()
    assert document["method"] == "trend-linear"
    assert [y["enrolled"] for y in document["paths"][0]["years"]] == [150, 185, 220]
    compound = run("project", "--target", "20", "--trend", "compound", "-f", "json", input=HISTORY).json()
    assert compound["paths"][0]["years"][1]["enrolled"] == round(150 * (150 / 80) ** 0.5)
    none = run("project", "--target", "20", "--trend", "linear", input="tahun,sektor,peserta,potensi\n2022,a,1,10\n")
    assert none.exit_code == 2 and "a: no linear trend" in none.stderr
    plain = run("project", "--target", "20", "--trend", "linear", input="sektor,peserta,potensi\na,1,10\n")
    assert plain.exit_code == 2 and "--trend: needs a year column" in plain.stderr


def test_three_years_draw_a_coverage_sparkline_per_group_two_do_not():
    from enrollgap.output.view import sparkline

    three = HISTORY + "2020,nelayan,9,50\n2021,nelayan,5,50\n2022,nelayan,5,50\n"
    table = run("report", input=three, env={"COLUMNS": "200"}).stdout
    assert "Coverage 2020–2022" in table and "▁▃█" in table and "█▁▁" in table
    assert "Coverage 2020" not in run("report", input=PANEL, env={"COLUMNS": "200"}).stdout
    assert sparkline([None, 1, 1]) == " ▁▁"


def test_check_keeps_rows_of_different_years_apart_in_its_labels():
    rows = "tahun,provinsi,peserta,potensi,persen\n2021,Sumsel,1,3,33.3\n2022,Sumsel,1,3,33.3\n"
    labels = [row["label"] for row in run("check", "-f", "json", input=rows).json()["rows"]]
    assert labels == ["Sumsel / 2021", "Sumsel / 2022"]


def test_duplicate_rows_of_one_label_and_year_are_summed_and_a_later_group_joins():
    rows = "tahun,sektor,peserta,potensi\n2021,a,1,10\n2021,a,2,10\n2022,a,4,20\n2022,b,1,10\n"
    document = run("report", "-f", "json", input=rows).json()
    a, b = document["groups"]
    assert (a["enrolled"], a["enrolled_change"]) == (4, 1)  # 4 in 2022 against 1 + 2 in 2021
    assert (b["prev_year"], b["enrolled_change"]) == (None, None)  # b appears only in 2022
    assert document["total"]["prev_year"] is None  # no earlier year holds both


@pytest.mark.parametrize(("year", "shown"), [("[]", "an array"), ('{"y": 2021}', "an object")])
def test_a_json_year_that_is_an_array_or_an_object_is_an_error_naming_it(year, shown):
    result = run("report", input=f'[{{"sector": "a", "enrolled": 1, "potential": 2, "year": {year}}}]')
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"enrollgap: error: <stdin>:1:2: year: read {shown}, expected a year from 1900 to 2100\n"


PACED = (
    "tahun,sektor,peserta,potensi\n2022,Petani,1204,38500\n2023,Petani,1900,38900\n2024,Petani,2950,39300\n"
    "2022,Nelayan,410,9800\n2023,Nelayan,415,9800\n2024,Nelayan,430,9900\n"
)


def test_on_track_is_judged_in_the_terms_of_the_path_s_own_method():
    """Under --path compound the verdict used the linear pace; now the observed growth
    rate continues the path (Petani: +56.53% a year reaches 10% in 2025)."""
    linear = run("project", "--target", "10", "--by", "2027", "-f", "json", input=PACED).json()["paths"]
    compound = run("project", "--target", "10", "--by", "2027", "--path", "compound", "-f", "json", input=PACED)
    paths = compound.json()["paths"]
    assert [(p["sector"], p["reached_at_trend"], p["on_track"]) for p in paths[:2]] == [
        ("Petani", 2025, True),
        ("Nelayan", 2059, False),
    ]
    assert linear[0]["reached_at_trend"] == 2026  # +873 a year
    said = run("project", "--target", "10", "--by", "2027", "--path", "compound", input=PACED).stdout
    assert "At the observed +56.53% a year, 10% is reached in 2025, 2 years early; +10.03% a year are needed." in said


def test_the_total_s_sentence_gives_its_own_pace_and_names_the_groups_that_would_not_make_it():
    """The total said '+883 a year ... not reached within 50 years', lending Nelayan's
    never to a total that gets there in 2026 at its own pace."""
    said = run("project", "--target", "10", "--by", "2027", input=PACED).stdout
    assert (
        "At the observed +883 a year, the total reaches 10% in 2026, a year early; 514 a year are needed. "
        "At their own pace, Nelayan would not reach it in time: OFF TRACK." in " ".join(said.split())
    )
    total = run("project", "--target", "10", "--by", "2027", "-f", "json", input=PACED).json()["paths"][-1]
    assert (total["reached_at_trend"], total["on_track"]) == (None, False)  # the JSON: every group's verdict
    said_id = run("project", "--target", "10", "--by", "2027", "--locale", "id", input=PACED).stdout
    assert "Dengan lajunya sendiri, Nelayan tidak akan mencapainya tepat waktu" in " ".join(said_id.split())
