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
from PySide6.QtWidgets import (
    QWidget,
)

from packing_tool.storage.discovery import list_clients
from packing_tool.storage.index_rows import IndexRow, load_rows
from packing_tool.storage.layout import ShareLayout
from packing_tool.ui import browser_actions, browser_layout, local_time
from packing_tool.ui.browser_filters import Criteria, SessionFilter
from packing_tool.ui.browser_model import ROW_ROLE, Cells, SessionTableModel, prepare
from packing_tool.ui.browser_texts import actions_for, describe, header_text
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.widgets import named
from shared.timestamps import now

AUTO_REFRESH_MS = 30_000
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
        browser_layout.build(self)
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

    def _auto_refresh_toggled(self, on: bool) -> None:
        if on:
            self.timer.start()
        else:
            self.timer.stop()

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
        if self.runner.closed:  # the window is closing: its last signals read nothing more
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
        browser_actions.show_details(self)

    def check_list(self) -> None:
        browser_actions.check_list(self)

    def export(self, kind: str, path: str | None = None) -> None:
        """Write the visible rows to ``path`` (asks for one when None), on the runner."""
        browser_actions.export(self, kind, path)
