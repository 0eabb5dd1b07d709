"""Text from the share stays text in every workbook and CSV this program writes.

Product names, order numbers, worker and list names come from files that other programs and
people write. A value such as ``=HYPERLINK("http://x","click")`` or ``=cmd|' /C calc'!A0``
must never become a formula in a report or an export. The one rule, used by the completed
list's report, the Session Browser's exports and ``stats export``:

* numbers (``int``/``float``, not ``bool``) stay numbers, also negative ones; ``None`` stays
  an empty cell; everything else is text;
* CSV: text starting with ``=``, ``+``, ``-``, ``@``, a tab or a CR gets a leading ``'``
  (the usual CSV-injection rule: Excel shows it as text and never runs it);
* xlsx: every text cell is written as an inline string (``data_type "s"``), never as a
  formula (openpyxl makes ``"=..."`` a formula) or an error value (``"#N/A"``); text that
  looks like a formula also gets the ``quotePrefix`` style, so that editing the cell in Excel
  keeps it text.

Characters a file cannot hold become U+FFFD instead of failing the whole file: in xlsx the
control characters XML 1.0 forbids, in both the lone surrogates UTF-8 cannot encode (JSON
may carry them as ``\\udxxx`` escapes).
"""

from __future__ import annotations

import math
import re
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # text Excel would run as a formula
UNENCODABLE = re.compile(r"[\ud800-\udfff]")  # lone surrogates: no UTF-8 for them
# What an XML 1.0 document cannot hold (openpyxl refuses such a cell outright).
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"

Plain = str | int | float | None


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_START)


def plain(value: object) -> Plain:
    """A cell's value: finite numbers as numbers, ``None`` as ``None``, anything else text."""
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value if math.isfinite(value) else str(value)  # Excel has no NaN or infinity
    return value if isinstance(value, str) else str(value)


def csv_value(value: object) -> str | int | float:
    """A CSV field: formula-like text gets a leading ``'``; ``None`` is an empty field."""
    value = plain(value)
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    value = UNENCODABLE.sub(REPLACEMENT, value)
    return "'" + value if looks_like_formula(value) else value


def xlsx_value(value: object) -> Plain:
    """A value openpyxl can store: ``plain`` with XML-illegal characters replaced."""
    value = plain(value)
    return XML_ILLEGAL.sub(REPLACEMENT, value) if isinstance(value, str) else value


def keep_text(cell: Any) -> Any:
    """After ``cell.value = xlsx_value(...)``: a text cell stays text (never ``f`` or ``e``)."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
        if looks_like_formula(cell.value):
            cell.quotePrefix = True
    return cell


def text_cell(sheet: Any, value: object) -> Any:
    """A cell for ``sheet.append`` of a write-only sheet, holding ``value`` by the rule."""
    from openpyxl.cell import WriteOnlyCell  # openpyxl only when a file is written

    return keep_text(WriteOnlyCell(sheet, value=xlsx_value(value)))
