"""Exit statuses, and the one error base for everything that is the user's to fix.

Every error here is one line for the user and carries its exit status, so the
command line catches ``EnrollgapError`` alone and never needs to know which
module raised it.
"""

from __future__ import annotations

from enum import IntEnum

from .text import visible


class ExitStatus(IntEnum):
    """The process exit codes of the interface."""

    OK = 0
    FINDING = 1  # --fail-under not met, or check found an inconsistent row
    ERROR = 2  # usage or input error: one line on stderr, nothing on stdout
    INTERRUPTED = 130  # Ctrl-C


class EnrollgapError(ValueError):
    """Something the user can fix: str() is one line, "FILE:LINE:COLUMN: message"
    where those are known, with control characters written out."""

    exit_status = ExitStatus.ERROR

    def __init__(
        self,
        message: str,
        source: str | None = None,
        line: int | None = None,
        column: int | str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = [str(part) for part in (self.source, self.line, self.column) if part is not None]
        text = ":".join([*where, " " + self.message]) if where else self.message
        # The message may quote a value read from the input: keep it one safe line.
        return visible(text, 1000)


class InputError(EnrollgapError):
    """The input cannot be read or makes no sense (a bad cell, enrolled out of a potential of 0)."""


class NumberError(EnrollgapError):
    """A value that is not a valid number in the chosen locale; str() says why."""


class OptionError(EnrollgapError):
    """An option's value, or a combination of options, that cannot be used.

    ``option`` names the option ("--target"), when one is to blame.
    """

    def __init__(self, message: str, option: str | None = None) -> None:
        super().__init__(f"{option}: {message}" if option else message)
        self.option = option


class DataError(InputError):
    """Counts that cannot be reported on (enrolled workers out of a potential of 0)."""


class CheckError(InputError):
    """A published case that cannot be checked (a potential of 0)."""


class ProjectionError(OptionError):
    """A projection that cannot be made as asked; str() says why and what to do instead."""
