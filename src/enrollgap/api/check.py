"""``check``: does each published percentage agree with its published counts?"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import ClassVar, Literal

from ..consistency import Case, Verdict, check_case
from ..errors import CheckError, ExitStatus, OptionError
from .common import require_rows


@dataclass
class CheckResult:
    """One verdict per case, in input order; ``consistent`` when every one is."""

    command: ClassVar[Literal["check"]] = "check"  # which command this answers; output dispatches on it

    verdicts: tuple[Verdict, ...]

    @property
    def consistent(self) -> bool:
        return all(v.consistent for v in self.verdicts)

    @property
    def exit_status(self) -> ExitStatus:
        """FINDING when any published case does not add up, else OK."""
        return ExitStatus.OK if self.consistent else ExitStatus.FINDING


@dataclass(frozen=True)
class CheckOptions:
    """How strictly to check: each reported percentage widened by ``tolerance_pp`` points each side."""

    tolerance_pp: Fraction = Fraction(0)

    def __post_init__(self) -> None:
        if self.tolerance_pp < 0:
            raise OptionError("cannot be negative", "--tolerance")


def check(cases: Sequence[Case], options: CheckOptions = CheckOptions(), source: str | None = None) -> CheckResult:
    """Does each published percentage agree with its published counts?"""
    require_rows(cases, "check", source)
    verdicts = []
    for case in cases:
        try:
            verdicts.append(check_case(case.enrolled, case.potential, case.reported, options.tolerance_pp, case.label))
        except CheckError as error:
            raise CheckError(error.message, case.origin) from None
    return CheckResult(tuple(verdicts))
