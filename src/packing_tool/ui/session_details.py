"""Session Details: one packing list's overview, orders with their scans, metrics and SKUs.

The data is loaded on the runner (``storage.session_details.load_details``): the summary of
an ended list, or a live replay of the journal of one still being packed, so the dialog
never shows "Unknown" for a list it could read and never copies the metrics maths.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.session_details import SessionDetails, load_details
from packing_tool.ui import local_time, wording
from packing_tool.ui.browser_model import format_duration, format_time
from packing_tool.ui.charts import bar_chart, line_chart
from packing_tool.ui.details_ledger import LedgerTab, has_ledger, overview_rows
from packing_tool.ui.details_orders import OrdersTab
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.tables import table
from packing_tool.ui.widgets import named

CONTEXT = "SessionDetailsDialog"
# Where the figures come from, in plain words (translated when shown).
SOURCES = {"summary": QT_TRANSLATE_NOOP("SessionDetailsDialog", "ended: the final figures"),
           "journal": QT_TRANSLATE_NOOP("SessionDetailsDialog",
                                        "live: counted from the scans so far"),
           "state": QT_TRANSLATE_NOOP("SessionDetailsDialog",
                                      "packed with an older version of the program"),
           "none": QT_TRANSLATE_NOOP("SessionDetailsDialog", "nothing packed yet")}
METRICS = (
    ("avg_time_per_order", QT_TRANSLATE_NOOP("SessionDetailsDialog", "Average time per order"),
     "s"),
    ("fastest_order_seconds", QT_TRANSLATE_NOOP("SessionDetailsDialog", "Fastest order"), "s"),
    ("slowest_order_seconds", QT_TRANSLATE_NOOP("SessionDetailsDialog", "Slowest order"), "s"),
    ("avg_time_to_first_scan",
     QT_TRANSLATE_NOOP("SessionDetailsDialog", "Average time to first scan"), "s"),
    ("avg_time_per_item", QT_TRANSLATE_NOOP("SessionDetailsDialog", "Average time per item"),
     "s"),
    ("orders_per_hour", QT_TRANSLATE_NOOP("SessionDetailsDialog", "Orders per hour"), ""),
    ("items_per_hour", QT_TRANSLATE_NOOP("SessionDetailsDialog", "Items per hour"), ""),
    ("total_corrections", QT_TRANSLATE_NOOP("SessionDetailsDialog", "Corrections (undo)"), ""),
    ("avg_corrections_per_order",
     QT_TRANSLATE_NOOP("SessionDetailsDialog", "Corrections per order"), ""),
    ("total_extra_scans", QT_TRANSLATE_NOOP("SessionDetailsDialog", "Extra scans"), ""),
    ("total_unknown_scans", QT_TRANSLATE_NOOP("SessionDetailsDialog", "Unknown or wrong scans"),
     ""))
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


def _figure(value: Any, unit: str) -> str:
    """A metric as shown: "12,5 s" in Bulgarian; a dash when unknown."""
    if value is None:
        return "—"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = local_time.number(value) if float(value).is_integer() else local_time.decimal(
            float(value), 2 if abs(value) < 10 else 1)
    else:
        text = str(value)
    seconds = QCoreApplication.translate("SessionDetailsDialog", "s")  # the only unit
    return f"{text} {seconds}" if unit else text
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
        refresh, close = QPushButton(self.tr("↻ Refresh")), QPushButton(self.tr("Close"))
        refresh.clicked.connect(self.reload)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(refresh)
        buttons.addWidget(close)
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs, 1)
        outer.addLayout(buttons)
        self.reload()

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
        self.tabs.addTab(self._metrics(details), self.tr("Metrics"))
        self.tabs.addTab(self._skus(details), self.tr("SKUs"))
        self.tabs.setCurrentIndex(max(0, current))
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
        client = f"CLIENT_{d.client_id.removeprefix('CLIENT_')}"
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

    def _metrics(self, d: SessionDetails) -> QWidget:
        metrics = d.summary.get("metrics") or {}
        page = named(QWidget(), "detailsMetrics")
        layout = QVBoxLayout(page)
        if not d.ended:
            layout.addWidget(named(QLabel(self.tr("Live figures: the list is not ended, they "
                                                  "grow as it is packed.")), "liveNotice"))
        form = QFormLayout()
        for key, label, unit in METRICS:
            value = metrics.get(key)
            form.addRow(_tr(label), QLabel(_figure(value, unit)))
        layout.addLayout(form)
        hours = [f"{local_time.day(h.start, year=False)} {local_time.clock(h.start)}"
                 for h in d.hourly]
        self.hourly_chart = bar_chart(
            self.tr("Units and orders per hour"), hours,
            {self.tr("Units"): [h.units for h in d.hourly],
             self.tr("Orders"): [h.orders for h in d.hourly]},
            name="hourlyChart", y_title=self.tr("count"))
        orders = [o for o in d.summary.get("orders") or () if isinstance(o, dict)]
        points = [(n, float(o.get("duration_seconds") or 0.0)) for n, o in enumerate(orders, 1)]
        self.duration_chart = line_chart(
            self.tr("Order durations (in completion order)"), points, name="orderDurationChart",
            x_title=self.tr("order"), y_title=self.tr("seconds"),
            label=self.tr("active seconds"))
        charts = QHBoxLayout()
        charts.addWidget(self.hourly_chart)
        charts.addWidget(self.duration_chart)
        layout.addLayout(charts)
        per_order = []
        for o in orders:
            units, seconds = o.get("items_count") or 0, o.get("duration_seconds")
            per_unit = (round(seconds / units, 1)
                        if isinstance(seconds, (int, float)) and units else None)
            per_order.append((str(o.get("order_number")), seconds, units, per_unit,
                              o.get("time_to_first_scan_seconds")))
        order_table = table("orderMetrics", (self.tr("Order"), self.tr("Seconds"),
                                             self.tr("Units"), self.tr("s/unit"),
                                             self.tr("First scan s")), per_order)
        hour_table = table("hourMetrics", (self.tr("Hour"), self.tr("Units"), self.tr("Orders")),
                           [(label, h.units, h.orders)
                            for label, h in zip(hours, d.hourly, strict=True)])
        for widget in (order_table, hour_table):
            widget.setMinimumHeight(180)  # the page scrolls; tables must not shrink to a line
            layout.addWidget(widget)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        return scroll

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
