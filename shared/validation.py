"""Small checks shared by the metadata schemas: counts, versions, keeping bad values."""

from __future__ import annotations

from typing import Any


def as_count(value: object) -> int | None:
    """A whole number >= 0 from an int, an integral float or a digit string; else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    return value if isinstance(value, int) and value >= 0 else None


def version_tuple(value: object) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in str(value).split("."))
    except ValueError:
        return (0,)


def at_least(version: object, current: str) -> bool:
    """True when ``version`` is ``current`` or newer (a newer file is never downgraded)."""
    return version_tuple(version) >= version_tuple(current)


def keep_invalid(holder: dict[str, Any], key: str, value: Any) -> None:
    """Store a value of the wrong type under ``holder["_invalid"]``, never overwriting one."""
    bucket = holder.get("_invalid", {})
    bucket = dict(bucket) if isinstance(bucket, dict) else {"_invalid": bucket}
    slot, n = key, 1
    while slot in bucket:
        n += 1
        slot = f"{key}_{n}"
    bucket[slot] = value
    holder["_invalid"] = bucket
