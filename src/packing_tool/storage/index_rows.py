"""The Session Browser's rows: the index's entries with live statuses, in display order.

An entry's stored status is what the last station wrote; the live one also reads the lock in
the list's work folder (``in_progress`` or ``stale``), and ages lists nobody touched for a day
(``abandoned``). Without an index the folders are read first (``session_index.rebuild``); on a
slow share the rows read so far are shown while the rest are read (``partial``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from packing_tool.storage.discovery import list_sessions, session_date, work_dir_in, work_names
from packing_tool.storage.layout import ShareLayout, UnsafeNameError
from packing_tool.storage.live_progress import FIGURES, read_progress
from packing_tool.storage.lock_info import LockInfo, read_lock
from packing_tool.storage.session_index import (
    FOLD_BYTES,
    RECENT_DAYS,
    STORED_STATUSES,
    _locked,
    entry_key,
    index_path,
    rebuild,
    scan_session,
    updates_path,
)
from shared.compat import as_number
from shared.timestamps import now_iso, parse_timestamp, sort_key
from shared.validation import as_count

JsonDict = dict[str, Any]

STATUSES = ("in_progress", "stale", "paused", "available", "incomplete", "abandoned", "completed")
STATUS_LABELS = {
    "in_progress": "Active", "stale": "Stale", "paused": "Paused", "available": "Available",
    "incomplete": "Incomplete", "abandoned": "Abandoned", "completed": "Completed",
}

@dataclass(frozen=True)
class IndexRow:
    key: str
    session_id: str
    packing_list_name: str
    status: str  # live: one of STATUSES
    stored_status: str
    work_dir: Path
    lock: LockInfo | None
    worker_id: str | None = None
    worker_name: str | None = None
    pc_name: str | None = None
    created_at: str | None = None
    started_at: str | None = None
    updated_at: str | None = None
    completed_at: str | None = None
    duration_seconds: float | None = None
    total_orders: int | None = None
    completed_orders: int | None = None
    skipped_orders: int | None = None
    total_items: int | None = None
    packed_items: int | None = None
    courier: str | None = None
    packed_elsewhere_orders: int | None = None  # orders of the list packed in another list
    repacked_orders: int | None = None  # packed again on purpose (never counted twice)
    conflict_orders: int | None = None  # packed here and (by the order ledger) elsewhere too
    check_findings: int | None = None  # problems the last pre-shift check found (list_check)
    checked_at: str | None = None

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _live_status(entry: JsonDict, work_dir: Path, recent: bool, now: datetime,
                 stale_after: float, abandoned_after: float) -> tuple[str, LockInfo | None]:
    stored = entry.get("status")
    if stored in ("completed", "incomplete"):
        return stored, None
    if stored != "available":  # a list nobody started has no activity to age
        last = parse_timestamp(entry.get("updated_at")) or parse_timestamp(entry.get("started_at"))
        if last is not None and (now - last).total_seconds() > abandoned_after:
            return "abandoned", None
    elif not recent:  # one share call per old list is too many; stations record starts here
        return "available", None
    fallback = "available" if stored == "available" else "paused"
    try:
        lock = read_lock(work_dir)
    except OSError:  # an unreachable lock is not "no lock"
        return (stored if stored in STORED_STATUSES else fallback), None
    if lock is None:
        return fallback, None
    if lock.is_stale(now, stale_after):
        return ("available" if stored == "available" else "stale"), lock
    return "in_progress", lock


def _row(key: str, entry: JsonDict, work_dir: Path, status: str,
         lock: LockInfo | None) -> IndexRow:
    values: JsonDict = {k: _text(entry.get(k)) for k in (
        "worker_id", "worker_name", "pc_name", "created_at", "started_at", "updated_at",
        "completed_at", "courier", "checked_at")}
    values.update({k: as_count(entry.get(k)) for k in (
        "total_orders", "completed_orders", "skipped_orders", "total_items", "packed_items",
        "packed_elsewhere_orders", "repacked_orders", "conflict_orders", "check_findings")})
    if lock is not None and status == "in_progress":  # the live lock names who packs it now
        values.update(worker_id=lock.worker_id or values["worker_id"], pc_name=lock.locked_by,
                      worker_name=lock.worker_name or values["worker_name"])
    return IndexRow(
        key=key, session_id=entry["session_id"], packing_list_name=entry["packing_list_name"],
        status=status, stored_status=str(entry.get("status")), work_dir=work_dir, lock=lock,
        duration_seconds=as_number(entry.get("duration_seconds")), **values)


def _add_new(layout: ShareLayout, client: str, doc: JsonDict, on_disk: list[str],
             now: datetime) -> JsonDict:
    """Scan sessions the index has never seen, and look for new lists in recent ones."""
    entries, known, folder = doc["entries"], doc["sessions"], layout.sessions_dir(client)
    fresh = [s for s in on_disk if s not in known]
    found: dict[str, JsonDict] = {}
    for session in fresh:
        found.update(scan_session(folder / session))
    since = (now - timedelta(days=RECENT_DAYS)).date()
    for session in on_disk:
        day = session_date(session)
        if session in known and day is not None and day >= since:
            missing = [n for n in work_names(folder / session)
                       if entry_key(session, n) not in entries]
            if missing:
                found.update(scan_session(folder / session, missing))
    if not fresh and not found:
        return doc

    def mutate(current: JsonDict) -> JsonDict:
        for key, entry in found.items():
            current["entries"].setdefault(key, entry)  # never over another station's write
        stamp = now_iso()
        for session in fresh:
            current["sessions"].setdefault(session, stamp)
        current["updated_at"] = stamp
        return current

    return _locked(layout, client, mutate)


def _rows(layout: ShareLayout, client: str, entries: JsonDict, on_disk: list[str],
          now: datetime, stale_after: float, abandoned_after: float) -> list[IndexRow]:
    position = {session: n for n, session in enumerate(on_disk)}
    since = (now - timedelta(days=RECENT_DAYS)).date()
    sessions_dir = layout.sessions_dir(client)
    rows = []
    for key, entry in entries.items():
        session, name = entry.get("session_id"), entry.get("packing_list_name")
        if not isinstance(session, str) or session not in position or not isinstance(name, str):
            continue
        try:
            work_dir = work_dir_in(sessions_dir / session, name)
        except UnsafeNameError:
            continue
        day = session_date(session)
        status, lock = _live_status(entry, work_dir, day is not None and day >= since, now,
                                    stale_after, abandoned_after)
        live = {}
        if status in ("in_progress", "stale"):  # per-order figures live with the list
            live = {k: v for k, v in read_progress(work_dir).items()
                    if k in FIGURES or k == "updated_at"}
        rows.append(_row(key, {**entry, **live}, work_dir, status, lock))
    rows.sort(key=lambda r: (STATUSES.index(r.status), -sort_key(r.started_at or r.created_at),
                             position[r.session_id], r.packing_list_name.casefold()))
    return rows


def load_rows(layout: ShareLayout, client: str, *, now: datetime, stale_after: float = 180.0,
              abandoned_after: float = 86400.0,
              progress: Callable[[int, int], None] | None = None,
              partial: Callable[[list[IndexRow], int, int], None] | None = None,
              ) -> list[IndexRow]:
    """The browser's rows with live statuses, in display order (see ``STATUSES``); rows of
    session folders that are gone are left out. Without an index the folders are read first
    (``progress`` as for ``rebuild``), newest first, and ``partial(rows so far, sessions read,
    sessions)`` shows them while the rest are read. Raises ``OSError`` when the share is gone."""
    now = now.astimezone()  # a naive moment is local time, as everywhere on the share
    on_disk = list_sessions(layout, client)
    if index_path(layout, client).is_file():
        updates = updates_path(layout, client)
        fold = updates.is_file() and updates.stat().st_size > FOLD_BYTES  # keep reads short
        doc = _add_new(layout, client, _locked(layout, client, lambda d: d, write=fold),
                       on_disk, now)
    else:
        def show(scanned: dict[str, JsonDict], read: int) -> None:
            if partial is not None:
                partial(_rows(layout, client, scanned, on_disk[:read], now, stale_after,
                              abandoned_after), read, len(on_disk))

        doc = rebuild(layout, client, progress=progress,
                      partial=None if partial is None else show)
    return _rows(layout, client, doc["entries"], on_disk, now, stale_after, abandoned_after)
