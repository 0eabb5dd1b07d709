"""The scan field keeps the keyboard focus, whatever the packer clicks while packing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from packing_tool.ui import packer_dialogs
from packing_tool.ui.items_table import PRODUCT
from packing_tool.ui.packer_mode import PackerMode
from tests.ui.conftest import EAN, cells, scan


def _has_focus(mode: PackerMode) -> bool:
    return QApplication.focusWidget() is mode.scan_input


@pytest.fixture
def busy_packer(qtbot: QtBot, packer: PackerMode, monkeypatch: pytest.MonkeyPatch) -> PackerMode:
    """Mid-order with an extra pending, so every button is enabled; dialogs answer "no"."""
    monkeypatch.setattr(packer_dialogs, "ask_manual", lambda *_args: None)
    monkeypatch.setattr(packer_dialogs, "ask_end", lambda *_args: False)
    scan(qtbot, packer, "48218", EAN["MC-ACC-014-RL"], EAN["MC-ACC-014-RL"])
    assert packer.keep_button.isEnabled()
    assert _has_focus(packer)
    return packer


def test_clicking_any_button_or_the_table_leaves_the_focus_in_the_scan_field(
        qtbot: QtBot, busy_packer: PackerMode) -> None:
    mode = busy_packer
    buttons = mode.findChildren(QAbstractButton)
    names = {b.objectName() for b in buttons}
    assert {"skipOrderButton", "endSessionButton", "undoButton", "manualButton",
            "keepExtraButton", "removeExtraButton"} <= names
    for button in sorted(buttons, key=lambda b: b.objectName() == "skipOrderButton"):
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
        qtbot.mouseMove(button)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert _has_focus(mode), f"{button.objectName()} took the focus"
    scan(qtbot, mode, "48218")  # skipped last: the order is open again
    table = mode.items
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualItemRect(table.item(1, PRODUCT)).center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton,
                      pos=table.visualItemRect(table.item(2, PRODUCT)).center())
    assert _has_focus(mode)
    for widget in (mode.feedback, mode.recent.viewport(), mode.order_panel, mode.progress):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        assert _has_focus(mode), f"{widget.objectName()} took the focus"
    scan(qtbot, mode, EAN["MC-ACC-012-PD"])  # the scanner still lands in the right place
    assert cells(mode, 3)[1] == "✓ 1 / 1"


def test_a_child_that_gets_the_focus_hands_it_back(qtbot: QtBot, busy_packer: PackerMode) -> None:
    for child in (busy_packer.items, busy_packer.recent, busy_packer.end_button):
        child.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # as if a style or a bug allowed it
        child.setFocus(Qt.FocusReason.MouseFocusReason)
        assert _has_focus(busy_packer), f"{child.objectName()} kept the focus"


def test_tab_from_a_scanner_submits_instead_of_moving_the_focus(
        qtbot: QtBot, busy_packer: PackerMode) -> None:
    qtbot.keyClicks(busy_packer.scan_input, EAN["MC-ACC-012-PD"])
    qtbot.keyClick(busy_packer.scan_input, Qt.Key.Key_Tab)
    assert _has_focus(busy_packer)
    assert cells(busy_packer, 3)[1] == "✓ 1 / 1"


def test_a_widget_outside_the_packer_screen_keeps_its_focus(qtbot: QtBot,
                                                            packer: PackerMode) -> None:
    other = QWidget()
    qtbot.addWidget(other)
    other.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    other.show()
    other.activateWindow()
    other.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is other)
