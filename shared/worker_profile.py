"""A packer's profile in ``Workers/workers.json`` and the file's layout (``WorkerProfile``,
``normalise_workers``), with the errors of ``shared.worker_manager``, which re-exports them.

Files of the original tool (no version, workers lacking the newer fields, naive timestamps)
are read and upgraded; keys we do not know are kept, and values of the wrong type are moved
under ``_invalid`` rather than dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from shared import fileio
from shared.timestamps import normalise_timestamp
from shared.validation import at_least, keep_invalid

WORKERS_VERSION = "1.3.0"
ID_PATTERN = re.compile(r"worker_(\d+)")


class WorkerManagerError(Exception):
    """Worker profiles could not be read or changed."""


class DuplicateWorkerError(WorkerManagerError):
    """Another worker already has this name (names are compared ignoring case and spaces)."""

    name: str = ""  # the name asked for
    holder: str = ""  # the id of the worker who has it
    active: bool = True  # False: the holder is deactivated


class UnknownWorkerError(WorkerManagerError):
    """No worker has this id."""


class WorkersFileDamagedError(WorkerManagerError, fileio.SharedFileDamagedError):
    """``workers.json`` is damaged and its ``.bak`` cannot safely replace it.

    Nothing was written and the file is left as it is (its bytes also kept at ``kept_at``);
    the message says what to do.
    """


def _ratio(top: float, bottom: float) -> float:
    return round(top / bottom, 1) if bottom > 0 else 0.0


def _whole(value: float) -> float:
    # Whole seconds are written as ints, as the original tool wrote them.
    return int(value) if float(value).is_integer() else round(value, 1)


@dataclass
class WorkerProfile:
    """One packer. Derived figures are recomputed from the totals; ``extra`` keeps unknown keys."""

    id: str
    name: str
    created_at: str | None = None
    active: bool = True
    total_sessions: int = 0
    total_orders: int = 0
    total_items: int = 0
    total_duration_seconds: float = 0
    avg_time_per_order: float = 0.0
    avg_orders_per_session: float = 0.0
    avg_items_per_session: float = 0.0
    orders_per_hour: float = 0.0
    items_per_hour: float = 0.0
    last_active: str | None = None
    last_session_id: str | None = None
    deactivated_at: str | None = None
    version: str = WORKERS_VERSION
    extra: dict[str, Any] = field(default_factory=dict)

    def recompute(self) -> None:
        hours = self.total_duration_seconds / 3600
        self.avg_time_per_order = _ratio(self.total_duration_seconds, self.total_orders)
        self.avg_orders_per_session = _ratio(self.total_orders, self.total_sessions)
        self.avg_items_per_session = _ratio(self.total_items, self.total_sessions)
        self.orders_per_hour = _ratio(self.total_orders, hours)
        self.items_per_hour = _ratio(self.total_items, hours)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        del data["extra"]
        data["total_duration_seconds"] = _whole(self.total_duration_seconds)
        if self.deactivated_at is None:
            del data["deactivated_at"]
        data.update({k: v for k, v in self.extra.items() if k not in data})
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WorkerProfile:
        """Read a profile of any version; values of the wrong type go to ``extra["_invalid"]``."""
        wid = data.get("id")
        if not isinstance(wid, str) or not wid.strip():
            raise WorkerManagerError(f"worker has no usable id: {wid!r}")
        extra = {k: v for k, v in data.items() if k not in _STORED}
        profile = cls(id=wid, name=wid, extra=extra)
        for key in _CHECKED:
            if key in data:
                try:
                    setattr(profile, key, _valid(key, data[key]))
                except ValueError:
                    keep_invalid(extra, key, data[key])
        version = data.get("version")
        profile.version = str(version) if at_least(version, WORKERS_VERSION) else WORKERS_VERSION
        profile.recompute()
        return profile


_STORED = {f.name for f in fields(WorkerProfile)} - {"extra"}
_COUNTS = ("total_sessions", "total_orders", "total_items")
_STAMPS = ("created_at", "last_active", "deactivated_at")
_CHECKED = ("name", "active", "total_duration_seconds", "last_session_id", *_COUNTS, *_STAMPS)


def _valid(key: str, value: Any) -> Any:
    """A stored field's value, cleaned; ``ValueError`` when it has the wrong type."""
    # The bound also refuses NaN, infinity and integers too big to turn into floats.
    number = isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value < 1e15
    if key in _STAMPS:
        stamp = normalise_timestamp(value)
        if stamp is None and value is not None:
            raise ValueError(value)
        return stamp
    if key == "name" and isinstance(value, str) and value.strip():
        return value.strip()
    if (key == "active" and isinstance(value, bool)) or (
            key == "last_session_id" and (value is None or isinstance(value, str))):
        return value
    if key in _COUNTS and number and float(value).is_integer():
        return int(value)
    if key == "total_duration_seconds" and number:
        return value
    raise ValueError(value)


def default_workers() -> dict[str, Any]:
    return {"workers": [], "version": WORKERS_VERSION, "last_updated": None, "recorded_ids": []}


def normalise_workers(doc: dict[str, Any]) -> dict[str, Any]:
    """Bring a document of any version up to the current layout, in place."""
    for key in ("workers", "recorded_ids"):
        if key in doc and not isinstance(doc[key], list):
            keep_invalid(doc, key, doc.pop(key))
        doc.setdefault(key, [])
    good = []
    for entry in doc["workers"]:
        try:
            if not isinstance(entry, dict):
                raise WorkerManagerError("not an object")
            good.append(WorkerProfile.from_dict(entry).to_dict())
        except WorkerManagerError:
            keep_invalid(doc, "worker", entry)
    doc["workers"] = good
    if not at_least(doc.get("version"), WORKERS_VERSION):
        doc["version"] = WORKERS_VERSION
    doc.setdefault("last_updated", None)
    return doc


def ids_in_use(data: object, depth: int = 0) -> set[int]:
    """Numbers of every ``worker_NNN`` id in a document: keys, values, record ids' last part."""
    found: set[int] = set()
    if depth > 20:
        return found
    if isinstance(data, str):
        match = ID_PATTERN.fullmatch(data.rsplit("/", 1)[-1].strip())
        if match:
            found.add(int(match.group(1)))
    elif isinstance(data, dict):
        for key, value in data.items():
            found |= ids_in_use(key, depth + 1) | ids_in_use(value, depth + 1)
    elif isinstance(data, list):
        for value in data:
            found |= ids_in_use(value, depth + 1)
    return found
