"""The words for the domain's outcomes, in the chosen language.

The domain says what happened as data (``Outcome``, order number, worker); the banner's title is
made here, with list and order statuses, timeline words and a lock's holder. An event's stored
English ``detail`` is translated by ``ui.wording_details`` (re-exported here). Internal ids
(worker ids, event numbers) are left out.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from packing_tool.domain.events import Outcome
from packing_tool.domain.packer_views import ScanResult
from packing_tool.storage.lock_info import LockInfo
from packing_tool.ui import local_time
from packing_tool.ui.wording_details import detail, elsewhere, place

__all__ = [  # the UI's words for the domain (detail, elsewhere, place: wording_details')
    "BANNERS", "NEXT_STEPS", "ORDER_STATUSES", "OUTCOME_NAMES", "STATUSES", "banner", "detail",
    "elsewhere", "lock", "next_step", "order_status", "outcome_name", "place", "result_banner",
    "result_detail", "status",
]

CONTEXT = "Wording"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


BANNERS: dict[Outcome, str] = {
    Outcome.ORDER_LOADED: QT_TRANSLATE_NOOP("Wording", "ORDER {order}"),
    Outcome.ORDER_RESUMED: QT_TRANSLATE_NOOP("Wording", "ORDER {order} RESUMED"),
    Outcome.ITEM_OK: QT_TRANSLATE_NOOP("Wording", "ITEM OK"),
    Outcome.ORDER_COMPLETE: QT_TRANSLATE_NOOP("Wording", "ORDER {order} COMPLETE"),
    Outcome.EXTRA_ITEM: QT_TRANSLATE_NOOP("Wording", "EXTRA ITEM"),
    Outcome.WRONG_ITEM: QT_TRANSLATE_NOOP("Wording", "WRONG ITEM"),
    Outcome.UNKNOWN_BARCODE: QT_TRANSLATE_NOOP("Wording", "UNKNOWN BARCODE"),
    Outcome.ORDER_NOT_FOUND: QT_TRANSLATE_NOOP("Wording", "ORDER NOT FOUND"),
    Outcome.ORDER_AMBIGUOUS: QT_TRANSLATE_NOOP("Wording", "AMBIGUOUS ORDER LABEL"),
    Outcome.ORDER_ALREADY_PACKED: QT_TRANSLATE_NOOP("Wording", "ORDER {order} ALREADY PACKED"),
    Outcome.DUPLICATE_READ: QT_TRANSLATE_NOOP("Wording", "DOUBLE READ IGNORED"),
    Outcome.UNDONE: QT_TRANSLATE_NOOP("Wording", "UNDONE"),
    Outcome.NOTHING_TO_UNDO: QT_TRANSLATE_NOOP("Wording", "NOTHING TO UNDO"),
    Outcome.MANUAL_CONFIRMED: QT_TRANSLATE_NOOP("Wording", "CONFIRMED BY HAND"),
    Outcome.ORDER_SKIPPED: QT_TRANSLATE_NOOP("Wording", "ORDER {order} SKIPPED"),
    Outcome.EXTRA_KEPT: QT_TRANSLATE_NOOP("Wording", "EXTRA KEPT"),
    Outcome.EXTRA_REMOVED: QT_TRANSLATE_NOOP("Wording", "EXTRA REMOVED"),
    Outcome.WORKER_CHANGED: QT_TRANSLATE_NOOP("Wording", "WORKER: {worker}"),
    Outcome.REFUSED: QT_TRANSLATE_NOOP("Wording", "NOT POSSIBLE NOW"),
    Outcome.ORDER_PACKED_ELSEWHERE: QT_TRANSLATE_NOOP("Wording",
                                                      "ORDER {order} PACKED ELSEWHERE"),
    Outcome.ORDER_PACKING_ELSEWHERE: QT_TRANSLATE_NOOP(
        "Wording", "ORDER {order} IS BEING PACKED ELSEWHERE"),
    Outcome.ORDER_NOT_TO_PACK: QT_TRANSLATE_NOOP("Wording", "DO NOT PACK: NOT FULFILLABLE"),
    Outcome.ORDER_IN_OTHER_LIST: QT_TRANSLATE_NOOP("Wording", "ORDER OF ANOTHER LIST"),
    Outcome.REPACK_STARTED: QT_TRANSLATE_NOOP("Wording", "ORDER {order}: PACK AGAIN"),
}
# What the packer should do next, under the event's own detail (where, who, when).
NEXT_STEPS: dict[Outcome, str] = {
    Outcome.ORDER_PACKED_ELSEWHERE: QT_TRANSLATE_NOOP(
        "Wording", "Do not pack it again. To pack it again on purpose: Pack again… (F9)."),
    Outcome.ORDER_PACKING_ELSEWHERE: QT_TRANSLATE_NOOP(
        "Wording", "Put it aside: another station has it open."),
    Outcome.ORDER_ALREADY_PACKED: QT_TRANSLATE_NOOP(
        "Wording", "To pack it again on purpose: Pack again… (F9)."),
    Outcome.ORDER_NOT_TO_PACK: QT_TRANSLATE_NOOP("Wording", "Put it aside and tell a supervisor."),
    Outcome.ORDER_IN_OTHER_LIST: QT_TRANSLATE_NOOP("Wording", "Put it aside for that list."),
}


# A list's status (storage.session_index.STATUSES) as the Session Browser shows it.
STATUSES: dict[str, str] = {
    "in_progress": QT_TRANSLATE_NOOP("Wording", "Active"),
    "stale": QT_TRANSLATE_NOOP("Wording", "Stale"),
    "paused": QT_TRANSLATE_NOOP("Wording", "Paused"),
    "available": QT_TRANSLATE_NOOP("Wording", "Available"),
    "incomplete": QT_TRANSLATE_NOOP("Wording", "Incomplete"),
    "abandoned": QT_TRANSLATE_NOOP("Wording", "Abandoned"),
    "completed": QT_TRANSLATE_NOOP("Wording", "Completed"),
}


# An order's status in a list (domain OrderStatus, and the ledger's "packed elsewhere").
ORDER_STATUSES: dict[str, str] = {
    "new": QT_TRANSLATE_NOOP("Wording", "not started"),
    "in_progress": QT_TRANSLATE_NOOP("Wording", "in progress"),
    "skipped": QT_TRANSLATE_NOOP("Wording", "skipped"),
    "complete": QT_TRANSLATE_NOOP("Wording", "complete"),
    "completed": QT_TRANSLATE_NOOP("Wording", "complete"),
    "packed elsewhere": QT_TRANSLATE_NOOP("Wording", "packed elsewhere"),
}
# An event's outcome as one line of a timeline (lower case, unlike the banner).
OUTCOME_NAMES: dict[str, str] = {
    Outcome.ORDER_LOADED: QT_TRANSLATE_NOOP("Wording", "order opened"),
    Outcome.ORDER_RESUMED: QT_TRANSLATE_NOOP("Wording", "order resumed"),
    Outcome.ITEM_OK: QT_TRANSLATE_NOOP("Wording", "item OK"),
    Outcome.ORDER_COMPLETE: QT_TRANSLATE_NOOP("Wording", "order complete"),
    Outcome.EXTRA_ITEM: QT_TRANSLATE_NOOP("Wording", "extra item"),
    Outcome.WRONG_ITEM: QT_TRANSLATE_NOOP("Wording", "wrong item"),
    Outcome.UNKNOWN_BARCODE: QT_TRANSLATE_NOOP("Wording", "unknown barcode"),
    Outcome.ORDER_NOT_FOUND: QT_TRANSLATE_NOOP("Wording", "order not found"),
    Outcome.ORDER_AMBIGUOUS: QT_TRANSLATE_NOOP("Wording", "ambiguous order label"),
    Outcome.ORDER_ALREADY_PACKED: QT_TRANSLATE_NOOP("Wording", "already packed"),
    Outcome.DUPLICATE_READ: QT_TRANSLATE_NOOP("Wording", "double read"),
    Outcome.UNDONE: QT_TRANSLATE_NOOP("Wording", "undone"),
    Outcome.NOTHING_TO_UNDO: QT_TRANSLATE_NOOP("Wording", "nothing to undo"),
    Outcome.MANUAL_CONFIRMED: QT_TRANSLATE_NOOP("Wording", "confirmed by hand"),
    Outcome.ORDER_SKIPPED: QT_TRANSLATE_NOOP("Wording", "order skipped"),
    Outcome.EXTRA_KEPT: QT_TRANSLATE_NOOP("Wording", "extra kept"),
    Outcome.EXTRA_REMOVED: QT_TRANSLATE_NOOP("Wording", "extra removed"),
    Outcome.WORKER_CHANGED: QT_TRANSLATE_NOOP("Wording", "worker changed"),
    Outcome.REFUSED: QT_TRANSLATE_NOOP("Wording", "not possible"),
    Outcome.ORDER_PACKED_ELSEWHERE: QT_TRANSLATE_NOOP("Wording", "packed elsewhere"),
    Outcome.ORDER_PACKING_ELSEWHERE: QT_TRANSLATE_NOOP("Wording", "being packed elsewhere"),
    Outcome.ORDER_NOT_TO_PACK: QT_TRANSLATE_NOOP("Wording", "not fulfillable"),
    Outcome.ORDER_IN_OTHER_LIST: QT_TRANSLATE_NOOP("Wording", "order of another list"),
    Outcome.REPACK_STARTED: QT_TRANSLATE_NOOP("Wording", "packed again"),
}


def lock(info: LockInfo) -> str:
    """Who holds a list: "station PACK-07 (PC desk-3), worker Иван, since today 10:30"."""
    who = info.worker_name or info.user_name
    pc = QCoreApplication.translate("Wording", " (PC {host})").format(host=info.host) if (
        info.host and info.host != info.locked_by) else ""
    text = QCoreApplication.translate("Wording", "station {station}{pc}, worker {name}, since "
                                                 "{when}")
    return text.format(station=info.locked_by, pc=pc, name=who,
                       when=local_time.when(info.lock_time))


def order_status(name: str) -> str:
    words = ORDER_STATUSES.get(name)
    return _tr(words) if words else name.replace("_", " ")


def outcome_name(value: str) -> str:
    """An event's outcome ("item_ok") as a timeline shows it ("item OK")."""
    words = OUTCOME_NAMES.get(value)
    return _tr(words) if words else value.replace("_", " ")


def status(name: str) -> str:
    """"Active", "Paused", … for a list's status (an unknown one as it is)."""
    words = STATUSES.get(name)
    return _tr(words) if words else name


def banner(outcome: Outcome, order: str | None = None, worker: str = "") -> str:
    """The short words shown in large letters for ``outcome``."""
    return _tr(BANNERS[outcome]).format(order=order or "", worker=worker)


def result_banner(result: ScanResult) -> str:
    return banner(result.outcome, result.order_number, result.event.worker_name)


def next_step(outcome: Outcome) -> str:
    text = NEXT_STEPS.get(outcome)
    return _tr(text) if text else ""


def result_detail(result: ScanResult) -> str:
    """The detail and the next step of a scan's answer, one per line."""
    return "\n".join(t for t in (detail(result.detail), next_step(result.outcome)) if t)
