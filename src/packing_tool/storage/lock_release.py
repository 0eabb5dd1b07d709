"""An administrator releases a list's lock that no station will release: its holder stopped.

The same guarded path as ``SessionLockManager.take_over``: under the ``.session.lock.guard``
OS lock, the file must still be the lock the administrator was shown (and, unless forced,
still stale); it is copied aside as ``.session.lock.released-<time>-<id>`` before it is
deleted, and ``lock_history.jsonl`` gets a ``release`` event with ``from`` (the old lock),
``reason`` and ``user``. A holder that was alive after all finds its lock gone at its next
heartbeat and stops writing, as after a takeover.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from packing_tool.domain.phrase import phrase
from packing_tool.storage.lock_file import read_current
from packing_tool.storage.lock_info import (
    DEFAULT_STALE_SECONDS,
    LOCK_FILENAME,
    LockInfo,
    host_name,
    station_name,
    user_name,
)
from packing_tool.storage.session_lock import SessionLockManager
from shared.timestamps import now, to_iso

RELEASED_PREFIX = LOCK_FILENAME + ".released-"


class NoLockError(RuntimeError):
    """The list has no lock file (any more)."""

    def __init__(self, work_dir: Path) -> None:
        self.work_dir = work_dir
        super().__init__(phrase("{list}: no lock ({file} does not exist)", list=work_dir.name,
                                file=work_dir / LOCK_FILENAME))


@dataclass(frozen=True)
class CurrentLock:
    """The lock file as found: ``valid`` False means unreadable, dated by the file's mtime."""

    info: LockInfo
    valid: bool
    age: float  # seconds since the heartbeat (inf when it cannot be read)
    stale: bool


def current_lock(work_dir: Path, *, stale_after: float = DEFAULT_STALE_SECONDS,
                 moment: datetime | None = None) -> CurrentLock | None:
    """The list's lock, including an invalid lock file; None when there is no lock file."""
    info, _, valid = read_current(Path(work_dir))
    if info is None:
        return None
    moment = moment or now()
    return CurrentLock(info, valid, info.heartbeat_age(moment), info.is_stale(moment, stale_after))


class _Releaser(SessionLockManager):
    """A lock manager that never holds a lock: it only removes a confirmed one."""

    def release_other(self, work_dir: Path, expected: LockInfo, *, reason: str,
                      force: bool) -> Path:
        work_dir = Path(os.path.abspath(work_dir))
        with self._guard(work_dir):
            current, raw, valid = read_current(work_dir)
            if current is None:
                raise NoLockError(work_dir)
            old = self.keep_confirmed(work_dir, current, raw, valid, expected, "release",
                                      force=force)  # kept before the original goes
            (work_dir / LOCK_FILENAME).unlink()
        stamp = to_iso(self.clock())
        releaser = LockInfo(locked_by=station_name(), user_name=user_name(), lock_time=stamp,
                            heartbeat=stamp, process_id=os.getpid(), host=host_name())
        self._record(work_dir, "release", releaser,
                     {"from": old, "reason": reason, "user": user_name(), "forced": force})
        return work_dir / str(old["kept_at"])


def release_stale(work_dir: Path, expected: LockInfo, *, reason: str,
                  stale_after: float = DEFAULT_STALE_SECONDS, force: bool = False) -> Path:
    """Delete the lock ``expected`` the user confirmed; returns where the old file was kept.

    Raises ``NoLockError`` when the file is gone, ``LockHeldError`` when it changed since it
    was shown or is live (unless ``force``), ``OSError`` when the share cannot be reached.
    """
    releaser = _Releaser(worker_id=None, worker_name=None, stale_after=stale_after)
    return releaser.release_other(work_dir, expected, reason=reason, force=force)
