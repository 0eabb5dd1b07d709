"""Session Details by keyboard alone (tabs, filter, expand, export, refresh, close), and its
colours after a theme switch while it is open: keys pressed on the real dialog over a
simulated list on a copy of the share."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from packing_tool.simulate import simulate
from packing_tool.storage.layout import ShareLayout
from packing_tool.ui.browser_export import csv_separator
from packing_tool.ui.details_orders import MARK_COLOUR, MARK_ROLE
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.session_details import SessionDetailsDialog
from packing_tool.ui.themes import MARK_TEXT_COLOURS, apply_theme
from tests.ui.test_theme_contrast import problems, views_of

SESSION = "2026-11-21_1"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def dialog(qtbot: QtBot, share_root: Path) -> Iterator[SessionDetailsDialog]:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    runner = TaskRunner()
    box = SessionDetailsDialog(ShareLayout(share_root), runner, "M", SESSION, "DHL_Orders")
    qtbot.addWidget(box)
    with qtbot.waitSignal(box.loaded, timeout=10_000):
        box.show()
    box.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    yield box
    assert runner.shutdown(timeout=10.0)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_ctrl_tab_and_ctrl_numbers_change_tabs(qtbot: QtBot,
                                               dialog: SessionDetailsDialog) -> None:
    tabs = dialog.tabs
    assert tabs.count() == 4
    assert tabs.currentIndex() == 0
    qtbot.keyClick(focused(), Qt.Key.Key_Tab, CTRL)
    assert tabs.currentIndex() == 1
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert tabs.currentIndex() == 0
    qtbot.keyClick(focused(), Qt.Key.Key_Tab, CTRL | SHIFT)  # round to the last
    assert tabs.currentIndex() == 3
    qtbot.keyClick(focused(), Qt.Key.Key_3, CTRL)
    assert tabs.currentIndex() == 2
    qtbot.keyClick(focused(), Qt.Key.Key_9, CTRL)  # no ninth tab: nothing moves
    assert tabs.currentIndex() == 2
    assert [tabs.tabToolTip(i) for i in range(4)] == [
        "Overview (Ctrl+1)", "Orders (5) (Ctrl+2)", "Metrics (Ctrl+3)", "SKUs (Ctrl+4)"]


def test_ctrl_f_finds_an_order_and_return_goes_to_it(qtbot: QtBot,
                                                     dialog: SessionDetailsDialog) -> None:
    orders = dialog.orders_tab
    second = orders.tree.topLevelItem(1)
    assert second is not None
    assert second.isExpanded()
    qtbot.keyClick(focused(), Qt.Key.Key_F, CTRL)
    assert dialog.tabs.currentWidget() is orders
    assert focused() is orders.search
    qtbot.keyClicks(orders.search, second.text(0).lstrip("#"))
    assert orders.count.text() == "Showing 1 of 5 orders"
    qtbot.keyClick(orders.search, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Return in the filter does not press Close
    assert focused() is orders.tree
    assert orders.tree.currentItem() is second
    qtbot.keyClick(orders.tree, Qt.Key.Key_Minus, CTRL)  # collapse all
    assert not second.isExpanded()
    qtbot.keyClick(orders.tree, Qt.Key.Key_Plus, CTRL)  # expand all
    assert second.isExpanded()


def test_f5_refreshes_escape_closes_and_tab_reaches_the_buttons(
        qtbot: QtBot, dialog: SessionDetailsDialog) -> None:
    old_tree = dialog.orders_tab.tree
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        qtbot.keyClick(focused(), Qt.Key.Key_F5)
    assert dialog.orders_tab.tree is not old_tree  # read again
    assert dialog.refresh_button.toolTip().endswith("(F5)")
    assert dialog.close_button.toolTip().endswith("(Esc)")
    no_key = [b.objectName() for b in dialog.findChildren(QPushButton)
              if not b.toolTip().endswith(")")]
    assert no_key == []  # every button names its key (Export, Expand, Collapse too)
    qtbot.keyClick(focused(), Qt.Key.Key_2, CTRL)
    seen = []
    for _ in range(12):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        seen.append(focused())
    orders = dialog.orders_tab
    assert orders.search in seen
    assert orders.tree in seen
    assert dialog.refresh_button in seen
    assert dialog.close_button in seen
    assert seen.index(orders.tree) < seen.index(dialog.refresh_button) < seen.index(
        dialog.close_button)  # the page first, then the buttons
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def scan_colours(dialog: SessionDetailsDialog) -> dict[tuple[int, int], tuple[str, QColor]]:
    tree = dialog.orders_tab.tree
    found = {}
    for number in range(tree.topLevelItemCount()):
        order = tree.topLevelItem(number)
        assert order is not None
        for row in range(order.childCount()):
            scan = order.child(row)
            found[(number, row)] = (str(scan.data(0, MARK_ROLE)), scan.foreground(0).color())
    return found


def test_an_open_dialog_follows_a_theme_switch(qtbot: QtBot, app: QApplication,
                                               share_root: Path) -> None:
    apply_theme(app, "light")
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    runner = TaskRunner()
    try:
        details = SessionDetailsDialog(ShareLayout(share_root), runner, "M", SESSION,
                                       "DHL_Orders")
        qtbot.addWidget(details)
        with qtbot.waitSignal(details.loaded, timeout=10_000):
            details.show()
        light = scan_colours(details)
        assert len(light) >= 10
        charts = details.findChildren(QChartView)
        assert len(charts) == 2
        assert {c.chart().theme() for c in charts} == {QChart.ChartTheme.ChartThemeLight}
        for theme, chart_theme in (("dark", QChart.ChartTheme.ChartThemeDark),
                                   ("light", QChart.ChartTheme.ChartThemeLight)):
            apply_theme(app, theme)
            now = scan_colours(details)
            expected = {key: QColor(MARK_TEXT_COLOURS[theme][MARK_COLOUR.get(mark, mark)])
                        for key, (mark, _) in now.items()}
            assert {key: colour for key, (_, colour) in now.items()} == expected
            if theme == "dark":
                assert all(now[key][1] != light[key][1] for key in light)
            assert {c.chart().theme() for c in charts} == {chart_theme}
            every_tab = []
            for index in range(details.tabs.count()):  # each page is looked at while shown
                details.tabs.setCurrentIndex(index)
                every_tab += [(v.objectName(), p) for v in views_of(details)
                              for p in problems(v)]
            assert every_tab == []  # contrast of 4.5:1 or more, cells and palette
    finally:
        assert runner.shutdown(timeout=10.0)


def read_csv(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=csv_separator()))


def test_ctrl_e_exports_the_tab_as_shown(qtbot: QtBot, dialog: SessionDetailsDialog,
                                         tmp_path: Path) -> None:
    asked: list[str] = []

    def choose(_parent: object, suggested: str) -> Path:
        asked.append(suggested)
        return tmp_path / f"tab{len(asked)}.csv"
    dialog.choose_export_file = choose
    orders = dialog.orders_tab
    first = orders.tree.topLevelItem(0)
    assert first is not None
    qtbot.keyClick(focused(), Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(orders.search, first.text(0).lstrip("#"))
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as written:
        qtbot.keyClick(focused(), Qt.Key.Key_E, CTRL)
    assert written.args == [tmp_path / "tab1.csv"]
    assert asked == [f"{SESSION}_DHL_Orders_2.csv"]
    rows = read_csv(tmp_path / "tab1.csv")
    assert rows[0][:3] == ["Order / Scan", "Status", "Time"]
    assert [row[0] for row in rows[1:]] == [first.text(0)]  # only what the filter shows
    qtbot.keyClick(focused(), Qt.Key.Key_4, CTRL)  # SKUs
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.keyClick(focused(), Qt.Key.Key_E, CTRL)
    skus = read_csv(tmp_path / "tab2.csv")
    assert skus[0][0] == "SKU"
    assert len(skus) - 1 == dialog.sku_table.rowCount() > 0
    qtbot.keyClick(focused(), Qt.Key.Key_1, CTRL)  # Overview: its lines
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.keyClick(focused(), Qt.Key.Key_E, CTRL)
    overview = read_csv(tmp_path / "tab3.csv")
    assert ["Packing list", "DHL_Orders"] in overview
    assert dialog.status.text().startswith("Exported ")
