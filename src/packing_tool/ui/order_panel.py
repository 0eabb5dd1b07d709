"""The current order at a glance: number, courier, country, box, type, tags and notes."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from packing_tool.domain.orders import Order
from packing_tool.ui.widgets import named

EMPTY = frozenset({"", "nan", "none", "null"})  # what spreadsheets leave for "nothing"
SHRINK_TO = 40  # px: the least a long chip (tags, notes) keeps
CHIPS = ("courier", "country", "type", "box", "tags", "notes")


def shown(value: object) -> str:
    """``value`` as text, or "" when it means nothing."""
    text = str(value).strip() if value is not None else ""
    return "" if text.casefold() in EMPTY else text


def joined(values: Iterable[str]) -> str:
    return ", ".join(v for v in (shown(x) for x in values) if v)


def chip_texts(order: Order) -> dict[str, str]:
    """The chips one order shows (an empty text hides the chip)."""
    return {
        "courier": shown(order.courier),
        "country": shown(order.country),
        "type": shown(order.order_type),
        "box": QCoreApplication.translate("OrderPanel", "Box {box}").format(
            box=shown(order.min_box)) if shown(order.min_box) else "",
        "tags": joined((*order.tags, *order.internal_tags)),
        "notes": shown(order.notes) or shown(order.system_note),
    }


class OrderPanel(QFrame):
    """Frame ``orderPanel``: the order number in large type, then its chips."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderPanel")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.number = named(QLabel(), "orderNumber")
        self.hint = named(QLabel(), "orderHint")
        self.hint.setWordWrap(True)
        self.chips: dict[str, QLabel] = {}
        row = QHBoxLayout()  # the number, then its chips: one line, for small screens
        row.addWidget(self.number)
        row.addSpacing(8)
        for name in CHIPS:
            chip = named(QLabel(), "orderChip")
            chip.setProperty("chip", name)
            chip.setTextFormat(Qt.TextFormat.PlainText)
            chip.setWordWrap(name == "notes")
            if name in ("tags", "notes"):  # long ones are cut, never widen the window
                chip.setMinimumWidth(SHRINK_TO)
            chip.hide()
            self.chips[name] = chip
            row.addWidget(chip)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        self.show_idle(self.tr("Scan an order label to start."))

    def show_order(self, order: Order, hint: str = "") -> None:
        self.number.setText(self.tr("Order {order}").format(order=order.order_number))
        for name, text in chip_texts(order).items():
            self.chips[name].setText(text)
            self.chips[name].setVisible(bool(text))
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

    def show_idle(self, hint: str, title: str = "") -> None:
        self.number.setText(title or self.tr("No order open"))
        for chip in self.chips.values():
            chip.hide()
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

    def visible_chips(self) -> dict[str, str]:
        """Chip name → text of the chips shown now (for tests and automation)."""
        return {n: c.text() for n, c in self.chips.items() if not c.isHidden()}
