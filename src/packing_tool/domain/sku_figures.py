"""Per-SKU figures of a packing list, from the orders' own scan records (pure).

- ``avg_seconds_per_unit``: for each *scanned* unit, the order's active seconds since the
  previous counted unit of the same order (scanned or manual), or since the order was first
  loaded for its first unit; averaged per SKU. Manual confirmations are not timed.
- ``misscans``: wrong-item and unknown-barcode scans charged to the item the packer was on
  (``OrderState.expected_sku``): the line of the order's last counted unit while it still
  needs units, else the order's first unfilled line. Never the SKU scanned next.
- ``extra_scans``: scans of this SKU after its lines were full (kept, removed or pending).
Undone units are gone from the records, so they are not counted anywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from packing_tool.domain.orders import PackingList
from packing_tool.domain.packer_views import SCANNED, OrderView, seconds


@dataclass(frozen=True)
class SkuFigures:
    sku: str
    title: str
    orders: int  # orders of the list that contain it
    units_required: int
    units_packed: int
    units_scanned: int
    units_manual: int
    avg_seconds_per_unit: float | None  # None when no unit of it was scanned
    misscans: int
    extra_scans: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title, "orders": self.orders, "units_required": self.units_required,
            "units_packed": self.units_packed, "units_scanned": self.units_scanned,
            "units_manual": self.units_manual,
            "avg_seconds_per_unit": seconds(self.avg_seconds_per_unit),
            "misscans": self.misscans, "extra_scans": self.extra_scans,
        }


@dataclass
class _Tally:
    title: str = ""
    orders: int = 0
    required: int = 0
    scanned: int = 0
    manual: int = 0
    misscans: int = 0
    extras: int = 0
    times: list[float] = field(default_factory=list)


def sku_figures(packing_list: PackingList, orders: Iterable[OrderView]) -> dict[str, SkuFigures]:
    """SKU → its figures, for every SKU of the list, in order of first appearance."""
    tallies: dict[str, _Tally] = {}
    for order in packing_list.orders:
        for sku in dict.fromkeys(line.sku for line in order.lines):
            tallies.setdefault(sku, _Tally()).orders += 1
        for line in order.lines:
            tally = tallies[line.sku]
            tally.title = tally.title or line.product_name
            tally.required += max(0, line.quantity)
    for view in orders:
        previous = 0.0
        for item in view.items:
            tally = tallies.setdefault(item.sku, _Tally(title=item.title))
            if item.confirmation_method == SCANNED:
                tally.scanned += item.quantity
                tally.times.append(max(0.0, item.time_from_order_start - previous))
            else:
                tally.manual += item.quantity
            previous = item.time_from_order_start
        for sku, count in view.misscans.items():
            tallies.setdefault(sku, _Tally()).misscans += count
        for counts in (view.pending_extras, view.extras_kept, view.extras_removed):
            for sku, count in counts.items():
                tallies.setdefault(sku, _Tally()).extras += count
    return {
        sku: SkuFigures(
            sku=sku, title=t.title, orders=t.orders, units_required=t.required,
            units_packed=t.scanned + t.manual, units_scanned=t.scanned, units_manual=t.manual,
            avg_seconds_per_unit=sum(t.times) / len(t.times) if t.times else None,
            misscans=t.misscans, extra_scans=t.extras)
        for sku, t in tallies.items()
    }
