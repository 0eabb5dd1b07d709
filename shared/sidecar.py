"""Recovering a shared JSON file found empty or torn under its lock, from its sidecar.

Before each in-place rewrite (``shared.fileio.locked_json_update``) the new content is
written atomically to a fsynced sidecar (``<name>.bak``). A file found empty or unparsable
under its lock is handled thus:

* no sidecar and the file is empty (or did not exist): a new file, given default content;
* a readable sidecar at least as new as the file (mtimes; equal counts), or one the torn
  bytes are the start of, or (for an empty file) one written up to 2 s before it: the
  interrupted rewrite's own content, restored (the torn bytes kept aside; a file that was
  missing counts as older than any sidecar). While our
  rewrite runs the sidecar's mtime is set ahead (``SIDECAR_LEASE_NS``); once it is done,
  to the file's own mtime, so a later in-place write by another program (the deployed
  Shopify Tool writes no sidecar) makes the file newer than its sidecar;
* anything else (a torn file with no sidecar, an unreadable sidecar, a sidecar older than
  the file): with ``strict=True`` (the shared statistics, the worker profiles, the Shopify
  Tool's ``session_info.json``) ``SharedFileDamagedError``: the file is left exactly as it
  is, its bytes also kept at ``<file>.corrupt-*``, and nothing is written, so history is
  never started afresh. Without ``strict`` (files only we write) the old behaviour stays:
  the older sidecar is restored with an error logged, or the file starts afresh.
"""

from __future__ import annotations

import contextlib
import glob
import json
import logging
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from shared.atomic_write import keep_aside
from shared.file_errors import SharedFileDamagedError

log = logging.getLogger("shared.fileio")

SIDECAR_SUFFIX = ".bak"
# While our in-place rewrite runs, the sidecar's mtime is this far ahead: a rewrite torn by a
# crash leaves a sidecar newer than the file, so it is restored.
SIDECAR_LEASE_NS = 120 * 10**9
# An empty file is the mark of an in-place rewrite cut short after its truncate: a sidecar
# written up to this long before it is that rewrite's own content (writers that do not stamp
# the lease: older copies of this package).
EMPTY_GRACE_NS = 2 * 10**9
# A torn file whose bytes begin the sidecar's (at least this many) is that sidecar's rewrite.
PREFIX_MIN = 16


def sidecar_path(path: str | os.PathLike[str]) -> Path:
    target = Path(path)
    return target.with_name(target.name + SIDECAR_SUFFIX)


def _is_dict(data: Any) -> bool:
    return isinstance(data, dict)


def _parse(raw: bytes, valid: Callable[[Any], bool]) -> tuple[Any, str | None]:
    if not raw.strip():
        return None, "empty"
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        return None, f"not valid JSON ({exc})"
    except RecursionError:
        return None, "JSON nested too deeply to read"
    if not valid(data):
        return None, f"unexpected content (top level is {type(data).__name__})"
    return data, None


def _when(mtime_ns: int) -> str:
    return datetime.fromtimestamp(mtime_ns / 1e9).isoformat(sep=" ", timespec="milliseconds")


def _stamp(path: Path, mtime: Callable[[os.stat_result], int]) -> None:
    """Set ``path``'s mtime; best effort (a share that refuses keeps the file's own time)."""
    try:
        st = os.stat(path)
        os.utime(path, ns=(st.st_atime_ns, mtime(st)))
    except OSError as exc:
        log.debug("cannot set the time of %s: %s", path, exc)


def _keep_once(path: Path, data: bytes) -> Path | None:
    """``keep_aside`` as "corrupt", unless an identical copy is already kept; None if empty."""
    if not data.strip():
        return None
    for kept in sorted(path.parent.glob(f"{glob.escape(path.name)}.corrupt-*")):
        with contextlib.suppress(OSError):
            if kept.stat().st_size == len(data) and kept.read_bytes() == data:
                return kept
    return keep_aside(path, data)


def _recover(
    path: Path, raw: bytes, reason: str, file_mtime: int, *, created: bool,
    valid: Callable[[Any], bool], strict: bool, keep: bool = True,
) -> Any:
    """The content to use for a file that is empty or did not parse; None means "new".

    The sidecar is used when it is at least as new as the file (or is provably the content
    of the rewrite that tore it). Otherwise, and when it is unreadable, ``strict`` raises
    ``SharedFileDamagedError``; else the old behaviour: the older sidecar, or a new file.
    Damaged bytes are kept aside (``keep``) and never dropped.
    """
    side = sidecar_path(path)
    torn = bool(raw.strip())

    def kept_copy(target: Path, data: bytes) -> Path | None:
        return _keep_once(target, data) if keep else None

    def give_up(why: str) -> None:
        kept = kept_copy(path, raw)
        if strict:
            raise SharedFileDamagedError(path, kept, why)
        log.error("%s was %s and no good copy exists; starting it afresh (%s)%s", path,
                  reason, why, f"; its bytes are kept at {kept}" if kept else "")

    try:
        side_raw = side.read_bytes()
        side_mtime = os.stat(side).st_mtime_ns
    except FileNotFoundError:
        if torn:
            give_up(f"{reason}, and there is no {side.name} to recover it from")
        return None  # an empty file with no history is simply new
    data, side_err = _parse(side_raw, valid)
    if side_err is not None:
        kept_copy(side, side_raw)
        if torn or strict:
            give_up(f"{reason}, and {side.name} is {side_err} too")
        return None
    ours = (created or side_mtime >= file_mtime
            or (torn and len(raw) >= PREFIX_MIN and side_raw.startswith(raw))
            or (not torn and file_mtime - side_mtime <= EMPTY_GRACE_NS))
    times = f"{side.name} of {_when(side_mtime)}, the file of {_when(file_mtime)}"
    if ours:
        kept = kept_copy(path, raw) if torn else None
        log.warning("%s was %s; restored from %s (%s)%s", path, reason, side.name, times,
                    f"; its bytes are kept at {kept}" if kept else "")
        return data
    why = (f"{reason}, and {side.name} is older than it ({times}): it may lack another "
           "program's later changes, so it was not used")
    if strict:
        raise SharedFileDamagedError(path, kept_copy(path, raw), why)
    kept = kept_copy(path, raw) if torn else None
    log.error("%s was %s; restored OLDER content from %s (%s): changes made after it are "
              "lost%s", path, reason, side.name, times,
              f"; its bytes are kept at {kept}" if kept else "")
    return data
