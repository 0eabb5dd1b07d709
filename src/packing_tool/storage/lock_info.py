"""What a ``.session.lock`` file says, and how old its heartbeat is (reading only).

The fields are those of the metadata audit §1.2 E, which the existing packer and its
Session Browser read, plus ``lock_id``: a unique id per acquisition, so a station can tell
its own lock from one that replaced it. Writing, heartbeats and takeover live in
``session_lock``.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from shared.timestamps import parse_timestamp

LOCK_FILENAME = ".session.lock"
REQUIRED = ("locked_by", "user_name", "lock_time", "heartbeat")
DEFAULT_STALE_SECONDS = 180.0
DEFAULT_HEARTBEAT_SECONDS = 60.0


def host_name() -> str:
    """This PC's name as the lock records it (``locked_by``)."""
    return os.environ.get("COMPUTERNAME") or socket.gethostname() or "Unknown"


def user_name() -> str:
    """The operating-system user (``user_name`` in locks and summaries)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return os.environ.get("USERNAME") or "Unknown"


def process_alive(pid: int) -> bool:
    """Whether a process with ``pid`` runs on this PC (True when it cannot be told)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        kernel = ctypes.windll.kernel32
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie (killed, not yet reaped by its parent) is gone for our purposes
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[-1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


@dataclass(frozen=True)
class LockInfo:
    locked_by: str
    user_name: str
    lock_time: str
    heartbeat: str
    process_id: int = 0
    app_version: str = ""
    worker_id: str | None = None
    worker_name: str | None = None
    lock_id: str = ""  # empty for locks written by the existing packer

    @classmethod
    def from_dict(cls, data: object) -> LockInfo | None:
        """The lock in ``data``, or None when it lacks a required field (counts as no lock)."""
        if not isinstance(data, dict) or not all(isinstance(data.get(k), str) for k in REQUIRED):
            return None
        pid = data.get("process_id")
        return cls(
            locked_by=data["locked_by"], user_name=data["user_name"],
            lock_time=data["lock_time"], heartbeat=data["heartbeat"],
            process_id=pid if isinstance(pid, int) and not isinstance(pid, bool) else 0,
            app_version=str(data.get("app_version") or ""),
            worker_id=_text(data.get("worker_id")), worker_name=_text(data.get("worker_name")),
            lock_id=str(data.get("lock_id") or ""))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def heartbeat_age(self, moment: datetime) -> float:
        """Seconds since the last heartbeat (since ``lock_time`` if unreadable); inf if neither."""
        beat = parse_timestamp(self.heartbeat) or parse_timestamp(self.lock_time)
        return float("inf") if beat is None else max(0.0, (moment - beat).total_seconds())

    def owner_gone(self) -> bool:
        """True when the lock is this PC's and its process no longer runs."""
        return self.locked_by == host_name() and not process_alive(self.process_id)

    def is_stale(self, moment: datetime, stale_after: float = DEFAULT_STALE_SECONDS) -> bool:
        return self.heartbeat_age(moment) > stale_after or self.owner_gone()

    def describe(self) -> str:
        """``station PC1, worker Dolphin, since 2026-11-21T10:30`` for messages."""
        who = self.worker_name or self.user_name
        since = self.lock_time[:16]
        return f"station {self.locked_by}, worker {who}, since {since}"


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def read_lock(work_dir: Path) -> LockInfo | None:
    """The lock of one list's work folder; None when absent or not a valid lock.

    Raises ``OSError`` other than "not found" (an unreachable share is not "no lock").
    """
    try:
        raw = (work_dir / LOCK_FILENAME).read_bytes()
    except FileNotFoundError:
        return None
    try:
        return LockInfo.from_dict(json.loads(raw.decode("utf-8-sig")))
    except (UnicodeDecodeError, ValueError):
        return None
