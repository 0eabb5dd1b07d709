"""Where log lines go: a rotating file on this PC, and a copy on the share when it answers.

The old tool logged only to the share (``Logs/packing_tool/<date>.log``) and, with no
timeout, a dropped share froze every logging call (anchor study §1.1, §3.7). Here the
local file is the record; the share copy (``Logs/packing_tool/<station>.log``) is written
by a background thread fed through a bounded queue, so a hung or missing share delays or
drops share lines only, never the caller. Log files are append-only streams, not metadata,
so they are written by the logging handlers rather than through ``shared.fileio``.
Every line names the station, worker, session and list (see ``LogContext``).
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import queue
import re
import threading
from pathlib import Path
from typing import Any

from packing_tool.storage.paths import local_data_dir
from packing_tool.storage.share_log import ShareFileHandler

LOG_FILENAME = "packing_tool.log"
LOCAL_MAX_BYTES = 2 * 1024 * 1024
LOCAL_BACKUPS = 5
QUEUE_SIZE = 10_000
FORMAT = ("%(asctime)s.%(msecs)03d %(levelname)-7s station=%(station)s worker=%(worker)s "
          "session=%(session)s list=%(list_name)s %(name)s: %(message)s")
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S"
_UNSET = object()


class LogContext(logging.Filter):
    """Who and what every line is about; ``set`` it as the worker and the open list change."""

    def __init__(self, station: str) -> None:
        super().__init__()
        self.station = station
        self.worker = self.session = self.list_name = "-"

    def set(self, *, worker: Any = _UNSET, session: Any = _UNSET,
            list_name: Any = _UNSET) -> None:
        """Change the given fields; ``None`` clears one (shown as ``-``)."""
        for name, value in (("worker", worker), ("session", session), ("list_name", list_name)):
            if value is not _UNSET:
                setattr(self, name, str(value) if value else "-")

    def filter(self, record: logging.LogRecord) -> bool:
        # setdefault: a call may name its own worker or list with ``extra=``.
        for name in ("station", "worker", "session", "list_name"):
            record.__dict__.setdefault(name, getattr(self, name))
        return True


class _DroppingQueueHandler(logging.handlers.QueueHandler):
    """Never waits: when the share thread is stuck and the queue is full, a line is dropped."""

    def __init__(self, q: queue.Queue[logging.LogRecord | None], share: ShareFileHandler
                 ) -> None:
        super().__init__(q)
        self.share = share

    def enqueue(self, record: logging.LogRecord) -> None:
        try:
            self.queue.put_nowait(record)
        except queue.Full:
            self.share.dropped += 1  # the local file has the line; the share copy counts it


class _Setup:
    """The handlers one ``configure_logging`` call installed, to remove them again."""

    def __init__(self, context: LogContext, local: logging.Handler, log_dir: Path) -> None:
        self.context, self.local, self.log_dir = context, local, log_dir
        self.feeder: _DroppingQueueHandler | None = None
        self.share: ShareFileHandler | None = None
        self.thread: threading.Thread | None = None
        self.stopping = False
        self.queue: queue.Queue[logging.LogRecord | None] = queue.Queue(QUEUE_SIZE)

    def start_share(self, path: Path, retry_seconds: float) -> None:
        self.share = ShareFileHandler(path, retry_seconds=retry_seconds)
        self.share.setFormatter(_formatter())
        self.feeder = _DroppingQueueHandler(self.queue, self.share)
        self.feeder.addFilter(self.context)
        # Not logging.QueueListener: its stop() joins with no timeout, so a hung share
        # would hang the application's exit.
        self.thread = threading.Thread(target=self._drain, name="share-log", daemon=True)
        self.thread.start()

    def _drain(self) -> None:
        share = self.share
        assert share is not None
        try:
            while True:
                try:
                    record = self.queue.get(timeout=0.5)
                except queue.Empty:
                    if self.stopping:
                        return
                    share.poll()  # lines kept while the share was away go out once it is back
                    continue
                if record is None:
                    return
                share.handle(record)
        finally:
            share.close()

    def handlers(self) -> list[logging.Handler]:
        return [h for h in (self.local, self.feeder) if h is not None]

    def stop(self, timeout: float) -> None:
        root = logging.getLogger()
        for handler in self.handlers():
            root.removeHandler(handler)
        self.local.close()
        if self.thread is not None:
            self.stopping = True  # a stuck thread ends once the share answers and it drains
            with contextlib.suppress(queue.Full):
                self.queue.put_nowait(None)
            self.thread.join(timeout)


class _Registry:
    """The one active setup (logging is process-wide), guarded by a lock."""

    lock = threading.Lock()
    active: _Setup | None = None


_registry = _Registry()


def _file_stem(station: str) -> str:
    # The station name comes from settings or the host name; it must stay one file name.
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", station).strip(" .") or "station"


def _formatter() -> logging.Formatter:
    return logging.Formatter(FORMAT, DATE_FORMAT)


def configure_logging(station: str, *, local_dir: Path, share_logs: Path | None,
                      level: int = logging.INFO, retry_seconds: float = 15.0,
                      max_bytes: int = LOCAL_MAX_BYTES, backups: int = LOCAL_BACKUPS
                      ) -> LogContext:
    """Send the root logger's records to ``local_dir/logs`` and, if given, ``share_logs``.

    Calling it again (new station name or server path) replaces the handlers it installed
    before and keeps the context's worker, session and list.
    """
    with _registry.lock:
        if _registry.active is not None:
            context = _registry.active.context
            context.station = station
            _registry.active.stop(timeout=1.0)
            _registry.active = None
        else:
            context = LogContext(station)
        log_dir = local_dir / "logs"
        log_dir.mkdir(parents=True, exist_ok=True)
        local = logging.handlers.RotatingFileHandler(
            log_dir / LOG_FILENAME, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
        local.setFormatter(_formatter())
        local.addFilter(context)
        setup = _Setup(context, local, log_dir)
        if share_logs is not None:
            setup.start_share(share_logs / f"{_file_stem(station)}.log", retry_seconds)
        root = logging.getLogger()
        root.setLevel(level)
        for handler in setup.handlers():
            root.addHandler(handler)
        _registry.active = setup
        return context


def share_handler() -> ShareFileHandler | None:
    """The share copy's handler, to show whether it is connected (None when not logging there)."""
    active = _registry.active
    return active.share if active is not None else None


def log_folder() -> Path:
    """The folder of this station's log files (for Help → Open log folder)."""
    active = _registry.active
    return active.log_dir if active is not None else local_data_dir() / "logs"


def shutdown(timeout: float = 2.0) -> None:
    """Remove the handlers ``configure_logging`` installed; waits at most ``timeout`` s."""
    with _registry.lock:
        if _registry.active is not None:
            _registry.active.stop(timeout)
            _registry.active = None
