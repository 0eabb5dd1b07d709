"""Benchmark: peak memory of `packing-tool restore` for a backup holding one very large file.

Target (issue 14): restoring a backup with a 1 GB file stays under 200 MB of peak memory.
A share is made with one session's list work folder; a backup zip is written by hand (the
format `backup` writes: the file and a manifest with its size, sha256 and time) holding a
``scan_journal.jsonl`` of ``--size-mb`` MiB of zeros, which deflate shrinks to about a
thousandth: a small zip that unpacks to a large file. ``restore --yes --json`` then runs as
a real process, twice: once with the file missing on the share ("restore") and once with an
older, different copy of the same size on the share ("replace", ``--force``: the old copy is
kept aside). The peak resident memory of each process is read with
``os.wait4``'s ``ru_maxrss`` of that process alone (what ``getrusage(RUSAGE_CHILDREN)``
reports, per child). Prints one JSON object.

Usage: python bench/restore_memory.py [--size-mb 1024] [--keep DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO)]

TARGET_MB = 200
REL = "Sessions/CLIENT_M/2026-11-21_1/packing/DHL_Orders/scan_journal.jsonl"
CHUNK = 1 << 20


def make_backup(archive: Path, size_mb: int, fill: bytes = b"\0") -> dict[str, Any]:
    """A backup zip holding ``REL`` of ``size_mb`` MiB of ``fill`` bytes, streamed."""
    digest, block = hashlib.sha256(), fill * CHUNK
    moment = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        info = zipfile.ZipInfo(REL, date_time=moment.timetuple()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as out:
            for _ in range(size_mb):
                out.write(block)
                digest.update(block)
        manifest = {"format": "packing-tool-backup", "format_version": 1,
                    "tool_version": "bench", "created_at": moment.isoformat(),
                    "source_root": "bench", "counts": {},
                    "files": [{"path": REL, "size": size_mb * CHUNK,
                               "sha256": digest.hexdigest(), "mtime": moment.isoformat()}]}
        zf.writestr(zipfile.ZipInfo("manifest.json", date_time=moment.timetuple()[:6]),
                    json.dumps(manifest))
    return manifest


def make_share(root: Path) -> Path:
    work = root / REL.rsplit("/", 1)[0]
    work.mkdir(parents=True)
    (root / "Stats").mkdir()
    return root / REL


def run_measured(args: list[str]) -> tuple[int, str, str, int]:
    """Run ``packing-tool ARGS`` as a real process: (exit code, stdout, stderr, peak bytes).

    The peak is that one process's largest resident set (``os.wait4``'s ``ru_maxrss``, the
    figure ``getrusage(RUSAGE_CHILDREN)`` reports, for this child alone).
    """
    command = [sys.executable, "-c", "import sys; from packing_tool.cli import main; "
               "sys.exit(main())", *args]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO)])}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(command, stdout=out, stderr=err, env=env)
        _pid, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        texts = []
        for fh in (out, err):
            fh.seek(0)
            texts.append(fh.read().decode("utf-8", "replace"))
    scale = 1 if sys.platform == "darwin" else 1024  # Linux reports KiB, macOS bytes
    return child.returncode, texts[0], texts[1], usage.ru_maxrss * scale


def run_restore(root: Path, archive: Path, *extra: str) -> dict[str, Any]:
    started = time.perf_counter()
    code, out, err, peak = run_measured(["--root", str(root), "restore", str(archive),
                                         "--yes", "--json", *extra])
    if code != 0:
        raise SystemExit(f"restore failed ({code}): {err}{out}")
    result = json.loads(out)
    return {"seconds": round(time.perf_counter() - started, 1), "peak_mb": round(peak / 1e6, 1),
            "restored": len(result["restored"]), "replaced": len(result["replaced"])}


def measure(base: Path, size_mb: int) -> dict[str, Any]:
    archive = base / "backup.zip"
    made = time.perf_counter()
    manifest = make_backup(archive, size_mb)
    zip_seconds = time.perf_counter() - made
    root = base / "share"
    target = make_share(root)
    restore = run_restore(root, archive)
    ok = target.stat().st_size == manifest["files"][0]["size"]
    with open(target, "r+b") as fh:  # an older, different copy of the same size
        fh.write(b"{}\n")
    os.utime(target, (1.0e9, 1.0e9))
    replace = run_restore(root, archive, "--force")
    kept = sorted(target.parent.glob(target.name + ".before-restore-*"))
    worst = max(restore["peak_mb"], replace["peak_mb"])
    return {
        "bench": "restore_memory", "file_mb": size_mb,
        "zip_bytes": archive.stat().st_size, "zip_seconds": round(zip_seconds, 1),
        "restore": restore, "replace": replace, "restored_size_ok": ok,
        "kept_aside": len(kept), "peak_mb": worst, "target_mb": TARGET_MB,
        "met": ok and len(kept) == 1 and worst < TARGET_MB,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--keep", type=Path, help="work in this folder and leave it")
    args = parser.parse_args(argv)
    base = args.keep or Path(tempfile.mkdtemp(prefix="restore-memory-"))
    base.mkdir(parents=True, exist_ok=True)
    try:
        result = measure(base, args.size_mb)
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    print(json.dumps(result))
    return 0  # a target not met is a figure ("met": false), not a failed run


if __name__ == "__main__":
    sys.exit(main())
