"""``packing_state.json`` in its canonical shape (docs/metadata.md), built from a PackerLogic.

The snapshot is for other readers (the Session Browser on another PC, the older packer); our
own resume replays the journal. ``last_seq`` says which journal position it reflects. Every
time in it comes from the events, so replaying a journal gives the same snapshot.

Keys beyond the documented ones (readers keep unknown keys): ``in_progress_timing`` (each
unfinished order's own timing and scan records, so interleaved orders keep theirs across a
restart) and ``pending_extras_by_order`` (``pending_extras`` is the current order's, as the
older packer's ``_current_extras`` was).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from packing_tool.domain.packer_views import MANUAL, OrderStatus, OrderView, iso, seconds

if TYPE_CHECKING:
    from packing_tool.domain.packer import PackerLogic

STATE_VERSION = "1.3.0"
UNFINISHED = (OrderStatus.IN_PROGRESS, OrderStatus.SKIPPED)


def legacy_sku_key(sku: str) -> str:
    """The older packer's normalisation (letters and digits, lower case), for its readers."""
    return "".join(filter(str.isalnum, sku)).lower()


def order_record(view: OrderView) -> dict[str, Any]:
    """One order as session_summary ``orders[]`` and packing_state ``completed[]`` hold it.

    ``duration_seconds`` is active time (while it was the current order); ``wall_seconds`` is
    first load to completion. ``unknown_scans_count`` counts every scan that matched nothing in
    the order, as the older packer did; ``wrong_item_scans_count`` is the part of them that
    were known barcodes (other SKUs, other orders' labels).
    """
    by = view.completed_by
    return {
        "order_number": view.order_number,
        "status": view.status.value,
        "started_at": iso(view.started_at),
        "completed_at": iso(view.completed_at),
        "duration_seconds": seconds(view.active_seconds),
        "wall_seconds": seconds(view.wall_seconds),
        "items_count": view.units_packed,
        "units_required": view.units_total,
        "manual_units": sum(line.manual for line in view.lines),
        "items": [item.to_dict() for item in view.items],
        "time_to_first_scan_seconds": seconds(view.time_to_first_scan),
        "corrections": view.corrections,
        "extra_scans_count": view.extra_scans,
        "unknown_scans_count": view.unknown_scans + view.wrong_scans,
        "wrong_item_scans_count": view.wrong_scans,
        "extras_kept": dict(view.extras_kept),
        "extras_removed": dict(view.extras_removed),
        "completed_by": None if by is None else {"worker_id": by[0], "worker_name": by[1]},
    }


def _lines(view: OrderView, sku_key: Callable[[str], str]) -> list[dict[str, Any]]:
    return [{"original_sku": line.sku, "normalized_sku": sku_key(line.sku),
             "required": line.required, "packed": line.packed, "manual": line.manual,
             "row": line.row} for line in view.lines]


def _current_timing(view: OrderView | None) -> dict[str, Any] | None:
    if view is None:
        return None
    return {
        "order_number": view.order_number,
        "current_order_start_time": iso(view.started_at),
        "items_scanned": [item.to_dict() for item in view.items],
        "corrections": view.corrections,
        "extra_scan_count": view.extra_scans,
        "unknown_scan_count": view.unknown_scans + view.wrong_scans,
        "active_seconds": seconds(view.active_seconds),
        "time_to_first_scan_seconds": seconds(view.time_to_first_scan),
        "manual_units": sum(i.quantity for i in view.items if i.confirmation_method == MANUAL),
    }


def _meta(meta: Mapping[str, object], key: str, default: object = None) -> object:
    value = meta.get(key, default)
    return value.isoformat() if isinstance(value, datetime) else value


def state_snapshot(
    logic: PackerLogic,
    meta: Mapping[str, object],
    *,
    sku_key: Callable[[str], str] = legacy_sku_key,
) -> dict[str, Any]:
    """The packing_state.json document. ``meta`` gives ``session_id``, ``client_id``,
    ``packing_list_name``, ``started_at``, ``last_updated``, ``pc_name`` and optionally
    ``worker_id``/``worker_name`` (else the worker of the last event); datetimes are written
    as ISO 8601. ``sku_key`` fills ``normalized_sku`` (by default the older packer's rule,
    which is how that program matches lines)."""
    views = list(logic.started_orders())
    progress = logic.progress
    current = logic.current_order
    done = sorted((v for v in views if v.status is OrderStatus.COMPLETE),
                  key=lambda v: v.completed_at.timestamp() if v.completed_at else 0.0)
    unfinished = [v for v in views if v.status in UNFINISHED]
    skipped = logic.skipped_orders
    worker_id, worker_name = logic.worker
    complete = progress.orders_complete == progress.orders_total > 0
    return {
        "version": STATE_VERSION,
        "session_id": _meta(meta, "session_id"),
        "client_id": _meta(meta, "client_id"),
        "packing_list_name": _meta(meta, "packing_list_name", logic.packing_list.name),
        "started_at": _meta(meta, "started_at"),
        "last_updated": _meta(meta, "last_updated", iso(logic.last_event_at)),
        "status": "completed" if complete else "in_progress",
        "pc_name": _meta(meta, "pc_name"),
        "worker_id": _meta(meta, "worker_id", worker_id or None),
        "worker_name": _meta(meta, "worker_name", worker_name or None),
        "progress": {
            "total_orders": progress.orders_total,
            "completed_orders": progress.orders_complete,
            "in_progress_order": None if current is None else current.order_number,
            "total_items": progress.units_total,
            "packed_items": progress.units_packed,
        },
        "in_progress": {v.order_number: _lines(v, sku_key) for v in unfinished},
        "current_order_timing": _current_timing(current),
        "pending_extras": {} if current is None else dict(current.pending_extras),
        "completed": [order_record(v) for v in done],
        "skipped_orders": [v.order_number for v in skipped],
        "skipped_orders_timing": {v.order_number: iso(v.skipped_at) for v in skipped},
        "in_progress_timing": {v.order_number: order_record(v) for v in unfinished},
        "pending_extras_by_order": {v.order_number: dict(v.pending_extras)
                                    for v in unfinished if v.pending_extras},
        "last_seq": logic.last_seq,
    }
