"""The errors of the shared file helpers (``shared.fileio`` re-exports them)."""

from __future__ import annotations

import os
from pathlib import Path

ADVICE = ("nothing was written. Run `packing-tool verify`, then `packing-tool verify --repair` "
          "(or put a good copy of the file back), and try again")


class LockTimeoutError(TimeoutError):
    """The OS lock on a shared file could not be had in time."""

    def __init__(self, path: object, timeout: float) -> None:
        super().__init__(f"{path} is locked by another program (waited {timeout:.1f} s)")
        self.path = str(path)
        self.timeout = timeout


class CorruptFileError(ValueError):
    """A JSON file is unreadable and nothing good could be recovered for it."""

    def __init__(self, path: str | os.PathLike[str], reason: str, kept_at: Path | None) -> None:
        where = f"; its bytes are kept at {kept_at}" if kept_at else ""
        super().__init__(f"{os.fspath(path)}: {reason}{where}")
        self.path = os.fspath(path)
        self.reason = reason
        self.kept_at = kept_at


class SharedFileDamagedError(CorruptFileError):
    """A shared file cannot be read and nothing safe could be recovered: nothing was written.

    Raised (with ``strict=True``) when the file and its ``.bak`` are both unreadable, or when
    the ``.bak`` is older than the torn file (it may lack another program's later changes).
    ``kept_at`` is the copy of the damaged bytes (``<file>.corrupt-*``), None when the file
    was empty or could not be copied (read-only share). The file itself is left as it is.
    """

    def __init__(self, path: str | os.PathLike[str], kept_at: Path | None,
                 reason: str = "unreadable, and so is its .bak") -> None:
        CorruptFileError.__init__(self, path, reason, kept_at)
        where = f"; its bytes are kept at {kept_at}" if kept_at else ""
        self.args = (f"{os.fspath(path)} is damaged: {reason}{where}; {ADVICE}",)
