"""Nothing the program writes leaves the share root, whatever links lie on the share.

Anyone with write access to the share can replace a folder or a file by a symbolic link (on
Windows also a junction or another reparse point). Every place that creates, rewrites,
appends to, renames or deletes a file on the share first calls ``check`` (through
``shared.fileio``'s path guard for the shared helpers): the path, resolved at that moment,
must lie inside the root, and its last part may not be a link at all. A refusal raises
``LinkRefusedError`` (an ``OSError``, so it is handled like any other share failure: the
write does not happen) naming the link and where it points, and is logged.

A share root is known here once a ``ShareLayout`` is made for it (``confine``); paths under
no known root (the station's own folder, a backup's output) are not checked.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from packing_tool.domain.phrase import phrase
from shared import fileio

log = logging.getLogger(__name__)

REPARSE_POINT = getattr(stat, "FILE_ATTRIBUTE_REPARSE_POINT", 0x400)

_roots: set[str] = set()  # every known share root, absolute as given


class LinkRefusedError(OSError):
    """A link (or junction) on the share would lead a write elsewhere: nothing was written."""

    def __init__(self, message: str, path: str | os.PathLike[str]) -> None:
        super().__init__(message)
        self.path = os.fspath(path)

    def __str__(self) -> str:
        return str(self.args[0])


def is_link(path: str | os.PathLike[str]) -> bool:
    """True for a symbolic link, a junction or any other reparse point (never follows it)."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    if stat.S_ISLNK(st.st_mode):
        return True
    return bool(getattr(st, "st_file_attributes", 0) & REPARSE_POINT)


def link_target(path: str | os.PathLike[str]) -> str:
    """Where a link points, as written in it (or its resolved path for a junction)."""
    try:
        return os.readlink(path)
    except (OSError, ValueError):
        return os.path.realpath(path)


def _within(path: str, root: str) -> bool:
    return os.path.normcase(path) == os.path.normcase(root) or os.path.normcase(path).startswith(
        os.path.normcase(root.rstrip(os.sep) + os.sep))


def _first_link(root: str, path: str) -> str | None:
    """The first part of ``path`` below ``root`` that is a link, if any."""
    rel = os.path.relpath(path, root)
    current = root
    for part in rel.split(os.sep):
        current = os.path.join(current, part)
        if is_link(current):
            return current
    return None


def _refuse(root: str, path: str, resolved: str) -> LinkRefusedError:
    link = _first_link(root, path) or path
    where = link_target(link) if is_link(link) else resolved
    if _within(resolved, os.path.realpath(root)):
        text = phrase("{link} is a link to {where}: the program never writes or copies through "
                      "links on the share; nothing was written to {file}", link=link,
                      where=where, file=path)
    else:
        text = phrase("{link} is a link to {where}, outside the share root {root}: the program "
                      "never writes or copies through links on the share; nothing was written "
                      "to {file}", link=link, where=where, root=root, file=path)
    log.error("%s", text)
    return LinkRefusedError(text, path)


def resolve_inside(root: str | os.PathLike[str], path: str | os.PathLike[str]) -> Path:
    """``path`` resolved (links followed) now; raises ``LinkRefusedError`` when it lies outside
    ``root`` or its last part is a link. A ``path`` not below ``root`` as written is refused."""
    base, target = os.path.abspath(root), os.path.abspath(path)
    if not _within(target, base):
        raise LinkRefusedError(phrase("{file} is not inside the share root {root}: refused",
                                      file=target, root=base), target)
    real_root = os.path.realpath(base)
    resolved = os.path.realpath(target)
    if target != base and is_link(target):
        raise _refuse(base, target, resolved)
    if not _within(resolved, real_root):
        raise _refuse(base, target, resolved)
    return Path(resolved)


def confine(root: str | os.PathLike[str]) -> None:
    """Know ``root`` as a share root: writes below it are checked from now on."""
    _roots.add(os.path.abspath(root))


def root_of(path: str | os.PathLike[str]) -> str | None:
    """The known share root ``path`` lies below as written (the outermost one), if any."""
    if not _roots:
        return None
    current, found = os.path.abspath(path), None
    while True:
        if current in _roots:
            found = current
        parent = os.path.dirname(current)
        if parent == current:
            return found
        current = parent


def check(path: str | os.PathLike[str]) -> None:
    """Refuse (``LinkRefusedError``) a write to ``path`` that a link would lead elsewhere."""
    root = root_of(path)
    if root is not None:
        resolve_inside(root, path)


def refused_link(exc: BaseException | None) -> LinkRefusedError | None:
    """The ``LinkRefusedError`` behind ``exc`` (itself, or its cause or context), if any."""
    for _depth in range(8):
        if exc is None or isinstance(exc, LinkRefusedError):
            return exc
        exc = exc.__cause__ or exc.__context__
    return None


fileio.set_path_guard(check)
