"""Many groups (a report per village) and the holes around output files."""

import io
import os
import subprocess
import sys

import pytest

from conftest import run
from enrollgap import Group, ReportOptions, report
from enrollgap.numerals import Style
from enrollgap.output import files, formats, rich_table, views_of


def village_rows(count: int) -> str:
    lines = ["sector,enrolled,potential"]
    lines += [f"Desa {i:05d},{i % 97},{100 + i % 13}" for i in range(count)]
    return "\n".join(lines) + "\n"


def test_a_long_table_says_so_once_and_shows_every_row():
    result = run("report", input=village_rows(formats.LONG_TABLE + 1))
    assert result.exit_code == 0
    assert result.stderr.count("enrollgap: note: a table of 1,001 rows is long to read") == 1
    assert "--top N" in result.stderr
    body = [line for line in result.stdout.splitlines() if line.startswith("│ Desa")]
    assert len(body) == formats.LONG_TABLE + 1
    assert run("report", "-f", "csv", input=village_rows(formats.LONG_TABLE + 1)).stderr == ""
    assert run("report", input=village_rows(formats.LONG_TABLE)).stderr == ""


def test_a_long_table_too_wide_for_the_terminal_leaves_columns_out_and_says_which(monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")  # the share column and the bar are both left out
    groups = [Group(f"Desa {i}", None, i, 2 * i + 1) for i in range(formats.LONG_TABLE + 1)]
    (view,) = views_of(report(groups, ReportOptions()), Style())
    text = "".join(rich_table.render([view], io.StringIO()))
    assert "Left out to fit 60 columns: gap_share_pct, the coverage bar;" in " ".join(text.split())
    assert max(len(line) for line in text.splitlines() if line.startswith("│")) <= 60


def test_machine_formats_stream_but_write_nothing_after_an_input_error():
    rows = village_rows(5000) + "Desa x,oops,3\n"
    result = run("report", "-f", "json", input=rows)
    assert result.exit_code == 2 and result.stdout == ""


def test_an_endless_input_is_the_one_line_too_long_error():
    result = subprocess.run(
        [sys.executable, "-m", "enrollgap", "report", "/dev/zero"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2
    assert result.stderr == "enrollgap: error: /dev/zero:1: a line is longer than 32 MiB; is this really CSV?\n"
    assert result.stdout == ""


@pytest.mark.parametrize("option", ["--svg", "--html"])
@pytest.mark.parametrize("how", ["same", "relative", "symlink"])
def test_a_picture_never_overwrites_the_input(tmp_path, monkeypatch, option, how):
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "rows.csv"
    data.write_text(village_rows(3))
    target = {"same": str(data), "relative": "./sub/../rows.csv", "symlink": "link.csv"}[how]
    (tmp_path / "sub").mkdir()
    os.symlink(data, tmp_path / "link.csv")
    result = run("report", str(data), option, target, "-f", "json")
    assert result.exit_code == 2 and result.stdout == ""
    assert f"{target} is the input file" in result.stderr
    assert data.read_text() == village_rows(3)


def test_a_picture_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    picture = tmp_path / "old.svg"
    picture.write_text("the old picture")

    def interrupted(source, destination):
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        files.save(str(picture), "<svg>new</svg>")
    assert picture.read_text() == "the old picture"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.svg"]  # no temporary file left


def test_a_picture_into_a_folder_that_cannot_be_written_names_the_file(tmp_path):
    result = run("report", "-s", "a", "1", "2", "--svg", str(tmp_path / "missing" / "x.svg"))
    assert result.exit_code == 2
    assert "missing/x.svg" in result.stderr and ".enrollgap-" not in result.stderr


@pytest.mark.parametrize("option", [["--by", "99999"], ["--growth", "1", "--horizon", "1001"]])
def test_a_path_spans_at_most_1000_years(option):
    result = run("project", "-s", "a", "1", "100", "--target", "50", "--from", "2020", *option, "-f", "json")
    assert result.exit_code == 2 and result.stdout == ""
    assert "1000" in result.stderr
