"""One acquired lock of one list's work folder (``SessionLock``): its heartbeat, its check
that the lock file is still ours, its release. ``SessionLockManager`` (in ``session_lock``,
which re-exports this class) creates it and keeps every one this station holds."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from packing_tool.domain.phrase import phrase
from packing_tool.storage.exclusive import create_new
from packing_tool.storage.lock_file import (
    LockLostError,
    ended_by_other,
    payload,
    read_current,
    recheck_missing,
    rewrite_in_place,
)
from packing_tool.storage.lock_info import LOCK_FILENAME, LockInfo
from shared.timestamps import to_iso

log = logging.getLogger("packing_tool.storage.session_lock")


class LockOwner(Protocol):
    """What a ``SessionLock`` asks of the ``SessionLockManager`` that made it."""

    clock: Callable[[], datetime]
    _state: threading.Lock

    def _guard(self, work_dir: Path) -> contextlib.AbstractContextManager[None]: ...

    def _record(self, work_dir: Path, event: str, info: LockInfo,
                extra: dict[str, Any] | None = None) -> None: ...

    def _delete_if(self, work_dir: Path, lock_id: str, *, guarded: bool = False) -> bool: ...

    def _forget(self, lock: SessionLock) -> None: ...

    def _lock_lost(self, lock: SessionLock, error: LockLostError) -> None: ...


def _holds(current: LockInfo | None, valid: bool, lock_id: str) -> bool:
    return current is not None and valid and current.lock_id == lock_id


class SessionLock:
    """One acquired lock of one list's work folder."""

    def __init__(self, manager: LockOwner, work_dir: Path, info: LockInfo) -> None:
        self.work_dir, self.info, self._manager = work_dir, info, manager
        self.lost = self.released = False
        self._mutex = threading.Lock()  # heartbeat thread vs the caller's release/check

    def check(self) -> None:
        """Raise ``LockLostError`` when the file is no longer ours (OSError if unreachable)."""
        current, _, valid = read_current(self.work_dir)
        if current is not None and not valid and not self.lost:
            time.sleep(0.05)  # caught mid-rewrite on a share that applies writes in pieces
            current, _, valid = read_current(self.work_dir)
        if current is None and not self.lost and not self.released:
            if self.refresh():  # missing without proof of a takeover: put it back
                return
            current, _, valid = read_current(self.work_dir)
        if self.lost or self.released or not _holds(current, valid, self.info.lock_id):
            error = LockLostError(self.work_dir, current if valid else None)
            self._found_lost(error)
            raise error

    def refresh(self) -> bool:
        """Write a new heartbeat if the lock is still ours; False (and ``lost``) otherwise.

        A missing lock file is offline (``FileNotFoundError``) while its folder does not
        answer; with the folder there and no takeover or release of ours in the history, the
        lock is put back. Only another lock, or the history, makes it lost.
        """
        with self._mutex:
            if self.lost or self.released:
                return False
            with self._manager._guard(self.work_dir):
                current, _, valid = read_current(self.work_dir)
                if current is None:
                    current, valid = self._missing()
                if _holds(current, valid, self.info.lock_id):
                    info = replace(self.info, heartbeat=to_iso(self._manager.clock()))
                    rewrite_in_place(self.work_dir / LOCK_FILENAME, payload(info))
                    self.info = info
                    return True
        self._found_lost(LockLostError(self.work_dir, current if valid else None))
        return False

    def _missing(self) -> tuple[LockInfo | None, bool]:
        """Under the guard, the lock file gone: (what is there now, valid)."""
        path = self.work_dir / LOCK_FILENAME
        if not recheck_missing(path):
            current, _, valid = read_current(self.work_dir)
            return current, valid
        if not self.work_dir.is_dir():
            raise FileNotFoundError(phrase("{folder} cannot be reached", folder=self.work_dir))
        if ended_by_other(self.work_dir, self.info.lock_id):
            return None, True
        if create_new(path, payload(self.info)):  # never creates the folder itself
            log.warning("The lock of %s was missing; put back", self.work_dir)
            self._manager._record(self.work_dir, "restore", self.info)
            return self.info, True
        current, _, valid = read_current(self.work_dir)
        return current, valid

    def release(self) -> None:
        """Delete the lock file if it is still ours; a missing file or folder is fine."""
        with self._mutex:
            if self.released:
                return
            self.released = True
            self._manager._forget(self)
            try:
                deleted = self._manager._delete_if(self.work_dir, self.info.lock_id)
            except FileNotFoundError:
                return  # the work folder itself is gone
        if deleted:
            self._manager._record(self.work_dir, "release", self.info)

    def _found_lost(self, error: LockLostError) -> None:
        if self.released:
            return
        with self._manager._state:
            first = not self.lost
            self.lost = True
        if first:
            self._manager._lock_lost(self, error)
