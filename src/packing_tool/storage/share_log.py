"""The share copy of the log: a handler that appends to ``Logs/packing_tool/<station>.log``.

It runs on the logging listener thread only (see ``logging_setup``), never raises, keeps
lines in a bounded backlog while the share is away and reopens the file when it answers.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import os
import time
from pathlib import Path
from typing import IO

from shared import fileio

SHARE_MAX_BYTES = 10 * 1024 * 1024  # past this the share copy starts afresh (one backup kept)
BACKLOG_LINES = 5_000  # share lines kept in memory while the share is away


class ShareFileHandler(logging.Handler):
    """Appends to a file on the share; never raises, reopens after failures or a moved file.

    It runs on the listener thread only. Lines that cannot be written wait in a bounded
    backlog and are written once the file opens again.
    """

    def __init__(self, path: Path, *, retry_seconds: float = 15.0) -> None:
        super().__init__()
        self.path = path
        self.retry_seconds = retry_seconds
        self.last_error: str | None = None
        self.dropped = 0
        self._stream: IO[str] | None = None
        self._identity: tuple[int, int] | None = None
        self._retry_at = 0.0
        self._checked_at = 0.0
        self._ever_opened = False
        self._backlog: collections.deque[str] = collections.deque(maxlen=BACKLOG_LINES)

    @property
    def connected(self) -> bool:
        return self._stream is not None

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record) + "\n"
        except Exception:  # a bad format argument must not stop the share copy
            line = f"{record.levelname} {record.name}: {record.msg!r} (unformattable)\n"
        if len(self._backlog) == self._backlog.maxlen:
            self.dropped += 1
        self._backlog.append(line)
        self.poll()

    def poll(self) -> None:
        """Write what waits, reopening the file when a retry is due (listener thread only)."""
        now = time.monotonic()
        if self._stream is not None and now - self._checked_at >= self.retry_seconds:
            self._checked_at = now
            self._check_still_there()
        if self._stream is None and self._backlog and now >= self._retry_at:
            self._open(now)
        if self._stream is not None and self._backlog:
            self._flush_backlog()

    def _check_still_there(self) -> None:
        # The folder renamed or the share remounted: the open handle writes nowhere useful.
        try:
            stat = os.stat(self.path)
        except OSError as exc:
            self._fail(exc)
            return
        if (stat.st_dev, stat.st_ino) != self._identity:
            self._close_stream()

    def _open(self, now: float) -> None:
        try:
            fileio.check_path(self.path)  # a link on the share never takes the log elsewhere
            if not self._ever_opened:  # created once; a folder that vanishes later is "away"
                self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.path.exists() and self.path.stat().st_size > SHARE_MAX_BYTES:
                os.replace(self.path, self.path.with_name(self.path.name + ".1"))
            # "a+", not "a": a write-only append breaks some SMB clients (smbnetfs).
            self._stream = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115
            stat = os.fstat(self._stream.fileno())
        except OSError as exc:
            self._fail(exc)
            return
        self._identity = (stat.st_dev, stat.st_ino)
        self._ever_opened = True
        self._checked_at = now
        self.last_error = None

    def _flush_backlog(self) -> None:
        stream = self._stream
        assert stream is not None
        try:
            if self.dropped:
                stream.write(f"... {self.dropped} log lines were lost while the share was "
                             "away; this station's local log has them\n")
            stream.writelines(self._backlog)
            stream.flush()
        except (OSError, ValueError) as exc:  # ValueError: closed by logging's exit hook
            self._fail(exc)
            return
        self._backlog.clear()
        self.dropped = 0

    def _fail(self, exc: Exception) -> None:
        self.last_error = f"{type(exc).__name__}: {exc}"
        self._close_stream()
        self._retry_at = time.monotonic() + self.retry_seconds

    def _close_stream(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            with contextlib.suppress(OSError):  # the share is gone: nothing left to flush to
                stream.close()

    def close(self) -> None:
        self._close_stream()
        super().close()
