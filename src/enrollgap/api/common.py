"""What the three entry points share: the default base year, and refusing no input."""

from __future__ import annotations

import time
from collections.abc import Sequence

from ..errors import InputError


def this_year() -> int:
    """The base year when none is given."""
    return time.localtime().tm_year


def require_rows(groups: Sequence[object], what: str, source: str | None) -> None:
    """No groups (or cases) at all is an input error, naming what was read."""
    if not groups:
        raise InputError(f"no rows to {what}", source)
