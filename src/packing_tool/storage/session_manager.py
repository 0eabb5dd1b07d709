"""Start, resume, pause and end packing lists on a share that many stations use.

Opening a list takes its lock, finishes an ending a crash interrupted, and mirrors the scan
journal to this station's disk. Pausing writes what waits and lets the list go; ending runs
the completion plan. Every step also updates ``session_info.json`` (the Shopify Tool's
file, merged under its lock), the session index, and this station's own registry.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from packing_tool.domain.orders import FULL_SESSION
from packing_tool.domain.summary import list_done
from packing_tool.storage import session_index
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
from packing_tool.storage.live_progress import FIGURES, write_progress
from packing_tool.storage.local_registry import LocalRegistry, OpenEntry
from packing_tool.storage.lock_info import LockInfo, station_name
from packing_tool.storage.order_ledger import FileOrderLedger
from packing_tool.storage.packing_session import PackingSession, Worker
from packing_tool.storage.paths import local_data_dir
from packing_tool.storage.reports import write_report
from packing_tool.storage.session_info import update_progress
from packing_tool.storage.session_lock import (
    LockHeldError,
    LockLostError,
    SessionLock,
    SessionLockManager,
)
from packing_tool.storage.share_calls import ShareTimeoutError, within
from shared.timestamps import now, to_iso
from shared.worker_manager import WorkerManager

log = logging.getLogger(__name__)


class ShareNotReadyError(RuntimeError):
    """Scans still wait on this station's disk, so the list cannot be ended yet."""


@dataclass(frozen=True)
class SessionSettings:
    heartbeat_seconds: float = 60.0
    stale_after: float = 180.0
    share_timeout: float = 10.0  # the longest any share call may keep its caller waiting
    retry_seconds: float = 2.0  # how often an unreachable share is tried again
    durable: bool = True
    debounce_seconds: float = 0.15
    claim_wait: float = 1.0  # past this the share is taken as away: the claim is offline
    claim_answer_wait: float = 0.002  # what a label scan waits before its order opens anyway
    ledger_refresh: float = 30.0  # how often an open list re-reads its orders' ledger records


@dataclass
class ActiveList:
    client_id: str
    session_id: str
    list_name: str
    session: PackingSession
    lock: SessionLock
    mirror: MirroredJournal
    events_at_open: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def work_dir(self) -> Path:
        return self.session.work_dir

    @property
    def ledger(self) -> ListLedger:
        assert self.session.ledger is not None  # every list a manager opens has one
        return self.session.ledger

    @property
    def share_status(self) -> MirrorStatus:
        return self.mirror.status

    @property
    def changed(self) -> bool:
        return self.session.logic.last_seq > self.events_at_open


def _still_ours(lock: SessionLock) -> bool:
    try:
        lock.check()  # OSError (share unreachable) goes to the caller: that is "offline"
    except LockLostError:
        return False
    return True


class SessionManager:
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

    def _within(self, what: str, call: Callable[[], Any],
                abandon: Callable[[Any], Any] | None = None) -> Any:
        return within(self.settings.share_timeout, what, call, abandon)

    def open(self, client: str, session: str, list_name: str, *,
             take_over: LockInfo | None = None,
             reason: str = "confirmed by the user") -> ActiveList:
        """Take the list's lock and open it (resuming its journal); raises ``LockHeldError``.

        ``take_over`` is the stale lock the user confirmed taking over.
        """
        work_dir = self.layout.work_dir(client, session, list_name)
        session_dir = self.layout.session_dir(client, session)
        if not self._within("find the list", session_dir.is_dir):
            raise FileNotFoundError(f"session {session!r} not found: {session_dir}")
        clash = self._within("check the client's folders", lambda: client_clash(
            self.layout, client))
        if clash is not None:
            raise NameClashError(clash)
        self._within("find the list", lambda: list_path(session_dir, list_name))
        others = self._within("list the session's work folders",
                              lambda: self._exclusive_with(client, session, list_name))
        if take_over is not None:
            lock = self._within("take over the list's lock",
                                lambda: self.locks.take_over(work_dir, take_over,
                                                             reason=reason,
                                                             exclusive_with=others),
                                self.locks.release)
        else:
            lock = self._within("take the list's lock",
                                lambda: self.locks.acquire(work_dir, exclusive_with=others),
                                self.locks.release)
        try:
            active: ActiveList = self._within("open the list", lambda: self._open_locked(
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
                self._on_lost(active, str(error))

    # ------------------------------------------------------------------ progress records

    def _figures(self, active: ActiveList) -> dict[str, Any]:
        with active.session.lock:
            progress = active.session.logic.progress
            started = active.session.started_at
        couriers = {o.courier for o in active.session.packing_list.orders if o.courier}
        return {"worker_id": self.worker.id, "worker_name": self.worker.name,
                "courier": couriers.pop() if len(couriers) == 1 else None,
                "pc_name": active.session.station,
                "started_at": to_iso(started) if started else None,
                "total_orders": progress.orders_total,
                "completed_orders": progress.orders_complete,
                "skipped_orders": progress.orders_skipped,
                "total_items": progress.units_total, "packed_items": progress.units_packed,
                "packed_elsewhere_orders": progress.orders_elsewhere,
                "repacked_orders": progress.orders_repacked,
                "conflict_orders": len(active.ledger.conflicts)}

    def _record(self, active: ActiveList, status: str, **more: Any) -> None:
        """Tell session_info.json, the index and this station's registry (best effort)."""
        figures = {k: v for k, v in {**self._figures(active), **more}.items()
                   if v is not None}  # an unknown value must not erase a known one
        session_dir = self.layout.session_dir(active.client_id, active.session_id)
        try:
            self._within("update session_info.json", lambda: update_progress(
                session_dir, active.list_name, status=status, **figures))
            self._within("update the session index", lambda: session_index.update_entry(
                self.layout, active.client_id, active.session_id, active.list_name,
                status=status, updated_at=to_iso(self.clock()), **figures))
        except Exception as exc:  # the journal is the truth; these records only follow it
            log.warning("%s: progress not recorded on the share: %s", active.work_dir, exc)
        if status in ("completed", "incomplete"):
            self.registry.forget(self.layout.root, active.client_id, active.session_id,
                                 active.list_name)
        else:
            self.registry.record(self.layout.root, active.client_id, active.session_id,
                                 active.list_name, worker_id=self.worker.id,
                                 worker_name=self.worker.name, status=status)

    def report_progress(self, active: ActiveList) -> None:
        """After an order is completed (off the UI thread): the list's own ``progress.json``,
        whose size follows the list; session_info.json and the index wait for pause or end."""
        figures = {k: v for k, v in self._figures(active).items() if k in FIGURES}
        figures.update(status="in_progress", updated_at=to_iso(self.clock()),
                       pc_name=active.session.station, worker_name=self.worker.name)
        try:
            self.progress_bytes += self._within("write the list's progress", lambda: (
                write_progress(active.work_dir, figures)))
        except Exception as exc:  # the journal is the truth; the figures only follow it
            log.warning("%s: progress not written on the share: %s", active.work_dir, exc)

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
            raise ShareNotReadyError(
                f"{active.mirror.status.waiting} scans are not on the share yet "
                f"({active.mirror.status.message}); the list cannot be ended until they are")
        active.ledger.release_held()
        if not active.ledger.flush(self.settings.share_timeout):
            raise ShareNotReadyError(
                f"{active.ledger.waiting} order ledger updates are not on the share yet; "
                "the list cannot be ended until they are")
        active.lock.check()
        active.session.state.close()
        known = {w.id for w in self._within("read worker profiles",
                                            WorkerManager(self.layout.root).get_all_workers)}
        plan = build_plan(active.session, self.clock(), (self.worker.id, self.worker.name),
                          known)
        if plan is not None:
            with active.session.lock:
                self._within("write the report", lambda: write_report(
                    active.session.logic, active.work_dir))
            self._within("end the list", lambda: save_and_run(
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
            self._within("release the list's lock", lambda: self.locks.release(lock))
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
