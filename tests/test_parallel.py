"""Every core for big files: the same groups, order, first error and nothing after an
error as one core, or one core itself where the file is not plain enough."""

import io
import os
import signal
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run, tables, write_big_csv
from enrollgap.read import parallel


@pytest.fixture
def small_blocks(monkeypatch):
    """Ranges and the size that pays, scaled down so that small files are split."""
    monkeypatch.setattr(parallel, "MIN_BYTES", 1)
    monkeypatch.setattr(parallel, "BLOCK", 512)
    monkeypatch.setattr(parallel, "RANGE", 4096)  # (3000 rows: about 18 ranges)
    splits = []  # the byte ranges of each file that was split
    real = parallel._ranges

    def recorded(*arguments):
        ranges = real(*arguments)
        splits.extend(ranges)
        return ranges

    monkeypatch.setattr(parallel, "_ranges", recorded)
    return splits


def rows(count: int, extra: str = "") -> str:
    sectors = ["Petani", "Nelayan", "Buruh", "Pedagang", "Sopir"]
    lines = [f"Desa {i % 37},{sectors[i % 5]},{i % 97},{100 + i % 13}" for i in range(count)]
    return "provinsi,sektor,peserta,potensi\n" + "\n".join(lines) + "\n" + extra


def both(tmp_path, text: str, *args: str):
    path = tmp_path / "rows.csv"
    path.write_text(text)
    one = run("report", str(path), *args, env={"ENROLLGAP_JOBS": "1"})
    every = run("report", str(path), *args, env={"ENROLLGAP_JOBS": "2"})
    return one, every


@pytest.mark.parametrize("args", [["-f", "json"], ["-f", "csv", "--group-by", "sector"], ["-f", "jsonl"]])
def test_every_core_gives_byte_for_byte_what_one_core_gives(tmp_path, small_blocks, args):
    one, every = both(tmp_path, rows(3000), *args)
    assert every.exit_code == one.exit_code == 0
    assert every.stdout == one.stdout and every.stderr == one.stderr
    assert len(set(small_blocks)) > 1  # the file was really split


def test_first_lines_of_groups_are_the_file_s_lines(tmp_path, small_blocks, monkeypatch):
    from enrollgap.read import ReadOptions, read_groups

    monkeypatch.setenv("ENROLLGAP_JOBS", "2")
    path = tmp_path / "rows.csv"
    path.write_text(rows(3000) + "Desa baru,Petani,1,2\n")
    groups = read_groups(str(path), ReadOptions())
    assert groups[-1].origin == f"{path}:3002"
    assert len(set(small_blocks)) > 1


@pytest.mark.parametrize(
    "extra", ["Desa x,Petani,oops,2\n", "Jumlah,,1,2\n", "Desa y,,1,2\n", "Sumber: BPS\n", "\n\nDesa z,Petani,1,2\n"]
)
def test_anything_but_plain_rows_gives_what_one_core_gives(tmp_path, small_blocks, extra):
    one, every = both(tmp_path, rows(3000, extra), "-f", "json")
    assert (every.exit_code, every.stdout, every.stderr) == (one.exit_code, one.stdout, one.stderr)


def test_a_row_without_its_only_label_is_warned_of_on_every_core_as_on_one(tmp_path, small_blocks):
    lines = [f"{('Petani', 'Nelayan')[i % 2]},{i % 97},{100 + i % 13}" for i in range(3000)]
    one, every = both(tmp_path, "sektor,peserta,potensi\n" + "\n".join([*lines[:1500], ",5,50", *lines[1500:]]) + "\n")
    assert (every.exit_code, every.stdout, every.stderr) == (one.exit_code, one.stdout, one.stderr)
    assert "rows.csv:1502:1: the blank 'sektor' leaves the row without a name" in every.stderr


def record_summed(monkeypatch) -> list:
    """For each read from now on: True where the rows were summed on every core, False
    where one core read them."""
    outcomes = []
    real = parallel.sum_parallel

    def recorded(*arguments, **options):
        result = real(*arguments, **options)
        outcomes.append(result is not None)
        return result

    monkeypatch.setattr("enrollgap.read.delimited.sum_parallel", recorded)
    return outcomes


@pytest.fixture
def summed(monkeypatch):
    return record_summed(monkeypatch)


@pytest.mark.parametrize("at", ["start", "middle", "end"])
@pytest.mark.parametrize("odd", ['"Z ""Q""",Petani,1,2\n', '"D,Petani,1,2\nDesa B",Petani,1,2\n', "D,Petani,1,2\r\n"])
def test_a_quote_or_a_carriage_return_in_any_range_keeps_the_file_on_one_core(tmp_path, small_blocks, summed, at, odd):
    """(a field may hold a newline, which a cut must not split; CR line ends count lines otherwise)"""
    lines = rows(3000).splitlines(keepends=True)
    lines.insert({"start": 1, "middle": 1500, "end": len(lines)}[at], odd)
    one, every = both(tmp_path, "".join(lines), "-f", "json")
    assert (every.exit_code, every.stdout, every.stderr) == (one.exit_code, one.stdout, one.stderr)
    assert len(set(small_blocks)) > 1 and summed == [False, False]  # split, and read again on one core


def test_quotes_in_the_header_alone_leave_the_rows_to_every_core(tmp_path, small_blocks, summed):
    text = rows(3000).replace("provinsi,sektor,peserta,potensi", '"provinsi","sektor","peserta","potensi"')
    one, every = both(tmp_path, text, "-f", "json")
    assert every.exit_code == 0 and every.stdout == one.stdout and summed == [False, True]


def test_without_fork_a_process_pool_gives_the_same(tmp_path, small_blocks, summed, monkeypatch):
    monkeypatch.setattr(parallel, "FORK", False)  # as on Windows
    one, every = both(tmp_path, rows(3000), "-f", "json", "--group-by", "sector")
    assert every.exit_code == 0 and every.stdout == one.stdout and summed == [False, True]


def test_a_child_that_fails_leaves_the_file_to_one_core_and_none_behind(tmp_path, small_blocks, summed, monkeypatch):
    parent = os.getpid()
    real = parallel._sum_some

    def failing_in_a_child(*arguments):
        if os.getpid() != parent:
            raise RuntimeError("a bug")
        return real(*arguments)

    monkeypatch.setattr(parallel, "_sum_some", failing_in_a_child)
    one, every = both(tmp_path, rows(3000), "-f", "json")
    assert every.exit_code == 0 and every.stdout == one.stdout and summed == [False, False]
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # every child was waited for


def test_ctrl_c_ends_every_process_with_130(tmp_path):
    path = write_big_csv(tmp_path / "big.csv", 2_500_000)
    assert path.stat().st_size > parallel.MIN_BYTES
    env = {**os.environ, "ENROLLGAP_JOBS": "2"}
    command = [sys.executable, "-m", "enrollgap", "report", str(path), "-f", "json"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True)
    # interrupt while the children sum their ranges (a fixed wait let a fast machine finish first)
    deadline = time.monotonic() + 30
    while process.poll() is None and len(group_of(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.005)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
    _, stderr = process.communicate(timeout=60)
    if process.returncode == 0:
        pytest.skip("finished before the interrupt")
    assert process.returncode == 130, stderr
    assert b"Traceback" not in stderr
    time.sleep(0.5)
    assert group_of(process.pid) == []


def group_of(leader: int) -> list[str]:
    """The processes of a process group, by pid."""
    return subprocess.run(["pgrep", "-g", str(leader)], capture_output=True, text=True).stdout.split()


def test_jobs_1_reads_on_one_core(tmp_path, small_blocks):
    path = tmp_path / "rows.csv"
    path.write_text(rows(3000))
    one = run("report", str(path), "--jobs", "1", "-f", "json", env={"ENROLLGAP_JOBS": "2"})
    assert one.exit_code == 0 and small_blocks == []
    every = run("report", str(path), "--jobs", "2", "-f", "json", env={"ENROLLGAP_JOBS": "1"})
    assert every.stdout == one.stdout and len(small_blocks) > 1
    assert run("report", str(path), "--jobs", "0").exit_code == 2


def test_counts_in_indonesian_grouped_digits_are_summed_on_every_core(tmp_path, small_blocks, monkeypatch):
    """A file written 1.204;38.500 (--locale id) is read in parallel, not sent back to
    one core; a badly grouped count ("1.20", "1_000.000") still gives one core's error."""
    returned = []
    real = parallel._sum_some

    def recorded(*arguments):
        result = real(*arguments)
        returned.append(result is not None)
        return result

    monkeypatch.setattr(parallel, "_sum_some", recorded)
    monkeypatch.setattr(parallel, "_sum_ranges", in_process)
    lines = [f"Desa {i % 37};Petani;{1000 + i % 97:,};{38_500 + i:,}".replace(",", ".") for i in range(3000)]
    text = "desa;sektor;peserta;potensi\n" + "\n".join(lines) + "\n"
    one, every = both(tmp_path, text, "--locale", "id", "-f", "json")
    assert every.exit_code == one.exit_code == 0 and every.stdout == one.stdout
    assert returned and all(returned)  # every range was summed by a worker
    assert every.json()["total"]["enrolled"] == sum(1000 + i % 97 for i in range(3000))
    for bad in ("1.20", "1_000.000", "\u0661.\u0662\u0660\u0660"):  # "1_000.000" passed for 1.000.000.000 before
        one, every = both(tmp_path, text + f"Desa 1;Petani;{bad};38.500\n", "--locale", "id", "-f", "json")
        assert every.exit_code == one.exit_code == 2 and every.stderr == one.stderr and every.stdout == ""
    looked = []  # each block is looked at whole for grouped digits once they are seen, never in plain digits
    real_grouped_text = parallel.grouped_text
    monkeypatch.setattr(parallel, "grouped_text", lambda *a: looked.append(a) or real_grouped_text(*a))
    one, every = both(tmp_path, text.replace(".", ""), "--locale", "id", "-f", "json")
    assert every.stdout == one.stdout and looked == []
    one, every = both(tmp_path, text, "--locale", "id", "-f", "json")
    assert every.stdout == one.stdout and looked


@pytest.mark.parametrize("digits", ["\u0661\u0662", "\uff11\uff12", "12_04"])
def test_counts_int_reads_and_the_parser_refuses_are_refused_on_every_core_as_on_one(tmp_path, small_blocks, digits):
    """int() reads Arabic-Indic or full-width digits, and "12_04"; the number parser
    refuses them, and so must every core, on a row of ASCII labels or not."""
    for label in ("Desa 1", "D\u00e9sa 1"):
        one, every = both(tmp_path, rows(3000, f"{label},Petani,{digits},20\n"), "-f", "json")
        assert every.exit_code == one.exit_code == 2 and every.stdout == ""
        assert every.stderr == one.stderr and "expected a whole number" in every.stderr


def in_process(ranges, setting, processes):
    """Every range summed here by workers one after the other, each taking every
    processes-th range (groups then first seen by either): a patched _sum_some is
    seen, and what it records is kept (a forked child's records stay in the child)."""
    workers = min(processes, len(ranges))
    return [parallel._sum_some(ranges[k::workers], setting) for k in range(workers)]


def test_where_the_first_range_gives_up_the_children_are_ended_not_waited_for(tmp_path, small_blocks, monkeypatch):
    parent = os.getpid()
    real = parallel._sum_some

    def slow_child(*arguments):
        if os.getpid() != parent:
            time.sleep(60)  # a child still at work when one core must read the file anyway
        return real(*arguments)

    monkeypatch.setattr(parallel, "_sum_some", slow_child)
    path = tmp_path / "rows.csv"
    lines = rows(3000).splitlines(keepends=True)
    path.write_text("".join([*lines[:10], "Desa x,Petani,oops,2\n", *lines[10:]]))  # in the first range
    started = time.monotonic()
    result = run("report", str(path), "-f", "json", env={"ENROLLGAP_JOBS": "2"})
    assert result.exit_code == 2 and "rows.csv:11:3: peserta: read 'oops'" in result.stderr
    assert time.monotonic() - started < 30  # (not the child's 60 s)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # ended and waited for: none left


def test_a_process_the_machine_slows_takes_fewer_ranges(tmp_path, small_blocks, monkeypatch):
    """The ranges are taken one at a time as each process is free, not halved: a slow
    child leaves most of them to the parent, and the output is still one core's."""
    parent = os.getpid()
    real_add = parallel._Sums.add_range
    taken_here = []

    def add_range(self, index, start, end):
        if os.getpid() == parent:
            taken_here.append(index)
        else:
            time.sleep(0.2)  # a child slowed down
        return real_add(self, index, start, end)

    monkeypatch.setattr(parallel._Sums, "add_range", add_range)
    one, every = both(tmp_path, rows(3000), "-f", "json")
    assert every.exit_code == 0 and every.stdout == one.stdout
    assert len(small_blocks) >= 12  # the ranges of the one run that was split
    assert taken_here == sorted(taken_here) and len(set(taken_here)) == len(taken_here)
    assert len(small_blocks) - 3 <= len(taken_here) < len(small_blocks)  # (halves: the child's 0.2 s on each of its)


def test_a_child_that_gives_up_takes_the_tickets_left_so_the_parent_stops_soon(tmp_path, small_blocks, monkeypatch):
    parent = os.getpid()
    real_add = parallel._Sums.add_range
    taken_here = []

    def add_range(self, index, start, end):
        if os.getpid() != parent:
            raise ValueError("a row only one core may decide on")
        taken_here.append(index)
        time.sleep(0.1)  # the parent is slow: the child gives up on its first range meanwhile
        return real_add(self, index, start, end)

    monkeypatch.setattr(parallel._Sums, "add_range", add_range)
    one, every = both(tmp_path, rows(3000), "-f", "json")
    assert every.exit_code == 0 and every.stdout == one.stdout
    # of about 18 ranges (none where the child took them all first); without its draining, all but one
    assert len(taken_here) <= 3


def test_where_no_process_can_be_forked_one_core_reads(tmp_path, small_blocks, summed, monkeypatch):
    def no_fork():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    one, every = both(tmp_path, rows(3000), "-f", "json")
    assert every.exit_code == 0 and every.stdout == one.stdout and summed == [False, False]


def test_ranges_end_after_a_newline_and_read_only_to_it(tmp_path, monkeypatch):
    """Each cut is found by reading a block at a time from where it is wanted: reading
    up to the line limit there (32 MiB) took 12 ms a range on a 33 MiB file."""
    monkeypatch.setattr(parallel, "BLOCK", 64)
    path = tmp_path / "rows.csv"
    path.write_text(rows(3000))
    data = path.read_bytes()
    read = []

    class Counted(io.FileIO):
        def read(self, size=-1):
            piece = super().read(size)
            read.append(len(piece))
            return piece

    monkeypatch.setattr(parallel, "open", Counted, raising=False)
    ranges = parallel._ranges(str(path), 33, len(data), 4)
    assert ranges[0][0] == 33 and ranges[-1][1] == len(data) and len(ranges) == 4
    assert all(a == b for (_, a), (b, _) in zip(ranges, ranges[1:]))  # no gap, no overlap
    assert all(data[end - 1 : end] == b"\n" for _, end in ranges)
    assert sum(read) <= 3 * 64  # one block per cut: a line is shorter than a block


def test_no_cut_in_a_line_longer_than_the_limit(tmp_path, monkeypatch):
    """Where no newline comes within MAX_LINE bytes of the wanted cut, the file is not
    cut there: the rest is one range (one core then says the line is too long)."""
    monkeypatch.setattr(parallel, "BLOCK", 64)
    monkeypatch.setattr(parallel, "MAX_LINE", 1000)
    path = tmp_path / "rows.csv"
    short = b"a,1,2\n" * 20  # 120 bytes
    path.write_bytes(short + b"x" * 3000 + b",1,2\n" + short)  # the wanted cut, 1622, is 1502 from a newline
    assert parallel._ranges(str(path), 0, 3245, 2) == [(0, 3245)]
    path.write_bytes(short + b"x" * 900 + b",1,2\n" + short)  # the wanted cut, 572, is 453 from one
    assert parallel._ranges(str(path), 0, 1145, 2) == [(0, 1025), (1025, 1145)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=tables(), cuts=st.lists(st.floats(0, 1), min_size=1, max_size=4), block=st.sampled_from([1, 5, 16, 64]))
def test_every_core_reads_any_table_cut_anywhere_as_one_core_does(tmp_path, monkeypatch, table, cuts, block):
    """Byte ranges cut at any line ends, read in blocks of any size, merged: the same
    groups, first lines, findings, notes and first error as one core gives."""
    from enrollgap.errors import InputError
    from enrollgap.read import ReadOptions, read_input

    text, locale, name, odd, group_by = table
    path = tmp_path / name
    path.write_bytes(text.encode())
    split = []

    def ranges(path, start, size, parts):
        with open(path, "rb") as stream:
            wanted = (start + int(cut * (size - start)) for cut in cuts)
            ends = {parallel._after_newline(stream, at) for at in wanted} - {None}
        bounds = [start, *sorted(end for end in ends if start < end < size), size]
        split[:] = list(zip(bounds, bounds[1:]))
        return split

    monkeypatch.setattr(parallel, "MIN_BYTES", 1)
    monkeypatch.setattr(parallel, "BLOCK", block)
    monkeypatch.setattr(parallel, "_ranges", ranges)
    monkeypatch.setattr(parallel, "_sum_ranges", in_process)
    merged = record_summed(monkeypatch)

    def outcome(jobs):
        try:
            read = read_input(str(path), ReadOptions(locale=locale, jobs=jobs, group_by=group_by))
        except InputError as error:
            return str(error)
        return [(g.sector, g.region, g.enrolled, g.potential, g.origin) for g in read.groups], read.findings, read.notes

    one = outcome(1)
    assert outcome(2) == one
    if odd is None and "\r" not in text and len(split) > 1:
        assert merged == [False, True]  # jobs 1, then every core really summed the ranges


def test_a_worker_leaves_nothing_for_the_cycle_collector(tmp_path):
    import gc

    path = tmp_path / "rows.csv"
    path.write_text(rows(3000))
    size = path.stat().st_size
    setting = (str(path), ",", 4, (2, 3), [0, 1], 2, None, None)
    start = parallel._start(str(path), 1)
    parallel._sum_some([(0, start, size)], setting)
    gc.collect()
    gc.disable()
    try:
        sums, newlines = parallel._sum_some([(0, start, size)], setting)
        assert gc.collect() == 0
    finally:
        gc.enable()
    assert newlines == {0: 3000} and sum(acc[0] for acc in sums.values()) == sum(i % 97 for i in range(3000))
