"""`verify` checks of one list's work folder (``<session>/packing/<list>/``).

The lock, the scan journal, an interrupted ending, packing_state.json and
session_summary.json, each on its own; then their completed counts against a replay of
the journal, which is the truth (``verify_counts``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packing_tool.admin.stats_files import workers_file
from packing_tool.admin.summary_orders import SummaryDoc
from packing_tool.admin.verify_counts import compare, older_pair
from packing_tool.admin.verify_report import Findings, Repair, relative
from packing_tool.admin.verify_walk import (
    COUNT,
    LIST,
    LIVE,
    NONE,
    OBJECT,
    STALE,
    STRING,
    TIME,
    Context,
    SessionFolder,
    check_fields,
    check_invalid,
    check_temp_files,
    check_version,
    read_object,
    rules,
    same_client,
)
from packing_tool.admin.words import phrase
from packing_tool.domain.events import ScanEvent
from packing_tool.domain.orders import PackingList
from packing_tool.domain.second_check import skipped_checks
from packing_tool.storage.completion import PLAN_FILENAME, PLAN_VERSION, TX_FILENAME
from packing_tool.storage.journal import JOURNAL_FILENAME
from packing_tool.storage.list_readers import list_path, open_list
from packing_tool.storage.lock_info import DEFAULT_STALE_SECONDS, LOCK_FILENAME
from packing_tool.storage.lock_release import current_lock
from packing_tool.storage.state_writer import STATE_FILENAME
from packing_tool.storage.summary_file import SUMMARY_FILENAME
from shared.compat import (
    PACKING_STATE_VERSION,
    SESSION_SUMMARY_VERSION,
    upgrade_packing_state,
    upgrade_session_summary,
)
from shared.metadata_utils import session_summary_errors


@dataclass
class Journal:
    present: bool
    events: list[ScanEvent] | None  # None: damaged (reported)


def check_work(ctx: Context, folder: SessionFolder, work_dir: Path,
               packing_list: PackingList | None) -> None:
    f = ctx.findings
    try:
        has_list = list_path(folder.path, work_dir.name).is_file()  # full_session: analysis
    except (FileNotFoundError, ValueError):  # ValueError: not a plain name
        has_list = False
    if not has_list:
        f.warning(work_dir, phrase("work folder of list {name!r}, but the session has no packing "
                                   "list of that name", name=work_dir.name))
    lock = check_lock(f, work_dir)
    journal = check_journal(f, work_dir / JOURNAL_FILENAME)
    for event in skipped_checks(journal.events or ()):  # allowed, but a supervisor should know
        f.warning(work_dir / JOURNAL_FILENAME, phrase("order {order}: second check skipped at "
                                                      "{at} ({worker_name} at the station), "
                                                      "reason: {reason}", order=event.order,
                                                      at=event.at.isoformat(timespec='seconds'),
                                                      worker_name=event.worker_name,
                                                      reason=event.reason))
    check_plan(ctx, work_dir, lock)
    state = check_state(f, work_dir, bool(has_list and journal.events and lock != LIVE))
    summary = check_summary(ctx, work_dir)
    if summary is not None:
        ctx.summaries.append(SummaryDoc(folder.client, folder.path.name, work_dir.name,
                                        work_dir / SUMMARY_FILENAME, summary, folder.archived))
    if has_list and journal.events:
        if packing_list is None:
            try:
                packing_list = open_list(folder.path, work_dir.name)
            except (OSError, ValueError):
                packing_list = None  # an unreadable list is reported with the list itself
        if packing_list is not None:
            compare(f, work_dir, packing_list, journal.events, state, summary, lock)
    elif not journal.present and state is not None and summary is not None:
        older_pair(f, work_dir, state, summary)
    check_temp_files(f, work_dir)
    check_temp_files(f, work_dir / "reports")


def _identity(f: Findings, path: Path, doc: dict[str, Any], work_dir: Path,
              severity: str) -> None:
    """The file's session, client and list must be those of the folder it lies in."""
    session_dir = work_dir.parent.parent
    wrong = []
    if isinstance(doc.get("session_id"), str) and doc["session_id"] != session_dir.name:
        wrong.append(f"session_id {doc['session_id']!r}")
    if doc.get("client_id") is not None and not same_client(doc["client_id"],
                                                           session_dir.parent.name):
        wrong.append(f"client_id {doc['client_id']!r}")
    if wrong:
        f.add(severity, path, phrase("{fields} disagree with the folder it is in",
                                     fields=' and '.join(wrong)))
    name = doc.get("packing_list_name")
    if isinstance(name, str) and name and name != work_dir.name:
        f.warning(path, phrase("packing_list_name {name!r} is not the name of its folder",
                               name=name))


# --------------------------------------------------------------------------- lock, journal


def check_lock(f: Findings, work_dir: Path) -> str:
    """Report the list's lock; returns ``none``, ``live`` or ``stale``."""
    path = work_dir / LOCK_FILENAME
    try:
        lock = current_lock(work_dir)
    except OSError as exc:
        f.error(path, phrase("cannot be read ({why})", why=exc.strerror or exc))
        return LIVE  # unknown: treat as held, so nothing here is changed
    if lock is None:
        return NONE
    f.checked += 1
    if not lock.valid:
        if lock.stale:
            f.warning(path, phrase("not a valid lock file and older than the stale threshold: the "
                                   "list is free"), Repair("remove_lock", work_dir))
            return STALE
        f.notice(path, phrase("not a valid lock file; it counts as held until it is {minutes:.0f} "
                              "minutes old", minutes=DEFAULT_STALE_SECONDS / 60))
        return LIVE
    beat = phrase("heartbeat unreadable") if lock.age == float("inf") else (
        phrase("heartbeat {seconds} s ago", seconds=f"{lock.age:.0f}"))
    if lock.stale:
        gone = phrase("; its program no longer runs") if lock.info.owner_gone() else ""
        f.warning(path, phrase("stale lock of {holder} ({beat}{gone})", holder=lock.info.describe(),
                               beat=beat, gone=gone),
                  Repair("remove_lock", work_dir))
        return STALE
    f.notice(path, phrase("being packed now by {holder} ({beat})", holder=lock.info.describe(),
                          beat=beat))
    return LIVE


def check_journal(f: Findings, path: Path) -> Journal:
    """Every line one event, numbered 1, 2, 3…; a torn last line is a crash's, a warning."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Journal(False, None)
    except OSError as exc:
        f.error(path, phrase("cannot be read ({why})", why=exc.strerror or exc))
        return Journal(True, None)
    f.checked += 1
    *lines, torn = raw.split(b"\n")
    events: list[ScanEvent] = []
    for number, line in enumerate(lines, 1):
        if not line:
            continue  # the journal's reader skips empty lines too
        try:
            event = ScanEvent.from_dict(json.loads(line.decode("utf-8")))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            f.error(path, phrase("line {number} cannot be read ({exc})", number=number, exc=exc),
                    Repair("repair_journal", path.parent))
            return Journal(True, None)
        except RecursionError:  # "[[[[..." deeper than json.loads follows: not a ValueError
            f.error(path, phrase("line {number} cannot be read (JSON nested too deeply to read)",
                                 number=number),
                    Repair("repair_journal", path.parent))
            return Journal(True, None)
        if event.seq != len(events) + 1:
            f.error(path, phrase("line {number} holds event {seq}, expected {expected}",
                                 number=number, seq=event.seq, expected=len(events) + 1),
                    Repair("repair_journal", path.parent))
            return Journal(True, None)
        events.append(event)
    if torn:
        f.warning(path, phrase("the last line is torn ({n_torn} bytes without a line end): a "
                               "crash cut it before it was acknowledged; it is cut off at the "
                               "next scan", n_torn=len(torn)))
    return Journal(True, events)


def check_plan(ctx: Context, work_dir: Path, lock: str) -> None:
    f = ctx.findings
    plan_path, tx_path = work_dir / PLAN_FILENAME, work_dir / TX_FILENAME
    if not plan_path.exists():
        if tx_path.exists():
            f.checked += 1
            f.warning(tx_path, phrase("a transaction journal without {plan_filename}: an ending "
                                      "stopped in a way nothing resumes; check the summary and "
                                      "statistics of this list by hand",
                                      plan_filename=PLAN_FILENAME))
        return
    plan = read_object(f, plan_path)
    if plan is None:
        return
    check_version(f, plan_path, plan, PLAN_VERSION, migrate=False)
    session_dir = work_dir.parent.parent
    if (plan.get("session_id") != session_dir.name or plan.get("list_name") != work_dir.name
            or not same_client(plan.get("client_id"), session_dir.parent.name)):
        f.error(plan_path, phrase("the plan is for another list ({client}/{session}/{list_name}); "
                                  "it is not run", client=plan.get('client_id'),
                                  session=plan.get('session_id'), list_name=plan.get('list_name')))
        return
    if lock == LIVE:
        f.notice(plan_path, phrase("the list is being ended now (its station holds the lock)"))
        return
    records = plan.get("records")
    records = [r for r in records if isinstance(r, dict)] if isinstance(records, list) else []
    message = phrase("an ending was interrupted; opening the list or `verify --repair` "
                     "finishes it")
    if ctx.recorded_ids is not None:  # else global_stats.json is unreadable (reported)
        done = sum(1 for r in records if r.get("record_id") in ctx.recorded_ids)
        message = phrase("an ending was interrupted ({done} of {records} statistics records "
                         "counted); opening the list or `verify --repair` finishes it",
                         done=done, records=len(records))
    f.error(plan_path, message, Repair("finish_ending", work_dir))


# --------------------------------------------------------------------------- state, summary


def check_state(f: Findings, work_dir: Path, rebuildable: bool) -> dict[str, Any] | None:
    """``rebuildable``: the list, its journal's events and no live lock are there, so a
    damaged file can be rewritten from the journal."""
    path = work_dir / STATE_FILENAME
    regen = Repair("regenerate_state", path) if rebuildable else None
    doc = read_object(f, path, regen)
    if doc is None:
        return None
    if check_version(f, path, doc, PACKING_STATE_VERSION, migrate=True) != "older":
        check_fields(
            f, path, doc, repair=regen,
            required=[*rules(STRING, "session_id", "client_id", "packing_list_name", "status"),
                      *rules(OBJECT, "progress", "in_progress"),
                      *rules(LIST, "completed", "skipped_orders")],
            optional=[*rules(TIME, "started_at", "last_updated"), *rules(COUNT, "last_seq"),
                      *rules(STRING, "pc_name", "worker_id", "worker_name"),
                      *rules(OBJECT, "current_order_timing", "pending_extras",
                             "skipped_orders_timing")])
        if isinstance(doc.get("progress"), dict):
            check_fields(f, path, doc["progress"], where="progress", repair=regen,
                         optional=rules(COUNT, "total_orders", "completed_orders",
                                        "total_items", "packed_items"))
    for warning in upgrade_packing_state(doc).get("load_warnings", []):
        f.warning(path, phrase("{warning} when read", warning=warning), regen)
    _identity(f, path, doc, work_dir, "warning")
    check_invalid(f, path, doc)
    return doc


def check_summary(ctx: Context, work_dir: Path) -> dict[str, Any] | None:
    f = ctx.findings
    path = work_dir / SUMMARY_FILENAME
    doc = read_object(f, path)  # the record of an ending: reported, never regenerated
    if doc is None:
        return None
    if check_version(f, path, doc, SESSION_SUMMARY_VERSION, migrate=True) != "older":
        for problem in session_summary_errors(doc):
            f.error(path, problem)
    else:
        upgraded = upgrade_session_summary(doc)
        for problem in session_summary_errors(upgraded):
            f.warning(path, phrase("{problem} (when read in today's format)", problem=problem))
        for warning in upgraded.get("load_warnings", []):
            f.warning(path, phrase("{warning} when read", warning=warning))
    _identity(f, path, doc, work_dir, "error")
    check_invalid(f, path, doc)
    workers = doc.get("workers")
    named = {doc.get("worker_id")} | {w.get("worker_id") for w in (
        workers if isinstance(workers, list) else []) if isinstance(w, dict)}
    unknown = sorted(w for w in named if isinstance(w, str) and w
                     and ctx.worker_ids is not None and w not in ctx.worker_ids)
    if unknown:
        where = relative(ctx.root, workers_file(ctx.root))
        f.warning(path, phrase("names worker {workers}, not in {where}", workers=', '.join(unknown),
                               where=where))
    return doc
