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
The plan is worked out in ``completion_plan``; this module saves and runs it.
"""

from __future__ import annotations

import logging
import os
from functools import partial
from pathlib import Path
from typing import Any

from packing_tool.domain.phrase import phrase
from packing_tool.storage.completion_plan import (
    FIGURES,
    PLAN_VERSION,
    build_plan,
    counted_figures,
    plan_for,
    previous_summary,
)
from packing_tool.storage.error_phrases import described
from packing_tool.storage.inside import refused_link
from packing_tool.storage.session_info import update_progress
from packing_tool.storage.summary_file import SUMMARY_FILENAME
from shared import fileio
from shared.stats_manager import StatsManager
from shared.transaction import (
    FileUpdate,
    Step,
    atomic_multi_file_update,
    resume_multi_file_update,
)
from shared.worker_manager import WorkerManager, WorkerManagerError

__all__ = [
    "FIGURES", "PENDING_SUMMARY", "PLAN_FILENAME", "PLAN_VERSION", "TX_FILENAME",
    "CompletionError", "build_plan", "counted_figures", "finish_pending", "plan_for",
    "previous_summary", "run_plan", "save_and_run",
]

log = logging.getLogger(__name__)

PLAN_FILENAME = "completion_plan.json"
TX_FILENAME = "completion.tx.json"
PENDING_SUMMARY = "session_summary.json.pending"  # the ending's summary, written once


class CompletionError(RuntimeError):
    """A completion could not finish now; its plan is kept and finishes on the next start."""


def _place_summary(work_dir: Path, completion: int) -> None:
    """Move the summary written once before the plan into place (repeatable after a crash)."""
    pending, final = work_dir / PENDING_SUMMARY, work_dir / SUMMARY_FILENAME
    try:
        fileio.check_path(final)
        os.replace(pending, final)
    except FileNotFoundError:
        done = previous_summary(work_dir)
        if done is None or counted_figures(done).get("completions") != completion:
            raise CompletionError(phrase("{file}: the summary of this ending is missing",
                                         file=pending)) from None


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
        plan_file = work_dir / PLAN_FILENAME
        if damaged:  # a damaged shared file, named
            raise CompletionError(phrase(
                "ending {list} did not finish: {cause}; it will finish when the list is opened "
                "again (plan kept in {file})", list=work_dir.name, cause=described(damaged[-1]),
                file=plan_file))
        raise CompletionError(phrase(
            "ending {list} did not finish; it will finish when the list is opened again (plan "
            "kept in {file})", list=work_dir.name, file=plan_file))
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
        raise CompletionError(phrase("{file}: damaged, and {problem}", file=path,
                                     problem=described(exc))) from exc
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
