"""Files written whole or not at all: a temporary file beside the target, renamed into
place, so a full disk or Ctrl-C never leaves half a file over an old one."""

from __future__ import annotations

import contextlib
import os


def save(path: str, text: str) -> None:
    """Write a picture through a temporary file renamed into place: a full disk or
    Ctrl-C never leaves half a picture over an old one."""
    save_bytes(path, text.encode("utf-8"))


def save_bytes(path: str, data: bytes) -> None:
    """Write a file whole or not at all: a temporary file beside it, renamed into place.
    A target that is not a regular file (/dev/null, /dev/stdout, a FIFO, a device) is
    written to in place: renaming a file over it would replace it for every later
    program."""
    import stat
    import tempfile  # only when a file is written (a report to stdout never loads it)

    try:
        special = not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:  # none there yet (or a link to nowhere): a new regular file
        special = False
    if special or os.path.abspath(path).startswith(("/dev/", "/proc/")):  # /dev/stdout may lead to a file
        with open(path, "wb") as out:
            out.write(data)
        return
    path = os.path.realpath(path)  # through a link: the file it leads to is replaced, not the link

    folder = os.path.dirname(os.path.abspath(path))
    try:
        handle, temporary = tempfile.mkstemp(prefix=".enrollgap-", suffix=".tmp", dir=folder)
    except OSError as error:  # name the file asked for, not the temporary one
        raise OSError(error.errno, error.strerror, path) from None
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as open() would have made it, not mkstemp's 0600
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
