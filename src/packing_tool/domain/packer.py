"""The packing station's logic as event sourcing: ``decide`` an event, then ``apply`` it.

``decide`` reads the state and resolves the input (order label, barcode, button) into a
``ScanEvent`` that carries its whole effect: order, row, SKU, quantity and outcome. It never
changes anything. ``apply`` is the only mutation and uses nothing but the event, so replaying
a journal on a fresh ``PackerLogic`` rebuilds the same state even if the barcode map changed.
The storage layer calls ``decide``, persists the event, then ``apply``; ``handle`` does both.

Scan rules (``PackerRules``): with no current order a scan is an order label; with one, an
item (another order's label is a WRONG_ITEM: orders are switched by SKIP, never silently).
After an order completes the very next scan is read as a label at once: nothing is locked
out and no scan is dropped. UNDO reverses the newest counting event of the current order
(a unit, a manual confirmation or an extra resolution; with a row, the newest on that line).
A completed order is no longer current, so its completion cannot be undone.

Each order keeps its own clock: ``active_seconds`` runs only while it is the current order,
and an item's ``time_from_order_start`` is that active time, so interleaved orders never
take each other's timings. Events whose seq is not the next one are refused (ValueError).
What the state shows (progress, orders, workers) is read through ``PackerReading``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from packing_tool.domain.events import EventKind, Outcome, ScanEvent
from packing_tool.domain.order_state import OrderState
from packing_tool.domain.orders import PackingList
from packing_tool.domain.packer_reading import PackerReading
from packing_tool.domain.packer_rules import require_aware
from packing_tool.domain.packer_views import (
    MANUAL,
    SCANNED,
    ItemRecord,
    OrderStatus,
    ScanResult,
)
from packing_tool.domain.second_check import CHECK_KINDS

NO_EFFECT = frozenset({
    Outcome.ORDER_NOT_FOUND, Outcome.ORDER_AMBIGUOUS, Outcome.ORDER_ALREADY_PACKED,
    Outcome.DUPLICATE_READ, Outcome.NOTHING_TO_UNDO, Outcome.REFUSED,
    Outcome.ORDER_PACKED_ELSEWHERE, Outcome.ORDER_PACKING_ELSEWHERE, Outcome.ORDER_NOT_TO_PACK,
    Outcome.ORDER_IN_OTHER_LIST,
})
ALLOWED: dict[EventKind, frozenset[Outcome]] = {
    EventKind.SCAN: frozenset({
        Outcome.ORDER_LOADED, Outcome.ORDER_RESUMED, Outcome.ITEM_OK, Outcome.ORDER_COMPLETE,
        Outcome.EXTRA_ITEM, Outcome.WRONG_ITEM, Outcome.UNKNOWN_BARCODE}),
    EventKind.UNDO: frozenset({Outcome.UNDONE}),
    EventKind.MANUAL: frozenset({Outcome.MANUAL_CONFIRMED, Outcome.ORDER_COMPLETE}),
    EventKind.SKIP: frozenset({Outcome.ORDER_SKIPPED}),
    EventKind.EXTRA_KEEP: frozenset({Outcome.EXTRA_KEPT, Outcome.ORDER_COMPLETE}),
    EventKind.EXTRA_REMOVE: frozenset({Outcome.EXTRA_REMOVED, Outcome.ORDER_COMPLETE}),
    EventKind.HANDOVER: frozenset({Outcome.WORKER_CHANGED}),
    EventKind.REPACK: frozenset({Outcome.REPACK_STARTED}),
    EventKind.SECOND_CHECK: frozenset({Outcome.ORDER_COMPLETE}),
    EventKind.SECOND_CHECK_SKIPPED: frozenset({Outcome.ORDER_COMPLETE}),
}


class PackerLogic(PackerReading):
    """One packing list at one station. See the module docstring for the rules."""

    def __init__(
        self,
        packing_list: PackingList,
        *,
        order_key: Callable[[str], str],
        resolve_item: Callable[[str], frozenset[str]],
        debounce_seconds: float = 0.15,
    ) -> None:
        super().__init__(packing_list, order_key=order_key, resolve_item=resolve_item,
                         debounce_seconds=debounce_seconds)
        self._units_packed = 0
        self._orders_complete = 0
        self._workers: dict[str, str] = {}  # everyone who made an event, in order of appearance

    # ------------------------------------------------------------------ decide + apply

    def decide(
        self,
        kind: EventKind,
        at: datetime,
        worker_id: str,
        worker_name: str,
        *,
        code: str = "",
        row: int | None = None,
        reason: str = "",
        quantity: int | None = None,
        checker: tuple[str, str] = ("", ""),
    ) -> ScanEvent:
        """The event this input means now. Pure: the state is not touched.
        ``checker``: (worker_id, name) of the second worker of a SECOND_CHECK."""
        require_aware(at)
        if kind is EventKind.SCAN:
            code = self.reading(code)  # a scan typed under a Cyrillic layout, read as meant
        verdict = self.verdict(EventKind(kind), at, code=code, row=row, reason=reason,
                               quantity=quantity, checker=checker)
        return ScanEvent(
            seq=self._last_seq + 1, kind=EventKind(kind), at=at, worker_id=worker_id,
            worker_name=worker_name, outcome=verdict.outcome, code=code, order=verdict.order,
            row=verdict.row, quantity=verdict.quantity, reason=reason, detail=verdict.detail,
            sku=verdict.sku, target=verdict.target,
            checker_id=checker[0] if kind is EventKind.SECOND_CHECK else "",
            checker_name=checker[1] if kind is EventKind.SECOND_CHECK else "")

    def handle(
        self,
        kind: EventKind,
        at: datetime,
        worker_id: str,
        worker_name: str,
        *,
        code: str = "",
        row: int | None = None,
        reason: str = "",
        quantity: int | None = None,
        checker: tuple[str, str] = ("", ""),
    ) -> ScanResult:
        """``decide`` then ``apply``, for callers that keep no journal (tests, tools)."""
        return self.apply(self.decide(kind, at, worker_id, worker_name, code=code, row=row,
                                      reason=reason, quantity=quantity, checker=checker))

    def apply(self, event: ScanEvent) -> ScanResult:
        """Change the state as ``event`` says. Raises ValueError (changing nothing) when the
        event is out of sequence or does not fit the state (a journal of another list)."""
        if event.seq != self._last_seq + 1:
            raise ValueError(f"event seq {event.seq} is not the next one ({self._last_seq + 1})")
        require_aware(event.at)
        outcome = event.outcome
        if outcome not in NO_EFFECT and outcome not in ALLOWED[event.kind]:
            raise ValueError(f"event {event.seq}: outcome {outcome} cannot follow {event.kind}")
        state = self._check(event)
        completed = False
        if outcome not in NO_EFFECT:
            completed = self._change(event, state)
        self._last_seq = event.seq
        self._last_at = event.at
        if event.kind is EventKind.SCAN:
            self._last_scan = (event.code, event.at)
        if not (event.kind is EventKind.HANDOVER and outcome is Outcome.REFUSED):
            # A refused handover leaves the station with the worker who is still packing.
            self._worker = (event.worker_id, event.worker_name)
            self._workers.setdefault(event.worker_id, event.worker_name)
        return self._result(event, state, completed)

    def _check(self, event: ScanEvent) -> OrderState | None:
        """The order the event concerns, after checking it could have been decided now."""
        outcome, current, kind = event.outcome, self._current, event.kind
        if outcome is Outcome.WORKER_CHANGED and current is not None:
            raise ValueError(f"event {event.seq}: a handover while order {current.number} is open")
        if outcome in NO_EFFECT or outcome is Outcome.WORKER_CHANGED:
            return self._states.get(event.order) if event.order else current
        if _opens(event):
            order = self._by_number.get(event.order or "")
            if current is not None or order is None:
                raise ValueError(f"event {event.seq}: cannot open order {event.order!r} now")
            state = self._states.get(order.order_number)
            if outcome is Outcome.REPACK_STARTED:
                return state  # a packed order starts afresh (``_change``)
            if state is not None and state.status is OrderStatus.COMPLETE:
                raise ValueError(f"event {event.seq}: order {event.order!r} is already complete")
            return state
        if current is None or event.order != current.number:
            raise ValueError(f"event {event.seq}: order {event.order!r} is not the current one")
        missing, extras = current.missing, current.extras_pending
        if outcome is Outcome.UNDONE:
            if not any(u.seq == event.target for u in current.undo_stack):
                raise ValueError(f"event {event.seq}: nothing to undo for target {event.target}")
            return current
        if kind in CHECK_KINDS:  # completes an order whose units are all in the box
            if missing or extras:
                raise ValueError(f"event {event.seq}: order {current.number} is not packed yet")
            return current
        if kind in (EventKind.EXTRA_KEEP, EventKind.EXTRA_REMOVE):
            if not current.pending_extras.get(event.sku):
                raise ValueError(f"event {event.seq}: no pending extra {event.sku!r}")
            extras -= 1
        elif outcome in (Outcome.ITEM_OK, Outcome.ORDER_COMPLETE, Outcome.MANUAL_CONFIRMED):
            i = current.position(event.row)
            if i is None or not 0 < event.quantity <= current.required[i] - current.packed[i]:
                raise ValueError(f"event {event.seq}: row {event.row} cannot take "
                                 f"{event.quantity} unit(s)")
            missing -= event.quantity
        else:
            return current  # skips, extras and misscans leave the lines as they are
        # Every unit in the box without ORDER_COMPLETE: the order waits for a second check.
        if outcome is Outcome.ORDER_COMPLETE and (missing or extras):
            raise ValueError(f"event {event.seq}: {outcome} does not match the order's state")
        return current

    def _change(self, event: ScanEvent, state: OrderState | None) -> bool:
        """Apply an effective event; True when it completed the order."""
        outcome, kind = event.outcome, event.kind
        if outcome is Outcome.WORKER_CHANGED:
            return False
        if outcome is Outcome.REPACK_STARTED:
            state = self._restart(event, state)
        if state is None:  # the first touch of an order (it was checked to exist)
            state = self._states[event.order or ""] = OrderState(self._by_number[event.order or ""])
        if _opens(event):
            state.open(event.at)
            self._current = state
        elif outcome is Outcome.ORDER_SKIPPED:
            state.skip(event.at)
            self._current = None
        elif outcome is Outcome.EXTRA_ITEM:
            state.add_extra(event.sku)
        elif outcome in (Outcome.WRONG_ITEM, Outcome.UNKNOWN_BARCODE):
            state.count_misscan(wrong=outcome is Outcome.WRONG_ITEM)
        elif outcome is Outcome.UNDONE:
            entry = state.undo(event.target or 0)
            state.corrections += 1
            self._units_packed -= entry.quantity
        elif kind in (EventKind.EXTRA_KEEP, EventKind.EXTRA_REMOVE):
            state.resolve_extra(event.seq, kind, event.sku)
        elif kind in CHECK_KINDS:
            self.second_checks.record(event)
        elif event.quantity > 0:
            self._count_units(event, state)
        if outcome is Outcome.ORDER_COMPLETE:
            state.complete(event.at, (event.worker_id, event.worker_name))
            self._current = None
            self._orders_complete += 1
            return True
        return False

    def _restart(self, event: ScanEvent, old: OrderState | None) -> OrderState:
        """A re-pack: the order's lines start from nothing; what it counted before is undone."""
        if old is not None:
            self._units_packed -= sum(old.packed)
            if old.status is OrderStatus.COMPLETE:
                self._orders_complete -= 1
        state = self._states[event.order or ""] = OrderState(self._by_number[event.order or ""])
        self.second_checks.forget(state.number)
        state.repack = event.reason
        return state

    def _count_units(self, event: ScanEvent, state: OrderState) -> None:
        i = state.position(event.row)
        line = state.order.lines[i if i is not None else 0]
        manual = event.kind is EventKind.MANUAL
        state.add_units(ItemRecord(
            seq=event.seq, sku=line.sku, title=line.product_name, quantity=event.quantity,
            row=line.row, scanned_at=event.at,
            time_from_order_start=state.active_seconds(event.at),
            confirmation_method=MANUAL if manual else SCANNED, worker_id=event.worker_id,
            worker_name=event.worker_name, reason=event.reason if manual else ""), event.kind)
        self._units_packed += event.quantity

    def _result(self, event: ScanEvent, state: OrderState | None, completed: bool) -> ScanResult:
        if state is None and event.order:
            state = self._states.get(event.order)
        i = state.position(event.row) if state is not None else None
        total = self._by_number[event.order].units if event.order in self._by_number else 0
        return ScanResult(
            outcome=event.outcome, event=event, order_number=event.order, row=event.row,
            sku=event.sku,
            line_packed=state.packed[i] if state is not None and i is not None else None,
            line_required=state.required[i] if state is not None and i is not None else None,
            order_packed=sum(state.packed) if state is not None else 0, order_total=total,
            orders_complete=self._orders_complete, orders_total=len(self._packing_list.orders),
            detail=event.detail, order_completed=completed)


def _opens(event: ScanEvent) -> bool:
    """The event loads an order (an order without units completes as it loads)."""
    return event.outcome in (Outcome.ORDER_LOADED, Outcome.ORDER_RESUMED,
                             Outcome.REPACK_STARTED) or (
        event.kind is EventKind.SCAN and event.outcome is Outcome.ORDER_COMPLETE
        and event.row is None)
