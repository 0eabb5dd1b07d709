"""The scan journal kept twice: on this station's disk first, then copied to the share.

A scan is acknowledged once its event is fsynced locally, so packing goes on while the
share does not answer. A background thread copies events to the share's journal in order;
after any share error it reads the share's last ``seq`` again before writing more, so each
event lands there exactly once. Before every write it checks the list's lock is still ours:
if another station took the list over, nothing more is written and the status says so.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from packing_tool.domain.events import ScanEvent
from packing_tool.domain.phrase import phrase
from packing_tool.storage.journal import JournalError, ScanJournal
from packing_tool.storage.journal_repair import repair_journal
from shared import fileio

log = logging.getLogger(__name__)


class ShareState(StrEnum):
    ONLINE = "online"
    OFFLINE = "offline"  # the share does not answer; scans wait on the local disk
    LOST = "lost"  # another station holds the list now; this one writes nothing more


@dataclass(frozen=True)
class MirrorStatus:
    state: ShareState
    waiting: int  # events on the local disk not yet on the share
    message: str


class ListTakenOverError(RuntimeError):
    """The list was taken over by another station; this station may not add scans."""


def mirror_dir(local_root: Path, share_work_dir: Path) -> Path:
    """The local folder mirroring one list's share work folder (one per share path)."""
    key = hashlib.sha1(str(share_work_dir.absolute()).encode("utf-8")).hexdigest()[:16]
    return local_root / "journals" / f"{share_work_dir.name[:40]}-{key}"


class MirroredJournal:
    def __init__(
        self,
        share_dir: Path,
        local_dir: Path,
        *,
        still_ours: Callable[[], bool] = lambda: True,
        retry_seconds: float = 2.0,
        durable: bool = True,
        on_status: Callable[[MirrorStatus], None] | None = None,
    ) -> None:
        self.share_dir, self.local_dir = share_dir, local_dir
        self.local = ScanJournal(local_dir, durable=durable)
        self.share = ScanJournal(share_dir, durable=durable, make_dirs=False)
        self._still_ours = still_ours  # raises OSError when the share cannot be reached
        self._retry = retry_seconds
        self._on_status = on_status
        self._events: list[ScanEvent] = []
        self._pending: list[ScanEvent] = []
        self._resync = False
        self._stopping = False
        self._wake = threading.Condition()
        self._status = MirrorStatus(ShareState.ONLINE, 0, "")
        self.note = ""  # set by load when offline scans could not be reconciled
        self._thread: threading.Thread | None = None
        fileio.atomic_write_json(local_dir / "source.json", {"share_work_dir": str(share_dir)})

    @property
    def path(self) -> Path:
        return self.share.path

    @property
    def bytes_written(self) -> int:
        return self.local.bytes_written

    # ------------------------------------------------------------------ open

    def load(self) -> list[ScanEvent]:
        """The list's events: the share's, plus scans this station made that never got there.

        Called with the lock held, while the share answers (raises OSError otherwise).
        """
        try:
            share = self.share.load()
        except JournalError:
            self.share.close()
            self.note = repair_journal(self.share_dir, self.local_dir)
            share = self.share.load()
        try:
            local = self.local.load()
        except JournalError as exc:
            self._set_aside(f"local journal unreadable ({exc})")
            local = []
        common = min(len(share), len(local))
        if share[:common] != local[:common]:
            self._set_aside("the share's journal moved on without these scans")
            self.local.replace(share)
            events = share
        elif len(local) > len(share):
            extra = local[len(share):]
            self.share.append_many(extra)  # acknowledged here, never copied before a crash
            log.info("%s: %d scans from this station's disk written to the share",
                     self.share.path, len(extra))
            events = local
        else:
            if len(local) < len(share):
                self.local.replace(share)
            events = share
        self._events = list(events)
        self._thread = threading.Thread(target=self._run, name="journal-mirror", daemon=True)
        self._thread.start()
        return list(events)

    def _set_aside(self, why: str) -> None:
        try:
            kept = fileio.keep_aside(self.local.path, self.local.path.read_bytes(), "diverged")
        except FileNotFoundError:
            return
        self.note = f"scans kept at {kept}: {why}"
        log.warning("%s: %s", self.share.path, self.note)

    # ------------------------------------------------------------------ scans

    def append(self, event: ScanEvent) -> None:
        """Durable on this station's disk when it returns; the share follows."""
        if self._status.state is ShareState.LOST:
            raise ListTakenOverError(self._status.message)
        self.local.append(event)
        with self._wake:
            self._events.append(event)
            self._pending.append(event)
            self._wake.notify()
            offline = self._status.state is ShareState.OFFLINE
        if offline:  # the count of scans waiting changed: listeners show it exactly
            self._tell()

    def append_many(self, events: list[ScanEvent]) -> None:
        for event in events:
            self.append(event)

    @property
    def status(self) -> MirrorStatus:
        with self._wake:
            return MirrorStatus(self._status.state, len(self._pending), self._status.message)

    def flush(self, timeout: float) -> bool:
        """Wait until every event is on the share; False on timeout or when the list was lost."""
        with self._wake:
            self._wake.wait_for(lambda: not self._pending
                                or self._status.state is ShareState.LOST, timeout)
            return not self._pending

    def close(self, timeout: float = 5.0) -> bool:
        """Copy what can be copied within ``timeout``, then stop; True when nothing waits."""
        done = self.flush(timeout) if self._thread is not None else True
        with self._wake:
            self._stopping = True
            self._wake.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=1.0)
        self.local.close()
        self.share.close()
        return done

    # ------------------------------------------------------------------ copying

    def _set_status(self, state: ShareState, message: str) -> None:
        with self._wake:
            changed = state is not self._status.state or message != self._status.message
            self._status = MirrorStatus(state, len(self._pending), message)
            self._wake.notify_all()
        if changed:
            self._tell()

    def _tell(self) -> None:
        if self._on_status is not None:
            try:
                self._on_status(self.status)
            except Exception:  # a listener's bug must not stop the copying
                log.exception("status listener failed")

    def _run(self) -> None:
        while True:
            with self._wake:
                self._wake.wait_for(lambda: self._pending or self._stopping)
                if not self._pending or self._status.state is ShareState.LOST:
                    return
                batch = list(self._pending)
            try:
                self._copy(batch)
            except OSError as exc:
                self.share.close()  # reopened (and its tail re-read) after the share returns
                self._resync = True
                self._set_status(ShareState.OFFLINE, f"share not answering ({exc}); "
                                 "scans are kept on this station")
                with self._wake:
                    if self._wake.wait_for(lambda: self._stopping, self._retry):
                        return

    def _copy(self, batch: list[ScanEvent]) -> None:
        if not self.share_dir.is_dir():
            missing = self.share_dir
            while not missing.parent.is_dir() and missing.parent != missing:
                missing = missing.parent  # the highest folder that is gone: often the share
            raise FileNotFoundError(phrase("{folder} is missing", folder=missing))
        if not self._still_ours():
            self._lose(phrase("another station took this list over; scans from now on were not "
                              "written to the share"))
            return
        if self._resync:
            rest = self._after_share_tail(batch)
            if rest is None:
                return
            batch, self._resync = rest, False
        if batch:
            self.share.append_many(batch)
        with self._wake:
            del self._pending[:len(batch)]  # batch is the front of the queue; only we remove
        self._set_status(ShareState.ONLINE, "")

    def _after_share_tail(self, batch: list[ScanEvent]) -> list[ScanEvent] | None:
        """What of ``batch`` the share still lacks (a write may have landed before an error)."""
        self.share.close()
        on_share = self.share.load()
        last = on_share[-1].seq if on_share else 0
        with self._wake:
            mine = self._events[last - 1] if 0 < last <= len(self._events) else None
        if last and mine != on_share[-1]:  # seq n is the n-th event: no search needed
            self._lose(phrase("the share's journal holds scans from another station"))
            return None
        landed = [e for e in batch if e.seq <= last]
        if landed:
            with self._wake:
                del self._pending[:len(landed)]
            log.info("%s: %d scans had reached the share before it failed",
                     self.share.path, len(landed))
        return [e for e in batch if e.seq > last]

    def _lose(self, why: str) -> None:
        log.error("%s: %s", self.share.path, why)
        self._set_status(ShareState.LOST, why)
