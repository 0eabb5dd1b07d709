"""Which files a backup holds, and how each one is read and written back.

A backup holds the metadata only: statistics, worker profiles, barcode maps, session indexes,
``session_info.json``, each client's order ledger and every list's work folder (under
``Sessions/`` and the archive ``Archive/Sessions/``), leaving out the ``reports/``
spreadsheets (rebuilt from the summary), the live ``.session.lock`` and its guard, and temp
files. One predicate, ``backup_kind``, decides for the walk and for restore, so a restore
never writes a file a backup cannot hold.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from packing_tool.admin.words import phrase
from packing_tool.storage.discovery import SESSION_INFO, WORK_FOLDER, list_clients, list_sessions
from packing_tool.storage.layout import (
    CLIENT_ID,
    ShareLayout,
    UnsafeNameError,
    inside,
    safe_name,
)
from packing_tool.storage.ledger_entry import LEDGER_DIR
from packing_tool.storage.lock_info import LOCK_FILENAME
from packing_tool.storage.session_index import INDEX_FILENAME
from packing_tool.storage.session_lock import GUARD_FILENAME
from shared import fileio
from shared.stats_manager import STATS_FILENAME
from shared.worker_manager import WORKERS_FILENAME

MANIFEST = "manifest.json"
FORMAT = "packing-tool-backup"
FORMAT_VERSION = 1
ARCHIVE_FOLDER = "Archive"
BARCODE_MAP = "packer_config.json"
# Rewritten in place under their lock by the tools: read and restored under that lock.
LOCKED_FILES = (STATS_FILENAME, WORKERS_FILENAME, BARCODE_MAP, INDEX_FILENAME, SESSION_INFO)
# Shared files whose own ``last_updated`` says which copy is newer (their mtime moves on repair).
TIMESTAMPED = (f"Stats/{STATS_FILENAME}", f"Workers/{WORKERS_FILENAME}")
SKIPPED_IN_WORK = (LOCK_FILENAME, GUARD_FILENAME)
LOCK_ATTEMPTS = 3


@dataclass(frozen=True)
class ShareFile:
    rel: str  # relative to the root, forward slashes
    path: Path
    locked: bool


def _plain(part: str) -> bool:
    return _safe(part) and not part.startswith((".", "_"))  # discovery skips such folders


def _client(part: str) -> bool:
    return part.startswith("CLIENT_") and CLIENT_ID.fullmatch(part[7:]) is not None


def _work_file(rest: tuple[str, ...]) -> bool:
    """A file inside one list's work folder (``rest`` starts below the work folder)."""
    if not rest or any(not _safe(p) for p in rest):
        return False
    name = rest[-1]
    if name in SKIPPED_IN_WORK or name.endswith(".tmp"):
        return False
    return not (rest[0] == "reports" and name.lower().endswith(".xlsx"))


def _ledger_file(rest: tuple[str, ...]) -> bool:
    if not rest or any(not _safe(p) for p in rest) or rest[-1].endswith(".tmp"):
        return False
    if rest == ("audit.jsonl",):
        return True
    if rest[0] == "conflicts":
        return len(rest) == 2 and rest[1].endswith(".json")
    return rest[0] == "orders" and len(rest) == 3 and not rest[2].startswith(".")


def _safe(part: str) -> bool:
    try:
        safe_name(part)
    except UnsafeNameError:
        return False
    return True


def backup_kind(rel: str) -> str | None:
    """``"locked"`` or ``"file"`` for a path a backup holds, None for any other path."""
    path = PurePosixPath(rel)
    if path.is_absolute() or "\\" in rel:
        return None
    parts = path.parts
    if parts in (("Stats", STATS_FILENAME), ("Workers", WORKERS_FILENAME)):
        return "locked"
    if len(parts) == 3 and parts[0] == "Clients" and _client(parts[1]) and parts[2] == BARCODE_MAP:
        return "locked"
    if parts[:2] == (ARCHIVE_FOLDER, "Sessions"):
        parts = parts[1:]
    if len(parts) < 3 or parts[0] != "Sessions" or not _client(parts[1]):
        return None
    if len(parts) == 3:
        return "locked" if parts[2] == INDEX_FILENAME else None
    if parts[2] == LEDGER_DIR:  # the order ledger: records, conflicts, audit lines
        return "file" if _ledger_file(parts[3:]) else None
    if not _plain(parts[2]):
        return None
    if len(parts) == 4:
        return "locked" if parts[3] == SESSION_INFO else None
    if parts[3] == WORK_FOLDER and len(parts) >= 6 and _plain(parts[4]):
        return "file" if _work_file(parts[5:]) else None
    return None


def target_path(root: Path, rel: str) -> Path:
    """Where ``rel`` goes under ``root``; raises ``UnsafeNameError`` for any path that
    is not one a backup holds or that would leave the root (``..``, links)."""
    if backup_kind(rel) is None:
        raise UnsafeNameError(phrase("{path} is not a file a Packing Tool backup holds",
                                     path=repr(rel)))
    return inside(root, *PurePosixPath(rel).parts)


def _walk(folder: Path) -> list[Path]:
    """Every regular file below ``folder`` without following links, in a stable order."""
    found: list[Path] = []
    for top, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not os.path.islink(os.path.join(top, d)))
        found.extend(Path(top, f) for f in sorted(files)
                     if not os.path.islink(os.path.join(top, f)))
    return found


def _sessions(root: Path, base: ShareLayout) -> list[Path]:
    """Index, session_info and work-folder files of every session under one layout."""
    found: list[Path] = []
    for client in list_clients(base):
        folder = base.sessions_dir(client)
        found.append(folder / INDEX_FILENAME)
        found.extend(_walk(folder / LEDGER_DIR))
        for session in list_sessions(base, client):
            found.append(folder / session / SESSION_INFO)
            found.extend(_walk(folder / session / WORK_FOLDER))
    return found


def share_files(root: Path) -> list[ShareFile]:
    """The files a backup of ``root`` holds, as they are on disk now."""
    layout = ShareLayout(root)
    candidates = [layout.stats_file, layout.workers_file]
    candidates += [layout.packer_config(c) for c in list_clients(layout)]
    candidates += _sessions(root, layout)
    candidates += _sessions(root, ShareLayout(root / ARCHIVE_FOLDER))
    files = []
    for path in candidates:
        rel = path.relative_to(root).as_posix()
        kind = backup_kind(rel)
        if kind is not None and path.is_file():
            files.append(ShareFile(rel, path, kind == "locked"))
    return files


def read_share_file(path: Path, locked: bool) -> tuple[bytes, float]:
    """The bytes and mtime of a file; a locked one is read under its lock, as it is written.
    A link on the share (``LinkRefusedError``, an ``OSError``) is never read into a backup."""
    fileio.check_path(path)
    if locked and path.is_file():
        def locked_read() -> tuple[bytes, float]:
            with fileio.open_shared(path) as fh, fileio.lock_file(fh):
                fh.seek(0)
                return fh.read(), os.fstat(fh.fileno()).st_mtime
        try:
            return fileio.with_retries(locked_read, attempts=LOCK_ATTEMPTS, delay=0.2,
                                       retry_on=(fileio.LockTimeoutError,), what=str(path))
        except OSError as exc:  # a read-only share: no lock can be had, a plain read is all
            if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise
    with open(path, "rb") as fh:
        return fh.read(), os.fstat(fh.fileno()).st_mtime
