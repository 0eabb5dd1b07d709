"""The Metrics tab of Session Details: the list's timing figures, units and orders per hour
(chart and table) and each order's duration (chart and table)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from packing_tool.storage.session_details import SessionDetails
from packing_tool.ui import local_time
from packing_tool.ui.charts import bar_chart, line_chart
from packing_tool.ui.tables import table
from packing_tool.ui.widgets import named

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


def _tr(text: str) -> str:
    return QCoreApplication.translate("SessionDetailsDialog", text)  # the dialog's context


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


def metrics_page(d: SessionDetails) -> QWidget:
    """Page ``detailsMetrics`` in a scroll area: charts ``hourlyChart`` and
    ``orderDurationChart``, tables ``orderMetrics`` and ``hourMetrics``."""
    metrics = d.summary.get("metrics") or {}
    page = named(QWidget(), "detailsMetrics")
    layout = QVBoxLayout(page)
    if not d.ended:
        layout.addWidget(named(QLabel(_tr("Live figures: the list is not ended, they "
                                          "grow as it is packed.")), "liveNotice"))
    form = QFormLayout()
    for key, label, unit in METRICS:
        value = metrics.get(key)
        form.addRow(_tr(label), QLabel(_figure(value, unit)))
    layout.addLayout(form)
    hours = [f"{local_time.day(h.start, year=False)} {local_time.clock(h.start)}"
             for h in d.hourly]
    hourly_chart = bar_chart(
        _tr("Units and orders per hour"), hours,
        {_tr("Units"): [h.units for h in d.hourly],
         _tr("Orders"): [h.orders for h in d.hourly]},
        name="hourlyChart", y_title=_tr("count"))
    orders = [o for o in d.summary.get("orders") or () if isinstance(o, dict)]
    points = [(n, float(o.get("duration_seconds") or 0.0)) for n, o in enumerate(orders, 1)]
    duration_chart = line_chart(
        _tr("Order durations (in completion order)"), points, name="orderDurationChart",
        x_title=_tr("order"), y_title=_tr("seconds"), label=_tr("active seconds"))
    charts = QHBoxLayout()
    charts.addWidget(hourly_chart)
    charts.addWidget(duration_chart)
    layout.addLayout(charts)
    per_order = []
    for o in orders:
        units, seconds = o.get("items_count") or 0, o.get("duration_seconds")
        per_unit = (round(seconds / units, 1)
                    if isinstance(seconds, (int, float)) and units else None)
        per_order.append((str(o.get("order_number")), seconds, units, per_unit,
                          o.get("time_to_first_scan_seconds")))
    order_table = table("orderMetrics", (_tr("Order"), _tr("Seconds"), _tr("Units"),
                                         _tr("s/unit"), _tr("First scan s")), per_order)
    hour_table = table("hourMetrics", (_tr("Hour"), _tr("Units"), _tr("Orders")),
                       [(label, h.units, h.orders)
                        for label, h in zip(hours, d.hourly, strict=True)])
    for widget in (order_table, hour_table):
        widget.setMinimumHeight(180)  # the page scrolls; tables must not shrink to a line
        layout.addWidget(widget)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(page)
    return scroll
