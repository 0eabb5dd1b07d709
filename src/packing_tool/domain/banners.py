"""The short words a UI shows in large letters for each outcome (the detail says the rest)."""

from __future__ import annotations

from packing_tool.domain.events import Outcome, ScanEvent

BANNERS: dict[Outcome, str] = {
    Outcome.ORDER_LOADED: "ORDER {order}", Outcome.ORDER_RESUMED: "ORDER {order} RESUMED",
    Outcome.ITEM_OK: "ITEM OK", Outcome.ORDER_COMPLETE: "ORDER {order} COMPLETE",
    Outcome.EXTRA_ITEM: "EXTRA ITEM", Outcome.WRONG_ITEM: "WRONG ITEM",
    Outcome.UNKNOWN_BARCODE: "UNKNOWN BARCODE", Outcome.ORDER_NOT_FOUND: "ORDER NOT FOUND",
    Outcome.ORDER_AMBIGUOUS: "AMBIGUOUS ORDER LABEL",
    Outcome.ORDER_ALREADY_PACKED: "ORDER {order} ALREADY PACKED",
    Outcome.DUPLICATE_READ: "DOUBLE READ IGNORED", Outcome.UNDONE: "UNDONE",
    Outcome.NOTHING_TO_UNDO: "NOTHING TO UNDO", Outcome.MANUAL_CONFIRMED: "CONFIRMED BY HAND",
    Outcome.ORDER_SKIPPED: "ORDER {order} SKIPPED", Outcome.EXTRA_KEPT: "EXTRA KEPT",
    Outcome.EXTRA_REMOVED: "EXTRA REMOVED", Outcome.WORKER_CHANGED: "WORKER: {worker}",
    Outcome.REFUSED: "NOT POSSIBLE NOW",
    Outcome.ORDER_PACKED_ELSEWHERE: "ORDER {order} PACKED ELSEWHERE",
    Outcome.ORDER_PACKING_ELSEWHERE: "ORDER {order} IS BEING PACKED ELSEWHERE",
    Outcome.ORDER_NOT_TO_PACK: "DO NOT PACK: NOT FULFILLABLE",
    Outcome.ORDER_IN_OTHER_LIST: "ORDER OF ANOTHER LIST",
    Outcome.REPACK_STARTED: "ORDER {order}: PACK AGAIN",
}


def banner(event: ScanEvent) -> str:
    """The short text the UI shows in large letters for an event."""
    return BANNERS[event.outcome].format(order=event.order or "", worker=event.worker_name)

