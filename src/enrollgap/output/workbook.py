"""A result as an .xlsx workbook (-f xlsx), through XlsxWriter in the excel extra:
the machine records as a sheet, numbers as numbers, so Excel in any locale
shows them in its own style (1.340.000 in an Indonesian Excel)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from ..errors import InputError

INSTALL = "pip install 'enrollgap[excel]'"
SHEETS = {"ReportResult": "Report", "ProjectResult": "Project", "CheckResult": "Check"}


def workbook_bytes(fields: Sequence[str], rows: Any, kind: str) -> bytes:
    """The rows as one sheet of a workbook: a bold header, numbers as numbers, text as text."""
    try:
        import xlsxwriter
    except ImportError:
        raise InputError(f"-f xlsx needs the excel extra: {INSTALL}") from None
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    sheet = book.add_worksheet(SHEETS.get(kind, "enrollgap"))
    bold = book.add_format({"bold": True})
    for column, name in enumerate(fields):
        sheet.write_string(0, column, name, bold)
    for line, row in enumerate(rows, 1):
        for column, name in enumerate(fields):
            value = row.get(name)
            if value is None:
                continue
            if isinstance(value, bool):
                sheet.write_boolean(line, column, value)
            elif isinstance(value, (int, float)):
                sheet.write_number(line, column, value)
            else:
                sheet.write_string(line, column, str(value))  # a string cell: "=cmd" is never a formula
    sheet.freeze_panes(1, 0)
    book.close()
    return buffer.getvalue()
