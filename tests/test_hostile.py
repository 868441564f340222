"""Hostile input: names are data, limits are bounded, memory does not grow with rows."""

import io
import os
import subprocess
import sys

import pytest

from conftest import run, run_process
from enrollgap.read import source as read


def test_rich_markup_in_a_name_is_shown_literally():
    result = run("report", "-s", "[red]x[/]", "1", "2", "-s", "[bold]y", "1", "4")
    assert "[red]x[/]" in result.stdout and "[bold]y" in result.stdout


@pytest.mark.parametrize("fmt", ["table", "github", "grid", "plain"])
@pytest.mark.parametrize(
    "nasty, shown",
    [
        ("\x1b[2J", "\\x1b[2J"),
        ("\x07", "\\x07"),
        ("a\rb", "a\\x0db"),
        ("\b", "\\x08"),
        ("\x9b", "\\x9b"),
        ("\u202e", "\\u202e"),
        ("\u061c", "\\u061c"),  # the Arabic letter mark, a Bidi_Control
        ("\u2066", "\\u2066"),
        ("\xad", "\\xad"),  # a soft hyphen
        ("\u3164", "\\u3164"),  # the Hangul filler, which looks like nothing
        ("\U000e0041", "\\U000e0041"),  # a tag character
    ],
)
def test_control_characters_never_reach_a_human_format(fmt, nasty, shown):
    result = run("report", "-f", fmt, input=f'sector,enrolled,potential\n"{nasty}farm",1,2\n')
    assert result.exit_code == 0, result
    assert shown in result.stdout
    assert nasty not in result.stdout


@pytest.mark.parametrize(
    "fmt", ["pipe", "github", "jira", "youtrack", "asciidoc", "orgtbl", "mediawiki", "textile", "moinmoin"]
)
def test_a_name_cannot_add_a_cell_in_any_format_that_splits_cells_at_a_bar(fmt):
    result = run("report", "-f", fmt, input="sector,enrolled,potential\na|b|c,1,2\nd,1,2\n")
    assert result.exit_code == 0, result
    lines = result.stdout.splitlines()
    named = next(line for line in lines if "a" in line and "b" in line and "c" in line and "1" in line)
    other = next(line for line in lines if line.strip("|< .").startswith("d") or "| d " in line or "|  d " in line)
    unescaped = named.replace("\\|", "").replace("&#124;", "")
    assert unescaped.count("|") == other.count("|"), (named, other)


@pytest.mark.parametrize("fmt", ["unsafehtml", "latex_raw"])
def test_formats_that_pass_markup_through_are_not_offered(fmt):
    result = run("report", "-s", "<b>x</b>", "1", "2", "-f", fmt)
    assert (result.exit_code, result.stdout) == (2, "")
    assert "unknown format" in result.stderr and "unsafehtml" not in result.stderr.split("(", 1)[1]


def test_control_characters_never_reach_stderr():
    result = run("report", input="sector,enrolled,potential\nfarm\x1b[2J,5,2\nb,\x1b[31m,3\n")
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "\\x1b[31m" in result.stderr
    warned = run("report", "-f", "json", input="sector,enrolled,potential\nfarm\x1b[2J,5,2\n")
    assert "\x1b" not in warned.stderr and "farm\\x1b[2J" in warned.stderr


@pytest.mark.parametrize("name", ["=1+1", "+1", "-1", "@SUM(A1)", '=HYPERLINK(""http://x"")'])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(name):
    for fmt, separator in (("csv", ","), ("tsv", "\t")):
        text = run("report", "-f", fmt, input=f'sector,enrolled,potential\n"{name}",1,2\n').stdout
        first = text.splitlines()[1]
        assert first.startswith(("'", "\"'")), (fmt, first)
        assert separator.join(["1", "2"]) in first


def test_tab_and_carriage_return_in_front_are_neutralised_too():
    # Labels are stripped when read, so only a cell written some other way can start so.
    from enrollgap.output.delimited import cell

    assert cell("\tx") == "'\tx" and cell("\rx") == "'\rx"
    assert cell("x=1") == "x=1" and cell(-1.5) == "-1.5" and cell(None) == ""


def test_negative_numbers_in_csv_stay_numbers():
    text = run("check", "--enrolled", "50", "--potential", "100", "--reported", "49", "-f", "csv").stdout
    assert ",-1.0," in text  # difference_pp is a number, not a formula


def test_a_1000_digit_number_is_a_clear_error():
    result = run("report", "-s", "a", "9" * 1000, "10")
    assert result.exit_code == 2 and "too large" in result.stderr
    assert len(result.stderr) < 400
    in_file = run("report", input="sector,enrolled,potential\na," + "9" * 1000 + ",10\n")
    assert in_file.exit_code == 2 and in_file.stderr.startswith("enrollgap: error: <stdin>:2:2: enrolled:")
    assert "too large" in in_file.stderr
    assert "9" * 100 not in in_file.stderr or len(in_file.stderr) < 1300


def test_a_10_mb_field_gets_a_correct_answer():
    label = "x" * (10 * 1024 * 1024)
    result = run("report", "-f", "json", input=f"sector,enrolled,potential\n{label},1,2\n{label},3,4\n")
    assert result.exit_code == 0
    assert result.json()["groups"][0]["enrolled"] == 4
    table = run("report", input=f"sector,enrolled,potential\n{label},1,2\n")
    assert table.exit_code == 0 and len(table.stdout) < 10_000  # names are cut in tables


def test_an_endless_line_is_an_error_not_a_hang(monkeypatch):
    monkeypatch.setattr(read, "MAX_LINE", 50_000)
    monkeypatch.setattr(read, "CHUNK", 4096)
    endless = {"csv": "sector,enrolled,potential\n" + "1," * 100_000, "jsonl": '{"sector": "' + "x" * 200_000}
    for fmt in ("csv", "jsonl"):
        result = run("report", "--input-format", fmt, input=endless[fmt])
        assert result.exit_code == 2, result
        assert "longer than" in result.stderr
    result = run("report", "--input-format", "json", input="[" + " " * 200_000 + "{")
    assert result.exit_code == 2


def test_deeply_nested_json_is_an_error():
    for text in ("[" * 100_000, '[{"sector": ' + "[" * 100_000 + "]}]", '{"a": ' + "[" * 100_000 + "\n"):
        result = run("report", input=text)
        assert result.exit_code == 2 and result.stderr.count("\n") == 1


def test_json_errors_name_line_and_column():
    result = run(
        "report",
        input='[\n {"sector": "a", "enrolled": 1, "potential": 2},\n'
        ' {"sector": "b", "enrolled": "x", "potential": 2}\n]',
    )
    assert result.stderr.startswith("enrollgap: error: <stdin>:3:2: enrolled: read 'x'")
    broken = run("report", input='[\n {"sector": "a", "enrolled": 1, "potential": 2}\n {"sector": "b"}]')
    assert broken.stderr.startswith("enrollgap: error: <stdin>:3:2: not valid JSON")


def test_memory_does_not_grow_with_rows(tmp_path):
    """Peak memory of a real process at 10k and 300k rows: the same, give or take."""
    peaks = []
    for rows in (10_000, 300_000):
        path = tmp_path / f"rows{rows}.csv"
        with path.open("w") as out:
            out.write("region,sector,enrolled,potential\n")
            out.writelines(f"v{i // 8},s{i % 8},{i % 97},{100 + i % 89}\n" for i in range(rows))
        process = subprocess.Popen(
            [sys.executable, "-m", "enrollgap", "report", str(path), "--group-by", "sector", "-f", "json"],
            stdout=subprocess.DEVNULL,
        )
        _, status, usage = os.wait4(process.pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        peaks.append(usage.ru_maxrss / 1024)
    assert peaks[1] - peaks[0] < 10, peaks  # a held row list would add tens of MiB


def test_progress_bar_shows_and_clears_on_a_terminal():
    from rich.console import Console

    from enrollgap.output.progress import progress_for

    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=80)
    start = progress_for(100, console)
    assert start("small.csv", 99) is None  # small files get no bar
    update = start("big.csv", 1000)
    update(500)
    assert "reading big.csv" in screen.getvalue()
    update(None)


def test_progress_only_when_stderr_is_a_terminal(monkeypatch):
    from enrollgap.cli.options import read_options

    assert read_options("en", None, None, "utf-8", ()).progress is None
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert read_options("en", None, None, "utf-8", ()).progress is not None


def test_big_file_piped_stderr_shows_no_progress(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("sector,enrolled,potential\n" + "a,1,2\n" * 20000)
    result = run_process("report", str(path), "-f", "json")
    assert result.exit_code == 0 and result.stderr == ""


def test_names_cannot_break_markdown_html_or_latex_tables():
    markdown = run("report", "-s", "a|b", "1", "2", "-f", "markdown").stdout.splitlines()
    assert markdown[2].startswith("| a\\|b ")
    table = [line for line in markdown if line.startswith("|")]
    assert all(line.count("|") - line.count("\\|") == table[0].count("|") for line in table)
    html = run("report", "-s", "<script>alert(1)</script>", "1", "2", "-f", "html").stdout
    assert "<script>" not in html and "&lt;script&gt;" in html
    latex = run("report", "-s", "50% & $x_1", "1", "2", "-f", "latex").stdout
    assert "50\\% \\& \\$x\\_1" in latex


def test_rows_that_add_up_past_10_15_are_refused_at_their_group():
    big = "999999999999999"
    result = run("report", input=f"sector,enrolled,potential\nb,1,2\na,{big},{big}\na,{big},{big}\n")
    assert result.exit_code == 2 and result.stdout == ""
    assert (
        result.stderr
        == "enrollgap: error: <stdin>:3: the counts of a add up to more than 10^15; is a column misread?\n"
    )


# ------------------------------------------------------------------ quotes that never close


def test_a_quote_never_closed_is_an_error_naming_the_line_it_opened_on():
    """One unclosed quote swallowed every following row into one "footnote": 49,991 of
    50,000 rows dropped, exit 0, also under --strict."""
    rows = ["desa,peserta,potensi"] + [f"Desa {i},{i % 7},{100 + i}" for i in range(50_000)]
    rows[9] = '"Kp. Baru,553,5055'
    text = "\r\n".join(rows) + "\r\n"
    for strict in ([], ["--strict"]):
        result = run("report", "-", *strict, input=text)
        assert (result.exit_code, result.stdout) == (2, ""), result
        said = "a quote opens a field on this line and is not closed before the end of the file"
        assert result.stderr == f"enrollgap: error: <stdin>:10: {said}\n"


def test_a_quoted_field_over_several_lines_at_the_end_is_read_as_written():
    text = 'desa,peserta,potensi\nA,1,10\n"Desa\nBaru",2,20\n'
    result = run("report", "-f", "json", input=text)
    assert result.exit_code == 0, result
    assert [g["region"] for g in result.json()["groups"]] == ["A", "Desa\nBaru"]


# ------------------------------------------------------------------ outputs never destroy


def test_output_never_replaces_the_input_redirected_to_standard_input(tmp_path):
    data = tmp_path / "in.csv"
    data.write_text("sektor,peserta,potensi\nPetani,10,100\n")
    for option in ("--output", "--svg", "--html"):
        with data.open("rb") as stdin:
            completed = subprocess.run(
                [sys.executable, "-m", "enrollgap", "report", option, str(data), "-"], stdin=stdin, capture_output=True
            )
        assert completed.returncode == 2 and completed.stdout == b""
        assert b"is the input file" in completed.stderr
        assert data.read_text() == "sektor,peserta,potensi\nPetani,10,100\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_output_into_a_fifo_writes_into_it_and_leaves_it_a_fifo(tmp_path):
    import stat
    import threading

    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run("report", "-s", "a", "1", "2", "-f", "csv", "--output", str(fifo))
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # (were it replaced, the reader would wait forever: a daemon)
    reader.join(timeout=30)
    assert result.exit_code == 0, result
    assert received and received[0].startswith(b"sector,region,enrolled")


def test_output_through_a_link_writes_the_file_it_leads_to_and_keeps_the_link(tmp_path):
    (tmp_path / "report.csv").write_text("old\n")
    link = tmp_path / "latest.csv"
    link.symlink_to(tmp_path / "report.csv")
    assert run("report", "-s", "a", "1", "2", "-f", "csv", "--output", str(link)).exit_code == 0
    assert link.is_symlink()
    assert (tmp_path / "report.csv").read_text().startswith("sector,region,enrolled")


# ------------------------------------------------------------------ figures and options past what is sensible


def test_a_figure_with_thousands_of_decimals_is_the_usual_error_naming_what_was_read():
    decimals = "0" * 5000
    said = "has more than 100 digits after the decimal mark"
    for args in (
        ["report", "-s", "a", "1", "10", "--target", f"10.{decimals}"],
        ["report", "-s", "a", "1", "10", "--premium", f"1.{decimals}"],
        ["check", "--enrolled", "1", "--potential", "10", "--reported", f"10.{decimals}"],
    ):
        result = run(*args)
        assert (result.exit_code, result.stdout) == (2, ""), args
        assert said in result.stderr and "internal error" not in result.stderr
    cell = run("report", input=f"sector,enrolled,potential\na,1.{decimals},2\n")
    assert cell.exit_code == 2 and cell.stderr.startswith("enrollgap: error: <stdin>:2:2: enrolled: ")


def test_a_potential_growing_past_any_count_is_one_error_naming_the_year_and_the_option():
    result = run("project", "-s", "a", "1", "100", "--target", "50", "--from", "2020", "--by", "2400",
                 "--potential-growth", "1000")  # fmt: skip
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "enrollgap: error: --potential-growth: the potential passes 10^15 in 2033; no path can be projected that far\n"
    )
    forecast = run("project", "-s", "a", "1", "100", "--target", "50", "--from", "2020", "--growth", "10",
                   "--potential-growth", "100", "-f", "json")  # fmt: skip
    assert forecast.exit_code == 2 and "passes 10^15 in 2064" in forecast.stderr
    fine = run("project", "-s", "a", "1", "100", "--target", "50", "--from", "2020", "--by", "2030",
               "--potential-growth", "100", "-f", "json")  # fmt: skip
    assert fine.exit_code == 0 and fine.json()["paths"][-1]["years"][-1]["potential"] == 102400


def test_col_giving_a_field_another_field_s_own_column_says_which_field_is_left_without_one():
    result = run("report", "--col", "enrolled=potential", input="sector,enrolled,potential\na,1,2\n")
    assert (
        result.exit_code == 2 and "no potential column" in result.stderr and "--col potential=HEADER" in result.stderr
    )


@pytest.mark.parametrize("col", [[], ["--col", "enrolled=Peserta"]])
def test_two_columns_with_one_header_are_refused_never_one_taken_silently(col):
    result = run("report", *col, input="sektor,Peserta,Peserta,potensi\na,1,2,3\n")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "columns 2 and 3 are all headed 'Peserta', so which one holds the enrolled is not said" in result.stderr


def test_an_encoding_that_cannot_decode_files_is_an_error_not_a_crash():
    result = run("report", "--encoding", "idna", input="sektor,peserta,potensi\na,1,2\n")
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        result.stderr == "enrollgap: error: --encoding idna cannot decode a file; name a text encoding such as cp1252\n"
    )
