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
"""

from __future__ import annotations

import contextlib
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
        except PermissionError:
            if attempt == REPLACE_RETRIES - 1:
                raise
            time.sleep(REPLACE_RETRY_DELAY * (1 + attempt % 4))


@contextlib.contextmanager
def atomic_write_stream(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """Yield a file to write; on a clean exit it replaces ``path`` atomically (big outputs)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        with open(tmp, "xb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
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


def keep_aside(path: str | os.PathLike[str], data: bytes, label: str = "corrupt") -> Path:
    """Save ``data`` next to ``path`` as ``<name>.<label>-<time>`` and return where it went."""
    target = Path(path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for n in range(1000):
        suffix = f".{label}-{stamp}" + (f"-{n}" if n else "")
        aside = target.with_name(target.name + suffix)
        if not aside.exists():
            break
    atomic_write_bytes(aside, data)
    log.warning("Kept a copy (%s) of %s at %s", label, target, aside)
    return aside


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
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0)
    with open(target, "r+b", opener=lambda p, _: os.open(p, flags, 0o666)) as fh:
        yield fh


# --------------------------------------------------------------------------- locked updates


def sidecar_path(path: str | os.PathLike[str]) -> Path:
    target = Path(path)
    return target.with_name(target.name + SIDECAR_SUFFIX)


def _parse(raw: bytes, valid: Callable[[Any], bool]) -> tuple[Any, str | None]:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        return None, f"not valid JSON ({exc})"
    if not valid(data):
        return None, f"unexpected content (top level is {type(data).__name__})"
    return data, None


def _recover(
    path: Path, raw: bytes, reason: str, valid: Callable[[Any], bool], missing_ok: bool
) -> tuple[Any, bool]:
    """Return (data, from_sidecar) for a main file that did not parse; keep its bytes aside."""
    if raw.strip():
        keep_aside(path, raw)
    try:
        side_raw = sidecar_path(path).read_bytes()
    except FileNotFoundError:
        side_raw = b""
    data, side_err = _parse(side_raw, valid) if side_raw.strip() else (None, "missing")
    if side_err is None:
        log.warning("%s was %s; recovered its last good content from %s",
                    path, reason, sidecar_path(path).name)
        return data, True
    if not raw.strip() and missing_ok:
        return None, False  # an empty file with no history is simply new
    if missing_ok:
        log.error("%s was %s and no good copy exists; starting it afresh", path, reason)
        return None, False
    raise CorruptFileError(path, reason, None)


def _read_locked(fh: IO[bytes], path: Path, valid: Callable[[Any], bool]) -> tuple[Any, bool]:
    """Read the locked file; returns (data or None when new, needs_rewrite)."""
    fh.seek(0)
    raw = fh.read()
    if not raw.strip():
        data, _ = _recover(path, raw, "empty", valid, missing_ok=True)
        return data, True  # even a new file gets content: other readers choke on empty ones
    data, err = _parse(raw, valid)
    if err is None:
        return data, False
    data, _ = _recover(path, raw, err, valid, missing_ok=True)
    return data, True


def _rewrite_in_place(fh: IO[bytes], path: Path, payload: bytes) -> None:
    atomic_write_bytes(sidecar_path(path), payload)
    fh.seek(0)
    fh.truncate()
    fh.write(payload)
    fh.flush()
    os.fsync(fh.fileno())


def locked_json_update(
    path: str | os.PathLike[str],
    mutate: Callable[[JsonDict], T],
    *,
    default: Callable[[], JsonDict],
    normalise: Callable[[JsonDict], JsonDict] = lambda d: d,
    timeout: float = 5.0,
    lock: LockFn = lock_file,
    write: bool = True,
) -> T:
    """Locked read-modify-write of a shared JSON object file, rewritten in place.

    ``mutate`` changes the dict it is given and returns the caller's result. With
    ``write=False`` it is a locked read (a recovered file is still repaired on disk).
    """
    target = Path(path)
    with open_shared(target) as fh, lock(fh, timeout=timeout):
        data, repair = _read_locked(fh, target, lambda d: isinstance(d, dict))
        doc = normalise(data if data is not None else default())
        result = mutate(doc)
        if write or repair:
            _rewrite_in_place(fh, target, dumps(doc).encode("utf-8"))
        return result


def read_json_locked(
    path: str | os.PathLike[str],
    *,
    default: Callable[[], JsonDict],
    normalise: Callable[[JsonDict], JsonDict] = lambda d: d,
    timeout: float = 5.0,
    lock: LockFn = lock_file,
) -> JsonDict:
    """A consistent snapshot of a shared JSON file, taken under its lock."""
    target = Path(path)
    if not target.exists():
        return normalise(default())
    return locked_json_update(
        target, lambda d: d, default=default, normalise=normalise,
        timeout=timeout, lock=lock, write=False,
    )


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
