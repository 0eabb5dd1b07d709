"""The main window's tool windows: station settings, barcode mappings, workers, scores,
the scanner test. Each takes the main window; ``MainWindow`` says what they use of it (a
Protocol, so this module does not import the window that imports it)."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QVBoxLayout

from packing_tool.storage.barcode_maps import BarcodeMapStore
from packing_tool.storage.settings import SettingsError, save_settings
from packing_tool.ui.error_words import error_text
from packing_tool.ui.leaderboard import leaderboard_dialog
from packing_tool.ui.settings_dialog import SettingsDialog
from packing_tool.ui.sku_mapping_dialog import SkuMappingDialog
from packing_tool.ui.wording_details import settings_problem
from packing_tool.ui.worker_view import WorkerView


class MainWindow(Protocol):
    """What the tool windows use of ``ui.main_window.MainWindow`` (also their parent)."""

    station: Any
    layout_: Any
    packer: Any
    flow: Any
    browser: Any
    runner: Any
    worker: Any
    scanner_label: Any

    def say(self, text: str) -> None: ...
    def apply_station(self, settings: Any) -> None: ...


def open_settings(window: MainWindow) -> None:
    dialog = SettingsDialog(window.station, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    chosen = dialog.result_settings()
    try:
        save_settings(chosen)  # this station's own disk, not the share
    except (SettingsError, OSError) as exc:
        title = QCoreApplication.translate("MainWindow", "Settings not saved")
        QMessageBox.warning(window, title, "\n".join(
            settings_problem(p) for p in exc.problems) if isinstance(exc, SettingsError)
            else error_text(exc))
        return
    restart = chosen.language != window.station.language or (
        chosen.server_path != window.station.server_path) or (
        chosen.heartbeat_seconds, chosen.stale_after_seconds, chosen.share_timeout_seconds) != (
        window.station.heartbeat_seconds, window.station.stale_after_seconds,
        window.station.share_timeout_seconds)
    window.apply_station(chosen)
    if restart:
        window.say(QCoreApplication.translate(
            "MainWindow", "Settings saved. The server, the lock times and the language apply "
                          "from the next start."))
    else:
        window.say(QCoreApplication.translate("MainWindow", "Settings saved."))


def open_sku_mapping(window: MainWindow) -> None:
    """The barcode map of the open list's client (else the browser's client)."""
    active = window.flow.active if window.flow is not None else None
    client = active.client_id if active is not None else window.browser.client
    if client is None:
        window.say(QCoreApplication.translate(
            "MainWindow", "Choose a client in the Session Browser first."))
        return
    # Path arithmetic only: resolving it (ShareLayout) would touch the share on the UI thread.
    stock = active.work_dir.parent.parent / "input" / "inventory.csv" if active else None

    def changed() -> None:
        if active is not None:  # takes effect in the running session at once
            window.runner.submit(active.session.reload_barcode_map)

    dialog = SkuMappingDialog(BarcodeMapStore(window.layout_, client), window.runner,
                              inventory_file=stock, on_changed=changed, parent=window)
    title = QCoreApplication.translate("MainWindow", "Barcode mapping: client {client}")
    dialog.setWindowTitle(title.format(client=client))
    dialog.exec()
    if window.packer is not None:
        window.packer.refocus()


def open_workers(window: MainWindow) -> None:
    view = WorkerView(window.layout_, window.runner,
                      pause_gap=window.station.score_pause_seconds)
    dialog = QDialog(window)
    dialog.setObjectName("workersDialog")
    dialog.setWindowTitle(QCoreApplication.translate("MainWindow", "Workers"))
    dialog.resize(1000, 640)
    QVBoxLayout(dialog).addWidget(view)
    dialog.exec()


def open_scanner_test(window: MainWindow) -> None:
    """Tools → Scanner test… (also on the login screen); the result goes to the status bar."""
    from packing_tool.storage.scanner_tests import last_result
    from packing_tool.ui.scanner_test_dialog import ScannerTestDialog
    from packing_tool.ui.scanner_words import status_text

    worker = window.worker.name if window.worker is not None else ""
    dialog = ScannerTestDialog(window.station.station, worker, window)
    dialog.exec()
    if dialog.saved is not None:
        window.scanner_label.setText(status_text(last_result()))
    if window.packer is not None:
        window.packer.refocus()


def open_leaderboard(window: MainWindow) -> None:
    """Tools → Leaderboard… (Ctrl+L), with this station's pause gap."""
    leaderboard_dialog(window.layout_, window.station.score_pause_seconds, window).exec()
    if window.packer is not None:
        window.packer.refocus()
