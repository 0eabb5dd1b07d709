"""Create a file only if none exists, atomically, on a local disk or an SMB share.

A complete temp file is hard-linked into place: the link fails when the name exists, so of
several stations exactly one wins and nobody reads half a file. Shares without hard links
fall back to an exclusive create (``O_CREAT | O_EXCL``) written in place.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path


def _write_new(path: Path, data: bytes, durable: bool) -> None:
    with open(path, "xb") as fh:  # "x": O_CREAT | O_EXCL
        fh.write(data)
        if durable:
            fh.flush()
            os.fsync(fh.fileno())


def create_new(path: Path, data: bytes, *, durable: bool = True) -> bool:
    """Create ``path`` holding ``data`` if it does not exist; False when it does.

    The folder must exist (a missing one raises ``FileNotFoundError``).
    """
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        _write_new(tmp, data, durable)
        try:
            os.link(tmp, path)  # atomic and fails if the file exists: exactly one winner
        except FileExistsError:
            return False
        except OSError:  # no hard links on this share: exclusive create, written in place
            try:
                _write_new(path, data, durable)
            except FileExistsError:
                return False
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return True
