"""The order ledger as one open list uses it: claims, packed marks, releases, what is elsewhere.

A label scan claims its order through ``claim``, and waits for the answer at most
``answer_wait`` (a frame: the scan is drawn at once). A claim not answered by then is
*pending*: the order opens, and the answer arrives on the ``order-ledger`` thread. A pending
claim lost to another station makes the order "being packed elsewhere" (its item scans are
refused, so it is skipped), and the order's last unit waits for the answer (``settle``), which a
packer's hands have long given it. Only when the share takes longer than ``wait`` (or is known
to be away) is the claim made offline: the order opens, and the claim goes to the share later
in order with everything else. A late answer that gives an order packed offline to another
list is a conflict, told through ``on_conflict`` and excluded from counting. Packed marks and
releases never wait: the ``order-ledger`` thread sends them, retrying while the share is away,
and refreshes what the list knows of its other orders every ``refresh_seconds``. The last read
is kept on this station's disk.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from packing_tool.domain.elsewhere import Elsewhere, Where
from packing_tool.storage.ledger_entry import LedgerEntry, Mark
from packing_tool.storage.ledger_knowledge import LedgerKnowledge, LedgerOp, damaged
from packing_tool.storage.order_ledger import (
    Claim,
    ClaimResult,
    LedgerDamagedError,
    OrderLedger,
)
from shared.timestamps import now, to_iso

log = logging.getLogger(__name__)
__all__ = ["ListLedger", "damaged"]


class ListLedger(LedgerKnowledge):
    def __init__(self, ledger: OrderLedger, mine: Mark, local_dir: Path, *, wait: float = 1.0,
                 retry_seconds: float = 2.0, refresh_seconds: float = 30.0,
                 answer_wait: float | None = None) -> None:
        self.ledger, self.mine, self.local_dir = ledger, mine, local_dir
        self.wait, self.retry_seconds, self.refresh_seconds = wait, retry_seconds, refresh_seconds
        self.answer_wait = wait if answer_wait is None else min(answer_wait, wait)
        self.held: set[str] = set()  # orders this list holds (claimed, not yet packed)
        self.pending: dict[str, LedgerOp] = {}  # claims sent, not answered when the scan went on
        self.offline_claims: set[str] = set()
        self.lost: dict[str, Elsewhere] = {}  # pending claims another station won
        self.conflicts: dict[str, str] = {}  # packed here, but the ledger counts it elsewhere
        self.online = True
        self.on_conflict: Callable[[str, str], None] | None = None
        self.on_lost: Callable[[str, Elsewhere], None] | None = None  # a claim on its way lost
        self.candidates: Callable[[], list[str]] = list  # orders to refresh (set by the session)
        self.learn: Callable[[dict[str, Elsewhere | None]], None] = lambda _: None
        self.looked = threading.Event()  # the list's untouched orders have been read once
        self._look = False
        self._found: dict[str, LedgerEntry | LedgerDamagedError] = {}
        self._asked: set[str] = set()  # orders claimed since the list was opened
        self._copy_learned = False  # the copy on this station's disk stood in for the share
        self._copy: dict[str, LedgerEntry] = {}  # what the copy on this station's disk holds
        self._queue: deque[LedgerOp] = deque()
        self._cond = threading.Condition()
        self._busy = False
        self._busy_since = 0.0
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="order-ledger", daemon=True)
        self._thread.start()
        # Its own thread: a claim never waits behind a refresh's many reads.
        threading.Thread(target=self._refreshing, name="order-ledger-refresh",
                         daemon=True).start()

    # ------------------------------------------------------------------ scan path

    def claim(self, number: str, *, patient: bool = False,
              known: Elsewhere | None = None) -> ClaimResult:
        """Claim a label's order; OURS (maybe on its way, maybe offline), or who has it.
        ``patient`` (the list already knows the order is elsewhere, or has not read the
        ledger yet): the answer decides what the label shows, so it is awaited up to
        ``wait``."""
        if number in self.held:
            return ClaimResult(Claim.OURS)
        op = LedgerOp("claim", number, known=known)
        return self._ask(op, patient=patient or not self.looked.is_set())

    def repack(self, number: str, reason: str) -> ClaimResult:
        return self._ask(LedgerOp("repack", number, reason=reason), patient=True)

    def _ask(self, op: LedgerOp, *, patient: bool = False) -> ClaimResult:
        op.waited = True
        patient = patient or op.known is not None  # the share's answer decides
        self._asked.add(op.number)
        with self._cond:
            online = self.online  # FIFO behind what is queued: a release before a claim
        if online:
            self._push(op)
            op.done.wait(self.answer_wait)
            if (op.result is None and not patient and self.answer_wait < self.wait
                    and not self._stalled()):
                with self._cond:
                    if op.result is None and self.online:  # on its way: the order opens
                        self.pending[op.number] = op
                        self.held.add(op.number)
                        return ClaimResult(Claim.OURS, message="claim on its way")
            op.done.wait(max(0.0, self.wait - self.answer_wait) if op.result is None else 0)
        with self._cond:
            if op.result is None and op.known is not None:
                # No answer, and the ledger as this station last read it gives the order
                # to another list: refused as that copy says, never claimed offline.
                op.refused, self.online = True, False
                state = Claim.PACKED if op.known.state is Where.PACKED else Claim.HELD
                return ClaimResult(state, None, op.known, op.known.describe())
            if op.result is None:  # no answer in time: an offline claim, sent later
                op.waited, self.online = False, False
                op.mark = replace(op.mark or self.mine, at=to_iso(now()), offline=True)
                if not online:
                    self._queue.append(op)
                    self._cond.notify_all()
                self.held.add(op.number)
                self.offline_claims.add(op.number)
                return ClaimResult(Claim.OURS, message="offline claim")
        result = op.result
        if result.status is Claim.OURS:
            self.held.add(op.number)
        return result

    def _stalled(self) -> bool:
        """The thread has been on one operation longer than ``wait``: the share hangs."""
        with self._cond:
            return self._busy and time.monotonic() - self._busy_since > self.wait

    def settle(self, number: str) -> bool:
        """Before an order is completed: wait (at most ``wait``) for its pending claim's
        answer. True when the order is still ours (also when the share went away meanwhile:
        the claim then counts as made offline)."""
        with self._cond:
            op = self.pending.get(number)
        if op is None:
            return number in self.held or number not in self.lost
        deadline = time.monotonic() + self.wait
        while not op.done.wait(0.02):
            with self._cond:
                if self.online and time.monotonic() < deadline:
                    continue
                if self.pending.pop(number, None) is not None:  # the share went away
                    op.waited = False  # its answer, if it comes, is a conflict
                    self.offline_claims.add(number)
                    return True
        return op.result is not None and op.result.status is Claim.OURS

    def packed(self, number: str, at: datetime) -> None:
        offline = number in self.offline_claims  # the record says it was packed offline
        self._push(LedgerOp("packed", number, at, mark=replace(self.mine, offline=offline)))

    def release(self, number: str) -> None:
        if number in self.held:
            self._push(LedgerOp("release", number))

    def release_held(self) -> None:
        """On pause and end: let go of every order held and not finished."""
        for number in sorted(self.held):
            self._push(LedgerOp("release", number))

    # ------------------------------------------------------------------ the thread

    def _push(self, op: LedgerOp) -> None:
        if op.mark is None:  # who and when, as they are now (a handover changes the worker)
            op.mark = replace(self.mine, at=to_iso(now()))
        with self._cond:
            self._queue.append(op)
            self._cond.notify_all()

    @property
    def waiting(self) -> int:
        with self._cond:
            return len(self._queue) + (1 if self._busy else 0)

    def flush(self, timeout: float) -> bool:
        """Wait until everything queued reached the share; False after ``timeout``."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._queue or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(min(left, 0.05))
        return True

    def close(self, timeout: float) -> bool:
        done = self.flush(timeout)
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        return done

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._queue and not self._closed:
                    self._cond.wait()
                if self._closed and not self._queue:
                    return
                op = self._queue.popleft()
                self._busy, self._busy_since = True, time.monotonic()
            try:
                result = self._send(op)
            except OSError as exc:
                with self._cond:
                    if self.online:
                        log.warning("order ledger: the share does not answer (%s)", exc)
                    self.online, self._busy = False, False
                    self._queue.appendleft(op)
                    self._cond.wait(self.retry_seconds)  # woken early only by close
                continue
            except Exception:
                log.exception("order ledger: %s of %s failed", op.kind, op.number)
                result = ClaimResult(Claim.DAMAGED, message="see the log")
            self._answered(op, result)

    def _send(self, op: LedgerOp) -> ClaimResult:
        mark = op.mark or self.mine
        if op.kind == "claim":
            return self.ledger.claim(mark, op.number)
        if op.kind == "repack":
            return self.ledger.repack(mark, op.number, op.reason)
        if op.kind == "packed":
            return self.ledger.mark_packed(mark, op.number, op.at or datetime.now().astimezone())
        self.ledger.release(mark, op.number)
        return ClaimResult(Claim.OURS)

    def _answered(self, op: LedgerOp, result: ClaimResult) -> None:
        with self._cond:
            if not self.online:
                log.info("order ledger: the share answers again")
            self.online = True
            op.result = result
            late = not op.waited
            self._busy = False
            if op.kind in {"packed", "release"}:
                self.held.discard(op.number)
            was_pending = self.pending.get(op.number) is op
            lost = was_pending and result.status is not Claim.OURS
            if lost:  # told before it stops being pending: no scan sees neither
                self.lost[op.number] = result.elsewhere or damaged(result.message)
                self.held.discard(op.number)
            elif op.kind in {"claim", "repack"} and result.status is Claim.OURS:
                self.lost.pop(op.number, None)
            if was_pending:
                del self.pending[op.number]
            self._cond.notify_all()
        op.done.set()
        if op.refused and result.status is Claim.OURS:  # the label was refused meanwhile
            self._push(LedgerOp("release", op.number))
            return
        if lost:
            # Not told through ``learn``: that takes the session's lock, which a scan holds
            # while it waits for this thread. The scan reads ``lost`` itself (``settle``).
            log.warning("order %s: opened here, but %s", op.number,
                        self.lost[op.number].describe())
            if self.on_lost is not None:
                self.on_lost(op.number, self.lost[op.number])
            return
        lost_late = late and op.kind in {"claim", "repack"} and result.status is not Claim.OURS
        if lost_late or (op.kind == "packed" and result.status is Claim.CONFLICT):
            self._conflict(op.number, result)

    def _conflict(self, number: str, result: ClaimResult) -> None:
        text = result.message or (result.elsewhere.describe() if result.elsewhere else "")
        if number in self.conflicts:
            return  # told once (the late claim and the packed mark find the same thing)
        self.conflicts[number] = text
        log.warning("order %s: packed here while offline, and %s", number, text)
        if self.on_conflict is not None:
            self.on_conflict(number, text)
