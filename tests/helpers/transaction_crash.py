"""A process that ends a packing session as one journaled transaction and SIGKILLs itself.

    transaction_crash.py ROOT KILL_AT [fail]

The transaction has five steps: three FileUpdates (session summary, workers.json,
session_info.json), then two idempotent callables (StatsManager.record_packing with a
record_id, and an upsert into a shared registry file). Events are counted: each write of the
journal or of a step's file, and each finished callable. Right after event number KILL_AT the
process kills itself with SIGKILL (0: never). With ``fail`` the first callable raises before
doing anything, so the transaction rolls back and a kill lands inside the rollback.
Prints ``{"ok": <result>, "events": <count>}`` when it is not killed.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from shared import atomic_write, fileio
from shared.stats_manager import StatsManager
from shared.transaction import FileUpdate, Step, atomic_multi_file_update

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "shopify_sessions" / "server"
SESSION = "2026-11-21_1"
RECORD_ID = f"{SESSION}::DHL_Orders"
JOURNAL_NAME = "end_session.journal.json"


def paths(root: Path) -> dict[str, Path]:
    session = root / "Sessions" / "CLIENT_M" / SESSION
    return {
        "summary": session / "packing" / "DHL_Orders" / "session_summary.json",
        "workers": root / "Workers" / "workers.json",
        "info": session / "session_info.json",
        "registry": root / "Sessions" / "CLIENT_M" / "registry_index.json",
        "journal": root / JOURNAL_NAME,
    }


def make_root(root: Path) -> Path:
    """The share before the session ends: real stats and session_info, one worker."""
    where = paths(root)
    shutil.copytree(FIXTURES / "Stats", root / "Stats")
    where["info"].parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "Sessions" / "CLIENT_M" / SESSION / "session_info.json", where["info"])
    fileio.atomic_write_json(where["workers"], {"workers": [
        {"id": "worker_001", "name": "Dolphin", "created_at": "2025-11-20T09:00:00",
         "total_sessions": 45, "total_orders": 2500, "total_items": 8900,
         "last_active": "2025-11-20T14:15:00"}]})
    return root


SUMMARY: dict[str, Any] = {
    "version": "1.3.0", "session_id": SESSION, "session_type": "shopify", "client_id": "M",
    "packing_list_name": "DHL_Orders", "worker_id": "worker_001", "worker_name": "Dolphin",
    "started_at": "2026-11-21T08:00:00+00:00", "completed_at": "2026-11-21T08:10:00+00:00",
    "duration_seconds": 600, "total_orders": 3, "completed_orders": 3, "total_items": 6,
    "metrics": {}, "orders": [],
}


def _add_session(current: dict[str, Any] | None) -> dict[str, Any]:
    doc = dict(current or {"workers": []})
    for worker in doc["workers"]:
        if worker["id"] == "worker_001":
            worker["total_sessions"] += 1
            worker["total_orders"] += 3
            worker["total_items"] += 6
            worker["last_session_id"] = SESSION
    return doc


def _mark_completed(current: dict[str, Any] | None) -> dict[str, Any]:
    doc = dict(current or {})
    doc.setdefault("packing_progress", {})["DHL_Orders"] = {"status": "completed"}
    return doc


def build_steps(root: Path, *, fail: bool = False) -> list[Step]:
    where = paths(root)
    stats = StatsManager(root / "Stats")

    def record_packing() -> bool:
        if fail:
            raise OSError("the file server went away")
        return stats.record_packing(
            client_id="M", session_id=SESSION, worker_id="worker_001", orders_count=3,
            items_count=6, duration_seconds=600, record_id=RECORD_ID)

    def register_complete() -> None:
        def upsert(doc: dict[str, Any]) -> None:
            doc.setdefault("sessions", {})[RECORD_ID] = {"status": "completed", "orders": 3}

        fileio.locked_json_update(where["registry"], upsert, default=dict)

    return [
        FileUpdate(where["summary"], lambda current: dict(SUMMARY)),
        FileUpdate(where["workers"], _add_session),
        FileUpdate(where["info"], _mark_completed),
        record_packing,
        register_complete,
    ]


def main() -> int:
    root, kill_at = Path(sys.argv[1]), int(sys.argv[2])
    fail = len(sys.argv) > 3 and sys.argv[3] == "fail"
    where = paths(root)
    watched = {os.path.abspath(where[k]) for k in ("summary", "workers", "info", "journal")}
    events = 0

    def event() -> None:
        nonlocal events
        events += 1
        if events == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    real_write = fileio.atomic_write_bytes

    def counting_write(path: str | os.PathLike[str], data: bytes) -> None:
        real_write(path, data)
        if os.path.abspath(path) in watched:
            event()

    def counted(step: Callable[[], object]) -> Callable[[], object]:
        @functools.wraps(step)
        def run() -> object:
            result = step()
            event()
            return result

        return run

    fileio.atomic_write_bytes = counting_write  # type: ignore[assignment]
    atomic_write.atomic_write_bytes = counting_write  # type: ignore[assignment]
    steps = [s if isinstance(s, FileUpdate) else counted(s) for s in build_steps(root, fail=fail)]
    ok = atomic_multi_file_update(steps, where["journal"])
    print(json.dumps({"ok": ok, "events": events}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
