"""One order is packed once, as the packer and the supervisor see it, on a real share.

List A (client M's DPD list) is packed first through ``simulate``; list B, written here the
way the Shopify Tool writes a list, holds A's orders again plus a new one and a Not
Fulfillable one. In the window, B's labels typed into ``scanInput`` say where the order was
packed; F9 packs one again on purpose with a reason; B ends without an "orders remain"
question; Session Details shows what was packed elsewhere and again. A second station that
packed an order while its share was away is told of the conflict on its screen.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot

from packing_tool.domain.events import Outcome
from packing_tool.simulate import simulate
from packing_tool.storage.generated import write_generated_session
from packing_tool.storage.index_rows import IndexRow
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.order_ledger import FileOrderLedger
from packing_tool.storage.packing_session import Worker
from packing_tool.storage.session_manager import SessionManager, SessionSettings
from packing_tool.ui import packer_dialogs
from packing_tool.ui.browser_model import Cells
from packing_tool.ui.browser_texts import describe
from packing_tool.ui.details_orders import MARK_ROLE
from packing_tool.ui.main_window import MainWindow
from packing_tool.ui.packer_dialogs import end_question
from packing_tool.ui.packer_mode import PackerMode
from packing_tool.ui.repack_dialog import RepackAnswer, RepackDialog
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.session_details import SessionDetailsDialog
from packing_tool.ui.sounds import SOUND_FOR
from shared.worker_manager import WorkerManager
from tests.ui.conftest import scan, show_packer, shown_window

SESSION, FIRST, AGAIN = "2026-11-21_1", "DPD_Orders", "DPD_Again"
FAST = SessionSettings(debounce_seconds=0.0, share_timeout=10, claim_wait=0.2,
                       retry_seconds=0.1)
IVAN = "Иван Петров"


def _orders(root: Path, name: str) -> list[dict[str, Any]]:
    path = ShareLayout(root).packing_lists_dir("M", SESSION) / f"{name}.json"
    orders: list[dict[str, Any]] = json.loads(path.read_text("utf-8"))["orders"]
    return orders


def _write_list(root: Path, name: str, orders: list[dict[str, Any]]) -> None:
    path = ShareLayout(root).packing_lists_dir("M", SESSION) / f"{name}.json"
    path.write_text(json.dumps({"session_id": SESSION, "total_orders": len(orders),
                                "orders": orders}, ensure_ascii=False), encoding="utf-8")


def _copy(order: dict[str, Any], number: str, status: str = "Fulfillable") -> dict[str, Any]:
    new = copy.deepcopy(order)
    new.update(order_number=number, order_fulfillment_status=status, status=status)
    return new


@pytest.fixture
def packed_a(share_root: Path) -> Path:
    """List A packed and ended by Иван; list B = A's 8 orders, #59999 (new, one unit of
    MC-SER-102-30) and #59998 (Not Fulfillable)."""
    simulate(share_root, "M", SESSION, FIRST, IVAN, complete=True)
    dpd = _orders(share_root, FIRST)
    single = next(o for o in dpd if o["order_number"] == "#48212")
    _write_list(share_root, AGAIN, [*dpd, _copy(single, "#59999"),
                                    _copy(single, "#59998", "Not Fulfillable")])
    return share_root


@pytest.fixture
def window(qtbot: QtBot, packed_a: Path) -> Iterator[MainWindow]:
    WorkerManager(packed_a).get_or_create("Anna")
    with shown_window(qtbot, packed_a, settings=FAST, sound=False) as win:
        yield win


def _open_in_window(qtbot: QtBot, window: MainWindow, list_name: str) -> PackerMode:
    qtbot.waitUntil(lambda: len(window.login.cards()) == 2, timeout=10000)  # Anna and Иван
    anna = next(c for c in window.login.cards() if c.profile.name == "Anna")
    qtbot.mouseClick(anna, Qt.MouseButton.LeftButton)
    browser = window.browser
    qtbot.waitUntil(lambda: browser.clients.count() == 2, timeout=10000)
    browser.select_client("M")
    qtbot.waitUntil(lambda: browser.select_row(SESSION, list_name), timeout=10000)
    qtbot.mouseClick(browser.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.packer is not None, timeout=10000)
    assert window.packer is not None
    return window.packer


def _answer_repack(monkeypatch: pytest.MonkeyPatch, asked: list[str],
                   answer: RepackAnswer | None) -> None:
    def ask(_parent: object, label: str) -> RepackAnswer | None:
        asked.append(label)
        return answer
    monkeypatch.setattr(packer_dialogs, "ask_repack", ask)


def test_an_order_packed_in_another_list_is_refused_packed_again_on_purpose_and_the_list_ends(
        qtbot: QtBot, window: MainWindow, packed_a: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    mode = _open_in_window(qtbot, window, AGAIN)
    progress = mode.progress
    assert progress.session_label.text() == (
        "Session: 0 packed here, 8 packed elsewhere, of 9 orders · 0 / 19 units")
    assert (progress.session_bar.done, progress.session_bar.total) == (8, 9)
    assert progress.elsewhere_label.text().startswith("Packed elsewhere (8): #48212, #48215")
    assert progress.elsewhere_label.toolTip().startswith("Packed elsewhere (8): #48212 (in DPD_")

    # A label of an order packed in list A: the banner says where, nothing opens.
    scan(qtbot, mode, "48212")
    assert (mode.feedback.kind, mode.feedback.title_text()) == (
        "warn", "ORDER #48212 PACKED ELSEWHERE")
    detail = mode.feedback.detail_text()
    assert f"packed in {FIRST} of {SESSION}" in detail
    assert IVAN in detail
    assert "today" in detail
    assert "F9" in detail
    assert mode.items.rowCount() == 0
    assert mode.logic.current_order is None
    assert mode.order_panel.number.text() == "#48212: not here"
    assert "packed elsewhere: in DPD_Orders" in mode.order_panel.hint.text()

    # F9: the dialog offers that label; with a reason the order opens again.
    asked: list[str] = []
    _answer_repack(monkeypatch, asked, RepackAnswer("#48212", "parcel damaged"))
    qtbot.keyClick(mode.scan_input, Qt.Key.Key_F9)
    assert asked == ["#48212"]
    assert (mode.feedback.kind, mode.feedback.title_text()) == ("info", "ORDER #48212: PACK AGAIN")
    assert mode.items.rowCount() == 1
    assert "parcel damaged" in mode.order_panel.hint.text()
    assert not mode.repack_button.isEnabled()
    scan(qtbot, mode, "MC-SER-102-30")
    assert mode.feedback.title_text() == "ORDER #48212 COMPLETE"
    assert "1 packed here, 7 packed elsewhere, of 9 orders" in progress.session_label.text()

    # Not Fulfillable and another list's label: said so, nothing opens.
    scan(qtbot, mode, "59998")
    assert (mode.feedback.kind, mode.feedback.title_text()) == (
        "error", "DO NOT PACK: NOT FULFILLABLE")
    assert "Not Fulfillable" in mode.feedback.detail_text()
    scan(qtbot, mode, "48211")
    assert mode.feedback.title_text() == "ORDER OF ANOTHER LIST"
    assert "DHL_Orders" in mode.feedback.detail_text()
    assert mode.items.rowCount() == 0

    scan(qtbot, mode, "59999", "MC-SER-102-30")
    assert mode.feedback.kind == "complete"
    assert "Every order is packed (7 of them elsewhere)" in mode.feedback.detail_text()
    assert mode.remaining_orders() == 0

    questions: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(packer_dialogs.QMessageBox, "question", staticmethod(question))
    qtbot.mouseClick(mode.end_button, Qt.MouseButton.LeftButton)
    assert questions[0].startswith("Every order is packed (7 of them packed elsewhere).")
    assert "not packed yet" not in questions[0]
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page, timeout=15000)
    assert "2 of 9 orders (7 packed elsewhere, 1 packed again)" in window.message.text()
    browser = window.browser
    browser.refresh()
    qtbot.waitUntil(lambda: any(r.packing_list_name == AGAIN and r.status == "completed"
                                for r in browser.visible_rows()), timeout=10000)
    assert browser.select_row(SESSION, AGAIN)
    row = next(r for r in browser.visible_rows() if r.packing_list_name == AGAIN)
    assert Cells(row).text[6] == "2/9 +7 elsewhere"
    assert "Packed elsewhere: 7" in browser.preview.text()

    work = ShareLayout(packed_a).work_dir("M", SESSION, AGAIN)
    summary = json.loads((work / "session_summary.json").read_text("utf-8"))
    assert (summary["packed_elsewhere_count"], summary["counted_orders"]) == (7, 1)
    again = next(o for o in summary["orders"] if o["order_number"] == "#48212")
    assert again["repack_reason"] == "parcel damaged"
    entry = FileOrderLedger(ShareLayout(packed_a), "M").read("#48212")
    assert entry is not None
    assert entry.packed is not None
    assert entry.packed.list_name == FIRST  # the first packing keeps counting
    assert [r.reason for r in entry.repacks] == ["parcel damaged"]

    # Session Details of B: packed elsewhere (with where) and packed again (with why).
    dialog = SessionDetailsDialog(ShareLayout(packed_a), window.runner, "M", SESSION, AGAIN)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles == ["Overview", "Orders (9)", "Packed once", "Metrics", "SKUs"]
    elsewhere = dialog.findChild(QTableWidget, "packedElsewhereTable")
    assert elsewhere is not None
    assert elsewhere.rowCount() == 7
    assert f"packed in {FIRST} of {SESSION}" in elsewhere.item(0, 1).text()
    repacks = dialog.findChild(QTableWidget, "repackTable")
    assert repacks is not None
    assert (repacks.item(0, 0).text(), repacks.item(0, 1).text()) == ("#48212", "parcel damaged")
    tree = dialog.orders_tab.tree
    rows = {tree.topLevelItem(i).text(0): tree.topLevelItem(i)
            for i in range(tree.topLevelItemCount())}
    assert "packed again: parcel damaged" in rows["#48212"].text(6)
    assert rows["#48215"].text(1) == "packed elsewhere"
    timeline = rows["#48212"]
    marks = [timeline.child(i).data(0, MARK_ROLE) for i in range(timeline.childCount())]
    assert "repack" in marks
    assert marks[-1] == "complete"


def test_pack_again_refusals_and_a_cancel_show_on_the_banner(
        qtbot: QtBot, packed_a: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    manager = SessionManager(ShareLayout(packed_a), Worker("worker_009", "Ана"), FAST)
    try:
        active = manager.open("M", SESSION, AGAIN)
        mode = show_packer(qtbot, active.session)
        asked: list[str] = []
        _answer_repack(monkeypatch, asked, RepackAnswer("59999", "parcel damaged"))
        qtbot.mouseClick(mode.repack_button, Qt.MouseButton.LeftButton)
        assert asked == [""]  # nothing scanned yet: no label offered
        assert (mode.feedback.kind, mode.feedback.title_text()) == ("error", "NOT POSSIBLE NOW")
        assert "is not packed; scan its label" in mode.feedback.detail_text()

        scan(qtbot, mode, "59999")
        assert not mode.repack_button.isEnabled()
        qtbot.keyClick(mode.scan_input, Qt.Key.Key_F9)  # mid-order: refused without asking
        assert asked == [""]
        assert "finish or skip order #59999" in mode.feedback.detail_text()
        qtbot.keyClick(mode.scan_input, Qt.Key.Key_F5)
        assert mode.progress.skipped_label.text() == "Set aside (1): #59999"
        assert mode.repack_button.isEnabled()

        scan(qtbot, mode, "48215")
        assert mode.feedback.title_text() == "ORDER #48215 PACKED ELSEWHERE"
        _answer_repack(monkeypatch, asked, None)  # the packer cancels
        qtbot.keyClick(mode.scan_input, Qt.Key.Key_F9)
        assert asked == ["", "#48215"]
        assert mode.feedback.title_text() == "ORDER #48215 PACKED ELSEWHERE"
        assert mode.logic.current_order is None

        questions: list[str] = []
        monkeypatch.setattr(packer_dialogs, "ask_end",
                            lambda *args: questions.append(end_question(*args[1:])) or False)
        assert mode.request_end() is False
        assert questions == ["1 order(s) are not packed yet; 1 of them set aside; 8 other(s) "
                             "are packed elsewhere.\n\nEnd the session anyway? They stay "
                             "unpacked."]

        # The order set aside here is then packed in another list: the screen learns it
        # from the ledger's refresh (off the UI thread) and the set-aside list says where.
        assert active.ledger.flush(5.0)  # the skip released #59999
        _write_list(packed_a, "Extra", [o for o in _orders(packed_a, AGAIN)
                                        if o["order_number"] == "#59999"])
        assert simulate(packed_a, "M", SESSION, "Extra", "Мария Иванова")["orders_packed"] == 1
        active.ledger._refresh()  # what the order-ledger thread does every 30 s
        assert mode.ledger.poll() is True
        assert not mode.ledger.poll()  # nothing new: nothing redrawn
        assert "0 packed here, 9 packed elsewhere, of 9 orders" in (
            mode.progress.session_label.text())
        assert mode.progress.skipped_label.text().startswith(
            f"Set aside (1): #59999 (packed elsewhere: in Extra of {SESSION}")
        assert "Мария Иванова" in mode.progress.skipped_label.text()
        assert mode.remaining_orders() == 0
        manager.pause(active)
    finally:
        manager.close()


def test_the_repack_dialog_needs_a_label_and_a_reason(qtbot: QtBot) -> None:
    dialog = RepackDialog(None, "#48212")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.label_field.text() == "#48212"
    assert dialog.reason_field.currentText() == ""
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason_field.lineEdit(), "parcel damaged")
    assert dialog.ok_button.isEnabled()
    assert dialog.answer() == RepackAnswer("#48212", "parcel damaged")
    dialog.label_field.clear()
    assert not dialog.ok_button.isEnabled()
    assert dialog.answer() is None
    qtbot.keyClicks(dialog.label_field, " 48212 ")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.answer() == RepackAnswer("48212", "parcel damaged")


def test_the_end_question_counts_orders_packed_elsewhere_as_done() -> None:
    assert end_question(0, 0, None, 74) == (
        "Every order is packed (74 of them packed elsewhere).\n\n"
        "End the session and record the statistics?")
    assert end_question(0, 0, None) == ("Every order is packed.\n\n"
                                        "End the session and record the statistics?")


def test_the_ledger_outcomes_sound_their_own_and_the_banner_has_a_colour() -> None:
    from packing_tool.ui.feedback import FEEDBACK_KIND

    mine = {SOUND_FOR[Outcome.ORDER_PACKED_ELSEWHERE], SOUND_FOR[Outcome.ORDER_PACKING_ELSEWHERE]}
    others = {s for o, s in SOUND_FOR.items()
              if o not in (Outcome.ORDER_PACKED_ELSEWHERE, Outcome.ORDER_PACKING_ELSEWHERE)}
    assert len(mine) == 2
    assert not mine & others
    assert FEEDBACK_KIND[Outcome.ORDER_NOT_TO_PACK] == "error"
    assert FEEDBACK_KIND[Outcome.REPACK_STARTED] == "info"


def test_a_conflict_found_when_the_share_returns_is_shown_to_the_packer(
        qtbot: QtBot, tmp_path: Path) -> None:
    """Station A packs an order while its share is away; station B packs it online. When A's
    share returns, the ledger's thread finds the conflict and A's screen says so."""
    real = tmp_path / "server"
    write_generated_session(real, "M", SESSION, "Courier", 5, seed=3)
    orders = _orders(real, "Courier")
    _write_list(real, "Overlap", orders)
    view = tmp_path / "a-view"  # station A reaches the share through this path
    view.symlink_to(real)
    ivan, maria = Worker("worker_001", IVAN), Worker("worker_002", "Мария Иванова")
    a = SessionManager(ShareLayout(view), ivan, FAST, local_root=tmp_path / "pc-a")
    b = SessionManager(ShareLayout(real), maria, FAST, local_root=tmp_path / "pc-b")
    order = orders[0]
    label = order["order_number"].lstrip("#")
    try:
        a_list = a.open("M", SESSION, "Courier")
        mode = show_packer(qtbot, a_list.session)
        assert mode.progress.conflicts_label.isHidden()
        view.unlink()  # the share is gone for A; the packer packs on
        scan(qtbot, mode, label)
        assert mode.feedback.title_text() == f"ORDER {order['order_number']}"
        for item in order["items"]:
            scan(qtbot, mode, *[item["sku"]] * item["quantity"])
        assert mode.feedback.kind == "complete"

        b_list = b.open("M", SESSION, "Overlap")
        b_list.session.scan(label, maria)
        for item in order["items"]:
            for _ in range(item["quantity"]):
                b_list.session.scan(item["sku"], maria)
        b.complete(b_list)

        os.symlink(real, view)  # the share is back for A
        qtbot.waitUntil(lambda: "TWICE" in mode.feedback.title_text(), timeout=15_000)
        assert mode.feedback.kind == "error"
        assert mode.feedback.title_text() == f"ORDER {order['order_number']} PACKED TWICE"
        detail = mode.feedback.detail_text()
        assert "packed here while the share was away" in detail
        assert "also packed in Overlap" in detail
        assert "Мария Иванова" in detail
        assert not mode.progress.conflicts_label.isHidden()
        assert mode.progress.conflicts_label.text().startswith(
            "Conflicts (1): packed here while the share was away")
        assert "PACKED TWICE" in mode.recent.texts()[0]
        assert a_list.ledger.flush(10.0)
        assert a_list.mirror.flush(10.0)
        a.complete(a_list)
    finally:
        a.close()
        b.close()

    runner = TaskRunner()
    try:
        dialog = SessionDetailsDialog(ShareLayout(real), runner, "M", SESSION, "Courier")
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.loaded, timeout=10_000):
            dialog.show()
        clashes = dialog.findChild(QTableWidget, "conflictTable")
        assert clashes is not None
        assert clashes.rowCount() == 1
        assert clashes.item(0, 0).text() == order["order_number"]
        assert "Overlap" in clashes.item(0, 1).text()
        tree = dialog.orders_tab.tree
        row = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                   if tree.topLevelItem(i).text(0) == order["order_number"])
        assert "conflict: also packed in Overlap" in row.text(6)
    finally:
        runner.shutdown(5.0)


@dataclass(frozen=True)
class _RepackRow(IndexRow):
    """A row once the index also carries the re-pack count (written to the entry already)."""

    repacked_orders: int | None = None


def test_the_browser_shows_packed_elsewhere_and_conflicts_when_the_index_has_them(
        tmp_path: Path) -> None:
    plain = IndexRow(key=f"{SESSION}::{AGAIN}", session_id=SESSION, packing_list_name=AGAIN,
                     status="completed", stored_status="completed", work_dir=tmp_path,
                     lock=None, total_orders=194, completed_orders=120)
    assert Cells(plain).text[6] == "120/194"
    assert "elsewhere" not in describe(plain)
    row = replace(plain, packed_elsewhere_orders=74, conflict_orders=1)
    assert Cells(row).text[6] == "120/194 +74 elsewhere · 1 conflict"
    assert "Packed elsewhere: 74   Conflicts (also packed elsewhere): 1" in describe(row)
    assert Cells(row).key(6) > Cells(plain).key(6)  # 194 of 194 done sorts above 120 of 194
    again = _RepackRow(**{**row.__dict__, "repacked_orders": 2})
    assert "Packed elsewhere: 74   Packed again: 2   Conflicts" in describe(again)
