from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from enrollgap.coverage import Group, Plan, build_report, sort_rows
from enrollgap.errors import DataError

SEED = Group("BPU", None, 48858, 1340000)


def test_the_seed_case():
    report = build_report([SEED])
    total = report.total
    assert total.coverage_pct == Fraction(4885800, 1340000)
    assert round(float(total.coverage_pct), 2) == 3.65
    assert total.gap == 1291142
    assert total.gap_share_pct == 100


def test_target_by_year_gives_enrollments_a_year_and_a_month():
    report = build_report([SEED], Plan(Fraction(10), 2025, 2020))
    row = report.groups[0]
    assert (row.target, row.to_target, row.per_year, row.per_month) == (134000, 85142, 17029, 1420)
    assert report.total.per_year == 17029


def test_target_rounds_up_to_whole_people():
    report = build_report([Group("a", None, 0, 101)], Plan(Fraction(10)))
    assert report.groups[0].target == 11  # 10.1 people is 11 people


def test_premiums_use_the_gap_and_the_distance_to_target():
    report = build_report([SEED], Plan(Fraction(10), None, None, Fraction(16800)))
    assert report.total.premium_gap_per_year == 1291142 * 16800 * 12
    assert report.total.premium_to_target_per_year == 85142 * 16800 * 12


def test_total_uses_summed_counts_and_summed_gaps():
    groups = [Group("Construction", None, 2010, 1000), Group("Farmers", None, 100, 1000)]
    report = build_report(groups, Plan(Fraction(50), 2022, 2020))
    assert report.total.coverage_pct == Fraction(100 * 2110, 2000)  # not the mean of 201% and 10%
    assert report.total.gap == 900  # the over-covered group fills no one else's gap
    assert report.total.to_target == 400
    assert report.total.target == 500 + 500
    assert report.total.per_year == 200
    assert [f.kind for f in report.findings] == ["over_covered"]
    assert report.groups[0].gap == 0


def test_gap_shares_add_up_to_100():
    groups = [Group("a", None, 1, 10), Group("b", None, 2, 7), Group("c", None, 0, 3)]
    report = build_report(groups)
    assert sum(r.gap_share_pct for r in report.groups) == 100


def test_zero_potential_and_zero_enrolled_is_undefined_with_a_warning():
    report = build_report([Group("a", None, 0, 0), Group("b", None, 1, 2)])
    assert report.groups[0].coverage_pct is None
    assert [f.kind for f in report.findings] == ["undefined"]


def test_enrolled_out_of_zero_potential_is_an_error():
    with pytest.raises(DataError, match="potential of 0"):
        build_report([Group("a", None, 5, 0, "x.csv:3")])


def test_no_gap_anywhere_leaves_shares_undefined():
    report = build_report([Group("a", None, 5, 5)])
    assert report.total.gap_share_pct is None


def test_a_deadline_must_come_after_the_base_year():
    with pytest.raises(ValueError):
        build_report([SEED], Plan(Fraction(10), 2020, 2020))


def test_sorting():
    rows = build_report(
        [Group("b", None, 5, 10), Group("a", None, 1, 100), Group("c", None, 9, 10), Group("d", None, 0, 0)]
    ).groups
    assert [r.sector for r in sort_rows(rows, "name")] == ["a", "b", "c", "d"]
    assert [r.sector for r in sort_rows(rows, "coverage")] == ["a", "b", "c", "d"]
    assert [r.sector for r in sort_rows(rows, "gap")] == ["a", "b", "c", "d"]
    assert [r.sector for r in sort_rows(rows, "enrolled")] == ["c", "b", "a", "d"]
    assert [r.sector for r in sort_rows(rows, "potential")] == ["a", "b", "c", "d"]
    assert [r.sector for r in sort_rows(rows, "input")] == ["b", "a", "c", "d"]


@given(st.integers(0, 10**15), st.integers(0, 10**15))
def test_percent_float_is_the_exact_percentage_rounded_once(part, whole):
    from enrollgap.coverage import coverage_pct, percent_float

    exact = coverage_pct(part, whole)
    assert percent_float(part, whole) == (None if exact is None else float(exact))
