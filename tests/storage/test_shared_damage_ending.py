"""Issue 14 at the level of a list's ending, on a copy of the real share.

A damaged global_stats.json (and .bak) makes the ending refuse with the file named, leaves
the file byte for byte as it was and keeps the plan; once the file is repaired the retried
ending counts once. A lost workers.json never makes a new packer ``worker_001`` again. The
Shopify Tool's session_info.json, torn, keeps its bytes and every key.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from packing_tool.simulate import _pack_order, _Timer
from packing_tool.storage.completion import CompletionError, finish_pending
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.packing_session import Worker
from packing_tool.storage.session_info import update_progress
from packing_tool.storage.session_manager import ActiveList, SessionManager, SessionSettings
from shared import fileio
from shared.worker_manager import WorkerManager
from tests.conftest import SHOPIFY_SERVER
from tests.helpers.simulate_checks import writable_copy

SESSION = "2026-11-21_1"
FAST = SessionSettings(heartbeat_seconds=0.05, stale_after=180, share_timeout=10,
                       retry_seconds=0.05, debounce_seconds=0.0)
GARBAGE = b'{"total_orders_analyzed": 624, "by_cli\x00\x00'


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return writable_copy(SHOPIFY_SERVER, tmp_path / "server")


@pytest.fixture
def managers(root: Path, station_home: Path) -> Iterator[list[SessionManager]]:
    made: list[SessionManager] = []
    yield made
    for manager in made:
        manager.close()


def _manager(root: Path, worker: Worker, made: list[SessionManager]) -> SessionManager:
    manager = SessionManager(ShareLayout(root), worker, FAST)
    made.append(manager)
    return manager


def _pack_all(active: ActiveList, worker: Worker) -> None:
    for order in active.session.logic.packing_list.orders:
        _pack_order(active.session, order, worker, _Timer())


def _stats(root: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((root / "Stats" / "global_stats.json").read_bytes())
    return data


def test_an_ending_refuses_on_a_damaged_stats_file_and_counts_once_after_repair(
        root: Path, managers: list[SessionManager]) -> None:
    stats_file = root / "Stats" / "global_stats.json"
    side = fileio.sidecar_path(stats_file)
    good = stats_file.read_bytes()  # 624 orders analysed, as the Shopify Tool left it
    profile = WorkerManager(root).get_or_create("Anna")
    anna = Worker(profile.id, profile.name)
    manager = _manager(root, anna, managers)
    active = manager.open("M", SESSION, "DHL_Orders")
    _pack_all(active, anna)
    stats_file.write_bytes(GARBAGE)
    side.write_bytes(GARBAGE[:20])

    with pytest.raises(CompletionError) as caught:
        manager.complete(active)
    message = str(caught.value)
    assert str(stats_file) in message
    assert "packing-tool verify" in message
    assert "plan kept" in message
    assert stats_file.read_bytes() == GARBAGE  # never started afresh
    assert side.read_bytes() == GARBAGE[:20]
    assert [p.read_bytes() for p in stats_file.parent.glob("global_stats.json.corrupt-*")] \
        == [GARBAGE]
    assert (active.work_dir / "completion_plan.json").is_file()
    manager.close()

    # Still damaged: the next attempt is "not finished now" again, and still writes nothing.
    with pytest.raises(CompletionError, match=r"global_stats\.json"):
        finish_pending(root, active.work_dir)
    assert stats_file.read_bytes() == GARBAGE

    stats_file.write_bytes(good)  # repaired
    restarted = _manager(root, anna, managers)
    assert restarted.finish_interrupted() == [f"{SESSION}/DHL_Orders"]
    assert restarted.finish_interrupted() == []
    assert finish_pending(root, active.work_dir) is False
    stats = _stats(root)
    assert stats["total_orders_analyzed"] == 624
    assert (stats["total_orders_packed"], stats["total_sessions"]) == (5, 1)
    assert len(stats["packing_history"]) == len(stats["recorded_ids"]) == 1
    anna_now = WorkerManager(root).get_worker(anna.id)
    assert anna_now is not None
    assert (anna_now.total_orders, anna_now.total_sessions) == (5, 1)


def test_a_new_packer_never_gets_the_id_of_one_the_statistics_name(
        root: Path, managers: list[SessionManager]) -> None:
    workers = WorkerManager(root)
    profile = workers.get_or_create("Anna")
    assert profile.id == "worker_001"
    anna = Worker(profile.id, profile.name)
    manager = _manager(root, anna, managers)
    active = manager.open("M", SESSION, "DHL_Orders")
    _pack_all(active, anna)
    manager.complete(active)
    workers.workers_file.unlink()  # workers.json lost, and its .bak too
    fileio.sidecar_path(workers.workers_file).unlink()

    newcomer = WorkerManager(root).get_or_create("Boris")
    assert newcomer.id == "worker_002"
    assert (newcomer.total_orders, newcomer.total_sessions) == (0, 0)
    assert _stats(root)["workers"]["worker_001"]["orders_packed"] == 5


# --------------------------------------------------------------------------- session_info.json


def _info(root: Path) -> Path:
    return root / "Sessions" / "CLIENT_M" / SESSION / "session_info.json"


def test_a_torn_session_info_without_bak_keeps_its_bytes(
        root: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = _info(root)
    torn = path.read_bytes()[:300]
    path.write_bytes(torn)
    assert update_progress(path.parent, "DHL_Orders", status="in_progress") is False
    assert path.read_bytes() == torn
    assert not fileio.sidecar_path(path).exists()
    assert [p.read_bytes() for p in path.parent.glob("session_info.json.corrupt-*")] == [torn]
    assert str(path) in caplog.text
    assert "not recorded" in caplog.text


def test_a_torn_session_info_newer_than_its_bak_is_not_rolled_back(root: Path) -> None:
    path = _info(root)
    assert update_progress(path.parent, "DHL_Orders", status="in_progress") is True
    side = fileio.sidecar_path(path)
    doc = json.loads(path.read_bytes())
    doc["comments"] = "changed later by the Shopify Tool"
    theirs = json.dumps(doc, indent=2).encode()
    path.write_bytes(theirs[: len(theirs) - 30])  # their later write, torn
    later = side.stat().st_mtime_ns + 3 * 10**9
    os.utime(path, ns=(later, later))
    before = (path.read_bytes(), side.read_bytes())

    assert update_progress(path.parent, "DHL_Orders", status="paused") is False
    assert (path.read_bytes(), side.read_bytes()) == before


def test_session_info_keeps_the_shopify_keys_when_restored_from_a_fresh_bak(root: Path) -> None:
    path = _info(root)
    original = json.loads(path.read_bytes())
    assert update_progress(path.parent, "DHL_Orders", status="in_progress") is True
    side = fileio.sidecar_path(path)
    path.write_bytes(b"")  # our own rewrite cut short after its truncate
    os.utime(path, ns=(side.stat().st_atime_ns, side.stat().st_mtime_ns))
    assert update_progress(path.parent, "DHL_Orders", status="paused") is True
    doc = json.loads(path.read_bytes())
    assert {k: v for k, v in doc.items() if k != "packing_progress"} == original
    assert doc["packing_progress"]["DHL_Orders"]["status"] == "paused"
