"""Read-only results and views of ``PackerLogic``: what changed, and where each order stands.

All are frozen copies: a UI or the storage layer can keep them without seeing later changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from packing_tool.domain.events import Outcome, ScanEvent

SCANNED = "scanned"
MANUAL = "manual"


class OrderStatus(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"  # the current order
    SKIPPED = "skipped"  # set aside with its progress; scanning its label resumes it
    COMPLETE = "complete"


def iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def seconds(value: float | None) -> float | None:
    # Milliseconds are all a scanner can tell apart; more digits are noise in the files.
    return None if value is None else round(value, 3)


@dataclass(frozen=True)
class ItemRecord:
    """Units of one line counted by one event (a scan is 1 unit, a manual confirm any number)."""

    seq: int  # the event that counted them
    sku: str  # exactly as the line has it
    title: str
    quantity: int
    row: int
    scanned_at: datetime
    time_from_order_start: float  # active seconds of the order (time on other orders left out)
    confirmation_method: str  # SCANNED or MANUAL
    worker_id: str
    worker_name: str
    reason: str = ""  # why a line was confirmed by hand

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "sku": self.sku, "title": self.title, "quantity": self.quantity, "row": self.row,
            "scanned_at": iso(self.scanned_at),
            "time_from_order_start_seconds": seconds(self.time_from_order_start),
            # The seed's unified Session entity names it without the unit.
            "time_from_order_start": seconds(self.time_from_order_start),
            "confirmation_method": self.confirmation_method,
            "worker_id": self.worker_id, "worker_name": self.worker_name, "seq": self.seq,
        }
        if self.reason:
            data["reason"] = self.reason
        return data


@dataclass(frozen=True)
class LineView:
    row: int
    sku: str
    title: str
    required: int
    packed: int
    manual: int  # of ``packed``, units confirmed by hand

    @property
    def remaining(self) -> int:
        return self.required - self.packed

    @property
    def complete(self) -> bool:
        return self.packed >= self.required


@dataclass(frozen=True)
class OrderView:
    """One order as the events left it. Times are those of the events, never the clock."""

    order_number: str
    status: OrderStatus
    lines: tuple[LineView, ...]
    started_at: datetime | None  # first loaded (wall time)
    completed_at: datetime | None
    completed_by: tuple[str, str] | None  # (worker_id, worker_name) of the completing event
    skipped_at: datetime | None  # last time it was set aside (None once completed)
    active_seconds: float  # time it was the current order, up to the last event
    active_since: datetime | None  # set while it is the current order (for a live timer)
    banked_seconds: float  # active time of the earlier stretches (before ``active_since``)
    items: tuple[ItemRecord, ...]
    pending_extras: Mapping[str, int]
    extras_kept: Mapping[str, int]
    extras_removed: Mapping[str, int]
    corrections: int  # undos
    extra_scans: int  # scans of a SKU whose lines were already full
    unknown_scans: int  # barcodes that mean nothing
    wrong_scans: int  # known barcodes (items or order labels) that are not in this order
    misscans: Mapping[str, int]  # wrong + unknown scans by the item the packer was on
    repack: str = ""  # why it was packed again (a re-pack never counts as a new order)

    @property
    def units_total(self) -> int:
        return sum(line.required for line in self.lines)

    @property
    def units_packed(self) -> int:
        return sum(line.packed for line in self.lines)

    @property
    def time_to_first_scan(self) -> float | None:
        """Active seconds from loading the order to its first scanned unit still counted."""
        first = next((i for i in self.items if i.confirmation_method == SCANNED), None)
        return None if first is None else first.time_from_order_start

    @property
    def wall_seconds(self) -> float | None:
        if self.started_at is None or self.completed_at is None:
            return None
        return max(0.0, (self.completed_at - self.started_at).total_seconds())

    def active_at(self, now: datetime) -> float:
        """Active seconds at ``now`` (for a live timer; the files use ``active_seconds``)."""
        if self.active_since is None:
            return self.active_seconds
        return self.banked_seconds + max(0.0, (now - self.active_since).total_seconds())


@dataclass(frozen=True)
class Progress:
    orders_total: int
    orders_complete: int
    orders_in_progress: int  # started, not complete (the current one and skipped ones)
    orders_skipped: int
    units_total: int
    units_packed: int
    orders_elsewhere: int = 0  # packed in another list or session, not here
    orders_repacked: int = 0  # packed again here on purpose (counted once, not twice)

    @property
    def orders_remaining(self) -> int:
        """Orders nobody has packed yet: neither here nor elsewhere."""
        return max(0, self.orders_total - self.orders_complete - self.orders_elsewhere)


@dataclass(frozen=True)
class ScanResult:
    """What one applied event changed: enough for a UI to redraw one line and the banners."""

    outcome: Outcome
    event: ScanEvent
    order_number: str | None
    row: int | None
    sku: str
    line_packed: int | None  # after the change (None when no line is concerned)
    line_required: int | None
    order_packed: int  # units of ``order_number`` packed after the change (0 without an order)
    order_total: int
    orders_complete: int
    orders_total: int
    detail: str
    order_completed: bool  # this event completed ``order_number``
