"""What a ``.session.lock`` file says, and how old its heartbeat is (reading only).

The fields are those of the metadata audit §1.2 E, which the existing packer and its
Session Browser read, plus ``lock_id``: a unique id per acquisition, so a station can tell
its own lock from one that replaced it, and ``host``: the PC the holding process runs on.
Writing, heartbeats and takeover live in ``session_lock``.

A station is named by ``station_name()`` (``locked_by``, messages, logs, the packing
session's ``pc_name``); ``host_name()`` is the PC's real name, used only where a process's
liveness is judged, because a process id means something on its own PC only.
"""

from __future__ import annotations

import getpass
import os
import socket
import sys
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from packing_tool.domain.phrase import Phrase, phrase
from packing_tool.storage import share_json
from shared.timestamps import parse_timestamp

LOCK_FILENAME = ".session.lock"
REQUIRED = ("locked_by", "user_name", "lock_time", "heartbeat")
DEFAULT_STALE_SECONDS = 180.0
DEFAULT_HEARTBEAT_SECONDS = 60.0
STATION_ENV = "PACKING_TOOL_STATION"


class _Station:
    """The process-wide name ``set_station_name`` gave (the app's settings, or ``--station``)."""

    configured: str | None = None


def host_name() -> str:
    """This PC's real name (the lock's ``host``; ``locked_by`` before stations had names)."""
    return os.environ.get("COMPUTERNAME") or socket.gethostname() or "Unknown"


def station_override() -> str | None:
    """The station name ``PACKING_TOOL_STATION`` forces, or None when it is unset or empty."""
    return os.environ.get(STATION_ENV, "").strip() or None


def effective_station(configured: str | None) -> str:
    """The name a station goes by when ``configured`` is its settings' name (None: not set).

    ``PACKING_TOOL_STATION`` wins, then ``configured``, then this PC's host name.
    """
    return station_override() or (configured or "").strip() or host_name()


def set_station_name(name: str | None) -> None:
    """Name this process's station (from the settings or ``--station``); None or "": unset."""
    _Station.configured = (name or "").strip() or None


def station_name() -> str:
    """This station's name in locks (``locked_by``), messages, logs and session files.

    ``PACKING_TOOL_STATION`` when set and not empty, else the name given to
    ``set_station_name``, else ``host_name()``.
    """
    return effective_station(_Station.configured)


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
    host: str = ""  # the holder's PC; empty for older locks, whose locked_by is the PC

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
            lock_id=str(data.get("lock_id") or ""), host=_text(data.get("host")) or "")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def heartbeat_age(self, moment: datetime) -> float:
        """Seconds since the last heartbeat (since ``lock_time`` if unreadable); inf if neither."""
        beat = parse_timestamp(self.heartbeat) or parse_timestamp(self.lock_time)
        return float("inf") if beat is None else max(0.0, (moment - beat).total_seconds())

    @property
    def pc(self) -> str:
        """The PC the holding process runs on (``locked_by`` for locks without ``host``)."""
        return self.host or self.locked_by

    def owner_gone(self) -> bool:
        """True when the lock is this PC's and its process no longer runs.

        The PC, not the station name: a process id can be checked on its own PC only, and two
        stations with different names on one PC still see each other's processes.
        """
        return self.pc == host_name() and not process_alive(self.process_id)

    def is_stale(self, moment: datetime, stale_after: float = DEFAULT_STALE_SECONDS) -> bool:
        return self.heartbeat_age(moment) > stale_after or self.owner_gone()

    def describe(self) -> Phrase:
        """``station PACK-07 (PC desk-3), worker Dolphin, since 2026-11-21T10:30`` for messages;
        the PC only when it is known and not the station's name."""
        who = self.worker_name or self.user_name
        since = self.lock_time[:16]
        if self.host and self.host != self.locked_by:
            return phrase("station {station} (PC {pc}), worker {worker}, since {since}",
                          station=self.locked_by, pc=self.host, worker=who, since=since)
        return phrase("station {station}, worker {worker}, since {since}",
                      station=self.locked_by, worker=who, since=since)


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
        return LockInfo.from_dict(share_json.loads(raw.decode("utf-8-sig")))
    except (UnicodeDecodeError, ValueError):
        return None
