"""Station settings: server path, station name, lock timings, share timeout, sound, theme.

The dialog only edits a copy: ``result_settings()`` is what the user chose, and the caller
saves and applies it (nothing here touches the disk or the share). The rules and their
messages are those of ``storage.settings``, shown while the user types.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from packing_tool.storage.lock_info import STATION_ENV, host_name, station_override
from packing_tool.storage.settings import (
    HEARTBEAT_RANGE,
    MAX_STALE_SECONDS,
    MAX_STATION_NAME,
    SCORE_PAUSE_RANGE,
    THEMES,
    TIMEOUT_RANGE,
    StationSettings,
    validate,
)
from packing_tool.ui import language
from packing_tool.ui.key_hints import hint, mnemonic_hint
from packing_tool.ui.themes import set_style_property
from packing_tool.ui.widgets import named
from packing_tool.ui.wording_details import settings_problem


def ask_folder(parent: QWidget, start: str) -> Path | None:
    title = QCoreApplication.translate("SettingsDialog", "Shared folder of the packing stations")
    folder = QFileDialog.getExistingDirectory(parent, title, start)
    return Path(folder) if folder else None


def station_placeholder() -> str:
    """What an empty station name means here: the name the station then goes by."""
    forced = station_override()
    if forced is not None:
        text = QCoreApplication.translate("SettingsDialog", "{env} names this station: {name}")
        return text.format(env=STATION_ENV, name=forced)
    text = QCoreApplication.translate("SettingsDialog", "empty: this PC's name ({name})")
    return text.format(name=host_name())


def _seconds(name: str, low: int, high: int, value: int) -> QSpinBox:
    spin = named(QSpinBox(), name)
    spin.setRange(low, high)
    spin.setSuffix(QCoreApplication.translate("SettingsDialog", " s"))
    spin.setValue(value)
    return spin


class SettingsDialog(QDialog):
    """Dialog ``settingsDialog``; ``choose_folder`` is the Browse question (tests replace it)."""

    def __init__(self, settings: StationSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Station settings"))
        self.setModal(True)
        self.original = settings
        self.choose_folder: Callable[[QWidget, str], Path | None] = ask_folder
        self._build(settings)
        self._add_pause_row(settings)
        self._revalidate()

    def _build(self, s: StationSettings) -> None:
        self.server_field = named(QLineEdit(s.server_path or ""), "serverPathField")
        self.server_field.setMinimumWidth(470)  # a UNC path and the Bulgarian hint fit whole
        self.server_field.setPlaceholderText(
            self.tr("\\\\server\\share (empty: the demo data on this PC)"))
        browse = named(QPushButton(self.tr("&Browse…")), "browseServerButton")
        browse.setToolTip(mnemonic_hint(browse.text()))
        browse.setAutoDefault(False)
        browse.clicked.connect(self.browse)
        server_row = QHBoxLayout()
        server_row.addWidget(self.server_field, 1)
        server_row.addWidget(browse)
        self.station_field = named(QLineEdit(s.station_name or ""), "stationNameField")
        self.station_field.setMaxLength(MAX_STATION_NAME + 1)  # one more: the rule explains it
        self.station_field.setPlaceholderText(station_placeholder())
        if (forced := station_override()) is not None:
            self.station_field.setToolTip(self.tr(
                "{env} is set: this station is named {name} whatever is entered here.").format(
                env=STATION_ENV, name=forced))
        self.heartbeat_spin = _seconds("heartbeatSpin", *HEARTBEAT_RANGE, s.heartbeat_seconds)
        self.heartbeat_spin.setToolTip(
            self.tr("How often an open list's lock says this station is alive."))
        self.stale_spin = _seconds("staleSpin", 1, MAX_STALE_SECONDS, s.stale_after_seconds)
        self.stale_spin.setToolTip(self.tr("After how long without a heartbeat another station "
                                           "may take a list over."))
        self.timeout_spin = _seconds("shareTimeoutSpin", *TIMEOUT_RANGE, s.share_timeout_seconds)
        self.timeout_spin.setToolTip(self.tr("The longest a share operation may take before the "
                                             "app treats the share as unreachable."))
        self.sound_check = named(QCheckBox(self.tr("Play so&unds on scans")), "soundCheck")
        self.sound_check.setChecked(s.sound)
        self.theme_combo = named(QComboBox(), "themeCombo")
        theme_names = {"light": self.tr("Light"), "dark": self.tr("Dark")}
        for name in THEMES:
            self.theme_combo.addItem(theme_names.get(name, name.capitalize()), name)
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(s.theme)))
        self.language_combo = named(QComboBox(), "languageCombo")
        for choice, words in language.choice_names():
            self.language_combo.addItem(words, choice)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(s.language)))
        self.language_combo.setToolTip(self.tr("Applies from the next start of the program."))
        self._arrange(server_row)

    def _arrange(self, server_row: QHBoxLayout) -> None:
        """The form, the message and OK/Cancel; the keys (docs/keyboard.md)."""
        form = QFormLayout()  # a label's &letter (Alt+letter) goes to its field
        server_label = QLabel(self.tr("&Server path"))
        server_label.setBuddy(self.server_field)
        form.addRow(server_label, server_row)
        form.addRow(self.tr("Station &name"), self.station_field)
        form.addRow(self.tr("&Heartbeat every"), self.heartbeat_spin)
        form.addRow(self.tr("&Lock stale after"), self.stale_spin)
        form.addRow(self.tr("Share time&out"), self.timeout_spin)
        form.addRow(self.tr("Sound"), self.sound_check)
        form.addRow(self.tr("&Theme"), self.theme_combo)
        form.addRow(self.tr("Lan&guage"), self.language_combo)
        self.message = named(QLabel(), "settingsMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = named(self.buttons.button(QDialogButtonBox.StandardButton.Ok),
                               "okButton")
        self.ok_button.setDefault(True)  # Return anywhere in the form saves, Escape cancels
        self.ok_button.setToolTip(hint(self.ok_button.text(), "Return"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setToolTip(hint(cancel.text(), "Escape"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        for field in (self.server_field, self.station_field):
            field.textChanged.connect(self._revalidate)
        for spin in (self.heartbeat_spin, self.stale_spin, self.timeout_spin):
            spin.valueChanged.connect(self._revalidate)

    def _add_pause_row(self, s: StationSettings) -> None:
        """The packer scores' pause gap, in the form below the share timeout."""
        self.pause_spin = _seconds("scorePauseSpin", *SCORE_PAUSE_RANGE, s.score_pause_seconds)
        self.pause_spin.setToolTip(self.tr("Packer scores: a longer gap within an order is a "
                                           "pause and does not count as packing time."))
        form = self.findChild(QFormLayout)
        if form is not None:
            row, _role = form.getWidgetPosition(self.timeout_spin)
            form.insertRow(row + 1, self.tr("Scores: &pause after"), self.pause_spin)
            QWidget.setTabOrder(self.timeout_spin, self.pause_spin)  # Tab in reading order

    def result_settings(self) -> StationSettings:
        """The settings as chosen; fields this dialog does not show are kept as they were."""
        return replace(
            self.original,
            server_path=self.server_field.text().strip() or None,
            station_name=self.station_field.text().strip() or None,
            heartbeat_seconds=self.heartbeat_spin.value(),
            stale_after_seconds=self.stale_spin.value(),
            share_timeout_seconds=self.timeout_spin.value(),
            score_pause_seconds=self.pause_spin.value(),
            sound=self.sound_check.isChecked(),
            theme=str(self.theme_combo.currentData()),
            language=str(self.language_combo.currentData()),
            notes=())

    def problems(self) -> list[str]:
        return validate(self.result_settings())

    def _revalidate(self) -> None:
        problems = self.problems()
        self.ok_button.setEnabled(not problems)
        self.message.setText("\n".join(settings_problem(p) for p in problems))
        set_style_property(self.message, "kind", "error" if problems else "info")

    def browse(self) -> None:
        folder = self.choose_folder(self, self.server_field.text().strip())
        if folder is not None:
            self.server_field.setText(str(folder))

    def accept(self) -> None:
        if self.problems():  # callers and shortcuts may call accept() with OK disabled
            self._revalidate()
            return
        super().accept()
