"""Keeps ``packing_state.json`` current for other readers, off the scan path.

Scans only mark the state dirty; a background thread rewrites the file atomically at most
once per ``interval`` seconds (sooner when asked, e.g. when an order completes). The scan
journal, not this file, is what resume trusts, so a lost or late snapshot loses nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from shared import fileio

log = logging.getLogger(__name__)

STATE_FILENAME = "packing_state.json"


class StateWriter:
    def __init__(self, path: Path, build: Callable[[], dict[str, Any]],
                 *, interval: float = 2.0) -> None:
        self.path = path
        self._build = build  # called on the writer thread; it must take the session's lock
        self._interval = interval
        self._wake = threading.Condition()
        self._dirty = False
        self._urgent = False
        self._stopping = False
        self.writes = 0
        self.last_error: str | None = None
        self._thread = threading.Thread(target=self._run, name="state-writer", daemon=True)
        self._thread.start()

    def mark_dirty(self, *, urgent: bool = False) -> None:
        with self._wake:
            self._dirty = True
            self._urgent = self._urgent or urgent
            if urgent:
                self._wake.notify()

    def write_now(self) -> bool:
        """Write the current state on the caller's thread; True when it reached the disk."""
        with self._wake:
            self._dirty = False
            self._urgent = False
        try:
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

    def _run(self) -> None:
        while True:
            with self._wake:
                if not self._urgent and not self._stopping:
                    self._wake.wait(self._interval)
                if self._stopping:
                    return
                due = self._dirty
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
