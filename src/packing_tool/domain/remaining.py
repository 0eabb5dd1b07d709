"""The orders of a list still to pack here, and those packed (or being packed) elsewhere.

Read from the logic's own state and the order ledger's knowledge (``Elsewhere``): an order
completed here is gone from both; an order another list has packed or holds right now is
not to be packed here, so it is listed apart, with where.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from packing_tool.domain.elsewhere import Elsewhere
from packing_tool.domain.orders import Order
from packing_tool.domain.packer import PackerLogic
from packing_tool.domain.packer_views import OrderStatus


@dataclass(frozen=True)
class RemainingOrder:
    order: Order
    status: OrderStatus  # NEW, IN_PROGRESS (open now or resumable) or SKIPPED
    units: int  # units the order needs in all
    units_packed: int
    elsewhere: Elsewhere | None = None  # set on the orders listed apart

    @property
    def number(self) -> str:
        return self.order.order_number

    @property
    def tags(self) -> tuple[str, ...]:
        return (*self.order.tags, *self.order.internal_tags)


def remaining_orders(logic: PackerLogic, elsewhere: Mapping[str, Elsewhere]
                     ) -> tuple[list[RemainingOrder], list[RemainingOrder]]:
    """(orders to pack here, orders packed or being packed elsewhere), in the list's order.

    Orders completed here are in neither. Reads the logic: call it under the session's lock
    when another thread may change it.
    """
    touched = logic.started_progress()
    here: list[RemainingOrder] = []
    apart: list[RemainingOrder] = []
    orders = logic.packing_list.orders
    for order, units in zip(orders, _units(orders), strict=True):
        status, packed = touched.get(order.order_number, (OrderStatus.NEW, 0))
        if status is OrderStatus.COMPLETE:
            continue
        info = elsewhere.get(order.order_number)
        row = RemainingOrder(order, status, units, packed, info)
        (apart if info is not None else here).append(row)
    return here, apart


_UNITS: list[tuple[tuple[Order, ...], tuple[int, ...]]] = []  # the last few lists' units


def _units(orders: tuple[Order, ...]) -> tuple[int, ...]:
    """Each order's units, worked out once per list (the panel asks after every order)."""
    for known, units in _UNITS:
        if known is orders:
            return units
    units = tuple(sum(max(0, line.quantity) for line in order.lines) for order in orders)
    _UNITS[:] = [(orders, units), *_UNITS[:3]]
    return units
