"""session_summary.json in the unified format (docs/metadata.md): the one generator of it.

Everything except ``metrics``, which the storage layer adds with
``shared.metadata_utils.calculate_session_metrics`` (the domain may not import ``shared``);
every ``orders[]`` entry carries what that function reads. ``duration_seconds`` is the sum of
the orders' active packing time, so idle time and pauses are left out.

``orders[]`` holds the completed orders (the metrics are about them); orders started but not
finished are in ``unfinished_orders[]`` with the same shape, and the skipped ones among them
also in ``skipped_orders[]``. ``worker_id``/``worker_name`` name the worker who packed the
most units; ``workers[]`` lists everyone who worked on the list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from packing_tool.domain.packer_views import OrderStatus, OrderView, iso, seconds
from packing_tool.domain.packing_state import UNFINISHED, order_record
from packing_tool.domain.second_check import CheckRecord, check_figures
from packing_tool.domain.sku_figures import sku_figures

if TYPE_CHECKING:
    from packing_tool.domain.packer import PackerLogic

SUMMARY_VERSION = "1.3.0"


def _counts(view: OrderView, conflicts: Mapping[str, str]) -> bool:
    """A re-pack, or an order the ledger counts in another list, is never counted again."""
    return not view.repack and view.order_number not in conflicts


def _workers(logic: PackerLogic, views: list[OrderView],
             conflicts: Mapping[str, str]) -> list[dict[str, Any]]:
    units: Counter[str] = Counter()
    manual: Counter[str] = Counter()
    orders: Counter[str] = Counter()
    active: dict[str, float] = {}  # packing time of the orders each worker completed
    names = logic.workers
    for view in views:
        if not _counts(view, conflicts):
            for item in view.items:
                names.setdefault(item.worker_id, item.worker_name)
            continue
        for item in view.items:
            units[item.worker_id] += item.quantity
            if item.confirmation_method != "scanned":
                manual[item.worker_id] += item.quantity
            names.setdefault(item.worker_id, item.worker_name)
        if view.completed_by is not None:
            orders[view.completed_by[0]] += 1
            who = view.completed_by[0]
            active[who] = active.get(who, 0.0) + view.active_seconds
    return [{"worker_id": worker_id, "worker_name": name, "units_packed": units[worker_id],
             "units_manual": manual[worker_id], "orders_completed": orders[worker_id],
             "active_seconds": seconds(active.get(worker_id, 0.0))}
            for worker_id, name in names.items()]


def build_summary(
    logic: PackerLogic,
    *,
    session_id: str,
    client_id: str,
    packing_list_name: str,
    packing_list_path: str,
    session_type: str,
    worker_pc: str,
    user_name: str,
    started_at: datetime,
    completed_at: datetime,
    conflicts: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The session summary of ``logic`` as it stands (``metrics`` left to the caller).

    ``conflicts``: orders packed here that the order ledger counts in another list (order →
    where); like re-packs they are listed but give no worker any order or unit.
    """
    conflicts = conflicts or {}
    views = list(logic.started_orders())
    done = sorted((v for v in views if v.status is OrderStatus.COMPLETE),
                  key=lambda v: v.completed_at.timestamp() if v.completed_at else 0.0)
    unfinished = [v for v in views if v.status in UNFINISHED]
    workers = _workers(logic, views, conflicts)
    elsewhere = logic.elsewhere_orders
    # The main worker packed the most units; on a tie, the one who started first.
    main = max(workers, key=lambda w: w["units_packed"], default=None)
    progress = logic.progress
    figures = sku_figures(logic.packing_list, views)
    return {
        "version": SUMMARY_VERSION,
        "session_id": session_id,
        "client_id": client_id,
        "packing_list_name": packing_list_name,
        "packing_list_path": packing_list_path,
        "session_type": session_type,
        "worker_id": None if main is None else main["worker_id"],
        "worker_name": "Unknown" if main is None else main["worker_name"],
        "workers": workers,
        "worker_pc": worker_pc,
        "pc_name": worker_pc,
        "user_name": user_name,
        "started_at": iso(started_at),
        "completed_at": iso(completed_at),
        "duration_seconds": seconds(sum(v.active_seconds for v in views)),
        "total_orders": progress.orders_total,
        "completed_orders": progress.orders_complete,
        "in_progress_orders": progress.orders_in_progress,
        "skipped_orders_count": progress.orders_skipped,
        "total_items": progress.units_total,
        "packed_items": progress.units_packed,
        "unique_skus": len(figures),
        "orders": [_with_marks(order_record(v), v, conflicts,
                               logic.second_checks.record_of(v.order_number)) for v in done],
        "counted_orders": sum(1 for v in done if _counts(v, conflicts)),
        "repacked_orders_count": sum(1 for v in done if v.repack),
        **check_figures(logic.second_checks.records),
        "conflict_orders": [{"order_number": n, "also_packed": where}
                            for n, where in sorted(conflicts.items())],
        "packed_elsewhere_count": progress.orders_elsewhere,
        "packed_elsewhere_orders": [
            {"order_number": n, "where": info.describe(), "session_id": info.session_id,
             "list_name": info.list_name, "station": info.station}
            for n, info in sorted(elsewhere.items()) if info.state.value == "packed"
            and all(n != v.order_number for v in done)],
        "unfinished_orders": [order_record(v) for v in unfinished],
        "skipped_orders": [
            {"order_number": v.order_number, "skipped_at": iso(v.skipped_at),
             "status": "skipped", "packed_items": v.units_packed, "total_items": v.units_total}
            for v in logic.skipped_orders],
        "sku_figures": {sku: f.to_dict() for sku, f in figures.items()},
        "last_seq": logic.last_seq,
    }


def _with_marks(record: dict[str, Any], view: OrderView, conflicts: Mapping[str, str],
                check: CheckRecord | None = None) -> dict[str, Any]:
    if check is not None:
        record["second_check"] = check.to_dict()  # who checked it and when, or why skipped
    if view.repack:
        record["repack_reason"] = view.repack
    if view.order_number in conflicts:
        record["also_packed"] = conflicts[view.order_number]
    return record


def list_done(summary: Mapping[str, Any]) -> bool:
    """Every order of the list is packed: here, or (by the order ledger) in another list."""
    total = int(summary.get("total_orders") or 0)
    packed = int(summary.get("completed_orders") or 0)
    return total > 0 and packed + int(summary.get("packed_elsewhere_count") or 0) >= total
