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
from pathlib import Path

from shared import fileio

HISTORY_FILENAME = "lock_history.jsonl"
MISSING_RECHECKS = (0.02, 0.05, 0.1)  # seconds between re-reads of a lock found missing


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
