"""Every core for a big CSV/TSV file: the data rows split on line boundaries into byte
ranges of about a MiB, which this process and a forked child for each other core
take one at a time as they are free (a process the machine slows takes fewer), each
into one dict of its own; the dicts merged in input order.

Only the plain case runs here: a regular UTF-8 file whose ranges hold no quote
character (so no field holds a newline) and no CR, and whose rows are all whole
counts of labels that are neither totals nor blanks to fill down. A range that
meets anything else (a bad cell, a footnote, a total row, a blank row) gives up,
and the file is read again on one core, so what the user sees, errors included,
is what one core gives.
"""

from __future__ import annotations

import marshal
import os
import signal
from collections.abc import Iterable, Iterator, Sequence
from contextlib import suppress
from itertools import accumulate, repeat
from operator import itemgetter
from typing import BinaryIO, NoReturn

from .cells import grouped_pair, grouped_text, int_agrees
from .compiled import plain_rows
from .labels import plain_label, special_labels
from .options import MAX_LINE, STDIN
from .source import Source
from .table import KNOWN

# Below this many bytes one core is faster than starting processes (measured on a
# 2-core machine: the break-even is near 4 MB).
MIN_BYTES = 8 * 2**20
RANGE = 2**20  # bytes a process takes at a time (about 15 ms of work)
MAX_RANGES = 255  # (a range's ticket is one byte)
BLOCK = 64 * 1024  # bytes read at a time (as source.PIECE: 1 MiB took 5% longer a row)
FORK = hasattr(os, "fork")  # POSIX: children are forked; elsewhere (Windows) a process pool


def jobs(given: int | None = None) -> int:
    """The processes to use: --jobs, else ENROLLGAP_JOBS, else the cores this process may run on."""
    if given is not None:
        return max(given, 1)
    wanted = os.environ.get("ENROLLGAP_JOBS", "").strip()
    if wanted.isdigit() and int(wanted) >= 1:
        return int(wanted)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _eligible(source: Source, size: int, processes: int) -> bool:
    return (
        source.name != STDIN
        and source.format in ("csv", "tsv")
        and source.encoding.replace("-sig", "") in ("utf-8", "utf8")
        and size >= MIN_BYTES
        and processes > 1
    )


def _start(path: str, header_line: int) -> int | None:
    """The byte offset where the data rows start (after header_line lines); None when
    the file ends first."""
    seen = 0  # newlines so far
    position = 0
    with open(path, "rb") as stream:
        while block := stream.read(BLOCK):
            count = block.count(b"\n")
            if seen + count >= header_line:
                index = -1
                for _ in range(header_line - seen):
                    index = block.find(b"\n", index + 1)
                return position + index + 1
            seen += count
            position += len(block)
    return None


def _ranges(path: str, start: int, size: int, parts: int) -> list[tuple[int, int]]:
    """[start, end) byte ranges that each end after a newline, about equal in size."""
    step = max((size - start) // parts, BLOCK)
    bounds = [start]
    with open(path, "rb") as stream:
        while bounds[-1] + step < size:
            after = _after_newline(stream, bounds[-1] + step)
            if after is None:
                break
            bounds.append(after)
    bounds.append(size)
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _after_newline(stream: BinaryIO, position: int) -> int | None:
    """The offset just after the first newline at or after position, read a block at
    a time (a line is short; reading MAX_LINE bytes to find its end took 12 ms a
    range); None when no newline comes within MAX_LINE bytes."""
    stream.seek(position)
    for scanned in range(0, MAX_LINE, BLOCK):
        piece = stream.read(min(BLOCK, MAX_LINE - scanned))
        cut = piece.find(b"\n")
        if cut >= 0:
            return position + scanned + cut + 1
        if len(piece) < BLOCK:  # the end of the file
            return None
    return None


# A group's first line as a worker keeps it: the range's index above SHIFT bits, the
# line within the range below (a range never holds 2**40 lines).
SHIFT = 40
LINE = 2**SHIFT - 1


def _sum_some(ranges: Iterable[tuple[int, int, int]], setting: tuple) -> tuple[dict, dict[int, int]] | None:
    """The sums of the ranges given as (index, start, end), in rising order of index:
    one dict of [enrolled, potential, first] (first: index << SHIFT | the line in the
    range, of the group's first row here) and each range's newlines by index; None
    where a range holds a row only the one-core reader may decide on."""
    summing = _Sums(*setting)
    try:
        for index, start, end in ranges:
            summing.add_range(index, start, end)
    except (UnicodeDecodeError, ValueError, OSError):
        return None  # one core says what is wrong, where
    finally:
        summing.plain_rows = summing.marked_rows = None  # type: ignore[assignment]  # (they hold its methods: a cycle)
    return summing.sums, summing.newlines


class _Sums:
    """One worker's sums over the ranges it takes, in rising order: one dict for all of
    them (its memory is that of the groups, not of the ranges). Each method raises
    ValueError where one core must decide."""

    def __init__(
        self, path: str, delimiter: str, width: int, counts: tuple[int, int], keys: Sequence[int], labels: int,
        separator: str | None, left_out: int | None,
    ) -> None:  # fmt: skip
        self.path, self.delimiter, self.width, self.labels = path, delimiter, width, labels
        self.counts, self.key_of, self.separator, self.left_out = counts, itemgetter(*keys), separator, left_out
        self.one_label = len(keys) == 1 and labels == 1 and left_out is None  # the key is the label itself
        self.in_groups = False  # True once a row shows grouped digits ("1.204" with separator ".")
        self.sums: dict = {}
        self.known: set[str] = set()  # labels of the column --group-by leaves out, found neither totals nor blanks
        self.other: str | None = None  # the last of them, asked again only where it changes
        self.newlines: dict[int, int] = {}  # by range
        columns = (delimiter, width, counts, keys, left_out, self.ordinary, self.new_group)
        self.plain_rows = plain_rows(*columns)
        self.marked_rows = plain_rows(*columns, marked=True) if self.one_label else self.plain_rows

    def add_range(self, index: int, start: int, end: int) -> None:
        separator = self.separator
        base = lines = index << SHIFT  # (then the newlines before the block, within the range)
        for block in _blocks(self.path, start, end):
            if b'"' in block or b"\r" in block:
                raise ValueError("a quote or a CR")  # a field may hold a newline, or CR line ends count otherwise
            text = block.decode("utf-8")
            plain = int_agrees(text)  # else each count cell is asked: int() reads "\u0661\u0662" as 12
            signed = "-" in text  # (as Rows.signed: without one, no count is negative)
            if plain and (separator is None or separator not in text):  # most blocks
                rows, loop = _lines(text), self.plain_rows
            elif plain and self.in_groups and self.one_label and grouped_text(text, separator, self.delimiter):  # type: ignore[arg-type]
                # grouped digits, every mark where the parser reads it: made "_" (as Rows.marked)
                rows, loop = _lines(text.replace(separator, "_")), self.marked_rows  # type: ignore[arg-type]
            else:
                rows, loop = self.add_any(text, lines + 1, plain, signed), None
            if loop is not None:
                stop, self.other = loop(rows, lines + 1, signed, self.sums, self.other)
                if stop < len(rows):  # (a row only the general loop reads, or gives up on; it finds the marks)
                    self.add_any(text, lines + 1 + stop, plain, signed, rows[stop:])
            lines += len(rows) if text.endswith("\n") else len(rows) - 1  # (bytes.count: 5% of the loop)
        self.newlines[index] = lines - base

    def ordinary(self, label: str) -> bool:
        """False where a label of the column --group-by leaves out (one plain_label
        could not clear) is a total, a summary or a blank: one core decides."""
        known = self.known  # those found ordinary (memory stays flat: emptied at KNOWN)
        if label in known:
            return True
        if special_labels((label,), True):
            return False
        if len(known) >= KNOWN:
            known.clear()
        known.add(label)
        return True

    def new_group(self, key: object, enrolled: int, potential: int, line: int) -> bool:
        """Adds a group; False where its labels hold a total or a blank (one core decides)."""
        parts = key if isinstance(key, tuple) else (key,)
        if special_labels(parts[: self.labels], True):
            return False
        self.sums[key] = [enrolled, potential, line]
        return True

    def add_any(self, text: str, first: int, plain: bool, signed: bool, rows: list[str] | None = None) -> list[str]:
        """The rows of any block (or ``rows``, the rest of one the compiled loop left): counts perhaps
        in grouped digits, or in text int() may read otherwise than the number parser;
        ValueError where one core must decide."""
        delimiter, width, key_of, left_out = self.delimiter, self.width, self.key_of, self.left_out
        separator, sums, other, in_groups = self.separator, self.sums, self.other, self.in_groups
        ie, ip = self.counts
        # (as Rows.grouped: looked at once grouped digits are seen, a file in plain digits never)
        grouped = in_groups and plain and grouped_text(text, separator, delimiter)  # type: ignore[arg-type]
        marked = grouped and self.one_label  # split with its marks made "_" (as Rows.marked)
        if rows is None:
            rows = _lines(text.replace(separator, "_") if marked else text)  # type: ignore[arg-type]
        for line, cells in enumerate(map(str.split, rows, repeat(delimiter)), first):
            if len(cells) != width:
                raise ValueError("a row of another width")
            if not plain and not (int_agrees(cells[ie]) and int_agrees(cells[ip])):
                raise ValueError("digits int() reads otherwise")  # ("\u0661\u0662", "12_04"): one core says so
            try:
                if marked or not in_groups:  # (marked: "1_204", as int() reads it)
                    enrolled, potential = int(cells[ie]), int(cells[ip])
                elif grouped:
                    enrolled = int(cells[ie].replace(separator, "_"))  # type: ignore[arg-type]
                    potential = int(cells[ip].replace(separator, "_"))  # type: ignore[arg-type]
                else:
                    enrolled, potential = grouped_pair(cells[ie], cells[ip], separator)  # type: ignore[arg-type]
            except ValueError:
                if separator is None:
                    raise
                # the other of plain and grouped digits (the one-core loop does the same); else ValueError
                if in_groups:
                    enrolled, potential = int(cells[ie]), int(cells[ip])
                else:
                    enrolled, potential = grouped_pair(cells[ie], cells[ip], separator)
                    self.in_groups = in_groups = True
                    grouped = plain and grouped_text(text, separator, delimiter)
            if signed and (enrolled | potential) < 0:
                raise ValueError("a negative count")
            key = key_of(cells)
            if marked and "_" in key:  # a mark in the label ("Desa 1.200"): put back
                key = key.replace("_", separator)
            if left_out is not None and cells[left_out] != other:
                other = cells[left_out]
                if not plain_label(other) and not self.ordinary(other):
                    raise ValueError("a total or a blank label")
            acc = sums.get(key)
            if acc is None:
                if not self.new_group(key, enrolled, potential, line):
                    raise ValueError("a total or a blank label")
            else:
                acc[0] += enrolled
                acc[1] += potential
        self.other = other
        return rows


def _blocks(path: str, start: int, end: int) -> Iterator[bytes]:
    """The bytes [start, end) of path, a block at a time, each cut after its last
    newline (the last block excepted); ValueError for a line past MAX_LINE."""
    carry = b""
    with open(path, "rb") as stream:
        stream.seek(start)
        left = end - start
        while left > 0 or carry:
            chunk = stream.read(min(BLOCK, left)) if left > 0 else b""
            left -= len(chunk)
            data = carry + chunk
            cut = data.rfind(b"\n") + 1 if left > 0 else len(data)
            if cut == 0:
                if len(data) > MAX_LINE:
                    raise ValueError("a line longer than the limit")
                carry = data
                continue
            yield data[:cut]
            carry = data[cut:]


def _lines(text: str) -> list[str]:
    """The rows of a block: no quote in it, so a newline ends each."""
    rows = text.split("\n")
    if rows and rows[-1] == "":
        rows.pop()
    return rows


def sum_parallel(
    source: Source,
    header_line: int,
    width: int,
    counts: tuple[int, int],
    keys: Sequence[int],
    labels: int,
    separator: str | None = None,
    given: int | None = None,
    left_out: int | None = None,
) -> dict | None:
    """The sums of the data rows after header_line, in input order with their first
    lines, computed on every core; None when the file is not for this (one core then).
    ``separator`` is the locale's thousands separator, for counts in grouped digits;
    a total or a blank label is left to one core, in ``left_out`` too (the label column
    --group-by leaves out)."""
    path = source.name
    try:
        size = os.path.getsize(path)
    except OSError:
        return None
    processes = jobs(given)
    if not _eligible(source, size, processes):
        return None
    start = _start(path, header_line)
    if start is None:
        return None
    # More ranges than processes, taken one at a time as each process is free: a process
    # slowed by the machine takes fewer (two fixed halves finished 0.29 s and 0.42 s after the fork, in one run).
    parts = min(MAX_RANGES, max(processes, (size - start) // RANGE))
    ranges = [(index, *bounds) for index, bounds in enumerate(_ranges(path, start, size, parts))]
    if len(ranges) < 2:
        return None
    delimiter = source.delimiter or ","
    separator = None if separator == delimiter else separator
    setting = (path, delimiter, width, counts, keys, labels, separator, left_out)
    results = _sum_ranges(ranges, setting, processes)
    if any(result is None for result in results):
        return None
    return _merged(results, len(ranges), header_line)  # type: ignore[arg-type]


def _merged(results: list[tuple[dict, dict[int, int]]], ranges: int, header_line: int) -> dict | None:
    """The workers' sums as one dict, in input order (the order of each group's first
    line), with each group's first line in the file."""
    newlines: dict[int, int] = {}
    for _, each in results:
        newlines.update(each)
    if len(newlines) != ranges:
        return None  # (every range is summed by one worker or another: never here)
    before = list(accumulate((newlines[index] for index in range(ranges)), initial=header_line))
    merged, *others = (sums for sums, _ in results)
    for sums in others:
        for key, (enrolled, potential, first) in sums.items():
            acc = merged.get(key)
            if acc is None:
                merged[key] = [enrolled, potential, first]
            else:
                acc[0] += enrolled
                acc[1] += potential
                acc[2] = min(acc[2], first)
    for acc in merged.values():
        acc[2] = before[acc[2] >> SHIFT] + (acc[2] & LINE)
    if not others:
        return merged
    # Each worker's groups came in input order: a few runs, which sorted() merges.
    return dict(sorted(merged.items(), key=_first_line))


def _first_line(item: tuple[object, list[int]]) -> int:
    return item[1][2]


def _sum_ranges(
    ranges: list[tuple[int, int, int]], setting: tuple, processes: int
) -> list[tuple[dict, dict[int, int]] | None]:
    """Each worker's sums: this process and processes - 1 more, at once."""
    if FORK:
        return _forked(ranges, setting, processes)
    # Imported here, the one place that runs a pool: multiprocessing costs about 25 ms
    # of start-up, and only where fork is not (Windows) and only for files past MIN_BYTES.
    from concurrent.futures import ProcessPoolExecutor

    workers = min(processes, len(ranges))
    shares = [(ranges[k::workers], setting) for k in range(workers)]  # (in rising order, each)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_sum_some_star, shares))


def _forked(
    ranges: list[tuple[int, int, int]], setting: tuple, processes: int
) -> list[tuple[dict, dict[int, int]] | None]:
    """The ranges summed here and in processes - 1 forked children, each taking the
    next range from a pipe of tickets (one byte each) when it is free; a child hands
    its sums back through a pipe of its own (marshal: plain dicts, lists, strings
    and numbers). A child that fails gives None. Where a range here gives up, or
    Ctrl-C comes, every child is ended before this goes on; where no child can be
    forked, one core reads."""
    children: list[tuple[int, int]] = []  # (pid, the pipe's end to read)
    tickets, write_tickets = os.pipe()
    try:
        os.write(write_tickets, bytes(range(len(ranges))))  # (at most 255 bytes: a pipe holds more)
    finally:
        os.close(write_tickets)
    try:
        for _ in range(min(processes, len(ranges)) - 1):
            read_end, write_end = os.pipe()
            # Ctrl-C waits until the child is in its try: it never runs our caller's code
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
            try:
                pid = os.fork()
                if pid == 0:
                    _child(tickets, ranges, setting, read_end, write_end)  # (never returns)
            except OSError:  # no process to be had (a limit, the memory): one core reads
                os.close(read_end)
                return [None]
            finally:
                os.close(write_end)
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
            children.append((pid, read_end))
        results = [_sum_some(_taken(tickets, ranges), setting)]
        if results[0] is None:
            return results  # one core reads the file again: the children are ended, not waited for
        while children:
            pid, read_end = children[0]
            with open(read_end, "rb") as stream:
                data = stream.read()
            children.pop(0)
            _, status = os.waitpid(pid, 0)
            results.append(marshal.loads(data) if status == 0 and data else None)
        return results
    finally:
        os.close(tickets)
        for pid, read_end in children:  # interrupted (Ctrl-C): no child outlives us
            with suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            with suppress(OSError):
                os.waitpid(pid, 0)
            with suppress(OSError):
                os.close(read_end)


def _taken(tickets: int, ranges: list[tuple[int, int, int]]) -> Iterator[tuple[int, int, int]]:
    """The ranges this process takes, one at a time (each byte read is one range's
    index, read by one process only), until none is left. A process that gives up
    stops taking them."""
    while ticket := os.read(tickets, 1):
        yield ranges[ticket[0]]


def _child(tickets: int, ranges: list[tuple[int, int, int]], setting: tuple, read_end: int, write_end: int) -> NoReturn:
    """A forked child: sums the ranges it takes, writes the sums, and ends without
    running anything of its parent's (no buffers flushed, no handlers at exit). Where
    it gives up, it takes every ticket left first: the others stop after their range."""
    status = 1
    try:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        os.close(read_end)
        result = _sum_some(_taken(tickets, ranges), setting)
        if result is None:
            while os.read(tickets, MAX_RANGES):
                pass
        with open(write_end, "wb") as out:
            out.write(marshal.dumps(result))
        status = 0
    finally:
        os._exit(status)


def _sum_some_star(share: tuple) -> tuple[dict, dict[int, int]] | None:
    return _sum_some(*share)
