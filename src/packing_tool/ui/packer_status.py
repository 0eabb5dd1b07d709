"""Side panels of packer mode: order and session progress, set-aside orders, recent scans."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from packing_tool.domain.elsewhere import Elsewhere, Where
from packing_tool.ui import local_time, wording
from packing_tool.ui.feedback import shorten
from packing_tool.ui.themes import item_colours
from packing_tool.ui.widgets import named

RECENT_LIMIT = 100  # a shift's last minutes; older scans are in the journal
SHOWN_ORDERS = 8  # order numbers named in a one-line list; the rest are counted
SHOWN_WHERE = 3  # orders named with where they were packed (each is a long text)
KIND_ROLE = Qt.ItemDataRole.UserRole  # a recent-scan line's feedback kind (ok, warn, error…)


def elsewhere_hint(info: Elsewhere) -> str:
    """``packed elsewhere: in DHL_Orders of 2026-11-21_2 at PACK-01 by Иван, today 10:41``."""
    if info.note:
        text = QCoreApplication.translate("ProgressPanel", "elsewhere: {place}")
        return text.format(place=info.note)
    if info.state is Where.PACKED:
        text = QCoreApplication.translate("ProgressPanel", "packed elsewhere: {place}")
    else:
        text = QCoreApplication.translate("ProgressPanel", "being packed elsewhere: {place}")
    return text.format(place=wording.place(info))


def _named(numbers: Sequence[str], limit: int = SHOWN_ORDERS) -> str:
    more = len(numbers) - limit
    return ", ".join(numbers[:limit]) + (f" +{more}" if more > 0 else "")


class ProgressStrip(QWidget):
    """A progress bar that repaints with the next frame (QProgressBar repaints at once,
    about a millisecond per scan with a style sheet)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(26)
        self.done, self.total, self.text = 0, 0, ""

    def set(self, done: int, total: int, text: str) -> None:
        if (done, total, text) != (self.done, self.total, self.text):
            self.done, self.total, self.text = done, total, text
            self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = self.rect().adjusted(1, 1, -1, -1)
        palette = self.palette()
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 2))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(box, 6, 6)
        if self.total > 0 and self.done > 0:
            filled = QRectF(box).adjusted(2, 2, -2, -2)
            filled.setWidth(filled.width() * min(1.0, self.done / self.total))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(item_colours().bar))
            painter.drawRoundedRect(filled, 4, 4)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.text)
        painter.end()


class ProgressPanel(QFrame):
    """Labels ``orderProgress`` and ``sessionProgress`` with a bar under each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressPanel")
        self.order_label = named(QLabel(), "orderProgress")
        self.order_bar = ProgressStrip("orderProgressBar")
        self.session_label = named(QLabel(), "sessionProgress")
        self.session_bar = ProgressStrip("sessionProgressBar")
        self.skipped_label = named(QLabel(), "skippedLabel")
        self.elsewhere_label = named(QLabel(), "elsewhereLabel")
        self.conflicts_label = named(QLabel(), "conflictsLabel")
        for label in (self.session_label, self.skipped_label, self.elsewhere_label,
                      self.conflicts_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)  # names come from the share
        self.worker_label = named(QLabel(), "workerLabel")
        order = QHBoxLayout()  # the order's figures and bar on one line: small screens
        order.addWidget(self.order_label)
        order.addWidget(self.order_bar, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(3)
        layout.addLayout(order)
        for widget in (self.session_label, self.session_bar, self.skipped_label,
                       self.elsewhere_label, self.conflicts_label, self.worker_label):
            layout.addWidget(widget)
        self.show_order(None, 0, 0)
        self.show_elsewhere({})
        self.show_conflicts({})

    def show_order(self, number: str | None, packed: int, total: int) -> None:
        if number is None:
            self.order_label.setText(self.tr("Order: —"))
            self.order_bar.set(0, 0, "")
            return
        self.order_label.setText(self.tr("Order {order}: {packed} / {total} units").format(
            order=number, packed=packed, total=total))
        self.order_bar.set(packed, total, f"{packed} / {total}")

    def show_session(self, orders_done: int, orders_total: int, units_packed: int,
                     units_total: int, elsewhere: int = 0) -> None:
        """``elsewhere``: orders of this list packed in another list (not to be packed here)."""
        if elsewhere:
            orders = self.tr("{done} packed here, {elsewhere} packed elsewhere, of {total} "
                             "orders").format(done=orders_done, elsewhere=elsewhere,
                                              total=orders_total)
        else:
            orders = self.tr("{done} / {total} orders").format(done=orders_done,
                                                               total=orders_total)
        self.session_label.setText(self.tr("Session: {orders} · {packed} / {total} units").format(
            orders=orders, packed=units_packed, total=units_total))
        done = orders_done + elsewhere
        self.session_bar.set(done, orders_total, f"{done} / {orders_total}")

    def show_skipped(self, numbers: Sequence[str],
                     elsewhere: Mapping[str, Elsewhere] | None = None) -> None:
        """Orders set aside here; one packed elsewhere meanwhile says where."""
        elsewhere = elsewhere or {}
        named_ = [f"{n} ({elsewhere_hint(elsewhere[n])})" if n in elsewhere else n
                  for n in numbers]
        self.skipped_label.setText(self.tr("Set aside ({n}): {orders}").format(
            n=len(numbers), orders=_named(named_)) if numbers else "")
        self.skipped_label.setVisible(bool(numbers))

    def show_elsewhere(self, orders: Mapping[str, Elsewhere]) -> None:
        """Orders of this list packed in another list: their numbers (the list of them under
        the orders to pack says where; so does the tooltip, for the first few)."""
        packed = sorted(n for n, info in orders.items() if info.state is Where.PACKED)
        named_ = [f"{n} ({orders[n].note or wording.place(orders[n])})" for n in packed]
        said = self.tr("Packed elsewhere ({n}): {orders}")
        self.elsewhere_label.setText(said.format(n=len(packed), orders=_named(packed))
                                     if packed else "")
        self.elsewhere_label.setToolTip(said.format(n=len(packed), orders=_named(
            named_, SHOWN_WHERE)) if packed else "")
        self.elsewhere_label.setVisible(bool(packed))

    def show_conflicts(self, conflicts: Mapping[str, str]) -> None:
        """Orders packed here while the share was away that the ledger counts elsewhere."""
        numbers = sorted(conflicts)
        self.conflicts_label.setText(self.tr(
            "Conflicts ({n}): packed here while the share was away and also packed elsewhere: "
            "{orders}. They count once; tell a supervisor.").format(
            n=len(numbers), orders=_named(numbers)) if numbers else "")
        self.conflicts_label.setVisible(bool(numbers))

    def show_worker(self, name: str) -> None:
        self.worker_label.setText(self.tr("Packer: {name}").format(name=name))


class RecentScans(QListWidget):
    """List ``recentScans``: the newest scans and actions first, coloured by outcome."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recentScans")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        # a short list on a small screen: no scroll bar under its last line; a line too long
        # for the width is cut, and its tooltip holds it whole
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def add(self, at: datetime | None, scanned: str, message: str, kind: str) -> None:
        stamp = local_time.clock(at, seconds=True) if at is not None else "--:--:--"
        what = shorten(scanned, 32) if scanned else "·"
        self.insertItem(0, f"{stamp}  {what}  →  {message}")
        self.item(0).setData(KIND_ROLE, kind)
        self.item(0).setToolTip(self.item(0).text())
        self._colour(self.item(0))
        while self.count() > RECENT_LIMIT:
            self.takeItem(self.count() - 1)

    def changeEvent(self, event: QEvent) -> None:
        """A theme switch re-colours the lines already shown."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            for i in range(self.count()):
                self._colour(self.item(i))

    def _colour(self, item: QListWidgetItem) -> None:
        colour = item_colours().outcome_text.get(str(item.data(KIND_ROLE)))
        item.setData(Qt.ItemDataRole.ForegroundRole,
                     QBrush(QColor(colour)) if colour else None)  # None: the palette's text

    def texts(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]
