from fractions import Fraction

import pytest

from enrollgap.coverage import Group
from enrollgap.errors import ProjectionError
from enrollgap.projection import Assumptions, forecast, potentials, required_path

SEED = Group("BPU", None, 48858, 1340000)


def test_linear_seed_path_adds_17028_to_17029_a_year():
    projection = required_path([SEED], Fraction(10), 2020, 2025, "linear")
    years = projection.paths[0].years
    assert [y.year for y in years] == list(range(2020, 2026))
    assert years[0].enrolled == 48858 and years[-1].enrolled == 134000
    assert {y.new_net for y in years[1:]} == {17028, 17029}
    assert years[0].new_net == 0 and years[0].new_gross == 0
    assert projection.paths[0].reached == 2025


def test_compound_seed_path_grows_about_22_36_percent_a_year():
    years = required_path([SEED], Fraction(10), 2020, 2025, "compound").paths[0].years
    rates = [y.enrolled / p.enrolled - 1 for p, y in zip(years, years[1:])]
    assert all(abs(rate - 0.2236) < 0.0005 for rate in rates)
    assert years[-1].enrolled == 134000


def test_closing_path_is_front_loaded():
    years = required_path([SEED], Fraction(10), 2020, 2025, "closing").paths[0].years
    additions = [y.new_net for y in years[1:]]
    assert additions == sorted(additions, reverse=True)
    assert years[-1].enrolled == 134000


def test_compound_from_zero_enrolled_says_use_linear():
    with pytest.raises(ProjectionError, match="--path linear"):
        required_path([Group("a", None, 0, 100)], Fraction(10), 2020, 2025, "compound")


def test_target_year_holds_the_target_of_the_grown_potential():
    assumptions = Assumptions(potential_growth_pct=Fraction(2))
    projection = required_path([SEED], Fraction(10), 2020, 2025, "linear", assumptions)
    last = projection.paths[0].years[-1]
    assert last.potential == potentials(1340000, Fraction(2), 5)[-1] == 1479468
    assert last.enrolled == 147947  # ceil(10% of 1,479,468)


def test_retention_adds_the_replacements_to_gross_enrollments():
    assumptions = Assumptions(retention_pct=Fraction(90))
    years = required_path([SEED], Fraction(10), 2020, 2025, "linear", assumptions).paths[0].years
    assert years[1].new_gross == 65886 - 43972  # 10% of 48,858 lapse: 4,885.8 people
    assert all(y.new_gross >= y.new_net for y in years)


def test_premium_of_the_enrolled_each_year():
    years = (
        required_path([SEED], Fraction(10), 2020, 2025, "linear", Assumptions(premium=Fraction(16800))).paths[0].years
    )
    assert years[0].premium_per_year == 48858 * 16800 * 12


def test_a_group_already_at_target_stays_put():
    projection = required_path([Group("a", None, 50, 100), SEED], Fraction(10), 2020, 2023)
    assert [y.enrolled for y in projection.paths[0].years] == [50, 50, 50, 50]
    assert projection.paths[0].reached == 2020


def test_total_is_the_sum_of_the_groups():
    groups = [SEED, Group("b", None, 10, 1000), Group("c", None, 0, 50)]
    projection = required_path(groups, Fraction(12), 2020, 2024, "linear")
    for index, year in enumerate(projection.total.years):
        assert year.enrolled == sum(p.years[index].enrolled for p in projection.paths)
        assert year.gap == sum(p.years[index].gap for p in projection.paths)
        assert year.new_net == sum(p.years[index].new_net for p in projection.paths)
    assert projection.total.reached == 2024


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"by": 2020}, "after the base year"),
        ({"target": Fraction(101)}, "between 0 and 100"),
        ({"assumptions": Assumptions(retention_pct=Fraction(120))}, "retention"),
    ],
)
def test_invalid_requests(kwargs, message):
    with pytest.raises(ProjectionError, match=message):
        required_path(
            [SEED],
            kwargs.get("target", Fraction(10)),
            2020,
            kwargs.get("by", 2025),
            "linear",
            kwargs.get("assumptions", Assumptions()),
        )


def test_growth_forecast_reports_the_first_year_at_target():
    projection = forecast([SEED], Fraction(10), 2020, growth_pct=Fraction(20))
    assert projection.to_year == 2026  # 48,858 * 1.2^6 = 145,889 >= 134,000; 1.2^5 falls short
    assert projection.total.years[-1].enrolled == 145889
    assert projection.method == "growth"


def test_add_forecast():
    projection = forecast([SEED], Fraction(10), 2020, add=20000)
    assert projection.to_year == 2025  # 48,858 + 5 * 20,000 = 148,858
    assert projection.paths[0].reached == 2025


def test_forecast_that_never_arrives_is_null_within_the_horizon():
    projection = forecast([SEED], Fraction(10), 2020, add=0, horizon=7)
    assert projection.to_year is None
    assert projection.total.reached is None
    assert len(projection.total.years) == 8


def test_forecast_needs_exactly_one_of_growth_and_add():
    with pytest.raises(ProjectionError):
        forecast([SEED], Fraction(10), 2020)
    with pytest.raises(ProjectionError):
        forecast([SEED], Fraction(10), 2020, growth_pct=Fraction(1), add=1)
