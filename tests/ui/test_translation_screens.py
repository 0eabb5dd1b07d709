"""In Bulgarian, no text a person reads on the main screens is still the English source.

Every window is walked widget by widget (labels, buttons, placeholders, tooltips, tabs, list
items, table and tree headers, menus, window titles); a text that is exactly one of the
catalogue's English sources (placeholders filled with anything) means a string that is not
translated, or not looked up through Qt's translation when shown."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from packing_tool.storage.session_manager import SessionSettings
from packing_tool.storage.settings import StationSettings
from packing_tool.ui import language
from packing_tool.ui.main_window import MainWindow
from packing_tool.ui.settings_dialog import SettingsDialog
from shared.worker_manager import WorkerManager
from tests.ui.conftest import shown_window

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "packing_tool_bg.ts"
SESSION, LIST = "2026-11-21_1", "DPD_Orders"
SHORTCUT = re.compile(r" \((?:F\d+|Ctrl\+[^)]*)\)$")
# Three English words in a row: a text never wrapped in tr() (data here is Cyrillic or codes).
ENGLISH_WORDS = re.compile(r"\b[A-Za-z][a-z]+ [a-z]{2,} [a-z]{2,}\b")


def english_sources() -> list[re.Pattern[str]]:
    """A pattern per English source whose Bulgarian differs ({x} matches any text)."""
    patterns = []
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        if source == (message.findtext("translation") or "") or not re.search(
                r"[A-Za-z]{2}", re.sub(r"\{[a-z_]*\}", "", source)):
            continue
        parts = re.split(r"\{[a-z_]*\}", source)
        patterns.append(re.compile(".+?".join(re.escape(p) for p in parts), re.DOTALL))
    return patterns


def texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of everything visible a widget and its children say."""
    for w in [widget, *widget.findChildren(QWidget)]:
        where = f"{type(w).__name__} {w.objectName()}"
        if w.isWindow():
            yield where + " title", w.windowTitle()
        yield where + " tooltip", w.toolTip()
        if isinstance(w, QLabel | QAbstractButton):
            yield where, w.text()
        if isinstance(w, QLineEdit):
            yield where + " placeholder", w.placeholderText()
        if isinstance(w, QGroupBox):
            yield where, w.title()
        if isinstance(w, QTabWidget):
            yield from ((where + " tab", w.tabText(i)) for i in range(w.count()))
        if isinstance(w, QComboBox):
            yield from ((where + " item", w.itemText(i)) for i in range(w.count()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model, top = w.model(), QModelIndex()
            try:
                columns, rows = model.columnCount(top), model.rowCount(top)
            except TypeError:  # a model Qt keeps private (a list widget's): no header
                columns, rows = 1, model.rowCount(top) if hasattr(model, "rowCount") else 0
            yield from ((where + " header", str(model.headerData(
                c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or ""))
                for c in range(columns))
            for row in range(min(rows, 5)):  # the first rows' first cells
                yield where + " cell", str(model.index(row, 0).data() or "")
        if isinstance(w, QMainWindow):
            for action in w.menuBar().actions():
                yield where + " menu", action.text()
                menu = action.menu()
                if isinstance(menu, QMenu):
                    yield from ((where + " menu item", a.text()) for a in menu.actions())


def untranslated(widget: QWidget) -> list[tuple[str, str]]:
    patterns = english_sources()
    found = []
    for where, text in texts(widget):
        if ENGLISH_WORDS.search(text):
            found.append((where, text))
            continue
        for candidate in {text, SHORTCUT.sub("", text), *text.split("\n")}:
            if candidate.strip() and any(p.fullmatch(candidate) for p in patterns):
                found.append((where, text))
                break
    return found


@pytest.fixture
def bulgarian(qapp: QApplication) -> Iterator[None]:
    assert language.install(qapp, language.BULGARIAN) == language.BULGARIAN
    yield
    language.install(qapp, language.ENGLISH)


@pytest.fixture
def window(qtbot: QtBot, share_root: Path, bulgarian: None) -> Iterator[MainWindow]:
    WorkerManager(share_root).get_or_create("Анна")
    settings = SessionSettings(debounce_seconds=0.0, share_timeout=10)
    with shown_window(qtbot, share_root, settings=settings, sound=False) as win:
        yield win


def test_the_login_browser_and_packer_screens_are_all_bulgarian(
        qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: len(window.login.cards()) == 1, timeout=10000)
    assert window.login.windowTitle() == "Кой пакетира?"
    assert untranslated(window) == []

    qtbot.mouseClick(window.login.cards()[0], Qt.MouseButton.LeftButton)
    browser = window.browser
    qtbot.waitUntil(lambda: browser.clients.count() == 2, timeout=10000)
    browser.select_client("M")
    qtbot.waitUntil(lambda: browser.select_row(SESSION, LIST), timeout=10000)
    assert window.worker_label.text() == "Работник: Анна"
    assert untranslated(window) == []

    qtbot.mouseClick(browser.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.packer is not None, timeout=10000)
    mode = window.packer
    assert mode is not None
    assert mode.feedback.title_text() == "СКАНИРАЙ ЕТИКЕТ НА ПОРЪЧКА"
    assert untranslated(window) == []
    order = mode.logic.packing_list.orders[0]
    mode.submit_scan(order.order_number)
    assert mode.feedback.title_text() == f"ПОРЪЧКА {order.order_number}"
    mode.submit_scan("NO-SUCH-CODE-42")
    assert mode.feedback.title_text() == "НЕПОЗНАТ БАРКОД"
    assert mode.feedback.detail_text() == "„NO-SUCH-CODE-42“ не е познат"
    assert untranslated(window) == []


def test_the_session_details_and_settings_are_all_bulgarian(
        qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: len(window.login.cards()) == 1, timeout=10000)
    qtbot.mouseClick(window.login.cards()[0], Qt.MouseButton.LeftButton)
    browser = window.browser
    qtbot.waitUntil(lambda: browser.clients.count() == 2, timeout=10000)
    browser.select_client("M")
    qtbot.waitUntil(lambda: browser.select_row(SESSION, LIST), timeout=10000)
    browser.show_details()
    details = browser.details_dialog
    qtbot.waitUntil(lambda: details.details is not None, timeout=10000)
    for index in range(details.tabs.count()):
        details.tabs.setCurrentIndex(index)
    assert untranslated(details) == []

    settings = SettingsDialog(StationSettings(), window)
    qtbot.addWidget(settings)
    assert settings.windowTitle() == "Настройки на станцията"
    assert [settings.language_combo.itemText(i) for i in range(3)] == [
        "Езикът на компютъра", "Български", "English"]
    assert untranslated(settings) == []
    assert settings.ok_button.text().replace("&", "") == "Добре"  # Qt's own (qtbase_bg.qm)
    settings.station_field.setText("PACK/01")  # storage's rule, said in Bulgarian
    assert settings.message.text().startswith("Името на станцията не може да съдържа")
    assert untranslated(settings) == []


def test_the_check_can_fail(bulgarian: None, qtbot: QtBot) -> None:
    """A label left in English is found (the walk is not blind)."""
    page = QWidget()
    qtbot.addWidget(page)
    QLabel("Scan every item of this order.", page)
    QLabel("Session: 3 / 8 orders · 5 / 18 units", page)
    QLabel("A text nobody wrapped in tr()", page)
    QLabel("Сканирай всеки артикул от тази поръчка.", page)
    assert [text for _, text in untranslated(page)] == [
        "Scan every item of this order.", "Session: 3 / 8 orders · 5 / 18 units",
        "A text nobody wrapped in tr()"]


def test_the_tool_dialogs_are_all_bulgarian(qtbot: QtBot, window: MainWindow) -> None:
    from packing_tool.storage.barcode_maps import BarcodeMapStore
    from packing_tool.ui.leaderboard import leaderboard_dialog
    from packing_tool.ui.repack_dialog import RepackDialog
    from packing_tool.ui.scanner_test_dialog import ScannerTestDialog
    from packing_tool.ui.sku_mapping_dialog import SkuMappingDialog
    from packing_tool.ui.worker_view import WorkerView

    mapping = SkuMappingDialog(BarcodeMapStore(window.layout_, "M"), window.runner, parent=window)
    workers = WorkerView(window.layout_, window.runner)
    board = leaderboard_dialog(window.layout_, 300.0, window)
    dialogs = [mapping, workers, board, RepackDialog(window, "#1001"),
               ScannerTestDialog("PACK-01", "Анна", window)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: workers.table.rowCount() == 1, timeout=10000)
    qtbot.waitUntil(lambda: mapping.message.text() != "", timeout=10000)
    assert [(type(d).__name__, untranslated(d)) for d in dialogs] == [
        (type(d).__name__, []) for d in dialogs]
