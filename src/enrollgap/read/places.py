"""Where a row and its cells are, for messages: each format says it its own way
("rows.csv:4:2", "kec.xlsx:Rekap!C7", a JSON object's line and column)."""

from __future__ import annotations

# (source, line, column) as InputError takes them; a spreadsheet's cell is all in the
# source part ("kec.xlsx:Rekap!C7", None, None).
Place = tuple[str, int | None, int | str | None]


class Places:
    """Rows of a text table: a row's position is its line, a cell's its column (from 1)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def line(self, pos: object) -> int:
        """The row's line, for the notes."""
        assert isinstance(pos, int)
        return pos

    def where(self, pos: object, column: int | None) -> Place:
        """The row, or one of its cells (``column`` from 1)."""
        return (self.name, self.line(pos), column)

    def cell(self, pos: object, column: int) -> Place:
        """A count cell, for its error."""
        return self.where(pos, column)

    def finding(self, pos: object, column: int | None) -> str:
        """The row, or one of its cells, for a warning: "rows.csv:4", "rows.csv:4:2"."""
        return ":".join(str(part) for part in self.where(pos, column) if part is not None)

    def origin(self, pos: object) -> str:
        """Where a group was first read: "rows.csv:3"."""
        return f"{self.name}:{self.line(pos)}"
