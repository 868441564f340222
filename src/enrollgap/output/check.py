"""check, written out: its machine records (JSON, JSON Lines, CSV) and its view for people."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ..numerals import Style, format_compact, format_int
from ..text import LABEL_LIMIT, visible
from ..words import header, sentence, word
from .view import View

if TYPE_CHECKING:
    from ..api.check import CheckResult
    from ..consistency import Verdict


def verdict_record(verdict: Verdict) -> dict[str, object]:
    return {
        "label": verdict.label,
        "enrolled": verdict.enrolled,
        "potential": verdict.potential,
        "reported_pct": float(verdict.reported_pct),
        "coverage_pct": float(verdict.coverage_pct),
        "difference_pp": float(verdict.difference_pp),
        "consistent": verdict.consistent,
        "implied_potential": list(verdict.implied_potential) if verdict.implied_potential else None,
        "implied_enrolled": list(verdict.implied_enrolled) if verdict.implied_enrolled else None,
        "reported_as": verdict.reported_as,
        "enrolled_as": verdict.enrolled_as,
        "potential_as": verdict.potential_as,
    }


def document(result: CheckResult) -> dict[str, object]:
    """The ``enrollgap.check/1`` document."""
    return {"schema": "enrollgap.check/1", "rows": lines(result)}


def lines(result: CheckResult) -> Iterator[dict[str, object]]:
    return (verdict_record(v) for v in result.verdicts)


# A verdict's fields in contract order; CSV splits each implied range into _min and _max.
VERDICT_FIELDS = ["label", "enrolled", "potential", "reported_pct", "coverage_pct", "difference_pp", "consistent"]


RANGE_FIELDS = ["implied_potential", "implied_enrolled"]


AS_WRITTEN = ["reported_as", "enrolled_as", "potential_as"]


CHECK_FIELDS = [*VERDICT_FIELDS, *(f"{name}_{end}" for name in RANGE_FIELDS for end in ("min", "max")), *AS_WRITTEN]


def verdict_record_range(value: object) -> tuple[object, object]:
    """An implied range as two cells, (None, None) when there is none."""
    return (value[0], value[1]) if isinstance(value, list) else (None, None)


def table(result: CheckResult) -> tuple[list[str], Iterator[dict[str, object]]]:
    """Verdicts flattened for CSV and TSV: each range as two columns, min and max."""

    def rows() -> Iterator[dict[str, object]]:
        for verdict in result.verdicts:
            record = verdict_record(verdict)
            for name in RANGE_FIELDS:
                pair = verdict_record_range(record.pop(name))
                record[f"{name}_min"], record[f"{name}_max"] = pair
            yield record

    return CHECK_FIELDS, rows()


def views(result: CheckResult, style: Style) -> list[View]:
    """The verdicts as people read them: one table, a sentence a verdict."""
    return [check_view(result.verdicts, style.locale, style.decimals)]


CHECK_KEYS = [*VERDICT_FIELDS, "implied_potential"]


def _range(pair: tuple[int, int] | None, style: Style) -> str:
    """An implied range: "1,335,000 to 1,344,999", one count, or "none"."""
    if pair is None:
        return word("none", style.locale)
    low, high = pair
    if low == high:
        return style.count(low)
    return f"{style.count(low)} {word('to', style.locale)} {style.count(high)}"


def _reported(verdict: Verdict, locale: str) -> str:
    """The percentage exactly as it was published ("6,5 persen"), with % if it had no sign."""
    text = verdict.reported_as
    if not text:
        return Style(locale).pct(verdict.reported_pct, verdict.reported_decimals)
    text = visible(text, 60)
    return text + "%" if text[-1:].isdigit() else text


def _written(pair: tuple[int, int], count: int, locale: str, text: str | None = None) -> str:
    """A count exactly as it was published ("13,96 juta"); without the text, compact
    when it stood for a range."""
    if text:
        return visible(text, 60)
    return format_int(count, locale) if pair[0] == pair[1] else format_compact(count, locale)


def check_sentence(verdict: Verdict, locale: str, decimals: int = 2) -> str:
    """One sentence a journalist can quote: the verdict and what would make it true."""
    n = Style(locale, decimals)
    reported = _reported(verdict, locale)
    enrolled = _written(verdict.enrolled_range, verdict.enrolled, locale, verdict.enrolled_as)
    potential = _written(verdict.potential_range, verdict.potential, locale, verdict.potential_as)
    rounded = (
        verdict.potential_range[0] != verdict.potential_range[1]
        or verdict.enrolled_range[0] != verdict.enrolled_range[1]
    )
    coverage = n.pct(verdict.coverage_pct, max(verdict.reported_decimals, decimals))
    if verdict.consistent:
        text = sentence(
            "check_consistent",
            locale,
            reported=reported,
            enrolled=enrolled,
            potential=potential,
            as_rounded=sentence("check_as_rounded", locale) if rounded else "",
        )
        low, high = verdict.reported_range
        if rounded and not low <= verdict.coverage_pct < high:
            text += sentence("check_exact", locale, potential_exact=n.count(verdict.potential), coverage=coverage)
        return text + "."
    text = sentence(
        "check_inconsistent",
        locale,
        reported=reported,
        enrolled=enrolled,
        potential=potential,
        coverage=coverage,
        difference=n.decimal(verdict.difference_pp, max(verdict.reported_decimals, decimals)),
    )
    if verdict.implied_potential is not None:
        fewest, most = verdict.implied_potential
        text += sentence("check_implied", locale, reported=reported, low=n.count(fewest), high=n.count(most))
    else:
        text += sentence("check_none_fits", locale, reported=reported)
    return text + "."


def check_view(verdicts: Sequence[Verdict], locale: str, decimals: int = 2) -> View:
    """The verdicts as a table, with a sentence for each single case or inconsistent row."""
    n = Style(locale, decimals)
    rows = []
    for v in verdicts:
        detail = max(v.reported_decimals, decimals)
        rows.append(
            [
                visible(v.label, LABEL_LIMIT) if v.label is not None else "–",
                _written(v.enrolled_range, v.enrolled, locale, v.enrolled_as),
                _written(v.potential_range, v.potential, locale, v.potential_as),
                _reported(v, locale),
                n.pct(v.coverage_pct, detail),
                n.decimal(v.difference_pp, detail),
                word("consistent" if v.consistent else "inconsistent", locale),
                _range(v.implied_potential, n),
            ]
        )
    bad = [v for v in verdicts if not v.consistent]
    if len(verdicts) == 1:
        notes = [check_sentence(verdicts[0], locale, decimals)]
    else:
        notes = [check_sentence(v, locale, decimals) for v in bad[:20]]
        if bad:
            notes.append(sentence("check_summary", locale, bad=str(len(bad)), count=str(len(verdicts))))
        else:
            notes.append(sentence("check_all_good", locale, count=str(len(verdicts))))
    return View(
        locale=locale,
        title=None,
        keys=CHECK_KEYS,
        headers=[header(k, locale) for k in CHECK_KEYS],
        numeric=[k not in ("label", "consistent") for k in CHECK_KEYS],
        rows=rows,
        notes=notes,
        verdicts=[v.consistent for v in verdicts],
    )
