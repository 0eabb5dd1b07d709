"""The packer screen's widgets, layout, shortcuts and focus rule (``PackerMode`` adds the work).

The scan field keeps the keyboard focus whatever is clicked or hovered: buttons, table and
panels never take it, and any child that gets it anyway hands it straight back. Dialogs
are separate windows, so they are left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from packing_tool.ui.feedback import FeedbackBanner
from packing_tool.ui.items_table import ItemsTable
from packing_tool.ui.order_panel import OrderPanel
from packing_tool.ui.packer_status import ProgressPanel, RecentScans
from packing_tool.ui.remaining_orders import TOGGLE_KEY, RemainingOrdersPanel
from packing_tool.ui.scan_input import ScanInput
from packing_tool.ui.tables import rows_height
from packing_tool.ui.widgets import named

MIN_ITEM_ROWS = 2  # the order's lines shown at least, however small the screen
SHORTCUTS = {"skip": "F5", "undo": "Ctrl+Z", "manual": "F8", "keep": "F6", "remove": "F7",
             "repack": "F9", "end": "Ctrl+E"}
BUTTONS = {  # action → (objectName, caption)
    "undo": ("undoButton", QT_TRANSLATE_NOOP("PackerScreen", "Undo")),
    "manual": ("manualButton", QT_TRANSLATE_NOOP("PackerScreen", "Confirm by hand")),
    "skip": ("skipOrderButton", QT_TRANSLATE_NOOP("PackerScreen", "Skip order")),
    "repack": ("repackButton", QT_TRANSLATE_NOOP("PackerScreen", "Pack again…")),
    "keep": ("keepExtraButton", QT_TRANSLATE_NOOP("PackerScreen", "Keep extra")),
    "remove": ("removeExtraButton", QT_TRANSLATE_NOOP("PackerScreen", "Remove extra")),
    "end": ("endSessionButton", QT_TRANSLATE_NOOP("PackerScreen", "End session")),
}


def _button(action: str) -> QPushButton:
    name, caption = BUTTONS[action]
    caption = QCoreApplication.translate("PackerScreen", caption)
    button = named(QPushButton(f"{caption} ({SHORTCUTS[action]})"), name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click must never take the scanner's focus
    return button


class PackerScreen(QWidget):
    """Widget ``packerMode``: every part of the screen, no behaviour of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packerMode")
        self.order_panel = OrderPanel()
        self.items = ItemsTable()
        self.feedback = FeedbackBanner()
        self.progress = ProgressPanel()
        self.recent = RecentScans()
        self.remaining = RemainingOrdersPanel()  # the orders still to pack; F4 hides it
        self.scan_input = ScanInput()
        self.scan_notice = named(QLabel(), "scanNotice")  # scans queued behind a question
        self.scan_notice.setWordWrap(True)
        self.scan_notice.hide()
        self.extras_box = named(QFrame(), "extrasBox")
        self.extras_label = named(QLabel(), "extrasLabel")
        self.extras_label.setWordWrap(True)
        self.buttons = {action: _button(action) for action in BUTTONS}
        self.undo_button, self.manual_button = self.buttons["undo"], self.buttons["manual"]
        self.skip_button, self.end_button = self.buttons["skip"], self.buttons["end"]
        self.keep_button, self.remove_button = self.buttons["keep"], self.buttons["remove"]
        self.repack_button = self.buttons["repack"]
        self._lay_out()
        self.setFocusProxy(self.scan_input)
        toggle = QShortcut(QKeySequence(TOGGLE_KEY), self)
        toggle.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        toggle.activated.connect(self.remaining.toggle)
        self.scan_input.pass_on(QKeySequence(TOGGLE_KEY))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def _lay_out(self) -> None:
        """Fits a maximised 1366 x 768 (or 1280 x 720) station screen: the order's items, the
        banner, the scan field and the buttons always show; the items and the orders to pack
        share the left column through a splitter (half each, a few rows each at least), and
        the recent scans take what the right column has left."""
        extras = QGridLayout(self.extras_box)
        extras.setContentsMargins(0, 0, 0, 0)
        extras.addWidget(self.extras_label, 0, 0, 1, 2)
        extras.addWidget(self.keep_button, 1, 0)
        extras.addWidget(self.remove_button, 1, 1)
        actions = QHBoxLayout()
        for button in (self.undo_button, self.manual_button, self.skip_button,
                       self.repack_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.end_button)
        self.items.setMinimumHeight(rows_height(self.items, MIN_ITEM_ROWS))
        self.split = named(QSplitter(Qt.Orientation.Vertical), "packerSplit")
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.items)
        self.split.addWidget(self.remaining)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        left = QVBoxLayout()
        left.addWidget(self.order_panel)
        left.addWidget(self.split, 1)
        self.recent.setMinimumHeight(rows_height(self.recent, 1))
        right = QVBoxLayout()
        for widget, stretch in ((self.feedback, 0), (self.progress, 0), (self.extras_box, 0),
                                (self.recent, 1)):
            right.addWidget(widget, stretch)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(6)
        layout.addLayout(body, 1)
        layout.addWidget(self.scan_input)
        layout.addWidget(self.scan_notice)
        layout.addLayout(actions)

    def bind_actions(self, actions: Mapping[str, Callable[[], object]]) -> None:
        """Connect each action's button and keyboard shortcut to its slot."""
        for action, slot in actions.items():
            self.buttons[action].clicked.connect(slot)
            sequence = QKeySequence(SHORTCUTS[action])
            shortcut = QShortcut(sequence, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.scan_input.pass_on(sequence)

    def refocus(self) -> None:
        if self.isVisible():
            self.scan_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        # Anything inside this screen that takes the focus gives it back to the scan field.
        if now is not None and now is not self.scan_input and self.isAncestorOf(now):
            self.scan_input.setFocus(Qt.FocusReason.OtherFocusReason)
