"""Packer mode on a real PackingSession: scans typed into the scan field, screen checked.

Client M's DPD list (8 orders, 18 units): #48218 has five lines, one of them two units;
#48221 has the same SKU on two lines (3 + 1); #48212 has one unit.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from packing_tool.domain.events import Outcome
from packing_tool.domain.orders import Order, OrderLine
from packing_tool.domain.packer_views import MANUAL
from packing_tool.simulate import label_text
from packing_tool.storage.packing_session import PackingSession, Worker
from packing_tool.ui import packer_dialogs
from packing_tool.ui.items_table import PACKED, QTY, SKU
from packing_tool.ui.order_panel import chip_texts
from packing_tool.ui.packer_mode import PackerMode
from tests.ui.conftest import EAN, cells, open_dpd, scan, show_packer

ORDER_48218 = ["MC-ACC-014-RL", "MC-ACC-012-PD", "MC-SER-103-15", "MC-MSK-503-01",
               "MC-CRM-201-50"]


def test_an_order_is_packed_scan_by_scan_one_row_at_a_time(qtbot: QtBot,
                                                           packer: PackerMode) -> None:
    assert packer.feedback.kind == "idle"
    assert packer.progress.session_label.text() == "Session: 0 / 8 orders · 0 / 18 units"
    scan(qtbot, packer, "48218")
    assert (packer.feedback.kind, packer.feedback.title_text()) == ("info", "ORDER #48218")
    assert cells(packer, SKU) == ORDER_48218
    assert cells(packer, QTY) == ["1", "1", "1", "× 2", "1"]
    assert cells(packer, PACKED) == ["0 / 1"] * 3 + ["0 / 2", "0 / 1"]
    assert packer.order_panel.visible_chips() == {
        "courier": "DPD", "country": "BG", "type": "Multi", "tags": "BOX"}
    assert packer.progress.order_label.text() == "Order #48218: 0 / 6 units"
    marker = packer.items.item(4, SKU)
    marker.setData(Qt.ItemDataRole.UserRole + 7, "built once")  # lost if the table is rebuilt

    scan(qtbot, packer, EAN["MC-MSK-503-01"])
    assert packer.feedback.kind == "ok"
    assert packer.items.state_of(3) == "partial"
    assert cells(packer, PACKED)[3] == "1 / 2"
    scan(qtbot, packer, EAN["MC-MSK-503-01"], EAN["MC-ACC-014-RL"])
    assert cells(packer, PACKED) == ["✓ 1 / 1", "0 / 1", "0 / 1", "✓ 2 / 2", "0 / 1"]
    assert packer.items.state_of(3) == "done"
    assert packer.progress.order_label.text() == "Order #48218: 3 / 6 units"
    assert (packer.progress.order_bar.done, packer.progress.order_bar.total) == (3, 6)
    assert packer.progress.session_label.text() == "Session: 0 / 8 orders · 3 / 18 units"

    scan(qtbot, packer, EAN["MC-ACC-012-PD"], EAN["MC-SER-103-15"], EAN["MC-CRM-201-50"])
    assert (packer.feedback.kind, packer.feedback.title_text()) == (
        "complete", "ORDER #48218 COMPLETE")
    assert all(text.startswith("✓") for text in cells(packer, PACKED))
    assert packer.items.item(4, SKU).data(Qt.ItemDataRole.UserRole + 7) == "built once"
    assert packer.progress.session_label.text() == "Session: 1 / 8 orders · 6 / 18 units"
    assert not packer.skip_button.isEnabled()
    assert packer.recent.texts()[0].endswith("ORDER #48218 COMPLETE")


def test_wrong_unknown_and_other_order_labels_change_nothing(qtbot: QtBot,
                                                             packer: PackerMode) -> None:
    scan(qtbot, packer, "48212")
    for code, outcome in ((EAN["MC-BDY-801-250"], Outcome.WRONG_ITEM),
                          ("NOPE-123", Outcome.UNKNOWN_BARCODE),
                          ("48215", Outcome.WRONG_ITEM)):
        with qtbot.waitSignal(packer.scanProcessed) as blocker:
            scan(qtbot, packer, code)
        assert blocker.args[0].outcome is outcome
        assert packer.feedback.kind == "error"
        assert cells(packer, PACKED) == ["0 / 1"]
    assert "#48215" in packer.feedback.detail_text()
    assert "skip" in packer.feedback.detail_text()
    assert packer.feedback.title_text() == "WRONG ITEM"


def test_an_extra_unit_waits_for_keep_or_remove(qtbot: QtBot, packer: PackerMode) -> None:
    scan(qtbot, packer, "48218", EAN["MC-ACC-014-RL"])
    assert packer.extras_box.isHidden()
    assert not packer.keep_button.isEnabled()
    scan(qtbot, packer, EAN["MC-ACC-014-RL"])
    assert (packer.feedback.kind, packer.feedback.title_text()) == ("warn", "EXTRA ITEM")
    assert not packer.extras_box.isHidden()
    assert "MC-ACC-014-RL × 1" in packer.extras_label.text()
    assert packer.keep_button.isEnabled()
    assert packer.remove_button.isEnabled()
    assert cells(packer, PACKED)[0] == "✓ 1 / 1"
    qtbot.mouseClick(packer.remove_button, Qt.MouseButton.LeftButton)
    assert (packer.feedback.kind, packer.feedback.title_text()) == ("ok", "EXTRA REMOVED")
    assert packer.extras_box.isHidden()
    assert not packer.keep_button.isEnabled()


def test_undo_skip_and_resume_keep_the_counts(qtbot: QtBot, packer: PackerMode) -> None:
    scan(qtbot, packer, "48221", EAN["MC-MSK-502-01"], EAN["MC-MSK-502-01"])
    assert cells(packer, PACKED) == ["2 / 3", "0 / 1"]
    qtbot.keyClick(packer.scan_input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (packer.feedback.kind, packer.feedback.title_text()) == ("info", "UNDONE")
    assert cells(packer, PACKED) == ["1 / 3", "0 / 1"]
    assert packer.progress.session_label.text().endswith("1 / 18 units")

    qtbot.keyClick(packer.scan_input, Qt.Key.Key_F5)
    assert packer.feedback.title_text() == "ORDER #48221 SKIPPED"
    assert packer.items.rowCount() == 0
    assert packer.order_panel.number.text() == "Skipped #48221"
    assert packer.progress.skipped_label.text() == "Set aside (1): #48221"
    assert not packer.skip_button.isEnabled()

    scan(qtbot, packer, "48212", EAN["MC-SER-102-30"])
    assert packer.feedback.title_text() == "ORDER #48212 COMPLETE"
    scan(qtbot, packer, "48221")
    assert (packer.feedback.kind, packer.feedback.title_text()) == ("info", "ORDER #48221 RESUMED")
    assert cells(packer, PACKED) == ["1 / 3", "0 / 1"]
    assert packer.progress.skipped_label.isHidden()
    scan(qtbot, packer, *[EAN["MC-MSK-502-01"]] * 3)
    assert cells(packer, PACKED) == ["✓ 3 / 3", "✓ 1 / 1"]
    assert packer.feedback.title_text() == "ORDER #48221 COMPLETE"
    assert packer.progress.session_label.text() == "Session: 2 / 8 orders · 5 / 18 units"


def test_scans_typed_straight_after_a_completion_are_all_processed(
        qtbot: QtBot, packer: PackerMode) -> None:
    qtbot.keyClicks(packer.scan_input, f"48212\r{EAN['MC-SER-102-30']}\r48215\r")
    assert packer.feedback.title_text() == "ORDER #48215"
    assert packer.order_panel.visible_chips()["tags"] == "Priority, URGENT"
    assert packer.scan_input.text() == ""


def test_manual_confirmation_asks_a_reason_and_uses_the_selected_line(
        qtbot: QtBot, packer: PackerMode, dpd_session: PackingSession,
        monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def get_item(_parent: object, _title: str, label: str, *_args: object) -> tuple[str, bool]:
        asked.append(label)
        return "Barcode will not scan", True

    monkeypatch.setattr(packer_dialogs.QInputDialog, "getItem", staticmethod(get_item))
    monkeypatch.setattr(packer_dialogs.QInputDialog, "getInt",
                        staticmethod(lambda *_args: (1, True)))
    scan(qtbot, packer, "48218")
    table = packer.items
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualItemRect(table.item(3, SKU)).center())
    assert table.selected_line() == 3
    qtbot.keyClick(packer.scan_input, Qt.Key.Key_F8)
    assert "MC-MSK-503-01" in asked[0]
    assert packer.feedback.title_text() == "CONFIRMED BY HAND"
    assert cells(packer, PACKED)[3] == "1 / 2"
    qtbot.mouseClick(packer.manual_button, Qt.MouseButton.LeftButton)  # no selection: next line
    assert "MC-ACC-014-RL" in asked[1]
    assert cells(packer, PACKED)[0] == "✓ 1 / 1"
    items = dpd_session.logic.order("#48218").items
    assert [(i.sku, i.confirmation_method, i.reason) for i in items] == [
        ("MC-MSK-503-01", MANUAL, "Barcode will not scan"),
        ("MC-ACC-014-RL", MANUAL, "Barcode will not scan")]

    monkeypatch.setattr(packer_dialogs.QInputDialog, "getItem",
                        staticmethod(lambda *_args: ("", False)))
    assert packer.confirm_manually() is None
    assert len(dpd_session.logic.order("#48218").items) == 2


def test_end_session_is_confirmed_with_the_count_left(
        qtbot: QtBot, packer: PackerMode, monkeypatch: pytest.MonkeyPatch) -> None:
    questions: list[str] = []

    def answer(reply: QMessageBox.StandardButton) -> object:
        def question(_parent: object, _title: str, text: str, *_args: object) -> object:
            questions.append(text)
            return reply
        return staticmethod(question)

    scan(qtbot, packer, "48212", EAN["MC-SER-102-30"], "48221")
    monkeypatch.setattr(packer_dialogs.QMessageBox, "question",
                        answer(QMessageBox.StandardButton.No))
    with qtbot.assertNotEmitted(packer.endRequested):
        qtbot.mouseClick(packer.end_button, Qt.MouseButton.LeftButton)
    assert "7 order(s) are not packed yet" in questions[0]
    assert "order #48221 is open" in questions[0]
    monkeypatch.setattr(packer_dialogs.QMessageBox, "question",
                        answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(packer.endRequested) as blocker:
        qtbot.keyClick(packer.scan_input, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [7]
    monkeypatch.setattr(packer, "confirm_end", lambda: False)
    assert packer.request_end() is False


def test_handover_is_refused_mid_order_and_recorded_between_orders(
        qtbot: QtBot, packer: PackerMode, dpd_session: PackingSession) -> None:
    boris = Worker("worker_002", "Борис")
    scan(qtbot, packer, "48212")
    assert packer.handover(boris) is False
    assert packer.feedback.kind == "error"
    assert "finish or skip order #48212" in packer.feedback.detail_text()
    assert packer.worker.name == "Ана"
    scan(qtbot, packer, EAN["MC-SER-102-30"])
    with qtbot.waitSignal(packer.workerChanged):
        assert packer.handover(boris) is True
    assert packer.feedback.title_text() == "WORKER: Борис"
    assert packer.progress.worker_label.text() == "Packer: Борис"
    scan(qtbot, packer, "48215", EAN["MC-BDY-801-250"])
    assert dpd_session.logic.order("#48215").completed_by == ("worker_002", "Борис")


def test_the_last_scan_of_the_list_announces_the_end(qtbot: QtBot, packer: PackerMode,
                                                       dpd_session: PackingSession) -> None:
    orders = dpd_session.logic.packing_list.orders
    for order in orders[:-1]:
        scan(qtbot, packer, label_text(order.order_number))
        for line in order.lines:
            scan(qtbot, packer, *[EAN[line.sku]] * line.quantity)
    last = orders[-1]
    scan(qtbot, packer, label_text(last.order_number))
    with qtbot.waitSignal(packer.allOrdersPacked):
        scan(qtbot, packer, EAN[last.lines[0].sku])
    assert packer.progress.session_label.text() == "Session: 8 / 8 orders · 18 / 18 units"
    assert packer.feedback.kind == "complete"
    assert "Every order is packed" in packer.feedback.detail_text()


def test_a_double_read_inside_the_debounce_window_is_ignored(qtbot: QtBot,
                                                             share_root: Path) -> None:
    session = open_dpd(share_root, debounce_seconds=60.0)
    try:
        mode = show_packer(qtbot, session)
        scan(qtbot, mode, "48227", EAN["MC-MSK-503-01"], EAN["MC-MSK-503-01"])
        assert (mode.feedback.kind, mode.feedback.title_text()) == ("warn", "DOUBLE READ IGNORED")
        assert cells(mode, PACKED) == ["1 / 3"]
    finally:
        session.close()


class _BrokenDisk:
    """A session whose journal cannot be written: every scan raises."""

    def __init__(self, real: PackingSession) -> None:
        self.logic = real.logic

    def scan(self, text: str, worker: Worker) -> object:
        raise OSError(28, "No space left on device")

    def act(self, kind: object, worker: Worker, **details: object) -> object:
        raise OSError(28, "No space left on device")


def test_a_scan_that_cannot_be_saved_is_shown_as_not_recorded(
        qtbot: QtBot, dpd_session: PackingSession) -> None:
    mode = show_packer(qtbot, _BrokenDisk(dpd_session))  # type: ignore[arg-type]
    scan(qtbot, mode, "48212")
    assert mode.feedback.kind == "error"
    assert mode.feedback.title_text() == "NOT RECORDED — TRY AGAIN"
    assert "No space left" in mode.feedback.detail_text()
    assert mode.skip_order() is None


def test_chips_hide_empty_and_nan_values() -> None:
    order = Order("#1", (OrderLine(0, "A", "a", 1),), courier="nan", country=" ",
                  order_type="Single", tags=("nan", "VIP"), internal_tags=("None",),
                  notes="NaN", system_note="Fragile", min_box="M")
    assert {k: v for k, v in chip_texts(order).items() if v} == {
        "type": "Single", "box": "Box M", "tags": "VIP", "notes": "Fragile"}


def test_the_order_open_when_the_session_was_left_is_shown_again(
        qtbot: QtBot, share_root: Path) -> None:
    first = open_dpd(share_root)
    try:
        first.scan("48221", Worker("worker_001", "Ана"))
        first.scan(EAN["MC-MSK-502-01"], Worker("worker_001", "Ана"))
    finally:
        first.close()
    again = open_dpd(share_root)
    try:
        mode = show_packer(qtbot, again)
        assert mode.order_panel.number.text() == "Order #48221"
        assert cells(mode, PACKED) == ["1 / 3", "0 / 1"]
        assert mode.skip_button.isEnabled()
        scan(qtbot, mode, EAN["MC-MSK-502-01"])
        assert cells(mode, PACKED) == ["2 / 3", "0 / 1"]
    finally:
        again.close()


def test_garbage_from_the_scanner_is_answered_not_crashed_on(qtbot: QtBot,
                                                            packer: PackerMode) -> None:
    field = packer.scan_input
    field.setText("x" * 4000)  # a scanner stuck on repeat
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert packer.feedback.kind == "error"
    assert len(packer.recent.texts()[0]) < 120
    field.setText("\x0248212\x03\x07")  # STX/ETX framing and a bell around the label
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert packer.feedback.title_text() == "ORDER #48212"
    field.setText("   ")
    with qtbot.assertNotEmitted(packer.scanProcessed):
        qtbot.keyClick(field, Qt.Key.Key_Return)  # a bare Enter is not a scan
