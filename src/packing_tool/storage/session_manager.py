"""Start, resume, pause and end packing lists on a share that many stations use.

Opening takes the list's lock, finishes an ending a crash interrupted, mirrors the journal to
this disk. Pausing writes what waits and lets go; ending runs the completion plan. Each step
updates ``session_info.json``, the session index and this station's registry (``active_list``)."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from packing_tool.domain.orders import FULL_SESSION
from packing_tool.domain.phrase import phrase
from packing_tool.domain.summary import list_done
from packing_tool.storage.active_list import ActiveList, SessionSettings, ShareNotReadyError
from packing_tool.storage.completion import (
    PLAN_FILENAME,
    CompletionError,
    build_plan,
    finish_pending,
    previous_summary,
    save_and_run,
)
from packing_tool.storage.discovery import client_clash
from packing_tool.storage.journal_mirror import MirroredJournal, MirrorStatus, mirror_dir
from packing_tool.storage.layout import NameClashError, ShareLayout
from packing_tool.storage.ledger_entry import Mark
from packing_tool.storage.list_ledger import ListLedger
from packing_tool.storage.list_readers import list_path
from packing_tool.storage.local_registry import LocalRegistry, OpenEntry
from packing_tool.storage.lock_info import LockInfo, station_name
from packing_tool.storage.order_ledger import FileOrderLedger
from packing_tool.storage.packing_session import PackingSession, Worker
from packing_tool.storage.paths import local_data_dir
from packing_tool.storage.progress_records import ProgressRecords
from packing_tool.storage.reports import write_report
from packing_tool.storage.session_lock import (
    LockHeldError,
    LockLostError,
    SessionLock,
    SessionLockManager,
)
from packing_tool.storage.share_calls import ShareTimeoutError
from shared.timestamps import now
from shared.worker_manager import WorkerManager

__all__ = ["ActiveList", "SessionManager", "SessionSettings", "ShareNotReadyError"]

log = logging.getLogger(__name__)


def _still_ours(lock: SessionLock) -> bool:
    try:
        lock.check()  # OSError (share unreachable) goes to the caller: that is "offline"
    except LockLostError:
        return False
    return True


class SessionManager(ProgressRecords):
    """Opens, pauses and ends this station's lists on one share; records: ProgressRecords."""

    def __init__(
        self,
        layout: ShareLayout,
        worker: Worker,
        settings: SessionSettings | None = None,
        *,
        local_root: Path | None = None,
        on_lost: Callable[[ActiveList, str], None] | None = None,
        on_share_status: Callable[[ActiveList, MirrorStatus], None] | None = None,
        clock: Callable[[], datetime] = now,
    ) -> None:
        self.layout, self.worker = layout, worker
        self.settings = settings or SessionSettings()
        self.local_root = local_root or local_data_dir()
        self.registry = LocalRegistry(self.local_root)
        self.clock = clock
        self._on_lost, self._on_share_status = on_lost, on_share_status
        self.active: list[ActiveList] = []
        self.progress_bytes = 0  # written by report_progress (for the benchmarks)
        self.locks = SessionLockManager(
            worker_id=worker.id, worker_name=worker.name,
            heartbeat_seconds=self.settings.heartbeat_seconds,
            stale_after=self.settings.stale_after, guard_timeout=self.settings.share_timeout,
            clock=clock, on_lost=self._lock_lost)

    # ------------------------------------------------------------------ open

    def _exclusive_with(self, client: str, session: str, list_name: str) -> list[Path]:
        packing = self.layout.session_dir(client, session) / "packing"
        if list_name != FULL_SESSION:
            return [packing / FULL_SESSION]
        return [d for d in packing.iterdir() if d.is_dir() and d.name != FULL_SESSION] \
            if packing.is_dir() else []

    def open(self, client: str, session: str, list_name: str, *,
             take_over: LockInfo | None = None,
             reason: str = "confirmed by the user") -> ActiveList:
        """Take the list's lock and open it (resuming its journal); raises ``LockHeldError``.

        ``take_over`` is the stale lock the user confirmed taking over.
        """
        work_dir = self.layout.work_dir(client, session, list_name)
        session_dir = self.layout.session_dir(client, session)
        if not self._within(phrase("find the list"), session_dir.is_dir):
            raise FileNotFoundError(phrase("session {session} not found: {folder}",
                                           session=repr(session), folder=session_dir))
        clash = self._within(phrase("check the client's folders"), lambda: client_clash(
            self.layout, client))
        if clash is not None:
            raise NameClashError(clash)
        self._within(phrase("find the list"), lambda: list_path(session_dir, list_name))
        others = self._within(phrase("list the session's work folders"),
                              lambda: self._exclusive_with(client, session, list_name))
        if take_over is not None:
            lock = self._within(phrase("take over the list's lock"),
                                lambda: self.locks.take_over(work_dir, take_over,
                                                             reason=reason,
                                                             exclusive_with=others),
                                self.locks.release)
        else:
            lock = self._within(phrase("take the list's lock"),
                                lambda: self.locks.acquire(work_dir, exclusive_with=others),
                                self.locks.release)
        try:
            active: ActiveList = self._within(phrase("open the list"), lambda: self._open_locked(
                client, session, list_name, lock), self._drop)
        except ShareTimeoutError:
            raise  # the open goes on in the background; _drop lets it go when it ends
        except BaseException:
            self._release(lock)
            raise
        self.active.append(active)
        active.extra["ended_before"] = previous_summary(active.work_dir) is not None
        if not active.extra["ended_before"]:  # an ended list keeps its status until it changes
            self._record(active, "in_progress")
        return active

    def _open_locked(self, client: str, session: str, list_name: str,
                     lock: SessionLock) -> ActiveList:
        root = self.layout.root
        finish_pending(root, lock.work_dir)
        holder: list[ActiveList] = []
        mirror = MirroredJournal(
            lock.work_dir, mirror_dir(self.local_root, lock.work_dir),
            still_ours=lambda: _still_ours(lock), retry_seconds=self.settings.retry_seconds,
            durable=self.settings.durable,
            on_status=lambda status: self._share_status(holder, status))
        ledger = ListLedger(
            FileOrderLedger(self.layout, client, stale_after=self.settings.stale_after,
                            clock=self.clock),
            Mark(session, list_name, station_name(), self.worker.id, self.worker.name,
                 lock_id=lock.info.lock_id),
            mirror.local_dir, wait=self.settings.claim_wait,
            answer_wait=self.settings.claim_answer_wait,
            retry_seconds=self.settings.retry_seconds,
            refresh_seconds=self.settings.ledger_refresh)
        try:
            packing = PackingSession(
                self.layout, client, session, list_name, durable=self.settings.durable,
                debounce_seconds=self.settings.debounce_seconds, clock=self.clock,
                journal=mirror, may_write=lambda: not lock.lost, ledger=ledger)
        except BaseException:
            mirror.close(timeout=0)
            ledger.close(timeout=0)
            raise
        active = ActiveList(client, session, list_name, packing, lock, mirror,
                            events_at_open=packing.logic.last_seq)
        holder.append(active)
        return active

    def _drop(self, active: ActiveList) -> None:
        active.ledger.close(timeout=0)
        active.mirror.close(timeout=0)
        active.session.close()
        self._release(active.lock)

    def _share_status(self, holder: list[ActiveList], status: MirrorStatus) -> None:
        if holder and self._on_share_status is not None:
            self._on_share_status(holder[0], status)

    def _lock_lost(self, lock: SessionLock, error: LockLostError) -> None:
        for active in self.active:
            if active.lock is lock and self._on_lost is not None:
                self._on_lost(active, error.args[0])  # its words (a phrase)

    # ------------------------------------------------------------------ close

    def pause(self, active: ActiveList) -> int:
        """Let the list go (switch list or close the app); returns scans still waiting here.

        While scans wait on this station's disk the lock is kept (it goes stale), so no other
        station packs on without them; they reach the share when the list is opened again.
        """
        self._forget(active)
        active.ledger.release_held()  # another list may pack what this one set aside
        waiting_ok = active.mirror.close(timeout=self.settings.share_timeout)
        waiting_ok = active.ledger.close(timeout=self.settings.share_timeout) and waiting_ok
        active.session.close()
        waiting = active.mirror.status.waiting
        if active.changed:
            self._record(active, "paused")
        if waiting_ok and not active.lock.lost:
            self._release(active.lock)
        return waiting

    def complete(self, active: ActiveList) -> dict[str, Any] | None:
        """End the list exactly once; returns the plan carried out (None: nothing new)."""
        if not active.mirror.flush(self.settings.share_timeout):
            raise ShareNotReadyError(phrase(
                "{n} scans are not on the share yet ({why}); the list cannot be ended until "
                "they are", n=active.mirror.status.waiting, why=active.mirror.status.message))
        active.ledger.release_held()
        if not active.ledger.flush(self.settings.share_timeout):
            raise ShareNotReadyError(phrase(
                "{n} order ledger updates are not on the share yet; the list cannot be ended "
                "until they are", n=active.ledger.waiting))
        active.lock.check()
        active.session.state.close()
        known = {w.id for w in self._within(phrase("read worker profiles"),
                                            WorkerManager(self.layout.root).get_all_workers)}
        plan = build_plan(active.session, self.clock(), (self.worker.id, self.worker.name),
                          known)
        if plan is not None:
            with active.session.lock:
                self._within(phrase("write the report"), lambda: write_report(
                    active.session.logic, active.work_dir))
            self._within(phrase("end the list"), lambda: save_and_run(
                self.layout.root, active.work_dir, plan))
        self._forget(active)
        active.mirror.close(timeout=self.settings.share_timeout)
        active.ledger.close(timeout=self.settings.share_timeout)
        active.session.close()
        summary = plan["summary"] if plan is not None else previous_summary(active.work_dir)
        if summary is not None:  # also repairs a status left behind by an interrupted ending
            done = list_done(summary)
            self._record(active, "completed" if done else "incomplete",
                         completed_at=summary["completed_at"],
                         duration_seconds=summary["duration_seconds"])
        self._release(active.lock)
        shutil.rmtree(active.mirror.local_dir, ignore_errors=True)  # the share has it all
        return plan

    def _forget(self, active: ActiveList) -> None:
        if active in self.active:
            self.active.remove(active)

    def _release(self, lock: SessionLock) -> None:
        try:
            self._within(phrase("release the list's lock"), lambda: self.locks.release(lock))
        except Exception as exc:  # it goes stale by itself; nothing is lost
            log.warning("%s: lock not released: %s", lock.work_dir, exc)

    def finish_interrupted(self) -> list[str]:
        """Finish endings a crash cut short on this station (at start-up, no question asked).

        The ending was confirmed when it began; its own dead process's lock is taken over.
        Returns the lists finished; a list another live station holds is left for later.
        """
        finished = []
        for entry in self.unfinished_here():
            work_dir = self.layout.work_dir(entry.client_id, entry.session_id, entry.list_name)
            if not (work_dir / PLAN_FILENAME).is_file():
                continue
            holder = self.locks.holder(work_dir)
            try:
                if holder is None:
                    lock = self.locks.acquire(work_dir)
                elif holder.owner_gone():
                    lock = self.locks.take_over(work_dir, holder,
                                                reason="finishing an interrupted ending")
                else:
                    continue
            except LockHeldError as exc:
                log.info("%s: ending not finished now: %s", work_dir, exc)
                continue
            try:
                finish_pending(self.layout.root, work_dir)
                self.registry.forget(self.layout.root, entry.client_id, entry.session_id,
                                     entry.list_name)
                finished.append(f"{entry.session_id}/{entry.list_name}")
            except CompletionError as exc:  # one ending that cannot finish now blocks no other
                log.warning("%s: ending not finished now: %s", work_dir, exc)
            finally:
                self._release(lock)
        return finished

    def unfinished_here(self) -> list[OpenEntry]:
        """Lists this station opened on this share and has not ended, newest first."""
        return self.registry.entries(self.layout.root)

    def close(self) -> None:
        for active in list(self.active):
            self.pause(active)
        self.locks.close()
