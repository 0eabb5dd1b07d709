"""`verify` checks of the share-wide and per-client files and of a session's own files.

global_stats.json, workers.json, packer_config.json, packing_index.json, and per session
session_info.json and packing_lists/*.json (the last two are the Shopify Tool's: reported,
never repaired).
"""

from __future__ import annotations

import json
from pathlib import Path

from packing_tool.admin.stats_files import stats_file, workers_file
from packing_tool.admin.verify_report import Findings, Repair
from packing_tool.admin.verify_walk import (
    BOOL,
    COUNT,
    LIST,
    OBJECT,
    STRING,
    TEXT,
    TIME,
    Context,
    Rule,
    check_fields,
    check_invalid,
    check_temp_files,
    check_version,
    is_seconds,
    is_str_list,
    read_object,
    rules,
    same_client,
)
from packing_tool.admin.words import phrase
from packing_tool.domain.orders import PackingList
from packing_tool.domain.second_check import CONFIG_KEY, SecondCheckRules
from packing_tool.storage.barcode_maps import MAPPING_KEY
from packing_tool.storage.discovery import SESSION_INFO, list_sessions, work_names
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.list_readers import ListReadError, load_shopify_json
from packing_tool.storage.session_index import (
    INDEX_VERSION,
    STORED_STATUSES,
    entry_key,
    index_path,
)
from shared import fileio
from shared.stats_schema import COUNTERS, STATS_VERSION
from shared.worker_manager import WORKERS_VERSION

PROGRESS_STATUSES = ("in_progress", "paused", "completed", "incomplete")
STR_LIST: Rule = ("recorded_ids", is_str_list, phrase("a list of strings"))
TOOL_COUNTERS = ("total_orders_analyzed", "total_orders_packed", "total_sessions")
OUR_COUNTERS = tuple(c for c in COUNTERS if c not in TOOL_COUNTERS)


def _restore(path: Path) -> Repair | None:
    """Restoring from the ``.bak`` sidecar is offered only when the sidecar is good."""
    try:
        good = isinstance(fileio.read_json_file(fileio.sidecar_path(path)), dict)
    except (OSError, ValueError):
        good = False
    return Repair("restore_shared", path) if good else None


# --------------------------------------------------------------------------- shared files


def check_stats(ctx: Context) -> None:
    path = stats_file(ctx.root)
    check_temp_files(ctx.findings, path.parent)
    if not path.exists():
        ctx.recorded_ids = set()
        return
    doc = read_object(ctx.findings, path, _restore(path))
    if doc is None:
        return
    f = ctx.findings
    current = check_version(f, path, doc, STATS_VERSION, migrate=True) != "older"
    fix = Repair("normalise_shared", path)
    # Every version the tools write (1.0, 1.3.0, the fork's 2.0) has the tools' counters;
    # ours (total_items_packed) is added on our first write, so its absence is no error.
    check_fields(
        f, path, doc, missing=current, repair=fix,
        required=[*rules(COUNT, *TOOL_COUNTERS), *rules(OBJECT, "by_client"),
                  *rules(LIST, "analysis_history", "packing_history")],
        optional=[*rules(COUNT, *OUR_COUNTERS), *rules(OBJECT, "clients", "workers"), STR_LIST,
                  *rules(LIST, "label_print_history"), *rules(COUNT, "total_labels_printed"),
                  *rules(TIME, "created_at", "last_updated")])
    for section in ("by_client", "clients"):
        entries = doc.get(section)
        for client, entry in (entries.items() if isinstance(entries, dict) else ()):
            if not isinstance(entry, dict):
                f.error(path, phrase("{section}.{client}: must be an object", section=section,
                                     client=client), fix)
            else:
                check_fields(f, path, entry, where=f"{section}.{client}", repair=fix,
                             optional=rules(COUNT, "orders_analyzed", "orders_packed",
                                            "sessions"))
    for key in ("analysis_history", "packing_history"):
        history = doc.get(key)
        bad = [i for i, r in enumerate(history if isinstance(history, list) else [])
               if not isinstance(r, dict)]
        if bad:
            f.error(path, phrase("{key}: {n_bad} records are not objects (first: [{bad}])", key=key,
                                 n_bad=len(bad), bad=bad[0]))
    check_invalid(f, path, doc)
    ids = doc.get("recorded_ids")
    ctx.recorded_ids = {i for i in ids if isinstance(i, str)} if isinstance(ids, list) else set()


def check_workers(ctx: Context) -> None:
    path = workers_file(ctx.root)
    check_temp_files(ctx.findings, path.parent)
    if not path.exists():
        ctx.worker_ids = set()  # every worker a summary names is then unknown
        return
    doc = read_object(ctx.findings, path, _restore(path))
    if doc is None:
        return
    f = ctx.findings
    current = check_version(f, path, doc, WORKERS_VERSION, migrate=True) != "older"
    fix = Repair("normalise_shared", path)
    check_fields(f, path, doc, required=rules(LIST, "workers"), repair=fix,
                 optional=[STR_LIST, *rules(TIME, "last_updated")])
    workers = doc.get("workers")
    ids: dict[str, int] = {}
    names: dict[str, str] = {}
    for i, worker in enumerate(workers if isinstance(workers, list) else []):
        where = f"workers[{i}]"
        if not isinstance(worker, dict):
            f.error(path, phrase("{where}: must be an object, got {kind}", where=where,
                                 kind=type(worker).__name__), fix)
            continue
        check_fields(
            f, path, worker, where=where, missing=current, repair=fix,
            required=rules(TEXT, "id", "name"),
            optional=[*rules(BOOL, "active"),
                      *rules(COUNT, "total_sessions", "total_orders", "total_items"),
                      ("total_duration_seconds", is_seconds, phrase("a number >= 0")),
                      *rules(TIME, "created_at", "last_active", "deactivated_at"),
                      *rules(STRING, "last_session_id")])
        wid, name = worker.get("id"), worker.get("name")
        if isinstance(wid, str) and wid.strip():
            if wid in ids:
                f.error(path, phrase("{where}: id {wid} is also the id of workers[{ids}]",
                                     where=where, wid=wid, ids=ids[wid]))
            ids.setdefault(wid, i)
        if isinstance(name, str) and name.strip():
            key = name.strip().casefold()
            if key in names:
                f.warning(path, phrase("{where}: name {name!r} is also the name of {names}",
                                       where=where, name=name, names=names[key]))
            names.setdefault(key, str(wid))
    check_invalid(f, path, doc)
    ctx.worker_ids = set(ids)


# --------------------------------------------------------------------------- per client


def check_client(ctx: Context, client: str) -> None:
    layout = ShareLayout(ctx.root)
    check_barcode_map(ctx.findings, layout.packer_config(client))
    check_temp_files(ctx.findings, layout.client_dir(client))
    check_index(ctx, client)
    check_temp_files(ctx.findings, layout.sessions_dir(client))


def check_barcode_map(f: Findings, path: Path) -> None:
    doc = read_object(f, path)
    for problem in SecondCheckRules.from_dict((doc or {}).get(CONFIG_KEY))[1]:
        f.warning(path, f"{CONFIG_KEY}: {problem}")  # the station ignores it the same way
    if doc is None or MAPPING_KEY not in doc:
        return
    mapping = doc[MAPPING_KEY]
    if not isinstance(mapping, dict):
        f.error(path, phrase("{mapping_key}: must be an object (barcode → SKU), got {kind}",
                             mapping_key=MAPPING_KEY, kind=type(mapping).__name__))
        return
    bad = [(code, sku) for code, sku in mapping.items()
           if isinstance(sku, bool) or not isinstance(sku, int | str) or not str(sku).strip()]
    if bad:
        code, sku = bad[0]
        f.warning(path, phrase("{mapping_key}: {n_bad} barcodes map to no SKU and are ignored "
                               "(first: {code!r} → {sku})", mapping_key=MAPPING_KEY, n_bad=len(bad),
                               code=code, sku=json.dumps(sku)))


def check_index(ctx: Context, client: str) -> None:
    f, layout = ctx.findings, ShareLayout(ctx.root)
    path = index_path(layout, client)
    fix = Repair("rebuild_index", path, client)
    doc = read_object(f, path, fix)
    if doc is None:
        return
    check_version(f, path, doc, INDEX_VERSION, migrate=False)
    if "client_id" in doc and not same_client(doc["client_id"], f"CLIENT_{client}"):
        f.warning(path, phrase("client_id {client_id!r} is not this folder's client",
                               client_id=doc['client_id']), fix)
    check_fields(f, path, doc, required=rules(OBJECT, "entries"), optional=rules(
        OBJECT, "sessions"), repair=fix)
    entries = doc.get("entries")
    if not isinstance(entries, dict):
        return
    on_disk = set(list_sessions(layout, client))
    lists: dict[str, set[str]] = {}
    gone_sessions: list[str] = []
    gone_lists: list[str] = []
    for key, entry in entries.items():
        if not isinstance(entry, dict):
            f.error(path, phrase("entries.{key}: must be an object", key=key), fix)
            continue
        session, name = entry.get("session_id"), entry.get("packing_list_name")
        if not isinstance(session, str) or not isinstance(name, str):
            f.error(path, phrase("entries.{key}: session_id and packing_list_name must be strings",
                                 key=key),
                    fix)
            continue
        if key != entry_key(session, name):
            f.warning(path, phrase("entries.{key}: names {entry_key}", key=key,
                                   entry_key=entry_key(session, name)), fix)
        if entry.get("status") not in STORED_STATUSES:
            f.warning(path, phrase("entries.{key}: status {status!r} is not one of {statuses}",
                                   key=key, status=entry.get('status'),
                                   statuses=', '.join(STORED_STATUSES)), fix)
        if session not in on_disk:
            gone_sessions.append(session)
        else:
            if session not in lists:
                lists[session] = set(work_names(layout.sessions_dir(client) / session))
            if name not in lists[session]:
                gone_lists.append(key)
    _gone(f, path, fix, sorted(set(gone_sessions)), phrase("sessions that no longer exist"))
    _gone(f, path, fix, gone_lists, phrase("lists their session does not have"))


def _gone(f: Findings, path: Path, fix: Repair, names: list[str], what: str) -> None:
    if names:
        more = phrase(" and {n} more", n=len(names) - 3) if len(names) > 3 else ""
        f.warning(path, phrase("entries name {what}: {names}{more}", what=what,
                               names=', '.join(names[:3]), more=more), fix)


# --------------------------------------------------------------------------- per session


def check_session_info(f: Findings, session_dir: Path, names: set[str]) -> None:
    path = session_dir / SESSION_INFO
    doc = read_object(f, path)
    if doc is None or doc.get("packing_progress") is None:
        return
    progress = doc["packing_progress"]
    if not isinstance(progress, dict):
        f.error(path, phrase("packing_progress: must be an object, got {kind}",
                             kind=type(progress).__name__))
        return
    for name, entry in progress.items():
        where = f"packing_progress.{name}"
        if not isinstance(entry, dict):
            f.warning(path, phrase("{where}: must be an object", where=where))
            continue
        if entry.get("status") not in PROGRESS_STATUSES:
            f.warning(path, phrase("{where}.status: {status!r} is not one of {statuses}",
                                   where=where, status=entry.get('status'),
                                   statuses=', '.join(PROGRESS_STATUSES)))
        if name not in names:
            f.warning(path, phrase("{where}: names a list this session does not have", where=where))


def check_packing_lists(f: Findings, session_dir: Path) -> dict[str, PackingList]:
    """Read every ``packing_lists/*.json`` as the packer would; the lists that could be read."""
    found: dict[str, PackingList] = {}
    folder = session_dir / "packing_lists"
    try:
        paths = sorted(p for p in folder.iterdir()
                       if p.suffix.lower() == ".json" and not p.name.startswith((".", "~$")))
    except (FileNotFoundError, NotADirectoryError):
        return found
    for path in paths:
        f.checked += 1
        try:
            packing_list = load_shopify_json(path)
        except ListReadError as exc:
            f.error(path, phrase("cannot be read as a packing list: {reason}", reason=exc.reason))
            continue
        except OSError as exc:
            f.error(path, phrase("cannot be read ({why})", why=exc.strerror or exc))
            continue
        found[path.stem] = packing_list
        problems = packing_list.problems
        if problems:
            first = problems[0]
            f.warning(path, phrase("{n_problems} orders or lines cannot be packed and are left "
                                   "out (first: {where}: {reason})", n_problems=len(problems),
                                   where=first.where, reason=first.reason))
    return found
