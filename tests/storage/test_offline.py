"""The share stops answering mid-session: packing goes on, and nothing is lost or doubled.

"Unreachable" is made real: the share folder is renamed away (as a dropped mapping looks to
the station), then renamed back. For a takeover meanwhile, the station reaches the share
through a link that is removed while another station, which still sees the share, takes
the list over.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from packing_tool.domain.packer_views import OrderStatus
from packing_tool.simulate import label_text
from packing_tool.storage.journal_mirror import ListTakenOverError
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.packing_session import Worker
from packing_tool.storage.session_lock import LockHeldError
from packing_tool.storage.session_manager import ActiveList, SessionManager, SessionSettings
from shared.worker_manager import WorkerManager
from tests.conftest import SHOPIFY_SERVER
from tests.helpers.simulate_checks import writable_copy

SESSION = "2026-11-21_1"
FAST = SessionSettings(heartbeat_seconds=0.05, stale_after=180, share_timeout=5,
                       retry_seconds=0.05, debounce_seconds=0.0)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return writable_copy(SHOPIFY_SERVER, tmp_path / "server")


@pytest.fixture
def made() -> Iterator[list[SessionManager]]:
    managers: list[SessionManager] = []
    yield managers
    for manager in managers:
        manager.close()


def _worker(root: Path, name: str) -> Worker:
    profile = WorkerManager(root).get_or_create(name)
    return Worker(profile.id, profile.name)


def _units(active: ActiveList) -> Iterator[str]:
    """Every scan a packer makes for the list: each order's label, then each unit."""
    logic = active.session.logic
    for order in logic.packing_list.orders:
        if logic.order(order.order_number).status is OrderStatus.COMPLETE:
            continue
        yield label_text(order.order_number)
        for line in logic.order(order.order_number).lines:
            for _ in range(line.remaining):
                yield line.sku


def _seqs(journal: Path) -> list[int]:
    return [json.loads(line)["seq"] for line in journal.read_text(encoding="utf-8").splitlines()]


def _wait(condition: object, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.01)


def test_scans_made_while_the_share_is_gone_reach_it_once(root: Path,
                                                         made: list[SessionManager]) -> None:
    worker = _worker(root, "Anna")
    manager = SessionManager(ShareLayout(root), worker, FAST)
    made.append(manager)
    active = manager.open("M", SESSION, "DPD_Orders")
    scans = list(_units(active))
    half = len(scans) // 3
    for text in scans[:half]:
        active.session.scan(text, worker)
    assert active.mirror.flush(5)

    away = root.with_name("server-away")
    root.rename(away)
    try:
        for text in scans[half:]:
            active.session.scan(text, worker)  # acknowledged from this station's disk
        _wait(lambda: active.share_status.state == "offline")
        assert active.share_status.waiting > 0
        assert not root.exists(), "nothing may recreate the vanished share"
        assert len(_seqs(away / active.work_dir.relative_to(root) / "scan_journal.jsonl")) < len(
            scans)
    finally:
        away.rename(root)
    assert active.mirror.flush(10)
    assert active.share_status.state == "online"
    on_share = _seqs(active.work_dir / "scan_journal.jsonl")
    assert on_share == list(range(1, len(scans) + 1))
    assert (active.work_dir / "scan_journal.jsonl").read_bytes() == active.mirror.local.path \
        .read_bytes()
    plan = manager.complete(active)
    assert plan is not None
    assert plan["summary"]["completed_orders"] == 8
    assert plan["summary"]["packed_items"] == 18


@pytest.mark.share
def test_a_list_taken_over_while_offline_is_not_overwritten(tmp_path: Path, root: Path,
                                                            made: list[SessionManager]) -> None:
    link = Path(os.environ["PACKING_TOOL_HOME"]) / "mapped-drive"  # on the station, not the share
    os.symlink(root, link)
    anna, boris = _worker(root, "Anna"), _worker(root, "Boris")
    first = SessionManager(ShareLayout(link), anna, FAST)
    made.append(first)
    active = first.open("M", SESSION, "DPD_Orders")
    scans = list(_units(active))
    for text in scans[:5]:
        active.session.scan(text, anna)
    assert active.mirror.flush(5)

    link.unlink()  # this station loses the share; the other one still sees it
    for text in scans[5:9]:
        active.session.scan(text, anna)
    _wait(lambda: active.share_status.state == "offline")

    other = SessionManager(ShareLayout(root), boris, SessionSettings(
        heartbeat_seconds=60, stale_after=0.0, retry_seconds=0.05, debounce_seconds=0.0))
    made.append(other)
    with pytest.raises(LockHeldError) as caught:
        other.open("M", SESSION, "DPD_Orders")
    taken = other.open("M", SESSION, "DPD_Orders", take_over=caught.value.holder)
    for text in list(_units(taken))[:3]:
        taken.session.scan(text, boris)
    assert taken.mirror.flush(5)
    journal = taken.work_dir / "scan_journal.jsonl"
    before = journal.read_bytes()

    os.symlink(root, link)  # the share answers again
    _wait(lambda: active.share_status.state == "lost")
    assert journal.read_bytes() == before, "the offline scans must not overwrite anything"
    assert _seqs(journal) == list(range(1, 9))
    with pytest.raises(ListTakenOverError):
        active.session.scan(scans[9], anna)
    local = active.mirror.local.path.read_text(encoding="utf-8").splitlines()
    assert len(local) == 9, "the station's own scans stay on its disk"
    other.pause(taken)
