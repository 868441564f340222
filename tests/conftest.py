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
