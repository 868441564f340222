"""Real processes: python -m, the console script, stdin, closed pipes, Ctrl-C, lazy imports."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, run, run_process


def test_python_m_behaves_like_the_command():
    result = run_process("report", "-s", "BPU", "48858", "1340000", "-f", "json")
    assert result.exit_code == 0
    assert '"coverage_pct": 3.6461194029850748' in result.stdout


def test_console_script_is_installed():
    script = Path(sys.executable).parent / "enrollgap"
    completed = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    assert completed.returncode == 0
    assert completed.stdout.startswith("enrollgap ")


def test_piped_stdin_is_read_without_a_dash():
    result = run_process("report", "-f", "csv", input=(DATA / "provinces.csv").read_bytes())
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1].startswith("Total,,60398,")


def test_a_closed_pipe_ends_quietly(tmp_path):
    rows = "".join(f"s{i},{i},{i * 10 + 1}\n" for i in range(3000))
    path = tmp_path / "many.csv"
    path.write_text("sector,enrolled,potential\n" + rows)
    for fmt in ("csv", "table", "json"):
        completed = subprocess.run(
            f"'{sys.executable}' -m enrollgap report '{path}' -f {fmt} | head -1",
            shell=True,
            capture_output=True,
            text=True,
            executable="/bin/bash",
        )
        assert completed.stdout.count("\n") == 1
        # Nothing but the note that a 3,000-row table is long (human formats only).
        expected = "enrollgap: note: a table of 3,000 rows is long to read" if fmt == "table" else ""
        assert completed.stderr.startswith(expected), completed.stderr
        assert completed.stderr.count("\n") == (1 if fmt == "table" else 0), completed.stderr


def _wait_until_it_reads_standard_input(pid: int) -> None:
    """Until the process waits in read(2) on descriptor 0 (Linux says so in /proc):
    enrollgap is then reading its input, past Python's own start-up."""
    syscall = f"/proc/{pid}/syscall"
    while True:
        with open(syscall) as text:
            if text.read().split()[:2] == ["0", "0x0"]:
                return


@pytest.mark.skipif(not os.path.exists("/proc/self/syscall"), reason="needs Linux's /proc/PID/syscall")
def test_ctrl_c_exits_130_without_a_traceback():
    process = subprocess.Popen(
        [sys.executable, "-m", "enrollgap", "report", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdin.write(b"sector,enrolled,potential\n")
    process.stdin.flush()
    _wait_until_it_reads_standard_input(process.pid)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert b"Traceback" not in stderr
    assert stdout == b""


def test_machine_formats_leave_rich_tabulate_and_tempfile_unimported():
    # tempfile (for --output and pictures) costs about 5% of the start-up
    code = (
        "import atexit, sys\n"
        "from enrollgap.cli import main\n"
        "sys.argv = ['enrollgap', 'report', '-s', 'a', '1', '2', '-f', '{fmt}']\n"
        "def after():  # main() ends the process: what is looked at after it, at exit\n"
        "    loaded = [m for m in ('rich', 'tabulate', 'tempfile') if m in sys.modules]\n"
        "    sys.stderr.write('LOADED=' + ','.join(loaded))\n"
        "atexit.register(after)\n"
        "main()\n"
    )
    for fmt in ("json", "csv", "jsonl", "tsv"):
        completed = subprocess.run([sys.executable, "-c", code.format(fmt=fmt)], capture_output=True, text=True)
        assert completed.stderr.endswith("LOADED="), (fmt, completed.stderr)
    table = subprocess.run([sys.executable, "-c", code.format(fmt="table")], capture_output=True, text=True)
    assert table.stderr.endswith("LOADED=rich")


@pytest.mark.parametrize(
    ("args", "unloaded"),
    [
        (["report", "-s", "a", "1", "2", "-f", "json"],
         ["api.project", "api.check", "projection", "trend", "consistency",
          # -s alone opens no file and has no years
          "read.source", "read.accumulate", "read.header", "read.labels", "panel", "budget"]),
        (["check", "--enrolled", "1", "--potential", "2", "--reported", "50", "-f", "json"],
         ["api.report", "api.project", "projection", "trend", "panel"]),
    ],
)  # fmt: skip
def test_a_command_loads_only_its_own_modules(args, unloaded):
    # each command is its own module, loaded when it runs: the others cost no start-up
    code = (
        "import atexit, sys\n"
        "from enrollgap.cli import main\n"
        f"sys.argv = ['enrollgap', *{args!r}]\n"
        "def after():  # main() ends the process: what is looked at after it, at exit\n"
        "    ours = sorted(m[10:] for m in sys.modules if m.startswith('enrollgap.'))\n"
        "    sys.stderr.write('LOADED=' + ','.join(ours))\n"
        "atexit.register(after)\n"
        "main()\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    loaded = completed.stderr.rpartition("LOADED=")[2].split(",")
    assert args[0] in {m.rpartition(".")[2] for m in loaded if m.startswith("cli.")}
    assert [m for m in unloaded if m in loaded] == []


def test_numbers_in_plain_digits_compile_none_of_the_number_patterns():
    # compiling them at import took about 1.5 ms of every start-up; spaced and
    # look-alike numbers compile them when they come (re caches them)
    from enrollgap import numerals

    code = (
        "import atexit, re, sys\n"
        "import click\n"
        "re.purge()\n"
        "from enrollgap.cli import main\n"
        "sys.argv = ['enrollgap', 'report', '-s', 'a', '1', '2', '-f', 'json']\n"
        "def after():  # main() ends the process: what is looked at after it, at exit\n"
        "    sys.stderr.write('COMPILED=' + repr([key[1] for key in re._cache]))\n"
        "atexit.register(after)\n"
        "main()\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    compiled = eval(completed.stderr.rpartition("COMPILED=")[2])
    patterns = {numerals._SPACED_RUN, numerals._SPACE, *numerals._THOUSANDS_LOOKALIKE.values()}
    patterns = {getattr(pattern, "pattern", pattern) for pattern in patterns}  # a string, or compiled
    assert compiled and not patterns & set(compiled)
    assert numerals.parse_count("1 204 500", "en").count == 1204500  # where they are needed, they work


def test_a_workbook_piped_out_is_written_whole_and_a_full_disk_is_an_error():
    import io
    import zipfile

    command = [sys.executable, "-m", "enrollgap", "report", "-s", "a", "1", "2", "-f", "xlsx"]
    piped = subprocess.run(command, capture_output=True)
    assert piped.returncode == 0 and zipfile.ZipFile(io.BytesIO(piped.stdout)).testzip() is None
    if not os.path.exists("/dev/full"):
        return
    for fmt in ("xlsx", "json"):
        with open("/dev/full", "wb") as full:
            completed = subprocess.run([*command[:-1], fmt], stdout=full, stderr=subprocess.PIPE, text=True)
        assert (completed.returncode, completed.stderr) == (2, "enrollgap: error: No space left on device\n")


def test_a_mistyped_command_is_answered_with_the_close_names():
    import click

    if not hasattr(click.exceptions, "NoSuchCommand"):  # click before 8.4 suggests nothing
        pytest.skip("this click makes no suggestions")
    result = run("reprot", "-s", "a", "1", "2")
    assert result.exit_code == 2
    assert "No such command 'reprot'" in result.stderr and "'report'" in result.stderr
    assert "Did you mean" not in run("xyz").stderr


def test_help_still_lists_every_command_in_order():
    result = run("--help")
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.split("Commands:")[1].splitlines() if line.strip()]
    assert listed == ["report", "project", "check"]


def test_importing_the_library_leaves_click_rich_and_tabulate_out():
    code = (
        "import sys, enrollgap\n"
        "enrollgap.build_report([enrollgap.Group('a', None, 1, 2)])\n"
        "print(','.join(m for m in ('click', 'rich', 'tabulate') if m in sys.modules))\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert completed.stdout.strip() == ""


def test_no_color_and_force_color_are_honoured():
    args = ("report", "-s", "BPU", "48858", "1340000")
    forced = run_process(*args, env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert "\x1b[" in forced.stdout
    piped = run_process(*args)
    assert "\x1b[" not in piped.stdout
    both = run_process(*args, env={"FORCE_COLOR": "1", "NO_COLOR": "1", "TERM": "xterm-256color"})
    assert "\x1b[3" not in both.stdout  # no colour codes, though bold may remain


def test_stdout_stays_empty_when_a_late_row_is_bad(tmp_path):
    path = tmp_path / "late.csv"
    rows = "".join(f"s{i % 7},{i},{i + 10}\n" for i in range(90000))
    path.write_text("sector,enrolled,potential\n" + rows + "s1,oops,3\n")
    result = run_process("report", str(path), "-f", "csv")
    assert result.exit_code == 2
    assert result.stdout == ""
    expected = "enrolled: read 'oops', expected a whole number in locale en (e.g. 1,340,000 or 1.34M)"
    assert result.stderr.strip() == f"enrollgap: error: {path}:90002:2: {expected}"


def test_environment_locale_reaches_a_real_process():
    env = dict(os.environ, ENROLLGAP_LOCALE="id")
    completed = subprocess.run(
        [sys.executable, "-m", "enrollgap", "report", "-s", "BPU", "48.858", "1,34 juta", "-f", "csv"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert completed.returncode == 0 and "1340000" in completed.stdout


def _closing(fd: int):
    """A preexec_fn: the child starts with fd closed, as `2>&-` or `>&-` leave it."""
    return lambda: os.close(fd)


def test_a_closed_stderr_still_gives_the_result():
    # cron jobs and service managers may start a command without stderr (2>&-)
    completed = subprocess.run(
        [sys.executable, "-m", "enrollgap", "report", "-s", "a", "1", "2", "-f", "json", "--fail-under", "80"],
        stdout=subprocess.PIPE, preexec_fn=_closing(2), timeout=60,
    )  # fmt: skip
    assert completed.returncode == 1  # the finding's exit status, its warning line gone nowhere
    assert json.loads(completed.stdout)["total"]["coverage_pct"] == 50.0


@pytest.mark.parametrize("args", [["-f", "json"], [], ["--version"]])
def test_a_closed_stdout_is_one_clear_error(args):
    completed = subprocess.run(
        [sys.executable, "-m", "enrollgap", *(["report", "-s", "a", "1", "2"] if args != ["--version"] else []), *args],
        stderr=subprocess.PIPE, preexec_fn=_closing(1), text=True, timeout=60,
    )  # fmt: skip
    assert completed.returncode == 2
    assert completed.stderr == "enrollgap: error: standard output is closed; nothing was written\n"


@pytest.mark.parametrize(("encoding", "args"), [("cp1252", []), ("ascii", ["-f", "json"])])
def test_a_stdout_that_cannot_write_the_text_is_one_clear_error(tmp_path, encoding, args):
    # Windows writes a redirected stdout in cp1252, which has no bar or box characters
    result = run_process("report", "-s", "Désa", "1", "2", *args, env={"PYTHONIOENCODING": encoding})
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"enrollgap: error: standard output ({encoding}) cannot write '")
    assert "set PYTHONIOENCODING=utf-8, or write to a file with --output FILE" in result.stderr
    saved = tmp_path / "out.txt"
    written = run_process("report", "-s", "Désa", "1", "2", *args, "-o", str(saved), env={"PYTHONIOENCODING": encoding})
    assert written.exit_code == 0 and "Désa" in saved.read_text(encoding="utf-8")


def test_a_late_name_stdout_cannot_write_is_an_error_before_anything_is_written(tmp_path):
    """A stdout in cp1252 or ASCII, and a name it cannot write in the last row: the
    error came after 20 MB of CSV were already out."""
    rows = ["sektor,peserta,potensi", *(f"S{i},1,2" for i in range(50_000)), "Caf\u00e9 \u0100,1,2"]
    (tmp_path / "late.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    for fmt in ("csv", "json", "jsonl"):
        result = run_process("report", str(tmp_path / "late.csv"), "-f", fmt, env={"PYTHONIOENCODING": "cp1252"})
        assert (result.exit_code, result.stdout) == (2, ""), fmt
        assert result.stderr.startswith("enrollgap: error: standard output (cp1252) cannot write '\\u0100'")


def test_the_help_says_what_each_command_takes():
    """enrollgap --help did not mention spreadsheets; check --help offered --sheet and
    --input-format xlsx, which check refuses; project --help printed an example with a
    line break lost inside it."""
    top = run("--help").stdout
    assert "spreadsheets (.xlsx, .xls, .ods)" in top and "pip install 'enrollgap[excel]'" in top
    check = run("check", "--help").stdout
    assert "--sheet" not in check and "csv|tsv|json|jsonl]" in check
    assert (
        run("check", "--input-format", "xlsx", "--enrolled", "1", "--potential", "2", "--reported", "50").exit_code == 2
    )
    examples = run("project", "--help").stdout.split("Examples:")[1]
    assert all("  " not in line.strip() for line in examples.splitlines())
    assert "--sheet NAME|N|all" in run("report", "--help").stdout
