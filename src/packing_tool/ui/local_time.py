"""Times, durations and numbers as a person reads them: local time, in the chosen language.

The language comes from the default ``QLocale`` (set by ``packing_tool.ui.language`` when the
app starts) and the words ("today", "yesterday", "min") from the installed translator. Files on
the share keep their timezone-aware ISO timestamps; only what is shown goes through here.

    when(moment)       "today 10:41", "yesterday 10:41", "3 Dec 10:41", "3 Dec 2025 10:41"
    clock(moment)      "10:41" (seconds=True: "10:41:07")
    day(moment)        "3 Dec 2026"
    ago(moment)        "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", a day
    duration(seconds)  "45 s", "4 min 10 s", "1 h 05 min"
    number(value)      "1 234" / "1,234"; decimal(3.5) "3,5" / "3.5"; percent(0.42) "42%"
"""
from __future__ import annotations

import math
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QLocale

DASH = "—"
Moment = datetime | str | None


def _tr(text: str) -> str:
    return QCoreApplication.translate("LocalTime", text)


def locale() -> QLocale:
    """The locale of the chosen language (QLocale's default, set at start-up)."""
    return QLocale()


def to_local(moment: Moment) -> datetime | None:
    """``moment`` (a datetime or an ISO text) in this PC's timezone; None when unreadable.

    A naive datetime or ISO text without an offset is taken as local time already."""
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    if not isinstance(moment, datetime):
        return None
    return moment.astimezone()


def _now(now: datetime | None) -> datetime:
    return now.astimezone() if now is not None else datetime.now().astimezone()


def clock(moment: Moment, seconds: bool = False) -> str:
    """The local time of day, "10:41" or with ``seconds`` "10:41:07"; a dash when unknown."""
    local = to_local(moment)
    if local is None:
        return DASH
    return local.strftime("%H:%M:%S" if seconds else "%H:%M")


def _month(month: int) -> str:
    return locale().monthName(month, QLocale.FormatType.ShortFormat).rstrip(".")


def day(moment: Moment | date, year: bool = True) -> str:
    """A calendar day, "3 Dec 2026" ("3 дек 2026"); without ``year`` "3 Dec"."""
    local: date | None
    if isinstance(moment, date) and not isinstance(moment, datetime):
        local = moment
    else:
        local = to_local(moment)
    if local is None:
        return DASH
    text = f"{local.day} {_month(local.month)}"
    return f"{text} {local.year}" if year else text


def when(moment: Moment, now: datetime | None = None, seconds: bool = False) -> str:
    """"today 10:41", "yesterday 10:41", "3 Dec 10:41", or "3 Dec 2025 10:41" in another year."""
    local = to_local(moment)
    if local is None:
        return DASH
    today = _now(now).date()
    time_text = clock(local, seconds)
    if local.date() in (today, today - timedelta(days=1)):
        return day_word(local.date() == today, time_text)
    return f"{day(local, year=local.year != today.year)} {time_text}"


def day_word(today: bool, time_text: str) -> str:
    """"today 10:41" or "yesterday 10:41" for a time of day already written."""
    if today:
        return QCoreApplication.translate("LocalTime", "today {time}").format(time=time_text)
    return QCoreApplication.translate("LocalTime", "yesterday {time}").format(time=time_text)


def ago(moment: Moment, now: datetime | None = None) -> str:
    """How long ago: "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", a day."""
    local = to_local(moment)
    if local is None:
        return QCoreApplication.translate("LocalTime", "never")
    current = _now(now)
    seconds = (current - local).total_seconds()
    days = (current.date() - local.date()).days
    if seconds < 60:
        return QCoreApplication.translate("LocalTime", "just now")
    if seconds < 3600:
        text = QCoreApplication.translate("LocalTime", "{n} min ago")
        return text.format(n=number(int(seconds // 60)))
    if days == 0:
        text = QCoreApplication.translate("LocalTime", "{n} h ago")
        return text.format(n=number(int(seconds // 3600)))
    if days == 1:
        return QCoreApplication.translate("LocalTime", "yesterday")
    if days < 7:
        text = QCoreApplication.translate("LocalTime", "{n} days ago")
        return text.format(n=number(days))
    return day(local, year=local.year != current.year)


def duration(seconds: float | timedelta | None) -> str:
    """A length of time: "45 s", "4 min 10 s", "1 h 05 min", "26 h 00 min"; a dash if unknown."""
    if isinstance(seconds, timedelta):
        seconds = seconds.total_seconds()
    if seconds is None or math.isnan(seconds) or seconds < 0:
        return DASH
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        text = QCoreApplication.translate("LocalTime", "{h} h {m} min")
        return text.format(h=number(hours), m=f"{minutes:02d}")
    if minutes:
        text = QCoreApplication.translate("LocalTime", "{m} min {s} s")
        return text.format(m=minutes, s=f"{secs:02d}")
    text = QCoreApplication.translate("LocalTime", "{s} s")
    return text.format(s=secs)


def number(value: int | float | None) -> str:
    """A whole number with the language's digit grouping ("1 234" in Bulgarian)."""
    if value is None:
        return DASH
    return locale().toString(round(value))


def decimal(value: float | None, digits: int = 1) -> str:
    """A number with ``digits`` decimals and the language's decimal sign ("3,5" in Bulgarian)."""
    if value is None or math.isnan(value):
        return DASH
    return locale().toString(float(value), "f", digits)


def percent(fraction: float | None, digits: int = 0) -> str:
    """A share as a percentage: 0.425 is "42%" (digits=1: "42,5%" in Bulgarian)."""
    if fraction is None or math.isnan(fraction):
        return DASH
    return f"{decimal(fraction * 100, digits)}%"


def date_pattern() -> str:
    """The display format of a date field (QDateEdit): "dd.MM.yyyy" in Bulgarian."""
    if locale().language() == QLocale.Language.Bulgarian:
        return "dd.MM.yyyy"
    return "d MMM yyyy"
