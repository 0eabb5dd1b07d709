"""The Session Browser's index: one entry per packing list of a client, in one shared file.

``Sessions/CLIENT_<ID>/packing_index.json`` = ``{"version", "client_id", "updated_at",
"entries": {"<session>::<list>": entry}, "sessions": {"<session>": scanned_at}}``. Not named
``session_index.json``: the Shopify Tool's fork keeps its own index (a JSON array) there.

Unlike the older packer's ``registry_index.json`` (anchor §2.6), every write is a locked merge
(``shared.fileio.locked_json_update``), so stations never lose each other's entries; a corrupt
file is kept aside and recovered, never reset; unknown keys survive; live statuses come from
the lock in the list's work folder. ``sessions`` names the session folders already scanned,
so a load reads only new folders (and looks for new lists in the last few days' sessions).
The browser's rows, with their live statuses, are made from it in ``index_rows``.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from packing_tool.domain.phrase import phrase
from packing_tool.storage import share_json
from packing_tool.storage.discovery import (
    list_progress,
    list_sessions,
    session_info_in,
    work_names,
)
from packing_tool.storage.layout import ShareLayout, client_folder_id
from shared.append_log import AppendLog
from shared.fileio import (
    LockTimeoutError,
    lock_file,
    locked_json_update,
    open_shared,
    with_retries,
)
from shared.timestamps import now as local_now
from shared.timestamps import now_iso, parse_timestamp, to_iso
from shared.validation import keep_invalid

JsonDict = dict[str, Any]

INDEX_FILENAME = "packing_index.json"
UPDATES_FILENAME = "packing_index.updates.jsonl"
FOLD_BYTES = 256 * 1024  # a browser load folds the updates into the index past this size
log = logging.getLogger(__name__)
INDEX_VERSION = "1.0"
STORED_STATUSES = ("available", "in_progress", "paused", "completed", "incomplete")
ENTRY_FIELDS = (
    "session_id", "packing_list_name", "status", "worker_id", "worker_name", "pc_name",
    "created_at", "started_at", "updated_at", "completed_at", "duration_seconds",
    "total_orders", "completed_orders", "skipped_orders", "total_items", "packed_items",
    "courier", "packed_elsewhere_orders", "repacked_orders", "conflict_orders",
)
# Who packs and where: a rebuild keeps these from the old entry when the folders do not say.
IDENTITY_FIELDS = ("worker_id", "worker_name", "pc_name", "started_at", "courier")
RECENT_DAYS = 3  # the Shopify Tool adds lists to a session on the day or soon after
FIRST_ROWS_S = 0.5  # a rebuild shows what it has read after this long, newest sessions first
MORE_ROWS_S = 2.0  # ... and then this often until it is done
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
        raise FileNotFoundError(phrase("{folder} cannot be reached", folder=path.parent))

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
        raise FileNotFoundError(phrase("{folder} cannot be reached", folder=path.parent))
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
            progress: Callable[[int, int], None] | None = None,
            partial: Callable[[dict[str, JsonDict], int], None] | None = None) -> JsonDict:
    """Every entry afresh from the folders; entries of lists that are gone are dropped.
    Entries another station wrote while the folders were read are kept as written.
    Sessions are read newest first; ``partial(entries so far, sessions read)`` is called
    ``FIRST_ROWS_S`` after the start and then every ``MORE_ROWS_S`` (a slow share: 5,000
    sessions over SMB take a minute, and nobody should wait that long for the newest)."""
    started = local_now()
    sessions, folder = list_sessions(layout, client), layout.sessions_dir(client)
    scanned: dict[str, JsonDict] = {}
    show_at = time.monotonic() + FIRST_ROWS_S
    for done, session in enumerate(sessions, 1):
        scanned.update(scan_session(folder / session))
        if progress is not None:
            progress(done, len(sessions))
        if partial is not None and done < len(sessions) and time.monotonic() >= show_at:
            partial(scanned, done)
            show_at = time.monotonic() + MORE_ROWS_S
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
