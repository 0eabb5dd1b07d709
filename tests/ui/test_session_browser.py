"""The Session Browser on a copy of the real share: statuses, filters, exports, locks, hangs."""

from __future__ import annotations

import csv
import json
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from pytestqt.qtbot import QtBot

from packing_tool.simulate import simulate
from packing_tool.storage.index_rows import IndexRow, load_rows
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.sheet_format import csv_field, typed
from packing_tool.ui.browser_export import HEADERS, KINDS, export_values
from packing_tool.ui.browser_model import COLUMNS, SessionTableModel
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.session_browser import SessionBrowser
from shared.timestamps import now, to_iso

SESSION = "2026-11-21_1"


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    assert task_runner.shutdown(timeout=10.0)


@pytest.fixture
def packed(share_root: Path) -> Path:
    """Client M with DHL_Orders ended (5 orders) and DPD_Orders packed and paused."""
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    simulate(share_root, "M", SESSION, "DPD_Orders", "Boris")
    return share_root


def open_browser(qtbot: QtBot, root: Path, runner: TaskRunner, client: str = "M",
                 **kw: Any) -> SessionBrowser:
    browser = SessionBrowser(ShareLayout(root), runner, **kw)
    qtbot.addWidget(browser)
    browser.resize(1200, 700)
    browser.show()
    qtbot.waitUntil(lambda: browser.clients.count() > 0)
    with qtbot.waitSignal(browser.refreshed, timeout=10_000,
                          check_params_cb=lambda c, _n: c == client):
        browser.select_client(client)
    return browser


def shown(browser: SessionBrowser) -> dict[str, list[str]]:
    """Packing list → the table's cells, for every visible row."""
    proxy = browser.proxy
    return {proxy.index(r, 1).data(): [proxy.index(r, c).data() for c in range(10)]
            for r in range(proxy.rowCount())}


def write_lock(work_dir: Path, heartbeat_age: float) -> None:
    moment = to_iso(now() - timedelta(seconds=heartbeat_age))
    (work_dir / ".session.lock").write_text(json.dumps({
        "locked_by": "OTHER-PC", "user_name": "packer2", "lock_time": moment,
        "heartbeat": moment, "process_id": 4242, "app_version": "1.0.0",
        "worker_id": "worker_009", "worker_name": "Vera", "lock_id": "other-lock-1",
        "version": "1.3.0"}), encoding="utf-8")


def test_completed_and_paused_lists_show_their_status_and_progress(
        qtbot: QtBot, packed: Path, runner: TaskRunner) -> None:
    browser = open_browser(qtbot, packed, runner)
    assert browser.objectName() == "sessionBrowser"
    rows = shown(browser)
    assert rows["DHL_Orders"][0] == "Completed"
    assert rows["DHL_Orders"][6] == "5/5"
    assert rows["DHL_Orders"][4] == "Anna"
    assert rows["DPD_Orders"][0] == "Paused"
    assert rows["DPD_Orders"][6] == "8/8"
    assert rows["PostOne_Orders"][0] == "Available"
    assert browser.header.text() == "Client M · 4 lists · 0 active · 0 stale · 1 paused"
    assert browser.status_line.text().startswith("Last refreshed ")
    assert browser.status_line.text().endswith("(4 lists)")

    assert browser.select_row(SESSION, "PostOne_Orders")
    assert not browser.start_button.isHidden()
    with qtbot.waitSignal(browser.startRequested) as start:
        browser.start_button.click()
    assert start.args[0]["packing_list_name"] == "PostOne_Orders"
    assert start.args[0]["client_id"] == "M"
    assert browser.select_row(SESSION, "DPD_Orders")
    assert browser.start_button.isHidden()
    with qtbot.waitSignal(browser.resumeRequested) as resume:
        browser.resume_button.click()
    assert resume.args[0]["session_id"] == SESSION
    assert resume.args[0]["status"] == "paused"
    assert browser.select_row(SESSION, "DHL_Orders")
    assert browser.resume_button.isHidden()
    assert browser.details_button.isEnabled()
    assert "Orders: 5/5" in browser.preview.text()
    browser.details_button.click()
    dialog = browser.details_dialog
    assert dialog.objectName() == "sessionDetailsDialog"
    assert not dialog.isModal()
    qtbot.waitUntil(lambda: dialog.details is not None, timeout=10_000)
    assert dialog.orders_tab.tree.topLevelItemCount() == 5


def test_filters_reduce_the_visible_rows(qtbot: QtBot, packed: Path,
                                         runner: TaskRunner) -> None:
    browser = open_browser(qtbot, packed, runner)
    everything = set(shown(browser))
    assert len(everything) == 4
    bar = browser.filters

    bar.set_status("completed")
    assert set(shown(browser)) == {"DHL_Orders"}
    bar.set_status("available")
    assert set(shown(browser)) == {"PostOne_Orders", "full_session"}
    bar.set_status(None)
    bar.search.setText("boris")  # a worker's name
    assert set(shown(browser)) == {"DPD_Orders"}
    bar.search.setText("dhl 2026-11-21")  # every word must match
    assert set(shown(browser)) == {"DHL_Orders"}
    bar.search.setText("vm")  # the PC
    assert set(shown(browser)) == {"DHL_Orders", "DPD_Orders"}
    bar.search.clear()

    days = sorted(browser.model.cells(r).day for r in range(browser.model.rowCount()))
    first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
    bar.set_dates((last + timedelta(days=1)).isoformat(), "")
    assert shown(browser) == {}
    bar.set_dates("", (first - timedelta(days=1)).isoformat())
    assert shown(browser) == {}
    bar.set_dates(first.isoformat(), last.isoformat())
    assert set(shown(browser)) == everything
    bar.set_dates()
    assert set(shown(browser)) == everything


def test_exports_write_exactly_the_visible_rows(qtbot: QtBot, packed: Path,
                                                runner: TaskRunner, tmp_path: Path) -> None:
    browser = open_browser(qtbot, packed, runner)
    browser.filters.search.setText("orders")  # leaves full_session out
    visible = browser.visible_rows()
    assert {r.packing_list_name for r in visible} == {"DHL_Orders", "DPD_Orders",
                                                       "PostOne_Orders"}
    target_csv, target_xlsx = tmp_path / "out" / "sessions.csv", tmp_path / "sessions.xlsx"
    (tmp_path / "out").mkdir()
    browser.export("csv", str(target_csv))
    qtbot.waitUntil(lambda: "Exported" in browser.status_line.text(), timeout=10_000)
    browser.export("xlsx", str(target_xlsx))
    qtbot.waitUntil(lambda: str(target_xlsx) in browser.status_line.text(), timeout=10_000)

    with open(target_csv, encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    expected = [[str(csv_field(v, k)) for v, k in zip(export_values(r), KINDS, strict=True)]
                for r in visible]
    assert lines == [list(HEADERS), *expected]
    assert lines[1][0] in ("Completed", "Paused", "Available")

    sheet = openpyxl.load_workbook(target_xlsx, read_only=True).active
    assert sheet is not None
    width = len(HEADERS)  # read-only sheets leave out trailing empty cells
    cells = [[*row, *[None] * (width - len(row))] for row in sheet.iter_rows(values_only=True)]
    assert cells == [list(HEADERS), *[[typed(v, k) for v, k in zip(export_values(r), KINDS,
                                                                    strict=True)]
                                      for r in visible]]
    dhl = next(row for row in cells if row[1] == "DHL_Orders")
    assert (dhl[0], dhl[9], dhl[10]) == ("Completed", 5, 5)


def test_another_stations_live_lock_shows_active_and_an_old_one_stale(
        qtbot: QtBot, packed: Path, runner: TaskRunner) -> None:
    work = ShareLayout(packed).work_dir("M", SESSION, "DPD_Orders")
    write_lock(work, heartbeat_age=5)
    browser = open_browser(qtbot, packed, runner)
    row = shown(browser)["DPD_Orders"]
    assert row[0] == "Active"
    assert (row[4], row[5]) == ("Vera", "OTHER-PC")
    assert "1 active" in browser.header.text()
    assert browser.select_row(SESSION, "DPD_Orders")
    assert browser.resume_button.isHidden()  # it is being packed elsewhere
    assert browser.take_over_button.isHidden()
    assert "OTHER-PC" in browser.preview.text()

    write_lock(work, heartbeat_age=3600)
    with qtbot.waitSignal(browser.refreshed, timeout=10_000):
        browser.refresh()
    assert shown(browser)["DPD_Orders"][0] == "Stale"
    assert "1 stale" in browser.header.text()
    assert browser.selected_row() is not None  # the selection survives a refresh
    assert not browser.take_over_button.isHidden()
    with qtbot.waitSignal(browser.takeOverRequested) as take:
        browser.take_over_button.click()
    payload = take.args[0]
    assert payload["packing_list_name"] == "DPD_Orders"
    assert payload["status"] == "stale"
    assert payload["lock"].locked_by == "OTHER-PC"


def test_a_hung_share_leaves_the_browser_responsive(qtbot: QtBot, packed: Path,
                                                    runner: TaskRunner) -> None:
    browser = open_browser(qtbot, packed, runner)
    release = threading.Event()
    runner.submit(release.wait, 30)
    try:
        browser.refresh()
        assert browser.loading
        assert browser.status_line.text() == "Refreshing…"
        pending = runner.pending
        browser.refresh()  # a second refresh does not pile up behind the hung one
        assert runner.pending == pending
        fired: list[bool] = []
        QTimer.singleShot(50, lambda: fired.append(True))
        qtbot.waitUntil(lambda: bool(fired), timeout=2_000)
        browser.filters.set_status("completed")
        assert set(shown(browser)) == {"DHL_Orders"}
        browser.filters.set_status(None)
        assert len(shown(browser)) == 4
        assert browser.loading
    finally:
        release.set()
    qtbot.waitUntil(lambda: not browser.loading, timeout=10_000)
    assert browser.status_line.text().startswith("Last refreshed")


def test_rows_of_a_client_left_behind_are_dropped(qtbot: QtBot, packed: Path,
                                                  runner: TaskRunner) -> None:
    browser = open_browser(qtbot, packed, runner)
    release = threading.Event()
    runner.submit(release.wait, 30)
    arrived: list[str] = []
    browser.refreshed.connect(lambda client, _n: arrived.append(client))
    try:
        browser.refresh()  # M, queued behind the hung task
        browser.select_client("B")
    finally:
        release.set()
    qtbot.waitUntil(lambda: arrived == ["B"], timeout=10_000)
    assert set(shown(browser)) == {"DHL", "Econt", "Speedy", "full_session"}
    assert browser.header.text().startswith("Client B")


def test_auto_refresh_can_be_switched_off(qtbot: QtBot, packed: Path,
                                          runner: TaskRunner) -> None:
    browser = open_browser(qtbot, packed, runner)
    assert browser.timer.isActive()
    assert browser.timer.interval() == 30_000
    with qtbot.waitSignal(browser.refreshed, timeout=10_000):
        browser.timer.timeout.emit()  # what every 30 s does: the shown browser reloads
    browser.auto_refresh.setChecked(False)
    assert not browser.timer.isActive()
    browser.auto_refresh.setChecked(True)
    assert browser.timer.isActive()


def test_the_model_takes_thousands_of_rows_without_widgets(qtbot: QtBot, packed: Path,
                                                           runner: TaskRunner) -> None:
    browser = open_browser(qtbot, packed, runner)
    template = load_rows(ShareLayout(packed), "M", now=now())[0]
    rows = [IndexRow(**{**template.__dict__, "key": f"s{n}::L{n}", "packing_list_name": f"L{n}",
                        "total_orders": n % 50 + 1, "completed_orders": n % 7})
            for n in range(3_000)]
    model = SessionTableModel()
    model.set_rows(rows)
    assert model.rowCount() == 3_000
    assert model.index(2_999, 1).data() == "L2999"
    browser.model.set_rows(rows)
    browser.filters.search.setText("L299")
    assert browser.proxy.rowCount() == 11  # L299 and L2990…L2999
    assert browser.table.indexWidget(browser.proxy.index(0, 0)) is None


def click_header(qtbot: QtBot, browser: SessionBrowser, column: int) -> None:
    header = browser.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def names(browser: SessionBrowser) -> list[str]:
    return [browser.proxy.index(r, 1).data() for r in range(browser.proxy.rowCount())]


def test_a_header_click_sorts_and_the_sort_survives_filters_and_refreshes(
        qtbot: QtBot, packed: Path, runner: TaskRunner) -> None:
    browser = open_browser(qtbot, packed, runner)
    header = browser.table.horizontalHeader()
    titles = [header.model().headerData(c, Qt.Orientation.Horizontal) for c in range(10)]
    assert titles == list(COLUMNS)
    arrived = names(browser)  # the index's order: paused, available, completed
    assert (arrived[0], arrived[-1]) == ("DPD_Orders", "DHL_Orders")
    assert set(arrived[1:3]) == {"PostOne_Orders", "full_session"}
    assert browser.select_row(SESSION, "PostOne_Orders")

    click_header(qtbot, browser, 1)  # Packing List, ascending
    by_name = ["DHL_Orders", "DPD_Orders", "full_session", "PostOne_Orders"]
    assert names(browser) == by_name
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        1, Qt.SortOrder.AscendingOrder)
    selected = browser.selected_row()  # the selection follows its row
    assert selected is not None
    assert selected.packing_list_name == "PostOne_Orders"
    assert browser.table.currentIndex().row() == 3
    click_header(qtbot, browser, 1)  # again: descending
    assert names(browser) == by_name[::-1]
    assert [r.packing_list_name for r in browser.visible_rows()] == by_name[::-1]  # exports

    browser.filters.set_status("available")
    assert names(browser) == ["PostOne_Orders", "full_session"]  # filtered, still sorted
    browser.filters.search.setText("post")
    assert names(browser) == ["PostOne_Orders"]
    browser.filters.search.clear()
    browser.filters.set_status(None)
    with qtbot.waitSignal(browser.refreshed, timeout=10_000):
        browser.refresh()
    assert names(browser) == by_name[::-1]  # a refresh keeps the user's sort
    selected = browser.selected_row()
    assert selected is not None
    assert selected.packing_list_name == "PostOne_Orders"

    click_header(qtbot, browser, 0)  # Status, ascending: back to the index's own order
    assert names(browser) == arrived
    click_header(qtbot, browser, 0)
    assert names(browser)[0] == "DHL_Orders"  # completed first


def test_columns_sort_by_value_not_by_text(qtbot: QtBot, packed: Path) -> None:
    template = load_rows(ShareLayout(packed), "M", now=now())[0]
    values = [("A", 12, 9, "2026-11-21T09:00:00+02:00", 5),  # 07:00 UTC
              ("B", 12, 10, "2026-11-21T08:30:00+00:00", 40),  # 08:30 UTC
              ("C", 2, 1, "2026-11-20T23:00:00-05:00", None)]  # 04:00 UTC
    rows = [IndexRow(**{**template.__dict__, "key": f"{SESSION}::{name}",
                        "packing_list_name": name, "total_orders": total,
                        "completed_orders": done, "started_at": started,
                        "duration_seconds": seconds})
            for name, total, done, started, seconds in values]
    model = SessionTableModel()
    model.set_rows(rows)

    def order(column: int, descending: bool = False) -> list[str]:
        model.sort(column, Qt.SortOrder.DescendingOrder if descending
                   else Qt.SortOrder.AscendingOrder)
        return [model.index(r, 1).data() for r in range(model.rowCount())]

    assert order(6) == ["C", "A", "B"]  # 1/2, 9/12, 10/12
    assert [model.index(r, 6).data() for r in range(3)] == ["1/2", "9/12", "10/12"]
    assert order(7) == ["C", "A", "B"]  # as moments, whatever the offsets
    assert order(7, descending=True) == ["B", "A", "C"]
    assert order(8) == ["C", "A", "B"]  # no duration first
    assert order(1, descending=True) == ["C", "B", "A"]
    model.set_rows(rows[::-1])  # new rows arrive in the sort chosen
    assert [model.index(r, 1).data() for r in range(3)] == ["C", "B", "A"]
    assert model.row_of(f"{SESSION}::A") == 2


def test_a_client_chosen_while_the_app_closes_reads_nothing_and_raises_nothing(
        qtbot: QtBot, share_root: Path) -> None:
    """The clients list clearing on close picks another client after the runner stopped:
    the browser asks nothing more of the share (it used to raise in Qt's event loop)."""
    closing = TaskRunner()
    browser = open_browser(qtbot, share_root, closing)
    assert closing.shutdown(timeout=10.0)
    other = next(browser.clients.item(i).text() for i in range(browser.clients.count())
                 if browser.clients.item(i).text() != "M")
    browser.select_client(other)  # Qt would report an exception here as a test error
    assert browser.client == other
    assert closing.pending == 0
