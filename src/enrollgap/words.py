"""English and Indonesian words for headers, summaries, verdicts and warnings.

Only human formats (and warnings) use these; machine formats keep the
contract's field names.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

from .numerals import Style, format_int
from .text import LABEL_LIMIT, quoted, visible

if TYPE_CHECKING:
    from .findings import Finding
    from .read.notes import Notes, Seen

HEADERS = {
    "en": {
        "sector": "Sector",
        "region": "Region",
        "label": "Case",
        "enrolled": "Enrolled",
        "potential": "Potential",
        "coverage_pct": "Coverage",
        "bar": "",
        "gap": "Gap",
        "gap_share_pct": "Share of gap",
        "target": "Target",
        "to_target": "To target",
        "per_year": "Per year",
        "per_month": "Per month",
        "premium_gap_per_year": "Premium of gap / yr",
        "premium_to_target_per_year": "Premium to target / yr",
        "year": "Year",
        "new_net": "New (net)",
        "new_gross": "New (gross)",
        "premium_per_year": "Premium / yr",
        "premium_added_per_year": "Premium of added / yr",
        "enrolled_change": "Change",
        "coverage_history": "Coverage",
        "coverage_change_pp": "Coverage change (pp)",
        "path": "Path (┃ = target)",
        "reported_pct": "Reported",
        "difference_pp": "Difference (pp)",
        "consistent": "Verdict",
        "implied_potential": "Potential that fits",
        "total": "Total",
    },
    "id": {
        "sector": "Sektor",
        "region": "Wilayah",
        "label": "Kasus",
        "enrolled": "Peserta",
        "potential": "Potensi",
        "coverage_pct": "Cakupan",
        "bar": "",
        "gap": "Kesenjangan",
        "gap_share_pct": "Porsi kesenjangan",
        "target": "Target",
        "to_target": "Menuju target",
        "per_year": "Per tahun",
        "per_month": "Per bulan",
        "premium_gap_per_year": "Iuran kesenjangan / thn",
        "premium_to_target_per_year": "Iuran menuju target / thn",
        "year": "Tahun",
        "new_net": "Baru (neto)",
        "new_gross": "Baru (bruto)",
        "premium_per_year": "Iuran / thn",
        "premium_added_per_year": "Iuran peserta tambahan / thn",
        "enrolled_change": "Perubahan",
        "coverage_history": "Cakupan",
        "coverage_change_pp": "Perubahan cakupan (poin)",
        "path": "Lintasan (┃ = target)",
        "reported_pct": "Dilaporkan",
        "difference_pp": "Selisih (poin)",
        "consistent": "Hasil",
        "implied_potential": "Potensi yang cocok",
        "total": "Total",
    },
}

WORDS = {
    "en": {
        "consistent": "consistent",
        "inconsistent": "inconsistent",
        "undefined": "–",
        "none": "none",
        "to": "to",
        "linear": "linear",
        "compound": "compound",
        "closing": "closing",
        "growth": "growth",
        "add": "fixed additions",
        "trend-linear": "the observed trend (linear)",
        "trend-compound": "the observed trend (compound)",
        "observed": "observed",
        "bar_column": "the coverage bar",
        "chart_column": "the path chart",
        "on_time": "on time",
    },
    "id": {
        "consistent": "konsisten",
        "inconsistent": "tidak konsisten",
        "undefined": "–",
        "none": "tidak ada",
        "to": "s.d.",
        "linear": "linier",
        "compound": "majemuk",
        "closing": "penutupan",
        "growth": "pertumbuhan",
        "add": "tambahan tetap",
        "trend-linear": "tren teramati (linier)",
        "trend-compound": "tren teramati (majemuk)",
        "observed": "teramati",
        "bar_column": "batang cakupan",
        "chart_column": "grafik lintasan",
        "on_time": "tepat waktu",
    },
}

# Sentences, filled in with numbers already written in the locale.
SENTENCES = {
    "en": {
        "report_summary": "{enrolled} of {potential} workers are enrolled ({coverage}); {gap} are not.",
        "report_summary_undefined": "No potential workers are counted; coverage is undefined.",
        "report_target": "Reaching {target} takes {to_target} more enrollments",
        "report_by": " ({per_year} a year, {per_month} a month, from {from_year} to {by})",
        "report_premium": "Premiums for the gap: {premium_gap} a year at {premium} a month per worker.",
        "report_top": "Showing {shown} of {count} groups; the total covers all of them.",
        "report_budget": "{budget} a year pays the premiums of {workers} workers; coverage would rise from {coverage} to {with_budget}.",
        "report_budget_covers_gap": "{budget} a year pays the premiums of all {gap} workers not yet covered, with {left} left; coverage would rise from {coverage} to {with_budget}.",
        "project_budget_over": "The premiums of the members added pass the budget of {budget} a year in {year}: {cost}, {short} short.",
        "project_budget_fits": "The premiums of the members added stay within the budget of {budget} a year on this path.",
        "project_budget_line": "╎ in the chart: the coverage {budget} a year pays for (the base year's members and those the budget adds).",
        "left_out": "Left out to fit {width} columns: {columns}; pick what to see with --columns, or use -f csv or -f json.",
        "too_wide": "The table is wider than the {width} columns here: drawn whole, so the terminal may wrap its lines; pick fewer with --columns, or use -f csv or -f json.",
        "report_year": "Counts of {year}; changes since each group's previous year (the total's: {prev}).",
        "project_observed": "* observed in the input; the path starts from {year}.",
        "pace_on_time": "At the observed {pace} a year, {target} is reached in {reached}, {early}; {needed} a year are needed.",
        "pace_late": "At the observed {pace} a year, {target} is reached only in {reached}, {late} late: OFF TRACK; {needed} a year are needed.",
        "pace_never": "At the observed {pace} a year, {target} is not reached within {horizon} years: OFF TRACK; {needed} a year are needed.",
        "pace_none": "Only one year is observed, so there is no pace to judge; {needed} a year are needed.",
        "pace_on_time_total": "At the observed {pace} a year, the total reaches {target} in {reached}, {early}; {needed} a year are needed.",
        "pace_behind": "At their own pace, {groups} would not reach it in time: OFF TRACK.",
        "over_covered": "{label}: enrolled ({enrolled}) is above potential ({potential}): coverage {coverage}",
        "undefined": "{label}: potential is 0, so coverage is undefined",
        "missing_year": "{label}: no row for {year}, so it is left out (its latest year is {latest})",
        "capped": "{label}: the forecast reaches the whole potential in {year} and is held there",
        "no_trend": "{label}: only one year observed up to {year}, so there is no trend",
        "fail_under": "total coverage {coverage} is below --fail-under {limit}",
        "total_mismatch": "{origin}: the total row{label} says {enrolled} of {potential}, but the rows above it add up to {summed_enrolled} of {summed_potential}; the groups are reported from the rows",
        "more_like_it": " (and {count} more like it)",
        "total_mismatch_below": "{origin}: the total row{label} says {enrolled} of {potential}, but the rows below it add up to {summed_enrolled} of {summed_potential}; the groups are reported from the rows",
        "implied_subtotal": "{origin}: {label} ({enrolled} of {potential}) is exactly the sum of the groups below it, up to the next such row, as the first row of every block of this table is: it is read as a subtotal and not summed",
        "implied_subtotal_after": "{origin}: {label} ({enrolled} of {potential}) is exactly the sum of the groups above it, since the last such row, as the last row of every block of this table is: it is read as a subtotal and not summed",
        "implied_grand_total": "{origin}: {label} ({enrolled} of {potential}) is exactly the sum of the subtotals, as an export's own total row is: it is read as that total and not summed",
        "implied_region_total": "{origin}: {label} ({enrolled} of {potential}) is exactly the sum of its sector in every other region, as each row of an export's own total is: it is read as that total and not summed",
        "implied_province_total": "{origin}: {label} ({enrolled} of {potential}) is the province of every other group, its kabupaten/kota: it is read as the province's total and not summed{differs}",
        "province_differs": "; the groups add up to {enrolled} of {potential}",
        "implied_regency_total": "{origin}: {label} ({enrolled} of {potential}) is the kabupaten/kota of the groups below it, its kecamatan: it is read as their subtotal and not summed{differs}",
        "implied_regency_total_after": "{origin}: {label} ({enrolled} of {potential}) is the kabupaten/kota of the groups above it, its kecamatan: it is read as their subtotal and not summed{differs}",
        "implied_total": "{origin}: {label} ({enrolled} of {potential}) is exactly the sum of every other group, as an export's own total row is: it is read as that total and not summed (label it Jumlah or Total to say so)",
        "unnamed": "{origin}: the blank {column} leaves the row without a name; it is summed as a group of its own, shown without a label: if it is a total, label it Jumlah or Total, or it is counted twice",
        "filled_inner": "{origin}: the blank {column} took the label of the row above, so the row is summed into {label}; a pivot export leaves only its first label column blank: if the row is a subtotal, label it Jumlah or Total, or it is counted twice",
        "note_titles": "{source}: skipped {count} above the header ({lines}{first})",
        "note_totals": "{source}: {lines}: the export's own total, not a group; not summed",
        "note_footnotes": "{source}: skipped {count} without counts, such as footnotes ({lines}{first})",
        "note_filled": "{source}: filled blank labels down from the row above in {count} ({lines})",
        "note_sheets": "{source}: read the first visible sheet; the workbook's others: {sheets} (--sheet NAME reads another)",
        "hidden_sheet": "hidden",
        "note_sheets_years": "{source}: read the first visible sheet; the workbook's others: {sheets} (--sheet NAME reads another; --sheet all reads each sheet as the year its name holds)",
        "note_sheets_read": "{source}: read the sheets {sheets} (--sheet all)",
        "note_sheets_skipped": "{source}: sheets without the table's header, not read: {sheets}",
        "note_repeated": "{source}: skipped {count} repeating the header, numbering its columns or naming its units ({lines})",
        "note_summaries": "{source}: skipped {count} giving an average or another figure that is not a sum ({lines}{first})",
        "note_ignored": "{source}: ignored {columns}; map one with --col FIELD=HEADER",
        "note_headers_above": "{source}: named {columns} from the line above the header, where the header was blank (a header of two lines)",
        "long_table": "a table of {rows} rows is long to read; --top N shows the first N (with --sort gap, the largest gaps), -f csv or -f json suit a spreadsheet or a script",
        "fail_undefined": "total coverage is undefined (potential 0), so --fail-under {limit} is not met",
        "project_title": "{label}: {target} by {to} ({method})",
        "project_forecast_title": "{label}: {method} to {target}",
        "project_reached": "Target reached in {year}.",
        "project_rate": "Enrolled grows {rate} a year on this path.",
        "project_closing_rate": "This path closes {rate} of the uncovered share each year.",
        "project_not_reached": "Target not reached within {years} years.",
        "project_assumptions": "Assumes the potential grows {growth} a year, {retention} of participants stay each year{premium}.",
        "project_premium": ", premium {premium} a month per worker",
        "check_consistent": "{reported} is consistent with {enrolled} of {potential}{as_rounded}",
        "check_as_rounded": " (as rounded)",
        "check_exact": "; with exactly {potential_exact} it would be {coverage}",
        "check_inconsistent": "{reported} does not fit {enrolled} of {potential}: that is {coverage} ({difference} pp)",
        "check_implied": "; {reported} would need a potential of {low} to {high}",
        "check_none_fits": "; no whole potential gives {reported}",
        "check_summary": "{bad} of {count} rows are inconsistent.",
        "check_all_good": "All {count} rows are consistent.",
    },
    "id": {
        "report_summary": "{enrolled} dari {potential} pekerja terdaftar ({coverage}); {gap} belum.",
        "report_summary_undefined": "Tidak ada potensi pekerja yang dihitung; cakupan tidak terdefinisi.",
        "report_target": "Mencapai {target} butuh {to_target} kepesertaan baru",
        "report_by": " ({per_year} per tahun, {per_month} per bulan, dari {from_year} sampai {by})",
        "report_premium": "Iuran untuk kesenjangan: {premium_gap} per tahun dengan iuran {premium} per bulan per pekerja.",
        "report_top": "Menampilkan {shown} dari {count} kelompok; total mencakup semuanya.",
        "report_budget": "{budget} per tahun membayar iuran {workers} pekerja; cakupan akan naik dari {coverage} menjadi {with_budget}.",
        "report_budget_covers_gap": "{budget} per tahun membayar iuran seluruh {gap} pekerja yang belum terlindungi, dengan sisa {left}; cakupan akan naik dari {coverage} menjadi {with_budget}.",
        "project_budget_over": "Iuran peserta tambahan melampaui anggaran {budget} per tahun pada {year}: {cost}, kurang {short}.",
        "project_budget_fits": "Iuran peserta tambahan tetap dalam anggaran {budget} per tahun pada jalur ini.",
        "project_budget_line": "╎ pada grafik: cakupan yang dibayar {budget} per tahun (peserta tahun dasar dan tambahan dari anggaran).",
        "left_out": "Tidak ditampilkan agar muat {width} kolom: {columns}; pilih yang ditampilkan dengan --columns, atau gunakan -f csv atau -f json.",
        "too_wide": "Tabel ini lebih lebar dari {width} kolom di sini: ditampilkan utuh, jadi barisnya mungkin terlipat di terminal; pilih lebih sedikit dengan --columns, atau gunakan -f csv atau -f json.",
        "report_year": "Angka tahun {year}; perubahan sejak tahun sebelumnya tiap kelompok (total: {prev}).",
        "project_observed": "* teramati dalam data; jalur dimulai dari {year}.",
        "pace_on_time": "Dengan laju teramati {pace} per tahun, {target} tercapai pada {reached}, {early}; dibutuhkan {needed} per tahun.",
        "pace_late": "Dengan laju teramati {pace} per tahun, {target} baru tercapai pada {reached}, terlambat {late}: TIDAK SESUAI TARGET; dibutuhkan {needed} per tahun.",
        "pace_never": "Dengan laju teramati {pace} per tahun, {target} tidak tercapai dalam {horizon} tahun: TIDAK SESUAI TARGET; dibutuhkan {needed} per tahun.",
        "pace_none": "Hanya satu tahun teramati, sehingga tidak ada laju untuk dinilai; dibutuhkan {needed} per tahun.",
        "pace_on_time_total": "Dengan laju teramati {pace} per tahun, total mencapai {target} pada {reached}, {early}; dibutuhkan {needed} per tahun.",
        "pace_behind": "Dengan lajunya sendiri, {groups} tidak akan mencapainya tepat waktu: TIDAK SESUAI TARGET.",
        "over_covered": "{label}: peserta ({enrolled}) melebihi potensi ({potential}): cakupan {coverage}",
        "undefined": "{label}: potensi 0, sehingga cakupan tidak terdefinisi",
        "missing_year": "{label}: tidak ada baris untuk {year}, sehingga tidak disertakan (tahun terakhirnya {latest})",
        "capped": "{label}: prakiraan mencapai seluruh potensi pada {year} dan ditahan di sana",
        "no_trend": "{label}: hanya satu tahun teramati sampai {year}, sehingga tidak ada tren",
        "fail_under": "cakupan total {coverage} di bawah --fail-under {limit}",
        "total_mismatch": "{origin}: baris total{label} menyebut {enrolled} dari {potential}, tetapi baris di atasnya berjumlah {summed_enrolled} dari {summed_potential}; kelompok dilaporkan dari baris-barisnya",
        "more_like_it": " (dan {count} lagi seperti ini)",
        "total_mismatch_below": "{origin}: baris total{label} menyebut {enrolled} dari {potential}, tetapi baris di bawahnya berjumlah {summed_enrolled} dari {summed_potential}; kelompok dilaporkan dari baris-barisnya",
        "implied_subtotal": "{origin}: {label} ({enrolled} dari {potential}) tepat sama dengan jumlah kelompok di bawahnya sampai baris serupa berikutnya, seperti baris pertama setiap blok tabel ini: ia dibaca sebagai subtotal dan tidak dijumlahkan",
        "implied_subtotal_after": "{origin}: {label} ({enrolled} dari {potential}) tepat sama dengan jumlah kelompok di atasnya sejak baris serupa sebelumnya, seperti baris terakhir setiap blok tabel ini: ia dibaca sebagai subtotal dan tidak dijumlahkan",
        "implied_grand_total": "{origin}: {label} ({enrolled} dari {potential}) tepat sama dengan jumlah subtotalnya, seperti baris total sebuah ekspor: ia dibaca sebagai total itu dan tidak dijumlahkan",
        "implied_region_total": "{origin}: {label} ({enrolled} dari {potential}) tepat sama dengan jumlah sektornya di semua wilayah lain, seperti setiap baris total sebuah ekspor: ia dibaca sebagai total itu dan tidak dijumlahkan",
        "implied_province_total": "{origin}: {label} ({enrolled} dari {potential}) adalah provinsi dari semua kelompok lainnya, kabupaten/kotanya: ia dibaca sebagai total provinsi itu dan tidak dijumlahkan{differs}",
        "province_differs": "; kelompok-kelompok itu berjumlah {enrolled} dari {potential}",
        "implied_regency_total": "{origin}: {label} ({enrolled} dari {potential}) adalah kabupaten/kota dari kelompok di bawahnya, kecamatannya: ia dibaca sebagai subtotalnya dan tidak dijumlahkan{differs}",
        "implied_regency_total_after": "{origin}: {label} ({enrolled} dari {potential}) adalah kabupaten/kota dari kelompok di atasnya, kecamatannya: ia dibaca sebagai subtotalnya dan tidak dijumlahkan{differs}",
        "implied_total": "{origin}: {label} ({enrolled} dari {potential}) tepat sama dengan jumlah semua kelompok lainnya, seperti baris total sebuah ekspor: ia dibaca sebagai total itu dan tidak dijumlahkan (beri label Jumlah atau Total untuk menyatakannya)",
        "unnamed": "{origin}: {column} yang kosong membuat baris ini tanpa nama; ia dijumlahkan sebagai kelompok tersendiri tanpa label: jika baris ini total, beri label Jumlah atau Total, atau ia terhitung dua kali",
        "filled_inner": "{origin}: {column} yang kosong mengambil label baris di atasnya, sehingga baris ini dijumlahkan ke {label}; ekspor pivot hanya mengosongkan kolom label pertamanya: jika baris ini subtotal, beri label Jumlah atau Total, atau ia terhitung dua kali",
        "note_titles": "{source}: {count} di atas header dilewati ({lines}{first})",
        "note_totals": "{source}: {lines}: total dari ekspor itu sendiri, bukan kelompok; tidak dijumlahkan",
        "note_footnotes": "{source}: {count} tanpa angka (misalnya catatan kaki) dilewati ({lines}{first})",
        "note_filled": "{source}: label kosong diisi dari baris di atasnya pada {count} ({lines})",
        "note_sheets": "{source}: sheet pertama yang terlihat dibaca; sheet lain di workbook: {sheets} (--sheet NAMA membaca yang lain)",
        "hidden_sheet": "tersembunyi",
        "note_sheets_years": "{source}: sheet pertama yang terlihat dibaca; sheet lain di workbook: {sheets} (--sheet NAMA membaca yang lain; --sheet all membaca tiap sheet sebagai tahun pada namanya)",
        "note_sheets_read": "{source}: sheet {sheets} dibaca (--sheet all)",
        "note_sheets_skipped": "{source}: sheet tanpa header tabel, tidak dibaca: {sheets}",
        "note_repeated": "{source}: {count} yang mengulang header, menomori kolomnya atau menyebut satuannya dilewati ({lines})",
        "note_summaries": "{source}: {count} berisi rata-rata atau angka lain yang bukan jumlah dilewati ({lines}{first})",
        "note_ignored": "{source}: {columns} diabaikan; petakan dengan --col FIELD=HEADER",
        "note_headers_above": "{source}: {columns} diambil dari baris di atas header, karena header di situ kosong (header dua baris)",
        "long_table": "tabel {rows} baris sulit dibaca; --top N menampilkan N baris pertama (dengan --sort gap, kesenjangan terbesar), -f csv atau -f json cocok untuk spreadsheet atau skrip",
        "fail_undefined": "cakupan total tidak terdefinisi (potensi 0), sehingga --fail-under {limit} tidak terpenuhi",
        "project_title": "{label}: {target} pada {to} ({method})",
        "project_forecast_title": "{label}: {method} menuju {target}",
        "project_reached": "Target tercapai pada {year}.",
        "project_rate": "Peserta tumbuh {rate} per tahun pada jalur ini.",
        "project_closing_rate": "Jalur ini menutup {rate} dari bagian yang belum tercakup setiap tahun.",
        "project_not_reached": "Target tidak tercapai dalam {years} tahun.",
        "project_assumptions": "Asumsi: potensi tumbuh {growth} per tahun, {retention} peserta bertahan tiap tahun{premium}.",
        "project_premium": ", iuran {premium} per bulan per pekerja",
        "check_consistent": "{reported} konsisten dengan {enrolled} dari {potential}{as_rounded}",
        "check_as_rounded": " (setelah pembulatan)",
        "check_exact": "; dengan tepat {potential_exact} hasilnya {coverage}",
        "check_inconsistent": "{reported} tidak cocok dengan {enrolled} dari {potential}: hasilnya {coverage} (selisih {difference} poin)",
        "check_implied": "; {reported} membutuhkan potensi {low} s.d. {high}",
        "check_none_fits": "; tidak ada potensi bulat yang menghasilkan {reported}",
        "check_summary": "{bad} dari {count} baris tidak konsisten.",
        "check_all_good": "Semua {count} baris konsisten.",
    },
}


def header(key: str, locale: str) -> str:
    return HEADERS[locale][key]


def word(key: str, locale: str) -> str:
    return WORDS[locale][key]


def sentence(key: str, locale: str, **values: str) -> str:
    return SENTENCES[locale][key].format(**values)


def years_phrase(count: int, locale: str, early: bool) -> str:
    """ "a year early", "3 years early"; "a year", "3 years" (late); Indonesian alike."""
    if locale == "id":
        return f"{count} tahun lebih awal" if early else f"{count} tahun"
    text = "a year" if count == 1 else f"{count} years"
    return f"{text} early" if early else text


def describe(lines: list[int], locale: str = "en", limit: int = 3, total: int | None = None) -> str:
    """Line numbers for a note: "line 3", "lines 3 and 9", "lines 3, 9, 12 and 4 more"
    (Indonesian: "baris 3 dan 9"); ``total``: how many lines there were, of which
    ``lines`` are the first."""
    word, plural, also, more = (
        ("baris", "baris", "dan", "lainnya") if locale == "id" else ("line", "lines", "and", "more")
    )
    total = len(lines) if total is None else total
    shown = [str(n) for n in lines[:limit]]
    if total > len(shown):
        return f"{plural} {', '.join(shown)} {also} {format_int(total - len(shown), locale)} {more}"
    if len(shown) == 1:
        return f"{word} {shown[0]}"
    return f"{plural} {', '.join(shown[:-1])} {also} {shown[-1]}"


def rows(count: int, locale: str = "en") -> str:
    """ "1 row", "3 rows", "1,200 rows" (Indonesian: "1.200 baris")."""
    if locale == "id":
        return f"{format_int(count, locale)} baris"
    return f"{count} row" if count == 1 else f"{format_int(count, locale)} rows"


def note_texts(notes: Notes, locale: str) -> list[str]:
    """One line for each kind of row that reading skipped or filled in."""
    source = visible(notes.source, LABEL_LIMIT)
    out = []

    def first(items: list[Any]) -> str:
        text = items[0][1] if items else ""
        return f": {quoted(visible(text, 60))}" if text else ""

    def where(seen: Seen) -> str:
        return describe(seen.lines(), locale, total=seen.count)

    if notes.parts:
        read = ", ".join(quoted(visible(part.source.rpartition(":")[2], 60)) for part in notes.parts)
        out.append(sentence("note_sheets_read", locale, source=source, sheets=read))
    if notes.skipped_sheets:
        skipped = ", ".join(quoted(visible(n, 60)) for n in notes.skipped_sheets)
        out.append(sentence("note_sheets_skipped", locale, source=source, sheets=skipped))
    if notes.sheets:
        hidden = SENTENCES[locale]["hidden_sheet"]
        sheets = ", ".join(quoted(visible(n, 60)) + (f" ({hidden})" if h else "") for n, h in notes.sheets)
        key = "note_sheets_years" if notes.sheets_of_years else "note_sheets"
        out.append(sentence(key, locale, source=source, sheets=sheets))
    if notes.above_header:
        lines = [at for at, _ in notes.above_header]
        out.append(sentence("note_titles", locale, source=source, count=rows(len(lines), locale),
                            lines=describe(lines, locale), first=first(notes.above_header)))  # fmt: skip
    if notes.totals:
        out.append(sentence("note_totals", locale, source=source, lines=where(notes.totals)))
    if notes.footnotes:
        out.append(sentence("note_footnotes", locale, source=source, count=rows(notes.footnotes.count, locale),
                            lines=where(notes.footnotes), first=first(notes.footnotes.first)))  # fmt: skip
    if notes.ignored:
        names = ", ".join(quoted(visible(name, 60)) for name in notes.ignored[:8])
        more = f" (+{len(notes.ignored) - 8})" if len(notes.ignored) > 8 else ""
        kind = "kolom" if locale == "id" else "column" if len(notes.ignored) == 1 else "columns"
        out.append(sentence("note_ignored", locale, source=source, columns=f"{kind} {names}{more}"))
    if notes.headers_above:
        names = ", ".join(quoted(visible(name, 60)) for name in notes.headers_above)
        kind = "kolom" if locale == "id" else "column" if len(notes.headers_above) == 1 else "columns"
        out.append(sentence("note_headers_above", locale, source=source, columns=f"{kind} {names}"))
    if notes.repeated:
        out.append(sentence("note_repeated", locale, source=source, count=rows(notes.repeated.count, locale),
                            lines=where(notes.repeated)))  # fmt: skip
    if notes.summaries:
        out.append(sentence("note_summaries", locale, source=source, count=rows(notes.summaries.count, locale),
                            lines=where(notes.summaries), first=first(notes.summaries.first)))  # fmt: skip
    if notes.filled:
        out.append(sentence("note_filled", locale, source=source, count=rows(notes.filled.count, locale),
                            lines=where(notes.filled)))  # fmt: skip
    for part in notes.parts:  # --sheet all: what reading each sheet decided
        out.extend(note_texts(part, locale))
    return out


def warning_text(finding: Finding, style: Style = Style()) -> str:
    """A finding as a warning in the style's words and numbers (and how many more like
    it were counted, not listed)."""
    text = _warning_text(finding, style)
    if finding.more:
        text += sentence("more_like_it", style.locale, count=style.count(finding.more))
    return text


def _warning_text(finding: Finding, style: Style) -> str:
    label = visible(finding.label, LABEL_LIMIT) or "–"
    if finding.kind in ("total_mismatch", "total_mismatch_below") and finding.summed is not None:
        return sentence(
            finding.kind,
            style.locale,
            origin=finding.origin or "",
            label=f" ({label})" if finding.label else "",
            enrolled=style.count(finding.enrolled),
            potential=style.count(finding.potential),
            summed_enrolled=style.count(finding.summed[0]),
            summed_potential=style.count(finding.summed[1]),
        )
    if finding.kind in ("filled_inner", "unnamed"):
        column = (
            quoted(visible(finding.column, 60)) if finding.column else ("label" if style.locale == "en" else "Label")
        )
        return sentence(finding.kind, style.locale, origin=finding.origin or "", column=column, label=label)
    if finding.kind in (
        "implied_total", "implied_subtotal", "implied_subtotal_after", "implied_grand_total", "implied_region_total"
    ):  # fmt: skip
        return sentence(finding.kind, style.locale, origin=finding.origin or "", label=quoted(label),
                        enrolled=style.count(finding.enrolled), potential=style.count(finding.potential))  # fmt: skip
    if finding.kind in ("implied_province_total", "implied_regency_total", "implied_regency_total_after"):
        differs = ""
        if finding.summed is not None and finding.summed != (finding.enrolled, finding.potential):
            differs = sentence("province_differs", style.locale, enrolled=style.count(finding.summed[0]),
                               potential=style.count(finding.summed[1]))  # fmt: skip
        return sentence(finding.kind, style.locale, origin=finding.origin or "", label=quoted(label),
                        enrolled=style.count(finding.enrolled), potential=style.count(finding.potential),
                        differs=differs)  # fmt: skip
    if finding.kind == "missing_year":
        return sentence("missing_year", style.locale, label=label, year=str(finding.reported_year),
                        latest=str(finding.year))  # fmt: skip
    if finding.kind == "capped":
        return sentence("capped", style.locale, label=label, year=str(finding.year))
    if finding.kind == "no_trend":
        return sentence("no_trend", style.locale, label=label, year=str(finding.year))
    if finding.kind == "undefined":
        return sentence("undefined", style.locale, label=label)
    return sentence(
        "over_covered",
        style.locale,
        label=label,
        enrolled=style.count(finding.enrolled),
        potential=style.count(finding.potential),
        coverage=style.pct(Fraction(100 * finding.enrolled, finding.potential)),
    )
