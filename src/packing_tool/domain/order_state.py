"""The mutable progress of one order: line counts, its own timings, scan records, undo stack.

Only ``PackerLogic.apply`` changes these, and only from what an event carries. Each order
keeps its own clock, so orders set aside and resumed never take each other's timings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType

from packing_tool.domain.events import EventKind
from packing_tool.domain.orders import Order
from packing_tool.domain.packer_views import ItemRecord, LineView, OrderStatus, OrderView


@dataclass(frozen=True)
class Undoable:
    """A counting event of the order that UNDO can reverse, newest last."""

    seq: int
    kind: EventKind  # SCAN or MANUAL (units on a line), EXTRA_KEEP or EXTRA_REMOVE
    row: int | None
    quantity: int  # units added to the line (0 for an extra resolution)
    sku: str


def _elapsed(start: datetime, end: datetime) -> float:
    # A clock set back must not make time negative.
    return max(0.0, (end - start).total_seconds())


class OrderState:
    __slots__ = (
        "_pos", "active_since", "active_total", "completed_at", "completed_by", "corrections",
        "extra_scans", "extras_kept", "extras_removed", "items", "manual", "misscans",
        "missing", "order", "packed", "pending_extras", "repack", "required", "skipped_at",
        "sku_rows", "started_at", "status", "undo_stack", "unknown_scans", "wrong_scans",
    )

    def __init__(self, order: Order) -> None:
        self.order = order
        self._pos = {line.row: i for i, line in enumerate(order.lines)}
        self.required = [max(0, line.quantity) for line in order.lines]
        self.packed = [0] * len(order.lines)
        self.manual = [0] * len(order.lines)
        self.missing = sum(self.required)  # units still to pack, kept for O(1) checks
        self.sku_rows: dict[str, list[int]] = {}
        for i, line in enumerate(order.lines):
            self.sku_rows.setdefault(line.sku, []).append(i)
        self.status = OrderStatus.NEW
        self.started_at: datetime | None = None
        self.completed_at: datetime | None = None
        self.completed_by: tuple[str, str] | None = None
        self.skipped_at: datetime | None = None
        self.active_total = 0.0
        self.active_since: datetime | None = None
        self.items: list[ItemRecord] = []
        self.undo_stack: list[Undoable] = []
        self.pending_extras: dict[str, int] = {}
        self.extras_kept: dict[str, int] = {}
        self.extras_removed: dict[str, int] = {}
        self.misscans: dict[str, int] = {}
        self.corrections = self.extra_scans = self.unknown_scans = self.wrong_scans = 0
        self.repack = ""  # the reason, when the order is packed again on purpose

    # ------------------------------------------------------------------ questions

    @property
    def number(self) -> str:
        return self.order.order_number

    def position(self, row: int | None) -> int | None:
        return None if row is None else self._pos.get(row)

    def open_row(self, skus: frozenset[str]) -> int | None:
        """The first line (in row order) of one of ``skus`` that still needs units."""
        best: int | None = None
        for sku in skus:
            for i in self.sku_rows.get(sku, ()):
                if self.packed[i] < self.required[i]:
                    best = i if best is None else min(best, i)
                    break
        return None if best is None else self.order.lines[best].row

    def first_row_of(self, skus: frozenset[str]) -> int | None:
        found = [rows[0] for sku in skus if (rows := self.sku_rows.get(sku))]
        return self.order.lines[min(found)].row if found else None

    def next_expected_sku(self) -> str | None:
        i = next((i for i, n in enumerate(self.packed) if n < self.required[i]), None)
        return None if i is None else self.order.lines[i].sku

    def expected_sku(self) -> str | None:
        """The item the packer was on, to charge a wrong or unknown scan to: the line of the
        last unit counted in this order while it still needs units (the packer is between
        units of it), else the first line still needing units; None when none does."""
        if self.items:
            i = self._pos.get(self.items[-1].row)
            if i is not None and self.packed[i] < self.required[i]:
                return self.order.lines[i].sku
        return self.next_expected_sku()

    def active_seconds(self, now: datetime | None) -> float:
        if self.active_since is None or now is None:
            return self.active_total
        return self.active_total + _elapsed(self.active_since, now)

    @property
    def extras_pending(self) -> int:
        return sum(self.pending_extras.values())

    # ------------------------------------------------------------------ changes

    def open(self, at: datetime) -> None:
        if self.started_at is None:
            self.started_at = at
        self.status = OrderStatus.IN_PROGRESS
        self.active_since = at

    def _pause(self, at: datetime) -> None:
        self.active_total = self.active_seconds(at)
        self.active_since = None

    def skip(self, at: datetime) -> None:
        self._pause(at)
        self.status = OrderStatus.SKIPPED
        self.skipped_at = at

    def complete(self, at: datetime, worker: tuple[str, str]) -> None:
        self._pause(at)
        self.status = OrderStatus.COMPLETE
        self.completed_at = at
        self.completed_by = worker
        self.skipped_at = None
        self.undo_stack.clear()  # a finished order cannot be undone

    def add_units(self, record: ItemRecord, kind: EventKind) -> None:
        i = self._pos[record.row]
        self.packed[i] += record.quantity
        if kind is EventKind.MANUAL:
            self.manual[i] += record.quantity
        self.missing -= record.quantity
        self.items.append(record)
        self.undo_stack.append(Undoable(record.seq, kind, record.row, record.quantity, record.sku))

    def resolve_extra(self, seq: int, kind: EventKind, sku: str) -> None:
        left = self.pending_extras[sku] - 1
        if left:
            self.pending_extras[sku] = left
        else:
            del self.pending_extras[sku]
        into = self.extras_kept if kind is EventKind.EXTRA_KEEP else self.extras_removed
        into[sku] = into.get(sku, 0) + 1
        self.undo_stack.append(Undoable(seq, kind, None, 0, sku))

    def undo(self, target: int) -> Undoable:
        """Reverse the counting event ``target`` exactly; it must be on the undo stack."""
        at = next(i for i in range(len(self.undo_stack) - 1, -1, -1)
                  if self.undo_stack[i].seq == target)
        entry = self.undo_stack.pop(at)
        if entry.kind in (EventKind.EXTRA_KEEP, EventKind.EXTRA_REMOVE):
            into = self.extras_kept if entry.kind is EventKind.EXTRA_KEEP else self.extras_removed
            into[entry.sku] -= 1
            if not into[entry.sku]:
                del into[entry.sku]
            self.pending_extras[entry.sku] = self.pending_extras.get(entry.sku, 0) + 1
            return entry
        i = self._pos[entry.row] if entry.row is not None else -1
        self.packed[i] -= entry.quantity
        if entry.kind is EventKind.MANUAL:
            self.manual[i] -= entry.quantity
        self.missing += entry.quantity
        index = next(k for k in range(len(self.items) - 1, -1, -1) if self.items[k].seq == target)
        del self.items[index]
        return entry

    def add_extra(self, sku: str) -> None:
        self.pending_extras[sku] = self.pending_extras.get(sku, 0) + 1
        self.extra_scans += 1

    def count_misscan(self, wrong: bool) -> None:
        if wrong:
            self.wrong_scans += 1
        else:
            self.unknown_scans += 1
        expected = self.expected_sku()
        if expected is not None:
            self.misscans[expected] = self.misscans.get(expected, 0) + 1

    # ------------------------------------------------------------------ view

    def view(self, now: datetime | None) -> OrderView:
        lines = tuple(
            LineView(line.row, line.sku, line.product_name, self.required[i], self.packed[i],
                     self.manual[i])
            for i, line in enumerate(self.order.lines))
        return OrderView(
            order_number=self.number, status=self.status, lines=lines,
            started_at=self.started_at, completed_at=self.completed_at,
            completed_by=self.completed_by, skipped_at=self.skipped_at,
            active_seconds=self.active_seconds(now), active_since=self.active_since,
            banked_seconds=self.active_total,
            items=tuple(self.items),
            pending_extras=MappingProxyType(dict(self.pending_extras)),
            extras_kept=MappingProxyType(dict(self.extras_kept)),
            extras_removed=MappingProxyType(dict(self.extras_removed)),
            corrections=self.corrections, extra_scans=self.extra_scans,
            unknown_scans=self.unknown_scans, wrong_scans=self.wrong_scans,
            misscans=MappingProxyType(dict(self.misscans)), repack=self.repack)
