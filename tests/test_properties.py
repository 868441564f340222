"""Properties of the arithmetic, checked on generated cases (hypothesis)."""

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from enrollgap.consistency import check_case, whole_range
from enrollgap.coverage import Group, Plan, build_report
from enrollgap.numerals import (
    Written,
    format_decimal,
    format_int,
    parse_count,
    parse_number,
)
from enrollgap.projection import Assumptions, forecast, required_path

counts = st.integers(min_value=0, max_value=10**9)


@st.composite
def groups(draw, min_size=1, max_size=8):
    size = draw(st.integers(min_size, max_size))
    out = []
    for index in range(size):
        potential = draw(st.integers(1, 10**8))
        enrolled = draw(st.one_of(st.integers(0, potential), st.integers(0, 3 * potential)))
        out.append(Group(f"g{index}", None, enrolled, potential))
    return out


percents = st.fractions(min_value=0, max_value=100, max_denominator=100)


@given(groups(), st.one_of(st.none(), percents), st.integers(2000, 2030), st.integers(1, 30))
def test_report_total_is_the_sum_of_its_groups(group_list, target, from_year, years):
    plan = Plan(target, from_year + years if target is not None else None, from_year if target is not None else None)
    report = build_report(group_list, plan)
    total = report.total
    assert total.enrolled == sum(g.enrolled for g in group_list)
    assert total.potential == sum(g.potential for g in group_list)
    assert total.gap == sum(r.gap for r in report.groups)
    assert all(r.gap >= 0 for r in report.groups)
    assert total.coverage_pct == Fraction(100 * total.enrolled, total.potential)
    if total.gap:
        assert sum(r.gap_share_pct for r in report.groups) == 100
    if target is not None:
        assert total.to_target == sum(r.to_target for r in report.groups)
        assert total.per_year == sum(r.per_year for r in report.groups)
        for row in report.groups:
            assert row.target >= target * row.potential / 100 > row.target - 1
            assert row.per_year * years >= row.to_target
            assert row.per_month * 12 * years >= row.to_target


@settings(max_examples=60)
@given(
    groups(max_size=4),
    st.fractions(min_value=1, max_value=100, max_denominator=10),
    st.integers(1, 12),
    st.sampled_from(["linear", "compound", "closing"]),
    st.fractions(min_value=-5, max_value=5, max_denominator=10),
    st.fractions(min_value=0, max_value=100, max_denominator=10),
)
def test_required_paths_reach_the_target_exactly_and_never_go_back(
    group_list, target, years, method, potential_growth, retention
):
    if method == "compound":
        group_list = [g if g.enrolled else Group(g.sector, None, 1, g.potential) for g in group_list]
    if method == "closing":
        group_list = [
            g if g.enrolled < g.potential else Group(g.sector, None, g.potential - 1, g.potential) for g in group_list
        ]
    assumptions = Assumptions(potential_growth, retention)
    projection = required_path(group_list, target, 2020, 2020 + years, method, assumptions)
    for group, path in zip(group_list, projection.paths):
        last = path.years[-1]
        goal = -((-target * last.potential) // 100)
        assert last.enrolled == max(goal, group.enrolled)
        enrolled = [y.enrolled for y in path.years]
        assert enrolled == sorted(enrolled)
        assert all(y.new_net >= 0 and y.new_gross >= y.new_net for y in path.years)
        assert path.reached is not None and path.reached <= 2020 + years
    for index, year in enumerate(projection.total.years):
        assert year.enrolled == sum(p.years[index].enrolled for p in projection.paths)
        assert year.potential == sum(p.years[index].potential for p in projection.paths)
        assert year.new_gross == sum(p.years[index].new_gross for p in projection.paths)


@settings(max_examples=60)
@given(groups(max_size=3), percents, st.integers(0, 50_000), st.integers(1, 40))
def test_forecasts_stop_at_the_first_year_every_group_is_at_target(group_list, target, add, horizon):
    projection = forecast(group_list, target, 2020, add=add, horizon=horizon)
    total = projection.total
    assert projection.to_year == total.reached
    if total.reached is None:
        assert len(total.years) == horizon + 1
    else:
        assert total.years[-1].year == total.reached
        for path in projection.paths:
            assert path.reached is not None and path.reached <= total.reached


def brute_force(e_range, p_range, low, high):
    return any(
        low * p <= 100 * e < high * p
        for e in range(e_range[0], e_range[1] + 1)
        for p in range(max(p_range[0], 1), p_range[1] + 1)
    )


@given(
    st.integers(0, 60),
    st.integers(1, 80),
    st.integers(0, 2),
    st.integers(0, 15000),
    st.sampled_from([0, 1, 2]),
    st.sampled_from([0, 1, 2]),
    st.fractions(min_value=0, max_value=1, max_denominator=20),
)
def test_check_agrees_with_a_brute_force_search(enrolled, potential, decimals, reported, e_exp, p_exp, tolerance):
    # Counts written as d digits of a scale of 10^exp stand for ranges; keep them small.
    e = Written(Fraction(enrolled), 0, e_exp) if e_exp else Written(Fraction(enrolled))
    p = Written(Fraction(potential), 0, p_exp) if p_exp else Written(Fraction(potential))
    written_pct = Written(Fraction(reported, 10**decimals) % 200, decimals)
    verdict = check_case(e, p, written_pct, tolerance)
    low, high = verdict.reported_range
    assert verdict.consistent == brute_force(whole_range(e), whole_range(p), low, high)


@given(st.integers(0, 10**15), st.sampled_from(["en", "id"]))
def test_counts_written_in_a_locale_read_back(value, locale):
    assert parse_count(format_int(value, locale), locale).count == value


@given(
    st.fractions(min_value=-(10**6), max_value=10**6, max_denominator=10**4),
    st.integers(0, 4),
    st.sampled_from(["en", "id"]),
)
def test_decimals_written_in_a_locale_read_back(value, decimals, locale):
    text = format_decimal(value, decimals, locale)
    parsed = parse_number(text, locale)
    assert abs(parsed.value - value) <= Fraction(1, 2 * 10**decimals)
    assert parsed.decimals == decimals


@given(st.integers(-(10**18), 10**18), st.integers(1, 10**12))
def test_round_half_up_in_integers_is_the_fraction_rule(numerator, denominator):
    import math

    from enrollgap.rounding import round_half_up

    value = Fraction(numerator, denominator)
    half = Fraction(1, 2)
    expected = -math.floor(-value + half) if value < 0 else math.floor(value + half)
    assert round_half_up(value) == expected


@given(st.integers(0, 10**15), st.integers(0, 10**15), st.integers(0, 6), st.sampled_from(["en", "id"]))
def test_a_percentage_from_counts_is_written_as_from_the_exact_fraction(part, whole, decimals, locale):
    from enrollgap.coverage import coverage_pct
    from enrollgap.numerals import Style

    style = Style(locale, decimals)
    assert style.ratio_pct(part, whole) == style.pct(coverage_pct(part, whole))
