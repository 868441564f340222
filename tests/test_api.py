"""The library as a notebook meets it: what its constructors take and refuse."""

from fractions import Fraction

import pytest

import enrollgap
from enrollgap import EnrollgapError, Group, Plan, ReadOptions, ReportOptions, read_groups, report


def test_a_float_percentage_is_the_decimal_it_prints_as():
    """Plan(12.3) gave a target of 164,821: the float's binary expansion is a hair over 12.3."""
    result = report([Group("BPU", None, 48858, 1340000)], ReportOptions(Plan(12.3)))
    assert result.report.total.target == 164_820
    assert Plan(12.3).target_pct == Fraction(123, 10)
    assert enrollgap.Assumptions(1.5, 90.0, 16800.0).potential_growth_pct == Fraction(3, 2)


def test_a_whole_float_count_is_taken_and_any_other_non_integer_count_is_refused():
    assert Group("a", None, 1204.0, 38500.0).enrolled == 1204  # pandas after fillna
    for bad in ("48.858", 12.5, None, True):
        with pytest.raises(EnrollgapError, match="enrolled: expected a whole number"):
            Group("a", None, bad, 10)
    with pytest.raises(EnrollgapError, match="cannot be negative"):
        Group("a", None, -1, 10)
    with pytest.raises(EnrollgapError, match="--target: expected a number"):
        Plan("12")


def test_columns_may_be_given_as_a_mapping(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("Kelompok,Jumlah,Target\nPetani,10,100\n")
    groups = read_groups(
        str(path), ReadOptions(columns={"sector": "Kelompok", "enrolled": "Jumlah", "potential": "Target"})
    )
    assert [(g.sector, g.enrolled, g.potential) for g in groups] == [("Petani", 10, 100)]
