"""The one exception type for bad input, with where in the input it was found."""

from __future__ import annotations


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
        # One line, whatever the input held: a newline in a quoted value would split it.
        return text.replace("\r", "\\r").replace("\n", "\\n")
