"""Create a file only if none exists, atomically, on a local disk or an SMB share.

A complete temp file is hard-linked into place: the link fails when the name exists, so of
several stations exactly one wins and nobody reads half a file. Shares without hard links
fall back to an exclusive create (``O_CREAT | O_EXCL``) written in place.
"""

from __future__ import annotations

import contextlib
import os
import time
import uuid
from pathlib import Path

from shared import fileio


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
    fileio.check_path(path)
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


SETTLE_SECONDS = 2.0  # longer than any creator takes between its create and its write


def read_settled(path: Path, settle: float = SETTLE_SECONDS) -> bytes:
    """The file's bytes; an empty file younger than ``settle`` seconds is read again until it
    is not (on a share without hard links its creator may not have written it yet)."""
    fileio.check_path(path)  # a link here would copy another file's bytes onto the share
    deadline = time.monotonic() + settle
    while True:
        raw = path.read_bytes()
        if raw or time.monotonic() >= deadline or _age(path) >= settle:
            return raw
        time.sleep(0.02)


def abandoned(path: Path, settle: float = SETTLE_SECONDS) -> bool:
    """An empty file older than ``settle``: its creator died between create and write."""
    try:
        return path.stat().st_size == 0 and _age(path) >= settle
    except FileNotFoundError:
        return False


def _age(path: Path) -> float:
    try:
        return max(0.0, time.time() - path.stat().st_mtime)
    except FileNotFoundError:
        return float("inf")
