"""A whole shift by keyboard: a worker's number key, arrows and Return in the Session Browser,
and a key for every menu action and every button."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from packing_tool.storage.session_manager import SessionSettings
from packing_tool.ui.main_window import MainWindow
from shared.worker_manager import WorkerManager
from tests.ui.conftest import shown_window

SESSION, LIST = "2026-11-21_1", "DPD_Orders"


@pytest.fixture
def window(qtbot: QtBot, share_root: Path) -> Iterator[MainWindow]:
    WorkerManager(share_root).get_or_create("Anna")
    settings = SessionSettings(debounce_seconds=0.0, share_timeout=10)
    with shown_window(qtbot, share_root, settings=settings, sound=False) as win:
        yield win


def test_return_on_a_row_starts_the_list(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: len(window.login.cards()) == 1, timeout=10000)
    qtbot.keyClick(window.login, Qt.Key.Key_1)  # the worker's number
    browser = window.browser
    assert window.pages.currentWidget() is window.work_page
    assert browser.table.hasFocus() or QApplication.focusWidget() is browser.table
    qtbot.waitUntil(lambda: browser.clients.count() == 2, timeout=10000)
    browser.select_client("M")
    qtbot.waitUntil(lambda: browser.select_row(SESSION, LIST), timeout=10000)
    assert window.packer is None
    qtbot.keyClick(browser.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.packer is not None, timeout=10000)
    assert window.flow is not None
    assert window.flow.active is not None
    assert window.flow.active.list_name == LIST


def test_every_menu_action_and_browser_button_has_a_key(qtbot: QtBot,
                                                        window: MainWindow) -> None:
    qtbot.waitUntil(lambda: len(window.login.cards()) == 1, timeout=10000)
    missing = [action.text() for menu in window.menuBar().actions() if menu.menu()
               for action in menu.menu().actions()
               if not action.isSeparator() and action.shortcut().isEmpty()]
    assert missing == []
    keys = [action.shortcut().toString() for menu in window.menuBar().actions()
            if menu.menu() for action in menu.menu().actions() if not action.isSeparator()]
    assert len(keys) == len(set(keys)), keys  # no key does two things
    returns = {window.browser.start_button, window.browser.resume_button}  # Return on a row
    no_key = [b.objectName() for b in window.browser.findChildren(QPushButton)
              if b not in returns and b.shortcut().isEmpty()]
    assert no_key == []
