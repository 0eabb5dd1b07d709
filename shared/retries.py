"""Retrying an action that meets a held lock or a passing OS error (``shared.fileio``
re-exports it)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

from shared.file_errors import LockTimeoutError

log = logging.getLogger("shared.fileio")

T = TypeVar("T")


def with_retries(
    action: Callable[[], T],
    *,
    attempts: int,
    delay: float,
    retry_on: tuple[type[BaseException], ...] = (LockTimeoutError, OSError),
    what: str = "",
) -> T:
    """Run ``action``; on ``retry_on`` errors try again (sleeping delay, then 2 delays, …).

    After the last attempt the last error is raised for the caller to translate.
    """
    for attempt in range(max(1, attempts)):
        try:
            return action()
        except retry_on as exc:
            log.debug("%s: attempt %d failed: %s", what, attempt + 1, exc)
            if attempt + 1 >= max(1, attempts):
                raise
            time.sleep(delay * (attempt + 1))
    raise AssertionError("unreachable")  # the loop returns or raises
