"""The scanner test dialog driven with real key events (QTest), Cyrillic included, and the
once-per-login layout notice in packer mode."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from packing_tool.domain.keyboard_layouts import BDS, RUSSIAN
from packing_tool.storage.scanner_tests import FILENAME, last_result
from packing_tool.ui.packer_mode import PackerMode
from packing_tool.ui.scanner_test_dialog import ScannerTestDialog
from packing_tool.ui.scanner_words import status_text

CODES = ("MC-SER-101-30", "4006381333931", "0104006381333931", "Lbl-a42")


def ticking(step: float = 0.004) -> Callable[[], float]:
    """A clock that moves on ``step`` seconds per key: 250 characters a second."""
    now = [100.0]

    def clock() -> float:
        now[0] += step
        return now[0]

    return clock


def open_dialog(qtbot: QtBot, folder: Path, clock: Callable[[], float] | None = None
                ) -> ScannerTestDialog:
    dialog = ScannerTestDialog("PACK-01", "Ана", folder=folder, clock=clock or ticking())
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Key presses as a scanner sends them. QTest.keyClicks takes Latin-1 only (it aborts on
    Cyrillic), so a Cyrillic character goes as one key event carrying its text."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            shift = (Qt.KeyboardModifier.ShiftModifier if ch.isupper()
                     else Qt.KeyboardModifier.NoModifier)
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key(ord(ch.upper())), ch, shift)


def scan(qtbot: QtBot, mode: PackerMode, *codes: str) -> None:
    for code in codes:
        type_text(qtbot, mode.scan_input, code)
        qtbot.keyClick(mode.scan_input, Qt.Key.Key_Return)


def type_codes(qtbot: QtBot, dialog: ScannerTestDialog, codes: tuple[str, ...],
               end: Qt.Key | None = Qt.Key.Key_Return) -> None:
    for code in codes:
        type_text(qtbot, dialog.capture, code)
        if end is not None:
            qtbot.keyClick(dialog.capture, end)


def test_a_good_scanner_passes_and_is_recorded(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, tmp_path)
    assert dialog.verdict.text() == "Nothing scanned yet."
    type_codes(qtbot, dialog, CODES)
    assert dialog.report.ok
    assert dialog.verdict.text().startswith("Scanner OK")
    assert dialog.checklist.text().count("✓") == 4
    assert "250 characters a second" in dialog.details.text()
    dialog.accept()
    entry = last_result(tmp_path)
    assert entry is not None
    assert entry["ok"] is True
    assert entry["chars_per_second"] == 250.0
    assert entry["station"] == "PACK-01"
    assert entry["worker"] == "Ана"
    assert status_text(entry).startswith("Scanner OK, 250 chars/s, tested today ")


def test_cyrillic_bds_keys_are_named_and_kept(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, tmp_path)
    type_codes(qtbot, dialog, tuple(BDS.typed(code) for code in CODES))
    assert dialog.capture.keys[0][0] == "П"
    assert "Bulgarian (BDS)" in dialog.verdict.text()
    assert "English (US)" in dialog.verdict.text()
    assert dialog.checklist.text().count("✓") == 4  # each code still recognised
    dialog.reject()
    lines = (tmp_path / FILENAME).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["layout"] == "bg_bds"
    assert status_text(last_result(tmp_path)).startswith(
        "Scanner: keyboard layout Bulgarian (BDS), tested today ")


def test_russian_layout_and_missing_enter(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, tmp_path)
    type_codes(qtbot, dialog, (RUSSIAN.typed(CODES[0]),), end=None)
    dialog.refresh()
    type_codes(qtbot, dialog, (CODES[1],), end=None)
    text = dialog.verdict.text()
    assert "Russian" in text
    assert "no Enter" in text


def test_tab_stays_in_the_box_and_prefix_is_named(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, tmp_path)
    dialog.capture.setFocus()
    type_codes(qtbot, dialog, ("*" + CODES[0],), end=Qt.Key.Key_Tab)
    assert dialog.capture.keys[-1][0] == "\t"
    assert dialog.report.terminator == "tab"
    assert '"*" before each code' in dialog.verdict.text()


def test_double_read_and_start_again(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, tmp_path)
    type_codes(qtbot, dialog, (CODES[3], CODES[3]))
    assert "read Lbl-a42 twice" in dialog.verdict.text()
    dialog.restart()
    assert dialog.capture.keys == []
    assert dialog.verdict.text() == "Nothing scanned yet."
    dialog.accept()
    assert not (tmp_path / FILENAME).exists()  # nothing scanned: nothing kept


def test_the_sheet_is_saved_without_a_printer(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, tmp_path)
    path = dialog.save_pdf(tmp_path / "sheet.pdf")
    assert path.read_bytes().startswith(b"%PDF")
    dialog.size_box.setCurrentIndex(1)
    assert dialog.save_pdf(tmp_path / "labels.pdf").read_bytes().count(b"/Type /Page\n") in (
        0, 4)


def test_escape_closes_and_is_not_a_scanned_character(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, tmp_path)
    type_codes(qtbot, dialog, (CODES[0],))
    qtbot.keyClick(dialog.capture, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert [ch for ch, _at in dialog.capture.keys if ch == "\x1b"] == []
    assert dialog.saved is not None
    assert dialog.saved["codes_seen"] == [CODES[0]]
