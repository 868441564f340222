"""Speed and memory of enrollgap, each as a ratio against a floor measured in the same run.

    python benchmarks/bench.py           # every figure of benchmarks/README.md (about 3 minutes)
    python benchmarks/bench.py --quick   # fewer runs and 200,000 rows instead of 1M

It writes its own data (in a temporary folder, or --data DIR to keep it), runs
every command as a real process, times the fastest of several runs interleaved
with its floor's, and reads peak memory from the kernel through a fresh helper
process. Prints one line per figure: the time, the floor, the ratio and the target.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SECTORS = ["Industri rumahan", "Petani", "Nelayan", "Konstruksi", "Transportasi", "Pedagang", "Penjahit", "Sopir"]

# The floor of a file: the bare csv.reader loop in a function, summing the same
# rows by sector as enrollgap does (int() of each count; for grouped digits, of the
# count with its marks taken out).
FLOOR = """
import csv, sys

def main(path, delimiter, mark):
    sums = {}
    with open(path, newline="") as f:
        reader = csv.reader(f, delimiter=delimiter)
        next(reader)
        for row in reader:
            if mark:
                enrolled, potential = int(row[2].replace(mark, "")), int(row[3].replace(mark, ""))
            else:
                enrolled, potential = int(row[2]), int(row[3])
            acc = sums.get(row[1])
            if acc is None:
                sums[row[1]] = [enrolled, potential]
            else:
                acc[0] += enrolled
                acc[1] += potential
    print(len(sums))

main(sys.argv[1], sys.argv[2], sys.argv[3])
"""

# The floor of many groups: the same loop over desa,peserta,potensi, then every group
# written as indented JSON (as enrollgap's -f json is).
GROUPS_FLOOR = """
import csv, json, sys

def main(path):
    sums = {}
    with open(path, newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for label, enrolled, potential in reader:
            sums[label] = [int(enrolled), int(potential)]
    groups = [{"sector": k, "enrolled": e, "potential": p} for k, (e, p) in sums.items()]
    sys.stdout.write(json.dumps({"groups": groups}, indent=2))

main(sys.argv[1])
"""

SHEET_FLOOR = """
import sys
from python_calamine import CalamineWorkbook

def main(path):
    print(sum(1 for _ in CalamineWorkbook.from_path(path).get_sheet_by_index(0).iter_rows()))

main(sys.argv[1])
"""

JSON_FLOOR = """
import json, sys

with open(sys.argv[1]) as f:
    print(len(json.load(f)))
"""

# Linux keeps a process's peak memory across exec: a fresh, small Python forks and
# execs the command, so that the peak read is the command's, not this script's.
PEAK_HELPER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
sys.stderr.write(f"PEAK={usage.ru_maxrss}")
"""

# The shapes of 1M rows: (name, line end, delimiter, thousands mark or "", --locale).
SHAPES = [
    ("export: CRLF, ','", "\r\n", ",", "", "en"),
    ("export: CRLF, ';', grouped digits, --locale id", "\r\n", ";", ".", "id"),
    ("LF, ','", "\n", ",", "", "en"),
]


def write_rows(path: Path, rows: int, end: str, delimiter: str, mark: str) -> Path:
    """kecamatan, sector, enrolled, potential: 8 sectors in each kecamatan."""
    if path.exists():
        return path
    rng = random.Random(2020)
    with path.open("w", newline="") as out:
        out.write(delimiter.join(["kecamatan", "sektor", "peserta", "potensi"]) + end)
        for i in range(rows):
            potential = rng.randint(100, 250_000)
            counts = [rng.randint(0, potential), potential]
            cells = [f"{c:,}".replace(",", mark) if mark else str(c) for c in counts]
            out.write(delimiter.join([f"Kecamatan {i // 8:06d}", SECTORS[i % 8], *cells]) + end)
    return path


def write_villages(path: Path, groups: int) -> Path:
    if not path.exists():
        rng = random.Random(84000)
        with path.open("w") as out:
            out.write("desa,peserta,potensi\n")
            for i in range(groups):
                potential = rng.randint(10, 5000)
                out.write(f"Desa {i:07d},{rng.randint(0, potential)},{potential}\n")
    return path


def write_sheet(path: Path, rows: int) -> Path | None:
    try:
        import openpyxl
    except ImportError:
        return None
    if not path.exists():
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("Rekap")
        sheet.append(["sektor", "peserta", "potensi"])
        rng = random.Random(7)
        for i in range(rows):
            potential = rng.randint(10, 5000)
            sheet.append([SECTORS[i % 8], rng.randint(0, potential), potential])
        book.save(path)
    return path


def write_json(path: Path, rows: int) -> Path:
    if not path.exists():
        rng = random.Random(9)
        with path.open("w") as out:
            out.write("[\n")
            for i in range(rows):
                potential = rng.randint(10, 5000)
                comma = "," if i < rows - 1 else ""
                out.write(
                    f'{{"sektor": "{SECTORS[i % 8]}", "peserta": {rng.randint(0, potential)}, '
                    f'"potensi": {potential}}}{comma}\n'
                )
            out.write("]\n")
    return path


def run(command: list[str]) -> float:
    start = time.perf_counter()
    completed = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{completed.stderr.decode()}")
    return elapsed


def fastest(commands: dict[str, list[str]], repeat: int) -> dict[str, float]:
    """The fastest wall time of each command over ``repeat`` runs, interleaved so that
    drift hits all alike (another load only ever adds time)."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            times[name].append(run(command))
    return {name: min(values) for name, values in times.items()}


def peak_mib(command: list[str]) -> int:
    """Peak memory of one run of command, in MiB (Linux keeps a process's peak across
    exec, so it is read from a fresh, small helper's child)."""
    completed = subprocess.run([sys.executable, "-c", PEAK_HELPER, *command], stderr=subprocess.PIPE, text=True)
    return int(completed.stderr.rpartition("PEAK=")[2]) // 1024


def line(what: str, measured: float, floor: float, target: float | None, unit: str = "s") -> str:
    ratio = measured / floor
    met = "(for reference)" if target is None else f"(target {target:.2f}x: {'met' if ratio <= target else 'NOT met'})"
    scale, digits = (1000, 1) if unit == "ms" else (1, 3)
    return f"{what:<58} {measured * scale:8.{digits}f} / {floor * scale:8.{digits}f} {unit} = {ratio:5.2f}x {met}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, 200,000 rows")
    parser.add_argument("--data", type=Path, help="keep the generated data in this folder")
    args = parser.parse_args()
    enrollgap = shutil.which("enrollgap") or sys.exit("enrollgap is not installed (pip install -e '.[excel]')")
    python = sys.executable
    repeat = 3 if args.quick else 7
    rows = 200_000 if args.quick else 1_000_000
    folder = args.data or Path(tempfile.mkdtemp(prefix="enrollgap-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    scripts = {name: folder / f"{name}.py" for name in ("floor", "groups_floor", "sheet_floor", "json_floor")}
    for path, text in zip(scripts.values(), (FLOOR, GROUPS_FLOOR, SHEET_FLOOR, JSON_FLOOR)):
        path.write_text(text)
    minimal = str(Path(__file__).with_name("minimal_cli.py"))
    # Bytecode as an installed package has it (an editable install under
    # PYTHONDONTWRITEBYTECODE=1 would compile every module at every start).
    package = subprocess.run([python, "-c", "import enrollgap; print(enrollgap.__path__[0])"], capture_output=True)
    subprocess.run([python, "-m", "compileall", "-q", package.stdout.decode().strip()], check=True)
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; data in {folder}\n")

    times = fastest(
        {
            "json": [enrollgap, "report", "-s", "a", "1", "2", "-f", "json"],
            "json floor": [python, minimal, "report", "-s", "a", "1", "2", "-f", "json"],
            "table": [enrollgap, "report", "-s", "a", "1", "2"],
            "table floor": [python, minimal, "report", "-s", "a", "1", "2"],
        },
        30 if args.quick else 100,
    )
    print(line("start-up: report -s a 1 2 -f json / minimal_cli.py", times["json"], times["json floor"], 1.25, "ms"))
    print(line("start-up: the rich table / minimal_cli.py", times["table"], times["table floor"], 1.25, "ms"))

    plain = None
    for name, end, delimiter, mark, locale in SHAPES:
        data = write_rows(folder / f"rows-{rows}-{len(end)}{ord(delimiter)}{mark}.csv", rows, end, delimiter, mark)
        command = [enrollgap, "report", str(data), "--group-by", "sector", "-f", "json", "--locale", locale]
        floor = [python, str(scripts["floor"]), str(data), delimiter, mark]
        times = fastest({"enrollgap": command, "floor": floor}, repeat)
        print(line(f"{rows:,} rows, {name}", times["enrollgap"], times["floor"], 1.15))
        print(f"{'':<58} peak memory {peak_mib(command)} MiB (floor {peak_mib(floor)} MiB; target 24 MiB)")
        if mark == "" and end == "\r\n":
            plain = times["enrollgap"]
        if mark and plain is not None:
            print(line("   grouped digits against the same export in plain digits", times["enrollgap"], plain, 1.3))

    villages = write_villages(folder / "villages-100000.csv", 100_000)
    command = [enrollgap, "report", str(villages), "-f", "json"]
    times = fastest({"enrollgap": command, "floor": [python, str(scripts["groups_floor"]), str(villages)]}, repeat)
    print(line("100,000 groups -f json / the csv loop and json.dumps", times["enrollgap"], times["floor"], 1.5))
    print(f"{'':<58} peak memory {peak_mib(command)} MiB (target 100 MiB)")
    table = fastest({"table": [enrollgap, "report", str(villages), "--top", "1000"]}, 1)["table"]
    print(f"{'100,000 groups, rich table of the first 1,000 (--top 1000)':<58} {table:8.3f} s")

    sheet = write_sheet(folder / "rows-100000.xlsx", 100_000)
    if sheet is not None:
        command = [enrollgap, "report", str(sheet), "-f", "json"]
        times = fastest({"enrollgap": command, "floor": [python, str(scripts["sheet_floor"]), str(sheet)]}, repeat)
        print(line("100,000-row .xlsx / calamine's own read", times["enrollgap"], times["floor"], 1.5))
    objects = write_json(folder / "rows-250000.json", 250_000)
    command = [enrollgap, "report", str(objects), "-f", "json"]
    times = fastest({"enrollgap": command, "floor": [python, str(scripts["json_floor"]), str(objects)]}, repeat)
    print(line("JSON array of 250,000 objects / json.load", times["enrollgap"], times["floor"], None))
    print(f"{'':<58} peak memory {peak_mib(command)} MiB")
    element = folder / "element-14mb.json"
    if not element.exists():
        element.write_text(f'[{{"sektor": "{"x" * 14_000_000}", "peserta": 1, "potensi": 2}}]')
    command = [enrollgap, "report", str(element), "-f", "json"]
    times = fastest({"enrollgap": command, "floor": [python, str(scripts["json_floor"]), str(element)]}, 3)
    print(line("JSON array of one 14 MB element / json.load", times["enrollgap"], times["floor"], None))
    if args.data is None:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
