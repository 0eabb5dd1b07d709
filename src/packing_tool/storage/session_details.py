"""What the Session Details dialog shows for one list, read from the share and never changed.

An ended list has its ``session_summary.json``. A list still being packed (or resumed after an
end) is replayed from its scan journal into a fresh ``PackerLogic`` and summarised by the one
builder (``build_summary``) plus the one metrics function, so both read the same shape. No
lock is taken and no file written: another station may be packing the list right now.

Besides the summary: every order's events as a timeline (from the journal, else from the
summary's scan records) and units and orders per hour (both made in ``timelines``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from packing_tool.domain.barcodes import order_key
from packing_tool.domain.events import ScanEvent
from packing_tool.domain.packer import PackerLogic
from packing_tool.domain.packer_views import iso
from packing_tool.domain.summary import list_done
from packing_tool.storage.journal import ScanJournal
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.legacy_import import import_legacy_state
from packing_tool.storage.list_readers import list_path, open_list
from packing_tool.storage.lock_info import DEFAULT_STALE_SECONDS, LockInfo, read_lock
from packing_tool.storage.share_json import TOO_DEEP
from packing_tool.storage.state_writer import STATE_FILENAME
from packing_tool.storage.summary_file import SUMMARY_FILENAME, SummaryMeta, summary_with_metrics
from packing_tool.storage.timelines import (
    MARKS,
    MAX_HOURS,
    HourFigures,
    Timeline,
    TimelineEntry,
    _dicts,
    hourly_figures,
    timelines_from_events,
    timelines_from_summary,
)
from shared.compat import load_with_compatibility
from shared.timestamps import now

__all__ = [
    "MARKS", "MAX_HOURS", "HourFigures", "JsonDict", "SessionDetails", "Timeline",
    "TimelineEntry", "hourly_figures", "live_summary", "load_details", "timelines_from_events",
    "timelines_from_summary",
]

JsonDict = dict[str, Any]

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
