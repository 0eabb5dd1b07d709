"""SessionManager on a copy of the real share: start, pause, resume, end, hand-over, locks.

Everything is checked in the files themselves: ``session_summary.json``,
``Stats/global_stats.json``, ``Workers/workers.json`` and the Shopify Tool's
``session_info.json``.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from packing_tool.domain.events import EventKind
from packing_tool.domain.packer_views import OrderStatus
from packing_tool.simulate import _pack_order, _Timer
from packing_tool.storage import completion
from packing_tool.storage.completion import CompletionError
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.packing_session import Worker
from packing_tool.storage.session_lock import LockHeldError
from packing_tool.storage.session_manager import ActiveList, SessionManager, SessionSettings
from shared.worker_manager import WorkerManager
from tests.conftest import SHOPIFY_SERVER
from tests.helpers.simulate_checks import writable_copy

SESSION = "2026-11-21_1"
FAST = SessionSettings(heartbeat_seconds=0.05, stale_after=180, share_timeout=10,
                       retry_seconds=0.05, debounce_seconds=0.0)


class Clock:
    """A station clock that moves ten seconds per reading, and jumps when told."""

    def __init__(self) -> None:
        self.moment = datetime(2026, 11, 21, 8, 0).astimezone()

    def __call__(self) -> datetime:
        self.moment += timedelta(seconds=10)
        return self.moment


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return writable_copy(SHOPIFY_SERVER, tmp_path / "server")


@pytest.fixture
def workers(root: Path) -> dict[str, Worker]:
    manager = WorkerManager(root)
    return {name: Worker(p.id, p.name) for name in ("Anna", "Boris")
            for p in [manager.get_or_create(name)]}


@pytest.fixture
def managers(root: Path, station_home: Path) -> Iterator[list[SessionManager]]:
    made: list[SessionManager] = []
    yield made
    for manager in made:
        manager.close()


def _manager(root: Path, worker: Worker, made: list[SessionManager], **kw: Any) -> SessionManager:
    manager = SessionManager(ShareLayout(root), worker, kw.pop("settings", FAST), **kw)
    made.append(manager)
    return manager


def _pack(active: ActiveList, worker: Worker, orders: int | None = None) -> int:
    logic, done = active.session.logic, 0
    for order in logic.packing_list.orders:
        if orders is not None and done >= orders:
            break
        if logic.order(order.order_number).status is not OrderStatus.COMPLETE:
            _pack_order(active.session, order, worker, _Timer())
            done += 1
    return done


def _stats(root: Path) -> dict[str, Any]:
    return json.loads((root / "Stats" / "global_stats.json").read_text(encoding="utf-8"))


def _profile(root: Path, worker: Worker) -> dict[str, Any]:
    profile = WorkerManager(root).get_worker(worker.id)
    assert profile is not None
    return profile.to_dict()


def _progress(root: Path, list_name: str) -> dict[str, Any]:
    info = json.loads((root / "Sessions" / "CLIENT_M" / SESSION / "session_info.json")
                      .read_text(encoding="utf-8"))
    entry: dict[str, Any] = info["packing_progress"][list_name]
    return entry


def test_pause_resume_and_end_count_the_list_once(root: Path, workers: dict[str, Worker],
                                                   managers: list[SessionManager]) -> None:
    anna = workers["Anna"]
    original = json.loads((root / "Sessions/CLIENT_M" / SESSION / "session_info.json")
                          .read_text(encoding="utf-8"))
    manager = _manager(root, anna, managers)
    active = manager.open("M", SESSION, "DHL_Orders")
    assert _pack(active, anna, 2) == 2
    assert manager.pause(active) == 0
    assert _progress(root, "DHL_Orders")["status"] == "paused"
    assert [e.list_name for e in manager.unfinished_here()] == ["DHL_Orders"]
    assert not (active.work_dir / ".session.lock").exists()

    active = manager.open("M", SESSION, "DHL_Orders")
    assert active.session.logic.progress.orders_complete == 2
    _pack(active, anna)
    plan = manager.complete(active)
    assert plan is not None
    assert plan["progress"]["status"] == "completed"

    summary = json.loads((active.work_dir / "session_summary.json").read_text(encoding="utf-8"))
    stats, profile = _stats(root), _profile(root, anna)
    assert (summary["completed_orders"], summary["packed_items"]) == (5, 8)
    assert (stats["total_orders_packed"], stats["total_items_packed"]) == (5, 8)
    assert stats["total_sessions"] == 1
    assert stats["packing_history"][-1]["session_id"] == SESSION
    assert stats["packing_history"][-1]["packing_list_name"] == "DHL_Orders"
    assert (profile["total_sessions"], profile["total_orders"], profile["total_items"]) == (1, 5, 8)
    assert manager.unfinished_here() == []
    progress = _progress(root, "DHL_Orders")
    assert progress["status"] == "completed"
    assert progress["completed_orders"] == 5
    info = json.loads((root / "Sessions/CLIENT_M" / SESSION / "session_info.json")
                      .read_text(encoding="utf-8"))
    assert {k: v for k, v in info.items() if k != "packing_progress"} == original


def test_end_resume_and_end_again_never_counts_twice(root: Path, workers: dict[str, Worker],
                                                     managers: list[SessionManager]) -> None:
    anna = workers["Anna"]
    manager = _manager(root, anna, managers)
    active = manager.open("M", SESSION, "DPD_Orders")
    _pack(active, anna, 3)
    first = manager.complete(active)
    assert first is not None
    assert first["progress"]["status"] == "incomplete"
    after_first = _stats(root)
    assert after_first["total_sessions"] == 1

    active = manager.open("M", SESSION, "DPD_Orders")
    _pack(active, anna)
    second = manager.complete(active)
    assert second is not None
    assert second["progress"]["status"] == "completed"
    stats, profile = _stats(root), _profile(root, anna)
    assert (stats["total_orders_packed"], stats["total_items_packed"]) == (8, 18)
    assert stats["total_sessions"] == 1
    assert len(stats["packing_history"]) == 2
    assert (profile["total_sessions"], profile["total_orders"]) == (1, 8)
    assert profile["total_items"] == 18

    active = manager.open("M", SESSION, "DPD_Orders")
    assert manager.complete(active) is None  # nothing new: nothing written
    assert _stats(root) == stats


def test_a_hand_over_credits_each_worker_and_the_real_packing_time(
        root: Path, workers: dict[str, Worker], managers: list[SessionManager]) -> None:
    anna, boris = workers["Anna"], workers["Boris"]
    clock = Clock()
    manager = _manager(root, anna, managers, clock=clock)
    active = manager.open("M", SESSION, "DPD_Orders")
    _pack(active, anna, 3)
    clock.moment += timedelta(hours=2)  # a long break between orders is not packing time
    active.session.act(EventKind.HANDOVER, boris)
    _pack(active, boris)
    manager.complete(active)

    summary = json.loads((active.work_dir / "session_summary.json").read_text(encoding="utf-8"))
    by_worker = {w["worker_id"]: w for w in summary["workers"]}
    a, b = _profile(root, anna), _profile(root, boris)
    assert (a["total_orders"], b["total_orders"]) == (3, 5)
    assert a["total_items"] + b["total_items"] == 18
    assert a["total_sessions"] == b["total_sessions"] == 1
    assert _stats(root)["total_sessions"] == 1
    assert a["total_duration_seconds"] == pytest.approx(by_worker[anna.id]["active_seconds"], 0.1)
    assert 0 < a["total_duration_seconds"] + b["total_duration_seconds"] < 3600
    assert summary["duration_seconds"] == pytest.approx(
        a["total_duration_seconds"] + b["total_duration_seconds"], abs=0.2)


def test_a_second_station_is_refused_with_the_holder_named(
        root: Path, workers: dict[str, Worker], managers: list[SessionManager]) -> None:
    first = _manager(root, workers["Anna"], managers)
    active = first.open("M", SESSION, "DHL_Orders")
    second = _manager(root, workers["Boris"], managers)
    with pytest.raises(LockHeldError) as caught:
        second.open("M", SESSION, "DHL_Orders")
    assert "Anna" in str(caught.value)
    assert not caught.value.stale
    with pytest.raises(LockHeldError):
        second.open("M", SESSION, "full_session")  # full-session mode excludes the lists
    first.pause(active)
    second.open("M", SESSION, "DHL_Orders")


def test_a_taken_over_station_stops_writing_and_is_told(
        root: Path, workers: dict[str, Worker], managers: list[SessionManager]) -> None:
    anna, boris = workers["Anna"], workers["Boris"]
    told: list[str] = []
    first = _manager(root, anna, managers, on_lost=lambda _a, why: told.append(why))
    active = first.open("M", SESSION, "DPD_Orders")
    _pack(active, anna, 2)
    assert active.mirror.flush(5)
    impatient = SessionSettings(heartbeat_seconds=60, stale_after=0.0, retry_seconds=0.05,
                                debounce_seconds=0.0)
    second = _manager(root, boris, managers, settings=impatient)
    with pytest.raises(LockHeldError) as caught:
        second.open("M", SESSION, "DPD_Orders")
    taken = second.open("M", SESSION, "DPD_Orders", take_over=caught.value.holder)
    share_lines = (active.work_dir / "scan_journal.jsonl").read_bytes()

    label = next(o.order_number for o in active.session.logic.packing_list.orders
                 if active.session.logic.order(o.order_number).status is not OrderStatus.COMPLETE)
    with contextlib.suppress(RuntimeError):  # refused at once if the heartbeat noticed first
        active.session.scan(label.lstrip("#"), anna)
    active.mirror.flush(2)
    assert active.share_status.state == "lost"
    assert (active.work_dir / "scan_journal.jsonl").read_bytes() == share_lines
    assert told, "the packer is told the list was taken over"
    history = (active.work_dir / "lock_history.jsonl").read_text(encoding="utf-8")
    assert "takeover" in history
    assert "Boris" in history
    second.pause(taken)


def test_an_interrupted_ending_is_finished_at_the_next_start(
        root: Path, workers: dict[str, Worker], managers: list[SessionManager],
        monkeypatch: pytest.MonkeyPatch) -> None:
    anna = workers["Anna"]
    manager = _manager(root, anna, managers)
    active = manager.open("M", SESSION, "DHL_Orders")
    _pack(active, anna)

    def cut_short(*_args: object) -> None:
        raise CompletionError("the station lost power")

    with monkeypatch.context() as patch:
        patch.setattr(completion, "run_plan", cut_short)
        with pytest.raises(CompletionError):
            manager.complete(active)
    manager.close()
    assert (active.work_dir / "completion_plan.json").is_file()
    assert _stats(root)["total_orders_packed"] == 0

    restarted = _manager(root, anna, managers)
    assert restarted.finish_interrupted() == [f"{SESSION}/DHL_Orders"]
    stats, profile = _stats(root), _profile(root, anna)
    assert (stats["total_orders_packed"], stats["total_sessions"]) == (5, 1)
    assert (profile["total_orders"], profile["total_sessions"]) == (5, 1)
    assert not (active.work_dir / "completion_plan.json").exists()
    assert restarted.unfinished_here() == []
    assert restarted.finish_interrupted() == []
