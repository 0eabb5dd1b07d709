"""`packing-tool backup`: the share's metadata in one zip, with a manifest of hashes.

The zip holds the files ``backup_files.share_files`` picks, at their paths relative to the
root, and ``manifest.json`` (format, tool version, time, source root, and per file its size,
sha256 and modification time). The shared files are read under their lock, so the copy is
one the Shopify Tool finished writing. The zip is written atomically: a backup is complete or
absent, never half there. ``register`` adds ``restore`` too (``restore.py``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import zipfile
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from packing_tool import __version__
from packing_tool.admin import restore
from packing_tool.admin.backup_files import (
    ARCHIVE_FOLDER,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    ShareFile,
    read_share_file,
    share_files,
)
from packing_tool.admin.common import AdminError, script_options, share_root, with_progress
from packing_tool.admin.words import say
from packing_tool.storage.discovery import SESSION_INFO, WORK_FOLDER
from shared import fileio
from shared.timestamps import now_iso, to_iso


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "backup", help=say("save statistics, workers, barcode maps and session metadata in a zip"),
        description=say("Save Stats/global_stats.json, Workers/workers.json, every barcode map "
            "and every session's metadata (session_info.json, the session index, the lists' work "
            "folders without their xlsx reports; archived sessions too) in one zip with a "
            "manifest of sha256 hashes. Restore it with `packing-tool restore`."))
    parser.add_argument("--output", metavar=say("FILE.zip"), type=Path,
                        help=say("where to write the zip (default: "
                            "packing-tool-backup-<YYYYmmdd-HHMMSS>.zip in the current folder)"))
    parser.add_argument("--force", action="store_true",
                        help=say("overwrite an existing output file"))
    script_options(parser)
    parser.set_defaults(run=run)
    restore.register(commands)


def _mtime_iso(mtime: float) -> str:
    return to_iso(datetime.fromtimestamp(mtime).astimezone())


def _zip_time(mtime: float) -> tuple[int, int, int, int, int, int]:
    moment = datetime.fromtimestamp(max(mtime, 315532800.0))  # zip dates start in 1980
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def _add(archive: zipfile.ZipFile, name: str, data: bytes, mtime: float) -> None:
    info = zipfile.ZipInfo(name, date_time=_zip_time(mtime))
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


def _work_folder(parts: list[str]) -> tuple[str, ...] | None:
    """``Sessions/CLIENT_X/<session>/packing/<list>`` (or under Archive/) of a file's path."""
    start = 1 if parts[0] == ARCHIVE_FOLDER else 0
    if len(parts) > start + 5 and parts[start + 3] == WORK_FOLDER:
        return tuple(parts[:start + 5])
    return None


def _counts(entries: list[dict[str, Any]]) -> dict[str, int]:
    """How many of each kind of file and how many sessions, live and archived."""
    rels = [e["path"].split("/") for e in entries]
    work = {_work_folder(p) for p in rels} - {None}
    live = {tuple(p[:3]) for p in rels if p[0] == "Sessions" and len(p) > 3}
    archived = {tuple(p[:4]) for p in rels if p[0] == ARCHIVE_FOLDER and len(p) > 4}
    return {
        "files": len(entries),
        "stats": sum(p == ["Stats", "global_stats.json"] for p in rels),
        "workers": sum(p == ["Workers", "workers.json"] for p in rels),
        "barcode_maps": sum(p[0] == "Clients" for p in rels),
        "sessions": len(live),
        "archived_sessions": len(archived),
        "session_infos": sum(p[-1] == SESSION_INFO for p in rels),
        "work_folders": len(work),
    }


def build(root: Path, files: list[ShareFile], out: IO[bytes]) -> dict[str, Any]:
    """Write the zip to ``out`` (streamed, so a big share never sits in memory); the manifest."""
    entries: list[dict[str, Any]] = []
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in with_progress("backup: " + say("files"), files, len(files)):
            try:
                data, mtime = read_share_file(item.path, item.locked)
            except FileNotFoundError:
                continue  # removed since the listing (a list ended, a session archived)
            except (OSError, fileio.LockTimeoutError) as exc:
                raise AdminError(say("cannot read {path}: {exc}",
                                     path=item.path, exc=exc), 1) from exc
            _add(archive, item.rel, data, mtime)
            entries.append({"path": item.rel, "size": len(data),
                            "sha256": hashlib.sha256(data).hexdigest(),
                            "mtime": _mtime_iso(mtime)})
        manifest = {"format": FORMAT, "format_version": FORMAT_VERSION,
                    "tool_version": __version__, "created_at": now_iso(),
                    "source_root": str(root), "counts": _counts(entries), "files": entries}
        _add(archive, MANIFEST, fileio.dumps(manifest).encode("utf-8"),
             datetime.now().timestamp())
    return manifest


def _output(args: argparse.Namespace) -> Path:
    if args.output is not None:
        target = Path(args.output)
    else:
        target = Path.cwd() / f"packing-tool-backup-{datetime.now():%Y%m%d-%H%M%S}.zip"
    if target.is_dir():
        raise AdminError(say("--output {target} is a folder; give a file name", target=target))
    if target.exists() and not args.force:
        raise AdminError(say("{target} exists; use --force to overwrite it", target=target))
    return target


def run(args: argparse.Namespace) -> int:
    root = share_root(args).resolve()
    target = _output(args)
    try:
        files = share_files(root)
    except OSError as exc:
        raise AdminError(say("cannot read the share {root}: {exc}", root=root, exc=exc), 1) from exc
    try:
        with fileio.atomic_write_stream(target) as out:
            manifest = build(root, files, out)
    except OSError as exc:
        raise AdminError(say("cannot write {target}: {exc}", target=target, exc=exc), 1) from exc
    counts = manifest["counts"]
    source = sum(e["size"] for e in manifest["files"])
    result = {"path": str(target.resolve()), "bytes": target.stat().st_size, "source_bytes": source,
              "created_at": manifest["created_at"], "root": str(root), **counts}
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    print(say("Saved {files} files ({source:,} bytes) from {root} in {path} ({bytes:,} bytes):",
              files=counts['files'], source=source, root=root, path=result['path'],
              bytes=result['bytes']))
    print("  " + say("statistics: {stats}, worker profiles: {workers}, barcode maps: "
                     "{barcode_maps}", stats=counts['stats'], workers=counts['workers'],
                     barcode_maps=counts['barcode_maps']))
    print("  " + say("sessions: {sessions} (+ {archived_sessions} archived), work folders: "
                     "{work_folders}", sessions=counts['sessions'],
                     archived_sessions=counts['archived_sessions'],
                     work_folders=counts['work_folders']))
    sys.stdout.flush()
    return 0
