"""Speed and memory of enrollgap, each as a ratio against a floor measured in the same run.

    python benchmarks/bench.py            # start-up, 1M-row throughput, memory, 1k-100k groups
    python benchmarks/bench.py --big      # also memory at 10M rows (a 340 MB file) and 1M groups
    python benchmarks/bench.py --quick    # fewer repetitions, 200k rows and up to 10k groups

It generates its own data (in a temporary folder unless --data DIR), runs every
command as a real process, and reads peak memory from the kernel (wait4's
ru_maxrss). Needs nothing beyond Python and an installed enrollgap. Prints one
line per target: the measured ratio, the target, and whether it was met.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SECTORS = ["Home industry", "Farmers", "Fishermen", "Construction", "Transport", "Traders", "Tailors", "Drivers"]

# The floor: a bare csv loop that sums the same groups. Inside a function, where
# its names are fast locals: at module level the same loop is about 1.2x slower.
# {label}, {enrolled} and {potential} are the columns; {finish} what it writes.
_FLOOR = """
import csv, json, sys

def main():
    sums = {{}}
    with open(sys.argv[1], newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            acc = sums.get(row[{label}])
            if acc is None:
                sums[row[{label}]] = [int(row[{enrolled}]), int(row[{potential}])]
            else:
                acc[0] += int(row[{enrolled}])
                acc[1] += int(row[{potential}])
    {finish}

main()
"""
FLOOR_LOOP = _FLOOR.format(label=1, enrolled=2, potential=3, finish="print(len(sums))")
# The floor for many groups: the same loop over sector,enrolled,potential rows, then
# every group dumped with json (as enrollgap's JSON is: indented).
GROUP_FLOOR = _FLOOR.format(
    label=0,
    enrolled=1,
    potential=2,
    finish='sys.stdout.write(json.dumps({"groups": [{"sector": k, "enrolled": e, "potential": p} '
    "for k, (e, p) in sums.items()]}, indent=2))",
)


def generate(path: Path, rows: int) -> Path:
    """region,sector,enrolled,potential rows: 8 sectors per village."""
    if path.exists():
        return path
    rng = random.Random(2020)
    with path.open("w") as out:
        out.write("region,sector,enrolled,potential\n")
        lines = []
        for i in range(rows):
            potential = rng.randint(10, 5000)
            lines.append(f"Village {i // 8:07d},{SECTORS[i % 8]},{rng.randint(0, potential)},{potential}\n")
            if len(lines) == 100_000:
                out.writelines(lines)
                lines.clear()
        out.writelines(lines)
    return path


def generate_groups(path: Path, groups: int) -> Path:
    """sector,enrolled,potential rows: one row per village, every row its own group."""
    if path.exists():
        return path
    rng = random.Random(84000)
    with path.open("w") as out:
        out.write("sector,enrolled,potential\n")
        for i in range(groups):
            potential = rng.randint(10, 5000)
            out.write(f"Desa {i:07d},{rng.randint(0, potential)},{potential}\n")
    return path


def first_lines(command: list[str], lines: int = 5) -> tuple[float, float]:
    """Seconds until the first lines of stdout arrive, and until the command ends."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    for _ in range(lines):
        process.stdout.readline()
    first = time.perf_counter() - start
    for _ in process.stdout:
        pass
    process.wait()
    return first, time.perf_counter() - start


SHEET_FLOOR = """
import sys
from python_calamine import CalamineWorkbook

def main():
    rows = 0
    for row in CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).iter_rows():
        rows += 1
    print(rows)

main()
"""

OPENPYXL_READ = """
import sys
import openpyxl

def main():
    sums = {}
    book = openpyxl.load_workbook(sys.argv[1], read_only=True)
    rows = book.worksheets[0].iter_rows(values_only=True)
    next(rows)
    for sector, enrolled, potential in rows:
        acc = sums.setdefault(sector, [0, 0])
        acc[0] += enrolled
        acc[1] += potential
    print(len(sums))

main()
"""


def generate_sheet(path: Path, rows: int) -> Path | None:
    """A sheet of sector,enrolled,potential rows (8 sectors), written with openpyxl."""
    if path.exists():
        return path
    try:
        import openpyxl
    except ImportError:
        return None
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Rekap")
    sheet.append(["sektor", "peserta", "potensi"])
    rng = random.Random(7)
    for i in range(rows):
        potential = rng.randint(10, 5000)
        sheet.append([SECTORS[i % 8], rng.randint(0, potential), potential])
    book.save(path)
    return path


def generate_styles(folder: Path, rows: int) -> tuple[Path, Path]:
    """The same rows twice: Indonesian-style grouped digits (1.204;38.500) and plain digits."""
    grouped, plain = folder / f"id-{rows}.csv", folder / f"plain-{rows}.csv"
    if grouped.exists() and plain.exists():
        return grouped, plain
    rng = random.Random(62)
    with grouped.open("w") as out_grouped, plain.open("w") as out_plain:
        out_grouped.write("sektor;peserta;potensi\n")
        out_plain.write("sektor;peserta;potensi\n")
        for i in range(rows):
            potential = rng.randint(1000, 99999)
            enrolled = rng.randint(0, potential)
            out_grouped.write(f"{SECTORS[i % 8]};{enrolled:,};{potential:,}\n".replace(",", "."))
            out_plain.write(f"{SECTORS[i % 8]};{enrolled};{potential}\n")
    return grouped, plain


def bench_styles(folder: Path, enrollgap: str, rows: int) -> None:
    """Indonesian-style numbers against the same rows in plain digits, same run: on one
    core (the read loop itself) and on every core (what a user gets by default)."""
    grouped, plain = generate_styles(folder, rows)
    commands = {}
    for jobs in ("1", None):
        for name, path in (("plain", plain), ("grouped", grouped)):
            command = [enrollgap, "report", str(path), "--locale", "id", "-f", "json"]
            commands[(name, jobs)] = command + (["--jobs", jobs] if jobs else [])
    times = fastest(commands, 7)  # (a ratio near its target: more runs, so that each side's fastest is its own)
    print(f"{rows:,} rows written 1.204;38.500 with --locale id, against the same rows in plain digits:")
    for jobs, where in (("1", "on one core (--jobs 1)"), (None, f"on every core ({os.cpu_count()})")):
        print(line(f"grouped digits {where}", times[("grouped", jobs)], times[("plain", jobs)], 1.3, "s"))
    print()


JSON_FLOOR = """
import json, sys

def main():
    sums = {}
    with open(sys.argv[1]) as f:
        rows = json.load(f)
    for row in rows:
        acc = sums.get(row["sector"])
        if acc is None:
            sums[row["sector"]] = [row["enrolled"], row["potential"]]
        else:
            acc[0] += row["enrolled"]
            acc[1] += row["potential"]
    print(len(sums))

main()
"""


def bench_json(folder: Path, python: str, enrollgap: str, rows: int) -> None:
    """A JSON array as json.dumps writes it (one line), against json.load and a sum."""
    path = folder / f"array-{rows}.json"
    if not path.exists():  # written an object at a time, never held whole here
        rng = random.Random(7)
        with path.open("w") as out:
            for i in range(rows):
                potential = rng.randint(10, 5000)
                obj = {"sector": SECTORS[i % 8], "enrolled": rng.randint(0, potential), "potential": potential}
                out.write(("[" if i == 0 else ", ") + json.dumps(obj))
            out.write("]")
    floor_script = folder / "json_floor.py"
    floor_script.write_text(JSON_FLOOR)
    commands = {
        "floor": [python, str(floor_script), str(path)],
        "enrollgap": [enrollgap, "report", str(path), "-f", "json"],
    }
    times = fastest(commands, 3)
    memory = {name: peak_memory(command) for name, command in commands.items()}
    print(f"a JSON array of {rows:,} objects on one line ({path.stat().st_size / 2**20:.0f} MiB; peak memory: "
          f"json.load {memory['floor']} MiB, enrollgap {memory['enrollgap']} MiB):")  # fmt: skip
    print(line("enrollgap report array.json vs json.load and a sum", times["enrollgap"], times["floor"], None, "s"))
    print()


def bench_sheets(folder: Path, python: str, enrollgap: str, rows: int) -> None:
    """Reading a spreadsheet: enrollgap against calamine's own read of the same sheet."""
    path = generate_sheet(folder / f"sheet-{rows}.xlsx", rows)
    if path is None:
        print("spreadsheets: skipped (pip install openpyxl python-calamine to measure)")
        return
    floor_script = folder / "sheet_floor.py"
    floor_script.write_text(SHEET_FLOOR)
    openpyxl_script = folder / "sheet_openpyxl.py"
    openpyxl_script.write_text(OPENPYXL_READ)
    times = fastest(
        {"floor": [python, str(floor_script), str(path)], "enrollgap": [enrollgap, "report", str(path), "-f", "json"]},
        9,  # (half a second each, and a ratio near its target)
    )
    times.update(fastest({"openpyxl": [python, str(openpyxl_script), str(path)]}, 2))  # (for reference, 7 s a run)
    memory = peak_memory([enrollgap, "report", str(path), "-f", "json"])
    floor_memory = peak_memory([python, str(floor_script), str(path)])
    print(f"a {rows:,}-row xlsx sheet ({path.stat().st_size / 2**20:.1f} MiB):")
    print(line("enrollgap report sheet.xlsx -f json vs calamine's read", times["enrollgap"], times["floor"], 1.5, "s"))
    print(line("openpyxl read-only, summing the same rows", times["openpyxl"], times["floor"], None, "s"))
    print(f"peak memory: enrollgap {memory} MiB, calamine's read {floor_memory} MiB")
    print()


def run(command: list[str]) -> float:
    """Wall time in seconds of one run of command."""
    start = time.perf_counter()
    completed = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if completed.returncode not in (0, 1):
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{completed.stderr.decode()}")
    return elapsed


# Linux keeps a process's peak memory across exec: a command started from this
# script (which holds the generated data, 25 MiB and more) reported at least this
# script's own peak: in one run the floor loop, one core and every core all showed
# 24 MiB. A fresh Python that only forks and execs the command puts that floor at its
# own size (about 8 MiB, less than any command measured here).
PEAK_HELPER = """\
import os, sys
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
sys.stderr.write(f"\\nPEAK={usage.ru_maxrss}")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def peak_memory(command: list[str]) -> int:
    """Peak memory in MiB of one run of command (of the largest process of its tree)."""
    helper = [sys.executable, "-c", PEAK_HELPER, *command]
    completed = subprocess.run(helper, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr, _, peak = completed.stderr.decode().rpartition("\nPEAK=")
    if completed.returncode not in (0, 1) or not peak:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{stderr}")
    return int(peak) // 1024


def run_at_once(commands: tuple[list[str], ...]) -> float:
    """Wall time in seconds of commands started together, until the last one ends."""
    start = time.perf_counter()
    processes = [subprocess.Popen(command, stdout=subprocess.DEVNULL) for command in commands]
    if any(process.wait() != 0 for process in processes):
        raise SystemExit(f"benchmark command failed: {' '.join(commands[0])}")
    return time.perf_counter() - start


def fastest(commands: dict, repeat: int) -> dict:
    """The fastest wall time of each command over repeat runs, interleaved so that drift
    hits all alike. The fastest, not the median (timeit's advice): another load on the
    machine only ever adds time, and on this shared 2-core machine the median of the
    same command moved by a third between runs. A tuple of commands is run at once."""
    times: dict = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            times[name].append(run_at_once(command) if isinstance(command, tuple) else run(command))
    return {name: min(values) for name, values in times.items()}


def line(what: str, measured: float, floor: float, target: float | None, unit: str = "ms") -> str:
    ratio = measured / floor
    if target is None:
        verdict_text = "(for reference, no target)"
    else:
        verdict_text = f"(target {target:.2f}x: {'met' if ratio <= target else 'NOT met'})"
    scale, digits = (1000, 1) if unit == "ms" else (1, 3)
    return (
        f"{what:<52} {measured * scale:8.{digits}f} {unit} / floor {floor * scale:8.{digits}f} {unit}"
        f" = {ratio:5.2f}x {verdict_text}"
    )


def bench_throughput(folder: Path, enrollgap: str, python: str, sizes: list[int], quick: bool) -> None:
    """Many rows into a few groups: one core and every core against the csv.reader loop,
    with each one's peak memory."""
    floor_script = folder / "floor.py"
    floor_script.write_text(FLOOR_LOOP)
    for rows in sizes:
        data = generate(folder / f"rows-{rows}.csv", rows)
        size = data.stat().st_size / 2**20
        commands = {
            "floor": [python, str(floor_script), str(data)],
            "enrollgap": [enrollgap, "report", str(data), "--group-by", "sector", "-f", "json", "--jobs", "1"],
            "every core": [enrollgap, "report", str(data), "--group-by", "sector", "-f", "json"],
        }
        # What this machine gives two processes in this run: two copies of the floor at
        # once take as long as one where two cores are free, twice as long where they
        # take turns (a shared machine's cores often do). Every core can only be as fast
        # as the machine lets two processes be.
        cores = min(os.cpu_count() or 1, 2)
        at_once = {"floor, copies at once": (commands["floor"],) * cores}
        throughput = fastest({**commands, **at_once}, 3 if quick or rows > 1_000_000 else 7)
        memory = {name: peak_memory(command) for name, command in commands.items()}
        print(f"{rows:,} rows ({size:.0f} MiB CSV) summed by sector (peak memory: floor {memory['floor']} MiB, "
              f"one core {memory['enrollgap']} MiB, every core {memory['every core']} MiB):")  # fmt: skip
        print(line("enrollgap report rows.csv --group-by sector --jobs 1", throughput["enrollgap"],
                   throughput["floor"], 1.1, "s"))  # fmt: skip
        print(line(f"the same on every core ({os.cpu_count()})", throughput["every core"], throughput["floor"], 0.6,
                   "s"))  # fmt: skip
        speedup = cores * throughput["floor"] / throughput["floor, copies at once"]
        print(f"  (in this run the machine ran {cores} copies of the floor at once in "
              f"{throughput['floor, copies at once']:.3f} s: {speedup:.2f}x the work of one in the same time, "
              f"of {cores:.2f}x possible)")  # fmt: skip
        print()


def bench_groups(folder: Path, enrollgap: str, python: str, quick: bool, big: bool) -> None:
    """One row per village: machine formats and the table against csv loop + json.dumps."""
    group_floor = folder / "group_floor.py"
    group_floor.write_text(GROUP_FLOOR)
    counts = [1_000, 10_000] + ([] if quick else [100_000]) + ([1_000_000] if big else [])
    print("many groups (one row per village): seconds, and per group; floor = csv loop + json.dumps")
    for count in counts:
        path = generate_groups(folder / f"groups-{count}.csv", count)
        times = fastest(
            {
                "floor": [python, str(group_floor), str(path)],
                "json": [enrollgap, "report", str(path), "-f", "json"],
                "csv": [enrollgap, "report", str(path), "-f", "csv"],
            },
            3 if quick else 5,
        )
        memory = peak_memory([enrollgap, "report", str(path), "-f", "json"])
        # the fastest of as many runs as the others (one run of a table is as noisy as one of json)
        tables = [first_lines([enrollgap, "report", str(path)]) for _ in range(3 if quick else 5)]
        table_first, table_all = min(t[0] for t in tables), min(t[1] for t in tables)
        floor = times["floor"]
        target = count == 100_000
        print(f"  {count:>9,} groups: floor {floor:6.2f} s; json {times['json']:6.2f} s "
              f"({times['json'] / count * 1e6:5.1f} us/group, {memory} MiB); csv {times['csv']:6.2f} s; "
              f"table: first lines {table_first:6.2f} s, all {table_all:6.2f} s")  # fmt: skip
        if target:
            print(line("    -f json at 100,000 groups", times["json"], floor, 1.5, "s"))
            print(f"    peak memory {memory} MiB (target at most 100 MiB: {'met' if memory <= 100 else 'NOT met'})")
            print(line("    table, first lines", table_first, floor, 3.0, "s"))
            print(line("    table, whole", table_all, floor, 10.0, "s"))
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, 200k rows")
    parser.add_argument("--big", action="store_true", help="also measure memory at 10M rows")
    parser.add_argument("--data", type=Path, help="keep generated files here")
    parser.add_argument("--sheets", action="store_true", help="only the spreadsheet measurement")
    parser.add_argument("--styles", action="store_true", help="only the Indonesian-numbers measurement")
    parser.add_argument("--throughput", action="store_true", help="only the 1M-row throughput")
    parser.add_argument("--startup", action="store_true", help="only the start-up measurement")
    parser.add_argument("--groups", action="store_true", help="only the many-groups measurement")
    parser.add_argument("--json", action="store_true", help="only the JSON-array measurement")
    args = parser.parse_args()

    python = sys.executable
    enrollgap = shutil.which("enrollgap", path=str(Path(python).parent)) or shutil.which("enrollgap")
    if enrollgap is None:
        raise SystemExit("enrollgap is not installed: pip install -e . first")
    # Installed packages carry compiled bytecode; make sure this one (and the minimal
    # program) do too, or the start-up figures would include compiling the sources.
    package = Path(__import__("enrollgap").__file__).parent
    subprocess.run([python, "-m", "compileall", "-q", str(package), str(Path(__file__).parent)], check=True)

    # Start-up: the fastest of 100 runs each. A run takes 50 ms, and on this shared
    # machine the fastest of 40 still moved by 0.05x between back-to-back runs of
    # the same code (one quiet moment more or less, for either side).
    repeat = 10 if args.quick else 100
    rows = 200_000 if args.quick else 1_000_000
    folder = args.data or Path(tempfile.mkdtemp(prefix="enrollgap-bench-"))
    folder.mkdir(parents=True, exist_ok=True)

    print(f"enrollgap benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {repeat} start-up runs each")
    print()
    if args.sheets:
        bench_sheets(folder, python, enrollgap, 100_000)
        return
    if args.styles:
        bench_styles(folder, enrollgap, rows)
        return
    if args.json:
        bench_json(folder, python, enrollgap, rows // 4)
        return
    if not args.throughput and not args.groups:
        minimal = [python, str(Path(__file__).with_name("minimal_cli.py")), "report", "-s", "a", "1", "2"]
        startup = fastest(
            {
                "python": [python, "-c", "pass"],
                "click": [python, "-c", "import click"],
                "click+rich": [python, "-c", "import click, rich.console, rich.table"],
                "click+stdlib": [python, "-c", "import click, fractions, json, dataclasses"],
                "minimal": [*minimal, "-f", "json"],
                "minimal table": minimal,
                "json": [enrollgap, "report", "-s", "a", "1", "2", "-f", "json"],
                "table": [enrollgap, "report", "-s", "a", "1", "2"],
            },
            repeat,
        )
        print(f"floors: python -c pass {startup['python'] * 1000:.1f} ms; "
              f"import click, fractions, json, dataclasses {startup['click+stdlib'] * 1000:.1f} ms")  # fmt: skip
        print(line("enrollgap report -s a 1 2 -f json vs import click", startup["json"], startup["click"], None))
        print(
            line(
                "enrollgap report -s a 1 2 -f json vs minimal_cli.py -f json", startup["json"], startup["minimal"], 1.10
            )
        )
        print(
            line(
                "enrollgap report -s a 1 2 vs minimal_cli.py (rich table)",
                startup["table"],
                startup["minimal table"],
                1.10,
            )
        )
        print()
        if args.startup:
            return

    if not args.groups:
        bench_throughput(folder, enrollgap, python, [rows] + ([10_000_000] if args.big else []), args.quick)
        if args.throughput:
            return
    bench_groups(folder, enrollgap, python, args.quick, args.big)
    if args.groups:
        return

    bench_sheets(folder, python, enrollgap, 20_000 if args.quick else 100_000)
    bench_styles(folder, enrollgap, rows)
    bench_json(folder, python, enrollgap, rows // 4)

    sizes = [10_000, rows] + ([10_000_000] if args.big else [])
    peaks = {}
    for count in sizes:
        path = generate(folder / f"rows-{count}.csv", count)
        peaks[count] = peak_memory([enrollgap, "report", str(path), "--group-by", "sector", "-f", "json"])
        print(f"peak memory at {count:>10,} rows: {peaks[count]:4d} MiB")
    growth = peaks[sizes[-1]] - peaks[sizes[0]]
    verdict = "met" if growth <= 40 else "NOT met"
    print(f"growth from {sizes[0]:,} to {sizes[-1]:,} rows: {growth} MiB (target at most 40 MiB: {verdict})")
    if not args.data:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
