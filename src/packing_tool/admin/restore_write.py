"""Writing one file of a backup back onto the share: checked at the moment of the write, streamed.

The plan was made before the confirmation prompt; by the time of the write a folder on the
share may have been replaced by a link, and the file itself may have changed. So each write
checks its target again (``storage.inside.resolve_inside``: inside the root, not a link),
compares the share's current content with the plan by sha256, and copies the archive's bytes
in chunks, checking their sha256 on the way: a file of any size costs a few MiB of memory.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import zipfile
from pathlib import Path
from typing import IO, Any

from packing_tool.admin.backup_files import TIMESTAMPED
from packing_tool.admin.restore_plan import (
    ASIDE_LABEL,
    LOCKED_MAX,
    ChangedError,
    Step,
    json_object,
    later,
)
from packing_tool.admin.words import phrase
from packing_tool.storage.inside import resolve_inside
from shared import fileio

CHUNK = 1 << 20


class _Hashing:
    """Reads from ``source`` while hashing what was read."""

    def __init__(self, source: IO[bytes]) -> None:
        self.source, self.digest, self.size = source, hashlib.sha256(), 0

    def read(self, n: int = CHUNK) -> bytes:
        chunk = self.source.read(n if n and n > 0 else CHUNK)
        self.digest.update(chunk)
        self.size += len(chunk)
        return chunk


def _apply_locked(zf: zipfile.ZipFile, step: Step, force: bool) -> Path | None:
    member = step.member
    if member.size > LOCKED_MAX:
        raise ChangedError(phrase("the archive's copy is larger than {limit:,} bytes",
                                  limit=LOCKED_MAX))
    new_doc = json_object(zf.read(member.rel))
    if new_doc is None:
        raise ChangedError(phrase("the archive's copy is not a JSON object"))
    kept: list[Path] = []

    def mutate(doc: dict[str, Any]) -> None:
        if not force and member.rel in TIMESTAMPED and later(
                doc.get("last_updated"), new_doc.get("last_updated")):
            raise ChangedError(phrase("updated on the share since the check"))
        if doc:  # the bytes read at the check when they still hold, else the content now
            old = step.old
            raw = old if old is not None and json_object(old) == doc else fileio.dumps(
                doc).encode()
            kept.append(fileio.keep_aside(member.target, raw, label=ASIDE_LABEL))
        doc.clear()
        doc.update(new_doc)

    fileio.with_retries(
        lambda: fileio.locked_json_update(member.target, mutate, default=dict),
        attempts=3, delay=0.2, retry_on=(fileio.LockTimeoutError,), what=member.rel)
    return kept[0] if kept else None


def _keep_current(target: Path, step: Step, force: bool) -> Path | None:
    """Copy the share's file aside (streamed) if it is still the one planned; None if missing."""
    try:
        source = open(target, "rb", opener=_no_follow)  # noqa: SIM115 - closed below
    except FileNotFoundError:
        if step.old_sha is not None and not force:
            raise ChangedError(phrase("removed from the share since the check")) from None
        return None
    aside = fileio.aside_path(target, ASIDE_LABEL)
    with source:
        reader = _Hashing(source)
        with fileio.atomic_write_stream(aside) as out:
            shutil.copyfileobj(reader, out, CHUNK)
            if reader.digest.hexdigest() != step.old_sha and not force:
                raise ChangedError(phrase("changed on the share since the check"))
    return aside


def _no_follow(name: str, flags: int) -> int:
    return os.open(name, flags | fileio.NOFOLLOW)


def apply_step(zf: zipfile.ZipFile, step: Step, force: bool, root: Path) -> Path | None:
    """Write the archive's copy; returns where the replaced content was kept aside.

    Raises ``ChangedError`` when the file changed since the plan (unless ``force``), and
    ``storage.inside.LinkRefusedError`` (an ``OSError``) when a link now leads elsewhere.
    """
    member = step.member
    resolve_inside(root, member.target)  # now, after the prompt: not where it was checked
    if member.locked:
        return _apply_locked(zf, step, force)
    kept = _keep_current(member.target, step, force)
    resolve_inside(root, member.target)
    with zf.open(member.rel) as packed, fileio.atomic_write_stream(member.target) as out:
        reader = _Hashing(packed)
        shutil.copyfileobj(reader, out, CHUNK)
        if reader.size != member.size or reader.digest.hexdigest() != member.sha256:
            raise ChangedError(phrase("the archive's copy changed since it was checked"))
    if member.mtime is not None:  # so a later restore compares against the backup's time
        os.utime(member.target, (member.mtime, member.mtime),
                 follow_symlinks=os.utime not in os.supports_follow_symlinks)
    return kept
