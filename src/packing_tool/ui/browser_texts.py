"""The Session Browser's words: a row's cells as text, its preview, which actions it offers.

Plain functions over index rows, shared by the table model (``browser_model``), the browser
and the details windows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from packing_tool.storage.discovery import session_date
from packing_tool.storage.index_rows import IndexRow
from packing_tool.storage.lock_info import station_name
from packing_tool.ui import local_time, wording
from packing_tool.ui.list_check_view import marker_tooltip
from shared.timestamps import now, parse_timestamp

DASH = "—"
RESUMABLE = ("paused", "incomplete", "abandoned")


def _tr(text: str) -> str:
    return QCoreApplication.translate("SessionTable", text)


def format_duration(seconds: float | None) -> str:
    return local_time.duration(seconds)


def format_time(value: str | None) -> str:
    """"today 10:41", "3 Dec 10:41": local time, in the chosen language."""
    moment = parse_timestamp(value)
    return local_time.when(moment) if moment else DASH


def fraction(done: int | None, total: int | None) -> str:
    if total is None:
        return DASH
    return f"{done or 0}/{total}"


def row_figure(row: IndexRow, key: str) -> int:
    """One of the order ledger's counts the index holds for the row (``packed_elsewhere_orders``,
    ``conflict_orders``; ``repacked_orders`` once rows carry it); 0 when absent."""
    value = getattr(row, key, None)
    if value is None:
        extra = getattr(row, "extra", None)
        value = extra.get(key) if isinstance(extra, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def progress_text(row: IndexRow) -> str:
    """``120/194 +74 elsewhere · 1 conflict``: orders packed here, then what the ledger adds."""
    text = fraction(row.completed_orders, row.total_orders)
    if elsewhere := row_figure(row, "packed_elsewhere_orders"):
        text += QCoreApplication.translate("SessionTable", " +{n} elsewhere").format(n=elsewhere)
    if conflicts := row_figure(row, "conflict_orders"):
        text += (QCoreApplication.translate("SessionTable", " · 1 conflict") if conflicts == 1
                 else QCoreApplication.translate("SessionTable", " · {n} conflicts").format(
                     n=conflicts))
    return text


def ledger_line(row: IndexRow) -> str:
    """The preview's line on orders packed elsewhere, packed again and in conflict ("": none)."""
    parts = [f"{label}: {n}" for label, n in (
        (QCoreApplication.translate("SessionTable", "Packed elsewhere"),
         row_figure(row, "packed_elsewhere_orders")),
        (QCoreApplication.translate("SessionTable", "Packed again"),
         row_figure(row, "repacked_orders")),
        (QCoreApplication.translate("SessionTable", "Conflicts (also packed elsewhere)"),
         row_figure(row, "conflict_orders"))) if n]
    return "   ".join(parts)


def row_day(row: IndexRow) -> str:
    """The row's date (``YYYY-MM-DD``) for the date filter: started, created, else the folder's."""
    moment = parse_timestamp(row.started_at) or parse_timestamp(row.created_at)
    if moment is not None:
        return moment.astimezone().date().isoformat()
    day = session_date(row.session_id)
    return day.isoformat() if day else ""


def header_text(rows: Sequence[IndexRow]) -> str:
    counts = Counter(r.status for r in rows)
    text = QCoreApplication.translate(
        "SessionTable", "{lists} lists · {active} active · {stale} stale · {paused} paused")
    return text.format(lists=len(rows), active=counts["in_progress"], stale=counts["stale"],
                       paused=counts["paused"])


def actions_for(row: IndexRow | None) -> set[str]:
    """Which of start, resume, take_over and details a row offers."""
    if row is None:
        return set()
    here = row.lock is not None and row.lock.locked_by == station_name()  # this station
    actions = {"details"}
    if row.status == "available":
        actions.add("start")
    if row.status in RESUMABLE or (row.status == "in_progress" and here):
        actions.add("resume")
    if row.status == "stale":
        actions.add("take_over")
    return actions


def describe(row: IndexRow) -> str:
    """The preview under the table: who, where, how far, and who holds the lock."""
    lines = [_tr("{status}: {list} of session {session}").format(
                 status=wording.status(row.status), list=row.packing_list_name,
                 session=row.session_id),
             _tr("Worker: {name}   PC: {pc}   Started: {started}   Duration: {duration}").format(
                 name=row.worker_name or DASH, pc=row.pc_name or DASH,
                 started=format_time(row.started_at),
                 duration=format_duration(row.duration_seconds)),
             _tr("Orders: {orders} (skipped: {skipped})   Items: {items}").format(
                 orders=fraction(row.completed_orders, row.total_orders),
                 skipped=row.skipped_orders or 0,
                 items=fraction(row.packed_items, row.total_items))]
    if ledger := ledger_line(row):
        lines.append(ledger)
    if check := marker_tooltip(row):  # the last pre-shift check
        lines.append(check)
    if row.lock is not None:
        age = row.lock.heartbeat_age(now())
        lines.append(_tr("Locked by {lock}; last heartbeat {age} s ago").format(
            lock=wording.lock(row.lock), age=f"{age:.0f}"))
    return "\n".join(lines)
