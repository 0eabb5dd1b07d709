"""What the pre-shift check of a list is fed, read the way the station reads it.

The list through ``list_readers.open_list``; the barcode map through
``barcode_maps.station_barcodes`` (stock file, stored map over it); the session's other lists
through ``list_readers.other_lists``; the order ledger through ``FileOrderLedger.lookup`` and
``LedgerEntry.seen_from`` (only when the client has a ledger). The lines a JSON list's reader
leaves out without a word (``NO_SKU``) or with one (a quantity it refuses) are found in the
same file with the reader's own value rules.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from packing_tool.domain.elsewhere import Elsewhere
from packing_tool.domain.list_check import CheckInput, LeftOutLine
from packing_tool.domain.orders import FULL_SESSION, PackingList
from packing_tool.storage.barcode_maps import station_barcodes
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.ledger_entry import Mark
from packing_tool.storage.list_ledger import damaged
from packing_tool.storage.list_readers import (
    NO_SKU,
    is_fulfillable,
    list_path,
    load_packing_list,
    other_lists,
    quantity_of,
    read_json_document,
    shopify_list,
    text_of,
    wrong_type,
)
from packing_tool.storage.order_ledger import FileOrderLedger, LedgerDamagedError

SHARDS_LISTED_FROM = 256  # orders; fewer are looked up one by one


def left_out_lines(raw_orders: list[Any]) -> list[LeftOutLine]:
    """Item lines of fulfillable orders the reader leaves out: no SKU, or a bad quantity."""
    found: list[LeftOutLine] = []
    for raw in raw_orders:
        if not isinstance(raw, dict) or not is_fulfillable(raw):
            continue
        if wrong_type(raw.get("order_number")) is not None:
            continue
        number, items = text_of(raw.get("order_number")), raw.get("items")
        if not number or not isinstance(items, list):
            continue
        for row, item in enumerate(items):
            if not isinstance(item, dict) or wrong_type(item.get("sku")) is not None:
                continue  # the reader reports these itself
            sku, quantity = text_of(item.get("sku")), item.get("quantity")
            if not sku or sku == NO_SKU:
                reason = "no_sku"
            elif quantity_of(quantity) is None:
                reason = "quantity"
            else:
                continue
            found.append(LeftOutLine(
                order=number, where=f"{number}, item {row + 1}",  # the reader's own words
                sku=sku, product=text_of(item.get("product_name")),
                quantity="" if quantity is None else str(quantity), reason=reason))
    return found


def present(ledger: FileOrderLedger, numbers: list[str]) -> list[str]:
    """The orders whose ledger record file exists: one listing per shard folder instead of
    one look-up per order (a few hundred calls to the share, not thousands)."""
    if len(numbers) <= SHARDS_LISTED_FROM:
        return numbers
    wanted: dict[Path, list[tuple[str, str]]] = {}
    for number in numbers:
        path = ledger.path(number)
        wanted.setdefault(path.parent, []).append((number, path.name))

    def names(folder: Path) -> set[str]:
        try:
            return set(os.listdir(folder))
        except FileNotFoundError:
            return set()
        except OSError:  # unreadable here: let each order's own look-up tell
            return {name for _number, name in wanted[folder]}

    folders = list(wanted)
    with ThreadPoolExecutor(8, thread_name_prefix="ledger-list") as pool:
        listed = dict(zip(folders, pool.map(names, folders), strict=True))
    return [n for folder, items in wanted.items() for n, name in items
            if name in listed[folder]]


def ledger_facts(layout: ShareLayout, client_id: str, session: str, list_name: str,
                 numbers: list[str]) -> dict[str, Elsewhere]:
    """Order number → packed or being packed in another list, by the ledger (if any)."""
    ledger = FileOrderLedger(layout, client_id)
    if not ledger.root.is_dir():
        return {}
    mine = Mark(session_id=session, list_name=list_name)
    facts: dict[str, Elsewhere] = {}
    for number, entry in ledger.lookup(present(ledger, numbers)).items():
        if isinstance(entry, LedgerDamagedError):
            facts[number] = damaged(str(entry))
            continue
        seen = entry.seen_from(mine)
        if seen is not None:
            facts[number] = seen
    return facts


def read_check_input(layout: ShareLayout, client_id: str, session: str,
                     list_name: str) -> tuple[CheckInput, Path]:
    """Everything the check needs, and the list's file. Raises ``OSError`` / ``ValueError``
    (``ListReadError``, a bad name) when the list itself cannot be read."""
    session_dir = layout.session_dir(client_id, session)
    path = list_path(session_dir, list_name)
    if path.suffix.lower() == ".json":
        document = read_json_document(path)  # read once: the list, and what it leaves out
        plist: PackingList = shopify_list(document, path, name=list_name)
        left_out = tuple(left_out_lines(document["orders"]))
    else:
        plist, left_out = load_packing_list(path, name=list_name), ()
    numbers = [order.order_number for order in plist.orders]
    others = {} if list_name == FULL_SESSION else other_lists(session_dir, list_name)
    return CheckInput(
        packing_list=plist,
        barcodes=station_barcodes(layout, client_id, session),
        other_lists=others,
        elsewhere=ledger_facts(layout, client_id, session, list_name, numbers),
        left_out=left_out), path

