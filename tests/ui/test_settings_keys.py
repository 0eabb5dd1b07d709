"""Station settings by keyboard alone: Alt+letter reaches each field, Tab walks them in
reading order, Return saves and Escape cancels, on the real dialog; in Bulgarian too, each
dialog's Alt+letters are its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from packing_tool.storage.barcode_maps import BarcodeMapStore
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.settings import StationSettings
from packing_tool.ui import language
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.settings_dialog import SettingsDialog
from packing_tool.ui.sku_mapping_dialog import SkuMappingDialog

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def dialog(qtbot: QtBot) -> SettingsDialog:
    box = SettingsDialog(StationSettings(sound=True, theme="light"))
    qtbot.addWidget(box)
    box.show()
    box.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    return box


def test_alt_letters_reach_the_fields_and_return_saves(qtbot: QtBot,
                                                       dialog: SettingsDialog) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_N, ALT)  # Station &name
    assert QApplication.focusWidget() is dialog.station_field
    qtbot.keyClicks(dialog.station_field, "Masa-7")
    qtbot.keyClick(dialog, Qt.Key.Key_H, ALT)  # &Heartbeat every
    assert QApplication.focusWidget() is dialog.heartbeat_spin
    qtbot.keyClick(dialog, Qt.Key.Key_T, ALT)  # &Theme
    assert QApplication.focusWidget() is dialog.theme_combo
    qtbot.keyClick(dialog.theme_combo, Qt.Key.Key_Down)
    qtbot.keyClick(dialog, Qt.Key.Key_U, ALT)  # Play so&unds: toggles the box
    qtbot.waitUntil(lambda: not dialog.sound_check.isChecked())
    qtbot.keyClick(dialog, Qt.Key.Key_S, ALT)  # &Server path
    assert QApplication.focusWidget() is dialog.server_field
    qtbot.keyClick(dialog.server_field, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    chosen = dialog.result_settings()
    assert (chosen.station_name, chosen.theme, chosen.sound) == ("Masa-7", "dark", False)


def test_escape_cancels_and_return_does_not_save_a_wrong_form(qtbot: QtBot,
                                                              dialog: SettingsDialog) -> None:
    dialog.station_field.setFocus()
    qtbot.keyClicks(dialog.station_field, "x" * 80)  # longer than a station name may be
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.station_field, Qt.Key.Key_Return)
    assert dialog.isVisible()
    qtbot.keyClick(dialog.station_field, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()


def test_tab_walks_every_field_in_reading_order(qtbot: QtBot, dialog: SettingsDialog) -> None:
    dialog.server_field.setFocus()
    seen = [dialog.server_field]
    for _ in range(11):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    browse = dialog.findChild(QPushButton, "browseServerButton")
    assert seen[:10] == [dialog.server_field, browse, dialog.station_field,
                         dialog.heartbeat_spin, dialog.stale_spin, dialog.timeout_spin,
                         dialog.pause_spin, dialog.sound_check, dialog.theme_combo,
                         dialog.language_combo]
    assert dialog.ok_button in seen[10:]


def test_every_label_leads_to_a_field_and_every_button_names_its_key(
        dialog: SettingsDialog) -> None:
    labels = [label for label in dialog.findChildren(QLabel) if "&" in label.text()]
    assert len(labels) >= 8
    assert [label.text() for label in labels if label.buddy() is None] == []
    letters = [label.text().lower().split("&")[1][0] for label in labels]
    letters.append(dialog.sound_check.text().lower().split("&")[1][0])
    assert len(letters) == len(set(letters)), letters  # no Alt+letter does two things
    tips = {b.objectName() or b.text(): b.toolTip() for b in dialog.findChildren(QPushButton)}
    assert all(tip.endswith(")") for tip in tips.values()), tips
    assert "Alt+B" in tips["browseServerButton"]


def mnemonics(widget: QWidget) -> list[str]:
    """The Alt+letter of every label and button of ``widget`` that has one."""
    texts = [w.text() for kind in (QLabel, QAbstractButton) for w in widget.findChildren(kind)]
    return [QKeySequence.mnemonic(t).toString() for t in texts
            if not QKeySequence.mnemonic(t).isEmpty()]


def test_in_bulgarian_every_dialog_has_its_own_alt_letters(qtbot: QtBot, qapp: QApplication,
                                                           share_root: Path) -> None:
    assert language.install(qapp, language.BULGARIAN) == language.BULGARIAN
    runner = TaskRunner()
    try:
        settings = SettingsDialog(StationSettings())
        mapping = SkuMappingDialog(BarcodeMapStore(ShareLayout(share_root), "M"), runner)
        for dialog in (settings, mapping):
            qtbot.addWidget(dialog)
            keys = mnemonics(dialog)
            assert len(keys) >= 8, keys
            assert len(keys) == len(set(keys)), keys  # no Alt+letter does two things
        browse = settings.findChild(QPushButton, "browseServerButton")
        assert browse.toolTip() == "Избери… (Alt+Б)"  # the tooltip names the translated key
        assert mapping.add_button.toolTip() == "Добави… (Ctrl+N)"
        qtbot.waitUntil(lambda: not mapping.busy)
    finally:
        language.install(qapp, language.ENGLISH)
        assert runner.shutdown(timeout=5.0)
