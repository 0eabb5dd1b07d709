"""Opening, pausing and ending lists for the window, with the share kept off the UI thread.

Every SessionManager call runs on the app's one TaskRunner; what the manager reports from its
own threads (lock lost, share offline) comes back as queued Qt signals.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from packing_tool.storage.journal_mirror import MirrorStatus
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.local_registry import OpenEntry
from packing_tool.storage.lock_info import LockInfo
from packing_tool.storage.packing_session import Worker
from packing_tool.storage.session_lock import LockHeldError
from packing_tool.storage.session_manager import ActiveList, SessionManager, SessionSettings
from packing_tool.ui import wording
from packing_tool.ui.error_words import error_text, phrase_text
from packing_tool.ui.runner import TaskRunner

log = logging.getLogger(__name__)
CRASH_REASON = "resumed on the same PC after its program stopped"


def ended_text(list_name: str, done: dict[str, Any], status: str) -> str:
    """``DPD_Orders ended: 120 of 194 orders (74 packed elsewhere), 310 units (completed).``"""
    extra = [f"{n} {what}" for n, what in (
        (done.get("packed_elsewhere_count") or 0,
         QCoreApplication.translate("WorkFlow", "packed elsewhere")),
        (done.get("repacked_orders_count") or 0,
         QCoreApplication.translate("WorkFlow", "packed again")),
        (len(done.get("conflict_orders") or ()),
         QCoreApplication.translate("WorkFlow", "also packed elsewhere (conflict)"))) if n]
    more = f" ({', '.join(extra)})" if extra else ""
    text = QCoreApplication.translate(
        "WorkFlow", "{list} ended: {done} of {total} orders{more}, {units} units ({status}).")
    return text.format(list=list_name, done=done["completed_orders"],
                       total=done["total_orders"], more=more, units=done["packed_items"],
                       status=wording.status(status).lower())


class WorkFlow(QObject):
    opened = Signal(object)  # ActiveList
    failed = Signal(str)  # a message for the packer
    takeOverOffered = Signal(dict, object, str)  # payload, LockInfo holder, message
    ended = Signal(str)  # what the end did, for the status line
    paused = Signal(str)
    shareChanged = Signal(str, int)  # state (online/offline/lost), scans waiting
    lockLost = Signal(str)

    def __init__(self, layout: ShareLayout, worker: Worker, runner: TaskRunner,
                 settings: SessionSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner, self.layout = runner, layout
        self.manager = SessionManager(
            layout, worker, settings,
            on_lost=lambda _a, why: self.lockLost.emit(phrase_text(why)),
            on_share_status=lambda _a, s: self._share(s))
        self.active: ActiveList | None = None
        self.busy = False

    def _share(self, status: MirrorStatus) -> None:
        self.shareChanged.emit(str(status.state), status.waiting)

    # ------------------------------------------------------------------ open

    def open_list(self, payload: dict[str, Any], take_over: LockInfo | None = None) -> None:
        """Open the list in ``payload`` (client_id, session_id, packing_list_name)."""
        if self.busy or self.active is not None:
            self.failed.emit(self.tr("Finish or pause the list that is open first."))
            return
        self.busy = True
        client, session = payload["client_id"], payload["session_id"]
        name = payload["packing_list_name"]

        def work() -> ActiveList | LockHeldError:
            self.manager.finish_interrupted()
            try:
                return self.manager.open(client, session, name, take_over=take_over)
            except LockHeldError as exc:  # handed back as a value: the window asks the packer
                if take_over is not None or not self._crashed_here(client, session, name,
                                                                    exc.holder):
                    return exc
                dead = exc.holder
            # This PC's own list, its program gone (a crash): resumed without a question.
            log.info("%s/%s: resuming after a crash of this PC's program", session, name)
            try:
                return self.manager.open(client, session, name, take_over=dead,
                                         reason=CRASH_REASON)
            except LockHeldError as again:
                return again

        self.runner.submit(work, on_done=lambda r: self._opened(payload, r),
                           on_error=self._failed, owner=self)

    def _crashed_here(self, client: str, session: str, name: str, holder: LockInfo) -> bool:
        """The lock is this PC's, its process is dead, and this station had the list open."""
        return holder.owner_gone() and any(
            (e.client_id, e.session_id, e.list_name) == (client, session, name)
            for e in self.manager.unfinished_here())

    def unfinished(self) -> tuple[list[OpenEntry], OpenEntry | None]:
        """(On the runner.) This station's unfinished lists, and the first one whose lock is
        still held by a program of this PC that died (resumed at once after login)."""
        self.manager.finish_interrupted()  # an ending cut short is finished, not resumed
        entries = self.manager.unfinished_here()
        for entry in entries:
            work_dir = self.layout.work_dir(entry.client_id, entry.session_id, entry.list_name)
            holder = self.manager.locks.holder(work_dir)
            if holder is not None and holder.owner_gone():
                return entries, entry
        return entries, None

    def _opened(self, payload: dict[str, Any], result: ActiveList | LockHeldError) -> None:
        self.busy = False
        if isinstance(result, LockHeldError):
            name = result.work_dir.name
            if result.invalid:  # a damaged lock file: the storage's words name the file
                text = error_text(result)
            elif result.stale:
                text = self.tr("{list} was being packed by {lock}; the lock is stale and can be "
                               "taken over").format(list=name, lock=wording.lock(result.holder))
            else:
                text = self.tr("{list} is being packed by {lock}").format(
                    list=name, lock=wording.lock(result.holder))
            if result.stale:
                self.takeOverOffered.emit(payload, result.holder, text)
            else:
                self.failed.emit(text)
            return
        self.active = result
        self.opened.emit(result)

    def _failed(self, message: str) -> None:
        self.busy = False
        self.failed.emit(message)

    # ------------------------------------------------------------------ close

    def end(self) -> None:
        active = self.active
        if active is None or self.busy:
            return
        self.busy = True

        def work() -> str:
            plan = self.manager.complete(active)
            if plan is None:
                return self.tr("{list}: nothing new since it was last ended.").format(
                    list=active.list_name)
            return ended_text(active.list_name, plan["summary"], plan["progress"]["status"])

        self.runner.submit(work, on_done=self._ended, on_error=self._failed, owner=self)

    def _ended(self, message: str) -> None:
        self.busy, self.active = False, None
        self.ended.emit(message)

    def pause(self) -> None:
        active = self.active
        if active is None or self.busy:
            return
        self.busy = True

        def work() -> str:
            waiting = self.manager.pause(active)
            if waiting:
                return self.tr("{list} paused; {n} scans wait on this station and reach the "
                               "share when the list is opened here again.").format(
                    list=active.list_name, n=waiting)
            return self.tr("{list} paused.").format(list=active.list_name)

        def done(message: str) -> None:
            self.busy, self.active = False, None
            self.paused.emit(message)

        self.runner.submit(work, on_done=done, on_error=self._failed, owner=self)

    def report_progress(self) -> None:
        if self.active is not None:
            self.runner.submit(self.manager.report_progress, self.active)

    def shutdown(self) -> None:
        """At exit: pause what is open (bounded by the share timeout) and drop the locks."""
        try:
            self.manager.close()
        except Exception:  # leaving must never fail; the lock simply goes stale
            log.exception("closing the open list failed")
