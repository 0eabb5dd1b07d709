"""Packer mode with a second check: key clicks through a flagged order of client M's DPD list,
a second worker's card, the card picker (F10), a supervisor's skip (Shift+F10) and a resume."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from packing_tool.domain.events import EventKind, Outcome
from packing_tool.domain.packer_views import OrderStatus
from packing_tool.domain.second_check import SecondCheckRules, worker_code
from packing_tool.storage.barcode_maps import BarcodeMapStore
from packing_tool.storage.journal import ScanJournal
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.packing_session import PackingSession, Worker
from packing_tool.ui.details_orders import MARK_ROLE
from packing_tool.ui.packer_mode import PackerMode
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.second_check_dialog import SkipCheckDialog
from packing_tool.ui.session_details import SessionDetailsDialog
from packing_tool.ui.sounds import SoundPlayer
from shared.worker_manager import WorkerManager
from tests.ui.conftest import EAN, SESSION, open_dpd, scan

FLAGGED, SKU = "#48215", "MC-BDY-801-250"  # tag Priority, one unit
PLAIN = "#48230"  # MC-SER-101-30, one unit, no tag


def _workers(root: Path) -> tuple[Worker, Worker]:
    manager = WorkerManager(root)
    packer, checker = manager.create_worker("Ана"), manager.create_worker("Борис")
    return Worker(packer.id, packer.name), Worker(checker.id, checker.name)


def _configure(root: Path, rules: SecondCheckRules) -> None:
    BarcodeMapStore(ShareLayout(root), "M").set_second_check(rules)


def _mode(qtbot: QtBot, session: PackingSession, worker: Worker) -> PackerMode:
    mode = PackerMode(session, worker, sounds=SoundPlayer(muted=True))
    qtbot.addWidget(mode)
    mode.resize(1280, 800)
    with qtbot.waitExposed(mode):
        mode.show()
    mode.activateWindow()
    qtbot.waitUntil(mode.isActiveWindow)
    mode.refocus()
    return mode


def _events(session: PackingSession) -> list[tuple[EventKind, Outcome]]:
    return [(e.kind, e.outcome) for e in ScanJournal(session.work_dir, durable=False).load()]


def _in_dialog(qtbot: QtBot, name: str, act: Callable[[QDialog], None]) -> list[str]:
    """Run ``act`` on the modal dialog ``name`` once it is shown; returns what was seen."""
    seen: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or dialog.objectName() != name:
            QTimer.singleShot(20, look)
            return
        seen.append(dialog.windowTitle())
        QTimer.singleShot(10_000, lambda: shiboken6.isValid(dialog) and dialog.isVisible()
                          and dialog.reject())  # a test that fails must not hang
        act(dialog)

    QTimer.singleShot(0, look)
    return seen


def test_a_flagged_order_needs_a_second_workers_card_then_its_label(
        qtbot: QtBot, share_root: Path) -> None:
    packer, checker = _workers(share_root)
    _configure(share_root, SecondCheckRules(tags=("priority",)))
    session = open_dpd(share_root)
    try:
        mode = _mode(qtbot, session, packer)
        scan(qtbot, mode, FLAGGED[1:])
        strip = mode.second_check.strip
        assert strip.isVisible()
        assert "tag Priority" in strip.text()
        assert "not Ана" in strip.text()
        scan(qtbot, mode, EAN[SKU])
        assert mode.feedback.title_text() == "SECOND CHECK NEEDED"
        assert "not Ана" in mode.feedback.detail_text()
        assert "tag Priority" in mode.feedback.detail_text()
        assert not strip.isVisible()  # the banner says it: no second line repeating it
        assert session.logic.order(FLAGGED).status is OrderStatus.IN_PROGRESS
        before = len(_events(session))
        scan(qtbot, mode, worker_code(packer.id))  # the packer's own card
        assert mode.feedback.title_text() == "NOT BY THE PACKER"
        scan(qtbot, mode, FLAGGED[1:])  # the label alone completes nothing
        assert session.logic.order(FLAGGED).status is OrderStatus.IN_PROGRESS
        scan(qtbot, mode, worker_code(checker.id).lower())
        assert mode.feedback.title_text() == "CHECK BY Борис"
        scan(qtbot, mode, FLAGGED[1:])
        assert mode.feedback.title_text() == f"ORDER {FLAGGED} COMPLETE"
        assert session.logic.order(FLAGGED).status is OrderStatus.COMPLETE
        assert _events(session)[before:] == [
            (EventKind.SCAN, Outcome.REFUSED),  # the label without a checker
            (EventKind.SECOND_CHECK, Outcome.ORDER_COMPLETE)]
        last = ScanJournal(session.work_dir, durable=False).load()[-1]
        assert (last.worker_id, last.checker_id, last.checker_name) == (
            packer.id, checker.id, "Борис")
        assert not strip.isVisible()
        scan(qtbot, mode, PLAIN[1:], EAN["MC-SER-101-30"])  # not flagged: completes at once
        assert session.logic.order(PLAIN).status is OrderStatus.COMPLETE
    finally:
        session.close()


def test_after_a_resume_a_second_worker_picks_their_card_with_f10(
        qtbot: QtBot, share_root: Path) -> None:
    packer, _checker = _workers(share_root)
    _configure(share_root, SecondCheckRules(skus=(SKU,)))
    session = open_dpd(share_root)
    try:
        session.scan(FLAGGED[1:], packer)
        session.scan(EAN[SKU], packer)
    finally:
        session.close()
    session = open_dpd(share_root)  # a crash or a restart: the journal rebuilds the state
    try:
        mode = _mode(qtbot, session, packer)
        assert mode.feedback.title_text() == "SECOND CHECK NEEDED"
        seen = _in_dialog(qtbot, "checkerDialog",
                          lambda d: qtbot.keyClick(d.focusWidget() or d, Qt.Key.Key_Return))
        qtbot.keyClick(mode.scan_input, Qt.Key.Key_F10)
        assert seen == [f"Second check of order {FLAGGED}"]
        assert mode.feedback.title_text() == "CHECK BY Борис"  # Ана packed it: not offered
        scan(qtbot, mode, FLAGGED[1:])
        assert session.logic.order(FLAGGED).status is OrderStatus.COMPLETE
        record = session.logic.second_checks.record_of(FLAGGED)
        assert record is not None
        assert record.checker_name == "Борис"
    finally:
        session.close()


def test_a_supervisor_skips_the_check_with_a_reason(qtbot: QtBot, share_root: Path) -> None:
    packer, _checker = _workers(share_root)
    _configure(share_root, SecondCheckRules(min_order_value=300, sample_percent=100))
    session = open_dpd(share_root)
    try:
        mode = _mode(qtbot, session, packer)
        # the value rule is inactive: said once in the recent scans, never on the strip
        assert sum("no prices" in line for line in mode.recent.texts()) == 1
        assert "no prices" not in mode.second_check.strip.text()
        scan(qtbot, mode, FLAGGED[1:], EAN[SKU])
        assert mode.feedback.title_text() == "SECOND CHECK NEEDED"
        assert sum("no prices" in line for line in mode.recent.texts()) == 1

        def give_reason(dialog: QDialog) -> None:
            assert isinstance(dialog, SkipCheckDialog)
            field = dialog.focusWidget()
            assert field is not None
            qtbot.keyClick(field, Qt.Key.Key_Return)  # no reason yet: nothing happens
            assert dialog.isVisible()
            qtbot.keyClicks(field, FLAGGED[1:])  # a scan meanwhile: kept for later, no answer
            qtbot.keyClick(field, Qt.Key.Key_Return)
            assert dialog.isVisible()
            assert dialog.reason() == ""
            for char in "Only one packer tonight":  # a person types slower than a scanner
                qtbot.keyClick(field, char)
                qtbot.wait(90)
            qtbot.wait(150)
            qtbot.keyClick(field, Qt.Key.Key_Return)

        seen = _in_dialog(qtbot, "skipCheckDialog", give_reason)
        qtbot.keyClick(mode.scan_input, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
        assert seen == ["Skip the second check"]
        assert session.logic.order(FLAGGED).status is OrderStatus.COMPLETE
        record = session.logic.second_checks.record_of(FLAGGED)
        assert record is not None
        assert (record.skipped, record.reason) == (True, "Only one packer tonight")
        # The scan made while the question was open comes after its answer.
        qtbot.waitUntil(lambda: mode.feedback.title_text() == f"ORDER {FLAGGED} ALREADY PACKED")
    finally:
        session.close()



def test_details_show_who_checked_and_why_a_check_was_skipped(
        qtbot: QtBot, share_root: Path) -> None:
    packer, checker = _workers(share_root)
    _configure(share_root, SecondCheckRules(sample_percent=100))
    session = open_dpd(share_root)
    try:
        for label, code in ((FLAGGED, EAN[SKU]), (PLAIN, EAN["MC-SER-101-30"])):
            session.scan(label[1:], packer)
            session.scan(code, packer)
            if label == FLAGGED:
                session.act(EventKind.SECOND_CHECK, packer, code=label,
                            checker=(checker.id, checker.name))
            else:
                session.act(EventKind.SECOND_CHECK_SKIPPED, packer, reason="Courier waiting")
    finally:
        session.close()
    runner = TaskRunner()
    try:
        dialog = SessionDetailsDialog(ShareLayout(share_root), runner, "M", SESSION,
                                      "DPD_Orders")
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.loaded, timeout=10_000):
            dialog.show()
        tree = dialog.orders_tab.tree
        rows = {tree.topLevelItem(i).text(0): tree.topLevelItem(i)
                for i in range(tree.topLevelItemCount())}
        checked, skipped = rows[FLAGGED], rows[PLAIN]
        assert "✔ checked by Борис" in checked.text(6)
        assert "second check skipped: Courier waiting" in skipped.text(6)
        last = checked.child(checked.childCount() - 1)
        assert last.data(0, MARK_ROLE) == "second_check"
        assert last.text(5) == "Борис"  # the checker, not the packer
        assert skipped.child(skipped.childCount() - 1).data(0, MARK_ROLE) == "check_skipped"
        overview = dialog.findChild(QWidget, "detailsOverview")
        assert overview is not None
        texts = [label.text() for label in overview.findChildren(QLabel)]
        assert "1 checked by a second worker, 1 skipped (Orders tab)" in texts
    finally:
        assert runner.shutdown(timeout=10.0)
