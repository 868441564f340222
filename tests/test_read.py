"""The read package on its own: files in, groups and cases out, without the command line."""

import pytest

from enrollgap.errors import InputError, OptionError
from enrollgap.groups import Group
from enrollgap.read import ReadOptions, merge, parse_column_map, read_cases, read_groups
from enrollgap.read.columns import Columns
from enrollgap.read.source import sniff_format


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_csv_rows_with_the_same_labels_are_summed_in_first_seen_order(tmp_path):
    path = write(tmp_path, "rows.csv", "sektor,peserta,potensi\nB,1,10\nA,2,20\n B ,3,30\n")
    groups = read_groups(path)
    assert [(g.sector, g.enrolled, g.potential) for g in groups] == [("B", 4, 40), ("A", 2, 20)]
    assert groups[0].origin == f"{path}:2"


def test_json_and_csv_of_the_same_rows_give_the_same_groups(tmp_path):
    csv_path = write(tmp_path, "rows.csv", "region;sector;enrolled;potential\nS;F;1.000;2.000\n")
    json_path = write(tmp_path, "rows.json", '[{"region": "S", "sector": "F", "enrolled": 1000, "potential": 2000}]')
    options = ReadOptions(locale="id")
    assert [(g.region, g.sector, g.enrolled) for g in read_groups(csv_path, options)] == [("S", "F", 1000)]
    assert [(g.region, g.sector, g.enrolled) for g in read_groups(json_path, options)] == [("S", "F", 1000)]


def test_extra_groups_from_the_command_line_join_the_file_s(tmp_path):
    path = write(tmp_path, "rows.csv", "sector,enrolled,potential\nA,1,10\n")
    groups = read_groups(path, ReadOptions(), [Group("A", None, 5, 50, "-s #1"), Group("C", None, 1, 2)])
    assert [(g.sector, g.enrolled, g.potential) for g in groups] == [("A", 6, 60), ("C", 1, 2)]


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
