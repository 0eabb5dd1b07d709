"""The open list's order ledger as packer mode sees it, on the UI thread.

``LedgerParts`` is packer mode's part of it (mixed into ``PackerMode``): packing an order
again on purpose, telling a conflict, a label whose order is not to be packed here, and the
session figures with the orders packed elsewhere.

``ListLedger`` calls ``on_conflict`` from its ``order-ledger`` thread; ``LedgerWatch`` turns
that into the queued Qt signal ``conflictFound``, as ``WorkFlow`` does for the share status
and a lost lock. What the list knows of other lists (orders packed or being packed
elsewhere) changes on the ledger's refresh, also off the UI thread, so it is polled here and
``changed`` is emitted when it moved. Every read of the logic takes the session's lock: the
ledger thread writes that knowledge under it.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from packing_tool.domain.barcodes import clean_scan
from packing_tool.domain.elsewhere import Elsewhere
from packing_tool.domain.events import EventKind, Outcome
from packing_tool.domain.packer import PackerLogic
from packing_tool.domain.packer_views import Progress, ScanResult
from packing_tool.domain.remaining import RemainingOrder, remaining_orders
from packing_tool.domain.whereabouts import ItemHome, item_home
from packing_tool.storage.packing_session import Worker
from packing_tool.ui import packer_dialogs, wording
from packing_tool.ui.feedback import ERROR, WARN, FeedbackBanner
from packing_tool.ui.items_table import ItemsTable
from packing_tool.ui.order_panel import OrderPanel
from packing_tool.ui.packer_status import ProgressPanel, RecentScans, elsewhere_hint
from packing_tool.ui.remaining_orders import RemainingOrdersPanel
from packing_tool.ui.sounds import CONFLICT_SOUND, SoundPlayer

log = logging.getLogger(__name__)

POLL_MS = 5_000  # the ledger itself refreshes every 30 s; a change shows within seconds


class LedgerWatch(QObject):
    """Signals:
    conflictFound(str, str): an order packed here is also packed elsewhere (order, where).
    changed(): the orders known to be packed or being packed elsewhere changed.
    """

    conflictFound = Signal(str, str)
    claimLost = Signal(str, object)  # order, Elsewhere: its claim, on its way, went elsewhere
    changed = Signal()

    def __init__(self, session: Any, parent: QObject | None = None, *,
                 poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.session = session
        self.ledger: Any = getattr(session, "ledger", None)  # None: a list without a ledger
        lock = getattr(session, "lock", None)  # PackingSession.lock; absent on a test double
        self._lock = lock if hasattr(lock, "acquire") else None
        self._known: frozenset[tuple[str, str]] = frozenset()
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)
        if self.ledger is not None:
            self.ledger.on_conflict = self._from_thread
            self.ledger.on_lost = self._lost_from_thread
            self.timer.start()

    def _guard(self) -> contextlib.AbstractContextManager[Any]:
        return self._lock if self._lock is not None else contextlib.nullcontext()

    def _from_thread(self, number: str, text: str) -> None:
        """Called on the ledger's thread: only hand the news over (a queued signal)."""
        try:
            self.conflictFound.emit(number, text)
        except RuntimeError:  # the screen is gone (list closed): the summary keeps it
            log.info("conflict of order %s not shown: the packer screen is closed", number)

    def _lost_from_thread(self, number: str, info: Elsewhere) -> None:
        try:
            self.claimLost.emit(number, info)
        except RuntimeError:  # the screen is gone: its units are refused all the same
            log.info("lost claim of order %s not shown: the packer screen is closed", number)

    def detach(self) -> None:
        """Stop listening (the screen closes); the ledger keeps its conflicts for the summary."""
        self.timer.stop()
        if self.ledger is not None and self.ledger.on_conflict == self._from_thread:
            self.ledger.on_conflict = None
        if self.ledger is not None and self.ledger.on_lost == self._lost_from_thread:
            self.ledger.on_lost = None

    # ------------------------------------------------------------------ reads

    def figures(self) -> tuple[Progress, dict[str, Elsewhere]]:
        """The list's progress and what is known elsewhere, read together under the lock."""
        with self._guard():
            logic = self.session.logic
            return logic.progress, dict(logic.elsewhere_orders)

    def remaining(self) -> tuple[list[RemainingOrder], list[RemainingOrder]]:
        """The orders still to pack here and those held elsewhere, read under the lock."""
        with self._guard():
            logic = self.session.logic
            return remaining_orders(logic, logic.elsewhere_orders)

    def item_home(self, result: ScanResult) -> ItemHome | None:
        """Which orders of this list the item of ``result``'s scan belongs to (lock held)."""
        if not result.event.code:
            return None
        with self._guard():
            return item_home(self.session.logic, result.event.code, result.order_number)

    def conflicts(self) -> dict[str, str]:
        return dict(self.ledger.conflicts) if self.ledger is not None else {}

    def poll(self) -> bool:
        """Emit ``changed`` when the knowledge of other lists moved; True when it did."""
        _, elsewhere = self.figures()
        known = _signature(elsewhere)
        if known == self._known:
            return False
        self._known = known
        self.changed.emit()
        return True

    def remember(self, elsewhere: Mapping[str, Elsewhere]) -> None:
        """What the screen shows now (so a poll emits only on news)."""
        self._known = _signature(elsewhere)


class LedgerParts:
    """What packer mode does about the order ledger; the attributes are ``PackerMode``'s."""

    session: Any
    logic: PackerLogic
    ledger: LedgerWatch
    sounds: SoundPlayer
    items: ItemsTable
    order_panel: OrderPanel
    progress: ProgressPanel
    recent: RecentScans
    feedback: FeedbackBanner
    remaining: RemainingOrdersPanel
    _worker: Worker
    _current: str | None
    _repack_label: str  # the last label that may be packed again (the dialog's prefill)
    _elsewhere: int  # orders of this list packed in another list, as last shown
    _units_packed: int

    if TYPE_CHECKING:
        def _perform(self, call: Callable[[], ScanResult],
                     scanned: str = "") -> ScanResult | None: ...
        def _say(self, kind: str, title: str, detail: str = "", scanned: str = "") -> None: ...
        def refocus(self) -> None: ...

    def pack_again(self) -> ScanResult | None:
        """Open a packed order again on purpose (here or elsewhere), with a required reason."""
        if self._current is not None:  # the rules refuse, and the banner says why
            return self._perform(lambda: self.session.act(
                EventKind.REPACK, self._worker, code=self._current or "", reason=""))
        answer = packer_dialogs.ask_repack(cast(QWidget, self), self._repack_label)
        self.refocus()
        if answer is None:
            return None
        label = clean_scan(answer.label)
        return self._perform(lambda: self.session.act(
            EventKind.REPACK, self._worker, code=label, reason=answer.reason), label)

    def show_conflict(self, number: str, where: str) -> None:
        """The ledger found an order packed here while the share was away also packed
        elsewhere: say so loudly, and keep the count in the status panel."""
        detail = QCoreApplication.translate(
            "LedgerParts", "Order {order} was packed here while the share was away, and is "
            "also {where}. It counts once; tell a supervisor.").format(
            order=number, where=wording.detail(where) if where else QCoreApplication.translate(
                "LedgerParts", "packed in another list"))
        title = QCoreApplication.translate("LedgerParts", "ORDER {order} PACKED TWICE").format(
            order=number)
        self._say(ERROR, title, detail)
        self.sounds.play(CONFLICT_SOUND)
        self.recent.add(None, "", title, ERROR)
        self.progress.show_conflicts(self.ledger.conflicts() or {number: where})

    def show_claim_lost(self, number: str, info: Elsewhere) -> None:
        """The order a label just opened was claimed by another station a moment earlier:
        say so before the packer picks its items (its units are refused anyway)."""
        current = self.logic.current_order
        if current is None or current.order_number != number:
            return
        title = wording.banner(Outcome.ORDER_PACKING_ELSEWHERE, number)
        detail = QCoreApplication.translate(
            "LedgerParts", "{where}. Put it aside and skip it.").format(
            where=wording.elsewhere(info))
        self._say(WARN, title, detail)
        self.sounds.play_outcome(Outcome.ORDER_PACKING_ELSEWHERE)
        self.recent.add(None, "", title, WARN)

    def remaining_orders(self) -> int:
        """Orders nobody packed yet: neither here nor (by the order ledger) elsewhere."""
        return self.ledger.figures()[0].orders_remaining

    def confirm_end(self) -> bool:
        """Ask whether to end, naming how many orders are left; True to end."""
        progress, elsewhere = self.ledger.figures()
        skipped = sum(v.order_number not in elsewhere for v in self.logic.skipped_orders)
        answer = packer_dialogs.ask_end(cast(QWidget, self), progress.orders_remaining,
                                        skipped, self._current, progress.orders_elsewhere)
        self.refocus()
        return answer

    def _not_here(self, result: ScanResult) -> None:
        """A label whose order is not to be packed here: nothing opens, the panel says why."""
        self.items.clear_order()
        number = result.order_number
        info = self.logic.elsewhere(number) if number is not None else None
        why = elsewhere_hint(info) if info is not None else wording.detail(result.detail)
        hint = QCoreApplication.translate("LedgerParts",
                                          "{why}. Put it aside; scan the next order label.")
        title = QCoreApplication.translate("LedgerParts", "{order}: not here")
        self.order_panel.show_idle(hint.format(why=why), title.format(order=number) if number
                                   else wording.result_banner(result))
        self.progress.show_order(None, 0, 0)

    def _show_session(self) -> None:
        """Session figures, set-aside and packed-elsewhere orders: recomputed only when an
        order changes or the order ledger tells something new."""
        progress, elsewhere = self.ledger.figures()
        self.ledger.remember(elsewhere)
        self._units_packed = progress.units_packed
        self._elsewhere = progress.orders_elsewhere
        self.progress.show_session(progress.orders_complete, progress.orders_total,
                                   progress.units_packed, progress.units_total, self._elsewhere)
        self.progress.show_skipped([v.order_number for v in self.logic.skipped_orders],
                                   elsewhere)
        self.progress.show_elsewhere(elsewhere)
        self.progress.show_conflicts(self.ledger.conflicts())
        self.remaining.watch(self.ledger.remaining)
        self.feedback.where = self.ledger.item_home  # wrong-item banners say where it belongs
        self.remaining.schedule()  # after this event: the scan's feedback shows first



def _signature(elsewhere: Mapping[str, Elsewhere]) -> frozenset[tuple[str, str]]:
    return frozenset((n, info.state.value) for n, info in elsewhere.items())
