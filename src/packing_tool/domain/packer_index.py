"""The order-label index of a packing list and what a ``PackerRules`` decision looks at:
the state's fields, and knowledge from outside the list (the order ledger, the session's
other lists, a scanner typing under a Cyrillic layout). ``PackerRules`` inherits it.

The index is built once: ``order_key`` of every order number, so a scan is one dictionary
look-up. Orders whose keys collide are kept aside as ambiguous and are never picked by
position.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from packing_tool.domain.elsewhere import Elsewhere
from packing_tool.domain.keyboard_layouts import latin_reading
from packing_tool.domain.order_state import OrderState
from packing_tool.domain.orders import Order, PackingList
from packing_tool.domain.packer_views import OrderStatus
from packing_tool.domain.second_check import SecondChecks


class PackerIndex:
    """The index and the read-only part of the state that decisions look at."""

    def __init__(
        self,
        packing_list: PackingList,
        *,
        order_key: Callable[[str], str],
        resolve_item: Callable[[str], frozenset[str]],
        debounce_seconds: float,
    ) -> None:
        self._packing_list = packing_list
        self._order_key = order_key
        self._resolve_item = resolve_item
        self._debounce = debounce_seconds
        self._by_number: dict[str, Order] = {}
        self._by_key: dict[str, Order] = {}
        self._ambiguous: dict[str, tuple[str, ...]] = {}
        keys: dict[str, list[Order]] = {}
        for order in packing_list.orders:
            self._by_number.setdefault(order.order_number, order)
            key = order_key(order.order_number)
            if key:
                keys.setdefault(key, []).append(order)
        for key, found in keys.items():
            if len(found) == 1:
                self._by_key[key] = found[0]
            else:
                self._ambiguous[key] = tuple(o.order_number for o in found)
        self._units_total = sum(max(0, line.quantity) for o in packing_list.orders
                                for line in o.lines)
        self._states: dict[str, OrderState] = {}  # orders touched, in order of first load
        self._current: OrderState | None = None
        self._last_seq = 0
        self._last_at: datetime | None = None
        self._last_scan: tuple[str, datetime] | None = None  # for the debounce
        self._worker: tuple[str, str] = ("", "")
        # Knowledge from outside the list (the order ledger, the session's other lists).
        self._elsewhere: dict[str, Elsewhere] = {}
        self._not_to_pack = {order_key(n): n for n in packing_list.skipped if order_key(n)}
        self._other_lists: dict[str, tuple[str, str]] = {}
        self.second_checks = SecondChecks(packing_list.orders)  # rules set by the storage layer

    # ------------------------------------------------------------------ outside knowledge

    def set_elsewhere(self, order_number: str, info: Elsewhere | None) -> None:
        """What the ledger says of an order of this list held by another list (None: nothing)."""
        if info is None:
            self._elsewhere.pop(order_number, None)
        elif order_number in self._by_number:
            self._elsewhere[order_number] = info

    def elsewhere(self, order_number: str) -> Elsewhere | None:
        return self._elsewhere.get(order_number)

    @property
    def elsewhere_orders(self) -> dict[str, Elsewhere]:
        return dict(self._elsewhere)

    def label_target(self, code: str) -> str | None:
        """The order of this list a label scan would open now (None: no order would open)."""
        if self._current is not None:
            return None
        key = self._order_key(self.reading(code))
        order = self._by_key.get(key) if key else None
        if order is None or self._is_complete(order.order_number):
            return None
        return order.order_number

    def reading(self, code: str) -> str:
        """``code``, or the Latin code it stands for when a scanner typed it under a Cyrillic
        keyboard layout and only that reading is an order label or an item of this list."""
        if code.isascii() or self._known(code):
            return code
        found = latin_reading(code, self._known)
        return found[0] if found else code

    def _known(self, code: str) -> bool:
        key = self._order_key(code)
        labels = (self._by_key, self._ambiguous, self._other_lists, self._not_to_pack)
        return (bool(key) and any(key in table for table in labels)) or bool(
            self._resolve_item(code))

    def set_other_lists(self, orders: dict[str, str]) -> None:
        """Order number → list name, for the orders of the session's other lists."""
        key = self._order_key
        self._other_lists = {key(n): (n, name) for n, name in orders.items()
                             if key(n) and key(n) not in self._by_key}

    @property
    def ambiguous_orders(self) -> dict[str, tuple[str, ...]]:
        """Label key → the order numbers that share it (none of them can be scanned)."""
        return dict(self._ambiguous)

    def _is_complete(self, order_number: str) -> bool:
        state = self._states.get(order_number)
        return state is not None and state.status is OrderStatus.COMPLETE
