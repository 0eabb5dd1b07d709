"""What an open list tells the share about its progress: ``session_info.json`` (the Shopify
Tool's file), the session index, this station's registry, and the list's ``progress.json``.

``ProgressRecords`` is a part of ``SessionManager`` (it inherits these methods).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from packing_tool.domain.phrase import phrase
from packing_tool.storage import session_index
from packing_tool.storage.active_list import ActiveList, SessionSettings
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.live_progress import FIGURES, write_progress
from packing_tool.storage.local_registry import LocalRegistry
from packing_tool.storage.packing_session import Worker
from packing_tool.storage.session_info import update_progress
from packing_tool.storage.share_calls import within
from shared.timestamps import to_iso

log = logging.getLogger("packing_tool.storage.session_manager")


class ProgressRecords:
    """The progress records of ``SessionManager``, which sets these attributes."""

    layout: ShareLayout
    worker: Worker
    settings: SessionSettings
    registry: LocalRegistry
    clock: Callable[[], datetime]
    progress_bytes: int  # written by report_progress (for the benchmarks)

    def _within(self, what: str, call: Callable[[], Any],
                abandon: Callable[[Any], Any] | None = None) -> Any:
        return within(self.settings.share_timeout, what, call, abandon)

    def _figures(self, active: ActiveList) -> dict[str, Any]:
        with active.session.lock:
            progress = active.session.logic.progress
            started = active.session.started_at
        couriers = {o.courier for o in active.session.packing_list.orders if o.courier}
        return {"worker_id": self.worker.id, "worker_name": self.worker.name,
                "courier": couriers.pop() if len(couriers) == 1 else None,
                "pc_name": active.session.station,
                "started_at": to_iso(started) if started else None,
                "total_orders": progress.orders_total,
                "completed_orders": progress.orders_complete,
                "skipped_orders": progress.orders_skipped,
                "total_items": progress.units_total, "packed_items": progress.units_packed,
                "packed_elsewhere_orders": progress.orders_elsewhere,
                "repacked_orders": progress.orders_repacked,
                "conflict_orders": len(active.ledger.conflicts)}

    def _record(self, active: ActiveList, status: str, **more: Any) -> None:
        """Tell session_info.json, the index and this station's registry (best effort)."""
        figures = {k: v for k, v in {**self._figures(active), **more}.items()
                   if v is not None}  # an unknown value must not erase a known one
        session_dir = self.layout.session_dir(active.client_id, active.session_id)
        try:
            self._within(phrase("update session_info.json"), lambda: update_progress(
                session_dir, active.list_name, status=status, **figures))
            self._within(phrase("update the session index"), lambda: session_index.update_entry(
                self.layout, active.client_id, active.session_id, active.list_name,
                status=status, updated_at=to_iso(self.clock()), **figures))
        except Exception as exc:  # the journal is the truth; these records only follow it
            log.warning("%s: progress not recorded on the share: %s", active.work_dir, exc)
        if status in ("completed", "incomplete"):
            self.registry.forget(self.layout.root, active.client_id, active.session_id,
                                 active.list_name)
        else:
            self.registry.record(self.layout.root, active.client_id, active.session_id,
                                 active.list_name, worker_id=self.worker.id,
                                 worker_name=self.worker.name, status=status)

    def report_progress(self, active: ActiveList) -> None:
        """After an order is completed (off the UI thread): the list's own ``progress.json``,
        whose size follows the list; session_info.json and the index wait for pause or end."""
        figures = {k: v for k, v in self._figures(active).items() if k in FIGURES}
        figures.update(status="in_progress", updated_at=to_iso(self.clock()),
                       pc_name=active.session.station, worker_name=self.worker.name)
        try:
            self.progress_bytes += self._within(phrase("write the list's progress"), lambda: (
                write_progress(active.work_dir, figures)))
        except Exception as exc:  # the journal is the truth; the figures only follow it
            log.warning("%s: progress not written on the share: %s", active.work_dir, exc)
