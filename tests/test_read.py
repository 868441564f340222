"""The read package on its own: files in, groups and cases out, without the command line."""

import csv
import io
import json
import operator
import sys
import zipfile

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from conftest import tables
from enrollgap.errors import InputError, OptionError
from enrollgap.groups import Group
from enrollgap.read import ReadOptions, merge, normalize_header, parse_column_map, read_cases, read_groups
from enrollgap.read import source as source_module
from enrollgap.read.accumulate import add_row, to_groups
from enrollgap.read.columns import Columns
from enrollgap.read.delimited import Rows
from enrollgap.read.labels import (
    EDGE_WORDS,
    SUMMARY_FIRST,
    SUMMARY_WORDS,
    TOTAL_WORDS,
    is_summary,
    is_total,
    plain_label,
)
from enrollgap.read.source import open_source, sniff_format


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_csv_rows_with_the_same_labels_are_summed_in_first_seen_order(tmp_path):
    path = write(tmp_path, "rows.csv", "sektor,peserta,potensi\nB,1,10\nA,2,20\n B ,3,30\n")
    groups = read_groups(path)
    assert [(g.sector, g.enrolled, g.potential) for g in groups] == [("B", 4, 40), ("A", 2, 20)]
    assert groups[0].origin == f"{path}:2"


@pytest.mark.parametrize("cell", ["-5", " -5", "-1204"])
@pytest.mark.parametrize("label", ["Petani", "Bukan Penerima Upah - BPU"])  # a "-" in the text, or none before
def test_a_negative_count_after_good_rows_of_its_group_is_an_error_naming_its_cell(tmp_path, cell, label):
    # (the fast path asks a row's sign only in text that holds a "-": this one must)
    text = "sektor,peserta,potensi\n" + f"{label},1,10\n" * 50 + f"{label},{cell},10\n"
    path = write(tmp_path, "rows.csv", text)
    with pytest.raises(InputError, match=r"cannot be negative|expected a count") as caught:
        read_groups(path, ReadOptions(jobs=1))
    assert (caught.value.line, caught.value.column) == (52, 2)


def test_json_and_csv_of_the_same_rows_give_the_same_groups(tmp_path):
    csv_path = write(tmp_path, "rows.csv", "region;sector;enrolled;potential\nS;F;1.000;2.000\n")
    json_path = write(tmp_path, "rows.json", '[{"region": "S", "sector": "F", "enrolled": 1000, "potential": 2000}]')
    options = ReadOptions(locale="id")
    assert [(g.region, g.sector, g.enrolled) for g in read_groups(csv_path, options)] == [("S", "F", 1000)]
    assert [(g.region, g.sector, g.enrolled) for g in read_groups(json_path, options)] == [("S", "F", 1000)]


@pytest.mark.parametrize("name", ["rows.json", "rows.jsonl"])
@pytest.mark.parametrize(
    "obj, key",
    [
        ('{"sector": "a", "enrolled": 5, "enrolled": 7, "potential": 10}', "enrolled"),  # 7 was read
        ('{"sector": "a", "sector": "b", "enrolled": 5, "potential": 10}', "sector"),  # b was read
        ('{"sektor": "a", "peserta": 5, "potensi": 10, "Potensi": 20}', None),  # two keys, one field
    ],
)
def test_a_key_written_twice_in_one_object_is_refused(tmp_path, name, obj, key):
    """JSON does not say which of two equal keys counts (Python's json keeps the last):
    a field read from such a key is refused, not read from one of them."""
    lines = ['{"sector": "x", "enrolled": 1, "potential": 2}', obj]
    text = "[" + ",\n".join(lines) + "]" if name == "rows.json" else "\n".join(lines) + "\n"
    path = write(tmp_path, name, text)
    with pytest.raises(InputError) as caught:
        read_groups(path)
    assert caught.value.line == 2
    if key is not None:
        assert f"the key '{key}' is written twice in one object" in caught.value.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    spaces=st.lists(st.sampled_from(["", " ", "\n", "\n  ", "\r\n", "\t"]), min_size=4, max_size=60),
    bad=st.integers(0, 14),
    chunk=st.sampled_from([1, 3, 16, 1 << 20]),
)
def test_a_json_array_s_errors_name_the_line_and_column_of_the_object(tmp_path, monkeypatch, spaces, bad, chunk):
    """Whatever the white space between objects and however the text comes in
    pieces, an object's error names the line and column where the object starts."""
    for name, size in (("PIECE", chunk), ("SNIFF", chunk)):
        monkeypatch.setattr(source_module, name, size)  # the text comes in pieces of this size
    monkeypatch.setattr("enrollgap.read.jsonrows.CHUNK", chunk)  # what was read is dropped this often
    objects = ['{"sector": "a", "enrolled": %s, "potential": 10}' % ('"x"' if i == bad else "1") for i in range(15)]
    text = "["
    for i, obj in enumerate(objects):
        text += (spaces[i % len(spaces)] + "," if i else spaces[0]) + spaces[(i + 1) % len(spaces)] + obj
    text += spaces[-1] + "]"
    start = text.index(objects[bad])
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    path = write(tmp_path, "rows.json", text)
    with pytest.raises(InputError) as caught:
        read_groups(path)
    assert (caught.value.line, caught.value.column) == (line, column)


def test_a_json_array_on_one_line_may_be_longer_than_a_line_may_be(tmp_path, monkeypatch):
    """json.dumps and pandas write an array on one line: the line limit guards lines
    of text, and a JSON array's elements are guarded one by one instead."""
    monkeypatch.setattr(source_module, "MAX_LINE", 4000)
    monkeypatch.setattr("enrollgap.read.jsonrows.MAX_LINE", 4000)
    monkeypatch.setattr(source_module, "PIECE", 1000)
    monkeypatch.setattr(source_module, "SNIFF", 1000)
    rows = [{"sector": f"s{i % 7}", "enrolled": i, "potential": 1000} for i in range(400)]  # about 20,000 characters
    path = write(tmp_path, "rows.json", json.dumps(rows))
    assert sum(g.enrolled for g in read_groups(path)) == sum(range(400))
    rows[300]["sector"] = "x" * 5000
    path = write(tmp_path, "rows.json", json.dumps(rows))
    with pytest.raises(InputError, match="larger than"):
        read_groups(path)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    literal=st.one_of(
        st.integers(-5, 10**17).map(str),
        st.from_regex(r"-?(0|[1-9][0-9]{0,17})(\.[0-9]{1,3})?([eE][+-]?[0-9]{1,2})?", fullmatch=True),
    )
)
def test_a_json_count_is_read_as_the_general_parser_reads_it(tmp_path, literal):
    """JSON integers take a fast path; whatever it takes comes out as read_value makes it."""
    from enrollgap.errors import NumberError
    from enrollgap.read.cells import JsonNumber, read_value

    path = write(tmp_path, "rows.json", '[{"sector": "a", "enrolled": 0, "potential": ' + literal + "}]")
    try:
        expected: object = read_value(JsonNumber(literal), "en", "count").count
        if expected > 10**15:
            expected = "refused"
    except NumberError:
        expected = "refused"
    try:
        got: object = read_groups(path)[0].potential
    except InputError:
        got = "refused"
    assert got == expected


@pytest.mark.parametrize("label, found", [('["a", "b"]', "an array"), ('{"x": 1}', "an object"), ("true", "true")])
def test_a_json_label_that_is_no_name_is_refused(tmp_path, label, found):
    """An array, an object or true as a sector was written out as its Python text
    ("['a', 'b']", "True") and reported as a group."""
    path = write(tmp_path, "rows.json", '[{"sector": "a", "enrolled": 1, "potential": 2},\n'
                 f' {{"sector": {label}, "enrolled": 1, "potential": 2}}]')  # fmt: skip
    with pytest.raises(InputError) as caught:
        read_groups(path)
    assert caught.value.message == f"sector: expected a name, found {found}"
    assert (caught.value.line, caught.value.column) == (2, 2)
    cases = write(tmp_path, "cases.json", f'[{{"label": {label}, "enrolled": 1, "potential": 2, "reported": 50}}]')
    with pytest.raises(InputError, match=f"label: expected a name, found {found}"):
        read_cases(cases)


def test_a_json_label_may_be_a_number(tmp_path):
    path = write(tmp_path, "rows.json", '[{"sector": 101, "enrolled": 1, "potential": 2}]')
    assert [g.sector for g in read_groups(path)] == ["101"]


def test_a_key_written_twice_that_is_not_read_is_no_matter(tmp_path):
    path = write(tmp_path, "rows.json", '[{"sector": "a", "enrolled": 5, "potential": 10, "note": 1, "note": 2}]')
    assert [(g.sector, g.enrolled) for g in read_groups(path)] == [("a", 5)]


def test_a_key_written_twice_in_a_case_of_check_is_refused(tmp_path):
    path = write(tmp_path, "cases.json", '[{"enrolled": 5, "potential": 10, "reported": 50, "reported": 5}]')
    with pytest.raises(InputError, match="the key 'reported' is written twice"):
        read_cases(path)


def test_extra_groups_from_the_command_line_join_the_file_s(tmp_path):
    path = write(tmp_path, "rows.csv", "sector,enrolled,potential\nA,1,10\n")
    groups = read_groups(path, ReadOptions(), [Group("A", None, 5, 50, "-s #1"), Group("C", None, 1, 2)])
    assert [(g.sector, g.enrolled, g.potential) for g in groups] == [("A", 6, 60), ("C", 1, 2)]


def test_what_was_read_unpacks_and_how_to_read_cannot_be_changed(tmp_path):
    # read_input returns groups, findings and notes in that order; the options a
    # read was asked with cannot change under it
    from enrollgap.read import read_input

    path = write(tmp_path, "rows.csv", "sector,enrolled,potential\nA,1,10\nJumlah,1,10\n")
    groups, findings, notes = read_input(path, ReadOptions(locale="id"))
    assert [(g.sector, g.enrolled) for g in groups] == [("A", 1)] and findings == () and notes.totals.count == 1
    options = ReadOptions(locale="id")
    with pytest.raises(AttributeError):
        options.locale = "en"  # type: ignore[misc]
    assert options.locale == "id" and options.encoding == "utf-8-sig"


def test_a_bad_cell_is_an_input_error_naming_file_line_and_column(tmp_path):
    path = write(tmp_path, "rows.csv", "sector,enrolled,potential\nA,1,10\nB,x,10\n")
    with pytest.raises(InputError) as caught:
        read_groups(path)
    assert (caught.value.source, caught.value.line, caught.value.column) == (path, 3, 2)


def test_merge_refuses_sums_past_ten_to_the_fifteenth():
    big = 10**15
    with pytest.raises(InputError, match="add up to more than 10\\^15"):
        merge([Group("A", None, big, big), Group("A", None, 1, 1)], None)


def test_cases_keep_how_each_value_was_written(tmp_path):
    path = write(tmp_path, "cases.csv", "label;peserta;potensi;persen\nSumsel;48.858;1,34 juta;3,63\n")
    (case,) = read_cases(path, ReadOptions(locale="id"))
    assert case.label == "Sumsel"
    assert (case.potential.count, case.potential.decimals, case.potential.exponent) == (1340000, 2, 6)
    assert case.reported.decimals == 2


def test_column_map_and_headers():
    assert parse_column_map(["enrolled=Jumlah Peserta"]) == (("enrolled", "Jumlah Peserta"),)
    with pytest.raises(OptionError, match="--col: unknown field"):
        parse_column_map(["members=x"])
    columns = Columns(["Provinsi", "Jumlah Peserta", "Potensi"], parse_column_map(["enrolled=jumlah_peserta"]), "f")
    assert columns.where == {"region": 0, "enrolled": 1, "potential": 2}
    assert columns.grouping(None) == ("region",)


def test_format_is_sniffed_from_the_first_bytes():
    assert [sniff_format(s) for s in ('[{"a": 1}]', '{"a": 1}', "a\tb\n", "a;b\n")] == ["json", "jsonl", "tsv", "csv"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(alphabet=st.sampled_from(list('ab,;"\r\n\t é€😀')), max_size=200),
    encoding=st.sampled_from(["utf-8", "utf-16", "utf-32", "cp1252"]),
    chunk=st.integers(1, 64),
)
def test_text_read_in_pieces_is_the_text_read_whole(tmp_path, text, encoding, chunk):
    """Files are decoded a piece at a time, each cut after a line end: whatever the
    piece size, the lines are those of the whole text opened with newline=""
    (a CR LF or a character split between two reads stays whole)."""
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(source_module, "PIECE", chunk)
        patch.setattr(source_module, "SNIFF", chunk)
        source = open_source(str(path), ReadOptions(encoding=encoding, input_format="csv"))
        try:
            lines = list(source.lines())
        finally:
            source.close()
    assert lines == list(io.StringIO(data.decode(encoding), newline=""))


def test_a_csv_read_in_small_pieces_gives_the_same_groups_and_errors(tmp_path, monkeypatch):
    text = 'sector,enrolled,potential\r\n"Home\r\nindustry",1,2\r\nFarmers é,3,4\nHome\r\nindustry,5,6\n'
    path = write(tmp_path, "rows.csv", text)
    whole = [(g.sector, g.enrolled, g.origin) for g in read_groups(path)]
    bad = write(tmp_path, "bad.csv", text + "Farmers é,x,4\n")
    with pytest.raises(InputError) as whole_error:
        read_groups(bad)
    monkeypatch.setattr(source_module, "PIECE", 3)
    monkeypatch.setattr(source_module, "SNIFF", 3)
    assert [(g.sector, g.enrolled, g.origin) for g in read_groups(path)] == whole
    with pytest.raises(InputError) as piece_error:
        read_groups(bad)
    assert str(piece_error.value) == str(whole_error.value) and ":7:2:" in str(whole_error.value)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(alphabet=st.sampled_from(list('ab1,;\t"\r\n é\x00')), max_size=120),
    delimiter=st.sampled_from([",", ";", "\t"]),
    chunk=st.integers(1, 40),
)
def test_csv_rows_are_what_csv_reader_makes_of_the_whole_text(tmp_path, text, delimiter, chunk):
    """Rows splits quote-free pieces with str.split and hands the rest to csv.reader:
    the cells and line numbers are csv.reader's on the whole text, whatever the pieces."""
    assume(sys.version_info >= (3, 11) or "\x00" not in text)  # csv.reader reads NUL since 3.11
    path = tmp_path / "t.csv"
    path.write_bytes(text.encode("utf-8"))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    expected = [(cells, reader.line_num) for cells in reader]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(source_module, "PIECE", chunk)
        patch.setattr(source_module, "SNIFF", chunk)
        source = open_source(str(path), ReadOptions(input_format="csv", delimiter=delimiter))
        try:
            got = list(Rows(source))
        finally:
            source.close()
    # A blank line is [] to csv.reader and [""] to str.split: both are a blank row.
    assert [(cells or [""], line) for cells, line in got] == [(cells or [""], line) for cells, line in expected]


@given(st.text())
def test_headers_match_whatever_their_case_spaces_underscores_and_hyphens(text):
    expected = "".join(ch for ch in text.casefold() if not ch.isspace() and ch not in "_-")
    assert normalize_header(text) == expected
    assert normalize_header("Jumlah\u00a0TOTAL_-\t") == "jumlahtotal"


def _outcome(path, locale):
    try:
        return [(g.sector, g.enrolled, g.potential) for g in read_groups(path, ReadOptions(locale=locale))]
    except InputError as error:
        return error.message


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cell=st.text(alphabet=st.sampled_from(list("0123456789._ +-")), min_size=1, max_size=14),
    locale=st.sampled_from(["id", "en"]),
)
@example(cell="1.2.345", locale="id")  # a separator too many: 12345 would be a guess
@example(cell="12.34", locale="id")
@example(cell="1.20", locale="id")
@example(cell="1_2.345", locale="id")
@example(cell="1.2_345", locale="id")
@example(cell="12_345", locale="id")
@example(cell="0.123", locale="id")
@example(cell="1234", locale="id")
@example(cell="1.234.567", locale="id")
@example(cell=" 1.234", locale="id")
@example(cell="1" * 30, locale="id")
@example(cell="1.20", locale="en")
@example(cell="1_000_000.000", locale="id")  # read as 1.000.000.000 on the fast path, refused alone
@example(cell="1_000.000", locale="id")
def test_grouped_digits_read_fast_are_read_as_the_careful_path_reads_them(tmp_path, cell, locale):
    """Once a row shows grouped digits ("1.000" in id, "1,000" in en), later rows take a
    fast path; any cell it takes must come out as the careful path (the first row of
    a file) reads it."""
    if locale == "en":  # the same shapes with the English separator
        cell = cell.translate(str.maketrans(".,", ",."))
    sep = "." if locale == "id" else ","
    alone = tmp_path / "alone.csv"
    alone.write_text(f"sektor;peserta;potensi\nb;{cell};10{sep}000{sep}000\n", encoding="utf-8")
    after = tmp_path / "after.csv"
    rows = "a;1.000;2.000\na;1.000;2.000\nb;1.000;2.000\n".replace(".", sep) + f"b;{cell};10{sep}000{sep}000\n"
    after.write_text("sektor;peserta;potensi\n" + rows, encoding="utf-8")  # the fast path from row 2
    expected = _outcome(str(alone), locale)
    got = _outcome(str(after), locale)
    if isinstance(expected, str):  # refused (a count too large may be refused as a sum)
        assert isinstance(got, str)
    else:
        assert got == [("a", 2000, 4000), ("b", 1000 + expected[0][1], 10_002_000)]


def _grouped(value: int, grouped: bool) -> str:
    return f"{value:,}".replace(",", ".") if grouped else str(value)


def _read_whole_and_cut(tmp_path, text: str, piece: int):
    """The groups (with their first lines) or the error, read in one piece of text and
    in pieces of ``piece`` characters: the later grouped ones split with their marks made "_"."""
    path = write(tmp_path, "rows.csv", text)

    def outcome():
        try:
            groups = read_groups(path, ReadOptions(locale="id", jobs=1))
        except InputError as error:
            return str(error)
        return [(g.sector, g.enrolled, g.potential, g.origin) for g in groups]

    whole = outcome()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(source_module, "PIECE", piece)
        patch.setattr(source_module, "SNIFF", piece)
        return whole, outcome()


def test_a_label_holding_a_mark_is_read_as_written_from_a_piece_split_with_marks_made_underscores(tmp_path):
    rows = "".join(f"Petani;{_grouped(1204 + i, True)};38.500\n" for i in range(100))
    later = "Desa 1.200;1.000;2.000\nPetani;1.000;2.000\nDesa 1.200;3.000;4.000\n1.200;5.000;6.000\n"
    whole, cut = _read_whole_and_cut(tmp_path, "sektor;peserta;potensi\n" + rows + later, 64)
    assert cut == whole
    assert [group[:3] for group in cut] == [
        ("Petani", sum(1204 + i for i in range(100)) + 1000, 38_500 * 100 + 2000),
        ("Desa 1.200", 4000, 6000),
        ("1.200", 5000, 6000),
    ]


MARKED_LABELS = ["Petani", "Desa 1.200", "1.200", "Kab. OKU", "Jumlah", "", "Nelayan 2.000.000"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(
        st.tuples(st.sampled_from(MARKED_LABELS), st.integers(0, 10**7), st.integers(0, 10**7), st.booleans()),
        min_size=1,
        max_size=40,
    ),
    bad=st.sampled_from([None, "1.20", "1_000.000", "-1.000", "x"]),
    at=st.integers(0, 40),
    piece=st.integers(8, 120),
)
def test_pieces_split_with_their_marks_made_underscores_read_as_one_piece_does(tmp_path, rows, bad, at, piece):
    """Labels with marks, totals, blanks, plain and grouped counts, perhaps a bad count
    anywhere: cut into pieces (grouped ones split with their marks made "_"), the
    same groups, first lines and first error as the text read in one piece."""
    lines = [f"{label};{_grouped(e, g)};{_grouped(max(p, e), g)}\n" for label, e, p, g in rows]
    if bad is not None:
        lines.insert(min(at, len(lines)), f"Petani;{bad};2.000\n")
    whole, cut = _read_whole_and_cut(tmp_path, "sektor;peserta;potensi\n" + "".join(lines), piece)
    assert cut == whole


ROWS_BEFORE = {
    "first row": ("en", ""),
    "later row": ("en", "a,1,2\na,3,4\n"),
    "after grouped digits": ("id", "a;1.000;2.000\na;3.000;4.000\n"),
    "in a quoted file": ("en", '"a",1,2\na,3,4\n'),
}


# 12 in Arabic-Indic, full-width and Persian digits, mixed, and 1.200 grouped
OTHER_DIGITS = ["\u0661\u0662", "\uff11\uff12", "\u06f1\u06f2", "1\u0662", "\u0661.\u0662\u0660\u0660"]


@pytest.mark.parametrize("digits", OTHER_DIGITS)
@pytest.mark.parametrize("where", list(ROWS_BEFORE))
def test_digits_of_other_scripts_are_refused_on_any_row(tmp_path, digits, where):
    """int() reads Arabic-Indic or full-width digits ("\u0661\u0662") as 12; the number
    parser refuses them. A fast path must not take what the careful path refuses,
    whichever row the cell is on."""
    locale, before = ROWS_BEFORE[where]
    delimiter = ";" if locale == "id" else ","
    text = f"sektor{delimiter}peserta{delimiter}potensi\n{before}a{delimiter}{digits}{delimiter}20\n"
    path = write(tmp_path, "rows.csv", text)
    line = text.count("\n")
    with pytest.raises(InputError) as error:
        read_groups(path, ReadOptions(locale=locale))
    assert "expected a whole number" in error.value.message
    assert (error.value.line, error.value.column) == (line, 2)


@pytest.mark.parametrize("cell", ["12_04", "1_2_3", "1_2045"])
@pytest.mark.parametrize("where", list(ROWS_BEFORE))
def test_underscores_that_do_not_group_by_threes_are_refused_on_any_row(tmp_path, cell, where):
    """int() reads "12_04" as 1204; the number parser refuses it (it may be two numbers
    run together), and so does every row of a file."""
    locale, before = ROWS_BEFORE[where]
    delimiter = ";" if locale == "id" else ","
    text = f"sektor{delimiter}peserta{delimiter}potensi\n{before}a{delimiter}{cell}{delimiter}20000\n"
    path = write(tmp_path, "rows.csv", text)
    with pytest.raises(InputError) as error:
        read_groups(path, ReadOptions(locale=locale))
    assert (error.value.line, error.value.column) == (text.count("\n"), 2)
    grouped = write(tmp_path, "grouped.csv", text.replace(cell, "1_204"))
    before_sum = {"first row": 0, "later row": 4, "after grouped digits": 4000, "in a quoted file": 4}[where]
    assert read_groups(grouped, ReadOptions(locale=locale))[0].enrolled == 1204 + before_sum


def test_a_file_name_with_braces_names_where_each_group_was_read(tmp_path):
    path = write(tmp_path, "rekap {2024}.csv", "sektor,peserta,potensi\nB,1,10\nA,2,20\n")
    assert [g.origin for g in read_groups(path)] == [f"{path}:2", f"{path}:3"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet=" \tab\u00a0", max_size=4),
            st.integers(0, 10**15 + 1),
            st.integers(0, 10**15 + 1),
        ),
        max_size=8,
    ),
    st.sampled_from(["sector", "region"]),
)
def test_groups_of_one_label_column_are_what_the_general_way_makes(rows, field):
    """to_groups' way for one label cell per group (100,000 villages) gives the groups,
    or the error, that its general way does: labels equal once trimmed summed, the limit."""

    def sums() -> dict:
        out: dict = {}
        for line, (label, enrolled, potential) in enumerate(rows, start=2):
            add_row(out, label, enrolled, potential, line)
        return out

    def outcome(origin):
        try:
            return to_groups(sums(), (field,), "v.csv", origin)
        except InputError as error:
            return str(error)

    assert outcome(None) == outcome(lambda line: f"v.csv:{line}")


# A total word as an export might write it: any case, spaces, "_" and "-" anywhere,
# and sometimes something before or after it that makes it not a total.
def _spellings(words):
    return st.builds(
        lambda word, cases, gaps, before, after: (
            before
            + "".join((c.upper() if up else c) + gap for c, up, gap in zip(word, cases, gaps + [""] * len(word)))
            + after
        ),
        st.sampled_from(sorted(words)),
        st.lists(st.booleans(), min_size=20, max_size=20),
        st.lists(st.sampled_from(["", "", " ", "_", "-", "\t", "\x1c", "\u00a0", "\u2003"]), max_size=20),
        st.sampled_from(["", "", " ", "_", "Desa ", "1", "ſ", "\u212a", "x", "Kec. Ilir "]),
        st.sampled_from(["", "", " ", "-", " 2024", "s", "ſ", "\u212a", ".", " Sumsel", " Kab. OKU"]),
    )


@given(st.one_of(_spellings(TOTAL_WORDS), st.text(max_size=12)))
@example("Desa 0001")
@example("ſemua")  # a long s casefolds to s: a total
@example("total\u212a")  # a Kelvin sign casefolds to k: not a total word's end, but not ASCII either
@example("Sumsel Total")
@example("total\u212a Desa")
@example(" Jumlah Desa 1")
@example("Desa 1 ſubtotal")
def test_a_total_is_told_without_normalizing_exactly_as_by_normalizing(text):
    words = text.casefold().split()
    at_an_edge = len(words) > 1 and (words[0] in EDGE_WORDS or words[-1] in EDGE_WORDS)
    assert is_total(text) == (normalize_header(text) in TOTAL_WORDS or at_an_edge)


@given(st.one_of(_spellings(SUMMARY_WORDS), _spellings(SUMMARY_FIRST), st.text(max_size=12)))
@example("Rata-rata Kabupaten")
@example("_Average")
@example("\u00a0Maksimum")
@example("Mean\u212a")
@example("Desa 0001")
def test_a_summary_is_told_without_normalizing_exactly_as_by_normalizing(text):
    words = text.casefold().split()
    assert is_summary(text) == (
        normalize_header(text) in SUMMARY_WORDS or (len(words) > 1 and words[0] in SUMMARY_FIRST)
    )


@given(st.one_of(_spellings(TOTAL_WORDS), _spellings(SUMMARY_WORDS), st.text(max_size=12)))
@example("Village 0000001")
@example(" Desa 1")
@example("Desa 1 ")
@example("Desa Total")
@example("Rata-rata")
@example("Sukamaju")
@example("Subtotal Sumsel")
@example("Sumsel Total")
@example("Sub-total")
@example("Maxi")
def test_a_plain_label_is_never_blank_a_total_or_a_summary(text):
    """The read loops take a label of a column --group-by leaves out as plain on its
    first and last characters alone: that must never pass a total, a summary or a blank."""
    if plain_label(text):
        assert text.strip() and not is_total(text) and not is_summary(text)


def test_labels_of_a_column_left_out_are_remembered_within_a_bound():
    """Under --group-by, the other label column is asked for totals where it changes;
    what was found ordinary is remembered, but not a million villages of it."""
    from enrollgap.read.table import KNOWN, Notes, Tally

    tally = Tally([0, 1], Notes("v.csv"), lambda line, column: ("v.csv", line, column))
    assert all(tally.ordinary(f"Totalitas {i}") for i in range(3 * KNOWN))  # plain only after a closer look
    assert 0 < len(tally.known) <= KNOWN
    tally.known.clear()
    assert all(tally.ordinary(f"Desa {i}") for i in range(3 * KNOWN)) and not tally.known  # plain at a look
    assert not tally.ordinary("Jumlah") and not tally.ordinary("Sumsel Total") and not tally.ordinary(" ")
    assert tally.ordinary(1601.0) and not tally.ordinary(None)  # a workbook's number is a label


def test_the_sums_by_label_behind_a_total_of_one_label_are_kept_and_bounded():
    """Each working out walks every group: kept while no data row comes between total
    rows (a block of "Jumlah / Petani", "Jumlah / Nelayan", ...), and done at most
    LABEL_SUMS times a file, so that a file of many such totals stays linear."""
    from enrollgap.read.table import LABEL_SUMS, Notes, Tally

    asked = []
    tally = Tally([0, 1], Notes("v.csv"), lambda line, column: ("v.csv", line, None))
    tally.label_sums = lambda column: asked.append(column) or {"Petani": (7, 70)}
    for line in range(3):  # one block of totals after the same rows: worked out once
        tally.total_row(line, ["Jumlah", "Petani"], 7, 70, (9, 90))
    assert asked == [1] and tally.findings == []
    for line in range(2 * LABEL_SUMS):  # rows between each: worked out again, up to the bound
        tally.total_row(line, ["Jumlah", "Petani"], 7, 70, (10 + line, 90))
    assert len(asked) == LABEL_SUMS
    # past the bound: checked against the rows above, as before (five listed, the rest counted on the last)
    assert len(tally.findings) + tally.findings[-1].more == LABEL_SUMS + 1


def _ods_bytes(content: str) -> io.BytesIO:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as book:
        book.writestr("content.xml", content)
    data.seek(0)
    return data


_ODS = (
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet>'
    '<table:table table:name="R"><table:table-row table:number-rows-repeated="3"/>'
    '<table:table-row><table:table-cell table:number-columns-repeated="2"/>'
    '<table:table-cell table:number-rows-spanned="2" table:number-columns-spanned="2"/></table:table-row>'
    "</table:table></office:spreadsheet></office:body></office:document-content>"
)


def test_ods_merges_are_counted_past_repeated_rows_and_cells_and_no_entity_is_parsed():
    from enrollgap.read.merges import ods_merges

    assert ods_merges(_ods_bytes(_ODS), "R") == [((3, 2), (4, 3))]
    assert ods_merges(_ods_bytes(_ODS), "Other") == []
    bomb = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">]>' + _ODS
    assert ods_merges(_ods_bytes(bomb), "R") == []  # no document type is parsed: no merges, as before
    assert ods_merges(_ods_bytes("<not xml"), "R") == []


def test_where_rows_of_a_kind_were_is_kept_a_few_and_counted():
    from enrollgap.read.table import Seen
    from enrollgap.words import describe

    seen = Seen()
    for line in range(10, 1_000_010):
        seen.append((line, f"Sumber {line}"))
    assert seen.first == [(10, "Sumber 10"), (11, "Sumber 11"), (12, "Sumber 12")] and seen.count == 1_000_000
    assert describe(seen.lines(), total=seen.count) == "lines 10, 11, 12 and 999,997 more"
    assert describe(seen.lines(), "id", total=seen.count) == "baris 10, 11, 12 dan 999.997 lainnya"
    assert describe([4, 9], "id") == "baris 4 dan 9" and not Seen() and Seen([1]) == Seen([1], 1) != Seen([1], 2)


_OUTER = ["Sumsel", " Jambi ", "", "", "", "Jumlah", "Sumsel Total"]
_INNER = ["Petani", "Nelayan", " Buruh", "", "Jumlah", "Rata-rata"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(
        st.tuples(st.sampled_from(_OUTER), st.sampled_from(_INNER), st.integers(0, 99), st.integers(0, 999)),
        min_size=1,
        max_size=25,
    )
)
@example(rows=[("Sumsel", "Petani", 1, 10), ("", "Petani", 2, 20), ("", "Petani", 3, 30), ("", "", 0, 5)])
@example(
    rows=[(" Jambi ", "Petani", 0, 0), (" Jambi ", "Jumlah", 0, 0), ("", "Petani", 0, 1)]
)  # (a total checked at the end)
def test_labels_filled_down_in_the_read_loop_are_what_the_tally_fills(tmp_path, monkeypatch, rows):
    """The read loop fills a pivot's blank first labels itself, for speed: the groups,
    their first lines, the warnings, the notes and the first error are the same as
    when every such row is left to the Tally."""
    from enrollgap.read import read_input
    from enrollgap.read.table import Tally

    path = tmp_path / "pivot.csv"
    path.write_text("provinsi,sektor,peserta,potensi\n" + "".join(f"{a},{b},{e},{p}\n" for a, b, e, p in rows))

    def outcome():
        try:
            read = read_input(str(path), ReadOptions(jobs=1))
        except InputError as error:
            return str(error)
        return [(g.region, g.sector, g.enrolled, g.potential, g.origin) for g in read.groups], read.findings, read.notes

    in_loop = outcome()
    with monkeypatch.context() as patch:  # (undone after each example: the fixture is the test's)
        patch.setattr(Tally, "fill_in_loop", False)
        assert outcome() == in_loop


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from([*_OUTER, None]),
            st.sampled_from([*_INNER, None]),
            st.sampled_from([0, 1, 2, 7.0, 40, 3, 5, "3", 12.5]),  # (an error ends the read: rarely)
            st.integers(0, 999),
        ),
        min_size=1,
        max_size=20,
    )
)
@example(rows=[("Sumsel", "Petani", 1, 10), (None, "Petani", 2, 20), ("", "Petani", 3, 30), (None, "Buruh", 0, 5)])
def test_labels_filled_down_in_a_workbook_s_read_loop_are_what_the_tally_fills(tmp_path, monkeypatch, rows):
    openpyxl = pytest.importorskip("openpyxl")
    from enrollgap.read import read_input
    from enrollgap.read.table import Tally

    book = openpyxl.Workbook()
    book.active.append(["provinsi", "sektor", "peserta", "potensi"])
    for row in rows:
        book.active.append(list(row))
    path = tmp_path / "pivot.xlsx"
    book.save(path)

    def outcome():
        try:
            read = read_input(str(path), ReadOptions())
        except InputError as error:
            return str(error)
        return [(g.region, g.sector, g.enrolled, g.potential, g.origin) for g in read.groups], read.findings, read.notes

    in_loop = outcome()
    with monkeypatch.context() as patch:
        patch.setattr(Tally, "fill_in_loop", False)
        assert outcome() == in_loop


# ------------------------------------------------------------------ totals without a word

_COUNTS = st.tuples(st.integers(0, 50), st.integers(1, 500)).map(lambda c: (min(c), c[1]))  # enrolled <= potential


def _groups_of(counts):
    return [Group(None, f"Desa {i}", enrolled, potential) for i, (enrolled, potential) in enumerate(counts)]


def _sum_of(counts, name):
    return Group(None, name, sum(e for e, _ in counts), sum(p for _, p in counts))


@given(st.lists(_COUNTS, min_size=2, max_size=12), st.booleans())
def test_any_table_with_its_sum_first_or_last_finds_that_row_its_total(counts, first):
    from enrollgap.read.implied_totals import implied_totals

    groups = _groups_of(counts)
    total = _sum_of(counts, "Sumatera Selatan")
    table = [total, *groups] if first else [*groups, total]
    assert implied_totals(table) == [(0 if first else len(groups), "total")]


@given(
    st.lists(st.lists(_COUNTS, min_size=1, max_size=4), min_size=2, max_size=6), st.sampled_from(["", "first", "last"])
)
def test_any_blocks_each_headed_by_its_sum_find_those_heads_subtotals(blocks, province):
    from enrollgap.read.implied_totals import implied_totals

    assume(sum(map(len, blocks)) >= len(blocks) + 1)  # more rows under the heads than heads
    table, heads = [], []
    for number, children in enumerate(blocks):
        heads.append(len(table))
        table += [_sum_of(children, f"Kab {number}"), *_groups_of(children)]
    expected = [(at, "subtotal") for at in heads]
    if province:
        everything = _sum_of([c for children in blocks for c in children], "Sumatera Selatan")
        table = [everything, *table] if province == "first" else [*table, everything]
        at = 0 if province == "first" else len(table) - 1
        expected = sorted([(at, "grand_total"), *((h + (province == "first"), kind) for h, kind in expected)])
    assert sorted(implied_totals(table)) == expected


# ------------------------------------------------------------------ grouped digits a piece at a time


@settings(max_examples=500)
@given(
    cells=st.lists(st.text(alphabet=st.sampled_from(list("0123456789.,+- a\t")), min_size=1, max_size=12), min_size=1),
    locale=st.sampled_from(["id", "en"]),
    delimiter=st.sampled_from([";", "\t", "|"]),
)
def test_where_a_piece_groups_its_digits_int_reads_each_cell_with_its_marks_made_underscores_as_the_parser_does(
    cells, locale, delimiter
):
    from enrollgap.numerals import parse_count
    from enrollgap.read.cells import grouped_text, int_agrees

    mark = "." if locale == "id" else ","
    assume(not any(delimiter in cell for cell in cells))
    text = "\n".join(f"Petani{delimiter}{cell}" for cell in cells) + "\n"
    assume(int_agrees(text) and grouped_text(text, mark, delimiter))
    for cell in cells:
        try:
            value = int(cell.replace(mark, "_"))
        except ValueError:
            continue  # the read loop leaves it to the parser
        if value >= 0:  # (a negative count is left to the parser too)
            assert parse_count(cell, locale).count == value


def test_counts_in_grouped_digits_are_read_a_piece_at_a_time_not_a_cell_at_a_time(tmp_path, monkeypatch):
    # each cell's grouping checked alone took most of the time Indonesian numbers cost
    from enrollgap.read import cells, delimited

    asked = []
    monkeypatch.setattr(delimited, "grouped_pair", lambda *a: asked.append(a) or cells.grouped_pair(*a))
    path = tmp_path / "id.csv"
    path.write_text("sektor;peserta;potensi\n" + "Petani;1.204;38.500\n" * 1000 + "Nelayan;2.310;41.200\n" * 1000)
    groups = read_groups(str(path), ReadOptions(locale="id", jobs=1))
    assert [(g.sector, g.enrolled, g.potential) for g in groups] == [
        ("Petani", 1_204_000, 38_500_000),
        ("Nelayan", 2_310_000, 41_200_000),
    ]
    assert len(asked) <= 2  # the rows that first show grouped digits, at most
    path.write_text("sektor;peserta;potensi\nKab. OKU;1.204;38.500\n" + "Kab. OKU;1.204;38.500\n" * 10)
    assert read_groups(str(path), ReadOptions(locale="id", jobs=1))[0].enrolled == 13_244  # (cell by cell)
    assert len(asked) > 2  # a mark in a label: the piece is read cell by cell
    looked = []  # a file in plain digits is never looked at for grouped digits
    monkeypatch.setattr(delimited, "grouped_text", lambda *a: looked.append(a) or cells.grouped_text(*a))
    path.write_text("sektor;peserta;potensi\nKab. OKU;1204;38500\n" + "Desa 1.5;1204;38500\n" * 10)
    assert read_groups(str(path), ReadOptions(locale="id", jobs=1))[1].enrolled == 12_040 and looked == []


# The plain-rows loop compiled for a table's columns (read/compiled.py), against the
# same loop written over indices.


def reference_plain_rows(
    rows, first, signed, sums, other, delimiter, width, counts, keys, left_out, ordinary, new_group
):
    key_of = operator.itemgetter(*keys)
    for index, row in enumerate(rows):
        cells = row.split(delimiter)
        line = first + index
        if len(cells) != width:
            return index, other
        try:
            enrolled, potential = int(cells[counts[0]]), int(cells[counts[1]])
        except ValueError:
            return index, other
        if signed and (enrolled < 0 or potential < 0):
            return index, other
        if left_out is not None and cells[left_out] != other:
            if not plain_label(cells[left_out]) and not ordinary(cells[left_out]):
                return index, other
            other = cells[left_out]
        key = key_of(cells)
        if key not in sums:
            if new_group is None or not new_group(key, enrolled, potential, line):
                return index, other
        else:
            sums[key][0] += enrolled
            sums[key][1] += potential
    return len(rows), other


@st.composite
def plain_tables(draw):
    """Rows of width cells, mostly data (labels, counts), now and then not (a cell
    more or less, a count int() refuses or negative, a total, a blank label)."""
    width = draw(st.integers(3, 4))
    rows = []
    for _ in range(draw(st.integers(0, 12))):
        labels = [draw(st.sampled_from(["Desa A", "Desa B", "Petani", "Jumlah", ""])) for _ in range(width - 2)]
        counts = [str(draw(st.integers(0, 50))) for _ in range(2)]
        odd = draw(st.sampled_from([None] * 6 + ["wider", "narrower", "x", "-3", " 4"]))
        if odd == "wider":
            labels.append("z")
        elif odd == "narrower":
            labels.pop()
        elif odd is not None:
            counts[draw(st.integers(0, 1))] = odd
        rows.append(",".join(labels + counts))
    return width, rows


@settings(max_examples=400, deadline=None)
@given(
    table=plain_tables(),
    two_keys=st.booleans(),
    with_left_out=st.booleans(),
    adds_groups=st.booleans(),
    signed=st.booleans(),
    seen=st.lists(st.sampled_from(["Desa A", "Petani", "Jumlah"]), max_size=2),
)
def test_the_compiled_plain_loop_adds_and_stops_where_the_loop_over_indices_does(
    table, two_keys, with_left_out, adds_groups, signed, seen
):
    from enrollgap.read.compiled import plain_rows

    width, rows = table
    counts = (width - 2, width - 1)
    keys = [0, 1] if two_keys and width == 4 else [0]
    left_out = 1 if with_left_out and not two_keys and width == 4 else None
    ordinary = lambda label: label != "Jumlah"  # noqa: E731

    def run(loop):
        sums = {(k if len(keys) == 1 else (k, k)): [1, 2, 0] for k in seen}
        added = []

        def new_group(key, enrolled, potential, line):
            if key == "" or key == ("", ""):
                return False
            sums[key] = [enrolled, potential, line]
            added.append(line)
            return True

        stop, other = loop(rows, 10, signed, sums, None, new_group if adds_groups else None)
        return stop, other, sums, added

    def with_compiled(rows, first, signed, sums, other, new_group):
        return plain_rows(",", width, counts, keys, left_out, ordinary, new_group)(rows, first, signed, sums, other)

    def with_reference(rows, first, signed, sums, other, new_group):
        return reference_plain_rows(
            rows, first, signed, sums, other, ",", width, counts, keys, left_out, ordinary, new_group
        )

    assert run(with_compiled) == run(with_reference)


def test_the_compiled_loop_takes_only_column_numbers_of_the_table():
    from enrollgap.read.compiled import plain_rows

    for counts, keys, left_out in [
        ((2, 3), [4], None),
        ((2, 3), [], None),
        ((2, "3); import os; (1"), [0], None),
        ((-1, 3), [0], None),
        ((2, 3), [0], 7),
    ]:
        with pytest.raises(ValueError, match="columns out of the table"):
            plain_rows(",", 4, counts, keys, left_out, bool)  # type: ignore[arg-type]
    loop = plain_rows(";", 4, (2, 3), [0, 1], None, bool)
    sums: dict = {("Desa A", "Petani"): [1, 2, 5]}
    assert loop(["Desa A;Petani;3;4", "Desa A;Petani;5;6", "Desa B;Petani;1;1"], 7, False, sums, None) == (2, None)
    assert sums == {("Desa A", "Petani"): [9, 12, 5]}  # the new group stopped it: no new_group given


def general_loop_alone(*columns, **options):
    """In place of compiled.plain_rows: a loop that adds no row (the general loop reads all)."""
    return lambda rows, first, signed, sums, other: (0, other)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=tables(), piece=st.sampled_from([16, 40, 200]))
def test_one_core_reads_any_table_with_the_compiled_loop_as_with_the_general_loop_alone(
    tmp_path, monkeypatch, table, piece
):
    """The compiled loop adds the plain rows of each piece of text after the header's
    and leaves the rest of the piece to the general loop, at the first row it does not
    take: the same groups, first lines, findings, notes and first error as the
    general loop gives alone."""
    from enrollgap.read import ReadOptions, delimited, read_input
    from enrollgap.read import source as source_module

    text, locale, name, odd, group_by = table
    path = tmp_path / name
    path.write_bytes(text.encode())
    monkeypatch.setattr(source_module, "SNIFF", 48)  # (pieces after the header's: the compiled loop's)
    monkeypatch.setattr(source_module, "PIECE", piece)
    real = delimited.compiled_plain_rows
    added = []

    def recorded(*arguments, **options):
        loop = real(*arguments, **options)

        def counted(rows, *rest):
            stop, other = loop(rows, *rest)
            added.append(stop)
            return stop, other

        return counted

    def outcome():
        try:
            read = read_input(str(path), ReadOptions(locale=locale, jobs=1, group_by=group_by))
        except InputError as error:
            return str(error)
        return [(g.sector, g.region, g.enrolled, g.potential, g.origin) for g in read.groups], read.findings, read.notes

    monkeypatch.setattr(delimited, "compiled_plain_rows", general_loop_alone)
    alone = outcome()
    monkeypatch.setattr(delimited, "compiled_plain_rows", recorded)
    assert outcome() == alone
    if odd is None and "\r" not in text and text.count("\n") > 6 and locale == "en":
        assert sum(added) > 0  # the compiled loop added rows


def test_after_the_compiled_loop_totals_and_errors_are_where_the_general_loop_puts_them(tmp_path, monkeypatch):
    """Once a total row is seen, each row's counts are kept for the next total: the
    compiled loop then leaves the rows to the general loop. A piece it summed whole
    still moves the line an error that follows is reported on."""
    from enrollgap.read import ReadOptions, delimited, read_input

    monkeypatch.setattr(source_module, "SNIFF", 64)
    monkeypatch.setattr(source_module, "PIECE", 64)
    monkeypatch.setattr(source_module, "MAX_LINE", 2000)
    rows = "Petani,1,2\nNelayan,3,4\n" * 10
    path = write(tmp_path, "long.csv", "sektor,peserta,potensi\n" + rows + rows + "x" * 3000 + "\n")
    with pytest.raises(InputError) as caught:
        read_groups(path, ReadOptions(jobs=1))
    assert caught.value.line == 42 and "longer than" in caught.value.message
    # a subtotal of the first 20 rows, then the total of all 40: both agree with the rows
    path = write(tmp_path, "rows.csv", "sektor,peserta,potensi\n" + rows + "Jumlah,40,60\n" + rows + "Jumlah,80,120\n")
    read = read_input(path, ReadOptions(jobs=1))
    assert read.findings == () and read.notes.totals.first == [22, 43]
    monkeypatch.setattr(delimited, "compiled_plain_rows", general_loop_alone)
    assert read_input(path, ReadOptions(jobs=1)).findings == ()


def test_a_read_leaves_nothing_for_the_cycle_collector(tmp_path):
    """The command runs the collector rarely (enrollgap.__main__): a reference cycle
    that holds a read's sums keeps them, here 3,000 groups' worth, until it runs (the
    compiled loop, in its own globals, did so through new_group)."""
    import gc

    from enrollgap.read import ReadOptions, read_input

    path = write(tmp_path, "rows.csv", "sektor,peserta,potensi\n" + "".join(f"S{i},1,2\n" for i in range(3000)))
    read_input(path, ReadOptions(jobs=1))  # (what is made once, at the first read, is not asked about)
    gc.collect()
    gc.disable()
    try:
        read = read_input(path, ReadOptions(jobs=1))
        assert gc.collect() == 0
    finally:
        gc.enable()
    assert len(read.groups) == 3000


def test_a_table_too_wide_to_compile_a_loop_for_is_read_by_the_general_loop(tmp_path):
    """Compiling takes time in proportion to the width (2 s for 200,000 columns): a
    wider table than WIDEST gets a loop that adds nothing, and is read all the same."""
    from enrollgap.read.compiled import WIDEST, plain_rows

    wide = WIDEST + 1
    loop = plain_rows(",", wide, (wide - 2, wide - 1), [0], None, bool)
    sums: dict = {"Petani": [1, 2, 3]}
    assert loop(["Petani" + "," * (wide - 3) + ",1,2"], 5, False, sums, None) == (0, None)  # (a row of its width)
    assert sums == {"Petani": [1, 2, 3]}
    narrow = plain_rows(",", WIDEST, (WIDEST - 2, WIDEST - 1), [0], None, bool)
    row = "Petani" + "," * (WIDEST - 3) + ",4,5"
    assert narrow([row], 5, False, sums, None) == (1, None) and sums == {"Petani": [5, 7, 3]}
    header = ",".join(f"x{i}" for i in range(wide - 3)) + ",sektor,peserta,potensi\n"
    path = write(tmp_path, "wide.csv", header + ("," * (wide - 3) + "Petani,1,2\n") * 3)
    assert [(g.sector, g.enrolled, g.potential) for g in read_groups(path)] == [("Petani", 3, 6)]
