"""packing_state.json follows the scans in the background, never on the scan path."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from packing_tool.domain.events import EventKind
from packing_tool.domain.packer_views import OrderStatus
from packing_tool.domain.packing_state import state_snapshot
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.packing_session import PackingSession, Worker
from packing_tool.storage.session_manager import SessionManager, SessionSettings
from packing_tool.storage.state_writer import StateWriter, written_seq
from shared import fileio

SESSION = "2026-11-21_1"
TESTER = Worker("worker_001", "Tester")


def _writer(tmp_path: Path, state: dict[str, Any], *, budget_per_change: int = 256,
            **timing: float) -> StateWriter:
    return StateWriter(tmp_path / "packing_state.json", lambda: dict(state),
                       budget_per_change=budget_per_change, **timing)


def test_written_after_an_idle_pause_and_on_close(tmp_path: Path) -> None:
    state = {"last_seq": 1}
    writer = _writer(tmp_path, state, idle=0.2, max_age=30)
    writer.mark_dirty()
    deadline = time.monotonic() + 5
    while writer.writes == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert json.loads(writer.path.read_text())["last_seq"] == 1
    state["last_seq"] = 2
    writer.mark_dirty()
    writer.close()
    assert json.loads(writer.path.read_text())["last_seq"] == 2


def test_a_paid_write_on_a_busy_station_waits_no_longer_than_max_age(tmp_path: Path) -> None:
    writer = _writer(tmp_path, {"last_seq": 7}, idle=10, max_age=0.3)
    start = time.monotonic()
    while writer.writes == 0 and time.monotonic() - start < 5:
        writer.mark_dirty()  # scans keep coming: never idle
        time.sleep(0.01)
    assert writer.writes >= 1
    assert time.monotonic() - start < 2
    writer.close()


def test_nothing_written_when_nothing_changed(tmp_path: Path) -> None:
    writer = _writer(tmp_path, {"last_seq": 0}, idle=0.05)
    time.sleep(0.2)
    writer.close()
    assert not writer.path.exists()


def test_unwritable_target_is_reported_and_retried(tmp_path: Path) -> None:
    blocker = tmp_path / "packing_state.json"
    blocker.mkdir()  # a folder where the file should go
    writer = StateWriter(blocker, lambda: {"a": 1}, idle=0.05)
    assert writer.write_now() is False
    assert writer.last_error is not None
    assert "packing_state.json" in writer.last_error
    blocker.rmdir()
    assert writer.write_now() is True
    writer.close()


# --------------------------------------------------------------------------- byte budget


def _wait_for(writer: StateWriter, writes: int) -> None:
    deadline = time.monotonic() + 10
    while writer.writes < writes and time.monotonic() < deadline:
        time.sleep(0.01)
    assert writer.writes >= writes, writer.last_error


def _settle(writer: StateWriter) -> None:
    """As a pause after an order: until any write the changes paid for is done."""
    deadline = time.monotonic() + 10
    while writer.write_due and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not writer.write_due


def test_many_small_changes_on_a_big_snapshot_write_rarely(tmp_path: Path) -> None:
    state: dict[str, Any] = {"payload": "x" * 20_000, "last_seq": 0}
    writer = _writer(tmp_path, state, idle=0.01, budget_per_change=1000)
    state["last_seq"] = 1
    writer.mark_dirty()  # the session's first write: always
    _wait_for(writer, 1)
    size = writer.path.stat().st_size
    needed = -(-size // 1000)  # changes that pay for rewriting ``size`` bytes
    assert needed > 10
    for seq in range(2, needed + 1):  # one change short of the budget, a pause after each
        state["last_seq"] = seq
        writer.mark_dirty()
        assert not writer.write_due
        _settle(writer)
    assert writer.writes == 1
    assert json.loads(writer.path.read_text())["last_seq"] == 1
    state["last_seq"] = needed + 1
    writer.mark_dirty()  # this change pays for it
    assert writer.write_due
    _settle(writer)
    assert writer.writes == 2
    assert json.loads(writer.path.read_text())["last_seq"] == needed + 1
    assert writer.bytes_written - size <= needed * 1000 + 100  # the budget, and a grown seq
    writer.close()
    assert writer.writes == 2  # nothing changed since: close writes nothing


def test_no_write_without_a_pause_until_max_age(tmp_path: Path) -> None:
    writer = _writer(tmp_path, {"payload": "x" * 2000}, idle=10, max_age=3600,
                     budget_per_change=10_000)
    for _ in range(5):
        writer.mark_dirty()
    assert writer.write_due  # the first write is paid for, but waits for a pause
    assert writer.writes == 0
    writer.close()
    assert writer.writes == 1  # close writes what waits


def test_urgent_and_write_now_write_whatever_the_budget(tmp_path: Path) -> None:
    state: dict[str, Any] = {"payload": "x" * 50_000, "last_seq": 1}
    writer = _writer(tmp_path, state, idle=30, max_age=3600)
    assert writer.write_now()
    state["last_seq"] = 2
    writer.mark_dirty(urgent=True)  # neither paid for nor after a pause
    _wait_for(writer, 2)
    assert json.loads(writer.path.read_text())["last_seq"] == 2
    state["last_seq"] = 3
    writer.mark_dirty()
    assert not writer.write_due
    assert writer.write_now()
    assert json.loads(writer.path.read_text())["last_seq"] == 3
    writer.close()
    assert writer.writes == 3


def test_close_writes_changes_the_budget_did_not_pay_for(tmp_path: Path) -> None:
    state: dict[str, Any] = {"payload": "x" * 50_000, "last_seq": 1}
    writer = _writer(tmp_path, state, idle=0.01)
    writer.mark_dirty()
    _wait_for(writer, 1)
    state["last_seq"] = 2
    writer.mark_dirty()
    _settle(writer)
    assert json.loads(writer.path.read_text())["last_seq"] == 1
    writer.close()
    assert json.loads(writer.path.read_text())["last_seq"] == 2


def test_written_seq_reads_the_tail_of_our_snapshot_only(tmp_path: Path) -> None:
    path = tmp_path / "packing_state.json"
    assert written_seq(path) is None
    fileio.atomic_write_json(path, {"completed": ["#1"] * 500, "last_seq": 41})
    assert written_seq(path) == 41
    path.write_text(json.dumps({"last_seq": 3, "completed": []}), encoding="utf-8")
    assert written_seq(path) is None  # not its last key: an older packer's file


# --------------------------------------------------------------------------- in a session


def _pack_two_orders(session: PackingSession) -> None:
    for code in ("48212", "MC-SER-102-30", "48215", "MC-BDY-801-250"):
        session.scan(code, TESTER)


def _written(session: PackingSession) -> Any:
    return json.loads(session.state.path.read_text(encoding="utf-8"))


def test_the_file_is_current_after_pause_and_after_the_end(share_root: Path) -> None:
    manager = SessionManager(ShareLayout(share_root), TESTER, SessionSettings(
        debounce_seconds=0.0), local_root=share_root.parent / "station")
    active = manager.open("M", SESSION, "DPD_Orders")
    _pack_two_orders(active.session)
    manager.pause(active)
    state = _written(active.session)
    assert state["last_seq"] == active.session.logic.last_seq == 4
    assert state["progress"]["completed_orders"] == 2

    active = manager.open("M", SESSION, "DPD_Orders")
    session = active.session
    assert session.state.writes == 0  # the file was current: no catch-up write on open
    for order in session.packing_list.orders:
        if session.logic.order(order.order_number).status is not OrderStatus.COMPLETE:
            session.scan(order.order_number.lstrip("#"), TESTER)
            for line in order.lines:
                for _ in range(line.quantity):
                    session.scan(line.sku, TESTER)
    assert manager.complete(active) is not None
    state = _written(session)
    assert state["last_seq"] == session.logic.last_seq
    assert state["status"] == "completed"
    assert state["progress"]["completed_orders"] == len(session.packing_list.orders)
    manager.close()


def test_the_snapshot_built_off_the_lock_is_the_live_one(share_root: Path) -> None:
    session = PackingSession(ShareLayout(share_root), "M", SESSION, "DPD_Orders",
                             debounce_seconds=0.0)
    _pack_two_orders(session)
    session.scan("48218", TESTER)  # an order left unfinished
    session.act(EventKind.SKIP, TESTER)
    session.close()
    expected = json.loads(fileio.dumps(state_snapshot(session.logic, session.meta())))
    assert _written(session) == expected
    assert expected["skipped_orders"] == ["#48218"]


def test_a_file_behind_the_journal_is_caught_up_when_the_list_is_opened(
        share_root: Path) -> None:
    session = PackingSession(ShareLayout(share_root), "M", SESSION, "DPD_Orders",
                             debounce_seconds=0.0)
    _pack_two_orders(session)
    session.close()
    path = session.state.path
    stale = _written(session)
    stale["last_seq"] = 2  # as a crash leaves it: the snapshot lags the journal
    fileio.atomic_write_json(path, stale)

    again = PackingSession(ShareLayout(share_root), "M", SESSION, "DPD_Orders",
                           state_idle=0.01)
    _wait_for(again.state, 1)  # without a scan
    again.close()
    assert _written(again)["last_seq"] == 4
