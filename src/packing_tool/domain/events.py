"""Scan events: what the packer did, when, and what it meant. The journal stores these.

The state of a list is nothing but its events replayed in order: ``PackerLogic.decide``
turns an input (a scan, a button) into an event that carries its resolved effect (which
order, which line, what outcome), and ``PackerLogic.apply`` changes the state from the
event alone, without looking anything up again. Replaying the journal therefore gives
exactly the state that was in memory, even if the barcode map changed meanwhile.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class EventKind(StrEnum):
    SCAN = "scan"  # raw text from the scanner: an order label or an item barcode
    UNDO = "undo"  # undo the last scan of the current order
    MANUAL = "manual"  # confirm a line by hand, with a reason
    SKIP = "skip"  # put the current order aside (progress kept)
    EXTRA_KEEP = "extra_keep"  # an extra item stays in the box
    EXTRA_REMOVE = "extra_remove"  # an extra item is taken out
    HANDOVER = "handover"  # another worker takes over the station between orders
    REPACK = "repack"  # pack an order again that was packed (here or elsewhere), with a reason
    SECOND_CHECK = "second_check"  # a second worker confirms a flagged order (second_check.py)
    SECOND_CHECK_SKIPPED = "second_check_skipped"  # a supervisor skips that check, with a reason


class Outcome(StrEnum):
    ORDER_LOADED = "order_loaded"
    ORDER_RESUMED = "order_resumed"
    ITEM_OK = "item_ok"
    ORDER_COMPLETE = "order_complete"
    EXTRA_ITEM = "extra_item"  # in the order, but its lines are full
    WRONG_ITEM = "wrong_item"  # not in this order (maybe another order's label)
    UNKNOWN_BARCODE = "unknown_barcode"
    ORDER_NOT_FOUND = "order_not_found"
    ORDER_AMBIGUOUS = "order_ambiguous"  # two orders collide after normalisation
    ORDER_ALREADY_PACKED = "order_already_packed"
    DUPLICATE_READ = "duplicate_read"  # the same code again within the debounce window
    UNDONE = "undone"
    NOTHING_TO_UNDO = "nothing_to_undo"
    MANUAL_CONFIRMED = "manual_confirmed"
    ORDER_SKIPPED = "order_skipped"
    EXTRA_KEPT = "extra_kept"
    EXTRA_REMOVED = "extra_removed"
    WORKER_CHANGED = "worker_changed"
    REFUSED = "refused"  # an action that makes no sense now (e.g. skip with no order)
    ORDER_PACKED_ELSEWHERE = "order_packed_elsewhere"  # in another list or session (ledger)
    ORDER_PACKING_ELSEWHERE = "order_packing_elsewhere"  # claimed now by another station
    ORDER_NOT_TO_PACK = "order_not_to_pack"  # in the session but Not Fulfillable
    ORDER_IN_OTHER_LIST = "order_in_other_list"  # belongs to another list of the session
    REPACK_STARTED = "repack_started"  # a packed order opened again on purpose


# Outcomes that change the packed counts of a line.
COUNTING = frozenset({Outcome.ITEM_OK, Outcome.ORDER_COMPLETE, Outcome.MANUAL_CONFIRMED})


@dataclass(frozen=True)
class ScanEvent:
    """One journal entry. ``seq`` numbers events of a list from 1, with no gaps."""

    seq: int
    kind: EventKind
    at: datetime  # time-zone aware
    worker_id: str
    worker_name: str
    outcome: Outcome
    code: str = ""  # the text exactly as scanned (control characters removed)
    order: str | None = None  # the order the event concerns (order_number as in the file)
    row: int | None = None  # the line it changed, if any
    quantity: int = 0  # units it added (+) or removed (-) from that line
    reason: str = ""  # manual confirmations, undo targets, refusals
    detail: str = ""  # e.g. the other order whose label was scanned
    sku: str = ""  # the line SKU the event resolved to (so a replay never resolves again)
    target: int | None = None  # the seq of the event an undo reverses
    checker_id: str = ""  # the second worker who checked the order (SECOND_CHECK)
    checker_name: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = self.kind.value
        data["outcome"] = self.outcome.value
        data["at"] = self.at.isoformat()
        return {k: v for k, v in data.items() if v not in ("", None) or k in ("seq",)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScanEvent:
        return cls(
            seq=int(data["seq"]),
            kind=EventKind(data["kind"]),
            at=datetime.fromisoformat(data["at"]),
            worker_id=str(data.get("worker_id", "")),
            worker_name=str(data.get("worker_name", "")),
            outcome=Outcome(data["outcome"]),
            code=str(data.get("code", "")),
            order=data.get("order"),
            row=data.get("row"),
            quantity=int(data.get("quantity", 0)),
            reason=str(data.get("reason", "")),
            detail=str(data.get("detail", "")),
            sku=str(data.get("sku", "")),
            target=None if data.get("target") is None else int(data["target"]),
            checker_id=str(data.get("checker_id", "")),
            checker_name=str(data.get("checker_name", "")),
        )
