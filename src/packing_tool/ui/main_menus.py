"""The main window's menu bar: every action with its key (docs/keyboard.md lists them).

Actions are added to the window too, so their keys work on every page of it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from packing_tool import __version__
from packing_tool.ui import main_tools
from packing_tool.ui.themes import apply_theme


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # the window's own context


def switch_theme(name: str) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_theme(app, name)


def add_action(window: QMainWindow, menu: Any, text: str, slot: Callable[[], object],
               shortcut: str | None = None) -> QAction:
    action = QAction(text, window)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    window.addAction(action)
    return action


def build_menus(window: Any) -> None:
    """File, Tools, View and Help of ``window``: a ``ui.main_window.MainWindow`` (Any: this
    module must not import the window that imports it)."""
    bar = window.menuBar()
    act = partial(add_action, window)
    file_menu = bar.addMenu(_tr("&File"))
    act(file_menu, _tr("Switch worker"), window.show_login, "Ctrl+Shift+W")
    act(file_menu, _tr("Pause list"), window.pause_list, "Ctrl+P")
    act(file_menu, _tr("Settings…"), lambda: main_tools.open_settings(window), "Ctrl+,")
    file_menu.addSeparator()
    act(file_menu, _tr("Quit"), window.close, "Ctrl+Q")
    tools = bar.addMenu(_tr("&Tools"))
    act(tools, _tr("Barcode mapping…"), lambda: main_tools.open_sku_mapping(window), "Ctrl+M")
    act(tools, _tr("Workers…"), lambda: main_tools.open_workers(window), "Ctrl+Shift+K")
    act(tools, _tr("Leaderboard…"), lambda: main_tools.open_leaderboard(window), "Ctrl+L")
    act(tools, _tr("Scanner test…"), lambda: main_tools.open_scanner_test(window),
        "Ctrl+Shift+T")
    view = bar.addMenu(_tr("&View"))
    for name, words, key in (("light", _tr("Light theme"), "Ctrl+Shift+L"),
                             ("dark", _tr("Dark theme"), "Ctrl+Shift+D")):
        act(view, words, partial(switch_theme, name), key)
    act(view, _tr("Session Browser"), window.show_work, "F2")
    help_menu = bar.addMenu(_tr("&Help"))
    act(help_menu, _tr("Open log folder"), window.open_log_folder, "Ctrl+Shift+O")
    act(help_menu, _tr("About"), lambda: QMessageBox.about(
        window, "Packing Tool", _tr("Packing Tool {version}\nShare: {folder}").format(
            version=__version__, folder=window.choice.path)), "F1")
