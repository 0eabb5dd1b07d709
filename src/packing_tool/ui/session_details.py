"""Session Details: one packing list's overview, orders with their scans, metrics and SKUs.

The data is loaded on the runner (``storage.session_details.load_details``): the summary of
an ended list, or a live replay of the journal of one still being packed, so the dialog
never shows "Unknown" for a list it could read and never copies the metrics maths.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import Any

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.session_details import SessionDetails, load_details
from packing_tool.ui import local_time, wording
from packing_tool.ui.browser_texts import format_duration, format_time
from packing_tool.ui.charts import follow_theme
from packing_tool.ui.details_export import ask_export_file, tab_table, write_csv
from packing_tool.ui.details_ledger import LedgerTab, has_ledger, overview_rows
from packing_tool.ui.details_metrics import metrics_page
from packing_tool.ui.details_orders import OrdersTab
from packing_tool.ui.key_hints import hint, keyed, shortcut
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.tables import table
from packing_tool.ui.widgets import named

CONTEXT = "SessionDetailsDialog"
# Where the figures come from, in plain words (translated when shown).
SOURCES = {"summary": QT_TRANSLATE_NOOP("SessionDetailsDialog", "final figures"),
           "journal": QT_TRANSLATE_NOOP("SessionDetailsDialog",
                                        "live: counted from the scans so far"),
           "state": QT_TRANSLATE_NOOP("SessionDetailsDialog",
                                      "packed with an older version of the program"),
           "none": QT_TRANSLATE_NOOP("SessionDetailsDialog", "nothing packed yet")}
SKU_COLUMNS = (
    QT_TRANSLATE_NOOP("SessionDetailsDialog", "SKU"),
    QT_TRANSLATE_NOOP("SessionDetailsDialog", "Title"),
    QT_TRANSLATE_NOOP("SessionDetailsDialog", "Orders"),
    QT_TRANSLATE_NOOP("SessionDetailsDialog", "Packed"),
    QT_TRANSLATE_NOOP("SessionDetailsDialog", "Required"),
    QT_TRANSLATE_NOOP("SessionDetailsDialog", "Scanned"),
    QT_TRANSLATE_NOOP("SessionDetailsDialog", "Manual"),
    QT_TRANSLATE_NOOP("SessionDetailsDialog", "Avg s/unit"),
    QT_TRANSLATE_NOOP("SessionDetailsDialog", "Misscans"),
    QT_TRANSLATE_NOOP("SessionDetailsDialog", "Extra scans"))


def _tr(text: str) -> str:  # for the texts marked above
    return QCoreApplication.translate(CONTEXT, text)


def _known(value: Any) -> str:
    """A name from the summary; its "Unknown" placeholder (nobody packed yet) as a dash."""
    return str(value) if value and value != "Unknown" else "—"


SKU_KEYS = ("title", "orders", "units_packed", "units_required", "units_scanned",
            "units_manual", "avg_seconds_per_unit", "misscans", "extra_scans")


def top(figures: dict[str, dict[str, Any]], key: str, count: int = 3) -> list[tuple[str, float]]:
    """The ``count`` SKUs with the highest ``key`` (zeros and unknowns left out)."""
    ranked: list[tuple[str, float]] = []
    for sku, figure in figures.items():
        value = figure.get(key)
        if isinstance(value, (int, float)) and value:
            ranked.append((sku, value))
    return sorted(ranked, key=lambda pair: -pair[1])[:count]


class SessionDetailsDialog(QDialog):
    loaded = Signal(object)  # the SessionDetails shown
    failed = Signal(str)
    exported = Signal(object)  # the CSV file written

    def __init__(self, layout: ShareLayout, runner: TaskRunner, client: str, session: str,
                 list_name: str, *, stale_after: float = 180.0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionDetailsDialog")
        self.setWindowTitle(self.tr("Session Details: {session} · {list}").format(
            session=session, list=list_name))
        self.resize(980, 740)
        self.share, self.runner, self.stale_after = layout, runner, stale_after
        self.client, self.session, self.list_name = client, session, list_name
        self.details: SessionDetails | None = None
        self.status = named(QLabel(self.tr("Loading…")), "detailsStatus")
        self.tabs = named(QTabWidget(), "detailsTabs")
        self.export_button = named(QPushButton(self.tr("E&xport…")), "detailsExport")
        self.refresh_button = named(QPushButton(self.tr("↻ &Refresh")), "detailsRefresh")
        self.close_button = named(QPushButton(self.tr("Close")), "closeButton")
        self.choose_export_file: Callable[[QWidget, str], Path | None] = ask_export_file
        self.export_button.clicked.connect(self.export_tab)
        self.refresh_button.clicked.connect(self.reload)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.export_button, self.refresh_button, self.close_button):
            button.setAutoDefault(False)  # Return in the order filter must not close
            buttons.addWidget(button)
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs, 1)
        outer.addLayout(buttons)
        self._keys()
        self.reload()

    def _keys(self) -> None:
        """Ctrl+Tab, Ctrl+Shift+Tab and Ctrl+1… the tabs; Ctrl+F the order filter; Ctrl+E
        export; F5 refresh; Escape closes (docs/keyboard.md)."""
        keyed(self.refresh_button, "F5")
        keyed(self.export_button, "Ctrl+E", self.tr("Export this tab's table to CSV"))
        self.close_button.setToolTip(hint(self.close_button.text(), "Escape"))
        shortcut(self, "Ctrl+Tab", lambda: self.show_tab(self.tabs.currentIndex() + 1))
        shortcut(self, "Ctrl+Shift+Tab",  # Shift+Tab arrives as Backtab: this takes both
                 lambda: self.show_tab(self.tabs.currentIndex() - 1))
        for number in range(1, 10):
            shortcut(self, f"Ctrl+{number}", partial(self.show_tab, number - 1, wrap=False))
        shortcut(self, "Ctrl+F", self.find_order)

    def _buttons_last(self) -> None:
        """Tab goes through the tab bar and the pages, then Export, Refresh and Close (new
        pages join the focus chain at its end, after the buttons)."""
        chain, widget = [], self.nextInFocusChain()
        while widget is not self and widget not in chain:
            chain.append(widget)
            widget = widget.nextInFocusChain()
        buttons = (self.export_button, self.refresh_button, self.close_button)
        rest = [w for w in chain if w not in buttons and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        for before, after in pairwise([*rest[-1:], *buttons]):
            QWidget.setTabOrder(before, after)

    def export_tab(self) -> None:
        """The current tab's table to a CSV file the user names (written on the runner)."""
        page = self.tabs.currentWidget()
        headers, rows = tab_table(page) if page is not None else ([], [])
        if not rows:
            self.status.setText(self.tr("This tab has no rows to export."))
            return
        suggested = f"{self.session}_{self.list_name}_{self.tabs.currentIndex() + 1}.csv"
        path = self.choose_export_file(self, suggested)
        if path is None:
            return
        self.status.setText(self.tr("Exporting {n} rows…").format(n=len(rows)))
        self.runner.submit(write_csv, (headers, rows), path, owner=self,
                           on_done=lambda out: self._exported(out, len(rows)),
                           on_error=lambda why: self.status.setText(
                               self.tr("Export failed: {reason}").format(reason=why)))

    def _exported(self, path: Path, count: int) -> None:
        self.status.setText(self.tr("Exported {n} rows to {file}").format(n=count, file=path))
        self.exported.emit(path)

    def show_tab(self, index: int, *, wrap: bool = True) -> None:
        count = self.tabs.count()
        if count and (wrap or index < count):
            self.tabs.setCurrentIndex(index % count)
            self.tabs.tabBar().setFocus()  # the arrows go on from there

    def find_order(self) -> None:
        """The Orders tab, with the cursor in its filter."""
        if self.details is not None:
            self.tabs.setCurrentWidget(self.orders_tab)
            self.orders_tab.search.setFocus()
            self.orders_tab.search.selectAll()

    def changeEvent(self, event: QEvent) -> None:
        """A theme switch redraws the charts (tables and the order tree follow by
        themselves, see ``OrdersTab.changeEvent``)."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            for view in self.findChildren(QChartView):
                follow_theme(view)

    def reload(self) -> None:
        self.status.setText(self.tr("Loading…"))
        self.runner.submit(load_details, self.share, self.client, self.session, self.list_name,
                           stale_after=self.stale_after, on_done=self._loaded,
                           on_error=self._failed, owner=self)

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("Cannot read this list: {reason}").format(reason=message))
        self.failed.emit(message)

    def _loaded(self, details: SessionDetails) -> None:
        self.details = details
        current = self.tabs.currentIndex()
        while self.tabs.count():  # clear() keeps the old pages alive; a reload must free them
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if page is not None:
                page.deleteLater()
        self.tabs.addTab(self._overview(details), self.tr("Overview"))
        self.orders_tab = OrdersTab(details)
        self.tabs.addTab(self.orders_tab, self.tr("Orders ({n})").format(
            n=self.orders_tab.order_total))
        if has_ledger(details.summary):  # packed elsewhere, packed again, conflicts
            self.tabs.addTab(LedgerTab(details.summary), self.tr("Packed once"))
        self.tabs.addTab(metrics_page(details), self.tr("Metrics"))
        self.tabs.addTab(self._skus(details), self.tr("SKUs"))
        self.tabs.setCurrentIndex(max(0, current))
        for number in range(self.tabs.count()):
            self.tabs.setTabToolTip(number, hint(self.tabs.tabText(number), f"Ctrl+{number + 1}"))
        self._buttons_last()
        self.status.setText("; ".join(details.notes) if details.notes
                            else _tr(SOURCES[details.source]))
        self.loaded.emit(details)

    # ------------------------------------------------------------------ tabs

    def _overview(self, d: SessionDetails) -> QWidget:
        s = d.summary
        workers = [w for w in s.get("workers") or () if isinstance(w, dict)]
        who = ", ".join(self.tr("{name} ({units} units, {orders} orders)").format(
            name=w.get("worker_name"), units=w.get("units_packed", 0),
            orders=w.get("orders_completed", 0)) for w in workers) or "—"
        client = d.client_id.removeprefix("CLIENT_")  # as the browser names it: M, not CLIENT_M
        rows = ((self.tr("Session"), d.session_id), (self.tr("Client"), client),
                (self.tr("Packing list"), d.list_name),
                (self.tr("Status"), f"{wording.status(d.status)} ({_tr(SOURCES[d.source])})"),
                (self.tr("Worker"), _known(s.get("worker_name"))), (self.tr("Workers"), who),
                (self.tr("PC"), s.get("pc_name") or s.get("worker_pc") or "—"),
                (self.tr("Started"), format_time(s.get("started_at"))),
                (self.tr("Completed"), format_time(s.get("completed_at"))),
                (self.tr("Packing time"), format_duration(s.get("duration_seconds"))),
                (self.tr("Orders"), f"{s.get('completed_orders', 0)} / {s.get('total_orders', 0)}"),
                (self.tr("Skipped"), str(s.get("skipped_orders_count", 0))),
                (self.tr("Started, not finished"), str(s.get("in_progress_orders", 0))),
                (self.tr("Units"), f"{s.get('packed_items', 0)} / {s.get('total_items', 0)}"),
                (self.tr("Distinct SKUs"), str(s.get("unique_skus", "—"))), *overview_rows(s))
        page = named(QWidget(), "detailsOverview")
        form = QFormLayout(page)
        for label, value in rows:
            field = QLabel(str(value))
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, field)
        checked, skipped = (int(s.get(k) or 0) for k in ("second_checks_count",
                                                          "second_checks_skipped_count"))
        if checked or skipped:
            form.addRow(self.tr("Second checks"), QLabel(self.tr(
                "{checked} checked by a second worker, {skipped} skipped (Orders tab)").format(
                    checked=checked, skipped=skipped)))
        if d.lock is not None:
            form.addRow(self.tr("Lock"), QLabel(wording.lock(d.lock)))
        for note in d.notes:
            form.addRow(self.tr("Note"), QLabel(note))
        return page

    def _skus(self, d: SessionDetails) -> QWidget:
        figures = {k: v for k, v in (d.summary.get("sku_figures") or {}).items()
                   if isinstance(v, dict)}
        page = named(QWidget(), "detailsSkus")
        layout = QVBoxLayout(page)
        slow = ", ".join(self.tr("{sku} ({value} s/unit)").format(
            sku=sku, value=local_time.decimal(value)) for sku, value in
                         top(figures, "avg_seconds_per_unit")) or "—"
        missed = ", ".join(f"{sku} ({value})" for sku, value in top(figures, "misscans")) or "—"
        self.slowest = named(QLabel(self.tr("Slowest SKUs: {skus}").format(skus=slow)),
                             "slowestSkus")
        self.misscanned = named(QLabel(self.tr("Most misscanned: {skus}").format(skus=missed)),
                                "mostMisscanned")
        layout.addWidget(self.slowest)
        layout.addWidget(self.misscanned)
        if not figures:
            layout.addWidget(QLabel(self.tr("This summary has no per-SKU figures (it was "
                                            "packed with an older version of the program).")))
        rows = [(sku, *(f.get(k) for k in SKU_KEYS)) for sku, f in figures.items()]
        self.sku_table = table("skuTable", [_tr(c) for c in SKU_COLUMNS], rows)
        layout.addWidget(self.sku_table, 1)
        return page
