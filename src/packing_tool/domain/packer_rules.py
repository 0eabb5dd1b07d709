"""What an input means now: the decisions of ``PackerLogic.decide``, without changing anything.

The order-label index, the state's fields and what is known from outside the list live in
``packer_index`` (``PackerIndex``, which ``PackerRules`` inherits).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from packing_tool.domain.elsewhere import Where
from packing_tool.domain.events import EventKind, Outcome
from packing_tool.domain.order_state import OrderState
from packing_tool.domain.packer_index import PackerIndex
from packing_tool.domain.packer_views import OrderStatus
from packing_tool.domain.second_check import CHECK_KINDS, check_verdict


@dataclass(frozen=True)
class Verdict:
    """The resolved effect of an input; ``decide`` wraps it into a ``ScanEvent``."""

    outcome: Outcome
    order: str | None = None
    row: int | None = None
    quantity: int = 0
    detail: str = ""
    sku: str = ""
    target: int | None = None


def require_aware(at: datetime) -> None:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"time {at.isoformat()} has no time zone")


class PackerRules(PackerIndex):
    """What an input means now (``verdict``), read from the index and the state."""

    def verdict(self, kind: EventKind, at: datetime, *, code: str, row: int | None,
                reason: str, quantity: int | None,
                checker: tuple[str, str] = ("", "")) -> Verdict:
        cur = self._current
        if kind is EventKind.SCAN:
            return self._scan(code, at)
        if kind in CHECK_KINDS:
            outcome, detail = check_verdict(
                kind, cur, checker=checker, reason=reason, at_station=self._worker[0],
                label_matches=cur is not None and self._order_key(code) == self._order_key(
                    cur.number))
            return Verdict(outcome, None if cur is None else cur.number, detail=detail)
        if kind is EventKind.REPACK:
            return self._repack(code, reason)
        if kind is EventKind.HANDOVER:
            if cur is not None:
                return Verdict(Outcome.REFUSED, cur.number, detail=(
                    f"finish or skip order {cur.number} before handing over"))
            return Verdict(Outcome.WORKER_CHANGED, detail=f"taken over from {self._worker[1]}")
        if cur is None:
            if kind is EventKind.UNDO:
                return Verdict(Outcome.NOTHING_TO_UNDO, detail="no order is open")
            return Verdict(Outcome.REFUSED, detail="no order is open; scan an order label")
        if kind is EventKind.UNDO:
            return self._undo(cur, row)
        if kind is EventKind.MANUAL:
            return self._manual(cur, row, reason, quantity)
        if kind is EventKind.SKIP:
            return Verdict(Outcome.ORDER_SKIPPED, cur.number, detail=(
                f"{sum(cur.packed)} of {sum(cur.required)} units packed; "
                "scan its label to resume"))
        return self._extra(cur, kind, code)

    def _scan(self, code: str, at: datetime) -> Verdict:
        cur = self._current
        number = None if cur is None else cur.number
        if not code.strip():
            return Verdict(Outcome.REFUSED, number, detail="empty scan")
        last = self._last_scan
        if (last is not None and last[0] == code
                and 0 <= (at - last[1]).total_seconds() < self._debounce):
            return Verdict(Outcome.DUPLICATE_READ, number, detail="the scanner read it twice")
        return self._label(code, at) if cur is None else self._item(code, cur)

    def _repack(self, code: str, reason: str) -> Verdict:
        """Open a packed order again on purpose (a damaged parcel): it never counts twice."""
        cur = self._current
        if cur is not None:
            return Verdict(Outcome.REFUSED, cur.number, detail=(
                f"finish or skip order {cur.number} before packing another one again"))
        key = self._order_key(code)
        order = self._by_key.get(key) if key else None
        if order is None:
            return Verdict(Outcome.REFUSED, detail=f"no order {code!r} in list "
                                                   f"{self._packing_list.name} to pack again")
        packed_here = self._is_complete(order.order_number)
        other = self._elsewhere.get(order.order_number)
        if not packed_here and (other is None or other.state is not Where.PACKED):
            return Verdict(Outcome.REFUSED, order.order_number, detail=(
                f"order {order.order_number} is not packed; scan its label to pack it"))
        if not reason.strip():
            return Verdict(Outcome.REFUSED, order.order_number, detail="a reason is required")
        where = "in this list" if packed_here else (other.describe() if other else "")
        return Verdict(Outcome.REPACK_STARTED, order.order_number,
                       detail=f"packed again (was {where})")

    def _label(self, code: str, at: datetime) -> Verdict:
        key = self._order_key(code)
        if key in self._ambiguous:
            names = ", ".join(self._ambiguous[key])
            return Verdict(Outcome.ORDER_AMBIGUOUS, detail=(
                f"label {code!r} matches orders {names}; ask a supervisor"))
        order = self._by_key.get(key) if key else None
        if order is None:
            if key in self._not_to_pack:
                return Verdict(Outcome.ORDER_NOT_TO_PACK, detail=(
                    f"order {self._not_to_pack[key]} is Not Fulfillable: do not pack it"))
            if key in self._other_lists:
                number, name = self._other_lists[key]
                return Verdict(Outcome.ORDER_IN_OTHER_LIST, detail=(
                    f"order {number} belongs to list {name}, not {self._packing_list.name}"))
            if self._resolve_item(code):
                return Verdict(Outcome.ORDER_NOT_FOUND, detail=(
                    "that is an item barcode; scan an order label first"))
            return Verdict(Outcome.ORDER_NOT_FOUND, detail=(
                f"no order {code!r} in list {self._packing_list.name}"))
        state = self._states.get(order.order_number)
        other = self._elsewhere.get(order.order_number)
        if other is not None and (state is None or state.status is not OrderStatus.COMPLETE):
            outcome = (Outcome.ORDER_PACKED_ELSEWHERE if other.state is Where.PACKED
                       else Outcome.ORDER_PACKING_ELSEWHERE)
            return Verdict(outcome, order.order_number, detail=other.describe(at))
        if state is None or state.status is OrderStatus.NEW:
            if not any(line.quantity > 0 for line in order.lines):
                return Verdict(Outcome.ORDER_COMPLETE, order.order_number,
                               detail="the order has no units to pack")
            return Verdict(Outcome.ORDER_LOADED, order.order_number)
        if state.status is OrderStatus.COMPLETE:
            when = state.completed_at.isoformat(timespec="seconds") if state.completed_at else "?"
            worker_id, name = state.completed_by or ("", "")
            return Verdict(Outcome.ORDER_ALREADY_PACKED, order.order_number, detail=(
                f"completed at {when} by {name} ({worker_id})"))
        return Verdict(Outcome.ORDER_RESUMED, order.order_number, detail=(
            f"{sum(state.packed)} of {sum(state.required)} units packed earlier"))

    def _item(self, code: str, cur: OrderState) -> Verdict:
        held = self._elsewhere.get(cur.number)
        if held is not None:
            # Its claim, still on its way when the label opened it, went to another station.
            outcome = (Outcome.ORDER_PACKED_ELSEWHERE if held.state is Where.PACKED
                       else Outcome.ORDER_PACKING_ELSEWHERE)
            return Verdict(outcome, cur.number,
                           detail=f"{held.describe()}; put it aside and skip it")
        skus = self._resolve_item(code)
        row = cur.open_row(skus) if skus else None
        if row is not None:
            sku = cur.order.lines[cur.position(row) or 0].sku
            done = cur.missing == 1 and not cur.extras_pending and not self._check_first(cur)
            return Verdict(Outcome.ORDER_COMPLETE if done else Outcome.ITEM_OK, cur.number, row,
                           1, sku=sku)
        mine = frozenset(s for s in skus if s in cur.sku_rows)
        if mine:
            row = cur.first_row_of(mine)
            sku = cur.order.lines[cur.position(row) or 0].sku
            return Verdict(Outcome.EXTRA_ITEM, cur.number, row, sku=sku, detail=(
                f"every unit of {sku} is packed; keep or remove the extra one"))
        key = self._order_key(code)
        other = self._by_key.get(key) if key else None
        if other is not None and other.order_number == cur.number:
            return Verdict(Outcome.REFUSED, cur.number, detail=(
                f"order {cur.number} is already open"))
        if other is not None and self._is_complete(other.order_number):
            return Verdict(Outcome.WRONG_ITEM, cur.number, detail=(
                f"that is the label of order {other.order_number}, already packed"))
        if other is not None or key in self._ambiguous:
            names = other.order_number if other else ", ".join(self._ambiguous[key])
            return Verdict(Outcome.WRONG_ITEM, cur.number, detail=(
                f"that is the label of order {names}; skip order {cur.number} first to switch"))
        if skus:
            return Verdict(Outcome.WRONG_ITEM, cur.number, detail=(
                f"{', '.join(sorted(skus))} is not in order {cur.number}"))
        return Verdict(Outcome.UNKNOWN_BARCODE, cur.number, detail=f"{code!r} is not known")

    def _check_first(self, cur: OrderState) -> bool:
        return self.second_checks.needed(cur)  # the order waits for a second worker's check

    def _undo(self, cur: OrderState, row: int | None) -> Verdict:
        # Without a row: the newest counting event; with one: the newest on that line.
        entry = next((u for u in reversed(cur.undo_stack) if row is None or u.row == row), None)
        if entry is None:
            where = "" if row is None else f" on row {row}"
            return Verdict(Outcome.NOTHING_TO_UNDO, cur.number, row,
                           detail=f"nothing to undo{where} in order {cur.number}")
        return Verdict(Outcome.UNDONE, cur.number, entry.row, -entry.quantity, sku=entry.sku,
                       target=entry.seq, detail=f"undid event {entry.seq} ({entry.kind})")

    def _manual(self, cur: OrderState, row: int | None, reason: str,
                quantity: int | None) -> Verdict:
        i = cur.position(row)
        if i is None:
            return Verdict(Outcome.REFUSED, cur.number, row,
                           detail=f"order {cur.number} has no row {row}")
        remaining = cur.required[i] - cur.packed[i]
        refuse = ""
        if remaining <= 0:
            refuse = "the line is already complete"
        elif not reason.strip():
            refuse = "a reason is required"
        elif quantity is not None and not 1 <= quantity <= remaining:
            refuse = f"quantity must be 1 to {remaining}"
        if refuse:
            return Verdict(Outcome.REFUSED, cur.number, row, detail=refuse)
        count = remaining if quantity is None else quantity
        sku = cur.order.lines[i].sku
        done = cur.missing == count and not cur.extras_pending and not self._check_first(cur)
        return Verdict(Outcome.ORDER_COMPLETE if done else Outcome.MANUAL_CONFIRMED, cur.number,
                       row, count, sku=sku, detail=f"{count} unit(s) of {sku} confirmed by hand")

    def _extra(self, cur: OrderState, kind: EventKind, sku: str) -> Verdict:
        if not cur.pending_extras.get(sku):
            return Verdict(Outcome.REFUSED, cur.number, sku=sku,
                           detail=f"no extra {sku!r} is pending in order {cur.number}")
        keep = kind is EventKind.EXTRA_KEEP
        done = cur.missing == 0 and cur.extras_pending == 1 and not self._check_first(cur)
        outcome = Outcome.EXTRA_KEPT if keep else Outcome.EXTRA_REMOVED
        return Verdict(Outcome.ORDER_COMPLETE if done else outcome, cur.number,
                       cur.first_row_of(frozenset({sku})), sku=sku,
                       detail=f"extra {sku} {'kept in' if keep else 'taken out of'} the box")
