"""Share calls with a time limit: a share that hangs must not hang the caller.

A call runs on its own daemon thread; the caller waits at most ``timeout`` seconds. A call
that finishes after its caller gave up is handed to ``abandon`` (e.g. to release a lock
that was acquired too late to be used).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from packing_tool.domain.phrase import phrase

log = logging.getLogger(__name__)
T = TypeVar("T")


class ShareTimeoutError(TimeoutError):
    """The share did not answer in time (the call may still finish in the background)."""


def within(timeout: float, what: str, call: Callable[[], T],
           abandon: Callable[[T], Any] | None = None) -> T:
    """``call()``, or ``ShareTimeoutError`` after ``timeout`` seconds."""
    box: dict[str, Any] = {}
    finished = threading.Event()
    guard = threading.Lock()  # the call's end and the caller giving up are decided once

    def run() -> None:
        try:
            box["value"] = call()
        except BaseException as exc:  # handed to the caller's thread as it is
            box["error"] = exc
        with guard:
            finished.set()
            late = box.get("gave_up", False)
        if late and "value" in box and abandon is not None:
            try:
                abandon(box["value"])
            except Exception:
                log.exception("%s: cleaning up a late answer failed", what)

    threading.Thread(target=run, name=f"share: {what}", daemon=True).start()
    finished.wait(timeout)
    with guard:
        if not finished.is_set():
            box["gave_up"] = True
            raise ShareTimeoutError(phrase("{what}: the share did not answer within {seconds} s",
                                           what=what, seconds=f"{timeout:g}"))
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]
