"""Resume a list packed by the older packer: its packing_state.json becomes journal events.

The older file has counts, not a scan history, so each packed line is brought in as one
manual confirmation with the reason ``IMPORTED`` at the time the file gives (or now).
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from packing_tool.domain.events import EventKind, Outcome, ScanEvent
from packing_tool.domain.packer import PackerLogic
from shared import fileio
from shared.metadata_utils import load_with_compatibility
from shared.timestamps import parse_timestamp

log = logging.getLogger(__name__)

IMPORTED = "imported from packing_state.json of an earlier packer"
LOADING = (Outcome.ORDER_LOADED, Outcome.ORDER_RESUMED)


class _Importer:
    def __init__(self, logic: PackerLogic, fallback: datetime, worker: tuple[str, str]) -> None:
        self.logic, self.fallback, self.worker = logic, fallback, worker
        self.at: datetime | None = None
        self.events: list[ScanEvent] = []

    def _do(self, kind: EventKind, when: object = None, **details: Any) -> ScanEvent:
        moment = parse_timestamp(when) or self.at or self.fallback
        self.at = moment if self.at is None or moment > self.at else self.at  # keep time order
        event = self.logic.handle(kind, self.at, *self.worker, **details).event
        self.events.append(event)
        return event

    def order(self, number: str, packed: dict[str, int] | None, when: object,
              done_at: object) -> None:
        """Load ``number``, confirm its packed units (all of them when ``packed`` is None)."""
        if self._do(EventKind.SCAN, when, code=number).outcome not in LOADING:
            log.warning("%s: order %s of the older state is not in this list", IMPORTED, number)
            return
        view = self.logic.current_order
        assert view is not None
        for line in view.lines:
            wanted = line.remaining if packed is None else min(
                line.remaining, packed.pop(line.sku, 0))
            if wanted > 0:
                self._do(EventKind.MANUAL, done_at, row=line.row, quantity=wanted,
                         reason=IMPORTED)
        if self.logic.current_order is not None:
            self._do(EventKind.SKIP, done_at)


def import_legacy_state(path: Path, logic: PackerLogic, fallback: datetime) -> list[ScanEvent]:
    """Apply an older packing_state.json to a fresh ``logic``; returns the events it made."""
    if not path.is_file():
        return []
    fileio.check_path(path)  # a link: refused, never imported (nor written later)
    state = load_with_compatibility(path, kind="packing_state")
    worker = (str(state.get("worker_id") or "imported"),
              str(state.get("worker_name") or "Imported"))
    importer = _Importer(logic, fallback, worker)
    for done in state["completed"]:
        importer.order(done["order_number"], None, done.get("started_at"),
                       done.get("completed_at"))
    for number, lines in state["in_progress"].items():
        packed: dict[str, int] = {}
        for line in lines:
            packed[line["original_sku"]] = packed.get(line["original_sku"], 0) + line["packed"]
        importer.order(number, packed, None, state.get("last_updated"))
    for warning in state.get("load_warnings", []):
        log.warning("%s: %s", path, warning)
    log.info("%s: imported %d events from the older state", path, len(importer.events))
    return importer.events
