"""Keeps ``packing_state.json`` current for other readers, off the scan path.

Scans only mark the state dirty; a background thread rewrites the file atomically when the
station has been idle for ``idle`` seconds (building the snapshot takes the session's lock,
so it waits for a pause between scans), and at the latest ``max_age`` seconds after the
first unsaved change. The scan journal, not this file, is what resume trusts, so a late
snapshot loses nothing.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from shared import fileio

log = logging.getLogger(__name__)

STATE_FILENAME = "packing_state.json"


class StateWriter:
    def __init__(self, path: Path, build: Callable[[], dict[str, Any]],
                 *, idle: float = 1.0, max_age: float = 60.0,
                 allowed: Callable[[], bool] = lambda: True) -> None:
        self.path = path
        self._allowed = allowed  # False once the list's lock is no longer ours
        self._build = build  # called on the writer thread; it must take the session's lock
        self._idle = idle
        self._max_age = max_age
        self._wake = threading.Condition()
        self._dirty = False
        self._urgent = False
        self._first_change = 0.0
        self._last_change = 0.0
        self._stopping = False
        self.writes = 0
        self.last_error: str | None = None
        self._thread = threading.Thread(target=self._run, name="state-writer", daemon=True)
        self._thread.start()

    def mark_dirty(self, *, urgent: bool = False) -> None:
        with self._wake:
            moment = time.monotonic()
            if not self._dirty:
                self._first_change = moment
                self._wake.notify()  # the writer recomputes its deadline from this change
            self._last_change = moment
            self._dirty = True
            if urgent and not self._urgent:
                self._urgent = True
                self._wake.notify()

    def write_now(self) -> bool:
        """Write the current state on the caller's thread; True when it reached the disk."""
        with self._wake:
            self._dirty = False
            self._urgent = False
        if not self._allowed():
            self.last_error = f"{self.path}: not written, this station no longer holds the list"
            return False
        try:
            if not self.path.parent.is_dir():  # a share that went away: never recreate it
                raise FileNotFoundError(f"{self.path.parent} cannot be reached")
            fileio.atomic_write_json(self.path, self._build())
        except OSError as exc:
            self.last_error = f"{self.path}: {exc}"
            log.warning("packing_state.json not written: %s", exc)
            with self._wake:
                self._dirty = True
            return False
        self.writes += 1
        self.last_error = None
        return True

    def _due_in(self) -> float:
        """Seconds until a write is due (0 now); called with the condition held."""
        if not self._dirty:
            return self._idle
        if self._urgent:
            return 0.0
        moment = time.monotonic()
        return max(0.0, min(self._last_change + self._idle, self._first_change + self._max_age)
                   - moment)

    def _run(self) -> None:
        while True:
            with self._wake:
                wait = self._due_in()
                if wait > 0 and not self._stopping:
                    self._wake.wait(wait)
                if self._stopping:
                    return
                due = self._dirty and self._due_in() == 0.0
            if due:
                self.write_now()

    def close(self) -> None:
        """Stop the thread and write the final state if anything changed."""
        with self._wake:
            self._stopping = True
            self._wake.notify()
            pending = self._dirty
        self._thread.join(timeout=10)
        if pending:
            self.write_now()
