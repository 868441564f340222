"""Every core for a big CSV/TSV file: the data rows split on line boundaries into byte
ranges, summed at once (the first here, each other in a forked child), merged in
input order.

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
from collections.abc import Sequence
from contextlib import suppress
from itertools import count, repeat
from operator import itemgetter
from typing import BinaryIO, NoReturn

from .cells import grouped_pair, grouped_text, int_agrees
from .labels import plain_label, special_labels
from .options import MAX_LINE, STDIN
from .source import Source
from .table import KNOWN

# Below this many bytes one core is faster than starting processes (measured on a
# 2-core machine: the break-even is near 4 MB).
MIN_BYTES = 8 * 2**20
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


def _sum_range(
    path: str, start: int, end: int, delimiter: str, width: int, counts: tuple[int, int], keys: Sequence[int],
    labels: int, separator: str | None, left_out: int | None,
) -> tuple[dict, int] | None:  # fmt: skip
    """(sums with lines counted from the range's start, newlines in the range), or
    None when the range holds a row only the one-core reader may decide on."""
    try:
        return _sum_block(path, start, end, delimiter, width, counts, keys, labels, separator, left_out)
    except (UnicodeDecodeError, ValueError, OSError):
        return None  # one core says what is wrong, where


def _sum_block(
    path: str, start: int, end: int, delimiter: str, width: int, counts: tuple[int, int], keys: Sequence[int],
    labels: int, separator: str | None, left_out: int | None,
) -> tuple[dict, int] | None:  # fmt: skip
    ie, ip = counts
    key_of = itemgetter(*keys)
    in_groups = False  # True once a row shows grouped digits ("1.204" with separator ".")
    one_label = len(keys) == 1 and labels == 1 and left_out is None  # the key is the label itself
    sums: dict = {}
    known: set[str] = set()  # labels of the column --group-by leaves out, found neither totals nor blanks
    other = None  # the last of them, asked again only where it changes
    lines = 0  # newlines before the current block, within the range
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
                    return None
                carry = data
                continue
            block, carry = data[:cut], data[cut:]
            if b'"' in block or b"\r" in block:
                return None  # a field may hold a newline, or CR line ends count otherwise: one core reads
            text = block.decode("utf-8")
            plain = int_agrees(text)  # else each count cell is asked: int() reads "\u0661\u0662" as 12
            # (as Rows.grouped: looked at once grouped digits are seen, a file in plain digits never)
            grouped = in_groups and plain and grouped_text(text, separator, delimiter)  # type: ignore[arg-type]
            marked = grouped and one_label  # split with its marks made "_" (as Rows.marked)
            signed = "-" in text  # (as Rows.signed: without one, no count is negative)
            rows = (text.replace(separator, "_") if marked else text).split("\n")  # type: ignore[arg-type]
            # (no quotes in the range: a newline ends a row)
            if rows and rows[-1] == "":
                rows.pop()
            # No quote, no CR: str.split is what csv.reader would make of each row (see Rows).
            for cells, line in zip(map(str.split, rows, repeat(delimiter)), count(lines + 1)):
                if len(cells) != width:
                    return None
                if not plain and not (int_agrees(cells[ie]) and int_agrees(cells[ip])):
                    return None  # the number parser decides ("\u0661\u0662", "12_04"): one core says so
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
                        return None
                    try:  # the other of plain and grouped digits (the one-core loop does the same)
                        if in_groups:
                            enrolled, potential = int(cells[ie]), int(cells[ip])
                        else:
                            enrolled, potential = grouped_pair(cells[ie], cells[ip], separator)
                            in_groups = True
                            grouped = plain and grouped_text(text, separator, delimiter)
                    except ValueError:
                        return None
                if signed and (enrolled | potential) < 0:
                    return None
                key = key_of(cells)
                if marked and "_" in key:  # a mark in the label ("Desa 1.200"): put back
                    key = key.replace("_", separator)
                if left_out is not None and cells[left_out] != other:
                    other = cells[left_out]
                    if not plain_label(other) and other not in known:  # (plain_label: most, in one step)
                        if special_labels((other,), True):
                            return None  # a total, a summary or a blank: one core decides
                        if len(known) >= KNOWN:
                            known.clear()  # memory stays flat
                        known.add(other)
                acc = sums.get(key)
                if acc is None:
                    parts = key if isinstance(key, tuple) else (key,)
                    if special_labels(parts[:labels], True):  # a total, or a blank: one core decides
                        return None
                    sums[key] = [enrolled, potential, line]
                else:
                    acc[0] += enrolled
                    acc[1] += potential
            lines += block.count(b"\n")
    return sums, lines


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
    ranges = _ranges(path, start, size, processes)
    delimiter = source.delimiter or ","
    separator = None if separator == delimiter else separator
    if len(ranges) < 2:
        return None
    arguments = [
        (path, a, b, delimiter, width, counts, keys, labels, separator, left_out) for a, b in ranges
    ]  # fmt: skip
    results = _sum_ranges(arguments, processes)
    if any(result is None for result in results):
        return None
    merged: dict = {}
    lines_before = header_line
    for result in results:
        assert result is not None
        sums, newlines = result
        for key, (enrolled, potential, line) in sums.items():
            acc = merged.get(key)
            if acc is None:
                merged[key] = [enrolled, potential, lines_before + line]
            else:
                acc[0] += enrolled
                acc[1] += potential
        lines_before += newlines
    return merged


def _sum_ranges(arguments: list[tuple], processes: int) -> list[tuple[dict, int] | None]:
    """Each range's sums: the first here, the others in child processes, all at once."""
    if FORK:
        return _forked(arguments)
    # Imported here, the one place that runs a pool: multiprocessing costs about 25 ms
    # of start-up, and only where fork is not (Windows) and only for files past MIN_BYTES.
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(processes, len(arguments))) as pool:
        return list(pool.map(_sum_range_star, arguments))


def _forked(arguments: list[tuple]) -> list[tuple[dict, int] | None]:
    """The first range summed here while a forked child sums each other one and hands
    its sums back through a pipe (marshal: plain dicts, lists, strings and numbers).
    A child that fails gives None. Where this range gives up, or Ctrl-C comes, every
    child is ended before this goes on; where no child can be forked, one core reads."""
    children: list[tuple[int, int]] = []  # (pid, the pipe's end to read)
    try:
        for each in arguments[1:]:
            read_end, write_end = os.pipe()
            # Ctrl-C waits until the child is in its try: it never runs our caller's code
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
            try:
                pid = os.fork()
                if pid == 0:
                    _child(each, read_end, write_end)  # (never returns)
            except OSError:  # no process to be had (a limit, the memory): one core reads
                os.close(read_end)
                return [None]
            finally:
                os.close(write_end)
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
            children.append((pid, read_end))
        results = [_sum_range(*arguments[0])]
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
        for pid, read_end in children:  # interrupted (Ctrl-C): no child outlives us
            with suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            with suppress(OSError):
                os.waitpid(pid, 0)
            with suppress(OSError):
                os.close(read_end)


def _child(each: tuple, read_end: int, write_end: int) -> NoReturn:
    """A forked child: sums its range, writes the sums, and ends without running
    anything of its parent's (no buffers flushed, no handlers at exit)."""
    status = 1
    try:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        os.close(read_end)
        with open(write_end, "wb") as out:
            out.write(marshal.dumps(_sum_range(*each)))
        status = 0
    finally:
        os._exit(status)


def _sum_range_star(arguments: tuple) -> tuple[dict, int] | None:
    return _sum_range(*arguments)
