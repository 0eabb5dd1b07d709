"""Checking a backup zip, deciding what a restore does with each file, and doing it.

Which copy is newer: the share's file is newer when its modification time is later than the
one in the manifest; for ``global_stats.json`` and ``workers.json``, whose in-place rewrites
move the mtime even without a change, their own ``last_updated`` decides when both copies
have one. Files rewritten in place under their lock (``backup_files.LOCKED_FILES``) count as
identical when their JSON content is equal, since a locked rewrite formats them our way.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packing_tool.admin.backup_files import (
    ARCHIVE_FOLDER,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    TIMESTAMPED,
    backup_kind,
    target_path,
)
from packing_tool.admin.common import EXIT_BAD_INPUT, AdminError, with_progress
from packing_tool.storage.layout import UnsafeNameError
from shared import fileio
from shared.timestamps import parse_timestamp

ASIDE_LABEL = "before-restore"
MTIME_SLACK = 0.001  # the manifest keeps microseconds; a file is newer only beyond that


@dataclass(frozen=True)
class Member:
    rel: str
    size: int
    sha256: str
    mtime: float | None
    target: Path
    locked: bool


@dataclass
class Step:
    member: Member
    action: str  # restore, replace, skip, newer, archived, unusable
    reason: str
    old_sha: str | None = None  # the share's file when the plan was made
    old: bytes | None = None  # its bytes, kept for the small locked files only


class ChangedError(Exception):
    """The file changed on the share between the plan and the write."""


def _bad(archive: Path, text: str) -> AdminError:
    return AdminError(f"{archive}: {text}", EXIT_BAD_INPUT)


def _manifest(zf: zipfile.ZipFile, archive: Path) -> dict[str, Any]:
    try:
        raw = zf.read(MANIFEST)
    except KeyError:
        raise _bad(archive, f"not a Packing Tool backup (it has no {MANIFEST})") from None
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except ValueError as exc:
        raise _bad(archive, f"its {MANIFEST} is not valid JSON ({exc})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise _bad(archive, f"not a Packing Tool backup ({MANIFEST} is not ours)")
    version = doc.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise _bad(archive, f"backup format {version!r} is not one this version reads "
                   f"(up to {FORMAT_VERSION})")
    if not isinstance(doc.get("files"), list):
        raise _bad(archive, f"its {MANIFEST} has no list of files")
    return doc


def _member(entry: object, root: Path, archive: Path) -> Member:
    if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
        raise _bad(archive, f"{MANIFEST} holds an entry without a path: {entry!r}")
    rel, size, digest = entry["path"], entry.get("size"), entry.get("sha256")
    if not isinstance(size, int) or not isinstance(digest, str) or len(digest) != 64:
        raise _bad(archive, f"{MANIFEST}: {rel!r} has no size or sha256")
    try:
        target = target_path(root, rel)
    except UnsafeNameError as exc:
        raise _bad(archive, f"refused: {rel!r} would be written outside the share's "
                   f"metadata ({exc})") from None
    moment = parse_timestamp(entry.get("mtime"))
    return Member(rel, size, digest.lower(), moment.timestamp() if moment else None, target,
                  backup_kind(rel) == "locked")


def _verify(zf: zipfile.ZipFile, member: Member, archive: Path) -> None:
    try:
        info = zf.getinfo(member.rel)
    except KeyError:
        raise _bad(archive, f"{MANIFEST} lists {member.rel} but the zip does not hold it") from None
    digest = hashlib.sha256()
    try:
        with zf.open(info) as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except (zipfile.BadZipFile, zlib.error, OSError) as exc:
        raise _bad(archive, f"{member.rel} is damaged in the zip ({exc})") from None
    if info.file_size != member.size or digest.hexdigest() != member.sha256:
        raise _bad(archive, f"{member.rel} does not match its sha256 in {MANIFEST}: the "
                   "archive is damaged or was changed")


def open_backup(archive: Path, root: Path) -> tuple[zipfile.ZipFile, dict[str, Any], list[Member]]:
    """The open zip, its manifest and its checked members; ``AdminError`` (exit 2) naming the
    archive when it is not a zip, not ours, damaged, or holds a path outside the metadata."""
    if not archive.is_file():
        raise _bad(archive, "no such file")
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        raise _bad(archive, f"not a zip archive ({exc})") from None
    try:
        manifest = _manifest(zf, archive)
        members = [_member(e, root, archive) for e in manifest["files"]]
        listed = [m.rel for m in members]
        if len(set(listed)) != len(listed):
            raise _bad(archive, f"{MANIFEST} lists a file twice")
        extra = sorted(set(zf.namelist()) - set(listed) - {MANIFEST})
        if extra:
            raise _bad(archive, f"refused: it holds files its {MANIFEST} does not list: "
                       f"{', '.join(repr(e) for e in extra[:5])}")
        for member in with_progress("restore: checking", members, len(members)):
            _verify(zf, member, archive)
    except BaseException:
        zf.close()
        raise
    return zf, manifest, members


# --------------------------------------------------------------------------- the plan


def _json(raw: bytes | None) -> dict[str, Any] | None:
    try:
        doc = json.loads(raw.decode("utf-8-sig")) if raw is not None else None
    except ValueError:
        return None
    return doc if isinstance(doc, dict) else None


def _later(share: object, archived: object) -> bool | None:
    """Whether the share's timestamp is later; None when either cannot be read."""
    ours, theirs = parse_timestamp(share), parse_timestamp(archived)
    return None if ours is None or theirs is None else ours > theirs


def newer_on_share(member: Member, share_doc: dict[str, Any] | None,
                   archive_doc: dict[str, Any] | None) -> str | None:
    """Why the share's copy is newer than the archive's, or None when it is not."""
    if member.rel in TIMESTAMPED and share_doc is not None and archive_doc is not None:
        share_at, archive_at = share_doc.get("last_updated"), archive_doc.get("last_updated")
        later = _later(share_at, archive_at)
        if later is not None:
            return f"last_updated {share_at} is after the archive's {archive_at}" if later else None
    mtime = member.target.stat().st_mtime
    if member.mtime is None:
        return "the archive does not say when its copy was made"
    if mtime > member.mtime + MTIME_SLACK:
        return "changed on the share after the backup was made"
    return None


def _archived_since(root: Path, rel: str) -> bool:
    """A live session's file whose session has since moved to the archive."""
    parts = rel.split("/")
    if parts[0] != "Sessions" or len(parts) < 4:
        return False
    return (not root.joinpath(*parts[:3]).exists()
            and root.joinpath(ARCHIVE_FOLDER, *parts[:3]).is_dir())


def plan_step(zf: zipfile.ZipFile, member: Member, root: Path) -> Step:
    if _archived_since(root, member.rel):
        return Step(member, "archived", "its session was archived since the backup")
    target = member.target
    if target.exists() and not target.is_file():
        return Step(member, "unusable", f"{target} is not a file")
    if member.locked and _json(zf.read(member.rel)) is None:
        return Step(member, "unusable", "the archive's copy is not a JSON object")
    if not target.exists():
        return Step(member, "restore", "missing on the share")
    raw = target.read_bytes()
    sha = hashlib.sha256(raw).hexdigest()
    if sha == member.sha256:
        return Step(member, "skip", "identical")
    archive_doc = share_doc = None
    old = raw if member.locked else None
    if member.locked:
        archive_doc, share_doc = _json(zf.read(member.rel)), _json(raw)
        if share_doc == archive_doc:
            return Step(member, "skip", "same content")
    why = newer_on_share(member, share_doc, archive_doc)
    if why:
        return Step(member, "newer", why, sha, old)
    return Step(member, "replace", "the archive's copy is newer", sha, old)


# --------------------------------------------------------------------------- writing


def _apply_locked(member: Member, data: bytes, old: bytes | None, force: bool) -> Path | None:
    new_doc = _json(data)
    if new_doc is None:
        raise ChangedError("the archive's copy is not a JSON object")
    kept: list[Path] = []

    def mutate(doc: dict[str, Any]) -> None:
        if not force and member.rel in TIMESTAMPED and _later(
                doc.get("last_updated"), new_doc.get("last_updated")):
            raise ChangedError("updated on the share since the check")
        if doc:  # the bytes read at the check when they still hold, else the content now
            raw = old if old is not None and _json(old) == doc else fileio.dumps(doc).encode()
            kept.append(fileio.keep_aside(member.target, raw, label=ASIDE_LABEL))
        doc.clear()
        doc.update(new_doc)

    fileio.with_retries(
        lambda: fileio.locked_json_update(member.target, mutate, default=dict),
        attempts=3, delay=0.2, retry_on=(fileio.LockTimeoutError,), what=member.rel)
    return kept[0] if kept else None


def apply_step(zf: zipfile.ZipFile, step: Step, force: bool) -> Path | None:
    """Write the archive's copy; returns where the replaced content was kept aside.
    Raises ``ChangedError`` when the file changed since the plan (unless ``force``)."""
    member = step.member
    data = zf.read(member.rel)
    if member.locked:
        return _apply_locked(member, data, step.old, force)
    try:
        now = member.target.read_bytes()
    except FileNotFoundError:
        now = None
    now_sha = hashlib.sha256(now).hexdigest() if now is not None else None
    if now_sha != step.old_sha and not force:
        raise ChangedError("changed on the share since the check")
    kept = fileio.keep_aside(member.target, now, label=ASIDE_LABEL) if now is not None else None
    fileio.atomic_write_bytes(member.target, data)
    if member.mtime is not None:  # so a later restore compares against the backup's time
        os.utime(member.target, (member.mtime, member.mtime))
    return kept
