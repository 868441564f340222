"""The read package on its own: files in, groups and cases out, without the command line."""

import csv
import io
import json
import sys
import zipfile

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from enrollgap.errors import InputError, OptionError
from enrollgap.groups import Group
from enrollgap.read import ReadOptions, merge, normalize_header, parse_column_map, read_cases, read_groups
from enrollgap.read import source as source_module
from enrollgap.read.columns import Columns
from enrollgap.read.delimited import csv_rows
from enrollgap.read.labels import (
    ALL_WORDS,
    EDGE_WORDS,
    SCOPE_WORDS,
    SUMMARY_FIRST,
    SUMMARY_WORDS,
    TOTAL_WORDS,
    is_summary,
    is_total,
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
        read_groups(path, ReadOptions())
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
    """csv_rows splits quote-free pieces with str.split and hands the rest to csv.reader:
    the cells and line numbers are csv.reader's on the whole text, whatever the pieces."""
    assume(sys.version_info >= (3, 11) or "\x00" not in text)  # csv.reader reads NUL since 3.11
    path = tmp_path / "t.csv"
    path.write_bytes(text.encode("utf-8"))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    expected = [(cells, reader.line_num) for cells in reader]
    # A quote left open: csv.reader reads the rest into the last row; that is an error
    # naming the line the row began on.
    first_of_last = expected[-2][1] + 1 if len(expected) > 1 else 1
    unclosed = (
        text.count('"') % 2 == 1
        and bool(expected)
        and expected[-1][1] > first_of_last
        and any("\n" in cell or "\r" in cell for cell in expected[-1][0])
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(source_module, "PIECE", chunk)
        patch.setattr(source_module, "SNIFF", chunk)
        source = open_source(str(path), ReadOptions(input_format="csv", delimiter=delimiter))
        try:
            if unclosed:
                with pytest.raises(InputError, match="a quote opens a field") as caught:
                    list(csv_rows(source))
                assert caught.value.line == first_of_last
                return
            got = list(csv_rows(source))
        finally:
            source.close()
    # A blank line is [] to csv.reader and [""] to str.split: both are a blank row.
    assert [(cells or [""], line) for line, cells in got] == [(cells or [""], line) for cells, line in expected]


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
            groups = read_groups(path, ReadOptions(locale="id"))
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


def _without_marks_around(text):
    """The text without what is neither a letter nor a digit 0-9 at either end."""
    return text.strip("".join(c for c in set(text) if not (c.isalpha() or c in "0123456789")))


@given(st.one_of(_spellings(TOTAL_WORDS), st.text(max_size=12)))
@example("Desa 0001")
@example("ſemua")  # a long s casefolds to s: a total
@example("total\u212a")  # a Kelvin sign casefolds to k: not a total word's end, but not ASCII either
@example("Sumsel Total")
@example("total\u212a Desa")
@example(" Jumlah Desa 1")
@example("Desa 1 ſubtotal")
@example("Total*)")
@example("Grand Total\u00b9")
@example("Semua Sektor")
@example("Pedagang Semua Jenis")
def test_a_total_is_a_total_word_an_edge_word_or_all_of_a_scope_whatever_marks_surround_it(text):
    bare = _without_marks_around(text)
    words = bare.casefold().split()
    at_an_edge = len(words) > 1 and (words[0] in EDGE_WORDS or words[-1] in EDGE_WORDS)
    all_of = len(words) == 2 and words[0] in ALL_WORDS and words[1] in SCOPE_WORDS
    assert is_total(text) == (normalize_header(bare) in TOTAL_WORDS or at_an_edge or all_of)


@given(st.one_of(_spellings(SUMMARY_WORDS), _spellings(SUMMARY_FIRST), st.text(max_size=12)))
@example("Rata-rata Kabupaten")
@example("_Average")
@example("\u00a0Maksimum")
@example("Mean\u212a")
@example("Desa 0001")
def test_a_summary_is_a_summary_word_or_starts_with_one_whatever_marks_surround_it(text):
    bare = _without_marks_around(text)
    words = bare.casefold().split()
    assert is_summary(text) == (
        normalize_header(bare) in SUMMARY_WORDS or (len(words) > 1 and words[0] in SUMMARY_FIRST)
    )


@given(st.one_of(_spellings(TOTAL_WORDS), _spellings(SUMMARY_WORDS), _spellings(SUMMARY_FIRST), st.text(max_size=12)))
@example("Rata-rata Kabupaten")
@example("Sumsel Total")
@example("Total Sumsel")
@example("J U M L A H")
def test_a_row_is_not_a_group_exactly_when_its_label_is_a_total_or_a_summary(text):
    from enrollgap.read.labels import is_total_or_summary

    assert is_total_or_summary(text) == (is_total(text) or is_summary(text))


def test_the_sums_by_label_behind_a_total_of_one_label_are_kept_and_bounded():
    """Each working out walks every group: kept while no data row comes between total
    rows (a block of "Jumlah / Petani", "Jumlah / Nelayan", ...), and done at most
    LABEL_SUMS times a file, so that a file of many such totals stays linear."""
    from enrollgap.read.notes import Notes, RowFindings
    from enrollgap.read.places import Places
    from enrollgap.read.totals import LABEL_SUMS, Totals

    asked = []
    findings = RowFindings()
    label_sums = lambda column: asked.append(column) or {"Petani": (7, 70)}  # noqa: E731
    totals = Totals([0, 1], Notes("v.csv"), Places("v.csv"), findings, label_sums)
    for line in range(3):  # one block of totals after the same rows: worked out once
        totals.not_a_group(line + 2, ["Jumlah", "Petani"], (7, 70), (9, 90), first=False)
    assert asked == [1] and findings.items == []
    for line in range(2 * LABEL_SUMS):  # rows between each: worked out again, up to the bound
        totals.not_a_group(line + 2, ["Jumlah", "Petani"], (7, 70), (10 + line, 90), first=False)
    assert len(asked) == LABEL_SUMS
    # past the bound: checked against the rows above (five listed, the rest counted on the last)
    assert len(findings.items) + findings.items[-1].more == LABEL_SUMS + 1


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
    from enrollgap.read.notes import Seen
    from enrollgap.words import describe

    seen = Seen()
    for line in range(10, 1_000_010):
        seen.append((line, f"Sumber {line}"))
    assert seen.first == [(10, "Sumber 10"), (11, "Sumber 11"), (12, "Sumber 12")] and seen.count == 1_000_000
    assert describe(seen.lines(), total=seen.count) == "lines 10, 11, 12 and 999,997 more"
    assert describe(seen.lines(), "id", total=seen.count) == "baris 10, 11, 12 dan 999.997 lainnya"
    assert describe([4, 9], "id") == "baris 4 dan 9" and not Seen() and Seen([1]) == Seen([1], 1) != Seen([1], 2)


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


# ------------------------------------------------------------------ counts of text tables


@settings(max_examples=1000)
@given(
    cell=st.text(alphabet=st.sampled_from(list("0123456789.,_+- a\u0661")), min_size=1, max_size=24),
    locale=st.sampled_from(["id", "en"]),
)
@example(cell="1_000.000", locale="id")  # int() would read 1_000000
@example(cell="0.123", locale="id")
@example(cell="1.234.567", locale="id")
@example(cell="1.000.000.000.000.000", locale="id")  # past 10^15
@example(cell="\u0661\u0662", locale="en")  # digits of another script
def test_a_text_cell_s_count_is_what_the_number_parser_reads(cell, locale):
    """text_count reads plain and grouped digits at once; whatever it reads, or refuses,
    the number parser reads, or refuses, the same."""
    from enrollgap.errors import NumberError
    from enrollgap.numerals import parse_count
    from enrollgap.read.cells import text_count

    def outcome(read):
        try:
            return read()
        except NumberError:
            return "refused"

    assert outcome(lambda: text_count(cell, locale)) == outcome(lambda: parse_count(cell, locale).count)


def test_a_json_element_far_longer_than_a_piece_of_text_is_read_whole(tmp_path, monkeypatch):
    """An element is decoded again only once its text has doubled (benchmarks/bench.py
    times a 14 MB one against json.load); what it reads is the element, whole."""
    monkeypatch.setattr(source_module, "PIECE", 1000)
    monkeypatch.setattr(source_module, "SNIFF", 1000)
    name = "Desa " + "x" * 300_000
    path = write(tmp_path, "big.json", json.dumps([{"sektor": name, "peserta": 1, "potensi": 2}, {"sektor": "b",
                                                   "peserta": 3, "potensi": 4}]))  # fmt: skip
    groups = read_groups(path)
    assert [(g.sector, g.enrolled) for g in groups] == [(name, 1), ("b", 3)]


def test_a_classic_mac_file_longer_than_a_line_may_be_is_read_line_by_line(tmp_path, monkeypatch):
    """A CSV whose lines end in a lone CR (classic Mac OS) over 32 MiB was refused as
    'a line longer than 32 MiB': its text is cut at CRs where it has no LF."""
    monkeypatch.setattr(source_module, "MAX_LINE", 1000)
    monkeypatch.setattr(source_module, "PIECE", 100)
    monkeypatch.setattr(source_module, "SNIFF", 100)
    rows = ["desa,peserta,potensi"] + [f"Desa {i % 9},{i % 7},{100 + i}" for i in range(500)]
    path = tmp_path / "mac.csv"
    path.write_bytes(("\r".join(rows) + "\r").encode())
    groups = read_groups(str(path))
    assert len(groups) == 9 and sum(g.enrolled for g in groups) == sum(i % 7 for i in range(500))
    assert groups[0].origin == f"{path}:2"
    crlf = tmp_path / "dos.csv"  # a CRLF file cut the same way keeps one line per row
    crlf.write_bytes(("\r\n".join(rows) + "\r\n").encode())
    assert [(g.sector, g.enrolled, g.origin.rsplit(":", 1)[1]) for g in read_groups(str(crlf))] == [
        (g.sector, g.enrolled, g.origin.rsplit(":", 1)[1]) for g in groups
    ]
