"""Packer mode with the keyboard in a Cyrillic layout: scans are read as meant, and the
packer is told once per login which layout it is."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from packing_tool.domain.events import Outcome
from packing_tool.domain.keyboard_layouts import BDS
from packing_tool.storage.paths import RootChoice
from packing_tool.ui.main_window import MainWindow
from packing_tool.ui.packer_mode import PackerMode
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.scanner_test_dialog import ScannerTestDialog
from packing_tool.ui.scanner_words import LayoutNotice
from tests.ui.test_scanner_dialog import CODES, type_text


def scan(qtbot: QtBot, mode: PackerMode, *codes: str) -> None:
    for code in codes:
        type_text(qtbot, mode.scan_input, code)
        qtbot.keyClick(mode.scan_input, Qt.Key.Key_Return)


def test_packing_under_bds_is_read_as_meant_and_told_once(qtbot: QtBot,
                                                          packer: PackerMode) -> None:
    said: list[str] = []
    notice = LayoutNotice(packer)
    notice.watch(packer, said.append)
    results = []
    packer.scanProcessed.connect(results.append)
    scan(qtbot, packer, "48218", BDS.typed("MC-SER-103-15"), BDS.typed("MC-ACC-012-PD"))
    assert [r.outcome for r in results] == [Outcome.ORDER_LOADED, Outcome.ITEM_OK,
                                            Outcome.ITEM_OK]
    assert len(said) == 1
    assert "Bulgarian (BDS)" in said[0]
    assert "MC-SER-103-15" in said[0]
    assert "Bulgarian (BDS)" in packer.recent.texts()[1]  # next to the scan it came with
    notice.reset()  # a new login: told again
    scan(qtbot, packer, BDS.typed("MC-ACC-014-RL"))
    assert len(said) == 2


def test_tools_menu_runs_the_test_and_the_status_bar_keeps_it(qtbot: QtBot, share_root) -> None:
    runner = TaskRunner()
    window = MainWindow(RootChoice(share_root, False, "test"), runner, sound=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.browser.clients.count() > 0)  # start-up loads are done
    assert window.scanner_label.text() == "Scanner not tested"
    assert window.login.scanner_button.text() == "Scanner test…"
    action = next(a for a in window.actions() if a.text() == "Scanner test…")
    seen: list[str] = []

    def scan_sheet() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ScannerTestDialog)
        for code in CODES:
            type_text(qtbot, dialog.capture, code + "\r")
        seen.append(dialog.verdict.text())
        dialog.accept()

    QTimer.singleShot(0, scan_sheet)
    action.trigger()
    assert seen
    assert seen[0].startswith("Scanner OK")
    assert window.scanner_label.text().startswith("Scanner OK, ")
    assert "tested today" in window.scanner_label.text()
    window.close()
    runner.shutdown(2.0)
