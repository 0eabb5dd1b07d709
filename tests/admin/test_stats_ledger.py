"""The completion ledger (``counted``) names who got the list's session and which profiles got
one, so a list ended, resumed and ended again credits each worker once, and old ledgers read."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from packing_tool.domain.packer_views import OrderStatus
from packing_tool.simulate import _pack_order, _Timer
from packing_tool.storage.completion import counted_figures
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.packing_session import Worker
from packing_tool.storage.session_manager import ActiveList, SessionManager, SessionSettings
from shared.worker_manager import WorkerManager

SESSION = "2026-11-21_1"


def worker(root: Path, name: str) -> Worker:
    profile = WorkerManager(root).get_or_create(name)
    return Worker(profile.id, profile.name)


class SteppingClock:
    """A station clock that moves ``step`` seconds per reading: packing takes real-looking,
    fractional time, so the rounding of durations is exercised."""

    def __init__(self, step: float) -> None:
        self.step = step
        self.moment = datetime(2026, 11, 21, 8, 0).astimezone()

    def __call__(self) -> datetime:
        self.moment += timedelta(seconds=self.step)
        return self.moment


def end_list(root: Path, name: str, list_name: str, *, client: str = "M",
             orders: int | None = None, before: Callable[[ActiveList], None] | None = None,
             step: float | None = None) -> None:
    """Open the list as ``name``, pack ``orders`` more orders (None: all), and end it."""
    packer = worker(root, name)
    extra: dict[str, Any] = {} if step is None else {"clock": SteppingClock(step)}
    manager = SessionManager(ShareLayout(root), packer, SessionSettings(debounce_seconds=0.0),
                             **extra)
    try:
        active = manager.open(client, SESSION, list_name)
        if before is not None:
            before(active)
        logic, done = active.session.logic, 0
        for order in logic.packing_list.orders:
            if orders is not None and done >= orders:
                break
            if logic.order(order.order_number).status is not OrderStatus.COMPLETE:
                _pack_order(active.session, order, packer, _Timer())
                done += 1
        manager.complete(active)
    finally:
        manager.close()


def summary(root: Path, list_name: str, client: str = "M") -> dict[str, Any]:
    path = (root / "Sessions" / f"CLIENT_{client}" / SESSION / "packing" / list_name
            / "session_summary.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def profile(root: Path, name: str) -> dict[str, Any]:
    found = WorkerManager(root).find_by_name(name)
    assert found is not None
    return found.to_dict()


def stats(root: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((root / "Stats" / "global_stats.json")
                                      .read_text(encoding="utf-8"))
    return data


def test_the_ledger_names_the_session_worker_and_the_profiles_given_a_session(
        share_root: Path) -> None:
    anna, boris = worker(share_root, "Anna"), worker(share_root, "Boris")
    end_list(share_root, "Anna", "DPD_Orders", orders=2)
    first = summary(share_root, "DPD_Orders")["counted"]
    assert first["session_worker"] == anna.id
    assert first["sessions_given"] == [anna.id]

    end_list(share_root, "Boris", "DPD_Orders")  # resumed by another worker, ended again
    second = summary(share_root, "DPD_Orders")["counted"]
    assert second["completions"] == 2
    assert second["session_worker"] == anna.id  # carried over: the session was Anna's
    assert second["sessions_given"] == sorted([anna.id, boris.id])
    assert profile(share_root, "Anna")["total_sessions"] == 1
    assert profile(share_root, "Boris")["total_sessions"] == 1
    doc = stats(share_root)
    assert doc["total_sessions"] == 1
    assert doc["workers"][anna.id]["sessions"] == 1
    assert doc["workers"][boris.id]["sessions"] == 0


def test_a_worker_with_nothing_counted_yet_gets_a_session_when_packing_later(
        share_root: Path) -> None:
    boris = worker(share_root, "Boris")

    def boris_misscans(active: ActiveList) -> None:
        active.session.scan("NO-SUCH-LABEL", boris)

    end_list(share_root, "Anna", "DPD_Orders", orders=2, before=boris_misscans)
    first = summary(share_root, "DPD_Orders")
    assert boris.id in {w["worker_id"] for w in first["workers"]}  # present, zero figures
    assert boris.id not in first["counted"]["sessions_given"]
    assert profile(share_root, "Boris")["total_sessions"] == 0

    end_list(share_root, "Boris", "DPD_Orders")
    assert profile(share_root, "Boris")["total_sessions"] == 1  # the old ledger gave none
    assert profile(share_root, "Boris")["total_orders"] == 6


def test_a_list_ended_with_nothing_packed_credits_the_ender_once(share_root: Path) -> None:
    anna = worker(share_root, "Anna")
    end_list(share_root, "Anna", "DHL_Orders", orders=0)
    counted = summary(share_root, "DHL_Orders")["counted"]
    assert (counted["session_worker"], counted["sessions_given"]) == (anna.id, [anna.id])
    assert profile(share_root, "Anna")["total_sessions"] == 1

    end_list(share_root, "Anna", "DHL_Orders")
    assert profile(share_root, "Anna")["total_sessions"] == 1  # not a second one
    assert profile(share_root, "Anna")["total_orders"] == 5
    assert stats(share_root)["workers"][anna.id]["sessions"] == 1


def test_an_old_ledger_is_read_and_carried_on(share_root: Path) -> None:
    anna = worker(share_root, "Anna")
    end_list(share_root, "Anna", "DPD_Orders", orders=2)
    path = (share_root / "Sessions/CLIENT_M" / SESSION / "packing/DPD_Orders"
            / "session_summary.json")
    old = json.loads(path.read_text(encoding="utf-8"))
    del old["counted"]["session_worker"], old["counted"]["sessions_given"]
    path.write_text(json.dumps(old), encoding="utf-8")

    end_list(share_root, "Anna", "DPD_Orders")
    counted = summary(share_root, "DPD_Orders")["counted"]
    assert counted["session_worker"] == old["worker_id"] == anna.id
    assert counted["sessions_given"] == [anna.id]
    assert profile(share_root, "Anna")["total_sessions"] == 1


def test_counted_figures_fills_in_what_older_ledgers_did_not_record() -> None:
    assert counted_figures(None) == {"completions": 0, "workers": {}, "session_worker": None,
                                     "sessions_given": []}
    ledger = {"completions": 2, "workers": {
        "worker_001": {"orders": 3, "items": 5, "seconds": 40.0},
        "worker_002": {"orders": 0, "items": 0, "seconds": 0.0}}}
    old = counted_figures({"worker_id": "worker_002", "counted": ledger})
    assert old["session_worker"] == "worker_002"
    assert old["sessions_given"] == ["worker_001"]
    assert old["workers"] == ledger["workers"]
    assert "session_worker" not in ledger  # the summary's own ledger is not changed

    before_ledgers = counted_figures({"worker_id": "worker_007", "completed_orders": 4,
                                      "packed_items": 9, "duration_seconds": 61.5})
    assert before_ledgers == {
        "completions": 1, "workers": {"worker_007": {"orders": 4, "items": 9, "seconds": 61.5}},
        "session_worker": "worker_007", "sessions_given": ["worker_007"]}
