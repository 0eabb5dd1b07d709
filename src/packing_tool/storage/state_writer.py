"""Keeps ``packing_state.json`` current for other readers, off the scan path, on a byte budget.

Scans only count changes; a background thread rewrites the whole file atomically once the
changes since the last write have paid for it (``changes * budget_per_change`` reaches the
size of the last snapshot written) and the station has then been idle for ``idle`` seconds
(building the snapshot takes the session's lock, so it waits for a pause between scans), or
at the latest ``max_age`` seconds after the write was paid for. So the share receives at most
about ``budget_per_change`` bytes of snapshot per change, plus what the snapshot grew by, on
any list size. The first write, urgent marks, ``write_now`` and ``close`` (pause, end) always
write. The scan journal, not this file, is what resume trusts, so a late snapshot loses
nothing.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from packing_tool.domain.phrase import phrase
from shared import fileio

log = logging.getLogger(__name__)

STATE_FILENAME = "packing_state.json"
BUDGET_PER_CHANGE = 256  # bytes of snapshot one change pays for: about one journal line
TAIL_BYTES = 256
_LAST_SEQ = re.compile(rb'"last_seq":\s*(\d+)\s*}\s*$')


def written_seq(path: Path) -> int | None:
    """``last_seq`` of a snapshot this writer wrote (its last key), from the file's tail only.

    None when there is no file, it cannot be read, or it ends otherwise (an older packer's).
    """
    try:
        fileio.check_path(path)  # a link here is refused when written, not read now
        with path.open("rb") as fh:
            fh.seek(max(0, fh.seek(0, 2) - TAIL_BYTES))
            found = _LAST_SEQ.search(fh.read())
    except OSError:
        return None
    return int(found.group(1)) if found else None


class StateWriter:
    def __init__(self, path: Path, build: Callable[[], dict[str, Any]],
                 *, idle: float = 1.0, max_age: float = 60.0,
                 budget_per_change: int = BUDGET_PER_CHANGE, retry: float = 5.0,
                 allowed: Callable[[], bool] = lambda: True) -> None:
        self.path = path
        self._allowed = allowed  # False once the list's lock is no longer ours
        self._build = build  # called on the writer thread; it must take the session's lock
        self._idle = idle
        self._max_age = max_age  # the longest a paid-for write waits for a pause
        self._budget = budget_per_change
        self._retry = retry  # a failed write is tried again after this many seconds
        self._wake = threading.Condition()
        self._write_lock = threading.Lock()  # one write at a time, so the newest lands last
        self._changes = 0  # since the last write began
        self._urgent = False
        self._owed = False  # a write failed: the next one is due whatever the budget
        self._writing = False
        self._paid_at: float | None = None  # when the pending write became due (budget met)
        self._last_change = 0.0
        self._not_before = 0.0
        self._last_size: int | None = None  # bytes of the last snapshot written
        self._stopping = False
        self.writes = 0
        self.bytes_written = 0
        self.last_error: str | None = None
        self._thread = threading.Thread(target=self._run, name="state-writer", daemon=True)
        self._thread.start()

    def mark_dirty(self, *, urgent: bool = False) -> None:
        """Count one change; ``urgent`` writes at once (not waiting for a pause or the budget)."""
        with self._wake:
            self._changes += 1
            self._last_change = time.monotonic()
            if urgent:
                self._urgent = True
                self._wake.notify()
            self._note_paid()

    @property
    def write_due(self) -> bool:
        """True while a write is paid for (waiting for a pause) or under way."""
        with self._wake:
            return self._writing or self._paid_at is not None

    def _is_paid(self) -> bool:
        """Called with the condition held."""
        if self._urgent or self._owed:
            return True
        if self._changes == 0 or self._writing:  # a write under way sets the new size first
            return False
        return self._last_size is None or self._changes * self._budget >= self._last_size

    def _note_paid(self) -> None:
        """Called with the condition held: start the wait for a pause once the budget is met."""
        if self._paid_at is None and self._is_paid():
            self._paid_at = time.monotonic()
            self._wake.notify()  # the writer recomputes its deadline from this moment

    def write_now(self) -> bool:
        """Write the current state on the caller's thread; True when it reached the disk."""
        with self._write_lock:
            with self._wake:
                taken, self._changes = self._changes, 0
                self._urgent = self._owed = False
                self._paid_at = None
                self._writing = True
            try:
                return self._write(taken)
            finally:
                with self._wake:
                    self._writing = False
                    self._note_paid()

    def _write(self, taken: int) -> bool:
        if not self._allowed():
            self.last_error = f"{self.path}: not written, this station no longer holds the list"
            return False
        try:
            if not self.path.parent.is_dir():  # a share that went away: never recreate it
                raise FileNotFoundError(phrase("{folder} cannot be reached",
                                               folder=self.path.parent))
            data = fileio.dumps(self._build()).encode("utf-8")
            fileio.atomic_write_bytes(self.path, data)
        except OSError as exc:
            self.last_error = f"{self.path}: {exc}"
            log.warning("packing_state.json not written: %s", exc)
            with self._wake:
                self._changes += taken
                self._owed = True
                self._not_before = time.monotonic() + self._retry
            return False
        with self._wake:
            self._last_size = len(data)
        self.writes += 1
        self.bytes_written += len(data)
        self.last_error = None
        return True

    def _due_in(self) -> float | None:
        """Seconds until a write is due (0 now, None: not paid for); condition held."""
        if self._paid_at is None:
            return None
        if self._urgent:
            return 0.0
        moment = time.monotonic()
        at = min(self._last_change + self._idle, self._paid_at + self._max_age)
        return max(0.0, at - moment, self._not_before - moment)

    def _run(self) -> None:
        while True:
            with self._wake:
                wait = self._due_in()
                if (wait is None or wait > 0) and not self._stopping:
                    self._wake.wait(wait)
                if self._stopping:
                    return
                due = self._due_in() == 0.0
            if due:
                self.write_now()

    def close(self) -> None:
        """Stop the thread and write the final state if anything changed since the last write."""
        with self._wake:
            self._stopping = True
            self._wake.notify()
        self._thread.join(timeout=10)
        with self._wake:
            pending = self._changes > 0 or self._urgent or self._owed
        if pending:
            self.write_now()
