"""ISO 8601 timestamps: always written with a time zone, read in every form the tools wrote.

Readers accept naive values (taken as the station's local time, which is what the older
tools meant), explicit offsets and the ``Z`` suffix.
"""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    """The current local time, time-zone aware."""
    return datetime.now().astimezone()


def to_iso(moment: datetime) -> str:
    """Format an aware datetime (a naive one is taken as local time) with its offset."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.isoformat()


def now_iso() -> str:
    return to_iso(now())


def parse_timestamp(value: object) -> datetime | None:
    """Parse a timestamp written by any of the tools; ``None`` when absent or unreadable."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.fromtimestamp(float(value), tz=UTC).astimezone()
    elif isinstance(value, str) and value.strip():
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return None
    else:
        return None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # naive values were written in the station's local time
    return moment


def normalise_timestamp(value: object) -> str | None:
    """Re-write any accepted timestamp form as ISO 8601 with an offset."""
    moment = parse_timestamp(value)
    return to_iso(moment) if moment else None


def seconds_between(start: object, end: object) -> float | None:
    """Seconds from ``start`` to ``end`` (any accepted forms); ``None`` if either is unreadable."""
    first, last = parse_timestamp(start), parse_timestamp(end)
    if first is None or last is None:
        return None
    return (last - first).total_seconds()


def sort_key(value: object) -> float:
    """A key that orders records by their timestamp; unreadable ones sort first."""
    moment = parse_timestamp(value)
    return moment.timestamp() if moment else float("-inf")
