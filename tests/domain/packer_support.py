"""Builders shared by the PackerLogic tests: small lists, a simple key and a barcode map."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from packing_tool.domain.events import EventKind, ScanEvent
from packing_tool.domain.orders import Order, OrderLine, PackingList
from packing_tool.domain.packer import PackerLogic
from packing_tool.domain.packer_views import ScanResult

T0 = datetime(2026, 11, 21, 10, 0, tzinfo=UTC)
W1 = ("worker_001", "Dolphin")
W2 = ("worker_002", "Orca")


def key(text: str) -> str:
    """The tests' order key: no '#', no outer spaces, any case."""
    return text.replace("#", "").strip().casefold()


def make_list(orders: Mapping[str, Sequence[tuple[str, int]]], name: str = "DHL") -> PackingList:
    """{order_number: [(sku, quantity), ...]} → a PackingList (titles are "Title <sku>")."""
    return PackingList(name=name, orders=tuple(
        Order(number, tuple(OrderLine(row, sku, f"Title {sku}", qty)
                            for row, (sku, qty) in enumerate(lines)))
        for number, lines in orders.items()))


def resolver(barcodes: Mapping[str, Sequence[str]] | None,
             plist: PackingList) -> Callable[[str], frozenset[str]]:
    """Barcode → SKUs from ``barcodes``; every SKU of the list also scans as itself."""
    table: dict[str, frozenset[str]] = {}
    for order in plist.orders:
        for line in order.lines:
            table[line.sku] = frozenset({line.sku})
    for code, skus in (barcodes or {}).items():
        table[code] = frozenset(skus)

    def resolve(code: str) -> frozenset[str]:
        return table.get(code, frozenset())

    return resolve


def make_logic(orders: Mapping[str, Sequence[tuple[str, int]]],
               barcodes: Mapping[str, Sequence[str]] | None = None,
               debounce: float = 0.15) -> PackerLogic:
    plist = make_list(orders)
    return PackerLogic(plist, order_key=key, resolve_item=resolver(barcodes, plist),
                       debounce_seconds=debounce)


class Station:
    """Drives a PackerLogic with a clock that moves on by ``step`` seconds per action,
    and keeps the journal of every event as the storage layer would."""

    def __init__(self, logic: PackerLogic, step: float = 2.0, worker: tuple[str, str] = W1):
        self.logic = logic
        self.now = T0
        self.step = step
        self.worker = worker
        self.journal: list[ScanEvent] = []

    def act(self, kind: EventKind, after: float | None = None, **kw: Any) -> ScanResult:
        self.now += timedelta(seconds=self.step if after is None else after)
        event = self.logic.decide(kind, self.now, *self.worker, **kw)
        self.journal.append(event)
        return self.logic.apply(event)

    def scan(self, code: str, after: float | None = None) -> ScanResult:
        return self.act(EventKind.SCAN, after, code=code)

    def undo(self, row: int | None = None, after: float | None = None) -> ScanResult:
        return self.act(EventKind.UNDO, after, row=row)

    def skip(self, after: float | None = None) -> ScanResult:
        return self.act(EventKind.SKIP, after)

    def manual(self, row: int, reason: str = "label torn", quantity: int | None = None,
               after: float | None = None) -> ScanResult:
        return self.act(EventKind.MANUAL, after, row=row, reason=reason, quantity=quantity)

    def keep(self, sku: str, after: float | None = None) -> ScanResult:
        return self.act(EventKind.EXTRA_KEEP, after, code=sku)

    def remove(self, sku: str, after: float | None = None) -> ScanResult:
        return self.act(EventKind.EXTRA_REMOVE, after, code=sku)

    def handover(self, worker: tuple[str, str], after: float | None = None) -> ScanResult:
        self.worker = worker
        return self.act(EventKind.HANDOVER, after)
