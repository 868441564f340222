"""The errors that are the input's fault: each is one line for the user, exit 2.

They live here, apart from the modules that raise them, so that the command
line can catch them all without importing every module.
"""

from __future__ import annotations


class DataError(ValueError):
    """Counts that cannot be reported on (enrolled workers out of a potential of 0)."""


class ProjectionError(ValueError):
    """A projection that cannot be made as asked; str() says why and what to do instead."""


class CheckError(ValueError):
    """A case that cannot be checked (a potential of 0); str() says why."""


class InputError(Exception):
    """Bad input: str() is one line, "FILE:LINE:COLUMN: message" where those are known."""

    def __init__(
        self,
        message: str,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = [str(part) for part in (self.source, self.line, self.column) if part is not None]
        text = ":".join([*where, " " + self.message]) if where else self.message
        # One line, whatever the input held, and no terminal control characters:
        # the message may quote a value read from the input.
        from .labels import visible

        return visible(text, 1000)
