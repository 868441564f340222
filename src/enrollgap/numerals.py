"""Reading and writing numbers the way people write them, in English and Indonesian.

Every value keeps how precisely it was written (``Written``), because a count
written as "1,34 juta" stands for anything from 1,335,000 to 1,344,999, and the
consistency check needs to know that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction

from .errors import NumberError
from .rounding import round_half_up, round_ratio
from .text import quoted

LOCALES = ("en", "id")

# Thousands separator and decimal mark of each locale.
SEPARATORS = {"en": (",", "."), "id": (".", ",")}

# Scale words and suffixes, as powers of ten; matched case-insensitively.
SCALES = {
    "en": {"k": 3, "thousand": 3, "m": 6, "million": 6, "b": 9, "bn": 9, "billion": 9},
    "id": {
        "rb": 3,
        "ribu": 3,
        "jt": 6,
        "juta": 6,
        "m": 9,
        "miliar": 9,
        "milyar": 9,
        "t": 12,
        "triliun": 12,
    },
}

# Words used when a large number is written compactly ("1,34 juta").
SCALE_NAMES = {
    "en": ((12, "trillion"), (9, "billion"), (6, "million")),
    "id": ((12, "triliun"), (9, "miliar"), (6, "juta")),
}

PERCENT_WORDS = {"en": ("%", "percent"), "id": ("%", "persen")}

# Larger numbers are refused rather than carried through every sum and float:
# no population of workers comes near a quadrillion.
MAX_DIGITS = 16
MAX_COUNT = 10**15
# Digits after the decimal mark that a figure may have: no published figure has more.
MAX_DECIMALS = 100

# Patterns are compiled on first use (re caches them): a count in plain digits,
# the common case, never needs them, and start-up stays short.
_SHAPE = r"([+-]?)\s*(\d[\d.,]*)\s*([^\W\d_]*)"
_GROUPING_SPACE = r"(?<=\d)[ _\u00a0\u202f](?=\d)"
_SPACED_RUN = r"\d+(?:[ _\u00a0\u202f]\d+)+"  # digits grouped by spaces or "_"
_SPACE = r"[ _\u00a0\u202f]"


def _by_threes(run: str) -> bool:
    """True for "1 204 500" (1-3 digits, then groups of three); "12 04" may be two numbers."""
    head, *groups = re.split(_SPACE, run)
    return len(head) <= 3 and all(len(group) == 3 for group in groups)


@dataclass(frozen=True)
class Written:
    """A number as a person wrote it: its value and how precisely it was written.

    ``decimals`` is the number of digits after the decimal mark, ``exponent`` the
    power of ten of the scale word (0 without one): "1,34 juta" is value
    1340000, decimals 2, exponent 6.
    """

    value: Fraction
    decimals: int = 0
    exponent: int = 0
    text: str = field(default="", compare=False)  # as it was written, for quoting it back

    @property
    def scaled(self) -> bool:
        """True when a scale word or suffix was written ("juta", "M", "k")."""
        return self.exponent > 0

    @property
    def half_unit(self) -> Fraction:
        """Half a unit of the last written digit, in the value's own unit."""
        return Fraction(10**self.exponent, 2 * 10**self.decimals)

    @property
    def count(self) -> int:
        """The value as a whole number of people (rounded half up)."""
        return round_half_up(self.value)


def other_locale(locale: str) -> str:
    return "id" if locale == "en" else "en"


def _digits(text: str, locale: str) -> tuple[Fraction, int] | None:
    """The value and decimals of a digit string in a locale, or None if malformed."""
    thousands, decimal = SEPARATORS[locale]
    integer, mark, fraction = text.partition(decimal)
    if mark and (not fraction.isdigit() or not integer):
        return None
    if thousands in integer:
        head, *groups = integer.split(thousands)
        if not (1 <= len(head) <= 3 and head.isdigit()):
            return None
        if not all(len(g) == 3 and g.isdigit() for g in groups):
            return None
        integer = head + "".join(groups)
    elif not integer.isdigit():
        return None
    if len(integer) > MAX_DIGITS:
        raise NumberError(f"{quoted(text)} is too large (more than {MAX_DIGITS} digits)")
    if len(fraction) > MAX_DECIMALS:
        raise NumberError(f"{quoted(text)} has more than {MAX_DECIMALS} digits after the decimal mark")
    value = int(integer) + (Fraction(int(fraction), 10 ** len(fraction)) if fraction else 0)
    return Fraction(value), len(fraction)


def _parse(text: str, locale: str, percent: bool) -> Written | None:
    """Written for text in one locale, or None when it is not valid there."""
    body = text.strip()
    if body.isascii() and body.isdigit():
        if len(body) > MAX_DIGITS:
            raise NumberError(f"{quoted(text)} is too large (more than {MAX_DIGITS} digits)")
        return Written(Fraction(int(body)), text=body)
    if percent:
        lowered = body.casefold()
        for word in PERCENT_WORDS[locale]:
            if lowered.endswith(word):
                body = body[: -len(word)].rstrip()
                break
    if not all(_by_threes(run) for run in re.findall(_SPACED_RUN, body)):
        return None
    body = re.sub(_GROUPING_SPACE, "", body)
    match = re.fullmatch(_SHAPE, body, re.ASCII)
    if not match:
        return None
    sign, digits, word = match.groups()
    exponent = 0
    if word:
        if percent:
            return None
        exponent = SCALES[locale].get(word.casefold(), -1)
        if exponent < 0:
            return None
    parsed = _digits(digits, locale)
    if parsed is None:
        return None
    value, decimals = parsed
    value *= 10**exponent
    return Written(-value if sign == "-" else value, decimals, exponent, text.strip())


def _other_reading(text: str, locale: str, percent: bool) -> Written | None:
    """What the other locale reads in text; None when it reads no number."""
    try:
        return _parse(text, other_locale(locale), percent)
    except NumberError:
        return None


def _invalid(text: str, locale: str, kind: str, percent: bool, whole: bool) -> NumberError:
    """The error for text that is not valid in locale, naming the other locale
    when that one would have read it."""
    other = other_locale(locale)
    alternative = _other_reading(text, locale, percent)
    hint = ""
    if alternative is not None and (not whole or alternative.scaled or alternative.value.denominator == 1):
        shown = alternative.count if whole else float(alternative.value)
        hint = f"; with --locale {other} it reads as {shown}{'%' if percent else ''}"
    examples = {
        ("en", False): "1,340,000 or 1.34M",
        ("id", False): "1.340.000 or 1,34 juta",
        ("en", True): "3.63 or 3.63%",
        ("id", True): "3,63 or 3,63%",
    }[locale, percent]
    return NumberError(f"read {quoted(text)}, expected {kind} in locale {locale} (e.g. {examples}){hint}")


def parse_number(text: str, locale: str = "en", *, percent: bool = False) -> Written:
    """The number written in text in the given locale (scale words allowed unless percent).

    Raises NumberError with a message that says what was read and, where the
    other locale would have read it, suggests that locale.
    """
    if not isinstance(text, str):
        raise NumberError(f"read {text!r}, expected a number")
    written = _parse(text, locale, percent)
    if written is None:
        raise _invalid(text, locale, "a percentage" if percent else "a number", percent, False)
    return written


def parse_count(text: str, locale: str = "en") -> Written:
    """A count of people: whole and non-negative; with a scale word it is rounded to whole."""
    written = _parse(text, locale, False) if isinstance(text, str) else None
    if written is None:
        raise _invalid(str(text), locale, "a whole number", False, True)
    if written.value < 0:
        raise NumberError(f"read {quoted(text)}, expected a count, which cannot be negative")
    if written.value > MAX_COUNT:
        raise NumberError(f"read {quoted(text)}, which is too large for a count (at most 10^15)")
    # Decimals in a count make it whole only as zeros ("1.204,00": a sheet formatted
    # with two decimals), and only where the other locale reads no whole number
    # there: "610.000" is whole, but a person who wrote it under en most likely meant
    # Indonesian 610000. Otherwise refuse, and say so.
    if not written.scaled and written.decimals > 0:
        other = _other_reading(text, locale, False)
        if written.value.denominator != 1 or (other is not None and other.value.denominator == 1):
            raise _invalid(text, locale, "a whole number", False, True)
    return written


def parse_plain(text: str) -> Written:
    """A number written the locale-free way of JSON and machine formats (1340000, 3.63)."""
    written = _parse(text, "en", False)
    if written is None or written.scaled or "," in text:
        raise NumberError(f"read {quoted(text)}, expected a plain number")
    return written


# ---------------------------------------------------------------- writing


def format_int(value: int, locale: str = "en") -> str:
    """A whole number with the locale's thousands separators (1,340,000 / 1.340.000)."""
    text = f"{value:,}"
    return text.replace(",", ".") if locale == "id" else text


def format_decimal(value: Fraction | int | float, decimals: int = 2, locale: str = "en") -> str:
    """value rounded half up to decimals, with thousands separators and the locale's mark."""
    exact = value if isinstance(value, Fraction) else Fraction(value)
    return format_ratio(exact.numerator, exact.denominator, decimals, locale)


def format_ratio(numerator: int, denominator: int, decimals: int = 2, locale: str = "en") -> str:
    """numerator / denominator (denominator > 0) as format_decimal writes it, in integers alone."""
    scaled = round_ratio(numerator * 10**decimals, denominator)
    sign = "-" if scaled < 0 else ""
    integer, fraction = divmod(abs(scaled), 10**decimals)
    text = sign + format_int(integer, locale)
    if decimals > 0:
        text += SEPARATORS[locale][1] + str(fraction).rjust(decimals, "0")
    return text


def format_percent(value: Fraction | int | float, decimals: int = 2, locale: str = "en") -> str:
    """A percentage such as 3.65% (en) or 3,65% (id)."""
    return format_decimal(value, decimals, locale) + "%"


def format_compact(value: int | Fraction, locale: str = "en") -> str:
    """A large number in words: 1.34 million / 1,34 juta; below a million, in full digits."""
    for exponent, name in SCALE_NAMES[locale]:
        unit = 10**exponent
        if abs(value) >= unit:
            mantissa = Fraction(value) / unit
            decimals = 2 if abs(mantissa) < 10 else 1
            text = format_decimal(mantissa, decimals, locale)
            mark = SEPARATORS[locale][1]
            if mark in text:
                text = text.rstrip("0").rstrip(mark)
            return f"{text} {name}"
    return format_decimal(value, 0, locale)


def format_money(value: int | Fraction, locale: str = "en") -> str:
    """Rupiah: Rp 16,800 in full; from a million on compactly, Rp 260.3 billion / Rp 260,3 miliar."""
    return "Rp " + format_compact(value, locale)


def parse_money(text: str, locale: str = "en") -> Written:
    """An amount of money, optionally written with "Rp" or "IDR" in front; never negative."""
    body = text.strip() if isinstance(text, str) else text
    for prefix in ("rp.", "rp", "idr"):
        if isinstance(body, str) and body.casefold().startswith(prefix):
            body = body[len(prefix) :]
            break
    written = parse_number(body, locale)
    if written.value < 0:
        raise NumberError(f"read {quoted(str(text))}, expected an amount, which cannot be negative")
    # "16.800" under en: a point and exactly three digits is the other locale's
    # thousands separator far more often than a sum with a tenth of a cent.
    if re.fullmatch(_THOUSANDS_LOOKALIKE[locale], body.strip()):
        other = other_locale(locale)
        raise NumberError(
            f"read {quoted(str(text))}, which is ambiguous in locale {locale}: "
            f"with --locale {other} it reads as {_parse(body, other, False).count}; "  # type: ignore[union-attr]
            f"write {_UNAMBIGUOUS[locale]}"
        )
    return written


# An amount whose only mark is followed by exactly three digits ("16.800" in en, "16,800" in id).
_THOUSANDS_LOOKALIKE = {"en": r"\d{1,3}\.\d{3}", "id": r"\d{1,3},\d{3}"}
_UNAMBIGUOUS = {"en": "16800 or 16,800 for sixteen thousand eight hundred", "id": "16800 atau 16.800"}


# ---------------------------------------------------------------- a style of writing

UNDEFINED = "–"  # a dash for an undefined value (coverage of a potential of 0), in every locale


@dataclass(frozen=True)
class Style:
    """How human formats write numbers: the locale and the decimals of percentages."""

    locale: str = "en"
    decimals: int = 2

    def count(self, value: int | None) -> str:
        """A count: 1,340,000 / 1.340.000."""
        return UNDEFINED if value is None else format_int(value, self.locale)

    def pct(self, value: Fraction | None, decimals: int | None = None) -> str:
        """A percentage with the style's decimals (or the ones given): 3.65% / 3,65%."""
        if value is None:
            return UNDEFINED
        return format_percent(value, self.decimals if decimals is None else decimals, self.locale)

    def ratio_pct(self, part: int, whole: int) -> str:
        """self.pct(100 * part / whole) from whole counts, without building a Fraction."""
        if whole == 0:
            return UNDEFINED
        return format_ratio(100 * part, whole, self.decimals, self.locale) + "%"

    def exact_pct(self, value: Fraction) -> str:
        """A percentage someone typed (a target, a limit) with just the decimals it needs."""
        decimals = next((d for d in range(5) if (value * 10**d).denominator == 1), self.decimals)
        return format_percent(value, decimals, self.locale)

    def decimal(self, value: Fraction, decimals: int | None = None) -> str:
        """A signed decimal, such as a difference in points: -0.02 / -0,02."""
        return format_decimal(value, self.decimals if decimals is None else decimals, self.locale)

    def money(self, value: Fraction | int | None) -> str:
        """Rupiah: Rp 16,800; Rp 260.3 billion / Rp 260,3 miliar."""
        return UNDEFINED if value is None else format_money(value, self.locale)
