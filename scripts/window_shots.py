"""What ``every_window.py`` shows, in one language and theme: the share it prepares and the
windows it opens, one after another as a shift would (``station_shots.py`` drives the
station's window; the scores share and the scanner test are here).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from every_window import shot_path
from screenshots import settle, wait

CLIENT, SESSION = "M", "2026-11-21_1"
PACKERS = ("Мария Иванова", "Борис Петров", "Елена Димитрова")


class Shots:
    """Saves screenshots as ``<name>_<language>_<theme>.png`` (only the names wanted)."""

    def __init__(self, app: Any, out: Path, language: str, theme: str,
                 wanted: set[str]) -> None:
        self.app, self.out, self.language, self.theme = app, out, language, theme
        self.wanted = wanted
        self.saved: list[Path] = []

    def wants(self, *names: str) -> bool:
        return any(name in self.wanted for name in names)

    def settle(self, seconds: float = 0.5) -> None:
        settle(self.app, seconds)

    def wait(self, condition: Callable[[], bool], timeout: float = 15.0) -> None:
        wait(self.app, condition, timeout)

    def save(self, widget: Any, name: str, *, settle_first: bool = True) -> None:
        if name not in self.wanted:
            return
        if settle_first:
            self.settle()
        path = shot_path(name, self.language, self.theme, self.out)
        widget.grab().save(str(path), "PNG", 0)  # quality 0: the smallest PNG Qt writes
        self.saved.append(path)
        print(f"saved {path}")

    def modal(self, trigger: Callable[[], Any], name: str,
              size: tuple[int, int] | None = None) -> Any:
        """Run ``trigger`` (which opens a modal dialog), save the dialog, then dismiss it:
        No (or Cancel) on a question, Cancel on a dialog."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMessageBox

        def dismiss(dialog: Any) -> None:
            if isinstance(dialog, QMessageBox):
                for kind in (QMessageBox.StandardButton.No, QMessageBox.StandardButton.Cancel):
                    if (button := dialog.button(kind)) is not None:
                        button.click()
                        return
            dialog.reject()

        def grab() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(20, grab)
                return
            if size is not None:
                dialog.resize(*size)
            QTimer.singleShot(500, lambda: (self.save(dialog, name, settle_first=False),
                                            dismiss(dialog)))

        QTimer.singleShot(0, grab)
        return trigger()


def new_share(prefix: str) -> Path:
    from packing_tool.storage.paths import ensure_demo_root

    return ensure_demo_root(Path(tempfile.mkdtemp(prefix=prefix)) / "share")


def take_all(shots: Shots) -> None:
    import station_shots

    from packing_tool.ui import language
    from packing_tool.ui.themes import apply_theme

    language.install(shots.app, shots.language)
    apply_theme(shots.app, shots.theme)
    station_shots.shoot_station(shots)
    if shots.wants("workers", "leaderboard", "overview"):
        shoot_scores(shots)
    if shots.wants("scanner_test"):
        shoot_scanner_test(shots)


def shoot_scores(shots: Shots) -> None:
    """Workers and the leaderboard on a share with two weeks of packing."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialog, QVBoxLayout
    from score_screenshots import scored_share

    from packing_tool.storage.layout import ShareLayout
    from packing_tool.ui.leaderboard import leaderboard_dialog
    from packing_tool.ui.runner import TaskRunner
    from packing_tool.ui.worker_view import WorkerView
    from shared.worker_manager import WorkerManager

    root = Path(tempfile.mkdtemp(prefix="score-shots-")) / "share"
    scored_share(root)
    runner = TaskRunner(shots.app)
    workers = QDialog()  # as Tools → Workers opens it (main_tools.open_workers)
    workers.setWindowTitle(QCoreApplication.translate("MainWindow", "Workers"))
    view = WorkerView(ShareLayout(root), runner, pause_gap=300)
    QVBoxLayout(workers).addWidget(view)
    workers.resize(1280, 700)
    workers.show()
    shots.settle(3.0)
    first = WorkerManager(root).get_all_workers()[0]
    view.select_worker(first.id)
    shots.settle(2.0)
    shots.save(workers, "workers")
    workers.close()
    board = leaderboard_dialog(ShareLayout(root), 300)
    board.resize(900, 460)
    board.show()
    shots.settle(5.0)
    shots.save(board, "leaderboard")
    board.close()
    runner.shutdown(timeout=10.0)


def shoot_scanner_test(shots: Shots) -> None:
    from scanner_screenshots import scanned_dialog

    dialog = scanned_dialog(Path(tempfile.mkdtemp(prefix="scanner-shots-")))
    shots.save(dialog, "scanner_test")
    dialog.close()
