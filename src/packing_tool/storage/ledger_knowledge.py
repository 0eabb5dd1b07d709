"""What an open list knows of the ledger: at open, from the refresh thread, and from the copy
of the ledger kept on this station's disk.

At open (``reconcile``) the orders the list's journal has touched are matched with their
records. Right after (``look_now``) the orders it has not touched are read once, and
after that every ``refresh_seconds``. A first look that finds the share away uses the copy kept on
this station's disk instead, and tries again every ``retry_seconds``. The copy follows every
refresh that changes something. Part of ``ListLedger``, whose state it shares.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from packing_tool.domain.elsewhere import Elsewhere, Where
from packing_tool.storage import share_json
from packing_tool.storage.ledger_entry import LedgerEntry, Mark
from packing_tool.storage.order_ledger import ClaimResult, LedgerDamagedError, OrderLedger
from shared import fileio

log = logging.getLogger("packing_tool.storage.list_ledger")  # one logger for the list's ledger
CACHE_FILENAME = "ledger_cache.json"


def damaged(message: str) -> Elsewhere:
    return Elsewhere(Where.PACKING, "", "", "", "", None,
                     note=f"its ledger record is damaged: {message}")


@dataclass
class LedgerOp:
    kind: str  # claim, repack, packed, release
    number: str
    at: datetime | None = None
    reason: str = ""
    mark: Mark | None = None
    done: threading.Event = field(default_factory=threading.Event)
    result: ClaimResult | None = None
    waited: bool = False  # someone waits for the answer (False: a late answer is a conflict)
    known: Elsewhere | None = None  # where this station's copy of the ledger puts it
    refused: bool = False  # refused by that copy while unanswered: let go if it wins


class LedgerKnowledge:
    """What ``ListLedger`` knows and learns (which sets every attribute named here)."""

    ledger: OrderLedger
    mine: Mark
    local_dir: Path
    held: set[str]
    online: bool
    looked: threading.Event
    refresh_seconds: float
    retry_seconds: float
    candidates: Callable[[], list[str]]
    learn: Callable[[dict[str, Elsewhere | None]], None]
    _cond: threading.Condition
    _closed: bool
    _look: bool
    _found: dict[str, LedgerEntry | LedgerDamagedError]
    _asked: set[str]
    _copy_learned: bool
    _copy: dict[str, LedgerEntry]
    conflicts: dict[str, str]
    _push: Callable[[LedgerOp], None]  # ListLedger's queue, sent in order by its thread

    # ------------------------------------------------------------------ open

    def reconcile(self, statuses: dict[str, tuple[str, str]],
                  completed_at: dict[str, datetime]) -> dict[str, Elsewhere | None]:
        """At open: match the journal's view (``statuses``: number → (status, repack)) with
        the ledger; queue what the share misses. Returns what the list should know.
        Only the orders this list has touched are read now; the others (``new``) are read by
        the refresh thread once ``look_now`` is called (a share answers in milliseconds per
        file: 1,000 orders took 2.7 s over SMB), and until then every claim waits for its
        answer, so a label still learns at once where its order was packed."""
        touched = [n for n, (status, _repack) in statuses.items() if status != "new"]
        try:
            found = self.ledger.lookup(touched)
        except OSError as exc:
            log.warning("order ledger not readable (%s); using this station's last copy", exc)
            found, self.online = self._load_cache(), False
            self.looked.set()  # offline: the last copy is all there is to know
        if self.online:
            statuses = {n: statuses[n] for n in touched}
            self._found = dict(found)
        knowledge: dict[str, Elsewhere | None] = {}
        for number, (status, repack) in statuses.items():
            entry = found.get(number)
            if isinstance(entry, LedgerDamagedError):
                knowledge[number] = damaged(str(entry))
                continue
            ours = entry is not None and entry.holder is not None and entry.holder.same_list(
                self.mine)
            if status == "complete":
                other = None if entry is None or ours else entry.seen_from(self.mine)
                if other is not None and not repack:
                    self.conflicts[number] = other.describe()
                self._push(LedgerOp("packed", number, completed_at.get(number)))
            elif status == "in_progress":
                if entry is None or ours:
                    self.held.add(number)
                    if entry is None:
                        self._push(LedgerOp("claim", number))
                else:
                    knowledge[number] = entry.seen_from(self.mine)
            elif ours:
                self._push(LedgerOp("release", number))  # skipped, or claimed but never journaled
            elif entry is not None:
                knowledge[number] = entry.seen_from(self.mine)
        return knowledge

    def look_now(self) -> None:
        """The list is open (``candidates`` and ``learn`` set): read its untouched orders."""
        with self._cond:
            self._look = True
            self._cond.notify_all()

    def _refreshing(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._closed or (
                    self._look and not self.looked.is_set()), self.refresh_seconds)
                if self._closed:
                    return
            self._refresh()

    def _refresh(self) -> None:
        try:
            wanted = [n for n in self.candidates() if n not in self.held]
            found = self.ledger.lookup(wanted)
        except OSError:
            if not self.looked.is_set():  # the first look failed: never a busy loop
                self._from_copy(wanted)
                with self._cond:
                    self._cond.wait_for(lambda: self._closed, self.retry_seconds)
            return
        first = not self.looked.is_set()
        fresh = {n: e for n, e in found.items() if isinstance(e, LedgerEntry)}
        if first:  # keep it for offline packing
            self._copy = {n: e for n, e in self._found.items() if isinstance(e, LedgerEntry)}
            self._found = {}
        asked = set(wanted)  # the copy on disk stays the ledger as last read: what changed
        fresh = {**{n: e for n, e in self._copy.items() if n not in asked}, **fresh}
        if first or fresh != self._copy:
            self._copy = fresh
            self._save_cache(fresh)
        knowledge: dict[str, Elsewhere | None] = {}
        for number in wanted:
            entry = found.get(number)
            if isinstance(entry, LedgerDamagedError):
                knowledge[number] = damaged(str(entry))
            else:
                knowledge[number] = None if entry is None else entry.seen_from(self.mine)
                if first and entry is not None and self._left_behind(number, entry):
                    self._push(LedgerOp("release", number))  # claimed before a crash
        self.learn(knowledge)
        self.looked.set()

    def _from_copy(self, wanted: list[str]) -> None:
        """The share did not answer the first look: the untouched orders are known as this
        station's copy (kept when the list was last read) says, until the share answers."""
        with self._cond:
            if self._copy_learned:
                return
            self._copy_learned, self.online = True, False
        cached = self._load_cache()
        log.warning("order ledger not readable; using this station's last copy")
        self.learn({n: damaged(str(e)) if isinstance(e, LedgerDamagedError)
                    else e.seen_from(self.mine) for n, e in cached.items()
                    if n in wanted and n not in self._found and n not in self._asked})

    def _left_behind(self, number: str, entry: LedgerEntry) -> bool:
        """Held by this list, yet neither held nor asked for since it was opened: a claim
        made before a crash and never journaled."""
        holder = entry.holder
        return (holder is not None and holder.same_list(self.mine)
                and number not in self.held and number not in self._asked)

    # ------------------------------------------------------------------ this station's copy

    def _save_cache(self, found: Mapping[str, LedgerEntry | LedgerDamagedError]) -> None:
        data = {n: e.to_dict() for n, e in found.items() if isinstance(e, LedgerEntry)}
        try:
            fileio.atomic_write_json(self.local_dir / CACHE_FILENAME, data)
        except OSError as exc:
            log.warning("order ledger copy not kept on this station: %s", exc)

    def _load_cache(self) -> dict[str, LedgerEntry | LedgerDamagedError]:
        try:
            data: Any = share_json.loads((self.local_dir / CACHE_FILENAME).read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        found: dict[str, LedgerEntry | LedgerDamagedError] = {}
        for number, raw in (data.items() if isinstance(data, dict) else []):
            try:
                found[number] = LedgerEntry.from_dict(raw)
            except ValueError:
                continue
        return found
