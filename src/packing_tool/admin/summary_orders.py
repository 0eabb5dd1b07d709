"""The orders the session summaries list, read the way the order ledger counts them.

A summary's ``orders[]`` holds the orders packed in that list. An entry with
``repack_reason`` (a deliberate re-pack) or ``also_packed`` (a conflict: the ledger counts it
in another list) is listed but never counted; every other entry is the counted packing of
that physical order (``order_key`` of its number, per client). `verify` and `stats rebuild`
use this to find orders counted twice, and `verify --repair` to backfill the ledger.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packing_tool.domain.barcodes import order_key
from shared.timestamps import parse_timestamp


@dataclass(frozen=True)
class SummaryDoc:
    """One ended list's ``session_summary.json`` as read (live or archived)."""

    client: str  # bare id: M
    session: str
    list_name: str
    path: Path
    doc: dict[str, Any]
    archived: bool = False


@dataclass(frozen=True)
class Listing:
    """One order of one summary's ``orders[]``."""

    number: str
    key: str
    summary: SummaryDoc
    entry: dict[str, Any]

    @property
    def counted(self) -> bool:
        return not self.entry.get("repack_reason") and not self.entry.get("also_packed")

    @property
    def at(self) -> str:
        """When the order was completed (the summary's end when the entry does not say)."""
        for value in (self.entry.get("completed_at"), self.summary.doc.get("completed_at")):
            if isinstance(value, str) and parse_timestamp(value) is not None:
                return value
        return ""

    def sort_key(self) -> tuple[float, str, str]:
        moment = parse_timestamp(self.at)
        return (moment.timestamp() if moment else float("inf"), self.summary.session,
                self.summary.list_name)


def listings(summary: SummaryDoc) -> list[Listing]:
    """Every order ``summary`` lists (entries without a usable order number left out)."""
    orders = summary.doc.get("orders")
    found = []
    for raw in orders if isinstance(orders, list) else []:
        entry = raw if isinstance(raw, dict) else {"order_number": raw}
        number = entry.get("order_number")
        if isinstance(number, int) and not isinstance(number, bool):
            number = str(number)
        if not isinstance(number, str) or not (key := order_key(number)):
            continue
        found.append(Listing(number, key, summary, entry))
    return found


def by_key(summaries: Iterable[SummaryDoc]) -> dict[str, dict[str, list[Listing]]]:
    """client → order key → every listing of it, earliest first."""
    found: dict[str, dict[str, list[Listing]]] = {}
    for summary in summaries:
        per_client = found.setdefault(summary.client, {})
        for listing in listings(summary):
            per_client.setdefault(listing.key, []).append(listing)
    for per_client in found.values():
        for items in per_client.values():
            items.sort(key=Listing.sort_key)
    return found


def counted_twice(items: list[Listing]) -> list[Listing]:
    """The counted listings of one order when more than one summary counts it, else []."""
    counted = [item for item in items if item.counted]
    return counted if len({item.summary.path for item in counted}) > 1 else []


def unique(summaries: Iterable[SummaryDoc]) -> list[SummaryDoc]:
    """One summary per (client, session, list): the live one wins over an archived copy."""
    found: dict[tuple[str, str, str], SummaryDoc] = {}
    for summary in sorted(summaries, key=lambda s: s.archived):
        found.setdefault((summary.client, summary.session, summary.list_name), summary)
    return list(found.values())


def double_counts(summaries: Iterable[SummaryDoc]) -> list[list[Listing]]:
    """Every order counted by more than one summary (per client): its counted listings."""
    found = []
    for per_key in by_key(unique(summaries)).values():
        for _key, items in sorted(per_key.items()):
            if twice := counted_twice(items):
                found.append(twice)
    return found


def uncounted(doc: dict[str, Any]) -> tuple[int, int]:
    """(orders, units) a summary lists but does not count: re-packs and conflicts."""
    orders = doc.get("orders")
    marked = [e for e in orders if isinstance(e, dict)
              and (e.get("repack_reason") or e.get("also_packed"))] if isinstance(
        orders, list) else []
    units = sum(e["items_count"] for e in marked
                if isinstance(e.get("items_count"), int) and e["items_count"] > 0)
    return len(marked), units
