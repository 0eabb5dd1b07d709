"""Moving one session folder into the archive without ever losing or overwriting a file.

On one filesystem a rename moves the whole folder at once. Across filesystems (``--to``
another disk or share) the tree is copied file by file (atomic writes, times kept), every
copy is checked against the source (size and sha256), and only then is the source removed;
a failed check removes the partial copy and leaves the source as it was.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from packing_tool.admin.words import phrase
from shared import fileio

NOT_SAME_DEVICE = 17  # Windows' ERROR_NOT_SAME_DEVICE, for a rename across drives


class MoveError(Exception):
    """The session could not be moved; the source is as it was unless the message says so."""


def _cross_device(exc: OSError) -> bool:
    return exc.errno == errno.EXDEV or getattr(exc, "winerror", None) == NOT_SAME_DEVICE


def _tree(src: Path) -> tuple[list[Path], list[Path]]:
    """Relative folders and files below ``src``; a link inside refuses the copy."""
    folders: list[Path] = []
    files: list[Path] = []
    for top, dirs, names in os.walk(src):
        here = Path(top)
        for name in dirs + names:
            if (here / name).is_symlink():
                raise MoveError(phrase("{path} is a link; move this session by hand",
                                       path=here / name))
        folders += [(here / d).relative_to(src) for d in dirs]
        files += [(here / n).relative_to(src) for n in names]
    return folders, files


def _digest(data: bytes) -> tuple[int, str]:
    return len(data), hashlib.sha256(data).hexdigest()


def copy_verified(src: Path, dest: Path) -> int:
    """Copy the tree ``src`` to the new folder ``dest`` and check every file; returns the
    number of files. On any failure the partial copy is removed and ``MoveError`` raised."""
    folders, files = _tree(src)
    dest.mkdir(parents=True)
    try:
        for folder in folders:
            (dest / folder).mkdir(parents=True, exist_ok=True)
        expected = {}
        for rel in files:
            data, stat = (src / rel).read_bytes(), (src / rel).stat()
            fileio.atomic_write_bytes(dest / rel, data)
            os.utime(dest / rel, ns=(stat.st_atime_ns, stat.st_mtime_ns))
            expected[rel] = _digest(data)
        for rel, wanted in expected.items():
            if _digest((dest / rel).read_bytes()) != wanted:
                raise MoveError(phrase("the copy of {source} at {copy} differs from it",
                                       source=src / rel, copy=dest / rel))
    except BaseException as exc:
        shutil.rmtree(dest, ignore_errors=True)
        if isinstance(exc, OSError):
            raise MoveError(phrase("copying {src} to {dest} failed: {exc}", src=src, dest=dest,
                                   exc=exc)) from exc
        raise
    return len(files)


def move_session(src: Path, dest: Path, *,
                 rename: Callable[[Path, Path], None] = os.rename) -> str:
    """Move the folder ``src`` to ``dest`` (which must not exist): ``"renamed"`` or
    ``"copied"``. ``rename`` is a parameter so a test can act as a second filesystem."""
    if dest.exists():
        raise MoveError(phrase("{dest} exists already; it is never overwritten", dest=dest))
    try:
        fileio.check_path(src)
        fileio.check_path(dest)  # an Archive/ that is a link never takes a session off the share
    except OSError as exc:
        raise MoveError(str(exc)) from exc
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        rename(src, dest)
        return "renamed"
    except OSError as exc:
        if not _cross_device(exc):
            raise MoveError(phrase("cannot move {src} to {dest}: {exc}", src=src, dest=dest,
                                   exc=exc)) from exc
    copy_verified(src, dest)
    try:
        shutil.rmtree(src)
    except OSError as exc:
        raise MoveError(phrase("copied {src} to {dest} and checked the copy, but the source could "
                               "not be removed completely ({exc}); remove what is left of it by "
                               "hand", src=src, dest=dest, exc=exc)) from exc
    return "copied"
