"""Atomic file writes: temp file in the same folder, fsync, ``os.replace``, fsync of the folder.

The replace is retried briefly where Windows refuses one. Every path about to be created,
rewritten or appended to is first shown to the installed path guard (``set_path_guard``).
Also here: the readable JSON text every metadata file is written as (``dumps``), copies of
damaged bytes kept aside (``keep_aside``), and a plain JSON read (``read_json_file``).
``shared.fileio`` re-exports all of it.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from shared.file_errors import CorruptFileError

log = logging.getLogger("shared.fileio")

# Windows refuses a replace while another program has the target open: retry there only.
REPLACE_RETRIES = 20 if sys.platform == "win32" else 1
REPLACE_RETRY_DELAY = 0.05


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


def read_json_file(path: str | os.PathLike[str]) -> Any:
    """Parse a JSON file (UTF-8, BOM allowed); raises ``OSError`` or ``ValueError``."""
    raw = Path(path).read_bytes()
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except RecursionError:  # "[[[[..." deeper than the parser follows: not a ValueError
        raise CorruptFileError(path, "JSON nested too deeply to read", None) from None
