"""The Session Browser's index: one entry per packing list of a client, in one shared file.

``Sessions/CLIENT_<ID>/packing_index.json`` = ``{"version", "client_id", "updated_at",
"entries": {"<session>::<list>": entry}, "sessions": {"<session>": scanned_at}}``. Not named
``session_index.json``: the Shopify Tool's fork keeps its own index (a JSON array) there.

Unlike the older packer's ``registry_index.json`` (anchor §2.6), every write is a locked merge
(``shared.fileio.locked_json_update``), so stations never lose each other's entries; a corrupt
file is kept aside and recovered, never reset; unknown keys survive; live statuses come from
the lock in the list's work folder. ``sessions`` names the session folders already scanned,
so a load reads only new folders (and looks for new lists in the last few days' sessions).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from packing_tool.storage import share_json
from packing_tool.storage.discovery import (
    list_progress,
    list_sessions,
    session_date,
    session_info_in,
    work_dir_in,
    work_names,
)
from packing_tool.storage.layout import ShareLayout, UnsafeNameError, client_folder_id
from packing_tool.storage.live_progress import FIGURES, read_progress
from packing_tool.storage.lock_info import LockInfo, read_lock
from shared.append_log import AppendLog
from shared.compat import as_number
from shared.fileio import (
    LockTimeoutError,
    lock_file,
    locked_json_update,
    open_shared,
    with_retries,
)
from shared.timestamps import now as local_now
from shared.timestamps import now_iso, parse_timestamp, sort_key, to_iso
from shared.validation import as_count, keep_invalid

JsonDict = dict[str, Any]

INDEX_FILENAME = "packing_index.json"
UPDATES_FILENAME = "packing_index.updates.jsonl"
FOLD_BYTES = 256 * 1024  # a browser load folds the updates into the index past this size
log = logging.getLogger(__name__)
INDEX_VERSION = "1.0"
STORED_STATUSES = ("available", "in_progress", "paused", "completed", "incomplete")
STATUSES = ("in_progress", "stale", "paused", "available", "incomplete", "abandoned", "completed")
STATUS_LABELS = {
    "in_progress": "Active", "stale": "Stale", "paused": "Paused", "available": "Available",
    "incomplete": "Incomplete", "abandoned": "Abandoned", "completed": "Completed",
}
ENTRY_FIELDS = (
    "session_id", "packing_list_name", "status", "worker_id", "worker_name", "pc_name",
    "created_at", "started_at", "updated_at", "completed_at", "duration_seconds",
    "total_orders", "completed_orders", "skipped_orders", "total_items", "packed_items",
    "courier", "packed_elsewhere_orders", "repacked_orders", "conflict_orders",
)
# Who packs and where: a rebuild keeps these from the old entry when the folders do not say.
IDENTITY_FIELDS = ("worker_id", "worker_name", "pc_name", "started_at", "courier")
RECENT_DAYS = 3  # the Shopify Tool adds lists to a session on the day or soon after
LOCK_ATTEMPTS = 3


# --------------------------------------------------------------------------- the file


def index_path(layout: ShareLayout, client: str) -> Path:
    return layout.sessions_dir(client) / INDEX_FILENAME


def entry_key(session: str, list_name: str) -> str:
    return f"{session}::{list_name}"


def _empty(client: str) -> JsonDict:
    return {"version": INDEX_VERSION, "client_id": client_folder_id(client).removeprefix("CLIENT_"),
            "updated_at": None, "entries": {}, "sessions": {}}


def _normalise(doc: JsonDict) -> JsonDict:
    """Hand-edited or foreign content: wrong-typed parts move under ``_invalid``, never lost."""
    doc.setdefault("version", INDEX_VERSION)
    for part in ("entries", "sessions"):
        if not isinstance(doc.get(part), dict):
            if doc.get(part) is not None:
                keep_invalid(doc, part, doc[part])
            doc[part] = {}
    entries = doc["entries"]
    for key in [k for k, v in entries.items() if not isinstance(v, dict)]:
        keep_invalid(doc, f"entries.{key}", entries.pop(key))
    return doc


def updates_path(layout: ShareLayout, client: str) -> Path:
    """Entry updates appended since the index was last written (one short line each)."""
    return layout.sessions_dir(client) / UPDATES_FILENAME


def _merge(doc: JsonDict, key: str, session: str, list_name: str, values: JsonDict) -> None:
    entry = doc["entries"].get(key) or {**dict.fromkeys(ENTRY_FIELDS), "status": "available"}
    entry.update(values, session_id=session, packing_list_name=list_name)
    doc["entries"][key] = entry


def _take_updates(doc: JsonDict, updates: Path, write: bool) -> None:
    """Under the index's lock: fold the appended updates into ``doc``; when the index is
    about to be written, they are in it, so their file goes."""
    lines = AppendLog(updates, make_parents=False).read_lines()
    for number, line in enumerate(lines, 1):
        try:
            item = share_json.loads(line)
            _merge(doc, item["key"], item["session_id"], item["packing_list_name"],
                   dict(item["fields"]))
        except (ValueError, KeyError, TypeError) as exc:  # derived data: the folders rebuild it
            log.warning("%s: line %d skipped (%s)", updates, number, exc)
    if lines:
        doc["updated_at"] = now_iso()
    if write:
        updates.unlink(missing_ok=True)


def _locked(layout: ShareLayout, client: str, mutate: Callable[[JsonDict], JsonDict], *,
            write: bool = True) -> JsonDict:
    """``mutate`` under the index file's lock (a locked read with ``write=False``), on the
    index with every appended update folded in."""
    path, updates = index_path(layout, client), updates_path(layout, client)
    if write and not path.parent.is_dir():  # a share that went away is never created anew
        raise FileNotFoundError(f"{path.parent} cannot be reached")

    def folded(doc: JsonDict) -> JsonDict:
        _take_updates(doc, updates, write)
        return mutate(doc)

    return with_retries(
        lambda: locked_json_update(path, folded, default=lambda: _empty(client),
                                   normalise=_normalise, write=write),
        attempts=LOCK_ATTEMPTS, delay=0.2, retry_on=(LockTimeoutError,), what=str(path))


def read_index(layout: ShareLayout, client: str) -> JsonDict:
    """The index as the browser sees it: the file with every appended update folded in."""
    return _locked(layout, client, lambda d: d, write=False)


def update_entry(layout: ShareLayout, client: str, session: str, list_name: str,
                 *, touch: bool = True, **fields: object) -> None:
    """Merge ``fields`` into one entry under the file's lock; other entries and unknown keys
    stay. ``updated_at`` is now unless given; datetimes are written as ISO with an offset.
    A corrupt index is kept aside and recovered; raises ``OSError`` when the share is gone."""
    layout.work_dir(client, session, list_name)  # the same name checks as the folders
    status = fields.get("status")
    if status is not None and status not in STORED_STATUSES:
        raise ValueError(f"status {status!r} is not one of {', '.join(STORED_STATUSES)}")
    values = {k: to_iso(v) if isinstance(v, datetime) else v for k, v in fields.items()}
    if touch:  # touch=False: a note on the list (a check), not activity that ages it
        values.setdefault("updated_at", now_iso())
    line = json.dumps({"key": entry_key(session, list_name), "session_id": session,
                       "packing_list_name": list_name, "fields": values},
                      ensure_ascii=False).encode("utf-8")
    path = index_path(layout, client)
    if not path.parent.is_dir():  # a share that went away is never created anew
        raise FileNotFoundError(f"{path.parent} cannot be reached")
    if not path.is_file():  # the first entry writes the file itself (a whole, valid index)
        key = entry_key(session, list_name)

        def first(doc: JsonDict) -> JsonDict:
            _merge(doc, key, session, list_name, values)
            doc["updated_at"] = now_iso()
            return doc

        _locked(layout, client, first)
        return

    def append() -> None:
        # Under the index's own lock, so a writer folding the updates in misses none; the
        # line costs the same whatever the client's history (the index is never rewritten).
        with open_shared(path) as fh, lock_file(fh, timeout=5.0):
            updates = AppendLog(updates_path(layout, client), make_parents=False)
            try:
                updates.append(line)
            finally:
                updates.close()

    with_retries(append, attempts=LOCK_ATTEMPTS, delay=0.2, retry_on=(LockTimeoutError,),
                 what=str(path))


def remove_sessions(layout: ShareLayout, client: str, sessions: list[str]) -> int:
    """Drop the entries of session folders that left the share (archived), under the file's
    lock; returns how many entries went. Without an index file nothing is written."""
    if not sessions or not index_path(layout, client).is_file():
        return 0
    gone = set(sessions)
    removed: list[str] = []

    def mutate(doc: JsonDict) -> JsonDict:
        entries = doc["entries"]
        removed.clear()
        removed.extend(k for k, v in entries.items()
                       if v.get("session_id") in gone or k.split("::", 1)[0] in gone)
        for key in removed:
            del entries[key]
        for session in gone:
            doc["sessions"].pop(session, None)
        doc["updated_at"] = now_iso()
        return doc

    _locked(layout, client, mutate)
    return len(removed)


# --------------------------------------------------------------------------- from folders


def scan_session(session_dir: Path, lists: list[str] | None = None) -> dict[str, JsonDict]:
    """Entries for the lists of one session folder (all of them unless ``lists`` is given)."""
    session = session_dir.name
    created = (session_info_in(session_dir) or {}).get("created_at")
    entries = {}
    for name in work_names(session_dir) if lists is None else lists:
        entries[entry_key(session, name)] = {
            **dict.fromkeys(ENTRY_FIELDS), "session_id": session, "packing_list_name": name,
            "created_at": created, **list_progress(session_dir, name)}
    return entries


def rebuild(layout: ShareLayout, client: str, *,
            progress: Callable[[int, int], None] | None = None) -> JsonDict:
    """Every entry afresh from the folders; entries of lists that are gone are dropped.
    Entries another station wrote while the folders were read are kept as written."""
    started = local_now()
    sessions, folder = list_sessions(layout, client), layout.sessions_dir(client)
    scanned: dict[str, JsonDict] = {}
    for done, session in enumerate(sessions, 1):
        scanned.update(scan_session(folder / session))
        if progress is not None:
            progress(done, len(sessions))
    if not folder.is_dir():
        return _normalise(_empty(client))  # nothing to index: do not create the folder

    def written_since(entry: JsonDict) -> bool:
        moment = parse_timestamp(entry.get("updated_at"))
        return moment is not None and moment >= started

    def mutate(doc: JsonDict) -> JsonDict:
        old: dict[str, JsonDict] = doc["entries"]
        entries = {k: v for k, v in old.items() if written_since(v)}
        for key, entry in scanned.items():
            if key in entries:
                continue
            started_here = entry["status"] != "available"  # else nobody packed it: no names
            kept = {k: v for k, v in old.get(key, {}).items() if k not in ENTRY_FIELDS
                    or (started_here and k in IDENTITY_FIELDS and entry.get(k) is None)}
            entries[key] = {**entry, **kept}
        stamp = to_iso(started)
        doc.update(entries=entries, sessions=dict.fromkeys(sessions, stamp),
                   updated_at=now_iso())
        return doc

    return _locked(layout, client, mutate)


# --------------------------------------------------------------------------- rows


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


def load_rows(layout: ShareLayout, client: str, *, now: datetime, stale_after: float = 180.0,
              abandoned_after: float = 86400.0,
              progress: Callable[[int, int], None] | None = None) -> list[IndexRow]:
    """The browser's rows with live statuses, in display order (see ``STATUSES``); rows of
    session folders that are gone are left out. Without an index the folders are read first
    (``progress`` as for ``rebuild``). Raises ``OSError`` when the share is gone."""
    now = now.astimezone()  # a naive moment is local time, as everywhere on the share
    on_disk = list_sessions(layout, client)
    if index_path(layout, client).is_file():
        updates = updates_path(layout, client)
        fold = updates.is_file() and updates.stat().st_size > FOLD_BYTES  # keep reads short
        doc = _add_new(layout, client, _locked(layout, client, lambda d: d, write=fold),
                       on_disk, now)
    else:
        doc = rebuild(layout, client, progress=progress)
    position = {session: n for n, session in enumerate(on_disk)}
    since = (now - timedelta(days=RECENT_DAYS)).date()
    sessions_dir = layout.sessions_dir(client)
    rows = []
    for key, entry in doc["entries"].items():
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
