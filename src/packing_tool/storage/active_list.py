"""An open packing list (``ActiveList``), the settings a ``SessionManager`` opens lists
with, and the error of ending a list too early. ``session_manager`` re-exports them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from packing_tool.storage.journal_mirror import MirroredJournal, MirrorStatus
from packing_tool.storage.list_ledger import ListLedger
from packing_tool.storage.packing_session import PackingSession
from packing_tool.storage.session_lock import SessionLock


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
