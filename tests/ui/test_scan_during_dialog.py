"""A scan that arrives while packer mode's question is open is never lost and never answers
the question: it is queued, processed when the question closes, and the packer is told.

The questions are the real modal dialogs; keys reach them as a wedge scanner types (a burst,
then Enter) or as a person types (a key at a time, with pauses).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from packing_tool.domain.events import EventKind
from packing_tool.simulate import label_text
from packing_tool.ui.dialog_queue import SCAN_GAP_MS
from packing_tool.ui.packer_mode import PackerMode
from tests.ui.conftest import scan


def when_question_opens(action: Callable[[QWidget], None]) -> list[str]:
    """Run ``action`` on the modal question once it is shown; returns a list it notes into."""
    seen: list[str] = []

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or not modal.isVisible():
            QTimer.singleShot(20, poll)
            return
        seen.append(type(modal).__name__)
        action(modal)

    QTimer.singleShot(0, poll)
    return seen


def scanner_types(widget: QWidget, code: str) -> None:
    """A burst of keys and Enter, as fast as the events go (a wedge scanner)."""
    QTest.keyClicks(widget, code)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def journal(packer: PackerMode) -> list[dict[str, Any]]:
    path = packer.session.work_dir / "scan_journal.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def two_orders(packer: PackerMode) -> tuple[str, str]:
    orders = packer.logic.packing_list.orders
    return label_text(orders[0].order_number), label_text(orders[1].order_number)


def test_a_scan_during_the_end_question_is_queued_then_processed(
        qtbot: QtBot, packer: PackerMode) -> None:
    first, _ = two_orders(packer)
    ended: list[int] = []
    packer.endRequested.connect(ended.append)
    still_open: list[bool] = []

    def during(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        scanner_types(box.focusWidget() or box, first)
        still_open.append(box.isVisible())  # its Enter did not answer the question
        button = box.button(QMessageBox.StandardButton.No)
        assert button is not None
        button.click()

    seen = when_question_opens(during)
    assert packer.request_end() is False
    assert seen == ["QMessageBox"]
    assert still_open == [True]
    assert packer.logic.current_order is None  # not yet: the answer comes first
    qtbot.waitUntil(lambda: packer.logic.current_order is not None, timeout=5000)
    opened = packer.logic.current_order
    assert opened is not None
    assert opened.order_number == packer.logic.packing_list.orders[0].order_number
    assert packer.scan_notice.isVisible()
    assert first in packer.scan_notice.text()
    assert "processed after it closed" in packer.scan_notice.text()
    assert ended == []
    assert [e["code"] for e in journal(packer) if e["kind"] == EventKind.SCAN] == [first]


def test_yes_with_a_scan_meanwhile_does_not_end_the_list(
        qtbot: QtBot, packer: PackerMode) -> None:
    first, _ = two_orders(packer)
    ended: list[int] = []
    packer.endRequested.connect(ended.append)

    def during(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        scanner_types(box.focusWidget() or box, first)
        button = box.button(QMessageBox.StandardButton.Yes)
        assert button is not None
        button.click()

    when_question_opens(during)
    assert packer.request_end() is False
    assert ended == []  # dismissed safely: the scan goes first, the list is not ended
    qtbot.waitUntil(lambda: packer.logic.current_order is not None, timeout=5000)
    assert "Not ended" in packer.scan_notice.text()
    assert first in packer.scan_notice.text()


def test_a_person_types_a_reason_and_a_scan_waits_for_the_confirmation(
        qtbot: QtBot, packer: PackerMode) -> None:
    first, second = two_orders(packer)
    scan(qtbot, packer, first)
    assert packer.logic.current_order is not None
    typed: list[str] = []

    def during(dialog: QWidget) -> None:
        combo = dialog.findChild(QComboBox)
        assert combo is not None
        field = combo.lineEdit()
        assert field is not None
        field.clear()
        for char in "Torn":  # a person: a key at a time
            QTest.keyClick(field, char)
            qtbot.wait(SCAN_GAP_MS * 4)
        scanner_types(field, second)  # a colleague's scan lands in the question
        typed.append(field.text())
        QTest.keyClick(field, Qt.Key.Key_Return)  # the person's Enter answers

    when_question_opens(during)
    result = packer.confirm_manually()
    assert typed == ["Torn"]  # the person's keys reached the field, the scan's did not
    assert result is not None
    manual = [e for e in journal(packer) if e["kind"] == EventKind.MANUAL]
    assert [e.get("reason") for e in manual] == ["Torn"]
    # The scan is processed after the confirmation: the other order's label.
    qtbot.waitUntil(lambda: any(e.get("code") == second for e in journal(packer)),
                    timeout=5000)
    assert second in packer.scan_notice.text()
