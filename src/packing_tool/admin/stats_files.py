"""Reading the two shared statistics files for the `stats` command, without repairing them.

The shared managers repair a damaged file as they read it (its bytes kept aside, the file
restarted or restored from its ``.bak``). An administrator command that only looks must not
do that behind the user's back: a damaged file stops the command with its name instead.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from packing_tool.admin.common import EXIT_FAILED, AdminError
from packing_tool.admin.words import error_text, phrase, say
from packing_tool.storage.layout import ShareLayout
from shared import fileio
from shared.stats_manager import StatsManager, StatsManagerError
from shared.stats_schema import default_stats, normalise_stats
from shared.worker_manager import (
    WORKERS_DIRNAME,
    WORKERS_FILENAME,
    default_workers,
    normalise_workers,
)

STATS_LABEL = "Stats/global_stats.json"
WORKERS_LABEL = f"{WORKERS_DIRNAME}/{WORKERS_FILENAME}"


def stats_file(root: Path) -> Path:
    return ShareLayout(root).stats_file


def workers_file(root: Path) -> Path:
    return ShareLayout(root).workers_file


def check_readable(path: Path) -> None:
    """Raise ``AdminError`` naming ``path`` when it exists but is not a JSON object."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise AdminError(say("cannot read {path}: {exc}", path=path, exc=exc), EXIT_FAILED) from exc
    if not raw.strip():
        return  # the tools treat an empty file as new (or restore it from its .bak)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        reason = phrase("not valid JSON ({exc})", exc=exc)
    else:
        if isinstance(data, dict):
            return
        reason = phrase("not a JSON object (top level is {kind})", kind=type(data).__name__)
    side = fileio.sidecar_path(path)
    if side.is_file():
        raise AdminError(say("{path} is {reason}. It was left as it is. {side} holds the last "
                             "content the tools wrote; compare the two and copy the good one "
                             "back.", path=path, reason=reason, side=side), EXIT_FAILED)
    raise AdminError(say("{path} is {reason}. It was left as it is.", path=path, reason=reason),
                     EXIT_FAILED)


def _locked_read(path: Path, **how: Any) -> dict[str, Any]:
    try:
        return fileio.read_json_locked(path, **how)
    except fileio.LockTimeoutError as exc:
        raise AdminError(say("{exc}; try again in a moment", exc=exc), EXIT_FAILED) from exc
    except (OSError, ValueError) as exc:
        raise AdminError(say("cannot read {path}: {exc}", path=path, exc=exc), EXIT_FAILED) from exc


def read_stats(root: Path) -> dict[str, Any]:
    """``global_stats.json`` as ``StatsManager`` reads it (normalised), checked first."""
    check_readable(stats_file(root))
    try:
        return StatsManager(root).get_global_stats()
    except StatsManagerError as exc:
        raise AdminError(error_text(exc), EXIT_FAILED) from exc


def read_stats_snapshot(root: Path) -> dict[str, Any]:
    """Like ``read_stats`` but without creating a missing ``Stats`` folder."""
    path = stats_file(root)
    check_readable(path)
    return _locked_read(path, default=default_stats, normalise=normalise_stats)


def read_workers(root: Path) -> dict[str, Any]:
    """``workers.json`` normalised as ``WorkerManager`` reads it; empty when there is none."""
    path = workers_file(root)
    check_readable(path)
    return _locked_read(path, default=default_workers, normalise=normalise_workers)
