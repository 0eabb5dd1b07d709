"""What the Session Details dialog shows for one list, read from the share and never changed.

An ended list has its ``session_summary.json``. A list still being packed (or resumed after an
end) is replayed from its scan journal into a fresh ``PackerLogic`` and summarised by the one
builder (``build_summary``) plus the one metrics function, so both read the same shape. No
lock is taken and no file written: another station may be packing the list right now.

Besides the summary: every order's events as a timeline (from the journal, else from the
summary's scan records) and units and orders per hour.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from packing_tool.domain.barcodes import order_key
from packing_tool.domain.events import EventKind, Outcome, ScanEvent
from packing_tool.domain.packer import PackerLogic
from packing_tool.domain.packer_views import MANUAL, iso
from packing_tool.domain.summary import list_done
from packing_tool.storage.journal import ScanJournal
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.legacy_import import import_legacy_state
from packing_tool.storage.list_readers import list_path, open_list
from packing_tool.storage.lock_info import DEFAULT_STALE_SECONDS, LockInfo, read_lock
from packing_tool.storage.share_json import TOO_DEEP
from packing_tool.storage.state_writer import STATE_FILENAME
from packing_tool.storage.summary_file import SUMMARY_FILENAME, SummaryMeta, summary_with_metrics
from shared.compat import load_with_compatibility
from shared.timestamps import now, parse_timestamp

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


@dataclass(frozen=True)
class SessionDetails:
    client_id: str
    session_id: str
    list_name: str
    source: str  # "summary" (ended), "journal" (live replay), "state" (older packer), "none"
    status: str  # completed, incomplete, in_progress, stale, paused or available
    summary: JsonDict  # the unified session_summary shape, with metrics
    timelines: dict[str, Timeline] = field(default_factory=dict)
    loose_events: tuple[TimelineEntry, ...] = ()  # scans that concerned no order
    hourly: tuple[HourFigures, ...] = ()
    lock: LockInfo | None = None
    notes: tuple[str, ...] = ()  # what could not be read, for the dialog to say

    @property
    def ended(self) -> bool:
        return self.source == "summary"

    def orders(self) -> list[JsonDict]:
        """Completed orders, then the unfinished ones (skipped among them)."""
        result: dict[str, JsonDict] = {}
        for key in ("orders", "unfinished_orders"):
            for order in _dicts(self.summary.get(key)):
                result.setdefault(str(order.get("order_number")), order)
        return list(result.values())


def live_summary(logic: PackerLogic, meta: SummaryMeta) -> JsonDict:
    """``summary_file.session_summary`` for a list that is not ended: same builder, same metrics."""
    moment = meta.completed_at or logic.last_event_at or meta.started_at or now()
    summary = summary_with_metrics(logic, meta, moment)
    summary["started_at"], summary["completed_at"] = iso(meta.started_at), iso(meta.completed_at)
    return summary


# --------------------------------------------------------------------------- timelines


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


# --------------------------------------------------------------------------- loading


def load_details(layout: ShareLayout, client: str, session: str, list_name: str, *,
                 stale_after: float = DEFAULT_STALE_SECONDS,
                 moment: datetime | None = None) -> SessionDetails:
    """Everything the dialog shows for one list (share I/O: call it off the UI thread).

    Raises ``OSError`` when the share is gone, ``ValueError`` (naming the file) when neither
    a summary nor a readable journal and list file are there to show.
    """
    work_dir = layout.work_dir(client, session, list_name)
    notes: list[str] = []
    summary = _read(work_dir / SUMMARY_FILENAME, notes)
    journal = ScanJournal(work_dir, durable=False, make_dirs=False)
    try:
        events = journal.load()
    except ValueError as exc:  # a damaged journal: the summary, if any, still tells the story
        if summary is None:
            raise
        notes.append(str(exc))
        events = []
    lock = read_lock(work_dir)
    last_seq = summary.get("last_seq") if summary is not None else None
    resumed = isinstance(last_seq, int) and len(events) > last_seq
    found = (client, session, list_name)
    if summary is not None and not resumed:
        return _from_summary(found, summary, events, lock, notes)
    try:
        return _from_journal(layout, found, events, journal.path.exists(), lock, notes,
                             moment or now(), stale_after)
    except (FileNotFoundError, ValueError) as exc:  # the list file is gone or broken
        if summary is None:
            raise
        notes.append(f"the list cannot be replayed ({exc}); showing its last summary")
        return _from_summary(found, summary, events[:last_seq], lock, notes)


def _from_summary(found: tuple[str, str, str], summary: JsonDict, events: list[ScanEvent],
                  lock: LockInfo | None, notes: list[str]) -> SessionDetails:
    timelines, loose = (timelines_from_events(events) if events else
                        (timelines_from_summary(_dicts(summary.get("orders"))
                                                + _dicts(summary.get("unfinished_orders"))), ()))
    done = list_done(summary)
    return SessionDetails(*found, "summary", "completed" if done else "incomplete", summary,
                          timelines, loose, hourly_figures(summary), lock, tuple(notes))


def _from_journal(layout: ShareLayout, found: tuple[str, str, str], events: list[ScanEvent],
                  has_journal: bool, lock: LockInfo | None, notes: list[str], moment: datetime,
                  stale_after: float) -> SessionDetails:
    client, session, list_name = found
    session_dir = layout.session_dir(client, session)
    work_dir = layout.work_dir(client, session, list_name)
    logic = PackerLogic(open_list(session_dir, list_name), order_key=order_key,
                        resolve_item=lambda _code: frozenset())  # replay only: nothing to resolve
    source = "journal" if events else "none"
    if not events and not has_journal and (work_dir / STATE_FILENAME).is_file():
        events, source = import_legacy_state(work_dir / STATE_FILENAME, logic, now()), "state"
    else:
        events = _replay(logic, events, notes)
    meta = SummaryMeta(
        session_id=session, client_id=client.removeprefix("CLIENT_"),
        packing_list_name=list_name,
        packing_list_path=_relative(list_path(session_dir, list_name), layout.root),
        session_type=logic.packing_list.session_type,
        worker_pc=lock.locked_by if lock else _state_pc(work_dir),
        user_name=lock.user_name if lock else "", started_at=events[0].at if events else None)
    live = live_summary(logic, meta)
    timelines, loose = timelines_from_events(events)
    return SessionDetails(
        *found, source, _live_status(lock, bool(events), moment, stale_after), live, timelines,
        loose, hourly_figures(live), lock, tuple(notes))


def _replay(logic: PackerLogic, events: list[ScanEvent], notes: list[str]) -> list[ScanEvent]:
    """Apply ``events``; one that no longer fits the list ends the replay (and is reported)."""
    for index, event in enumerate(events):
        try:
            logic.apply(event)
        except ValueError as exc:
            notes.append(f"journal stops fitting the list at event {event.seq}: {exc}; "
                         f"{len(events) - index} later event(s) not shown")
            return events[:index]
    return events


def _live_status(lock: LockInfo | None, started: bool, moment: datetime,
                 stale_after: float) -> str:
    if lock is None:
        return "paused" if started else "available"
    return "stale" if lock.is_stale(moment.astimezone(), stale_after) else "in_progress"


def _read(path: Path, notes: list[str]) -> JsonDict | None:
    try:
        return load_with_compatibility(path)
    except FileNotFoundError:
        return None
    except ValueError as exc:  # a corrupt summary is reported; the journal is shown instead
        notes.append(str(exc))
        return None
    except RecursionError:  # json.loads inside: "[[[[..." is not a ValueError
        notes.append(f"{path}: {TOO_DEEP}")
        return None


def _state_pc(work_dir: Path) -> str:
    try:
        state = load_with_compatibility(work_dir / STATE_FILENAME, kind="packing_state")
    except (OSError, ValueError, RecursionError):
        return ""
    return str(state.get("pc_name") or "")


def _relative(path: Path, root: Path) -> str:
    try:
        return os.path.relpath(path, root)
    except ValueError:  # another drive (Windows): the full path says as much
        return str(path)


def _hour(moment: datetime) -> datetime:
    return moment.astimezone().replace(minute=0, second=0, microsecond=0)


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _dicts(value: object) -> list[JsonDict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
