"""Session details on a copy of the real share: an ended list, a live one, a resumed one.

The live summary must be the one builder's (the same figures as the file written at the end),
the timeline must mark every kind of scan, and reading must never write anything.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from packing_tool.domain.events import EventKind
from packing_tool.simulate import simulate
from packing_tool.storage.journal import JOURNAL_FILENAME, JournalError
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.packing_session import Worker
from packing_tool.storage.session_details import hourly_figures, load_details
from packing_tool.storage.session_manager import ActiveList, SessionManager, SessionSettings
from packing_tool.storage.summary_file import SUMMARY_FILENAME
from shared.metadata_utils import calculate_session_metrics
from shared.worker_manager import WorkerManager

SESSION = "2026-11-21_1"
FAST = SessionSettings(heartbeat_seconds=0.05, stale_after=180, share_timeout=10,
                       retry_seconds=0.05, debounce_seconds=0.0)
SAME = ("orders", "unfinished_orders", "skipped_orders", "metrics", "sku_figures", "workers",
        "total_orders", "completed_orders", "total_items", "packed_items", "duration_seconds",
        "started_at", "worker_id", "worker_name", "unique_skus", "last_seq")


@pytest.fixture
def layout(share_root: Path) -> ShareLayout:
    return ShareLayout(share_root)


@pytest.fixture
def anna(share_root: Path) -> Worker:
    profile = WorkerManager(share_root).get_or_create("Anna")
    return Worker(profile.id, profile.name)


@pytest.fixture
def manager(layout: ShareLayout, anna: Worker) -> Iterator[SessionManager]:
    made = SessionManager(layout, anna, FAST)
    yield made
    made.close()


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` with its size and mtime: reading must change none."""
    found = {}
    for parent, _dirs, files in os.walk(folder):
        for name in files:
            stat = (Path(parent) / name).stat()
            found[os.path.join(parent, name)] = (stat.st_size, stat.st_mtime_ns)
    return found


def _pack_with_mistakes(active: ActiveList, worker: Worker) -> None:
    """#48218 packed with an unknown, a wrong item, an undo and a manual line; #48212 skipped."""
    session = active.session
    for code in ("48218", "MC-ACC-014-RL", "NOPE-999", "MC-SER-102-30", "MC-ACC-012-PD"):
        session.scan(code, worker)
    session.act(EventKind.UNDO, worker)
    session.act(EventKind.MANUAL, worker, row=1, reason="label torn")
    for code in ("MC-SER-103-15", "MC-MSK-503-01", "MC-MSK-503-01", "MC-CRM-201-50",
                 "48212"):
        session.scan(code, worker)
    session.act(EventKind.SKIP, worker)


def test_an_ended_list_comes_from_its_summary(share_root: Path, layout: ShareLayout) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    work = layout.work_dir("M", SESSION, "DHL_Orders")
    stored = json.loads((work / SUMMARY_FILENAME).read_text(encoding="utf-8"))
    before = _snapshot(share_root)

    details = load_details(layout, "M", SESSION, "DHL_Orders")

    assert _snapshot(share_root) == before
    assert (details.source, details.status, details.ended) == ("summary", "completed", True)
    assert [o["order_number"] for o in details.orders()] == [
        o["order_number"] for o in stored["orders"]]
    assert len(details.orders()) == 5
    assert details.summary["metrics"] == stored["metrics"]
    assert set(details.timelines) == {o["order_number"] for o in stored["orders"]}
    for order in stored["orders"]:
        marks = [e.mark for e in details.timelines[order["order_number"]]]
        assert marks[0] == "order"
        assert marks[-1] == "complete"
    assert sum(h.units for h in details.hourly) == 8
    assert sum(h.orders for h in details.hourly) == 5


def test_the_live_summary_is_the_builders_own(share_root: Path, layout: ShareLayout) -> None:
    """Without its summary file, an ended list replays to the very figures it was ended with."""
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    work = layout.work_dir("M", SESSION, "DHL_Orders")
    stored = json.loads((work / SUMMARY_FILENAME).read_text(encoding="utf-8"))
    (work / SUMMARY_FILENAME).unlink()

    live = load_details(layout, "M", SESSION, "DHL_Orders")

    assert (live.source, live.status, live.ended) == ("journal", "paused", False)
    assert {k: live.summary[k] for k in SAME} == {k: stored[k] for k in SAME}
    assert live.summary["completed_at"] is None
    assert live.summary["pc_name"] == stored["pc_name"]


def test_a_live_list_is_replayed_from_its_journal(share_root: Path, layout: ShareLayout,
                                                  manager: SessionManager, anna: Worker) -> None:
    active = manager.open("M", SESSION, "DPD_Orders")
    _pack_with_mistakes(active, anna)
    manager.pause(active)
    before = _snapshot(share_root)

    details = load_details(layout, "M", SESSION, "DPD_Orders")

    assert _snapshot(share_root) == before
    assert (details.source, details.status) == ("journal", "paused")
    summary = details.summary
    assert (summary["completed_orders"], summary["total_orders"]) == (1, 8)
    assert summary["skipped_orders_count"] == 1
    assert summary["packed_items"] == 6
    assert summary["metrics"] == calculate_session_metrics(summary)
    assert summary["metrics"]["total_corrections"] == 1
    assert [o["order_number"] for o in details.orders()] == ["#48218", "#48212"]
    timeline = details.timelines["#48218"]
    assert [e.mark for e in timeline] == [
        "order", "ok", "unknown", "wrong", "ok", "undo", "manual", "ok", "ok", "ok",
        "complete"]
    undone = [e for e in timeline if e.undone]
    assert [(e.sku, e.mark) for e in undone] == [("MC-ACC-012-PD", "ok")]
    manual = next(e for e in timeline if e.mark == "manual")
    assert (manual.reason, manual.worker_name) == ("label torn", "Anna")
    assert [e.mark for e in details.timelines["#48212"]] == ["order", "skip"]
    assert sum(h.units for h in details.hourly) == 6
    assert sum(h.orders for h in details.hourly) == 1
    figures = summary["sku_figures"]
    assert figures["MC-ACC-012-PD"]["units_manual"] == 1
    # Both misscans came while MC-ACC-012-PD was the unit the packer was reaching for.
    assert figures["MC-ACC-012-PD"]["misscans"] == 2
    assert sum(f["misscans"] for f in figures.values()) == 2


def test_a_list_resumed_after_its_end_shows_the_journal(
        share_root: Path, layout: ShareLayout, manager: SessionManager, anna: Worker) -> None:
    active = manager.open("M", SESSION, "DHL_Orders")
    active.session.scan("48211", anna)
    active.session.scan("MC-BDY-801-250", anna)
    manager.complete(active)
    assert load_details(layout, "M", SESSION, "DHL_Orders").status == "incomplete"
    active = manager.open("M", SESSION, "DHL_Orders")
    active.session.scan("48220", anna)
    active.session.scan("MC-ACC-014-RL", anna)
    manager.pause(active)

    details = load_details(layout, "M", SESSION, "DHL_Orders")

    assert details.source == "journal"
    assert details.summary["completed_orders"] == 2


def test_a_list_nobody_started_has_no_orders(layout: ShareLayout) -> None:
    details = load_details(layout, "M", SESSION, "PostOne_Orders")
    assert (details.source, details.status) == ("none", "available")
    assert details.orders() == []
    assert details.summary["total_orders"] == 4
    assert details.hourly == ()


def test_a_damaged_journal_falls_back_to_the_summary(share_root: Path,
                                                     layout: ShareLayout) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    journal = layout.work_dir("M", SESSION, "DHL_Orders") / JOURNAL_FILENAME
    lines = journal.read_bytes().split(b"\n")
    journal.write_bytes(b"\n".join([lines[0], b"{not json", *lines[1:]]))

    details = load_details(layout, "M", SESSION, "DHL_Orders")

    assert details.source == "summary"
    assert len(details.orders()) == 5
    assert any("line 2" in note for note in details.notes)
    assert details.timelines["#48211"][0].mark == "ok"  # from the summary's scan records


def test_a_damaged_journal_without_summary_is_an_error_naming_it(
        share_root: Path, layout: ShareLayout) -> None:
    simulate(share_root, "M", SESSION, "DPD_Orders", "Anna")
    journal = layout.work_dir("M", SESSION, "DPD_Orders") / JOURNAL_FILENAME
    journal.write_bytes(b"{broken\n" + journal.read_bytes())
    with pytest.raises(JournalError, match=r"scan_journal\.jsonl"):
        load_details(layout, "M", SESSION, "DPD_Orders")


def test_hours_are_filled_between_busy_hours() -> None:
    summary = {"orders": [
        {"completed_at": "2026-11-21T08:10:00+00:00",
         "items": [{"scanned_at": "2026-11-21T08:05:00+00:00", "quantity": 2}]},
        {"completed_at": "2026-11-21T10:59:00+00:00",
         "items": [{"scanned_at": "2026-11-21T10:58:00+00:00", "quantity": 1},
                   {"scanned_at": "bad", "quantity": 5}]}],
        "unfinished_orders": [{"items": [{"scanned_at": "2026-11-21T10:30:00+00:00",
                                          "quantity": 3}]}]}
    hours = hourly_figures(summary)
    assert [(h.units, h.orders) for h in hours] == [(2, 1), (0, 0), (4, 1)]
    assert [h.start.minute for h in hours] == [0, 0, 0]


def test_an_ended_list_whose_file_is_gone_still_shows_its_summary(
        share_root: Path, layout: ShareLayout, manager: SessionManager, anna: Worker) -> None:
    active = manager.open("M", SESSION, "DHL_Orders")
    active.session.scan("48211", anna)
    active.session.scan("MC-BDY-801-250", anna)
    manager.complete(active)
    active = manager.open("M", SESSION, "DHL_Orders")
    active.session.scan("48220", anna)
    manager.pause(active)
    for suffix in (".json", ".xlsx"):
        (layout.packing_lists_dir("M", SESSION) / f"DHL_Orders{suffix}").unlink()

    details = load_details(layout, "M", SESSION, "DHL_Orders")

    assert details.source == "summary"
    assert details.summary["completed_orders"] == 1
    assert any("cannot be replayed" in note for note in details.notes)
    assert [e.mark for e in details.timelines["#48211"]] == ["order", "complete"]
