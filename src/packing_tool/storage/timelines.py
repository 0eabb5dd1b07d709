"""The timelines and hourly figures of the Session Details dialog (``session_details``, which
re-exports them): every order's events (from the journal, else from the summary's scan
records) and units and orders per local clock hour. Pure: nothing here reads a file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from packing_tool.domain.events import EventKind, Outcome, ScanEvent
from packing_tool.domain.packer_views import MANUAL
from shared.timestamps import parse_timestamp

JsonDict = dict[str, Any]
Timeline = tuple["TimelineEntry", ...]
MAX_HOURS = 7 * 24  # gaps are filled hour by hour only over a week; beyond, busy hours only

# How each outcome reads on a timeline (the dialog colours by this).
MARKS: dict[Outcome, str] = {
    Outcome.ORDER_LOADED: "order", Outcome.ORDER_RESUMED: "order",
    Outcome.ITEM_OK: "ok", Outcome.ORDER_COMPLETE: "complete",
    Outcome.MANUAL_CONFIRMED: "manual", Outcome.EXTRA_ITEM: "extra",
    Outcome.EXTRA_KEPT: "extra", Outcome.EXTRA_REMOVED: "extra", Outcome.UNDONE: "undo",
    Outcome.UNKNOWN_BARCODE: "unknown", Outcome.WRONG_ITEM: "wrong",
    Outcome.ORDER_SKIPPED: "skip", Outcome.WORKER_CHANGED: "handover",
    Outcome.REPACK_STARTED: "repack",
}


@dataclass(frozen=True)
class TimelineEntry:
    """One event of an order, as the timeline shows it."""

    seq: int
    at: datetime
    kind: str  # an EventKind value
    outcome: str  # an Outcome value
    mark: str  # a value of MARKS, or "ignored" (double reads, refusals, not found)
    sku: str = ""
    code: str = ""
    quantity: int = 0
    worker_id: str = ""
    worker_name: str = ""
    reason: str = ""
    undone: bool = False  # a later undo reversed it


@dataclass(frozen=True)
class HourFigures:
    start: datetime  # local time, on the hour
    units: int  # units counted in that hour
    orders: int  # orders completed in that hour


def _entry(event: ScanEvent, undone: frozenset[int]) -> TimelineEntry:
    return TimelineEntry(
        seq=event.seq, at=event.at, kind=event.kind.value, outcome=event.outcome.value,
        mark=MARKS.get(event.outcome, "ignored"), sku=event.sku, code=event.code,
        quantity=event.quantity, worker_id=event.checker_id or event.worker_id,  # a 2nd check's
        worker_name=event.checker_name or event.worker_name,  # worker is the one who checked
        reason=event.reason or event.detail, undone=event.seq in undone)


def timelines_from_events(events: Iterable[ScanEvent]) -> tuple[dict[str, Timeline], Timeline]:
    """Events per order, and those that concerned none (labels not found, handovers)."""
    listed = list(events)
    undone = frozenset(e.target for e in listed if e.outcome is Outcome.UNDONE and e.target)
    per_order: dict[str, list[TimelineEntry]] = {}
    loose: list[TimelineEntry] = []
    for event in listed:
        entry = _entry(event, undone)
        if event.order:
            per_order.setdefault(event.order, []).append(entry)
        else:
            loose.append(entry)
    return {k: tuple(v) for k, v in per_order.items()}, tuple(loose)


def timelines_from_summary(orders: Iterable[Mapping[str, Any]]) -> dict[str, Timeline]:
    """Without a journal (an older packer's list): the counted units of each order."""
    result: dict[str, Timeline] = {}
    for order in orders:
        entries = []
        for item in _dicts(order.get("items")):
            at = parse_timestamp(item.get("scanned_at"))
            if at is None:
                continue
            manual = item.get("confirmation_method") == MANUAL
            entries.append(TimelineEntry(
                seq=_int(item.get("seq")), at=at,
                kind=(EventKind.MANUAL if manual else EventKind.SCAN).value,
                outcome=(Outcome.MANUAL_CONFIRMED if manual else Outcome.ITEM_OK).value,
                mark="manual" if manual else "ok", sku=str(item.get("sku") or ""),
                quantity=_int(item.get("quantity")), worker_id=str(item.get("worker_id") or ""),
                worker_name=str(item.get("worker_name") or ""),
                reason=str(item.get("reason") or "")))
        result[str(order.get("order_number"))] = tuple(sorted(entries, key=lambda e: e.at))
    return result


def hourly_figures(summary: Mapping[str, Any]) -> tuple[HourFigures, ...]:
    """Units counted and orders completed per local clock hour, from the summary's records."""
    units: dict[datetime, int] = {}
    orders: dict[datetime, int] = {}
    for key in ("orders", "unfinished_orders"):
        for order in _dicts(summary.get(key)):
            done = parse_timestamp(order.get("completed_at"))
            if done is not None and key == "orders":
                orders[_hour(done)] = orders.get(_hour(done), 0) + 1
            for item in _dicts(order.get("items")):
                at = parse_timestamp(item.get("scanned_at"))
                if at is not None:
                    units[_hour(at)] = units.get(_hour(at), 0) + _int(item.get("quantity"))
    hours = sorted(set(units) | set(orders))
    if hours and (hours[-1] - hours[0]) <= timedelta(hours=MAX_HOURS):
        hours = [hours[0] + timedelta(hours=n)
                 for n in range(int((hours[-1] - hours[0]) / timedelta(hours=1)) + 1)]
    return tuple(HourFigures(h, units.get(h, 0), orders.get(h, 0)) for h in hours)


def _hour(moment: datetime) -> datetime:
    return moment.astimezone().replace(minute=0, second=0, microsecond=0)


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _dicts(value: object) -> list[JsonDict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
