"""Session Details on "one order is packed once": orders packed in another list, orders packed
again here (with the reason), and conflicts (packed here while the share was away, and by
the order ledger also elsewhere). All of it comes from the summary; older summaries have none
of these keys and show nothing here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from packing_tool.ui import local_time, wording
from packing_tool.ui.tables import table
from packing_tool.ui.widgets import named

JsonDict = dict[str, Any]
ELSEWHERE_STATUS = "packed elsewhere"


def _dicts(value: object) -> list[JsonDict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def packed_elsewhere(summary: Mapping[str, Any]) -> list[JsonDict]:
    return _dicts(summary.get("packed_elsewhere_orders"))


def conflicts(summary: Mapping[str, Any]) -> list[JsonDict]:
    return _dicts(summary.get("conflict_orders"))


def repacked(summary: Mapping[str, Any]) -> list[JsonDict]:
    return [o for o in _dicts(summary.get("orders")) if o.get("repack_reason")]


def has_ledger(summary: Mapping[str, Any]) -> bool:
    return bool(packed_elsewhere(summary) or conflicts(summary) or repacked(summary))


def overview_rows(summary: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Overview lines for the ledger's figures (none for a summary without them)."""
    rows: list[tuple[str, str]] = []
    elsewhere = _count(summary.get("packed_elsewhere_count")) or len(packed_elsewhere(summary))
    if elsewhere:
        rows.append((_tr("Packed elsewhere"),
                     _tr("{n} (in another list; not packed here)").format(n=elsewhere)))
    if again := _count(summary.get("repacked_orders_count")) or len(repacked(summary)):
        rows.append((_tr("Packed again"),
                     _tr("{n} (on purpose; not counted twice)").format(n=again)))
    if clashes := len(conflicts(summary)):
        rows.append((_tr("Conflicts"), _tr(
            "{n} (packed here while the share was away, and also elsewhere; counted once)"
        ).format(n=clashes)))
    if "counted_orders" in summary and (elsewhere or again or clashes):
        rows.append((_tr("Counted orders"), str(_count(summary.get("counted_orders")))))
    return rows


def ledger_marks(order: Mapping[str, Any]) -> str:
    """An order row's marks: packed again (why) and a conflict (where else)."""
    parts = []
    if reason := order.get("repack_reason"):
        parts.append(_tr("↻ packed again: {reason}").format(reason=reason))
    if also := order.get("also_packed"):
        parts.append(_tr("⚠ conflict: also {where}").format(where=wording.detail(str(also))))
    if order.get("status") == ELSEWHERE_STATUS and (where := order.get("where")):
        parts.append(f"→ {wording.detail(str(where))}")
    return " · ".join(parts)


def _tr(text: str) -> str:
    return QCoreApplication.translate("LedgerTab", text)


def elsewhere_rows(summary: Mapping[str, Any]) -> list[JsonDict]:
    """The packed-elsewhere orders as rows of the Orders tab (no scans of their own here)."""
    return [{"order_number": o.get("order_number"), "status": ELSEWHERE_STATUS,
             "where": o.get("where") or o.get("list_name") or ""}
            for o in packed_elsewhere(summary)]


class LedgerTab(QWidget):
    """Page ``detailsLedger``: tables ``packedElsewhereTable``, ``repackTable`` and
    ``conflictTable`` (each left out when empty)."""

    def __init__(self, summary: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsLedger")
        layout = QVBoxLayout(self)
        elsewhere, again, clashes = packed_elsewhere(summary), repacked(summary), conflicts(summary)
        if clashes:
            layout.addWidget(named(QLabel(self.tr(
                "Conflicts ({n}): packed here while the share was away, and by the order "
                "ledger also packed elsewhere. Each counts once (in the other list); check that "
                "only one parcel left.").format(n=len(clashes))), "conflictNote"))
            layout.addWidget(table("conflictTable", (self.tr("Order"), self.tr("Also packed")), [
                (str(c.get("order_number")), wording.detail(str(c.get("also_packed") or "")))
                for c in clashes]))
        if again:
            layout.addWidget(QLabel(self.tr("Packed again here on purpose ({n}); not counted a "
                                            "second time:").format(n=len(again))))
            layout.addWidget(table("repackTable", (self.tr("Order"), self.tr("Reason"),
                                                   self.tr("Completed"), self.tr("By")), [
                (str(o.get("order_number")), str(o.get("repack_reason")),
                 local_time.when(o.get("completed_at")), _worker(o)) for o in again]))
        if elsewhere:
            layout.addWidget(QLabel(self.tr("Packed in another list ({n}), so not packed "
                                            "here:").format(n=len(elsewhere))))
            layout.addWidget(table("packedElsewhereTable", (self.tr("Order"), self.tr("Where")), [
                (str(o.get("order_number")),
                 wording.detail(str(o.get("where") or o.get("list_name") or "")))
                for o in elsewhere]))
        layout.addStretch(1)


def _worker(order: Mapping[str, Any]) -> str:
    by = order.get("completed_by")
    return str(by.get("worker_name") or "") if isinstance(by, dict) else ""
