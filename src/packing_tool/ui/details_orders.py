"""The Orders tab of Session Details: each order, and under it every scan as a timeline.

An order's scans are added when it is first expanded, so a list of thousands of orders opens
at once. Each scan is marked (manual, extra, undo, unknown, wrong, …) by text and colour; a
scan that a later undo reversed is struck through.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from packing_tool.domain.events import EventKind, Outcome
from packing_tool.storage.session_details import SessionDetails, TimelineEntry
from packing_tool.ui import local_time, wording
from packing_tool.ui.browser_texts import format_duration
from packing_tool.ui.details_ledger import ELSEWHERE_STATUS, elsewhere_rows, ledger_marks
from packing_tool.ui.key_hints import hint, shortcut
from packing_tool.ui.themes import mark_colour
from packing_tool.ui.widgets import named
from shared.timestamps import parse_timestamp

COLUMNS = (QT_TRANSLATE_NOOP("OrdersTab", "Order / Scan"),
           QT_TRANSLATE_NOOP("OrdersTab", "Status"), QT_TRANSLATE_NOOP("OrdersTab", "Time"),
           QT_TRANSLATE_NOOP("OrdersTab", "From start"),
           QT_TRANSLATE_NOOP("OrdersTab", "Units"), QT_TRANSLATE_NOOP("OrdersTab", "Worker"),
           QT_TRANSLATE_NOOP("OrdersTab", "Marks"))
AUTO_EXPAND = 10  # orders; a short list opens fully expanded
MARK_TEXT = {
    "order": QT_TRANSLATE_NOOP("OrdersTab", "▶ order"),
    "ok": QT_TRANSLATE_NOOP("OrdersTab", "✓ scan"),
    "complete": QT_TRANSLATE_NOOP("OrdersTab", "✓ completes order"),
    "manual": QT_TRANSLATE_NOOP("OrdersTab", "✎ manual"),
    "extra": QT_TRANSLATE_NOOP("OrdersTab", "+ extra"),
    "undo": QT_TRANSLATE_NOOP("OrdersTab", "⟲ undo"),
    "unknown": QT_TRANSLATE_NOOP("OrdersTab", "? unknown"),
    "wrong": QT_TRANSLATE_NOOP("OrdersTab", "✗ wrong item"),
    "skip": QT_TRANSLATE_NOOP("OrdersTab", "⇥ skipped"),
    "handover": QT_TRANSLATE_NOOP("OrdersTab", "⇄ handover"),
    "ignored": QT_TRANSLATE_NOOP("OrdersTab", "· ignored"),
    "repack": QT_TRANSLATE_NOOP("OrdersTab", "↻ packed again"),
    "second_check": QT_TRANSLATE_NOOP("OrdersTab", "✔ second check"),
    "check_skipped": QT_TRANSLATE_NOOP("OrdersTab", "⚠ second check skipped"),
}
MARK_COLOUR = {"second_check": "complete", "check_skipped": "conflict"}  # themes' mark colours
CHECK_MARKS = {EventKind.SECOND_CHECK.value: "second_check",
               EventKind.SECOND_CHECK_SKIPPED.value: "check_skipped"}
LOADED = Qt.ItemDataRole.UserRole  # set on an order item once its scans are added
LOOSE = Qt.ItemDataRole.UserRole + 2  # the row of scans that matched no order
MARK_ROLE = Qt.ItemDataRole.UserRole + 1  # a scan row's mark, for tests and automation
COLOUR_ROLE = Qt.ItemDataRole.UserRole + 3  # the theme colour's name of a row's text
INSIDE = Qt.ShortcutContext.WidgetWithChildrenShortcut  # keys of the tab act within it


def _paint(item: QTreeWidgetItem, colour: str) -> None:
    """Every cell of ``item`` in the theme's text colour ``colour`` (kept for a theme switch)."""
    item.setData(0, COLOUR_ROLE, colour)
    brush = QBrush(QColor(mark_colour(colour)))
    for column in range(len(COLUMNS)):
        item.setForeground(column, brush)


def order_flags(order: dict[str, Any]) -> str:
    marks = ledger_marks(order)  # packed again, conflict, packed elsewhere
    parts = [marks] if marks else []
    for key, sign in (("corrections", QT_TRANSLATE_NOOP("OrdersTab", "⟲ {} undo")),
                      ("extra_scans_count", QT_TRANSLATE_NOOP("OrdersTab", "+ {} extra")),
                      ("wrong_item_scans_count", QT_TRANSLATE_NOOP("OrdersTab", "✗ {} wrong")),
                      ("unknown_scans_count",
                       QT_TRANSLATE_NOOP("OrdersTab", "? {} unknown/wrong")),
                      ("manual_units", QT_TRANSLATE_NOOP("OrdersTab", "✎ {} manual"))):
        value = order.get(key)
        if isinstance(value, int) and value:
            parts.append(_tr(sign).format(value))
    check = order.get("second_check")
    if isinstance(check, dict) and check.get("status") == "skipped":
        parts.append(_tr(QT_TRANSLATE_NOOP("OrdersTab", "⚠ second check skipped: {}")).format(
            check.get("reason", "")))
    elif isinstance(check, dict):
        parts.append(_tr(QT_TRANSLATE_NOOP("OrdersTab", "✔ checked by {}")).format(
            check.get("checker_name", "")))
    return " · ".join(parts)


def timeline_mark(entry: TimelineEntry) -> str:
    """The entry's mark; a re-pack is marked as one whatever the storage layer called it."""
    if entry.kind == EventKind.REPACK.value and entry.outcome == Outcome.REPACK_STARTED.value:
        return "repack"
    if entry.kind in CHECK_MARKS and entry.outcome == Outcome.ORDER_COMPLETE.value:
        return CHECK_MARKS[entry.kind]  # the row's worker is the checker
    return entry.mark


def _tr(text: str) -> str:  # for the texts marked above
    return QCoreApplication.translate("OrdersTab", text)


def _clock(value: object) -> str:
    moment = parse_timestamp(value)
    return local_time.clock(moment, seconds=True) if moment else "—"


class OrdersTab(QWidget):
    def __init__(self, details: SessionDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsOrders")
        self.details = details
        self.search = named(QLineEdit(), "orderFilter")
        self.search.setPlaceholderText(hint(self.tr("Filter by order number…"), "Ctrl+F"))
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.go_to_orders)
        expand = named(QPushButton(self.tr("&Expand all")), "expandAll")
        collapse = named(QPushButton(self.tr("C&ollapse all")), "collapseAll")
        self.count = named(QLabel(""), "orderCount")
        self.tree = named(QTreeWidget(), "ordersTree")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels([_tr(c) for c in COLUMNS])
        # Wide enough for the Bulgarian words and a worker's full name ("Елена Димитрова").
        for column, width in enumerate((190, 195, 75, 110, 70, 150)):
            self.tree.setColumnWidth(column, width)
        self.tree.setUniformRowHeights(True)
        self.tree.itemExpanded.connect(self._fill)
        expand.clicked.connect(self.tree.expandAll)
        collapse.clicked.connect(self.tree.collapseAll)
        for button, keys in ((expand, ("Ctrl++", "Ctrl+=")), (collapse, ("Ctrl+-",))):
            button.setAutoDefault(False)
            shortcut(self, keys, button.click, context=INSIDE)
            button.setToolTip(hint(button.text(), *keys[:1]))
        bar = QHBoxLayout()
        for widget in (self.search, expand, collapse, self.count):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tree)
        self._populate()

    def _populate(self) -> None:
        orders = self.details.orders()
        known = {str(o.get("order_number")) for o in orders}
        orders += [o for o in elsewhere_rows(self.details.summary)
                   if str(o.get("order_number")) not in known]
        skipped = {str(o.get("order_number")) for o in
                   self.details.summary.get("skipped_orders") or () if isinstance(o, dict)}
        items = []
        for order in orders:
            number = str(order.get("order_number"))
            status = "skipped" if number in skipped else str(order.get("status") or "")
            by = order.get("completed_by")
            item = QTreeWidgetItem([
                number, wording.order_status(status), _clock(order.get("started_at")),
                format_duration(order.get("duration_seconds")),
                f"{order.get('items_count', 0)}/{order.get('units_required', '?')}",
                by.get("worker_name", "") if isinstance(by, dict) else "", order_flags(order)])
            item.setData(0, LOADED, False)
            item.setChildIndicatorPolicy(
                QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator
                if self.details.timelines.get(number) else
                QTreeWidgetItem.ChildIndicatorPolicy.DontShowIndicator)
            colour = {"skipped": "skip", ELSEWHERE_STATUS: "skip"}.get(status)
            colour = "conflict" if order.get("also_packed") else colour
            if colour is not None:
                _paint(item, colour)
            items.append(item)
        if self.details.loose_events:
            loose = QTreeWidgetItem([self.tr("(no order)"), "", "", "", "", "",
                                     self.tr("{n} scan(s) matched no order").format(
                                         n=len(self.details.loose_events))])
            loose.setData(0, LOADED, False)
            loose.setData(0, LOOSE, True)
            loose.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            items.append(loose)
        self.tree.addTopLevelItems(items)
        self.order_total = len(orders)
        if len(orders) <= AUTO_EXPAND:
            self.tree.expandAll()
        self._filter("")

    def timeline(self, item: QTreeWidgetItem) -> tuple[TimelineEntry, ...]:
        if item.data(0, LOOSE):
            return self.details.loose_events
        return self.details.timelines.get(item.text(0), ())

    def _fill(self, item: QTreeWidgetItem) -> None:
        if item.parent() is not None or item.data(0, LOADED):
            return
        item.setData(0, LOADED, True)
        entries = self.timeline(item)
        start = entries[0].at if entries else None
        item.addChildren([self._scan_item(e, start) for e in entries])

    @staticmethod
    def _scan_item(entry: TimelineEntry, start: Any) -> QTreeWidgetItem:
        what = entry.sku or entry.code or wording.outcome_name(entry.outcome)
        if entry.reason:
            what = f"{what} ({entry.reason})"
        offset = "+" + local_time.duration((entry.at - start).total_seconds()) if (
            start is not None) else ""
        mark = timeline_mark(entry)
        marks = _tr(MARK_TEXT[mark]) if mark in MARK_TEXT else mark
        if entry.undone:
            marks += QCoreApplication.translate("OrdersTab", " (undone)")
        child = QTreeWidgetItem([
            what, wording.outcome_name(entry.outcome),
            local_time.clock(entry.at, seconds=True), offset,
            f"×{entry.quantity}" if entry.quantity else "", entry.worker_name, marks])
        _paint(child, MARK_COLOUR.get(mark, mark))
        if entry.undone:
            font = QFont()
            font.setStrikeOut(True)
            child.setFont(0, font)
        child.setData(0, MARK_ROLE, mark)
        return child

    def go_to_orders(self) -> None:
        """From the filter to the first order shown (Return), where the arrows go on."""
        shown = [self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount())]
        first = next((item for item in shown if item is not None and not item.isHidden()), None)
        if first is not None:
            self.tree.setCurrentItem(first)
        self.tree.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        """A theme switch re-colours the orders and scans already shown."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            for number in range(self.tree.topLevelItemCount()):
                order = self.tree.topLevelItem(number)
                if order is None:
                    continue
                if order.data(0, COLOUR_ROLE):
                    _paint(order, str(order.data(0, COLOUR_ROLE)))
                for row in range(order.childCount()):
                    scan = order.child(row)
                    _paint(scan, str(scan.data(0, COLOUR_ROLE)))

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold().lstrip("#")
        shown = 0
        for number in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(number)
            if item is None:
                continue
            hide = bool(needle) and needle not in item.text(0).casefold()
            item.setHidden(hide)
            shown += not hide and not item.data(0, LOOSE)
        self.count.setText(self.tr("Showing {shown} of {total} orders").format(
            shown=shown, total=self.order_total))
