from fractions import Fraction

import pytest

from enrollgap.consistency import check_case, floor_sum, whole_range
from enrollgap.errors import CheckError
from enrollgap.numerals import Written, parse_count, parse_number


def written(value, decimals=0, exponent=0):
    return Written(Fraction(value), decimals, exponent)


def test_the_published_sentence_is_consistent_as_rounded():
    verdict = check_case(
        parse_count("48.858", "id"), parse_count("1,34 juta", "id"), parse_number("3,63", "id", percent=True)
    )
    assert verdict.consistent
    assert verdict.potential_range == (1335000, 1344999)
    assert verdict.implied_potential == (1344100, 1347806)
    assert round(float(verdict.coverage_pct), 3) == 3.646


def test_with_exactly_1340000_the_published_percentage_is_wrong():
    verdict = check_case(
        parse_count("48.858", "id"), parse_count("1.340.000", "id"), parse_number("3,63", "id", percent=True)
    )
    assert not verdict.consistent
    assert verdict.difference_pp == Fraction("3.63") - Fraction(4885800, 1340000)
    assert verdict.implied_enrolled == (48575, 48708)


def test_tolerance_widens_the_reported_interval():
    case = (written(48858), written(1340000), written("3.63", 2))
    assert not check_case(*case).consistent
    assert check_case(*case, tolerance_pp=Fraction("0.02")).consistent


def test_whole_range_of_written_counts():
    assert whole_range(parse_count("1,34 juta", "id")) == (1335000, 1344999)
    assert whole_range(parse_count("49 juta", "id")) == (48500000, 49499999)
    assert whole_range(parse_count("48858", "en")) == (48858, 48858)


def test_zero_potential_cannot_be_checked():
    with pytest.raises(CheckError):
        check_case(written(0), written(0), written(0))


def test_floor_sum_matches_the_plain_sum():
    for n in range(0, 12):
        for m in range(1, 7):
            for a in range(-7, 8):
                for b in range(-7, 8):
                    assert floor_sum(n, m, a, b) == sum((a * i + b) // m for i in range(n))


def brute_force(e_range, p_range, low, high):
    return any(
        low <= Fraction(100 * e, p) < high
        for e in range(e_range[0], e_range[1] + 1)
        for p in range(max(p_range[0], 1), p_range[1] + 1)
    )


@pytest.mark.parametrize("decimals", [0, 1, 2])
def test_verdicts_agree_with_a_brute_force_search(decimals):
    # Exact small counts against reported percentages spread over 0-150%.
    step = Fraction(1, 10**decimals)
    stride = {0: 1, 1: 7, 2: 61}[decimals]
    for enrolled in range(0, 13):
        for potential in range(1, 15):
            for k in range(0, int(150 / step), stride):
                reported = written(k * step, decimals)
                verdict = check_case(written(enrolled), written(potential), reported)
                low, high = verdict.reported_range
                assert verdict.consistent == brute_force((enrolled,) * 2, (potential,) * 2, low, high)


def test_verdicts_on_rounded_counts_agree_with_a_brute_force_search():
    # Counts written with a scale word stand for ranges: "0.12k" is 115 to 124.
    for e_text in ("0.01k", "0.05k", "0.12k"):
        for p_text in ("0.2k", "0.31k", "0.9k"):
            e, p = parse_count(e_text, "en"), parse_count(p_text, "en")
            for decimals, step in ((0, 1), (1, Fraction(7, 10)), (2, Fraction(37, 100))):
                for k in range(0, 60):
                    verdict = check_case(e, p, written(k * step, decimals))
                    low, high = verdict.reported_range
                    assert verdict.consistent == brute_force(whole_range(e), whole_range(p), low, high)


def test_implied_ranges_agree_with_a_brute_force_search():
    for enrolled in range(1, 30, 4):
        for reported in range(1, 100, 7):
            verdict = check_case(written(enrolled), written(40), written(reported))
            low, high = verdict.reported_range
            fits = [p for p in range(1, 8000) if low <= Fraction(100 * enrolled, p) < high]
            assert verdict.implied_potential == ((fits[0], fits[-1]) if fits else None)
            fits = [e for e in range(0, 100) if low <= Fraction(100 * e, 40) < high]
            assert verdict.implied_enrolled == ((fits[0], fits[-1]) if fits else None)


def test_huge_ranges_are_decided_without_a_search():
    # "1,3 miliar" stands for 100 million potentials; the floor-sum decides at once.
    verdict = check_case(parse_count("49 juta", "id"), parse_count("1,3 M", "id"), written("3.7692", 4))
    assert verdict.consistent
