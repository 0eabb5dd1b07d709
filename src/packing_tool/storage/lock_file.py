"""How a held lock file is rewritten, and what its absence proves.

A heartbeat rewrites the holder's own lock file in place instead of replacing it. Some SMB
clients (smbnetfs among them) carry out a replace as "delete, then rename": for that moment
the lock is missing, and another station could create its own lock in the gap. Rewriting in
place never leaves the name empty. The new content is padded with spaces to the old length,
so the file is never shorter than one complete JSON document (trailing spaces are valid
JSON); a reader that still catches it half written sees an invalid lock, which counts as
held, never as free.

A missing lock file is not proof of a takeover: a folder moved on the server, a dropped
connection or a hand deleting the file all look the same. Only ``lock_history.jsonl`` proves
that another station or an administrator ended our lock (a line whose ``from`` is our
``lock_id``); without that proof the holder is offline, and it puts its lock back when the
folder answers again.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from datetime import datetime
from pathlib import Path

from packing_tool.domain.phrase import phrase
from packing_tool.storage import share_json
from packing_tool.storage.exclusive import read_settled
from packing_tool.storage.lock_info import LOCK_FILENAME, LockInfo
from shared import fileio
from shared.compat import LOCK_VERSION
from shared.timestamps import to_iso

HISTORY_FILENAME = "lock_history.jsonl"
MISSING_RECHECKS = (0.02, 0.05, 0.1)  # seconds between re-reads of a lock found missing
UNKNOWN = "unknown"


class LockHeldError(RuntimeError):
    """Another holder (or an unreadable lock file) has the list."""

    def __init__(self, work_dir: Path, holder: LockInfo, *, stale: bool, age: float,
                 invalid: bool = False, note: str = "") -> None:
        self.work_dir, self.holder, self.stale, self.invalid = work_dir, holder, stale, invalid
        beat = phrase("heartbeat unreadable") if age == float("inf") else phrase(
            "heartbeat {seconds} s ago", seconds=f"{age:.0f}")
        if invalid:
            state = phrase("is stale and can be taken over") if stale else phrase(
                "counts as held until stale")
            text = phrase("{list}: the lock file {file} is not a valid lock (written {seconds} s "
                          "ago); it {state}", list=work_dir.name, file=work_dir / LOCK_FILENAME,
                          seconds=f"{age:.0f}", state=state)
        elif stale:
            gone = phrase("; its program no longer runs") if holder.owner_gone() else ""
            text = phrase("{list} was being packed by {holder} ({beat}{gone}); the lock is stale "
                          "and can be taken over", list=work_dir.name, holder=holder.describe(),
                          beat=beat, gone=gone)
        else:
            text = phrase("{list} is being packed by {holder} ({beat})", list=work_dir.name,
                          holder=holder.describe(), beat=beat)
        super().__init__(phrase("{held} ({note})", held=text, note=note) if note else text)


class LockLostError(RuntimeError):
    """Our lock file is gone or belongs to someone else now."""

    def __init__(self, work_dir: Path, holder: LockInfo | None) -> None:
        self.work_dir, self.holder = work_dir, holder
        now_held = phrase("it is now held by {holder}", holder=holder.describe()) if holder else \
            phrase("the lock file is gone")
        super().__init__(phrase("{list}: this station no longer holds the lock; {now_held}",
                                list=work_dir.name, now_held=now_held))


def payload(info: LockInfo) -> bytes:
    return fileio.dumps({**info.to_dict(), "version": LOCK_VERSION}).encode("utf-8")


def read_current(work_dir: Path) -> tuple[LockInfo | None, bytes, bool]:
    """(lock, raw bytes, valid); an invalid file gives a placeholder dated by its mtime."""
    path = work_dir / LOCK_FILENAME
    try:
        raw = read_settled(path)  # a lock being created is empty for a moment on some shares
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        return None, b"", True
    with contextlib.suppress(UnicodeDecodeError, ValueError):
        if (info := LockInfo.from_dict(share_json.loads(raw.decode("utf-8-sig")))) is not None:
            return info, raw, True
    written = to_iso(datetime.fromtimestamp(mtime).astimezone())
    return LockInfo(UNKNOWN, UNKNOWN, written, written), raw, False


def rewrite_in_place(path: Path, data: bytes) -> None:
    """Overwrite ``path`` (which must exist) with ``data``, padded to the old length."""
    fileio.check_path(path)
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0) | fileio.NOFOLLOW)
    try:
        padded = data + b" " * max(0, os.fstat(fd).st_size - len(data))
        written = 0
        while written < len(padded):  # one call in practice: a lock is a few hundred bytes
            written += os.write(fd, padded[written:])
        os.fsync(fd)
    finally:
        os.close(fd)


def recheck_missing(path: Path) -> bool:
    """True when ``path`` still does not exist after a few short re-reads."""
    for pause in MISSING_RECHECKS:
        time.sleep(pause)
        if path.exists():
            return False
    return True


def ended_by_other(work_dir: Path, lock_id: str) -> bool:
    """True when ``lock_history.jsonl`` records a takeover or release of lock ``lock_id``."""
    if not lock_id:
        return False
    try:
        lines = (work_dir / HISTORY_FILENAME).read_bytes().splitlines()
    except FileNotFoundError:
        return False
    for raw in reversed(lines):
        with contextlib.suppress(ValueError, UnicodeDecodeError):
            line = json.loads(raw.decode("utf-8"))
            old = line.get("from") if isinstance(line, dict) else None
            if isinstance(old, dict) and old.get("lock_id") == lock_id:
                return True
    return False
