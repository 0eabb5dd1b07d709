"""The Session Browser: every packing list of a client, with its live status, filters and exports.

All share I/O (clients, rows, exports) runs on the one ``TaskRunner``; the widget only shows
what comes back, so a hung share leaves it responsive: filters, sorting and the timers work on
the rows already shown. A refresh never queues behind another for the same client, and rows
that arrive for a client the user has left are dropped. Auto-refresh (30 s) follows other
stations' locks, so Active and Stale stay true without reopening.

Signals carry ``{client_id, session_id, packing_list_name, work_dir, status, lock}`` (``lock``
is the ``LockInfo`` seen, or None); the main window opens the list. ``takeOverRequested`` is
only a request: the receiver confirms with the packer before taking the lock over.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from packing_tool.storage.discovery import list_clients
from packing_tool.storage.index_rows import IndexRow, load_rows
from packing_tool.storage.layout import ShareLayout
from packing_tool.ui import local_time
from packing_tool.ui.browser_export import export_csv, export_xlsx
from packing_tool.ui.browser_filters import Criteria, FilterBar, SessionFilter
from packing_tool.ui.browser_model import (
    ROW_ROLE,
    Cells,
    SessionTableModel,
    actions_for,
    describe,
    header_labels,
    header_text,
    prepare,
)
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.widgets import named
from shared.timestamps import now

AUTO_REFRESH_MS = 30_000
KEYS = {"refresh_button": "F5", "take_over_button": "Ctrl+T", "details_button": "Ctrl+D",
        "csv_button": "Ctrl+Shift+C", "xlsx_button": "Ctrl+Shift+X"}  # docs/keyboard.md
TICK_MS = 1_000
Loaded = tuple[list[Cells], str, int, int]  # rows, header counts, sessions read, of sessions


def _load(layout: ShareLayout, client: str, stale_after: float,
          show_part: Callable[[Loaded], None]) -> Loaded:
    """On the runner: the rows, wrapped for the table, the header's counts and how many
    sessions were read of how many. While an index is rebuilt, ``show_part`` gets the rows of
    the sessions read so far (newest first)."""
    def shown(rows: list[IndexRow], read: int, total: int) -> None:
        show_part((prepare(rows), header_text(rows), read, total))

    rows = load_rows(layout, client, now=now(), stale_after=stale_after,  # now: when it runs
                     partial=shown)
    return prepare(rows), header_text(rows), 0, 0


class SessionBrowser(QWidget):
    startRequested = Signal(dict)
    resumeRequested = Signal(dict)
    takeOverRequested = Signal(dict)
    refreshed = Signal(str, int)  # client, rows: a refresh arrived and is shown
    partlyShown = Signal(str, int)  # client, rows: the sessions read so far are shown
    _partial = Signal(str, object)  # from the runner's thread: (client, Loaded so far)

    def __init__(self, layout: ShareLayout, runner: TaskRunner, *, stale_after: float = 180.0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionBrowser")
        self.share, self.runner, self.stale_after = layout, runner, stale_after
        self.client: str | None = None
        self._loading: tuple[str, float] | None = None  # (client, since) of the refresh queued
        self._read: tuple[int, int] | None = None  # sessions read of all, while rebuilding
        self._partial.connect(self._rows_partial, Qt.ConnectionType.QueuedConnection)
        self.model = SessionTableModel(self)
        self.proxy = SessionFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self.timer = named(QTimer(self), "autoRefreshTimer")
        self.timer.setInterval(AUTO_REFRESH_MS)
        self.timer.timeout.connect(self._auto_refresh)
        self.timer.start()
        self.clock = QTimer(self)  # keeps the status line honest while the share is slow
        self.clock.setInterval(TICK_MS)
        self.clock.timeout.connect(self._tick)
        self.clock.start()
        self.reload_clients()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.clients = named(QListWidget(), "browserClients")
        self.clients.setMaximumWidth(200)
        self.clients.currentTextChanged.connect(self._client_chosen)
        self.refresh_button = named(QPushButton(self.tr("↻ Refresh")), "browserRefresh")
        self.refresh_button.clicked.connect(self.reload_clients)
        self.auto_refresh = named(QCheckBox(self.tr("Auto-refresh (30 s)")), "autoRefresh")
        self.auto_refresh.setChecked(True)
        self.auto_refresh.toggled.connect(self._auto_refresh_toggled)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Clients")))
        left.addWidget(self.clients)
        left.addWidget(self.refresh_button)
        left.addWidget(self.auto_refresh)
        right = QVBoxLayout()
        self._build_filters(right)
        self._build_table(right)
        self._build_actions(right)
        left_box, right_box = QWidget(), QWidget()
        left_box.setLayout(left)
        right_box.setLayout(right)
        splitter = QSplitter()
        splitter.addWidget(left_box)
        splitter.addWidget(right_box)
        splitter.setStretchFactor(1, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)
        self._update_actions(None)

    def _auto_refresh_toggled(self, on: bool) -> None:
        if on:
            self.timer.start()
        else:
            self.timer.stop()

    def _build_filters(self, right: QVBoxLayout) -> None:
        self.header = named(QLabel(self.tr("No client selected")), "browserHeader")
        self.filters = FilterBar()
        self.filters.changed.connect(self._filters_changed)
        self.status_line = named(QLabel(""), "browserStatus")
        right.addWidget(self.header)
        right.addWidget(self.filters)
        right.addWidget(self.status_line)

    def _build_table(self, right: QVBoxLayout) -> None:
        self.table = named(QTableView(), "browserTable")
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setModel(header_labels(self))  # clicks still sort the proxy
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        # Fixed row heights and column widths: no per-row measuring with thousands of rows.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Wide enough for the Bulgarian words too ("Незавършен", "Продължителност").
        for column, width in enumerate((130, 165, 85, 120, 115, 90, 95, 105, 120)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # the model sorts: status, then the index's own order
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.show_details())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # the table would only ignore it
            enter = QShortcut(QKeySequence(key), self.table)
            enter.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            enter.activated.connect(self.activate_selected)
        right.addWidget(self.table, 1)

    def _build_actions(self, right: QVBoxLayout) -> None:
        self.preview = named(QLabel(self.tr("Select a list to see its details.")),
                             "browserPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.start_button = named(QPushButton(self.tr("▶ Start packing")), "browserStart")
        self.resume_button = named(QPushButton(self.tr("↩ Resume")), "browserResume")
        self.take_over_button = named(QPushButton(self.tr("Take over…")), "browserTakeOver")
        self.details_button = named(QPushButton(self.tr("Details")), "browserDetails")
        self.check_button = named(QPushButton(self.tr("Check list")), "browserCheckList")
        self.check_button.setShortcut(QKeySequence("Ctrl+K"))
        self.check_button.setToolTip(self.tr("Pre-shift check of the selected list: barcodes, "
                                             "order labels, orders elsewhere, quantities "
                                             "(Ctrl+K)"))
        self.check_button.clicked.connect(self.check_list)
        self.csv_button = named(QPushButton(self.tr("Export CSV")), "browserExportCsv")
        self.xlsx_button = named(QPushButton(self.tr("Export Excel")), "browserExportXlsx")
        self.start_button.clicked.connect(lambda: self._request(self.startRequested))
        self.resume_button.clicked.connect(lambda: self._request(self.resumeRequested))
        self.take_over_button.clicked.connect(lambda: self._request(self.takeOverRequested))
        self.details_button.clicked.connect(self.show_details)
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        for name, key in KEYS.items():  # Return on a row starts or resumes it (the table)
            button = getattr(self, name)
            button.setShortcut(QKeySequence(key))
            button.setToolTip(f"{button.text()} ({key})")
        actions = QHBoxLayout()
        for button in (self.start_button, self.resume_button, self.take_over_button,
                       self.details_button, self.check_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.csv_button)
        actions.addWidget(self.xlsx_button)
        right.addWidget(self.preview)
        right.addLayout(actions)

    # ------------------------------------------------------------------ loading

    def reload_clients(self) -> None:
        self.runner.submit(list_clients, self.share, on_done=self._clients_loaded,
                           on_error=self._failed, owner=self)
        self.refresh()

    def _clients_loaded(self, clients: list[str]) -> None:
        current = self.client
        self.clients.blockSignals(True)
        self.clients.clear()
        self.clients.addItems(clients)
        self.clients.blockSignals(False)
        if current in clients:
            self.clients.setCurrentRow(clients.index(current))
        elif clients:
            self.clients.setCurrentRow(0)  # emits currentTextChanged → _client_chosen
        else:
            self.header.setText(self.tr("No clients on this share"))

    def select_client(self, client: str) -> None:
        matches = self.clients.findItems(client, Qt.MatchFlag.MatchExactly)
        if matches:
            self.clients.setCurrentItem(matches[0])
        else:
            self._client_chosen(client)

    def _client_chosen(self, client: str) -> None:
        if not client or client == self.client:
            return
        self.client = client
        self.model.set_rows([])
        self.header.setText(self.tr("Client {client}").format(client=client))
        self.refresh()

    def refresh(self) -> None:
        """Reload the current client's rows in the background (once at a time per client)."""
        client = self.client
        if client is None or (self._loading is not None and self._loading[0] == client):
            return
        self._loading = (client, time.monotonic())
        self.status_line.setText(self.tr("Refreshing…"))
        self._read = None
        self.runner.submit(_load, self.share, client, self.stale_after,
                           partial(self._partial.emit, client),
                           on_done=partial(self._rows_loaded, client),
                           on_error=partial(self._rows_failed, client), owner=self)

    def _auto_refresh(self) -> None:
        if self.isVisible():  # a browser nobody looks at must not keep reading the share
            self.refresh()

    @property
    def loading(self) -> bool:
        return self._loading is not None

    def _show(self, client: str, cells: list[Cells], counts: str) -> None:
        selected = self.selected_row()
        self.model.set_cells(cells)  # one reset; cells are formatted when painted
        self.header.setText(self.tr("Client {client} · {counts}").format(client=client,
                                                                         counts=counts))
        if selected is not None:
            self._select_key(selected.key)
        self._update_actions(self.selected_row())

    def _rows_partial(self, client: str, loaded: Loaded) -> None:
        if client != self.client or self._loading is None or self._loading[0] != client:
            return  # the user has moved on, or the whole answer is already here
        cells, counts, read, total = loaded
        self._read = (read, total)
        self._show(client, cells, counts)
        self._tick()
        self.partlyShown.emit(client, len(cells))

    def _rows_loaded(self, client: str, loaded: Loaded) -> None:
        if self._loading is not None and self._loading[0] == client:
            self._loading, self._read = None, None
        if client != self.client:
            return  # the user has moved on to another client
        cells, counts, _read, _total = loaded
        self._show(client, cells, counts)
        self.status_line.setText(self.tr("Last refreshed {time} ({n} lists)").format(
            time=local_time.clock(datetime.now(), seconds=True), n=len(cells)))
        self.refreshed.emit(client, len(cells))

    def _rows_failed(self, client: str, message: str) -> None:
        if self._loading is not None and self._loading[0] == client:
            self._loading = None
        if client == self.client:
            self.status_line.setText(self.tr("Refresh failed: {reason}").format(reason=message))

    def _failed(self, message: str) -> None:
        self.status_line.setText(self.tr("Refresh failed: {reason}").format(reason=message))

    def _tick(self) -> None:
        if self._loading is not None and self._loading[0] == self.client and self._read:
            self.status_line.setText(self.tr(
                "Reading the sessions from the share: {read} of {total}, newest first…").format(
                read=self._read[0], total=self._read[1]))
        elif self._loading is not None and self._loading[0] == self.client:
            waited = time.monotonic() - self._loading[1]
            if waited >= 5:
                self.status_line.setText(self.tr(
                    "Refreshing… (waiting for the share for {seconds} s)").format(
                    seconds=f"{waited:.0f}"))

    # ------------------------------------------------------------------ filters and rows

    def _filters_changed(self, criteria: Criteria) -> None:
        self.proxy.set_criteria(criteria)
        self._update_actions(self.selected_row())

    def visible_rows(self) -> list[IndexRow]:
        return self.proxy.visible_rows()

    def selected_row(self) -> IndexRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        row: IndexRow = index.siblingAtColumn(0).data(ROW_ROLE)
        return row

    def select_row(self, session_id: str, list_name: str) -> bool:
        return self._select_key(f"{session_id}::{list_name}")

    def _select_key(self, key: str) -> bool:
        source = self.model.row_of(key)
        index = self.proxy.mapFromSource(self.model.index(source, 0)) \
            if source is not None else QModelIndex()
        if not index.isValid():
            return False  # not there, or filtered out
        self.table.selectRow(index.row())
        self.table.setCurrentIndex(index)
        return True

    def _selection_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.siblingAtColumn(0).data(ROW_ROLE) if current.isValid() else None
        self._update_actions(row)

    def _update_actions(self, row: IndexRow | None) -> None:
        actions = actions_for(row)
        self.start_button.setVisible("start" in actions)
        self.resume_button.setVisible("resume" in actions)
        self.take_over_button.setVisible("take_over" in actions)
        self.details_button.setEnabled("details" in actions)
        self.check_button.setEnabled(row is not None)
        self.preview.setText(describe(row) if row is not None else
                             self.tr("Select a list to see its details."))

    # ------------------------------------------------------------------ actions

    def payload(self, row: IndexRow) -> dict[str, Any]:
        return {"client_id": self.client, "session_id": row.session_id,
                "packing_list_name": row.packing_list_name, "work_dir": str(row.work_dir),
                "status": row.status, "lock": row.lock}

    def activate_selected(self) -> None:
        """Return on a row: start it, resume it, or (stale) ask about taking it over."""
        actions = actions_for(self.selected_row())
        for action, signal in (("start", self.startRequested), ("resume", self.resumeRequested),
                               ("take_over", self.takeOverRequested)):
            if action in actions:
                self._request(signal)
                return
        self.show_details()

    def _request(self, signal: Any) -> None:
        row = self.selected_row()
        if row is not None:
            signal.emit(self.payload(row))

    def show_details(self) -> None:
        row = self.selected_row()
        if row is None or self.client is None:
            return
        from packing_tool.ui.session_details import SessionDetailsDialog

        dialog = SessionDetailsDialog(self.share, self.runner, self.client, row.session_id,
                                      row.packing_list_name, stale_after=self.stale_after,
                                      parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()  # not modal: the browser stays usable beside it
        self.details_dialog = dialog

    def check_list(self) -> None:
        """The pre-shift check of the selected list, on the runner; its findings open in a
        dialog and the list's marker follows (kept with the list for every PC)."""
        row, client = self.selected_row(), self.client
        if row is None or client is None:
            return
        from packing_tool.storage.list_check_store import check_and_keep

        name = row.packing_list_name
        self.status_line.setText(self.tr("Checking list {list}…").format(list=name))
        self.runner.submit(check_and_keep, self.share, client, row.session_id, name,
                           on_done=self._list_checked, owner=self,
                           on_error=lambda msg: self.status_line.setText(
                               self.tr("Check of {list} failed: {reason}").format(
                                   list=name, reason=msg)))

    def _list_checked(self, report: Any) -> None:
        from packing_tool.ui.list_check_view import ListCheckDialog

        self.status_line.setText(self.tr("Checked {list}. Problems: {n}").format(
            list=report.list_name, n=report.problems))
        dialog = ListCheckDialog(report, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()  # not modal, like Details
        self.check_dialog = dialog
        self.refresh()  # the marker, from the index

    def export(self, kind: str, path: str | None = None) -> None:
        """Write the visible rows to ``path`` (asks for one when None), on the runner."""
        rows = self.visible_rows()
        if path is None:
            suffix = (self.tr("CSV files (*.csv)") if kind == "csv"
                      else self.tr("Excel files (*.xlsx)"))
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export sessions"), f"sessions_{self.client or 'all'}.{kind}",
                suffix)
            if not path:
                return
        writer = export_csv if kind == "csv" else export_xlsx
        self.status_line.setText(self.tr("Exporting {n} rows…").format(n=len(rows)))
        self.runner.submit(writer, rows, path, owner=self,
                           on_done=lambda out: self.status_line.setText(
                               self.tr("Exported {n} rows to {file}").format(
                                   n=len(rows), file=out)),
                           on_error=lambda msg: self.status_line.setText(
                               self.tr("Export failed: {reason}").format(reason=msg)))
