"""One lock per packing list (``.session.lock``, fields in ``lock_info``): created atomically,
kept alive by a heartbeat, taken over only when stale and only on request. One held lock
is a ``SessionLock`` (``held_lock``); ``SessionLockManager`` here makes and keeps them.

Creation hard-links a complete, fsynced temp file into place: exactly one station wins and
nobody reads a half-written lock. Heartbeat, takeover and release run under an OS lock on the
sidecar ``.session.lock.guard`` and only after checking ``lock_id``, so a station never
rewrites or deletes a lock that is no longer its own. Each event goes to lock_history.jsonl.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from packing_tool import __version__
from packing_tool.domain.phrase import phrase
from packing_tool.storage.exclusive import create_new
from packing_tool.storage.held_lock import SessionLock, _holds
from packing_tool.storage.lock_file import (
    HISTORY_FILENAME,
    LockHeldError,
    LockLostError,
    payload,
    read_current,
    rewrite_in_place,
)
from packing_tool.storage.lock_info import (
    DEFAULT_HEARTBEAT_SECONDS,
    DEFAULT_STALE_SECONDS,
    LOCK_FILENAME,
    LockInfo,
    host_name,
    read_lock,
    station_name,
    user_name,
)
from shared import fileio
from shared.append_log import AppendLog
from shared.timestamps import now, to_iso

__all__ = ["GUARD_FILENAME", "HISTORY_FILENAME", "LockHeldError", "LockLostError",
           "SessionLock", "SessionLockManager"]
log = logging.getLogger(__name__)

GUARD_FILENAME = LOCK_FILENAME + ".guard"


def _same(a: LockInfo, b: LockInfo) -> bool:
    if a.lock_id or b.lock_id:
        return a.lock_id == b.lock_id
    # Locks of the older packer have no id: any rewrite changes one of these.
    return (a.lock_time, a.heartbeat, a.process_id, a.locked_by) == (
        b.lock_time, b.heartbeat, b.process_id, b.locked_by)


def _create(work_dir: Path, data: bytes) -> bool:
    """Create the lock file holding ``data``, only if none exists; False when one does."""
    work_dir.mkdir(parents=True, exist_ok=True)
    return create_new(work_dir / LOCK_FILENAME, data)


class SessionLockManager:
    """Every lock this station holds, and the heartbeat thread that keeps them alive."""

    def __init__(self, *, worker_id: str | None, worker_name: str | None,
                 heartbeat_seconds: float = DEFAULT_HEARTBEAT_SECONDS,
                 stale_after: float = DEFAULT_STALE_SECONDS, guard_timeout: float = 5.0,
                 clock: Callable[[], datetime] = now,
                 on_lost: Callable[[SessionLock, LockLostError], None] | None = None) -> None:
        self.worker_id, self.worker_name = worker_id, worker_name
        self.heartbeat_seconds, self.stale_after = heartbeat_seconds, stale_after
        self.guard_timeout, self.clock, self.on_lost = guard_timeout, clock, on_lost
        self._state, self._stop = threading.Lock(), threading.Event()
        self._held: dict[str, SessionLock] = {}
        self._thread: threading.Thread | None = None

    @property
    def held(self) -> list[SessionLock]:
        with self._state:
            return list(self._held.values())

    def holder(self, work_dir: Path) -> LockInfo | None:
        return read_lock(Path(work_dir))

    @contextlib.contextmanager
    def _guard(self, work_dir: Path) -> Iterator[None]:
        """Serialise check-then-change of one lock file across stations."""
        fileio.check_path(work_dir / GUARD_FILENAME)
        with open(work_dir / GUARD_FILENAME, "a+b") as fh, \
                fileio.lock_file(fh, timeout=self.guard_timeout):
            yield

    def acquire(self, work_dir: Path, *, exclusive_with: Sequence[Path] = ()) -> SessionLock:
        """Take the list's lock or raise ``LockHeldError``; stale locks are never taken here."""
        work_dir = Path(os.path.abspath(work_dir))
        for _ in range(50):
            info = self._new_info()
            if _create(work_dir, payload(info)):
                self._exclusive(work_dir, info, exclusive_with)
                return self._register(work_dir, info, "acquire")
            current, _, valid = read_current(work_dir)
            if current is None:
                continue  # released between our attempt and our read: try again
            if (mine := self._ours(work_dir, current, valid)) is not None:
                return mine
            raise self._held_error(work_dir, current, valid)
        raise OSError(phrase("{file} keeps appearing and vanishing; try again",
                             file=work_dir / LOCK_FILENAME))

    def take_over(self, work_dir: Path, expected: LockInfo, *, reason: str = "",
                  exclusive_with: Sequence[Path] = ()) -> SessionLock:
        """Replace the stale lock the user confirmed (``expected``); the old one is kept aside."""
        work_dir = Path(os.path.abspath(work_dir))
        work_dir.mkdir(parents=True, exist_ok=True)
        info, event, extra = self._new_info(), "takeover", {}
        # on_lost callbacks run only after the guard is let go: they may release locks.
        with self._guard(work_dir):
            current, raw, valid = read_current(work_dir)
            mine = self._held.get(str(work_dir))
            if mine is not None and _holds(current, valid, mine.info.lock_id):
                return mine
            if current is None:
                if not _create(work_dir, payload(info)):  # an older packer got in first
                    current, _, valid = read_current(work_dir)
                    raise self._held_error(work_dir, current or expected, valid)
                event = "acquire"
            else:
                old = self.keep_confirmed(work_dir, current, raw, valid, expected, "takeover")
                # Rewritten in place after the copy: the lock file never vanishes, so no
                # acquire can slip in between; the guard keeps our own stations' writes out.
                rewrite_in_place(work_dir / LOCK_FILENAME, payload(info))
                extra = {"from": old, "reason": reason}
            self._exclusive(work_dir, info, exclusive_with, guarded=True)
        return self._register(work_dir, info, event, extra)

    def release(self, lock: SessionLock) -> None:
        lock.release()

    def release_all(self) -> None:
        for lock in self.held:
            try:
                lock.release()
            except OSError as exc:  # unreachable share: the lock goes stale on its own
                log.warning("Could not release %s: %s", lock.work_dir, exc)

    def close(self) -> None:
        """Stop the heartbeat and release every lock."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=self.guard_timeout + 1.0)
        self.release_all()

    def _new_info(self) -> LockInfo:
        stamp = to_iso(self.clock())
        return LockInfo(
            locked_by=station_name(), user_name=user_name(), lock_time=stamp, heartbeat=stamp,
            process_id=os.getpid(), app_version=__version__, worker_id=self.worker_id,
            worker_name=self.worker_name, lock_id=uuid.uuid4().hex, host=host_name())

    def _ours(self, work_dir: Path, current: LockInfo, valid: bool) -> SessionLock | None:
        """Our held lock when ``current`` is it; a held lock that was replaced is lost."""
        mine = self._held.get(str(work_dir))
        if mine is not None and _holds(current, valid, mine.info.lock_id):
            return mine
        if mine is not None:  # replaced before our heartbeat noticed
            mine._found_lost(LockLostError(work_dir, current if valid else None))
        return None

    def keep_confirmed(self, work_dir: Path, current: LockInfo, raw: bytes, valid: bool,
                       expected: LockInfo, action: str, *, force: bool = False) -> dict[str, Any]:
        """Under the guard: ``current`` must be the lock the user confirmed (``expected``) and,
        unless ``force``, stale; its bytes are kept as ``.session.lock.<taken|released>-…``.
        Returns the old lock for the history's ``from``."""
        if not _same(current, expected):
            raise self._held_error(work_dir, current, valid,
                                   f"the lock changed since the {action} was confirmed")
        if not force and not current.is_stale(self.clock(), self.stale_after):
            raise self._held_error(work_dir, current, valid)
        short = (current.lock_id or uuid.uuid4().hex)[:8]
        label = "taken" if action == "takeover" else "released"
        aside = work_dir / f"{LOCK_FILENAME}.{label}-{self.clock():%Y%m%d-%H%M%S}-{short}"
        fileio.atomic_write_bytes(aside, raw)
        return {**current.to_dict(), "valid": valid, "kept_at": aside.name}

    def _held_error(self, work_dir: Path, current: LockInfo, valid: bool,
                    note: str = "") -> LockHeldError:
        moment = self.clock()
        return LockHeldError(work_dir, current, stale=current.is_stale(moment, self.stale_after),
                             age=current.heartbeat_age(moment), invalid=not valid, note=note)

    def _exclusive(self, work_dir: Path, info: LockInfo, exclusive_with: Sequence[Path],
                   *, guarded: bool = False) -> None:
        """Our file is in place: withdraw it if a live lock in ``exclusive_with`` excludes it."""
        for other in exclusive_with:
            theirs = read_lock(Path(os.path.abspath(other)))
            if theirs is not None and not theirs.is_stale(self.clock(), self.stale_after):
                self._delete_if(work_dir, info.lock_id, guarded=guarded)
                raise self._held_error(Path(other), theirs, True)

    def _register(self, work_dir: Path, info: LockInfo, event: str,
                  extra: dict[str, Any] | None = None) -> SessionLock:
        lock = SessionLock(self, work_dir, info)
        with self._state:
            previous = self._held.get(str(work_dir))
            self._held[str(work_dir)] = lock
        if previous is not None:  # our new file proves the old one was replaced
            previous._found_lost(LockLostError(work_dir, info))
        self._record(work_dir, event, info, extra)
        self._start_heartbeat()
        return lock

    def _delete_if(self, work_dir: Path, lock_id: str, *, guarded: bool = False) -> bool:
        """Delete the lock file only while it holds ``lock_id``; True when deleted."""
        with contextlib.ExitStack() as stack:
            if not guarded:
                stack.enter_context(self._guard(work_dir))
            current, _, valid = read_current(work_dir)
            if not _holds(current, valid, lock_id):
                return False
            with contextlib.suppress(FileNotFoundError):
                (work_dir / LOCK_FILENAME).unlink()
            return True

    def _forget(self, lock: SessionLock) -> None:
        with self._state:
            if self._held.get(str(lock.work_dir)) is lock:
                del self._held[str(lock.work_dir)]

    def _lock_lost(self, lock: SessionLock, error: LockLostError) -> None:
        self._forget(lock)
        log.warning("%s", error)
        if self.on_lost is not None:
            try:
                self.on_lost(lock, error)
            except Exception:
                log.exception("on_lost handler failed for %s", lock.work_dir)

    def _record(self, work_dir: Path, event: str, info: LockInfo,
               extra: dict[str, Any] | None = None) -> None:
        """One line in ``lock_history.jsonl``; a failure to write it never fails the lock."""
        line = {"event": event, "at": to_iso(self.clock()),
                "by": {"station": info.locked_by, "worker_id": info.worker_id,
                       "worker_name": info.worker_name, "process_id": info.process_id,
                       "lock_id": info.lock_id}, **(extra or {})}
        history = AppendLog(work_dir / HISTORY_FILENAME)
        try:
            history.append(json.dumps(line, ensure_ascii=False).encode("utf-8"))
        except OSError as exc:
            log.warning("Could not record %s in %s: %s", event, history.path, exc)
        finally:
            history.close()

    def _start_heartbeat(self) -> None:
        with self._state:
            if self._thread is not None and self._thread.is_alive():
                return
            self._stop = threading.Event()
            self._thread = threading.Thread(target=self._beat, args=(self._stop,),
                                            name="session-lock-heartbeat", daemon=True)
            self._thread.start()

    def _beat(self, stop: threading.Event) -> None:
        while not stop.wait(self.heartbeat_seconds):
            for lock in self.held:
                try:
                    lock.refresh()
                except OSError as exc:  # share unreachable or guard busy: try next beat
                    log.warning("Heartbeat of %s failed: %s", lock.work_dir, exc)
                except Exception:
                    log.exception("Heartbeat of %s failed", lock.work_dir)
