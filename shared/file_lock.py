"""The exclusive OS lock on byte 0 of an open file (``flock`` on POSIX, ``msvcrt.locking``
on Windows: exactly what the deployed Shopify Tool takes). ``shared.fileio`` re-exports it."""

from __future__ import annotations

import contextlib
import os
import random
import sys
import time
from collections.abc import Iterator
from typing import IO

from shared.file_errors import LockTimeoutError

# --------------------------------------------------------------------------- OS locks


if sys.platform == "win32":  # pragma: no cover - exercised on Windows stations only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


@contextlib.contextmanager
def lock_file(file_handle: IO[bytes], timeout: float = 5.0) -> Iterator[IO[bytes]]:
    """Hold the exclusive OS lock on byte 0 of an open file, polling until ``timeout``."""
    fd = file_handle.fileno()
    deadline = time.monotonic() + timeout
    delay = 0.002
    while not _try_lock(fd):
        if time.monotonic() >= deadline:
            raise LockTimeoutError(getattr(file_handle, "name", "?"), timeout)
        # Jittered, growing polls: waiters do not wake in lock step.
        time.sleep(delay * (0.5 + random.random()))
        delay = min(delay * 1.5, 0.05)
    try:
        yield file_handle
    finally:
        _unlock(fd)
