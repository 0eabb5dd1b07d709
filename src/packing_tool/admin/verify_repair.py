"""`verify --repair`: the fixes that are safe, each keeping the original of what it changes.

Nothing here invents data. An interrupted ending is finished by the completion code, a
stale lock is released by the administrator's release path, packing_state.json is rewritten
from the scan journal by the packer's own code, the session index is rebuilt from the
folders, and the shared statistics and worker files are only ever handed to their own
locked normalisers (never reset: with nothing good to restore, the repair refuses).
The Shopify Tool's files are never touched.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packing_tool.admin.stats_files import stats_file, workers_file
from packing_tool.admin.verify_ledger_repair import (
    ACTOR,
    backfill_ledger,
    rebuild_record,
    release_claim,
)
from packing_tool.admin.verify_report import Repair, relative
from packing_tool.admin.verify_walk import client_of
from packing_tool.admin.words import Phrase, phrase
from packing_tool.domain.summary import list_done
from packing_tool.storage import session_index
from packing_tool.storage.completion import PLAN_FILENAME, finish_pending, previous_summary
from packing_tool.storage.journal import ScanJournal
from packing_tool.storage.journal_mirror import mirror_dir
from packing_tool.storage.journal_repair import repair_journal
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.lock_info import LOCK_FILENAME
from packing_tool.storage.lock_release import current_lock, release_stale
from packing_tool.storage.packing_session import PackingSession
from packing_tool.storage.paths import local_data_dir
from packing_tool.storage.session_lock import LockHeldError, SessionLockManager
from packing_tool.storage.summary_file import SUMMARY_FILENAME
from shared import fileio
from shared.stats_manager import STATS_FILENAME
from shared.stats_schema import normalise_stats
from shared.worker_manager import normalise_workers

log = logging.getLogger(__name__)

KEEP_LABEL = "before-repair"
# The shared files first (endings write to them), then endings (they take the list's lock,
# stale or not), the index last (it reads the statuses the others leave).
# The order ledger after the endings (they write summaries a backfill reads), dead claims
# before the backfill (a released claim may leave an order to backfill).
ORDER = ("restore_shared", "normalise_shared", "finish_ending", "remove_lock",
         "release_claim", "rebuild_record", "backfill_ledger",
         "repair_journal", "regenerate_state", "rebuild_index", "delete_temp")


class RepairSkipped(RuntimeError):
    """The repair is not safe now (or not needed any more); the message says why."""


@dataclass(frozen=True)
class Outcome:
    repair: Repair
    done: bool
    message: str


def planned(repairs: list[Repair]) -> list[Repair]:
    """The repairs in the order they are made."""
    return sorted(repairs, key=lambda r: ORDER.index(r.kind))


def carry_out(root: Path, repairs: list[Repair]) -> list[Outcome]:
    """Make each repair in a safe order; one that fails is reported and the rest go on."""
    outcomes = []
    for repair in planned(repairs):
        try:
            message = ACTIONS[repair.kind](root, repair)
        except Exception as exc:  # an admin run reports every failure and carries on
            log.warning("%s: %s", repair.describe(root), exc)
            said = exc.args[0] if exc.args and isinstance(exc.args[0], Phrase) else None
            outcomes.append(Outcome(repair, False, said or str(exc) or phrase(
                "Something went wrong; the log has the details")))
        else:
            outcomes.append(Outcome(repair, True, message))
    return outcomes


def _keep(root: Path, path: Path) -> str:
    """Keep ``path``'s bytes next to it; returns a note saying where (empty if no file)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return ""
    return phrase("original kept at {path}",
                  path=relative(root, fileio.keep_aside(path, raw, label=KEEP_LABEL)))


@contextlib.contextmanager
def _list_lock(root: Path, work_dir: Path) -> Iterator[None]:
    """Hold the list's lock while its files change; a stale lock is released first (kept)."""
    found = current_lock(work_dir)
    if found is not None:
        if not found.stale:
            raise RepairSkipped(phrase("the list is held by {holder}",
                                       holder=found.info.describe()))
        _keep(root, work_dir / LOCK_FILENAME)
        release_stale(work_dir, found.info, reason=f"{ACTOR}: the list's files are repaired")
    manager = SessionLockManager(worker_id=None, worker_name=ACTOR)
    try:
        try:
            manager.acquire(work_dir)
        except LockHeldError as exc:  # a station took it in the meantime
            raise RepairSkipped(exc.args[0]) from exc  # its words (a phrase)
        yield
    finally:
        manager.close()


def _shared_files_readable(root: Path) -> None:
    """An ending writes both shared files; an unreadable one without a good .bak would be
    started afresh by its writer, so no ending is finished until it is repaired."""
    for path in (stats_file(root), workers_file(root)):
        try:
            good = isinstance(fileio.read_json_file(path), dict)
        except FileNotFoundError:
            continue
        except (OSError, ValueError):
            good = False
        if not good:
            raise RepairSkipped(phrase("{path} is unreadable; it must be repaired before an "
                                       "ending can add to it", path=relative(root, path)))


def _finish_ending(root: Path, repair: Repair) -> str:
    work_dir = repair.target
    _shared_files_readable(root)
    with _list_lock(root, work_dir):
        notes = [_keep(root, work_dir / PLAN_FILENAME), _keep(root, work_dir / SUMMARY_FILENAME)]
        if not finish_pending(root, work_dir):
            raise RepairSkipped(phrase("no interrupted ending any more"))
    _record_status(root, work_dir)
    kept = "; ".join(n for n in notes if n)
    if kept:
        return phrase("summary, statistics and worker profiles written ({kept})", kept=kept)
    return phrase("summary, statistics and worker profiles written")


def _record_status(root: Path, work_dir: Path) -> None:
    """Tell the session index the list's end, as ending it in the app does (best effort)."""
    session_dir = work_dir.parent.parent
    client = client_of(session_dir.parent.name)
    summary = previous_summary(work_dir)
    if client is None or summary is None or session_dir.parents[2] != root:
        return  # archived sessions have no index entry
    done = list_done(summary)  # as ending it does: orders packed elsewhere count as done
    try:
        session_index.update_entry(
            ShareLayout(root), client, session_dir.name, work_dir.name,
            status="completed" if done else "incomplete",
            completed_at=summary.get("completed_at"),
            completed_orders=summary.get("completed_orders"),
            total_orders=summary.get("total_orders"))
    except (OSError, ValueError) as exc:
        log.warning("%s: index entry not updated: %s", work_dir, exc)


def _remove_lock(root: Path, repair: Repair) -> str:
    work_dir = repair.target
    found = current_lock(work_dir)
    if found is None:
        raise RepairSkipped(phrase("the lock is gone already"))
    if not found.stale:
        raise RepairSkipped(phrase("the lock is live again: {holder}",
                                   holder=found.info.describe()))
    kept = _keep(root, work_dir / LOCK_FILENAME)
    release_stale(work_dir, found.info, reason=f"{ACTOR}: stale lock")
    return phrase("removed ({kept}; recorded in lock_history.jsonl)", kept=kept)


def _regenerate_state(root: Path, repair: Repair) -> str:
    path = repair.target
    work_dir = path.parent
    session_dir = work_dir.parent.parent
    client = client_of(session_dir.parent.name)
    if client is None:
        raise RepairSkipped(phrase("{name} is not a client folder", name=session_dir.parent.name))
    with _list_lock(root, work_dir):
        events = ScanJournal(work_dir, make_dirs=False).load()
        if not events:
            raise RepairSkipped(phrase("the scan journal has no events to rebuild it from"))
        kept = _keep(root, path)
        session = PackingSession(ShareLayout(session_dir.parents[2]), client, session_dir.name,
                                 work_dir.name)
        try:
            written = session.state.write_now()
        finally:
            session.close()
        if not written:
            raise RepairSkipped(session.state.last_error or phrase("not written"))
    return phrase("rewritten from {n_events} journal events ({kept})", n_events=len(events),
                  kept=kept or phrase('there was no file'))


def _repair_journal(root: Path, repair: Repair) -> str:
    """A garbled journal line: from this PC's own copy of the list when it has one, else the
    lines before it kept (the damaged file kept aside either way)."""
    work_dir = repair.target
    with _list_lock(root, work_dir):
        copy = mirror_dir(local_data_dir(), work_dir)
        note = repair_journal(work_dir, copy if copy.is_dir() else None)
    if not note:
        raise RepairSkipped(phrase("the journal reads in order now"))
    return note


def _refuse() -> dict[str, Any]:
    raise RepairSkipped(phrase("the file is unreadable and has no good .bak copy; it is left as "
                               "it is"))


def _shared_file(root: Path, repair: Repair) -> str:
    path = repair.target
    normalise: Callable[[dict[str, Any]], dict[str, Any]] = (
        normalise_stats if path.name == STATS_FILENAME else normalise_workers)
    kept = _keep(root, path)
    fileio.with_retries(
        lambda: fileio.locked_json_update(path, lambda _doc: None, default=_refuse,
                                          normalise=normalise),
        attempts=3, delay=0.5, retry_on=(fileio.LockTimeoutError,), what=str(path))
    return phrase("rewritten under its lock ({kept})", kept=kept)


def _rebuild_index(root: Path, repair: Repair) -> str:
    kept = _keep(root, repair.target)
    doc = session_index.rebuild(ShareLayout(root), repair.client)
    return phrase("{n} entries from the folders ({kept})", n=len(doc['entries']), kept=kept)


def _delete_temp(root: Path, repair: Repair) -> str:
    kept = _keep(root, repair.target)
    if not kept:
        raise RepairSkipped(phrase("it is gone already"))
    repair.target.unlink(missing_ok=True)
    return phrase("deleted ({kept})", kept=kept)


ACTIONS: dict[str, Callable[[Path, Repair], str]] = {
    "finish_ending": _finish_ending,
    "remove_lock": _remove_lock,
    "regenerate_state": _regenerate_state,
    "repair_journal": _repair_journal,
    "restore_shared": _shared_file,
    "normalise_shared": _shared_file,
    "rebuild_index": _rebuild_index,
    "delete_temp": _delete_temp,
    "release_claim": release_claim,
    "rebuild_record": rebuild_record,
    "backfill_ledger": backfill_ledger,
}
