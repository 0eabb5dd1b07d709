"""Safe file writes for every metadata file: atomic replaces and locked in-place updates.

Two helpers, and no other code opens a metadata file for writing:

* ``atomic_write_bytes`` / ``atomic_write_json`` (in ``shared.atomic_write``): temp file in
  the same folder, fsync, ``os.replace`` (retried briefly where Windows refuses a replace),
  fsync of the folder.
* ``locked_json_update`` (here): a read-modify-write of a JSON file that other programs share.
  It holds an OS lock on byte 0 of the file itself for the whole update (``flock`` on
  POSIX, ``msvcrt.locking`` on Windows: exactly what the deployed Shopify Tool takes;
  ``shared.file_lock``) and rewrites the file *in place*, never by rename, because the other
  tool keeps the file open while it waits for the lock. Before each in-place rewrite the new
  content is written atomically to a fsynced sidecar (``<name>.bak``), so a rewrite torn by a
  crash is recovered from it (``shared.sidecar`` says how); unparsable bytes are always
  copied aside, never dropped.

Reads open the file read-only, so they work on a read-only share. Every name of the helper
modules (errors in ``shared.file_errors``, ``with_retries`` in ``shared.retries``) is
importable from here too.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, TypeVar

from shared.atomic_write import (
    NOFOLLOW,
    REPLACE_RETRIES,
    REPLACE_RETRY_DELAY,
    aside_path,
    atomic_write_bytes,
    atomic_write_json,
    atomic_write_stream,
    atomic_write_text,
    check_path,
    dumps,
    keep_aside,
    read_json_file,
    set_path_guard,
)
from shared.file_errors import ADVICE, CorruptFileError, LockTimeoutError, SharedFileDamagedError
from shared.file_lock import lock_file
from shared.retries import with_retries
from shared.sidecar import (
    EMPTY_GRACE_NS,
    PREFIX_MIN,
    SIDECAR_LEASE_NS,
    SIDECAR_SUFFIX,
    _is_dict,
    _parse,
    _recover,
    _stamp,
    sidecar_path,
)

__all__ = [
    "ADVICE", "EMPTY_GRACE_NS", "NOFOLLOW", "PREFIX_MIN", "REPLACE_RETRIES",
    "REPLACE_RETRY_DELAY", "SIDECAR_LEASE_NS", "SIDECAR_SUFFIX", "CorruptFileError", "JsonDict",
    "LockFn", "LockTimeoutError", "SharedFileDamagedError", "aside_path", "atomic_write_bytes",
    "atomic_write_json", "atomic_write_stream", "atomic_write_text", "check_path", "dumps",
    "keep_aside", "lock_file", "locked_json_update", "open_shared", "read_json_file",
    "read_json_locked", "set_path_guard", "sidecar_path", "with_retries",
]

log = logging.getLogger(__name__)

T = TypeVar("T")
JsonDict = dict[str, Any]
LockFn = Callable[..., contextlib.AbstractContextManager[object]]


@contextlib.contextmanager
def open_shared(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """Open (creating if missing, never truncating) a shared file for an in-place update."""
    with _open_for_update(Path(path)) as (fh, _created):
        yield fh


@contextlib.contextmanager
def _open_for_update(target: Path) -> Iterator[tuple[IO[bytes], bool]]:
    """The file open read-write (created when missing, never truncated); True if we made it."""
    check_path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_RDWR | getattr(os, "O_BINARY", 0) | NOFOLLOW
    made: list[bool] = []

    def opener(name: str, _flags: int) -> int:
        for _attempt in range(5):
            try:
                fd = os.open(name, flags | os.O_CREAT | os.O_EXCL, 0o666)
            except FileExistsError:
                try:
                    fd = os.open(name, flags)
                except FileNotFoundError:
                    continue  # removed between the two calls: create it after all
                made.append(False)
                return fd
            made.append(True)
            return fd
        return os.open(name, flags | os.O_CREAT, 0o666)

    with open(target, "r+b", opener=opener) as fh:
        check_path(target)  # the opened file, checked once more where it now is
        yield fh, bool(made and made[-1])


# --------------------------------------------------------------------------- locked updates


def _read_locked(fh: IO[bytes], path: Path, valid: Callable[[Any], bool], *, created: bool,
                 strict: bool) -> tuple[Any, bool]:
    """Read the locked file; returns (data or None when new, needs_rewrite)."""
    fh.seek(0)
    raw = fh.read()
    data, err = _parse(raw, valid)
    if err is None:
        return data, False
    mtime = os.fstat(fh.fileno()).st_mtime_ns
    # Even a new file gets content: other readers choke on empty ones.
    return _recover(path, raw, err, mtime, created=created, valid=valid, strict=strict), True


def _rewrite_in_place(fh: IO[bytes], path: Path, payload: bytes) -> None:
    side = sidecar_path(path)
    atomic_write_bytes(side, payload)
    # Until the rewrite is complete the sidecar is newer than the file: a torn rewrite is ours.
    _stamp(side, lambda st: st.st_mtime_ns + SIDECAR_LEASE_NS)
    fh.seek(0)
    fh.truncate()
    fh.write(payload)
    fh.flush()
    os.fsync(fh.fileno())
    # Then exactly as old as the file: any later in-place write makes the file newer.
    _stamp(side, lambda _st: os.fstat(fh.fileno()).st_mtime_ns)


def locked_json_update(
    path: str | os.PathLike[str],
    mutate: Callable[[JsonDict], T],
    *,
    default: Callable[[], JsonDict],
    normalise: Callable[[JsonDict], JsonDict] = lambda d: d,
    timeout: float = 5.0,
    lock: LockFn = lock_file,
    write: bool = True,
    strict: bool = False,
) -> T:
    """Locked read-modify-write of a shared JSON object file, rewritten in place.

    ``mutate`` changes the dict it is given and returns the caller's result. With
    ``write=False`` it is a locked read (a recovered file is still repaired on disk).
    With ``strict``, a damaged file that cannot be safely recovered raises
    ``SharedFileDamagedError`` before ``mutate`` runs, and the file is left as it is.
    """
    target = Path(path)
    with _open_for_update(target) as (fh, created), lock(fh, timeout=timeout):
        data, repair = _read_locked(fh, target, _is_dict, created=created, strict=strict)
        doc = normalise(data if data is not None else default())
        result = mutate(doc)
        if write or repair:
            _rewrite_in_place(fh, target, dumps(doc).encode("utf-8"))
        return result


_READ_ONLY = {errno.EACCES, errno.EPERM, errno.EROFS}


def _snapshot_bytes(fh: IO[bytes], lock: LockFn, timeout: float) -> bytes:
    with contextlib.ExitStack() as held:
        try:
            held.enter_context(lock(fh, timeout=timeout))
        except TimeoutError:
            raise
        except OSError as exc:
            # Some clients (NFS, a few SMB mounts) refuse the byte-0 lock on a read-only
            # handle: read without it, and read again while a writer's rewrite looks torn.
            log.debug("%s: reading without the lock (%s)", getattr(fh, "name", "?"), exc)
            for _attempt in range(5):
                fh.seek(0)
                raw = fh.read()
                if _parse(raw, _is_dict)[1] is None:
                    break
                time.sleep(0.05)
            return raw
        fh.seek(0)
        return fh.read()


def read_json_locked(
    path: str | os.PathLike[str],
    *,
    default: Callable[[], JsonDict],
    normalise: Callable[[JsonDict], JsonDict] = lambda d: d,
    timeout: float = 5.0,
    lock: LockFn = lock_file,
    strict: bool = False,
) -> JsonDict:
    """A consistent snapshot of a shared JSON file, taken under its lock.

    The file is opened read-only (a read works on a read-only share); the byte-0 lock is
    taken on that handle (flock and Windows byte locks accept one). An empty or damaged file
    is repaired through ``locked_json_update``, or, when the file cannot be written here,
    recovered in memory only.
    """
    target = Path(path)
    try:
        # Read-only open + the same byte-0 lock (flock/LockFile accept a read handle): reads
        # work on a read-only share; where a client refuses that lock, we read without it.
        with open(target, "rb") as fh:
            raw = _snapshot_bytes(fh, lock, timeout)
            mtime = os.fstat(fh.fileno()).st_mtime_ns
    except FileNotFoundError:
        return normalise(default())
    data, err = _parse(raw, _is_dict)
    if err is None:
        return normalise(data)
    try:
        return locked_json_update(target, lambda d: d, default=default, normalise=normalise,
                                  timeout=timeout, lock=lock, write=False, strict=strict)
    except OSError as exc:
        if isinstance(exc, TimeoutError) or exc.errno not in _READ_ONLY:
            raise
        log.info("%s cannot be written here (%s): recovered for reading only", target, exc)
    data = _recover(target, raw, str(err), mtime, created=False, valid=_is_dict,
                    strict=strict, keep=False)
    return normalise(data if data is not None else default())
