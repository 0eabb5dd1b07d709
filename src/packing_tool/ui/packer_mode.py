"""Packer mode: the screen a packer works in, scan after scan.

Every scan and button goes synchronously through the session (``scan``/``act``, which
write only the local disk) and the returned ``ScanResult`` says what to redraw: one table
row, the progress labels and the feedback banner. The table is rebuilt only when another
order is opened. Nothing modal interrupts the scan path: after an order completes the next
label is read at once, and the end of the list is announced, not asked. The widgets and the
focus rule are in ``packer_screen``; the order ledger's news (orders packed elsewhere,
conflicts) comes through ``packer_ledger.LedgerWatch``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from packing_tool.domain.events import COUNTING, EventKind, Outcome
from packing_tool.domain.orders import Order
from packing_tool.domain.packer import PackerLogic
from packing_tool.domain.packer_views import ScanResult
from packing_tool.storage.packing_session import Worker
from packing_tool.ui import packer_dialogs, wording
from packing_tool.ui.dialog_queue import DialogScans
from packing_tool.ui.error_words import error_text
from packing_tool.ui.feedback import COMPLETE, ERROR, FEEDBACK_KIND, INFO, WARN
from packing_tool.ui.packer_ledger import LedgerParts, LedgerWatch
from packing_tool.ui.packer_screen import SHORTCUTS, PackerScreen
from packing_tool.ui.second_check_flow import SecondCheckFlow
from packing_tool.ui.sounds import ERROR_SOUND, SoundPlayer

log = logging.getLogger(__name__)

OPENS = frozenset({Outcome.ORDER_LOADED, Outcome.ORDER_RESUMED, Outcome.REPACK_STARTED})
CLOSES = frozenset({Outcome.ORDER_SKIPPED, Outcome.ORDER_COMPLETE})
# A label that opens nothing here: the order is another list's, or not to be packed at all.
NOT_HERE = frozenset({Outcome.ORDER_PACKED_ELSEWHERE, Outcome.ORDER_PACKING_ELSEWHERE,
                      Outcome.ORDER_NOT_TO_PACK, Outcome.ORDER_IN_OTHER_LIST})
# A label whose order may be packed again on purpose: the re-pack dialog offers it.
REPACKABLE = frozenset({Outcome.ORDER_PACKED_ELSEWHERE, Outcome.ORDER_ALREADY_PACKED})


class SessionApi(Protocol):
    """What packer mode needs of a session (``PackingSession`` has it)."""

    @property
    def logic(self) -> PackerLogic: ...

    def scan(self, text: str, worker: Worker) -> ScanResult: ...

    def act(self, kind: EventKind, worker: Worker, **details: Any) -> ScanResult: ...


class PackerMode(LedgerParts, PackerScreen):
    """Widget ``packerMode``.

    Signals:
        endRequested(int): the packer confirmed ending; the number of orders not packed.
        scanProcessed(object): a ScanResult, after the screen shows it.
        allOrdersPacked(): the last order of the list was completed.
        workerChanged(object): a Worker took over the station (``handover``).
    """

    endRequested = Signal(int)
    scanProcessed = Signal(object)
    allOrdersPacked = Signal()
    workerChanged = Signal(object)

    def __init__(self, session: SessionApi, worker: Worker, parent: QWidget | None = None, *,
                 sounds: SoundPlayer | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.logic = session.logic
        self._worker = worker
        self.sounds = sounds if sounds is not None else SoundPlayer(self)
        self._orders: dict[str, Order] = {o.order_number: o for o in self.logic.packing_list.orders}
        self._current: str | None = None  # the open order, as the last result said
        self._units_packed = 0
        self._elsewhere = 0  # orders of this list packed in another list, as last shown
        self._repack_label = ""  # the last label that may be packed again (dialog prefill)
        self.ledger = LedgerWatch(session, self)
        self.ledger.conflictFound.connect(self.show_conflict)
        self.ledger.claimLost.connect(self.show_claim_lost)
        self.ledger.changed.connect(self._show_session)
        self._units_total = self.logic.progress.units_total
        self.scan_input.submitted.connect(self.submit_scan)
        self.dialog_scans = DialogScans(self.submit_scan, self.scan_notice, self.scan_input, self)
        self.bind_actions({"skip": self.skip_order, "undo": self.undo,
                           "manual": self.confirm_manually, "keep": self.keep_extra,
                           "remove": self.remove_extra, "repack": self.pack_again,
                           "end": self.request_end})
        self.second_check = SecondCheckFlow(self, self, self._perform)  # F10, Shift+F10
        self._show_start()

    # ------------------------------------------------------------------ public actions

    @property
    def worker(self) -> Worker:
        return self._worker

    def submit_scan(self, text: str) -> ScanResult | None:
        """Process one scanned code (what Enter in the scan field does)."""
        if self.second_check.takes(text):  # a worker card, or the label that confirms a check
            return self.second_check.handle(text)
        return self._perform(lambda: self.session.scan(text, self._worker), text)

    def skip_order(self) -> ScanResult | None:
        return self._perform(lambda: self.session.act(EventKind.SKIP, self._worker))

    def undo(self) -> ScanResult | None:
        return self._perform(lambda: self.session.act(EventKind.UNDO, self._worker))

    def keep_extra(self) -> ScanResult | None:
        return self._resolve_extra(EventKind.EXTRA_KEEP)

    def remove_extra(self) -> ScanResult | None:
        return self._resolve_extra(EventKind.EXTRA_REMOVE)

    def confirm_manually(self) -> ScanResult | None:
        """Confirm the selected line (else the next unfinished one) by hand, with a reason."""
        if self._current is None:
            return self._perform(lambda: self.session.act(EventKind.MANUAL, self._worker, row=0))
        row = self.items.selected_line()
        if row is None or self.items.remaining(row) == 0:
            row = next(iter(self.items.open_lines()), None)
        if row is None:
            self._say(WARN, self.tr("NOTHING TO CONFIRM"),
                      self.tr("every line of this order is packed"))
            return None
        line = next(x for x in self.logic.order(self._current).lines if x.row == row)
        with self.dialog_scans.guard():  # a scan meanwhile is processed after the answer
            answer = packer_dialogs.ask_manual(self, line.sku, line.title, line.remaining)
        self.refocus()
        if answer is None:
            return None
        self.items.clearSelection()
        return self._perform(lambda: self.session.act(
            EventKind.MANUAL, self._worker, row=row, reason=answer.reason,
            quantity=answer.quantity))

    def handover(self, worker: Worker) -> bool:
        """Hand the station to ``worker`` between orders; refused (and shown why) mid-order."""
        result = self._perform(lambda: self.session.act(EventKind.HANDOVER, worker))
        if result is None or result.outcome is not Outcome.WORKER_CHANGED:
            return False
        self._worker = worker
        self.progress.show_worker(worker.name)
        self.workerChanged.emit(worker)
        return True

    def request_end(self) -> bool:
        """The End session button: confirm, then emit ``endRequested(remaining)``."""
        with self.dialog_scans.guard():
            confirmed = self.confirm_end()
        if not confirmed or self.dialog_scans.cancels(self.tr(
                "Not ended: a scan came while the question was open and was processed. "
                "End again ({key}) when ready.").format(key=SHORTCUTS["end"])):
            return False
        self.endRequested.emit(self.remaining_orders())
        return True

    # ------------------------------------------------------------------ one result

    def _resolve_extra(self, kind: EventKind) -> ScanResult | None:
        sku = next(iter(self.logic.pending_extras), "")
        return self._perform(lambda: self.session.act(kind, self._worker, code=sku))

    def _perform(self, call: Callable[[], ScanResult], scanned: str = "") -> ScanResult | None:
        try:
            result = call()
        except Exception as exc:  # the packer must see that nothing was recorded
            log.exception("scan or action failed")
            self._say(ERROR, self.tr("NOT RECORDED — TRY AGAIN"), error_text(exc), scanned)
            self.sounds.play(ERROR_SOUND)
            return None
        finally:
            self.refocus()
        self._show(result, scanned)
        return result

    def _show(self, result: ScanResult, scanned: str) -> None:
        outcome = result.outcome
        opened = outcome in OPENS or (result.order_completed and result.row is None
                                      and result.order_number != self._current)
        if opened and result.order_number is not None:
            self._open(result.order_number)
        elif result.row is not None and result.line_packed is not None:
            self.items.update_line(result.row, result.line_packed)
        if outcome in COUNTING or outcome is Outcome.UNDONE:
            self._units_packed += result.event.quantity  # the event's units: no recount per scan
            self.progress.show_session(result.orders_complete, result.orders_total,
                                       self._units_packed, self._units_total, self._elsewhere)
        if outcome in CLOSES and result.order_number == self._current:
            self._close(result)
        elif outcome in NOT_HERE and self._current is None:
            self._not_here(result)
        if result.order_number is not None and result.order_number == self._current:
            self.progress.show_order(self._current, result.order_packed, result.order_total)
        self._show_extras()
        self._enable_buttons()
        self.feedback.show_result(result, scanned)
        self.second_check.refresh(result)
        if scanned and outcome is not Outcome.DUPLICATE_READ:
            self._repack_label = (result.order_number or scanned) if outcome in REPACKABLE else ""
        if result.order_completed and (
                result.orders_complete + self._elsewhere >= result.orders_total):
            said = (self.tr("Every order is packed ({n} of them elsewhere): end the session "
                            "({key}).") if self._elsewhere else
                    self.tr("Every order is packed: end the session ({key})."))
            self._say(COMPLETE, wording.result_banner(result),
                      said.format(n=self._elsewhere, key=SHORTCUTS["end"]), scanned)
            self.allOrdersPacked.emit()
        self.sounds.play_outcome(outcome)
        self.recent.add(result.event.at, scanned, wording.result_banner(result),
                        FEEDBACK_KIND.get(outcome, ERROR))
        self.scanProcessed.emit(result)

    def _open(self, number: str) -> None:
        view = self.logic.order(number)
        self._current = number
        self.items.show_order(view.lines)
        hint = self.tr("Scan every item of this order.")
        if view.repack:
            hint = self.tr("Packed again ({reason}): scan every item of this order.").format(
                reason=view.repack)
        self.order_panel.show_order(self._orders[number], hint)
        self.progress.show_order(number, view.units_packed, view.units_total)
        self._show_session()

    def _close(self, result: ScanResult) -> None:
        number = result.order_number or ""
        self._current = None
        if result.outcome is Outcome.ORDER_SKIPPED:
            self.items.clear_order()
            self.order_panel.show_idle(
                self.tr("Order {order} set aside ({packed} of {total} units). Scan its label to "
                        "resume, or scan the next order.").format(
                    order=number, packed=result.order_packed, total=result.order_total),
                self.tr("Skipped {order}").format(order=number))
            self.progress.show_order(None, 0, 0)
        else:
            self.order_panel.show_order(self._orders[number],
                                        self.tr("Complete. Scan the next order label."))
            self.progress.show_order(number, result.order_packed, result.order_total)
        self._show_session()

    def _show_extras(self) -> None:
        extras = self.logic.pending_extras if self._current is not None else {}
        if extras:
            text = ", ".join(f"{sku} × {n}" for sku, n in extras.items())
            self.extras_label.setText(self.tr(
                "EXTRA: {items}. Take it out (Remove) or keep it (Keep).").format(items=text))
        self.extras_box.setVisible(bool(extras))
        self.keep_button.setEnabled(bool(extras))
        self.remove_button.setEnabled(bool(extras))

    def _enable_buttons(self) -> None:
        open_order = self._current is not None
        for button in (self.skip_button, self.undo_button, self.manual_button):
            button.setEnabled(open_order)
        self.repack_button.setEnabled(not open_order)  # F9 mid-order says why not

    def _say(self, kind: str, title: str, detail: str = "", scanned: str = "") -> None:
        self.feedback.show_message(kind, title, detail, scanned)

    def _show_start(self) -> None:
        current = self.logic.current_order
        self.progress.show_worker(self._worker.name)
        if current is not None:  # a session resumed with an order still open
            self._open(current.order_number)
            self._say(INFO, self.tr("ORDER {order} OPEN").format(order=current.order_number),
                      self.tr("{packed} of {total} units packed earlier").format(
                          packed=current.units_packed, total=current.units_total))
        else:
            self._show_session()
        self._show_extras()
        self._enable_buttons()
        self.second_check.refresh()  # a resumed order may be waiting for its second check
