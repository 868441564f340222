"""A bounded fuzz test of the command line: whatever the input and the options,
never a traceback, exit 0, 1 or 2 only, and on 2 one short line on stderr and
nothing on stdout.

CI runs a few thousand cases; for a longer run:
    ENROLLGAP_FUZZ_EXAMPLES=20000 python -m pytest tests/test_fuzz.py
"""

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run
from enrollgap.read import ALIASES

EXAMPLES = int(os.environ.get("ENROLLGAP_FUZZ_EXAMPLES", "600"))
fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

HEADERS = [alias for aliases in ALIASES.values() for alias in aliases] + ["Kecamatan", "x", "", "Peserta ", "No"]
FORMATS = ["table", "csv", "tsv", "json", "jsonl", "markdown", "github", "grid", "html", "latex", "nope"]
NASTY = [
    "\x1b[31m",
    "\x07",
    "\r",
    "\b",
    "\x9b",
    "=cmd|' /C calc'!A0",
    "+1",
    "-1",
    "@SUM(1)",
    "[red]x[/]",
    "\u202e",
    "\x00",
]

cell = st.one_of(
    st.integers(-5, 10**6).map(str),
    st.sampled_from(["1.340.000", "1,34 juta", "1.34M", "48.858", "3,63", "3.63%", "", " ", "x", "0", "9" * 30, "1e9"]),
    st.sampled_from(["Jumlah", "Sumsel Total", "Rata-rata", "(orang)", "(1)", "Sumber: BPS"]),  # what exports hold
    st.sampled_from(NASTY),
    st.text(max_size=12),
)


def check_outcome(result):
    assert "Traceback" not in result.stderr, result
    assert "internal error" not in result.stderr, result
    assert result.exit_code in (0, 1, 2), result
    if result.exit_code == 2:
        assert result.stdout == "", result
        assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n"), result
        assert len(result.stderr) < 1300, result


def command_args(draw_fmt, command, locale):
    args = [command, "-f", draw_fmt, "--locale", locale]
    if command == "project":
        args += ["--target", "10", "--from", "2020", "--by", "2023"]
    return args


@fuzz
@given(
    st.binary(max_size=300),
    st.sampled_from(["report", "project", "check"]),
    st.sampled_from(FORMATS),
    st.sampled_from(["en", "id"]),
)
def test_random_bytes(raw, command, fmt, locale):
    check_outcome(run(*command_args(fmt, command, locale), input=raw))


@fuzz
@given(
    st.lists(st.sampled_from(HEADERS), min_size=1, max_size=6),
    st.lists(st.lists(cell, min_size=0, max_size=7), max_size=6),
    st.sampled_from([",", ";", "\t", "|"]),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
    st.sampled_from(["report", "project", "check"]),
    st.sampled_from(FORMATS),
    st.sampled_from(["en", "id"]),
    st.sampled_from([None, "utf-8", "latin-1", "utf-16", "cp1252", "nonsense"]),
)
def test_random_tables(headers, rows, delimiter, newline, bom, command, fmt, locale, encoding):
    text = newline.join(delimiter.join(r) for r in [headers, *rows]) + newline
    data = ("\ufeff" if bom else "") + text
    try:
        raw = data.encode(encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        raw = data.encode("utf-8", errors="replace")
    args = command_args(fmt, command, locale)
    if encoding:
        args += ["--encoding", encoding]
    check_outcome(run(*args, input=raw))


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10, 10**7), st.floats(allow_nan=False), cell),
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.sampled_from(HEADERS), children, max_size=4)
    ),
    max_leaves=12,
)


@fuzz
@given(
    st.lists(st.dictionaries(st.sampled_from(HEADERS), json_values, max_size=6), max_size=5),
    st.sampled_from(["json", "jsonl", "broken"]),
    st.sampled_from(["report", "project", "check"]),
    st.sampled_from(FORMATS),
)
def test_random_json(objects, shape, command, fmt):
    if shape == "json":
        raw = json.dumps(objects)
    elif shape == "jsonl":
        raw = "\n".join(json.dumps(o) for o in objects)
    else:
        raw = json.dumps(objects)[: max(len(json.dumps(objects)) // 2, 1)]
    check_outcome(run(*command_args(fmt, command, "en"), input=raw))


option_value = st.one_of(
    st.sampled_from(
        ["10", "3,5", "1.5", "-1", "0", "100", "101", "abc", "", "1e3", "1,34 juta", "2019", "2025", "99999"]
    ),
    st.text(max_size=8),
)


@fuzz
@given(
    st.sampled_from(["report", "project", "check"]),
    st.lists(
        st.tuples(
            st.sampled_from(
                ["--target", "--by", "--from", "--premium", "--sort", "--top", "--fail-under", "--growth", "--add",
                 "--path", "--horizon", "--potential-growth", "--retention", "--tolerance", "--decimals", "--group-by",
                 "--col", "--delimiter", "--enrolled", "--potential", "--reported", "-f"]
            ),
            option_value,
        ),
        max_size=5,
    ),
    st.booleans(),
    st.sampled_from(["en", "id"]),
)  # fmt: skip
def test_random_option_values(command, options, with_rows, locale):
    args = [command, "--locale", locale]
    if with_rows and command != "check":
        args += ["-s", "Farmers", "48858", "1340000", "-s", "Fishers", "10", "0"]
    for name, value in options:
        args += [name, value]
    check_outcome(run(*args, input=b""))


def _workbook_bytes() -> bytes:
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (
        ["Judul"],
        [],
        ["kecamatan", "sektor", "peserta", "potensi"],
        ["A", "Petani", 1, 10],
        [None, "x", 2, 20],
    ):
        sheet.append(row)
    sheet.append(["Jumlah", None, 3, 30])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@fuzz
@given(st.data())
def test_random_spreadsheet_bytes(data):
    original = _WORKBOOK[0] if _WORKBOOK else _WORKBOOK.append(_workbook_bytes()) or _WORKBOOK[0]
    mutated = bytearray(original)
    for _ in range(data.draw(st.integers(0, 8))):
        mutated[data.draw(st.integers(0, len(mutated) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.one_of(st.none(), st.integers(0, len(mutated))))
    payload = bytes(mutated[:cut] if cut is not None else mutated)
    check_outcome(run("report", "-f", data.draw(st.sampled_from(["json", "csv", "table"])), input=payload))


_WORKBOOK: list[bytes] = []


SHEET_VALUES = st.one_of(
    st.integers(-3, 10**6),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1, max_value=1e7),
    st.sampled_from(["Jumlah", "Total*)", "Semua Sektor", "Rata-rata", "", "=1/0", "=B2*0", "#N/A", "1.204", "x"]),
    st.none(),
)


@fuzz
@given(
    rows=st.lists(st.lists(SHEET_VALUES, min_size=0, max_size=5), max_size=8),
    errors=st.lists(st.tuples(st.integers(2, 9), st.integers(1, 4)), max_size=3),
    hidden_first=st.booleans(),
    sheet=st.sampled_from([None, "all", "1", "2", "Rekap 2024"]),
    prefixed=st.booleans(),
)
def test_random_workbooks_with_error_cells_formulas_and_hidden_sheets(rows, errors, hidden_first, sheet, prefixed):
    """Workbooks as programs write them: error cells (#N/A), formulas without values,
    a hidden first sheet, sheets of a year, element names with a namespace prefix."""
    import io
    import re
    import zipfile

    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    first.title = "Lama 2023"
    first.append(["sektor", "peserta", "potensi"])
    first.append(["Rahasia", 999, 1000])
    if hidden_first:
        first.sheet_state = "hidden"
    main = book.create_sheet("Rekap 2024")
    main.append(["sektor", "peserta", "potensi"])
    for row in rows:
        main.append(row)
    for row, column in errors:
        main.cell(row, column).value = "#N/A"
        main.cell(row, column).data_type = "e"
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    if prefixed:
        main_ns = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
        with zipfile.ZipFile(target, "w") as rewritten:
            for item in source.infolist():
                part = source.read(item)
                if item.filename == "xl/workbook.xml" or item.filename.startswith("xl/worksheets/"):
                    part = part.replace(b'xmlns="' + main_ns + b'"', b'xmlns:x="' + main_ns + b'"')
                    part = re.sub(
                        rb"<(/?)([A-Za-z]\w*)(?=[\s>/])", lambda m: b"<" + m.group(1) + b"x:" + m.group(2), part
                    )
                rewritten.writestr(item, part)
        data = target.getvalue()
    args = ["report", "-f", "json"] + (["--sheet", sheet] if sheet else [])
    result = run(*args, input=data)
    check_outcome(result)
    if result.exit_code == 0 and sheet is None and hidden_first:
        assert "Rahasia" not in result.stdout  # a hidden sheet is never read unasked
