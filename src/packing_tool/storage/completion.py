"""Ending a list exactly once: summary, shared statistics and worker profiles agree.

Ending first saves a *plan* in the list's work folder: the summary to write and, per
worker, the figures to add, each with a record id. The plan's steps then run as one
``shared.transaction``; every step can be repeated without counting twice (the record ids),
so after a crash at any point the next start runs the same plan to the same end.

A list may be ended, resumed and ended again. The summary carries ``counted``: what the
statistics have already been given per worker, so a later end adds only what is new, and
the session itself is counted once. ``counted`` also names who was credited with the
list's session (``session_worker``) and which workers' profiles got a session for it
(``sessions_given``), so ``stats rebuild`` can recompute the shared figures from summaries.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from packing_tool.domain.summary import list_done
from packing_tool.storage.inside import refused_link
from packing_tool.storage.packing_session import PackingSession
from packing_tool.storage.session_info import update_progress
from packing_tool.storage.summary_file import SUMMARY_FILENAME, session_summary
from shared import fileio
from shared.stats_manager import StatsManager
from shared.transaction import (
    FileUpdate,
    Step,
    atomic_multi_file_update,
    resume_multi_file_update,
)
from shared.worker_manager import WorkerManager, WorkerManagerError

log = logging.getLogger(__name__)

PLAN_FILENAME = "completion_plan.json"
TX_FILENAME = "completion.tx.json"
PENDING_SUMMARY = "session_summary.json.pending"  # the ending's summary, written once
PLAN_VERSION = "1.1"  # 1.1: the summary is in session_summary.json.pending, not in the plan
FIGURES = ("orders", "items", "seconds")


class CompletionError(RuntimeError):
    """A completion could not finish now; its plan is kept and finishes on the next start."""


def previous_summary(work_dir: Path) -> dict[str, Any] | None:
    """The list's ``session_summary.json``; None if there is none (or it is not an object).

    A garbled file raises ``fileio.CorruptFileError`` (a ``ValueError``) naming it.
    """
    path = work_dir / SUMMARY_FILENAME
    try:
        data = fileio.read_json_file(path)
    except FileNotFoundError:
        return None
    except fileio.CorruptFileError:
        raise  # names the file already
    except ValueError as exc:  # the parser's message alone does not say which file
        raise fileio.CorruptFileError(path, f"not valid JSON ({exc})", None) from exc
    return data if isinstance(data, dict) else None


def counted_figures(previous: dict[str, Any] | None) -> dict[str, Any]:
    """The ``counted`` ledger of a list's summary: what the statistics were given for it.

    Always holds ``completions``, ``workers``, ``session_worker`` and ``sessions_given``;
    older ledgers and summaries get the last two by the best guess available.
    """
    counted = (previous or {}).get("counted")
    if not isinstance(counted, dict):
        # A summary from before ledgers (or the older packer): its figures were counted.
        if previous is None:
            return {"completions": 0, "workers": {}, "session_worker": None,
                    "sessions_given": []}
        worker = previous.get("worker_id")
        figures = {"orders": int(previous.get("completed_orders") or 0),
                   "items": int(previous.get("packed_items") or 0),
                   "seconds": float(previous.get("duration_seconds") or 0.0)}
        counted = {"completions": 1, "workers": {worker: figures} if worker else {}}
    counted = dict(counted)
    if "session_worker" not in counted:
        # Older ledgers did not say: the summary's main worker is the best guess.
        counted["session_worker"] = (previous or {}).get("worker_id")
    if not isinstance(counted.get("sessions_given"), list):
        workers = counted.get("workers") or {}
        counted["sessions_given"] = sorted(
            wid for wid, figures in workers.items()
            if any(float(figures.get(k) or 0) for k in FIGURES))
    return counted


def build_plan(session: PackingSession, completed_at: datetime, ender: tuple[str, str],
               known_workers: set[str]) -> dict[str, Any] | None:
    """What ending ``session`` now must write; None when nothing changed since the last end.

    ``ender`` is (worker_id, name) of who ends it: on a first end they carry the session
    count. ``known_workers`` are the ids in workers.json (others get no profile update).
    """
    return plan_for(previous_summary(session.work_dir), session_summary(session, completed_at),
                    ender, known_workers, session.station)


def plan_for(previous: dict[str, Any] | None, summary: dict[str, Any], ender: tuple[str, str],
             known_workers: set[str], station: str) -> dict[str, Any] | None:
    """The plan that takes a list from its ``previous`` summary to ``summary`` (whose
    ``counted`` it sets); the same inputs always give the same records and ids."""
    counted = counted_figures(previous)
    given = set(counted["sessions_given"])
    number = int(counted.get("completions", 0)) + 1
    first = number == 1
    ids = (str(summary["client_id"]), str(summary["session_id"]),
           str(summary["packing_list_name"]))
    before_all: dict[str, dict[str, float]] = counted.get("workers") or {}
    after_all = {k: dict(v) for k, v in before_all.items()}
    records = []
    workers = sorted(summary["workers"], key=lambda w: (w["worker_id"] != ender[0],
                                                        w["worker_id"]))
    for worker in workers:
        wid = worker["worker_id"]
        now = {"orders": worker["orders_completed"], "items": worker["units_packed"],
               "seconds": float(worker.get("active_seconds") or 0.0)}
        before = before_all.get(wid, {})
        delta = {k: max(0.0, now[k] - float(before.get(k, 0))) for k in FIGURES}
        after_all[wid] = {k: max(now[k], before.get(k, 0)) for k in FIGURES}
        if delta["orders"] or delta["items"]:
            records.append(_record(ids, number, wid, worker["worker_name"], delta,
                                   new_worker=wid not in given))
    if not records and not first:
        return None
    if not records:  # ended with nothing packed: still one session, credited to the ender
        records.append(_record(ids, number, ender[0], ender[1],
                               dict.fromkeys(FIGURES, 0.0), new_worker=ender[0] not in given))
    for index, record in enumerate(records):
        record["global_sessions"] = 1 if first and index == 0 else 0
        record["profile"] = record["worker_id"] in known_workers
    checks = {key: int(summary.get(f"{key}_count") or 0)
              for key in ("second_checks", "second_checks_skipped")}
    if any(checks.values()):  # the list's second checks so far, on the ending's first record
        records[0]["checks"] = checks
    given.update(r["worker_id"] for r in records if r["worker_sessions"])
    summary["counted"] = {
        "completions": number, "workers": after_all,
        "session_worker": records[0]["worker_id"] if first else counted["session_worker"],
        "sessions_given": sorted(given)}
    progress = list_done(summary)
    return {
        "version": PLAN_VERSION, "client_id": ids[0], "session_id": ids[1],
        "list_name": ids[2], "summary": summary, "records": records,
        "progress": {"status": "completed" if progress else "incomplete",
                     "completed_at": summary["completed_at"],
                     "worker_id": summary["worker_id"], "worker_name": summary["worker_name"],
                     "pc_name": station, "completed_orders": summary["completed_orders"],
                     "total_orders": summary["total_orders"]},
    }


def _record(ids: tuple[str, str, str], number: int, worker_id: str, name: str,
            delta: dict[str, float], *, new_worker: bool) -> dict[str, Any]:
    return {"record_id": f"{ids[0]}/{ids[1]}/{ids[2]}/{number}/{worker_id}",
            "worker_id": worker_id, "worker_name": name, "orders": int(delta["orders"]),
            "items": int(delta["items"]), "seconds": round(delta["seconds"], 1),
            "worker_sessions": 1 if new_worker else 0}


def _place_summary(work_dir: Path, completion: int) -> None:
    """Move the summary written once before the plan into place (repeatable after a crash)."""
    pending, final = work_dir / PENDING_SUMMARY, work_dir / SUMMARY_FILENAME
    try:
        fileio.check_path(final)
        os.replace(pending, final)
    except FileNotFoundError:
        done = previous_summary(work_dir)
        if done is None or counted_figures(done).get("completions") != completion:
            raise CompletionError(f"{pending}: the summary of this ending is missing") from None


def _steps(root: Path, work_dir: Path, plan: dict[str, Any]) -> list[Step]:
    stats, profiles = StatsManager(root), WorkerManager(root)
    client, session, name = plan["client_id"], plan["session_id"], plan["list_name"]
    steps: list[Step]
    if "summary" in plan:  # a plan of an older version carries the summary itself
        summary = plan["summary"]
        steps = [FileUpdate(work_dir / SUMMARY_FILENAME, lambda _old: summary)]
    else:
        steps = [partial(_place_summary, work_dir, int(plan["completion"]))]
    for rec in plan["records"]:
        steps.append(partial(
            stats.record_packing, client, session, rec["worker_id"],
            orders_count=rec["orders"], items_count=rec["items"],
            metadata={"packing_list_name": name, "completion": rec["record_id"],
                      **rec.get("checks", {})},
            worker_name=rec["worker_name"], duration_seconds=rec["seconds"],
            packing_list_name=name, record_id=rec["record_id"],
            sessions=rec["global_sessions"]))
    for rec in plan["records"]:
        if rec["profile"]:
            steps.append(partial(
                profiles.update_worker_stats, rec["worker_id"], sessions=rec["worker_sessions"],
                orders=rec["orders"], items=rec["items"], duration_seconds=rec["seconds"],
                session_id=session, record_id=rec["record_id"]))
    steps.append(partial(_progress, work_dir.parent.parent, name, plan["progress"]))
    return steps


def _progress(session_dir: Path, list_name: str, fields: dict[str, Any]) -> None:
    update_progress(session_dir, list_name, **fields)  # no session_info.json is not a failure


def run_plan(root: Path, work_dir: Path, plan: dict[str, Any]) -> None:
    """Carry out a saved plan (again); raises ``CompletionError`` if it cannot finish now.

    A damaged transaction journal is kept aside and every step runs again: each one is
    idempotent (record ids, the summary's move), so nothing is counted twice.
    """
    damaged: list[Exception] = []
    steps = [_noting(step, damaged) for step in _steps(root, work_dir, plan)]
    journal = work_dir / TX_FILENAME
    done = False
    if journal.exists():
        try:
            done = resume_multi_file_update(journal, steps)
        except fileio.CorruptFileError as exc:
            kept = fileio.keep_aside(journal, journal.read_bytes(), "corrupt")
            journal.unlink()
            log.warning("%s: damaged (%s), kept at %s; the ending's steps run again",
                        journal, exc, kept)
    if not journal.exists() and not done:
        done = atomic_multi_file_update(steps, journal)
    if not done:
        cause = f": {damaged[-1]}" if damaged else ""  # a damaged shared file, named
        raise CompletionError(f"ending {work_dir.name} did not finish{cause}; it will finish "
                              f"when the list is opened again (plan kept in "
                              f"{work_dir / PLAN_FILENAME})")
    (work_dir / PLAN_FILENAME).unlink(missing_ok=True)


def _noting(step: Step, damaged: list[Exception]) -> Step:
    """``step``, remembering a damaged shared file or a link it refused to write (for the
    message)."""
    if isinstance(step, FileUpdate):
        return step

    def run() -> object:
        try:
            return step()
        except fileio.SharedFileDamagedError as exc:
            damaged.append(exc)
            raise
        except Exception as exc:
            if refused_link(exc) is not None:
                damaged.append(exc)
            raise

    func = getattr(step, "func", step)  # the transaction's journal and log name the step
    run.__qualname__ = str(getattr(func, "__qualname__", "step"))
    return run


def save_and_run(root: Path, work_dir: Path, plan: dict[str, Any]) -> None:
    """Write the summary once (beside its place), then the small plan, then run the plan.

    From the plan's write on, the ending will finish: its steps name the summary file and
    the records; the transaction's journal then only marks steps done.
    """
    fileio.atomic_write_json(work_dir / PENDING_SUMMARY, plan["summary"])
    saved = {k: v for k, v in plan.items() if k != "summary"}
    saved["completion"] = plan["summary"]["counted"]["completions"]
    fileio.atomic_write_json(work_dir / PLAN_FILENAME, saved)  # from here on it will finish
    run_plan(root, work_dir, saved)


def finish_pending(root: Path, work_dir: Path) -> bool:
    """Finish an ending a crash interrupted; True if there was one (and it finished)."""
    path = work_dir / PLAN_FILENAME
    try:
        plan = fileio.read_json_file(path)
    except FileNotFoundError:
        return False
    except (OSError, ValueError) as exc:
        plan = _plan_from_summaries(root, work_dir, path, str(exc))
        if plan is None:
            return True
    log.warning("%s: finishing an ending that was interrupted", work_dir)
    run_plan(root, work_dir, plan)
    return True


def _plan_from_summaries(root: Path, work_dir: Path, path: Path,
                         why: str) -> dict[str, Any] | None:
    """A damaged plan: kept aside, and made again from the summaries it was made from.

    The pending summary is the ending's; the summary in place is the one before it, so the
    same records and ids come out. When the summary was already moved into place, the
    statistics got all or part of the ending: the list is unblocked and ``packing-tool
    stats rebuild`` recounts from the summaries.
    """
    try:  # before the damaged plan is moved: a refusal here keeps everything as it is
        known = {w.id for w in WorkerManager(root).get_all_workers()}
    except WorkerManagerError as exc:
        raise CompletionError(f"{path}: damaged, and {exc}") from exc
    kept = fileio.keep_aside(path, path.read_bytes(), "corrupt")
    path.unlink()
    try:
        pending = fileio.read_json_file(work_dir / PENDING_SUMMARY)
    except (OSError, ValueError):
        pending = None
    if not isinstance(pending, dict) or not isinstance(pending.get("counted"), dict):
        log.error("%s: damaged completion plan (%s), kept at %s; its summary is in place, so "
                  "the list is open again; run `packing-tool stats rebuild` to recount the "
                  "statistics from the summaries", path, why, kept)
        return None
    counted = pending["counted"]
    ender = (str(counted.get("session_worker") or pending.get("worker_id") or ""),
             str(pending.get("worker_name") or ""))
    plan = plan_for(previous_summary(work_dir), pending, ender, known,
                    str(pending.get("pc_name") or ""))
    if plan is None:
        return None
    plan.pop("summary")
    plan["completion"] = counted["completions"]
    fileio.atomic_write_json(path, plan)
    log.warning("%s: damaged completion plan (%s) kept at %s; made again from %s", path, why,
                kept, PENDING_SUMMARY)
    return plan
