"""What people see: bars, colours, charts, sentences, and the saved SVG and HTML."""

import re
import xml.etree.ElementTree as ElementTree
from fractions import Fraction

import pytest

from conftest import DATA, run
from enrollgap.output.rich_table import coverage_bar, coverage_style, path_chart

SEED = ["-s", "BPU", "48858", "1340000"]


def test_summary_sentence_under_the_report():
    out = run("report", *SEED).stdout
    assert "48,858 of 1,340,000 workers are enrolled (3.65%); 1,291,142 are not." in out


def test_target_and_premium_sentences_in_both_languages():
    args = [*SEED, "--target", "10", "--by", "2025", "--from", "2020", "--premium", "16800"]
    english = run("report", *args).stdout
    assert "Reaching 10% takes 85,142 more enrollments (17,029 a year, 1,420 a month, from 2020 to 2025)." in english
    assert "Rp 260.3 billion" in english
    indonesian = run("report", "--locale", "id", *args).stdout
    assert "Mencapai 10% butuh 85.142 kepesertaan baru (17.029 per tahun, 1.420 per bulan" in indonesian
    assert "Rp 260,3 miliar" in indonesian
    for word in ("Sektor", "Peserta", "Potensi", "Cakupan", "Kesenjangan"):
        assert word in indonesian


def test_coverage_bar_is_proportional_capped_and_marks_over_coverage():
    assert str(coverage_bar(Fraction(50), 10)) == "█████·····"
    assert str(coverage_bar(Fraction(100), 10)) == "██████████"
    assert str(coverage_bar(Fraction(201), 10)) == "█████████▶"
    assert str(coverage_bar(Fraction(3), 10)) == "▏·········"
    assert str(coverage_bar(None, 10)) == ""


def test_colour_cues():
    assert coverage_style(Fraction(3), None) == "red"
    assert coverage_style(Fraction(30), None) == "yellow"
    assert coverage_style(Fraction(80), None) == "green"
    assert coverage_style(Fraction(8), Fraction(10)) == "yellow"
    assert coverage_style(Fraction(10), Fraction(10)) == "green"


def test_path_chart_marks_the_target():
    chart = str(path_chart(Fraction(5), Fraction(10), Fraction(10), 10))
    assert chart == "█████····┃"


def test_biggest_gaps_are_bold_and_low_coverage_red_on_a_terminal():
    out = run("report", str(DATA / "provinces.csv"), env={"FORCE_COLOR": "1", "TERM": "xterm"}).stdout
    assert re.search(r"\x1b\[1m\s*588,550", out)  # the largest gap
    assert re.search(r"\x1b\[31m\s*3\.52%", out)  # low coverage in red


def test_check_verdict_at_a_glance():
    out = run("check", "--enrolled", "48858", "--potential", "1.340.000", "--reported", "3,63", "--locale", "id").stdout
    assert "✗ tidak konsisten" in out


@pytest.mark.parametrize("fmt", ["table", "json", "github"])
def test_svg_and_html_hold_the_figures_whatever_the_format(tmp_path, fmt):
    svg, html = tmp_path / "report.svg", tmp_path / "report.html"
    result = run("report", str(DATA / "provinces.csv"), "-f", fmt, "--svg", str(svg), "--html", str(html))
    assert result.exit_code == 0
    root = ElementTree.parse(svg).getroot()
    assert root.tag.endswith("svg")
    text = svg.read_text().replace("&#160;", " ")
    assert "South Sumatra" in text and "1,641,000" in text
    page = html.read_text()
    assert page.lstrip().lower().startswith("<!doctype html>")
    assert "South Sumatra" in page and "3.68%" in page


def test_svg_of_project_and_check(tmp_path):
    for args in (["project", *SEED, "--from", "2020", "--target", "10", "--by", "2025"],
                 ["check", "--enrolled", "48,858", "--potential", "1.34M", "--reported", "3.63"]):  # fmt: skip
        svg = tmp_path / f"{args[0]}.svg"
        assert run(*args, "--svg", str(svg)).exit_code == 0
        ElementTree.parse(svg)
        assert "48,858" in svg.read_text().replace("&#160;", " ")


def test_unwritable_svg_is_one_line_exit_2(tmp_path):
    result = run("report", *SEED, "--svg", str(tmp_path / "missing" / "x.svg"))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1


def test_help_shows_examples():
    for command in ("report", "project", "check"):
        out = run(command, "--help").stdout
        assert "Examples:" in out and f"enrollgap {command} " in out


def test_shell_completion_script():
    result = run(env={"_ENROLLGAP_COMPLETE": "bash_source"})
    assert "_enrollgap_completion" in result.stdout


def test_no_command_is_one_line_exit_2():
    result = run()
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "enrollgap: error: missing command: report, project or check (see 'enrollgap --help')\n"
