"""The one background-task runner: share I/O off the UI thread, one task at a time.

Tasks run in submission order on a single worker thread, so writes to the share never
overlap. Results come back as Qt signals, delivered on the thread that owns the runner
(the UI thread). A task that hangs on a dead share only delays the tasks queued behind
it; the window keeps running. The worker is a daemon Python thread on purpose: a thread
stuck in a network call must never keep the application from exiting.

Signals:
    done(token, result): a task returned.
    failed(token, message): a task raised; ``message`` is the error in words for a person, in
        the window's language (``error_words.error_text``); the log has the class and text.
    idle(): the queue became empty.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

from packing_tool.ui.error_words import error_text

log = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[str], None]


@dataclass(frozen=True)
class _Task:
    token: int
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]


class TaskRunner(QObject):
    """Runs callables one at a time on a worker thread; see the module docstring."""

    done = Signal(int, object)
    failed = Signal(int, str)
    idle = Signal()
    _finished = Signal(int, bool, object)  # worker thread → UI thread (queued)

    def __init__(self, parent: QObject | None = None, *, name: str = "share-io") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._queue: queue.SimpleQueue[_Task | None] = queue.SimpleQueue()
        self._callbacks: dict[int, tuple[OnDone | None, OnError | None]] = {}
        self._next_token = 0
        self._running: int | None = None  # token of the task on the worker, if any
        self._state = threading.Lock()  # guards _running (written by the worker)
        self._cancelled: set[int] = set()  # tokens whose result must not be delivered
        self._owners: dict[int, QObject] = {}
        self._closed = False
        self._finished.connect(self._on_finished)
        tasks = self._queue
        self.destroyed.connect(lambda: tasks.put(None))  # a deleted runner's thread ends too
        self._thread = threading.Thread(target=self._work, name=name, daemon=True)
        self._thread.start()

    # ------------------------------------------------------------------ public API

    def submit(self, fn: Callable[..., Any], *args: Any, on_done: OnDone | None = None,
               on_error: OnError | None = None, owner: QObject | None = None,
               **kwargs: Any) -> int:
        """Queue ``fn(*args, **kwargs)``; returns its token at once (never blocks).

        With ``owner``, the callbacks are skipped if that Qt object was deleted meanwhile
        (a window closed while the share was slow).
        """
        if self._closed:
            raise RuntimeError("the task runner was shut down")
        self._next_token += 1
        token = self._next_token
        self._callbacks[token] = (on_done, on_error)
        if owner is not None:
            self._owners[token] = owner
        self._queue.put(_Task(token, fn, args, kwargs))
        return token

    def cancel(self, token: int) -> None:
        """Drop a task's callbacks and signals (its widget closed); a running task finishes."""
        if self._callbacks.pop(token, None) is not None:
            self._cancelled.add(token)
            self._owners.pop(token, None)

    @property
    def busy(self) -> bool:
        """A task is running on the worker thread right now."""
        with self._state:
            return self._running is not None

    @property
    def pending(self) -> int:
        """Tasks submitted whose result has not been delivered yet (running one included)."""
        return len(self._callbacks) + len(self._cancelled)

    @property
    def closed(self) -> bool:
        """True once ``shutdown`` began: nothing more can be submitted (the app is closing)."""
        return self._closed

    def shutdown(self, timeout: float = 2.0) -> bool:
        """Stop taking tasks and wait up to ``timeout`` s for the queue; False if still busy."""
        if not self._closed:
            self._closed = True
            self._queue.put(None)
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # ------------------------------------------------------------------ internals

    def _work(self) -> None:
        while True:
            task = self._queue.get()
            if task is None:
                return
            with self._state:
                self._running = task.token
            try:
                result: Any = task.fn(*task.args, **task.kwargs)
                ok = True
            except Exception as exc:  # reported to the submitter, never lost
                log.warning("background task %s (%s) failed", task.token,
                            getattr(task.fn, "__qualname__", task.fn), exc_info=True)
                result, ok = exc, False
            with self._state:
                self._running = None
            try:
                self._finished.emit(task.token, ok, result)
            except RuntimeError:  # the runner's Qt object is gone: the app is closing
                return

    @Slot(int, bool, object)
    def _on_finished(self, token: int, ok: bool, result: Any) -> None:
        try:
            if token in self._cancelled:
                self._cancelled.discard(token)
            else:
                self._deliver(token, ok, result)
        finally:
            if not self._callbacks and not self._cancelled:
                self.idle.emit()

    def _deliver(self, token: int, ok: bool, result: Any) -> None:
        on_done, on_error = self._callbacks.pop(token, (None, None))
        owner = self._owners.pop(token, None)
        if owner is not None and not shiboken6.isValid(owner):
            on_done = on_error = None  # its widget is gone: nobody to tell
        if ok:
            self.done.emit(token, result)
            if on_done is not None:
                on_done(result)
        else:
            message = error_text(result)  # on the UI thread: the window's catalogue
            self.failed.emit(token, message)
            if on_error is not None:
                on_error(message)
