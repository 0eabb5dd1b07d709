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
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
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
from packing_tool.admin.words import phrase, say
from packing_tool.storage.error_phrases import own_phrase
from packing_tool.storage.inside import resolve_inside
from packing_tool.storage.layout import UnsafeNameError
from shared.timestamps import parse_timestamp

ASIDE_LABEL = "before-restore"
LOCKED_MAX = 64 << 20  # the JSON files restored under their lock are read whole: a bound
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
        raise _bad(archive, say("not a Packing Tool backup (it has no {manifest})",
                                manifest=MANIFEST)) from None
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except ValueError as exc:
        raise _bad(archive, say("its {manifest} is not valid JSON ({exc})", manifest=MANIFEST,
                                exc=exc)) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise _bad(archive, say("not a Packing Tool backup ({manifest} is not ours)",
                                manifest=MANIFEST))
    version = doc.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise _bad(archive, say("backup format {version!r} is not one this version reads (up to "
                                "{format_version})", version=version,
                                format_version=FORMAT_VERSION))
    if not isinstance(doc.get("files"), list):
        raise _bad(archive, say("its {manifest} has no list of files", manifest=MANIFEST))
    return doc


def _member(entry: object, root: Path, archive: Path) -> Member:
    if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
        raise _bad(archive, say("{manifest} holds an entry without a path: {entry!r}",
                                manifest=MANIFEST, entry=entry))
    rel, size, digest = entry["path"], entry.get("size"), entry.get("sha256")
    if not isinstance(size, int) or not isinstance(digest, str) or len(digest) != 64:
        raise _bad(archive, say("{manifest}: {rel!r} has no size or sha256", manifest=MANIFEST,
                                rel=rel))
    try:
        target = target_path(root, rel)
    except UnsafeNameError as exc:
        raise _bad(archive, say("refused: {rel!r} would be written outside the share's metadata "
                                "({exc})", rel=rel, exc=exc)) from None
    moment = parse_timestamp(entry.get("mtime"))
    return Member(rel, size, digest.lower(), moment.timestamp() if moment else None, target,
                  backup_kind(rel) == "locked")


def _verify(zf: zipfile.ZipFile, member: Member, archive: Path) -> None:
    try:
        info = zf.getinfo(member.rel)
    except KeyError:
        raise _bad(archive, say("{manifest} lists {rel} but the zip does not hold it",
                                manifest=MANIFEST, rel=member.rel)) from None
    digest = hashlib.sha256()
    try:
        with zf.open(info) as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except (zipfile.BadZipFile, zlib.error, OSError) as exc:
        raise _bad(archive, say("{rel} is damaged in the zip ({exc})",
                                rel=member.rel, exc=exc)) from None
    if info.file_size != member.size or digest.hexdigest() != member.sha256:
        raise _bad(archive, say("{rel} does not match its sha256 in {manifest}: the archive is "
                                "damaged or was changed", rel=member.rel, manifest=MANIFEST))


def _plain_entry(info: zipfile.ZipInfo, archive: Path) -> None:
    """Refuse a zip entry that is not a plain file at a plain relative path."""
    name = info.filename
    parts = PurePosixPath(name).parts
    if (name.startswith(("/", "\\")) or "\\" in name or ".." in parts or ":" in name
            or not parts):
        raise _bad(archive, say("refused: it holds {name!r}, a path that could leave the share",
                                name=name))
    mode = info.external_attr >> 16  # Unix mode; no file type bits: a plain file
    if info.is_dir() or (stat.S_IFMT(mode) and not stat.S_ISREG(mode)):
        kind = phrase("a link") if stat.S_ISLNK(mode) else phrase("a folder") if (
            info.is_dir() or stat.S_ISDIR(mode)) else phrase("a device or other special file")
        raise _bad(archive, say("refused: {name!r} is {kind}, not a plain file", name=name,
                                kind=kind))


def open_backup(archive: Path, root: Path) -> tuple[zipfile.ZipFile, dict[str, Any], list[Member]]:
    """The open zip, its manifest and its checked members; ``AdminError`` (exit 2) naming the
    archive when it is not a zip, not ours, damaged, or holds a path outside the metadata."""
    if not archive.is_file():
        raise _bad(archive, say("no such file"))
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        raise _bad(archive, say("not a zip archive ({exc})", exc=exc)) from None
    try:
        for info in zf.infolist():
            _plain_entry(info, archive)
        manifest = _manifest(zf, archive)
        members = [_member(e, root, archive) for e in manifest["files"]]
        listed = [m.rel for m in members]
        if len(set(listed)) != len(listed):
            raise _bad(archive, say("{manifest} lists a file twice", manifest=MANIFEST))
        extra = sorted(set(zf.namelist()) - set(listed) - {MANIFEST})
        if extra:
            raise _bad(archive, say("refused: it holds files its {manifest} does not list: "
                                    "{files}", manifest=MANIFEST,
                                    files=", ".join(repr(e) for e in extra[:5])))
        for member in with_progress("restore: " + say("checking"), members, len(members)):
            _verify(zf, member, archive)
    except BaseException:
        zf.close()
        raise
    return zf, manifest, members


# --------------------------------------------------------------------------- the plan


def json_object(raw: bytes | None) -> dict[str, Any] | None:
    try:
        doc = json.loads(raw.decode("utf-8-sig")) if raw is not None else None
    except ValueError:
        return None
    return doc if isinstance(doc, dict) else None


def later(share: object, archived: object) -> bool | None:
    """Whether the share's timestamp is later; None when either cannot be read."""
    ours, theirs = parse_timestamp(share), parse_timestamp(archived)
    return None if ours is None or theirs is None else ours > theirs


def newer_on_share(member: Member, share_doc: dict[str, Any] | None,
                   archive_doc: dict[str, Any] | None) -> str | None:
    """Why the share's copy is newer than the archive's, or None when it is not."""
    if member.rel in TIMESTAMPED and share_doc is not None and archive_doc is not None:
        share_at, archive_at = share_doc.get("last_updated"), archive_doc.get("last_updated")
        is_later = later(share_at, archive_at)
        if is_later is not None:
            return (phrase("last_updated {share_at} is after the archive's {archive_at}",
                           share_at=share_at, archive_at=archive_at) if is_later else None)
    mtime = member.target.stat().st_mtime
    if member.mtime is None:
        return phrase("the archive does not say when its copy was made")
    if mtime > member.mtime + MTIME_SLACK:
        return phrase("changed on the share after the backup was made")
    return None


def _archived_since(root: Path, rel: str) -> bool:
    """A live session's file whose session has since moved to the archive."""
    parts = rel.split("/")
    if parts[0] != "Sessions" or len(parts) < 4:
        return False
    return (not root.joinpath(*parts[:3]).exists()
            and root.joinpath(ARCHIVE_FOLDER, *parts[:3]).is_dir())


def _sha256(path: Path) -> str:
    """The file's sha256, read in chunks (a file of any size costs little memory)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def plan_step(zf: zipfile.ZipFile, member: Member, root: Path) -> Step:
    if _archived_since(root, member.rel):
        return Step(member, "archived", phrase("its session was archived since the backup"))
    target = member.target
    try:
        resolve_inside(root, target)  # checked again at the write (restore_write)
    except OSError as exc:
        return Step(member, "unusable", own_phrase(exc) or str(exc))
    if target.exists() and not target.is_file():
        return Step(member, "unusable", phrase("{target} is not a file", target=target))
    if member.locked and member.size > LOCKED_MAX:
        return Step(member, "unusable", phrase("the archive's copy is larger than {limit:,} "
                                               "bytes, too large for this JSON file",
                                               limit=LOCKED_MAX))
    if member.locked and json_object(zf.read(member.rel)) is None:
        return Step(member, "unusable", phrase("the archive's copy is not a JSON object"))
    if not target.exists():
        return Step(member, "restore", phrase("missing on the share"))
    if member.locked and target.stat().st_size > LOCKED_MAX:
        return Step(member, "unusable",
                    phrase("the share's copy is larger than {limit:,} bytes", limit=LOCKED_MAX))
    sha = _sha256(target)
    if sha == member.sha256:
        return Step(member, "skip", phrase("identical"))
    archive_doc = share_doc = None
    old = target.read_bytes() if member.locked else None
    if member.locked:
        archive_doc, share_doc = json_object(zf.read(member.rel)), json_object(old)
        if share_doc == archive_doc:
            return Step(member, "skip", phrase("same content"))
    why = newer_on_share(member, share_doc, archive_doc)
    if why:
        return Step(member, "newer", why, sha, old)
    return Step(member, "replace", phrase("the archive's copy is newer"), sha, old)
