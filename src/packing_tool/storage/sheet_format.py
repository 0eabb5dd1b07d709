"""How every table we export is laid out: real dates and durations, fitting columns, CSV separator.

Used by the completed list's report, the Session Browser's exports and ``stats export``, on
top of ``cell_text`` (text from the share stays text):

* a column's *kind* says what its values are: ``TEXT`` and ``NUMBER`` are written as they are,
  ``WHEN`` values (ISO text or datetimes) become Excel date-times in the station's local time
  with the format ``yyyy-mm-dd hh:mm:ss``, ``DURATION`` values (seconds) become Excel
  durations with the format ``[h]:mm:ss``; a value that cannot be read so stays as it was;
* in a CSV the same dates and durations are written as that text;
* each column is as wide as its longest shown value (capped at ``MAX_WIDTH`` characters);
* the CSV separator follows the locale: ``;`` where the decimal separator is a comma (the
  Bulgarian Excel among them), else ``,``; the callers keep an option to choose it.
"""

from __future__ import annotations

import csv
import io
import locale
import math
import os
import re
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from packing_tool.storage.cell_text import csv_value, text_cell
from shared.timestamps import parse_timestamp

TEXT, NUMBER, WHEN, DURATION = "text", "number", "when", "duration"
DATE_FORMAT = "yyyy-mm-dd hh:mm:ss"
DURATION_FORMAT = "[h]:mm:ss"
MAX_WIDTH = 60  # characters: a long product name is cut on screen, not the sheet's layout
PADDING = 2
# Languages whose numbers are written with a decimal comma: Excel there splits CSV on ";".
COMMA_DECIMAL = frozenset({
    "bg", "ru", "uk", "be", "sr", "mk", "hr", "bs", "sl", "cs", "sk", "pl", "hu", "ro", "lt",
    "lv", "et", "fi", "sv", "da", "nb", "nn", "no", "is", "de", "nl", "fr", "it", "es", "pt",
    "ca", "gl", "eu", "el", "tr", "az", "ka", "kk", "id", "vi",
})
# Windows names its locales in English ("Bulgarian_Bulgaria.1251").
WINDOWS_NAMES = {"bulgarian": "bg", "russian": "ru", "ukrainian": "uk", "german": "de",
                 "french": "fr", "italian": "it", "spanish": "es", "dutch": "nl",
                 "polish": "pl", "czech": "cs", "romanian": "ro", "greek": "el",
                 "turkish": "tr", "english": "en", "serbian": "sr", "macedonian": "mk"}
Row = Sequence[object]


def local_moment(value: object) -> datetime | None:
    """``value`` (ISO text or a datetime) as a naive local date-time (Excel has no zones)."""
    if isinstance(value, int | float):  # bool too
        return None  # a number is not a time here
    moment = parse_timestamp(value)
    return moment.astimezone().replace(tzinfo=None, microsecond=0) if moment else None


def duration(value: object) -> timedelta | None:
    """Seconds (a number, or a number as text) as a duration; ``None`` when not one."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value) or value < 0:
        return None
    return timedelta(seconds=round(value))


def typed(value: object, kind: str) -> object:
    """The value a cell of ``kind`` holds: a datetime, a timedelta, or ``value`` unchanged."""
    if isinstance(value, datetime):
        return local_moment(value)
    if kind == WHEN:
        moment = local_moment(value)
        return value if moment is None else moment
    if kind == DURATION:
        span = duration(value)
        return value if span is None else span
    return value


def clock(span: timedelta) -> str:
    """``3:05:09`` (hours may pass 24), as Excel's ``[h]:mm:ss`` shows it."""
    total = int(span.total_seconds())
    hours, rest = divmod(total, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


def shown(value: object) -> str:
    """A typed value as a person reads it (the CSV field and the width measure)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, timedelta):
        return clock(value)
    return str(value)


def column_widths(headers: Sequence[str], rows: Sequence[Row], kinds: Sequence[str]) -> list[int]:
    """Characters per column: the longest header or value, plus padding, capped."""
    widths = [len(h) for h in headers]
    for row in rows:
        for i, value in enumerate(row[: len(widths)]):
            widths[i] = max(widths[i], len(shown(typed(value, kinds[i]))))
    return [min(w + PADDING, MAX_WIDTH) for w in widths]


def xlsx_cell(sheet: Any, value: object, kind: str) -> Any:
    """A write-only cell: dates and durations with their number format, the rest by
    ``cell_text``'s rule."""
    value = typed(value, kind)
    if isinstance(value, datetime | timedelta):
        from openpyxl.cell import WriteOnlyCell  # openpyxl only when a file is written

        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT if isinstance(value, datetime) else DURATION_FORMAT
        return cell
    return text_cell(sheet, value)


def fill_sheet(sheet: Any, headers: Sequence[str], rows: Sequence[Row], kinds: Sequence[str],
               style: Callable[[Row, Any], None] | None = None) -> None:
    """Widths, a bold header and every row, into a (write-only or ordinary) sheet."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(column_widths(headers, rows, kinds), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    header = [text_cell(sheet, h) for h in headers]
    for cell in header:
        cell.font = bold
    sheet.append(header)
    for row in rows:
        cells = [xlsx_cell(sheet, value, kinds[i]) for i, value in enumerate(row)]
        if style is not None:
            for cell in cells:
                style(row, cell)
        sheet.append(cells)


def csv_field(value: object, kind: str) -> str | int | float:
    value = typed(value, kind)
    if isinstance(value, datetime | timedelta):
        return shown(value)
    return csv_value(value)


def csv_bytes(headers: Sequence[str], rows: Sequence[Row], kinds: Sequence[str],
              separator: str | None = None) -> bytes:
    """UTF-8 with a BOM (Excel then reads Cyrillic), lines ending in CRLF."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, delimiter=separator or list_separator(), lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows([csv_field(v, kinds[i]) for i, v in enumerate(row)] for row in rows)
    return text.getvalue().encode("utf-8-sig")


def system_language() -> str:
    """The station's language code (``bg``), from the environment or the OS locale."""
    for name in ("LC_ALL", "LC_NUMERIC", "LANG"):
        value = os.environ.get(name, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return language_code(value)
    for category in (locale.LC_NUMERIC, locale.LC_CTYPE):
        found = locale.getlocale(category)[0]
        if found and found not in ("C", "POSIX"):
            return language_code(found)
    return ""


def language_code(name: str) -> str:
    """``bg_BG.UTF-8``, ``bg-BG`` or ``Bulgarian_Bulgaria.1251`` → ``bg``."""
    head = re.split(r"[._@-]", name, maxsplit=1)[0].lower()
    return WINDOWS_NAMES.get(head, head)


def list_separator(language: str | None = None, decimal_point: str | None = None) -> str:
    """``;`` where Excel expects it (a decimal comma, Bulgarian among them), else ``,``.

    ``language``: a locale name or code (default: the station's); ``decimal_point``: the
    locale's decimal separator when the caller knows it (the UI asks Qt).
    """
    if decimal_point == ",":
        return ";"
    code = language_code(language) if language else system_language()
    return ";" if code in COMMA_DECIMAL else ","
