"""Every table and list of the main windows is readable in both themes (WCAG contrast ≥ 4.5).

For each theme the real windows are built and shown on a copy of the share: the Session
Browser, Session Details (orders and scans), the worker view, the barcode mapping dialog and
packer mode (items, recent scans, remaining orders). For every item view the palette it is
painted with (after the style sheet polished it) must keep plain rows, alternate rows and the
selection readable, and every cell with its own text colour must be readable on the
background it is drawn on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot

from packing_tool.simulate import simulate
from packing_tool.storage.barcode_maps import BarcodeMapStore
from packing_tool.storage.layout import ShareLayout
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.session_browser import SessionBrowser
from packing_tool.ui.session_details import SessionDetailsDialog
from packing_tool.ui.sku_mapping_dialog import SkuMappingDialog
from packing_tool.ui.themes import THEMES, apply_theme, item_colours
from packing_tool.ui.worker_view import WorkerView
from tests.ui.conftest import EAN, open_dpd, scan, show_packer

SESSION = "2026-11-21_1"
MINIMUM = 4.5  # WCAG AA for normal text
Role = QPalette.ColorRole


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green())
            + 0.0722 * channel(colour.blue()))


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_formula_is_wcags() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    # The reported fault: light-grey text on a white alternate row.
    assert contrast(QColor("#eceff1"), QColor("#ffffff")) < MINIMUM


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    assert task_runner.shutdown(timeout=10.0)


def _colour(value: object) -> QColor | None:
    if isinstance(value, QBrush):
        return value.color() if value.style() != Qt.BrushStyle.NoBrush else None
    return value if isinstance(value, QColor) else None


def _indexes(model: QAbstractItemModel, parent: QModelIndex) -> Iterator[QModelIndex]:
    for row in range(min(model.rowCount(parent), 60)):
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
        for column in range(columns):
            index = model.index(row, column, parent)
            yield index
            if column == 0 and model.rowCount(index) > 0:
                yield from _indexes(model, index)


def problems(view: QAbstractItemView) -> list[str]:
    """Every unreadable pair of colours of ``view``, described."""
    found = []
    palette = view.palette()
    name = view.objectName() or type(view).__name__
    for back, text in ((Role.Base, Role.Text), (Role.AlternateBase, Role.Text),
                       (Role.Highlight, Role.HighlightedText)):
        ratio = contrast(palette.color(back), palette.color(text))
        if ratio < MINIMUM:
            found.append(f"{name}: {text.name} on {back.name} is {ratio:.2f}")
    model = view.model()
    if model is None:
        return found
    for index in _indexes(model, QModelIndex()):
        fore = _colour(index.data(Qt.ItemDataRole.ForegroundRole))
        if fore is None:
            continue
        own = _colour(index.data(Qt.ItemDataRole.BackgroundRole))
        backs = [own] if own is not None else [palette.color(Role.Base),
                                               palette.color(Role.AlternateBase)]
        for back in backs:
            ratio = contrast(fore, back)
            if ratio < MINIMUM:
                found.append(f"{name} cell {index.row()},{index.column()} "
                             f"{fore.name()} on {back.name()} is {ratio:.2f}")
    return found


def views_of(widget: QWidget) -> list[QAbstractItemView]:
    return [v for v in widget.findChildren(QAbstractItemView) if v.isVisibleTo(widget)]


@pytest.mark.parametrize("theme", THEMES)
def test_every_table_and_list_is_readable(qtbot: QtBot, app: QApplication, runner: TaskRunner,
                                          share_root: Path, theme: str) -> None:
    apply_theme(app, theme)
    simulate(share_root, "M", SESSION, "DHL_Orders", "Анна", complete=True)
    layout = ShareLayout(share_root)
    windows: list[QWidget] = []

    browser = SessionBrowser(layout, runner)
    qtbot.addWidget(browser)
    browser.show()
    qtbot.waitUntil(lambda: browser.clients.count() > 0)
    with qtbot.waitSignal(browser.refreshed, timeout=10_000):
        browser.select_client("M")
    windows.append(browser)

    details = SessionDetailsDialog(layout, runner, "M", SESSION, "DHL_Orders")
    qtbot.addWidget(details)
    with qtbot.waitSignal(details.loaded, timeout=10_000):
        details.show()
    windows.append(details)

    workers = WorkerView(layout, runner)
    qtbot.addWidget(workers)
    with qtbot.waitSignal(workers.workersLoaded, timeout=10_000):
        workers.show()
    anna = next(w for w in workers.workers if w["name"] == "Анна")
    with qtbot.waitSignal(workers.historyLoaded, timeout=10_000):
        workers.select_worker(anna["id"])
    windows.append(workers)

    mapping = SkuMappingDialog(BarcodeMapStore(layout, "M"), runner)
    qtbot.addWidget(mapping)
    mapping.show()
    qtbot.waitUntil(mapping.isVisible)
    windows.append(mapping)

    session = open_dpd(share_root)
    try:
        packer = show_packer(qtbot, session)
        order = session.logic.packing_list.orders[0]
        scan(qtbot, packer, order.order_number, EAN[order.lines[0].sku], "0000000000000")
        windows.append(packer)
        names = set()
        unreadable = []
        for window in windows:
            for view in views_of(window):
                names.add(view.objectName() or type(view).__name__)
                unreadable += problems(view)
        assert {"itemsTable", "recentScans"} <= names  # the screens were really looked at
        assert len(names) >= 7, names
        assert unreadable == []
    finally:
        session.close()


def test_a_theme_switch_recolours_what_is_on_screen(qtbot: QtBot, app: QApplication,
                                                    share_root: Path) -> None:
    apply_theme(app, "light")
    session = open_dpd(share_root)
    try:
        packer = show_packer(qtbot, session)
        order = session.logic.packing_list.orders[0]
        scan(qtbot, packer, order.order_number, "0000000000000")
        line = packer.recent.item(0)  # the unknown barcode: an error line
        row_cell = packer.items.item(0, 0)
        light_line, light_row = line.foreground().color(), row_cell.background().color()
        apply_theme(app, "dark")
        qtbot.wait(50)
        dark = item_colours()
        assert line.foreground().color() != light_line
        assert line.foreground().color() == QColor(dark.outcome_text["error"])
        assert row_cell.background().color() != light_row
        assert row_cell.background().color() == QColor(dark.open[0])
    finally:
        session.close()
