"""WorkerManager: packer profiles and their running totals in ``Workers/workers.json``.

Several stations finish sessions at the same moment, so every change holds the OS lock on
byte 0 of the file for the whole read-modify-write and rewrites it in place with a sidecar
(see ``shared.fileio``): no station loses another's update. Files of the original tool
(no version, workers lacking the newer fields, naive timestamps) are read and upgraded on
the next write; keys we do not know are kept, and values of the wrong type are moved under
``_invalid`` rather than dropped. A damaged file is never started afresh: when neither it nor
its ``.bak`` can safely be used, every call raises ``WorkersFileDamagedError`` and writes
nothing. A new worker's id is past every id found in workers.json *and* in
``Stats/global_stats.json``, so ids are never handed out twice, even if workers.json is lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar

from shared import fileio
from shared.timestamps import normalise_timestamp, now_iso, sort_key
from shared.validation import at_least, keep_invalid

T = TypeVar("T")
WORKERS_DIRNAME = "Workers"
WORKERS_FILENAME = "workers.json"
WORKERS_VERSION = "1.3.0"
RECORD_ID_LIMIT = 10000
ID_PATTERN = re.compile(r"worker_(\d+)")
STATS_FILE = ("Stats", "global_stats.json")  # under the share root, read for ids in use


class WorkerManagerError(Exception):
    """Worker profiles could not be read or changed."""


class DuplicateWorkerError(WorkerManagerError):
    """Another worker already has this name (names are compared ignoring case and spaces)."""


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


def _name_key(name: str) -> str:
    return name.strip().casefold()


def _clean_name(value: object, argument: str = "name") -> str:
    if not isinstance(value, str) or not value.strip():
        raise WorkerManagerError(f"{argument} must be a non-empty string, got {value!r}")
    return value.strip()


def _amount(argument: str, value: object, whole: bool = True) -> Any:
    """A caller's increment: counts must be real ints (no floats, no bools), all >= 0."""
    key = "total_sessions" if whole else "total_duration_seconds"
    try:
        if whole and not isinstance(value, int):
            raise ValueError(value)
        return _valid(key, value)
    except ValueError:
        kind = "a whole number" if whole else "a number"
        raise WorkerManagerError(f"{argument} must be {kind} >= 0, got {value!r}") from None


class WorkerManager:
    """Creates, changes and reads the worker profiles of one share.

    ``base_path`` is the share root; the file is ``<root>/Workers/workers.json``. Worker
    ids are never reused and profiles are never removed: a deactivated worker keeps its
    history and its name, which nobody else may take (reactivate the worker instead).
    """

    def __init__(self, base_path: str | Path, max_retries: int = 5, retry_delay: float = 0.1,
                 *, lock_timeout: float = 5.0) -> None:
        self.base_path = Path(base_path)
        self.workers_dir = self.base_path / WORKERS_DIRNAME
        self.workers_file = self.workers_dir / WORKERS_FILENAME
        self.max_retries = max(1, int(max_retries))
        self.retry_delay = retry_delay
        self.lock_timeout = lock_timeout
        try:
            self.workers_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WorkerManagerError(f"Cannot access {self.workers_dir}: {exc}") from exc

    # ------------------------------------------------------------------ plumbing

    def _retrying(self, what: str, action: Callable[[], T]) -> T:
        try:
            return fileio.with_retries(action, attempts=self.max_retries, delay=self.retry_delay,
                                       what=what)
        except fileio.SharedFileDamagedError as exc:
            if isinstance(exc, WorkersFileDamagedError) or Path(exc.path) != self.workers_file:
                raise
            raise WorkersFileDamagedError(exc.path, exc.kept_at, exc.reason) from exc
        except (fileio.LockTimeoutError, OSError) as exc:
            lock_held = isinstance(exc, fileio.LockTimeoutError)
            locked = " (locked by another program)" if lock_held else ""
            raise WorkerManagerError(f"Failed to {what} in {self.workers_file}{locked} after "
                                     f"{self.max_retries} attempts: {exc}") from exc

    def _update(self, what: str, change: Callable[[dict[str, Any], list[WorkerProfile]], T]) -> T:
        """Locked read-modify-write; ``change`` calls ``_store`` when it changed something."""

        def apply(doc: dict[str, Any]) -> T:
            return change(doc, [WorkerProfile.from_dict(w) for w in doc["workers"]])

        return self._retrying(
            what,
            lambda: fileio.locked_json_update(
                self.workers_file, apply, default=default_workers, normalise=normalise_workers,
                timeout=self.lock_timeout, strict=True,
            ),
        )

    @staticmethod
    def _store(doc: dict[str, Any], profiles: list[WorkerProfile]) -> None:
        doc["workers"] = [p.to_dict() for p in profiles]
        doc["last_updated"] = now_iso()

    def _profiles(self) -> list[WorkerProfile]:
        doc = self._retrying(
            "read workers",
            lambda: fileio.read_json_locked(
                self.workers_file, default=default_workers, normalise=normalise_workers,
                timeout=self.lock_timeout, strict=True,
            ),
        )
        return [WorkerProfile.from_dict(w) for w in doc["workers"]]

    @staticmethod
    def _find(profiles: list[WorkerProfile], worker_id: str) -> WorkerProfile:
        for profile in profiles:
            if profile.id == worker_id:
                return profile
        raise UnknownWorkerError(f"no worker with id {worker_id!r}")

    @staticmethod
    def _check_free(profiles: list[WorkerProfile], name: str, own_id: str | None = None) -> None:
        for profile in profiles:
            if profile.id != own_id and _name_key(profile.name) == _name_key(name):
                state = "" if profile.active else " (deactivated)"
                raise DuplicateWorkerError(
                    f"the name {name!r} is already used by {profile.id}{state}")

    def _next_id(self, doc: dict[str, Any], taken_ids: Iterable[str]) -> str:
        """Past every id in workers.json, in global_stats.json and in ``taken_ids``."""
        numbers = ids_in_use(doc) | ids_in_use(list(taken_ids)) | self._ids_in_stats()
        return f"worker_{max(numbers, default=0) + 1:03d}"

    def _ids_in_stats(self) -> set[int]:
        """Worker ids the shared statistics name (so a lost workers.json reuses none)."""
        path = self.base_path.joinpath(*STATS_FILE)
        try:
            stats = fileio.read_json_locked(path, default=dict, timeout=self.lock_timeout,
                                            strict=True)
        except fileio.SharedFileDamagedError as exc:
            raise WorkerManagerError(
                f"cannot choose a new worker id while {path} is damaged (it may name ids "
                f"in use): {exc}") from exc
        return ids_in_use(stats)

    # ------------------------------------------------------------------ reading

    def get_all_workers(self, include_inactive: bool = False) -> list[WorkerProfile]:
        """Workers, most recently active first; never-active ones last, then by name."""
        chosen = [p for p in self._profiles() if include_inactive or p.active]
        return sorted(chosen, key=lambda p: (-sort_key(p.last_active), _name_key(p.name), p.id))

    def get_worker(self, worker_id: str) -> WorkerProfile | None:
        return next((p for p in self._profiles() if p.id == worker_id), None)

    def find_by_name(self, name: str) -> WorkerProfile | None:
        """The worker (active or not) with this name, ignoring case and surrounding spaces."""
        key = _name_key(_clean_name(name))
        return next((p for p in self._profiles() if _name_key(p.name) == key), None)

    # ------------------------------------------------------------------ changing

    def create_worker(self, name: str, taken_ids: Iterable[str] = ()) -> WorkerProfile:
        """Add a worker; raises ``DuplicateWorkerError`` if the name is taken.

        The new id is past every id in workers.json, in global_stats.json and in
        ``taken_ids`` (ids the caller knows of elsewhere, e.g. in session summaries).
        """
        return self._add(name, reuse=False, taken_ids=taken_ids)

    def get_or_create(self, name: str, taken_ids: Iterable[str] = ()) -> WorkerProfile:
        """The worker with this name (active or not), created if there is none."""
        return self._add(name, reuse=True, taken_ids=taken_ids)

    def _add(self, name: str, reuse: bool, taken_ids: Iterable[str] = ()) -> WorkerProfile:
        clean = _clean_name(name)
        taken = [t for t in taken_ids if isinstance(t, str)]

        def change(doc: dict[str, Any], profiles: list[WorkerProfile]) -> WorkerProfile:
            same = [p for p in profiles if _name_key(p.name) == _name_key(clean)]
            if same and reuse:
                return same[0]
            self._check_free(profiles, clean)
            profile = WorkerProfile(id=self._next_id(doc, taken), name=clean,
                                    created_at=now_iso())
            profiles.append(profile)
            self._store(doc, profiles)
            return profile

        return self._update("get or create worker" if reuse else "create worker", change)

    def update_worker_stats(
        self,
        worker_id: str,
        sessions: int = 0,
        orders: int = 0,
        items: int = 0,
        duration_seconds: float = 0,
        session_id: str | None = None,
        record_id: str | None = None,
    ) -> WorkerProfile:
        """Add one finished session's figures. With ``record_id``, a repeat changes nothing."""
        adds = {"total_sessions": _amount("sessions", sessions),
                "total_orders": _amount("orders", orders),
                "total_items": _amount("items", items)}
        seconds = _amount("duration_seconds", duration_seconds, whole=False)
        session = None if session_id is None else _clean_name(session_id, "session_id")
        record = None if record_id is None else _clean_name(record_id, "record_id")

        def change(doc: dict[str, Any], profiles: list[WorkerProfile]) -> WorkerProfile:
            profile = self._find(profiles, worker_id)
            if record is not None and record in doc["recorded_ids"]:
                return profile
            for key, add in adds.items():
                setattr(profile, key, getattr(profile, key) + add)
            profile.total_duration_seconds = round(profile.total_duration_seconds + seconds, 1)
            profile.last_active = now_iso()
            profile.last_session_id = session
            profile.recompute()
            if record is not None:
                doc["recorded_ids"].append(record)
                del doc["recorded_ids"][:-RECORD_ID_LIMIT]
            self._store(doc, profiles)
            return profile

        return self._update("update worker stats", change)

    def rename_worker(self, worker_id: str, new_name: str) -> WorkerProfile:
        clean = _clean_name(new_name, "new_name")

        def change(doc: dict[str, Any], profiles: list[WorkerProfile]) -> WorkerProfile:
            profile = self._find(profiles, worker_id)
            self._check_free(profiles, clean, own_id=worker_id)
            profile.name = clean
            self._store(doc, profiles)
            return profile

        return self._update("rename worker", change)

    def _set_active(self, worker_id: str, active: bool) -> WorkerProfile:
        def change(doc: dict[str, Any], profiles: list[WorkerProfile]) -> WorkerProfile:
            profile = self._find(profiles, worker_id)
            if profile.active != active:
                profile.active = active
                profile.deactivated_at = None if active else now_iso()
                self._store(doc, profiles)
            return profile

        return self._update("reactivate worker" if active else "deactivate worker", change)

    def deactivate_worker(self, worker_id: str) -> WorkerProfile:
        """Hide a worker from the default list; its history and name are kept."""
        return self._set_active(worker_id, False)

    def reactivate_worker(self, worker_id: str) -> WorkerProfile:
        return self._set_active(worker_id, True)

    def delete_worker(self, worker_id: str) -> WorkerProfile:
        """The original tool's name for ``deactivate_worker``: history is never dropped."""
        return self.deactivate_worker(worker_id)
