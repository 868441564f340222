"""Shared helpers: run the CLI in-process (click's CliRunner) or as a real process."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import strategies as st

from enrollgap.cli import cli

DATA = Path(__file__).parent / "data"


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr

    def json(self):
        return json.loads(self.stdout)

    def __repr__(self) -> str:
        return f"Result(exit={self.exit_code}, stdout={self.stdout[:300]!r}, stderr={self.stderr[:300]!r})"


# click 8.1 (the last for Python 3.9) mixes stderr into stdout unless told not to;
# 8.2 and later always keep them apart and no longer take the argument.
_APART = {"mix_stderr": False} if "mix_stderr" in inspect.signature(CliRunner).parameters else {}


def run(*args: str, input: str | bytes | None = None, env: dict | None = None) -> Result:
    """enrollgap ARGS in-process, with stdout and stderr apart."""
    runner = CliRunner(**_APART)
    environment = {"ENROLLGAP_LOCALE": None, "NO_COLOR": None, "FORCE_COLOR": None, "COLUMNS": None}
    environment.update(env or {})
    result = runner.invoke(cli, list(args), input=input, env=environment, catch_exceptions=False, prog_name="enrollgap")
    return Result(result.exit_code, result.stdout, result.stderr)


def run_process(*args: str, input: bytes | str | None = None, env: dict | None = None, timeout: float = 60) -> Result:
    """python -m enrollgap ARGS as a real process."""
    environment = {k: v for k, v in os.environ.items() if k not in ("ENROLLGAP_LOCALE", "FORCE_COLOR", "NO_COLOR")}
    environment.update(env or {})
    if isinstance(input, str):
        input = input.encode()
    completed = subprocess.run(
        [sys.executable, "-m", "enrollgap", *args],
        input=input if input is not None else b"",
        capture_output=True,
        env=environment,
        timeout=timeout,
    )
    return Result(completed.returncode, completed.stdout.decode(), completed.stderr.decode())


def write_big_csv(path: Path, rows: int) -> Path:
    """A CSV of ``rows`` plain rows over 50 sectors, big enough for every core from
    about 700,000 rows (sums: enrolled i % 7, potential 10 + i % 5 for row i)."""
    with path.open("w") as out:
        out.write("sektor,peserta,potensi\n")
        out.writelines(f"sektor {i % 50},{i % 7},{10 + i % 5}\n" for i in range(rows))
    return path


@pytest.fixture
def data() -> Path:
    return DATA


LABELS = ["Desa A", "Desa B", "Kec. Ilir Barat", "Petani", "Nelayan", "Desa 1.200"]
# Rows that only one core may decide on, each placed anywhere in a table (the cells
# are written for the table's own delimiter and label columns in `tables`).
ODD_ROWS = {
    "bad count": ["{label}", "x1", "10"],
    "negative": ["{label}", "-5", "10"],
    "fraction": ["{label}", "1{decimal}5", "10"],
    "underscore and separator": ["{label}", "1_000.000", "10"],
    "total": ["Jumlah", "7", "70"],
    "total beside a label": ["Jumlah", "7", "70"],  # with two label columns: "Jumlah,Petani,7,70"
    "blank label": ["", "1", "10"],
    "one cell too many": ["{label}", "1", "10", "3"],
    "footnote": ["Sumber: BPS"],
    "blank row": [],
    "quote": ['"Desa ""Z"""', "1", "10"],
    "digits of another script": ["{label}", "\u0661\u0662", "10"],
    "underscores out of place": ["{label}", "12_04", "10"],
}


@st.composite
def tables(draw):
    """A CSV/TSV table of a few label values, counts plain or (in id) grouped, and
    perhaps one odd row anywhere: (text, locale, file name, the odd row's kind or None,
    --group-by)."""
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    locale = draw(st.sampled_from(["en", "id"]))
    two = draw(st.booleans())  # two label columns (blank labels are then filled down)
    lines = [delimiter.join((["desa", "sektor"] if two else ["sektor"]) + ["peserta", "potensi"])]
    for _ in range(draw(st.integers(1, 30))):
        labels = [draw(st.sampled_from(LABELS)) for _ in range(2 if two else 1)]
        counts = [draw(st.integers(0, 10**7)) for _ in range(2)]
        grouped = locale == "id" and draw(st.booleans())
        lines.append(delimiter.join(labels + [f"{c:,}".replace(",", ".") if grouped else str(c) for c in counts]))
    odd = draw(st.sampled_from([None, None, None, *ODD_ROWS]))
    if odd is not None:
        cells = [c.format(label=LABELS[0], decimal="," if locale == "id" else ".") for c in ODD_ROWS[odd]]
        if two and odd == "total beside a label":
            cells = [cells[0], LABELS[3], *cells[1:]]
        elif two and len(cells) > 1:
            cells = ([""] if odd == "total" else [LABELS[1]]) + cells
        lines.insert(draw(st.integers(1, len(lines))), delimiter.join(cells))
    ending = "\r\n" if draw(st.integers(0, 9)) == 0 else "\n"  # a CR anywhere keeps the file on one core
    group_by = draw(st.sampled_from([None, "sector", "region"])) if two else None  # maybe one column left out
    return ending.join(lines) + ending, locale, "rows.tsv" if delimiter == "\t" else "rows.csv", odd, group_by
