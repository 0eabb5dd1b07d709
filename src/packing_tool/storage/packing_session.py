"""One packing list being packed on this station: the list, its barcode map, journal and logic.

Every input goes decide → journal (fsynced) → apply, under one lock, so an outcome the
packer is shown is already on disk. ``packing_state.json`` follows in the background.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, cast

from packing_tool.domain.barcodes import BarcodeLookup, SkuIndex, clean_scan, order_key
from packing_tool.domain.elsewhere import Elsewhere
from packing_tool.domain.events import EventKind, Outcome, ScanEvent
from packing_tool.domain.orders import FULL_SESSION, PackingList
from packing_tool.domain.packer import PackerLogic
from packing_tool.domain.packer_views import OrderView, Progress, ScanResult
from packing_tool.domain.packing_state import state_snapshot
from packing_tool.domain.phrase import phrase
from packing_tool.storage.barcode_maps import BarcodeMapStore, station_barcodes
from packing_tool.storage.journal import JOURNAL_FILENAME, ScanJournal
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.legacy_import import import_legacy_state
from packing_tool.storage.list_ledger import ListLedger, damaged
from packing_tool.storage.list_readers import list_path, open_list, other_lists
from packing_tool.storage.lock_info import station_name
from packing_tool.storage.order_ledger import Claim
from packing_tool.storage.state_writer import STATE_FILENAME, StateWriter, written_seq
from shared.timestamps import now

log = logging.getLogger(__name__)


class ExclusiveModeError(RuntimeError):
    """Full-session mode and the session's packing lists exclude each other."""


def check_exclusive(work_dir: Path, list_name: str) -> None:
    """Refuse full-session mode once a list has scans, and a list once full-session mode has.

    Both modes hold the same orders, so packing them side by side could pack an order twice.
    """
    packing = work_dir.parent
    others = [packing / FULL_SESSION] if list_name != FULL_SESSION else [
        d for d in packing.iterdir() if d.is_dir() and d.name != FULL_SESSION
    ] if packing.is_dir() else []
    for other in others:
        journal = other / JOURNAL_FILENAME
        if journal.is_file() and journal.stat().st_size > 0:
            if other.name == FULL_SESSION:
                raise ExclusiveModeError(phrase(
                    "full-session mode of this session already has scans ({file}); its lists "
                    "cannot be packed as well", file=journal))
            raise ExclusiveModeError(phrase(
                "list {list} of this session already has scans ({file}); full-session mode "
                "cannot be packed as well", list=other.name, file=journal))


class Journal(Protocol):
    """Where events are kept: ``ScanJournal`` on the share, or ``MirroredJournal``."""

    @property
    def path(self) -> Path: ...
    @property
    def bytes_written(self) -> int: ...
    def load(self) -> list[ScanEvent]: ...
    def append(self, event: ScanEvent) -> None: ...
    def close(self) -> Any: ...


@dataclass(frozen=True)
class Worker:
    id: str
    name: str


class PackingSession:
    def __init__(
        self,
        layout: ShareLayout,
        client_id: str,
        session: str,
        list_name: str,
        *,
        durable: bool = True,
        debounce_seconds: float = 0.15,
        clock: Callable[[], datetime] = now,
        state_idle: float = 1.0,
        journal: Journal | None = None,
        may_write: Callable[[], bool] = lambda: True,
        ledger: ListLedger | None = None,
    ) -> None:
        self.layout, self.client_id, self.session, self.list_name = (
            layout, client_id, session, list_name)
        self.clock = clock
        self.station = station_name()
        session_dir = layout.session_dir(client_id, session)
        self.work_dir = layout.work_dir(client_id, session, list_name)
        self.list_path = list_path(session_dir, list_name)
        self.packing_list: PackingList = open_list(session_dir, list_name)
        check_exclusive(self.work_dir, list_name)
        self._index = self._build_index()
        self.logic = PackerLogic(self.packing_list, order_key=order_key,
                                 resolve_item=self._resolve,
                                 debounce_seconds=debounce_seconds)
        config = BarcodeMapStore(layout, client_id)
        rules, self.second_check_problems = config.second_check()
        self.logic.second_checks.configure(rules, config.client_id)
        self.lock = threading.Lock()
        self.journal: Journal = journal or ScanJournal(self.work_dir, durable=durable)
        events = self.journal.load()
        if not events:
            events = import_legacy_state(self.work_dir / STATE_FILENAME, self.logic, clock())
            for event in events:
                self.journal.append(event)
        else:
            for event in events:
                self.logic.apply(event)
        self.started_at: datetime | None = events[0].at if events else None
        self.ledger = ledger
        if ledger is not None:
            self._join_ledger(ledger)
        self.state = StateWriter(self.work_dir / STATE_FILENAME, self._snapshot,
                                 idle=state_idle, allowed=may_write)
        if events and written_seq(self.state.path) != self.logic.last_seq:
            self.state.mark_dirty()  # behind the journal (a crash, an older file): catch up

    # ------------------------------------------------------------------ barcode map

    def _build_index(self) -> SkuIndex:
        mapping = station_barcodes(self.layout, self.client_id, self.session)
        return SkuIndex.for_orders(self.packing_list.orders, BarcodeLookup(mapping))

    def _resolve(self, code: str) -> frozenset[str]:
        return self._index.lookup(code)  # through self: a reloaded map takes effect at once

    def reload_barcode_map(self) -> None:
        """Take changed barcode mappings into the running session (past events stay as they are)."""
        index = self._build_index()
        with self.lock:
            self._index = index

    # ------------------------------------------------------------------ the order ledger

    def _join_ledger(self, ledger: ListLedger) -> None:
        self.logic.set_other_lists(other_lists(self.layout.session_dir(
            self.client_id, self.session), self.list_name))
        view = self.logic.ledger_view()
        knowledge = ledger.reconcile({n: (v[0], v[1]) for n, v in view.items()},
                                     {n: v[2] for n, v in view.items() if v[2] is not None})
        self._learn(knowledge, locked=True)
        ledger.candidates = self._candidates
        ledger.learn = self._learn
        ledger.look_now()  # the orders this list has not touched, on the ledger's thread

    def _candidates(self) -> list[str]:
        with self.lock:
            return self.logic.open_orders()

    def _learn(self, knowledge: dict[str, Elsewhere | None], locked: bool = False) -> None:
        with contextlib.nullcontext() if locked else self.lock:
            for number, info in knowledge.items():
                self.logic.set_elsewhere(number, info)

    def _claim(self, ledger: ListLedger, number: str, repack: str = "") -> bool:
        """Claim a label's order before deciding; True when this list holds it."""
        result = (ledger.repack(number, repack) if repack else
                  ledger.claim(number, known=self.logic.elsewhere(number)))
        if result.status is Claim.OURS:
            self.logic.set_elsewhere(number, None)
            return True
        info = result.elsewhere or damaged(result.message)
        self.logic.set_elsewhere(number, info)
        return False

    def _decide(self, kind: EventKind, at: datetime, worker: Worker,
                details: dict[str, Any]) -> ScanEvent:
        ledger, logic = self.ledger, self.logic
        if ledger is not None and kind is EventKind.SCAN:
            number = logic.label_target(str(details.get("code", "")))
            if number is not None:
                self._claim(ledger, number)
        event = logic.decide(kind, at, worker.id, worker.name, **details)
        if (ledger is not None and event.outcome is Outcome.REPACK_STARTED and event.order
                and not self._claim(ledger, event.order, event.reason)):
            event = logic.decide(kind, at, worker.id, worker.name, **details)
        if (ledger is not None and event.outcome in (Outcome.ITEM_OK, Outcome.ORDER_COMPLETE)
                and event.order and (event.order in ledger.pending or event.order in ledger.lost)
                and not ledger.settle(event.order)):
            # The claim made at its label went to another station: this unit is refused.
            logic.set_elsewhere(event.order, ledger.lost.get(event.order) or damaged(""))
            event = logic.decide(kind, at, worker.id, worker.name, **details)
        return event

    def _after(self, ledger: ListLedger, result: ScanResult) -> None:
        number = result.order_number
        if number is None:
            return
        if result.outcome is Outcome.REPACK_STARTED:
            self.logic.set_elsewhere(number, None)
        if result.order_completed:
            ledger.packed(number, result.event.at)
        elif result.outcome is Outcome.ORDER_SKIPPED:
            ledger.release(number)

    # ------------------------------------------------------------------ actions

    def act(self, kind: EventKind, worker: Worker, **details: Any) -> ScanResult:
        with self.lock:
            at = self.clock()
            event = self._decide(kind, at, worker, details)
            self.journal.append(event)  # on disk before anyone is told the outcome
            result = self.logic.apply(event)
            if self.ledger is not None:
                self._after(self.ledger, result)
            if self.started_at is None:
                self.started_at = at
        self.state.mark_dirty()
        return result

    def scan(self, text: str, worker: Worker) -> ScanResult:
        return self.act(EventKind.SCAN, worker, code=clean_scan(text))

    # ------------------------------------------------------------------ files

    def meta(self) -> dict[str, object]:
        return {"session_id": self.session, "client_id": self.client_id,
                "packing_list_name": self.list_name, "started_at": self.started_at,
                "pc_name": self.station}

    def _snapshot(self) -> dict[str, Any]:
        with self.lock:  # only the frozen views are taken under the lock; the dict is built after
            copy, meta = _LogicCopy(self.logic), self.meta()
        return state_snapshot(cast(PackerLogic, copy), meta)

    @property
    def list_relative_path(self) -> str:
        return str(Path(os.path.relpath(self.list_path, self.layout.root)))

    def close(self) -> None:
        """Write the final packing_state.json and release the journal (the list stays open)."""
        self.state.close()
        self.journal.close()


class _LogicCopy:
    """What ``state_snapshot`` reads of a PackerLogic, copied (its views are frozen copies)."""

    def __init__(self, logic: PackerLogic) -> None:
        self._started = list(logic.started_orders())
        self.progress: Progress = logic.progress
        self.current_order: OrderView | None = logic.current_order
        self.skipped_orders: tuple[OrderView, ...] = logic.skipped_orders
        self.worker: tuple[str, str] = logic.worker
        self.packing_list: PackingList = logic.packing_list
        self.last_event_at: datetime | None = logic.last_event_at
        self.last_seq: int = logic.last_seq

    def started_orders(self) -> list[OrderView]:
        return self._started
