"""The big feedback banner: what the last scan or action meant, in words and in colour.

The banner's ``kind`` property (ok, complete, info, warn, error, idle) is what the theme
colours; the words for the domain's outcome and detail come from ``ui.wording``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from packing_tool.domain.events import Outcome
from packing_tool.domain.packer_views import ScanResult
from packing_tool.domain.whereabouts import ItemHome
from packing_tool.ui import wording
from packing_tool.ui.themes import set_style_property
from packing_tool.ui.widgets import named

OK, COMPLETE, INFO, WARN, ERROR, IDLE = "ok", "complete", "info", "warn", "error", "idle"
# Outcomes whose banner also says which order of the list the scanned item belongs to.
TELLS_HOME = frozenset({Outcome.WRONG_ITEM, Outcome.ORDER_NOT_FOUND})
KINDS = (OK, COMPLETE, INFO, WARN, ERROR, IDLE)

FEEDBACK_KIND: dict[Outcome, str] = {
    Outcome.ITEM_OK: OK,
    Outcome.MANUAL_CONFIRMED: OK,
    Outcome.EXTRA_KEPT: OK,
    Outcome.EXTRA_REMOVED: OK,
    Outcome.ORDER_COMPLETE: COMPLETE,
    Outcome.ORDER_LOADED: INFO,
    Outcome.ORDER_RESUMED: INFO,
    Outcome.ORDER_SKIPPED: INFO,
    Outcome.UNDONE: INFO,
    Outcome.WORKER_CHANGED: INFO,
    Outcome.EXTRA_ITEM: WARN,
    Outcome.DUPLICATE_READ: WARN,
    Outcome.ORDER_ALREADY_PACKED: WARN,
    Outcome.NOTHING_TO_UNDO: WARN,
    Outcome.WRONG_ITEM: ERROR,
    Outcome.UNKNOWN_BARCODE: ERROR,
    Outcome.ORDER_NOT_FOUND: ERROR,
    Outcome.ORDER_AMBIGUOUS: ERROR,
    Outcome.REFUSED: ERROR,
    # The order ledger and the session's other lists: the label opens nothing here.
    Outcome.ORDER_PACKED_ELSEWHERE: WARN,  # like "already packed": put the parcel aside
    Outcome.ORDER_PACKING_ELSEWHERE: WARN,
    Outcome.ORDER_NOT_TO_PACK: ERROR,  # do not pack it at all
    Outcome.ORDER_IN_OTHER_LIST: ERROR,  # wrong list, like a label that is not found
    Outcome.REPACK_STARTED: INFO,  # opens like a loaded order
}
SHOWN_SCAN = 60  # characters of a scan echoed back; a garbage read can be thousands long


def shorten(text: str, limit: int = SHOWN_SCAN) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class FeedbackBanner(QFrame):
    """Banner ``scanFeedback``: a big title, a detail line and the raw scan it answers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanFeedback")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setProperty("kind", IDLE)
        self.setMinimumHeight(150)
        # Where a wrongly scanned item belongs in this list (packer mode sets it).
        self.where: Callable[[ScanResult], ItemHome | None] | None = None
        self._title = named(QLabel(), "feedbackTitle")
        self._detail = named(QLabel(), "feedbackDetail")
        self._scan = named(QLabel(), "feedbackScan")
        layout = QVBoxLayout(self)
        for label in (self._title, self._detail, self._scan):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextFormat(Qt.TextFormat.PlainText)  # scans are data, never markup
            layout.addWidget(label)
        self.show_message(IDLE, self.tr("SCAN AN ORDER LABEL"))

    @property
    def kind(self) -> str:
        return str(self.property("kind"))

    def title_text(self) -> str:
        return self._title.text()

    def detail_text(self) -> str:
        return self._detail.text()

    def show_result(self, result: ScanResult, scanned: str = "") -> None:
        detail = wording.result_detail(result)
        if self.where is not None and result.outcome in TELLS_HOME:
            home = self.where(result)
            detail = "\n".join(t for t in (detail, home_words(home, result.outcome)) if t)
        self.show_message(FEEDBACK_KIND.get(result.outcome, ERROR), wording.result_banner(result),
                          detail, scanned)

    def show_message(self, kind: str, title: str, detail: str = "", scanned: str = "") -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown feedback kind {kind!r}")
        self._title.setText(title)
        self._detail.setText(detail)
        self._detail.setVisible(bool(detail))
        said = QCoreApplication.translate("FeedbackBanner", "Scanned: {code}")
        self._scan.setText(said.format(code=shorten(scanned)) if scanned else "")
        self._scan.setVisible(bool(scanned))
        set_style_property(self, "kind", kind)


def _tr(text: str) -> str:
    return QCoreApplication.translate("FeedbackBanner", text)


def home_words(home: ItemHome | None, outcome: Outcome) -> str:
    """``This item belongs to order #48311 of this list.`` (empty when nothing is known)."""
    if home is None or not (home.needing or home.packed):
        return ""
    if home.needing:
        orders = ", ".join(home.needing)
        if home.more:
            orders = _tr("{orders} and {n} more").format(orders=orders, n=home.more)
        if outcome is Outcome.ORDER_NOT_FOUND:
            return _tr("This item belongs to order {orders} of this list: "
                       "scan that order's label first.").format(orders=orders)
        return _tr("This item belongs to order {orders} of this list: put it "
                   "aside for that order.").format(orders=orders)
    return _tr("This item was in order {orders} of this list, already "
               "packed.").format(orders=", ".join(home.packed))
