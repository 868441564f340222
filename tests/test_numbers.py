from fractions import Fraction

import pytest

from enrollgap.numerals import (
    NumberError,
    Written,
    format_compact,
    format_decimal,
    format_int,
    format_money,
    format_percent,
    parse_count,
    parse_money,
    parse_number,
    round_half_up,
)


@pytest.mark.parametrize(
    "text, locale, value",
    [
        ("1,340,000", "en", 1340000),
        ("1.34M", "en", 1340000),
        ("1.34 million", "en", 1340000),
        ("1.34m", "en", 1340000),
        ("12k", "en", 12000),
        ("12K", "en", 12000),
        ("3 thousand", "en", 3000),
        ("2bn", "en", 2_000_000_000),
        ("2B", "en", 2_000_000_000),
        ("1 billion", "en", 1_000_000_000),
        ("1.340.000", "id", 1340000),
        ("1,34 juta", "id", 1340000),
        ("1,34jt", "id", 1340000),
        ("48.858", "id", 48858),
        ("12 rb", "id", 12000),
        ("12 ribu", "id", 12000),
        ("2 M", "id", 2_000_000_000),
        ("2 miliar", "id", 2_000_000_000),
        ("2 milyar", "id", 2_000_000_000),
        ("1 T", "id", 1_000_000_000_000),
        ("1 triliun", "id", 1_000_000_000_000),
        ("1 340 000", "en", 1340000),
        ("1_340_000", "id", 1340000),
        ("  48858 ", "en", 48858),
        ("0", "en", 0),
    ],
)
def test_counts_in_both_locales(text, locale, value):
    assert parse_count(text, locale).count == value


@pytest.mark.parametrize("text", ["12 04", "1 2045", "1_2_3", "12_04", "1234 567", "1 204 50", "1\u00a02045"])
def test_spaces_and_underscores_group_by_threes_or_not_at_all(text):
    """ "12 04" may be two numbers run together (a table copied out of a PDF): it is
    refused, as "1,34,000" is, instead of read as 1204."""
    for locale in ("en", "id"):
        with pytest.raises(NumberError):
            parse_count(text, locale)


@pytest.mark.parametrize(
    "text, locale, value",
    [("1 204", "en", 1204), ("1\u202f204\u00a0500", "id", 1204500), ("1_204", "id", 1204), ("12 345,5", "id", 12345.5)],
)
def test_grouping_by_threes_with_spaces_and_underscores_is_read(text, locale, value):
    assert parse_number(text, locale).value == Fraction(value)


def test_a_scaled_count_is_rounded_half_up_to_whole_people():
    assert parse_count("1.2345k", "en").count == 1235
    assert parse_count("1,2344 rb", "id").count == 1234


@pytest.mark.parametrize(
    "text, locale, other_reading",
    [
        ("48.858", "en", "with --locale id it reads as 48858"),
        ("1.340.000", "en", "with --locale id it reads as 1340000"),
        ("1,34 juta", "en", "with --locale id it reads as 1340000"),
        ("1,340", "id", "with --locale en it reads as 1340"),
        ("610.000", "en", "with --locale id it reads as 610000"),
    ],
)
def test_a_value_of_the_other_locale_is_refused_with_a_hint(text, locale, other_reading):
    with pytest.raises(NumberError) as error:
        parse_count(text, locale)
    assert f"read '{text}'" in str(error.value)
    assert other_reading in str(error.value)


@pytest.mark.parametrize(
    "text, locale, value",
    [
        ("1.204,00", "id", 1204),
        ("38.500,0", "id", 38500),
        ("610,00", "id", 610),
        ("1,204.00", "en", 1204),
        ("7.0", "en", 7),
    ],
)
def test_a_count_with_zero_decimals_no_other_locale_reads_otherwise_is_whole(text, locale, value):
    """A spreadsheet formatted with two decimals writes 1.204,00: whole, and no other
    locale reads it as another number, so nothing is guessed."""
    written = parse_count(text, locale)
    assert written.count == value and written.value == value and written.text == text


@pytest.mark.parametrize(
    "text, locale", [("610.000", "en"), ("1.000", "en"), ("610,000", "id"), ("12,50", "id"), ("1.204,50", "id")]
)
def test_a_count_with_decimals_that_are_not_zeros_or_that_another_locale_reads_is_refused(text, locale):
    with pytest.raises(NumberError, match="expected a whole number"):
        parse_count(text, locale)


@pytest.mark.parametrize("text", ["x", "", "1,34", "12 apples", "1..2", "1,2,3", "--5", "1e6", "١٢"])
def test_not_numbers_are_refused_without_a_false_hint(text):
    with pytest.raises(NumberError) as error:
        parse_count(text, "en")
    assert "with --locale" not in str(error.value)


def test_counts_cannot_be_negative():
    with pytest.raises(NumberError, match="cannot be negative"):
        parse_count("-5", "en")


def test_a_huge_count_is_refused_clearly():
    with pytest.raises(NumberError, match="too large"):
        parse_count("9" * 1000, "en")


def test_grouping_needs_groups_of_three():
    with pytest.raises(NumberError):
        parse_count("1,34,000", "en")
    with pytest.raises(NumberError):
        parse_count("12.34.567", "id")


@pytest.mark.parametrize(
    "text, locale, value, decimals",
    [
        ("3.63", "en", Fraction("3.63"), 2),
        ("3.63%", "en", Fraction("3.63"), 2),
        ("3.63 percent", "en", Fraction("3.63"), 2),
        ("3,63", "id", Fraction("3.63"), 2),
        ("3,63 persen", "id", Fraction("3.63"), 2),
        ("3,63%", "id", Fraction("3.63"), 2),
        ("10", "en", Fraction(10), 0),
        ("201", "id", Fraction(201), 0),
    ],
)
def test_percentages_keep_their_written_decimals(text, locale, value, decimals):
    written = parse_number(text, locale, percent=True)
    assert written == Written(value, decimals, 0)


def test_percent_with_a_scale_word_is_refused():
    with pytest.raises(NumberError):
        parse_number("3 juta%", "id", percent=True)


def test_precision_of_written_counts():
    juta = parse_count("1,34 juta", "id")
    assert (juta.value, juta.decimals, juta.exponent, juta.half_unit) == (1340000, 2, 6, 5000)
    assert parse_count("49 juta", "id").half_unit == 500000
    assert parse_count("2.5M", "en").half_unit == 50000
    assert not parse_count("48.858", "id").scaled


def test_money_takes_rp_in_front():
    assert parse_money("Rp 16.800", "id").value == 16800
    assert parse_money("rp16,800", "en").value == 16800
    assert parse_money("IDR 16800", "en").value == 16800
    with pytest.raises(NumberError):
        parse_money("-1", "en")


def test_round_half_up_is_exact_at_the_boundary():
    assert round_half_up(Fraction(5, 2)) == 3
    assert round_half_up(Fraction(-5, 2)) == -3
    assert round_half_up(Fraction(2499999, 1000000)) == 2


def test_writing_numbers():
    assert format_int(1340000, "en") == "1,340,000"
    assert format_int(1340000, "id") == "1.340.000"
    assert format_percent(Fraction(4885800, 1340000), 2, "id") == "3,65%"
    assert format_percent(Fraction(4885800, 1340000), 2, "en") == "3.65%"
    assert format_decimal(Fraction("3.645"), 2, "en") == "3.65"  # half up, exactly
    assert format_decimal(Fraction(-1, 50), 2, "id") == "-0,02"
    assert format_decimal(1234567, 0, "id") == "1.234.567"


def test_writing_large_numbers_compactly():
    assert format_compact(1340000, "id") == "1,34 juta"
    assert format_compact(1340000, "en") == "1.34 million"
    assert format_compact(49000000, "id") == "49 juta"
    assert format_compact(999999, "en") == "999,999"
    assert format_money(260_294_227_200, "id") == "Rp 260,3 miliar"
    assert format_money(260_294_227_200, "en") == "Rp 260.3 billion"
    assert format_money(16800, "id") == "Rp 16.800"
