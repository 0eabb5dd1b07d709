"""Where a scanned item belongs in this list, when it is not the open order's (pure, no words).

After a wrong-item scan (or an item scanned when a label was expected) the packer is told
which order of this list needs that item, so the piece goes to the right parcel. The UI
turns ``ItemHome`` into words; the domain only says which orders.
"""

from __future__ import annotations

from dataclasses import dataclass

from packing_tool.domain.packer import PackerLogic
from packing_tool.domain.packer_views import OrderStatus

SHOWN = 3  # order numbers named; more are counted


@dataclass(frozen=True)
class ItemHome:
    skus: tuple[str, ...]  # what the scan resolved to
    needing: tuple[str, ...]  # orders of this list still needing it, in list order
    packed: tuple[str, ...]  # orders of this list that had it and are packed (here or not)
    more: int = 0  # orders needing it beyond those named


def item_home(logic: PackerLogic, code: str, current: str | None) -> ItemHome | None:
    """The orders of this list, other than ``current``, that hold the item ``code`` reads as.

    None when ``code`` is no item of this list. Orders packed or held elsewhere (the order
    ledger says so) do not need it here: they count as packed. Call under the session's lock
    when another thread may change the logic.
    """
    # The logic's resolver (barcode map, stock file, GTIN forms): the same one a scan uses.
    skus = logic._resolve_item(code)  # domain-internal: the one resolver, never a second
    if not skus:
        return None
    elsewhere = logic.elsewhere_orders
    needing: list[str] = []
    packed: list[str] = []
    for order in logic.packing_list.orders:
        number = order.order_number
        if number == current or not any(line.sku in skus for line in order.lines):
            continue
        view = logic.order(number)
        short = any(line.sku in skus and line.remaining > 0 for line in view.lines)
        if short and view.status is not OrderStatus.COMPLETE and number not in elsewhere:
            needing.append(number)
        else:
            packed.append(number)
    return ItemHome(tuple(sorted(skus)), tuple(needing[:SHOWN]), tuple(packed[:SHOWN]),
                    max(0, len(needing) - SHOWN))
