"""Packer mode on a station's small screen, in Bulgarian with the light theme: a maximised
window on a 1366 x 768 screen (1366 x 728 above the taskbar) or a 1280 x 720 one.

The window takes the size (its layout asks for no more), the scan field, the buttons and
the order's items table are inside it and apart, the orders to pack show four rows at
least, and no wrapped text of the banner or the progress is cut."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from packing_tool.domain.second_check import SecondCheckRules
from packing_tool.simulate import simulate
from packing_tool.storage.barcode_maps import BarcodeMapStore
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.session_manager import SessionSettings
from packing_tool.storage.settings import StationSettings
from packing_tool.ui import language
from packing_tool.ui.main_window import MainWindow
from packing_tool.ui.packer_mode import PackerMode
from packing_tool.ui.tables import row_height
from packing_tool.ui.themes import apply_theme
from shared.worker_manager import WorkerManager
from tests.ui.conftest import scan, shown_window

SESSION, AGAIN, PACKER = "2026-11-21_1", "DPD_Again", "Борис Петров"
FAST = SessionSettings(debounce_seconds=0.0, share_timeout=10, claim_wait=0.2,
                       retry_seconds=0.1)
SMALL = [(1366, 728), (1280, 680)]


@pytest.fixture
def bulgarian_light(app: QApplication) -> Iterator[None]:
    assert language.install(app, language.BULGARIAN) == language.BULGARIAN
    apply_theme(app, "light")
    yield
    language.install(app, language.ENGLISH)


@pytest.fixture
def window(qtbot: QtBot, share_root: Path, bulgarian_light: None) -> Iterator[MainWindow]:
    """DPD_Again: two DHL orders packed in DHL_Orders (listed apart), then DPD_Orders."""
    simulate(share_root, "M", SESSION, "DHL_Orders", "Елена Димитрова", complete=True)
    lists = ShareLayout(share_root).packing_lists_dir("M", SESSION)
    dpd = json.loads((lists / "DPD_Orders.json").read_text("utf-8"))["orders"]
    dhl = json.loads((lists / "DHL_Orders.json").read_text("utf-8"))["orders"]
    orders = [*dhl[:2], *dpd]
    (lists / f"{AGAIN}.json").write_text(json.dumps(
        {"session_id": SESSION, "total_orders": len(orders), "orders": orders},
        ensure_ascii=False), encoding="utf-8")
    WorkerManager(share_root).get_or_create(PACKER)
    station = StationSettings(station_name="PACK-03", sound=False)
    with shown_window(qtbot, share_root, settings=FAST, sound=False, station=station) as win:
        yield win


def open_list(qtbot: QtBot, window: MainWindow) -> PackerMode:
    """The packer chosen and DPD_Again open in packer mode."""
    qtbot.waitUntil(lambda: len(window.login.cards()) == 2, timeout=10000)
    window.login.choose(next(c.profile for c in window.login.cards()
                             if c.profile.name == PACKER))
    browser = window.browser
    qtbot.waitUntil(lambda: browser.clients.count() > 0, timeout=10000)
    browser.select_client("M")
    qtbot.waitUntil(lambda: browser.select_row(SESSION, AGAIN), timeout=10000)
    browser.activate_selected()
    qtbot.waitUntil(lambda: window.packer is not None, timeout=10000)
    mode = window.packer
    assert mode is not None
    return mode


def open_big_order(qtbot: QtBot, window: MainWindow) -> PackerMode:
    """The list open, its largest order open with one wrong item scanned (a long banner)."""
    mode = open_list(qtbot, window)
    orders = list(mode.logic.packing_list.orders)
    big = max(orders[2:], key=lambda o: len(o.lines))
    foreign = next(line.sku for o in orders[2:] for line in o.lines
                   if line.sku not in {x.sku for x in big.lines})
    scan(qtbot, mode, big.order_number, big.lines[0].sku, foreign)
    assert len(big.lines) >= 5
    assert mode.feedback.kind == "error"
    qtbot.waitUntil(lambda: mode.remaining.table.rowCount() >= 5, timeout=5000)
    qtbot.waitUntil(lambda: mode.remaining.elsewhere_table.rowCount() == 2, timeout=10000)
    return mode


def area(window: QWidget, widget: QWidget) -> QRect:
    """``widget``'s rectangle in ``window``'s coordinates."""
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def apart(window: QWidget, widgets: dict[str, QWidget]) -> list[str]:
    """The pairs of ``widgets`` that overlap, and the ones not wholly inside the window."""
    rects = {name: area(window, w) for name, w in widgets.items()}
    found = [f"{name} {rect} outside {window.rect()}" for name, rect in rects.items()
             if not window.rect().contains(rect)]
    names = list(rects)
    found += [f"{a} {rects[a]} overlaps {b} {rects[b]}" for i, a in enumerate(names)
              for b in names[i + 1:] if rects[a].intersects(rects[b])]
    return found


def cut_labels(widget: QWidget) -> list[str]:
    """Wrapped labels shown lower than their text needs at their width."""
    return [f"{label.objectName()}: {label.height()} < {label.heightForWidth(label.width())}"
            for label in widget.findChildren(QLabel)
            if label.isVisible() and label.wordWrap()
            and label.height() < label.heightForWidth(label.width())]


@pytest.mark.parametrize(("width", "height"), SMALL)
def test_packer_mode_fits_a_small_station_screen(qtbot: QtBot, window: MainWindow, width: int,
                                                 height: int) -> None:
    mode = open_big_order(qtbot, window)
    window.resize(width, height)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (width, height), timeout=3000)
    QApplication.processEvents()
    assert window.minimumSizeHint().height() <= height  # the layout asks for no more
    parts: dict[str, QWidget] = {"scan field": mode.scan_input, "items": mode.items}
    parts |= {name: button for name, button in mode.buttons.items() if button.isVisible()}
    assert apart(window, parts) == []
    right = {"banner": mode.feedback, "progress": mode.progress, "recent scans": mode.recent}
    assert apart(window, right) == []
    assert cut_labels(mode.feedback) == []
    assert cut_labels(mode.progress) == []
    items = mode.items
    assert items.viewport().height() >= 3 * items.rowHeight(0)  # three lines of the order
    remaining = mode.remaining.table
    assert mode.remaining.isVisible()
    assert remaining.viewport().height() >= 4 * row_height(remaining)
    elsewhere = mode.remaining.elsewhere_table
    assert elsewhere.isVisible()
    assert elsewhere.viewport().height() >= row_height(elsewhere)
    bar = window.statusBar()
    assert all(area(window, label).right() <= bar.width()
               for label in window.station_status.labels)


@pytest.mark.parametrize(("width", "height"), SMALL)
def test_a_pending_second_check_fits_with_its_banner_whole(
        qtbot: QtBot, share_root: Path, window: MainWindow, width: int, height: int) -> None:
    """Every order flagged, a value rule on a list without prices: the banner says what to
    do, whole; no standing line above the order repeats it or the inactive value rule."""
    BarcodeMapStore(ShareLayout(share_root), "M").set_second_check(
        SecondCheckRules(min_order_value=300, sample_percent=100))
    mode = open_list(qtbot, window)
    one = next(o for o in list(mode.logic.packing_list.orders)[2:]
               if sum(line.quantity for line in o.lines) == 1)
    scan(qtbot, mode, one.order_number, one.lines[0].sku)
    assert mode.feedback.kind == "warn"
    assert mode.second_check.waiting_order() is not None
    qtbot.waitUntil(lambda: mode.remaining.elsewhere_table.rowCount() == 2, timeout=10000)
    window.resize(width, height)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (width, height), timeout=3000)
    QApplication.processEvents()
    assert window.minimumSizeHint().height() <= height
    assert cut_labels(mode.feedback) == []  # the banner's last line is not cut
    assert not mode.second_check.strip.isVisible()
    assert apart(window, {"banner": mode.feedback, "progress": mode.progress,
                          "recent scans": mode.recent}) == []
    assert sum("няма цени" in line for line in mode.recent.texts()) == 1  # said once


def test_a_large_screen_shows_every_line_and_both_lists_whole(qtbot: QtBot,
                                                              window: MainWindow) -> None:
    mode = open_big_order(qtbot, window)
    window.resize(1920, 1040)
    qtbot.waitUntil(lambda: window.width() == 1920, timeout=3000)
    QApplication.processEvents()
    items = mode.items
    assert items.viewport().height() >= items.rowCount() * items.rowHeight(0)
    remaining, elsewhere = mode.remaining.table, mode.remaining.elsewhere_table
    assert remaining.viewport().height() >= remaining.rowCount() * row_height(remaining)
    assert elsewhere.viewport().height() >= 2 * row_height(elsewhere)


def test_a_cut_status_field_ends_in_an_ellipsis_and_keeps_its_whole_text(
        qtbot: QtBot, window: MainWindow) -> None:
    label = window.station_status.lock_label
    window.station_status.show_lock("A_very_long_packing_list_name_of_the_morning_wave", SESSION)
    label.setFixedWidth(80)
    assert label.text().endswith("_morning_wave")
    assert label.shown_text().endswith("…")
    assert len(label.shown_text()) < len(label.text())
    assert SESSION in label.toolTip()
    label.setMinimumWidth(0)
    label.setMaximumWidth(16777215)
    label.resize(label.sizeHint())
    assert label.shown_text() == label.text()
