"""Reading a whole order ledger for `verify`: every record file once, shards in parallel.

A share answers each file slowly, so the 256 shard folders are read by a few threads
(as ``FileOrderLedger.lookup`` reads many records); the work per record is one read and one
parse, with names compared as text (no path objects on the way). A record is *damaged*
when it cannot be read as a ledger record, or when it is not the record its file name is
for (``key`` not its order's key, another client's, or lying in another order's file).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from packing_tool.admin.verify_report import relative
from packing_tool.admin.words import phrase
from packing_tool.domain.barcodes import order_key
from packing_tool.storage import share_json
from packing_tool.storage.error_phrases import own_phrase
from packing_tool.storage.ledger_entry import LedgerEntry, file_stem, shard
from packing_tool.storage.order_ledger import FileOrderLedger

THREADS = 8
Location = tuple[str, str]  # (shard folder, file name): where a record lives
Read = tuple[Location, LedgerEntry | str]  # the record, or what is wrong with it


def location(key: str) -> Location:
    """Where the record of order key ``key`` lives (``FileOrderLedger.path``'s two names)."""
    return shard(key), f"{file_stem(key)}.json"


def record_path(ledger: FileOrderLedger, key: str) -> Path:
    return at(ledger, location(key))


def at(ledger: FileOrderLedger, where: Location) -> Path:
    return ledger.root / "orders" / where[0] / where[1]


def parse_record(raw: bytes) -> LedgerEntry:
    """The record in ``raw``; raises ValueError saying what is wrong with it."""
    if not raw.strip():
        raise ValueError(phrase("the file is empty"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(phrase("not UTF-8 text")) from None
    try:
        data = share_json.loads(text)
    except ValueError as exc:
        raise ValueError(phrase("not valid JSON ({exc})", exc=exc)) from None
    return LedgerEntry.from_dict(data)


def misfit(ledger: FileOrderLedger, where: Location, entry: LedgerEntry) -> str:
    """Why a readable record does not belong at ``where`` (empty: it does)."""
    expected = order_key(entry.order_number)
    if entry.key != expected:
        return phrase("key {key} is not the key of order {order} ({expected})",
                      key=repr(entry.key), order=entry.order_number, expected=repr(expected))
    client = ledger.client_id.removeprefix("CLIENT_")
    if entry.client_id.removeprefix("CLIENT_").upper() != client.upper():
        return phrase("client_id {found} is not this client's ({client})",
                      found=repr(entry.client_id), client=client)
    if location(expected) != where:
        return phrase("it holds order {order}, whose record is {path}",
                      order=entry.order_number,
                      path=relative(ledger.layout.root, record_path(ledger, expected)))
    return ""


def check_bytes(ledger: FileOrderLedger, where: Location, raw: bytes) -> LedgerEntry | str:
    try:
        entry = parse_record(raw)
    except ValueError as exc:
        return own_phrase(exc) or str(exc)
    return misfit(ledger, where, entry) or entry


def shard_folders(ledger: FileOrderLedger) -> list[str]:
    try:
        entries = list(os.scandir(ledger.root / "orders"))
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(e.name for e in entries if e.is_dir(follow_symlinks=False))


def record_names(folder: str) -> list[str]:
    """The record files of one shard folder: ``*.json`` (kept-aside copies such as
    ``.released-…``/``.corrupt-…`` end otherwise, temp files start with a dot)."""
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(e.name for e in entries if e.name.endswith(".json")
                  and not e.name.startswith("."))


def _read_shard(ledger: FileOrderLedger, name: str) -> list[Read]:
    folder = os.path.join(ledger.root, "orders", name)
    found: list[Read] = []
    for file_name in record_names(folder):
        try:
            with open(os.path.join(folder, file_name), "rb") as fh:
                raw = fh.read()
        except FileNotFoundError:
            continue  # released while we looked
        found.append(((name, file_name), check_bytes(ledger, (name, file_name), raw)))
    return found


def walk(ledger: FileOrderLedger) -> tuple[list[str], list[Read]]:
    """The shard folders and every record in them, read and judged."""
    folders = shard_folders(ledger)
    if not folders:
        return folders, []
    with ThreadPoolExecutor(THREADS, thread_name_prefix="ledger-walk") as pool:
        chunks = list(pool.map(lambda name: _read_shard(ledger, name), folders))
    return folders, [read for chunk in chunks for read in chunk]


def existing(ledger: FileOrderLedger) -> set[Location]:
    """Every record file's location (read or not): what a backfill must never replace."""
    folders = shard_folders(ledger)
    with ThreadPoolExecutor(THREADS, thread_name_prefix="ledger-list") as pool:
        names = list(pool.map(
            lambda name: record_names(os.path.join(ledger.root, "orders", name)), folders))
    return {(folder, name) for folder, found in zip(folders, names, strict=True)
            for name in found}
