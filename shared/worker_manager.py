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
The profile, the file's layout and the errors live in ``shared.worker_profile``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from shared import fileio
from shared.timestamps import now_iso, sort_key
from shared.worker_profile import (
    ID_PATTERN,
    WORKERS_VERSION,
    DuplicateWorkerError,
    UnknownWorkerError,
    WorkerManagerError,
    WorkerProfile,
    WorkersFileDamagedError,
    _valid,
    default_workers,
    ids_in_use,
    normalise_workers,
)

__all__ = [
    "ID_PATTERN", "RECORD_ID_LIMIT", "STATS_FILE", "WORKERS_DIRNAME", "WORKERS_FILENAME",
    "WORKERS_VERSION", "DuplicateWorkerError", "UnknownWorkerError", "WorkerManager",
    "WorkerManagerError", "WorkerProfile", "WorkersFileDamagedError", "default_workers",
    "ids_in_use", "normalise_workers",
]

T = TypeVar("T")
WORKERS_DIRNAME = "Workers"
WORKERS_FILENAME = "workers.json"
RECORD_ID_LIMIT = 10000
STATS_FILE = ("Stats", "global_stats.json")  # under the share root, read for ids in use


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
                error = DuplicateWorkerError(
                    f"the name {name!r} is already used by {profile.id}{state}")
                error.name, error.holder, error.active = name, profile.id, profile.active
                raise error

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
