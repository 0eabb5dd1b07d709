"""The settings dialog: shows the settings, explains what is wrong, returns a new copy."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from packing_tool.storage.lock_info import host_name
from packing_tool.storage.settings import StationSettings, default_settings_path
from packing_tool.ui.settings_dialog import SettingsDialog
from packing_tool.ui.themes import THEMES

CUSTOM = StationSettings(server_path=r"\\nas\packing", station_name="PACK-03",
                         heartbeat_seconds=30, stale_after_seconds=90, share_timeout_seconds=20,
                         sound=False, theme="dark", last_client="M", last_worker_id="worker_007",
                         extra={"printer": "Citizen"})


def make(qtbot: QtBot, settings: StationSettings) -> SettingsDialog:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_it_shows_the_settings_and_returns_them_unchanged(qtbot: QtBot) -> None:
    dialog = make(qtbot, CUSTOM)
    assert dialog.objectName() == "settingsDialog"
    assert dialog.server_field.text() == r"\\nas\packing"
    assert dialog.station_field.text() == "PACK-03"
    assert (dialog.heartbeat_spin.value(), dialog.stale_spin.value(),
            dialog.timeout_spin.value()) == (30, 90, 20)
    assert not dialog.sound_check.isChecked()
    assert dialog.theme_combo.currentData() == "dark"
    assert [dialog.theme_combo.itemData(i) for i in range(dialog.theme_combo.count())] == list(
        THEMES)
    result = dialog.result_settings()
    assert result == CUSTOM
    assert result.extra == {"printer": "Citizen"}
    assert dialog.ok_button.isEnabled()
    assert dialog.message.text() == ""


def test_edits_come_back_and_hidden_fields_are_kept(qtbot: QtBot) -> None:
    dialog = make(qtbot, CUSTOM)
    dialog.server_field.clear()
    qtbot.keyClicks(dialog.server_field, "  /mnt/share  ")
    dialog.station_field.clear()
    dialog.heartbeat_spin.setValue(45)
    dialog.stale_spin.setValue(300)
    dialog.timeout_spin.setValue(5)
    box = dialog.sound_check  # a click on its box (the row is wider than box and words)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("light"))
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    result = dialog.result_settings()
    assert result == replace(CUSTOM, server_path="/mnt/share", station_name=None,
                             heartbeat_seconds=45, stale_after_seconds=300,
                             share_timeout_seconds=5, sound=True, theme="light")
    assert result.station == host_name()
    assert (result.last_client, result.last_worker_id) == ("M", "worker_007")
    assert result.extra == {"printer": "Citizen"}
    assert not default_settings_path().exists()  # the dialog applies and saves nothing


def test_invalid_values_are_explained_and_block_ok(qtbot: QtBot) -> None:
    dialog = make(qtbot, StationSettings())
    accepted: list[bool] = []
    dialog.accepted.connect(lambda: accepted.append(True))
    dialog.heartbeat_spin.setValue(100)  # the stale time (180) is now too short
    assert "more than 200 s" in dialog.message.text()
    assert dialog.message.property("kind") == "error"
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.station_field, "PACK/1")
    assert "may not contain" in dialog.message.text()
    dialog.accept()
    qtbot.keyClick(dialog.station_field, Qt.Key.Key_Return)
    assert accepted == []
    assert dialog.isVisible()
    dialog.stale_spin.setValue(201)
    dialog.station_field.setText("PACK-1")
    assert dialog.message.text() == ""
    assert dialog.ok_button.isEnabled()
    dialog.station_field.setText("x" * 61)
    assert "longer than 60" in dialog.message.text()
    dialog.station_field.setText("PACK-1")
    qtbot.keyClick(dialog.station_field, Qt.Key.Key_Return)
    assert accepted == [True]


def test_spin_boxes_keep_to_the_allowed_ranges(qtbot: QtBot) -> None:
    dialog = make(qtbot, StationSettings())
    dialog.heartbeat_spin.setValue(1)
    dialog.timeout_spin.setValue(500)
    assert dialog.heartbeat_spin.value() == 5
    assert dialog.timeout_spin.value() == 120


def test_browse_fills_in_the_chosen_folder(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make(qtbot, StationSettings())
    asked: list[str] = []

    def choose(_parent: object, start: str) -> Path | None:
        asked.append(start)
        return tmp_path

    dialog.choose_folder = choose
    qtbot.mouseClick(dialog.findChild(type(dialog.ok_button), "browseServerButton"),
                     Qt.MouseButton.LeftButton)
    assert asked == [""]
    assert dialog.server_field.text() == str(tmp_path)
    dialog.choose_folder = lambda _parent, _start: None  # cancelled: the field is kept
    dialog.browse()
    assert dialog.result_settings().server_path == str(tmp_path)
