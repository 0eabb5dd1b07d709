"""Safe file writes for every metadata file: atomic replaces and locked in-place updates.

Two helpers, and no other code opens a metadata file for writing:

* ``atomic_write_bytes`` / ``atomic_write_json``: temp file in the same folder, fsync,
  ``os.replace`` (retried briefly where Windows refuses a replace), fsync of the folder.
* ``locked_json_update``: a read-modify-write of a JSON file that other programs share.
  It holds an OS lock on byte 0 of the file itself for the whole update (``flock`` on
  POSIX, ``msvcrt.locking`` on Windows: exactly what the deployed Shopify Tool takes)
  and rewrites the file *in place*, never by rename, because the other tool keeps the
  file open while it waits for the lock. Before each in-place rewrite the new content
  is written atomically to a fsynced sidecar (``<name>.bak``), so a rewrite torn by a
  crash is recovered from it; unparsable bytes are always copied aside, never dropped.

A file found empty or unparsable under its lock is handled thus:

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

Reads open the file read-only, so they work on a read-only share.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import json
import logging
import os
import random
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
JsonDict = dict[str, Any]
LockFn = Callable[..., contextlib.AbstractContextManager[object]]

# Windows refuses a replace while another program has the target open: retry there only.
REPLACE_RETRIES = 20 if sys.platform == "win32" else 1
REPLACE_RETRY_DELAY = 0.05
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


# --------------------------------------------------------------------------- path guard

# Called with every path this module is about to create, rewrite or append to; it raises an
# ``OSError`` to refuse one (Packing Tool installs a check that no link on the share leads a
# write outside its root). None: no check beyond refusing a link as an updated file's name.
_path_guards: list[Callable[[Path], None]] = []
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # POSIX: opening a link as the file itself fails


def set_path_guard(guard: Callable[[Path], None] | None) -> None:
    _path_guards[:] = [guard] if guard is not None else []


def check_path(path: str | os.PathLike[str]) -> None:
    """Run the installed path guard on ``path`` (raises ``OSError`` to refuse it)."""
    for guard in _path_guards:
        guard(Path(path))


# --------------------------------------------------------------------------- serialising


def dumps(data: Any) -> str:
    """Readable JSON that is fast to write: one top-level key per line, one list item per line.

    ``json.dumps(indent=...)`` falls back to the slow pure-Python encoder; this keeps the C one.
    """
    if not isinstance(data, dict):
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    parts = []
    for key, value in data.items():
        head = f"  {json.dumps(str(key), ensure_ascii=False)}: "
        if isinstance(value, list) and value:
            items = ",\n".join("    " + json.dumps(v, ensure_ascii=False) for v in value)
            parts.append(f"{head}[\n{items}\n  ]")
        elif isinstance(value, dict) and value:
            items = ",\n".join(
                f"    {json.dumps(str(k), ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
                for k, v in value.items()
            )
            parts.append(f"{head}{{\n{items}\n  }}")
        else:
            parts.append(head + json.dumps(value, ensure_ascii=False))
    return "{\n" + ",\n".join(parts) + "\n}\n"


# --------------------------------------------------------------------------- atomic writes


def _fsync_dir(folder: Path) -> None:
    if sys.platform == "win32":
        return  # Windows has no directory handles to fsync; NTFS journals the rename.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _replace(src: Path, dst: Path) -> None:
    for attempt in range(REPLACE_RETRIES):
        try:
            os.replace(src, dst)
            return
        except OSError as exc:
            # Windows: a reader holds the target (PermissionError); a Linux SMB client:
            # EBUSY (a reader here) or EEXIST (a reader on another PC). All pass.
            busy = isinstance(exc, PermissionError) or exc.errno in (errno.EBUSY, errno.EEXIST)
            if not busy or attempt == REPLACE_RETRIES - 1:
                raise
            time.sleep(REPLACE_RETRY_DELAY * (1 + attempt % 4))


@contextlib.contextmanager
def atomic_write_stream(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """Yield a file to write; on a clean exit it replaces ``path`` atomically (big outputs)."""
    target = Path(path)
    check_path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        with open(tmp, "xb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        check_path(target)  # again at the moment of the replace: a folder may have changed
        _replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(target.parent)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old or the new file, never a mix."""
    with atomic_write_stream(path) as fh:
        fh.write(data)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_json(path: str | os.PathLike[str], data: Any) -> None:
    atomic_write_bytes(path, dumps(data).encode("utf-8"))


def aside_path(path: str | os.PathLike[str], label: str = "corrupt") -> Path:
    """A free name next to ``path``: ``<name>.<label>-<time>`` (``-<n>`` added if taken)."""
    target = Path(path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for n in range(1000):
        suffix = f".{label}-{stamp}" + (f"-{n}" if n else "")
        aside = target.with_name(target.name + suffix)
        if not aside.exists():
            break
    return aside


def keep_aside(path: str | os.PathLike[str], data: bytes, label: str = "corrupt") -> Path:
    """Save ``data`` next to ``path`` as ``<name>.<label>-<time>`` and return where it went."""
    target = Path(path)
    aside = aside_path(target, label)
    atomic_write_bytes(aside, data)
    log.warning("Kept a copy (%s) of %s at %s", label, target, aside)
    return aside


def _keep_once(path: Path, data: bytes) -> Path | None:
    """``keep_aside`` as "corrupt", unless an identical copy is already kept; None if empty."""
    if not data.strip():
        return None
    for kept in sorted(path.parent.glob(f"{glob.escape(path.name)}.corrupt-*")):
        with contextlib.suppress(OSError):
            if kept.stat().st_size == len(data) and kept.read_bytes() == data:
                return kept
    return keep_aside(path, data)


def read_json_file(path: str | os.PathLike[str]) -> Any:
    """Parse a JSON file (UTF-8, BOM allowed); raises ``OSError`` or ``ValueError``."""
    raw = Path(path).read_bytes()
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except RecursionError:  # "[[[[..." deeper than the parser follows: not a ValueError
        raise CorruptFileError(path, "JSON nested too deeply to read", None) from None


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
