"""The output package on its own: any result, any format, from the library's results."""

import io
import json
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from enrollgap import Case, Group, Plan, ProjectOptions, ReportOptions, project, report
from enrollgap.api.check import CheckOptions, check
from enrollgap.numerals import Style, parse_count, parse_number
from enrollgap.output import check_format, render
from enrollgap.output.jsonout import json_chunks

GROUPS = [Group("Farmers", "Sumsel", 100, 1000), Group("Fishers", "Sumsel", 50, 500)]


def text(result, name, style=Style()):
    return "".join(render(result, name, style, stream=io.StringIO()))


@pytest.mark.parametrize(
    "document",
    [
        {},
        {"a": 1, "b": [1, {"c": None}], "d": "é"},
        {"schema": "x", "groups": iter([{"a": 1}, {"b": [2, 3]}]), "total": {"a": 3}, "warnings": []},
        {"rows": iter([])},
        {"groups": iter([{"s": 'é "q" \u2028\\', "t": True, "f": False, "x": 1.5, "n": None, "i": 10**15}, {}])},
        {"total": {"nan": float("nan"), "big": 1e300, "small": 3.0, "neg": -0.0}},
    ],
)
def test_streamed_json_is_what_json_dumps_writes(document):
    whole = {key: list(value) if hasattr(value, "__next__") else value for key, value in document.items()}
    copy = {key: iter(value) if hasattr(value, "__next__") else value for key, value in whole.items()}
    assert "".join(json_chunks(copy)) == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text())


@given(st.lists(st.dictionaries(st.text(), scalars, max_size=6), max_size=4), st.dictionaries(st.text(), scalars))
def test_streamed_flat_records_are_what_json_dumps_writes(records, total):
    document = {"groups": records, "total": total}
    streamed = "".join(json_chunks({"groups": iter(records), "total": total}))
    assert streamed == json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@st.composite
def tables(draw):
    """Records that share their keys, in order (as a report's groups do)."""
    keys = draw(st.lists(st.text(), min_size=1, max_size=5, unique=True))
    rows = draw(st.lists(st.lists(scalars, min_size=len(keys), max_size=len(keys)), min_size=1, max_size=5))
    return [dict(zip(keys, row)) for row in rows]


@given(tables(), st.integers(0, 3))
@example([{"coverage %": 1.5, "a%sb": "%s", "%(x)s": None}], 0)  # a key is never a format
def test_streamed_records_with_the_same_keys_are_what_json_dumps_writes(records, odd):
    # the same keys are written from one encoding of the values; a record with other keys ends the run
    for groups in (records, [*records, {"other": odd}, *records], records * (600 + odd)):  # 600: past a batch
        streamed = "".join(json_chunks({"groups": iter(groups)}))
        assert streamed == json.dumps({"groups": groups}, ensure_ascii=False, indent=2) + "\n"


def test_a_report_renders_in_every_machine_format():
    result = report(GROUPS, ReportOptions(Plan(Fraction(15))))
    document = json.loads(text(result, "json"))
    assert document["total"]["to_target"] == 75
    lines = [json.loads(line) for line in text(result, "jsonl").splitlines()]
    assert [line["enrolled"] for line in lines] == [100, 50, 150]
    csv_lines = text(result, "csv").splitlines()
    assert csv_lines[0].split(",")[:3] == ["sector", "region", "enrolled"]
    assert csv_lines[-1].startswith("Total,,150,1500,")
    assert text(result, "tsv").splitlines()[-1].startswith("Total\t\t150\t1500\t")


def test_human_formats_use_the_style_locale():
    result = report([Group("BPU", None, 48858, 1340000)], ReportOptions())
    assert "3,65%" in text(result, "github", Style("id"))
    assert "1.340.000" in text(result, "table", Style("id"))


def test_project_and_check_results_render_too():
    paths = project(GROUPS, ProjectOptions(Fraction(20), 2024, by=2026))
    rows = text(paths, "csv").splitlines()
    assert len(rows) == 1 + 3 * 3  # header, then 2024-2026 for two groups and the total
    assert rows[-1].startswith("Total,,")
    verdicts = check([Case(None, parse_count("1"), parse_count("3"), parse_number("35", percent=True))], CheckOptions())
    assert json.loads(text(verdicts, "json"))["rows"][0]["consistent"] is False
    assert verdicts.exit_status == 1


def test_unknown_formats_are_refused_with_the_choices():
    assert check_format("grid") == "grid"
    with pytest.raises(ValueError, match="choose table, csv"):
        check_format("xml")


def test_every_public_name_loads_from_where_editors_are_told_it_lives():
    import ast
    from pathlib import Path

    import enrollgap

    source = Path(enrollgap.__file__).read_text()
    declared = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            declared.update({alias.name: node.module for alias in node.names})
    assert declared == enrollgap._HOMES
    for name in enrollgap.__all__:
        assert getattr(enrollgap, name) is not None


def test_options_stay_frozen_after_their_checks_while_built_results_are_plain():
    # Options are checked once, in __post_init__: changing one afterwards would skip
    # the check. Rows and results are built once and never changed; plain dataclasses
    # make them (and their import) about twice as cheap, which 100,000 villages feel.
    import dataclasses

    from enrollgap import CheckOptions

    for options in (ReportOptions(), Plan(), CheckOptions(), Style()):
        with pytest.raises(dataclasses.FrozenInstanceError):
            options.__setattr__(dataclasses.fields(options)[0].name, None)
    result = report(GROUPS, ReportOptions())
    for built in (result, result.report, result.report.total, GROUPS[0]):
        assert type(built).__setattr__ is object.__setattr__


@given(
    st.lists(
        st.dictionaries(
            st.sampled_from("abcd"),
            st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
        ),
        max_size=5,
    )
)
def test_csv_rows_are_each_value_through_cell(rows):
    # numbers and None skip cell() for speed; they must come out exactly as cell() writes them
    import csv

    from enrollgap.output.delimited import cell, delimited_chunks

    expected = io.StringIO()
    writer = csv.writer(expected, lineterminator="\n")
    writer.writerow(list("abcd"))
    for row in rows:
        writer.writerow([cell(row.get(f)) for f in "abcd"])
    assert "".join(delimited_chunks(list("abcd"), rows, ",")) == expected.getvalue()


def test_a_report_view_s_levels_are_each_row_s_coverage_made_when_drawn(monkeypatch):
    # 100,000 villages: the first lines of the table come before 100,000 Fractions are made
    from enrollgap import coverage
    from enrollgap.output import views_of

    made = []
    real = coverage.coverage_pct
    monkeypatch.setattr(coverage, "coverage_pct", lambda e, p: made.append(e) or real(e, p))
    groups = [Group(f"Desa {i}", None, i, 3 * i + 1) for i in range(5)]
    (view,) = views_of(report(groups), Style())
    assert not set(made) & set(range(5))  # no group's (the summary says the total's)
    made.clear()
    assert len(view.levels) == 6  # the rows, then the total
    assert view.levels[2] == Fraction(200, 7)
    assert view.levels[-1] == Fraction(100 * 10, 35)
    assert view.levels[1:3] == [Fraction(100, 4), Fraction(200, 7)]
    assert made == [2, 10, 1, 2]


def test_the_progress_bar_shows_a_file_name_as_written_never_as_markup():
    import io

    from rich.console import Console

    from enrollgap.output.progress import progress_for

    out = io.StringIO()
    update = progress_for(1, Console(file=out, force_terminal=True, width=120))("[red]x[/] \x1b[2J.csv", 100)
    assert update is not None
    update(50)
    update(None)
    shown = out.getvalue()
    assert "[red]x[/]" in shown and "\\x1b[2J" in shown and "\x1b[2J" not in shown
