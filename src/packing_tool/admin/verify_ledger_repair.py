"""`verify --repair` in the order ledger: what is safe, keeping everything it replaces.

- A claim whose list lock is gone or stale is released as ``FileOrderLedger._take_over``
  withdraws one: under the shard's ``.guard`` lock, the record is moved aside as
  ``<record>.released-<time>-<id>`` (a re-pack's claim: a copy is kept and the record stays
  packed), and a line goes to ``order_ledger/audit.jsonl``.
- A damaged record is kept aside as ``<record>.corrupt-<time>`` and rebuilt from the
  summaries that list its order; when none does it is reported as not recoverable.
- Orders the summaries list and the ledger lacks are backfilled, create only
  (``exclusive.create_new``): the earliest counted packing is the one that counts.

Conflicts and double counts are never resolved here: a person must look at the parcels.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from packing_tool.admin.ledger_walk import THREADS, at, check_bytes, existing, location
from packing_tool.admin.stats_summaries import summary_files
from packing_tool.admin.summary_orders import Listing, SummaryDoc, by_key
from packing_tool.admin.verify_report import Repair, relative
from packing_tool.admin.words import phrase
from packing_tool.storage.completion import previous_summary
from packing_tool.storage.exclusive import create_new
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.ledger_entry import LedgerEntry, Mark
from packing_tool.storage.lock_info import station_name, user_name
from packing_tool.storage.order_ledger import FileOrderLedger
from shared import fileio
from shared.append_log import AppendLog
from shared.timestamps import now, to_iso

ACTOR = "packing-tool verify --repair"


class NotRepaired(RuntimeError):
    """The repair is not safe now, not needed any more, or cannot be done; says why."""


@contextlib.contextmanager
def shard_guard(path: Path) -> Iterator[None]:
    """The OS lock the ledger takes for takeovers and re-packs of this record's shard."""
    with open(path.parent / ".guard", "a+b") as fh, fileio.lock_file(fh, timeout=10.0):
        yield


def _ledger(root: Path, repair: Repair) -> FileOrderLedger:
    return FileOrderLedger(ShareLayout(root), repair.client)


def audit(ledger: FileOrderLedger, event: str, entry: LedgerEntry | None,
          **more: Any) -> None:
    """One line in ``audit.jsonl``, in the shape the ledger writes its own."""
    line: dict[str, Any] = {"at": to_iso(now()), "event": event}
    if entry is not None:
        line.update(order_number=entry.order_number, key=entry.key)
    line.update(by={"station": station_name(), "worker_name": ACTOR, "user": user_name()},
                **more)
    log = AppendLog(ledger.root / "audit.jsonl")
    try:
        log.append(json.dumps(line, ensure_ascii=False).encode("utf-8"))
    finally:
        log.close()


def _stamp() -> str:
    return f"{datetime.now():%Y%m%d-%H%M%S}-{os.urandom(3).hex()}"


# --------------------------------------------------------------------------- claims


def release_claim(root: Path, repair: Repair) -> str:
    ledger, path = _ledger(root, repair), repair.target
    with shard_guard(path):
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise NotRepaired(phrase("the record is gone already")) from None
        entry = check_bytes(ledger, (path.parent.name, path.name), raw)
        if isinstance(entry, str):
            raise NotRepaired(phrase("the record is damaged now ({entry})", entry=entry))
        holder = entry.holder
        if holder is None:
            raise NotRepaired(phrase("nobody holds the order any more"))
        if ledger.holder_alive(holder):
            raise NotRepaired(phrase("list {list_name} of session {session_id} is being packed "
                                     "again: its claim lives", list_name=holder.list_name,
                                     session_id=holder.session_id))
        aside = path.with_name(f"{path.name}.released-{_stamp()}")
        if entry.packed is None:  # creators never overwrite: the name is free for a claim
            os.replace(path, aside)
        else:  # an abandoned re-pack: the order stays packed where it was
            fileio.atomic_write_bytes(aside, raw)
            fileio.atomic_write_bytes(path, replace(entry, holder=None).to_bytes())
        audit(ledger, "claim_released", entry, kept_at=aside.name, holder=holder.to_dict(),
              reason=f"{ACTOR}: its list lock is gone or stale")
    return phrase("released (kept at {path}; recorded in order_ledger/audit.jsonl)",
                  path=relative(root, aside))


# --------------------------------------------------------------------------- rebuilding


def client_summaries(root: Path, client: str) -> list[SummaryDoc]:
    """Every readable summary of ``client``, live and archived (one per list)."""
    found = []
    for item in summary_files(root)[0]:
        if item.client != client:
            continue
        try:
            doc = previous_summary(item.path.parent)
        except (OSError, ValueError):
            continue  # `verify` reports it with the summary itself
        if doc is not None:
            found.append(SummaryDoc(item.client, item.session, item.list_name, item.path, doc,
                                    item.archived))
    return found


def _mark(item: Listing, reason: str = "") -> Mark:
    """Who packed ``item`` where and when; a re-pack's reason and end time when ``reason``."""
    doc, who = item.summary.doc, item.entry.get("completed_by")
    person = who if isinstance(who, dict) else doc
    station = doc.get("worker_pc") or doc.get("pc_name") or ""
    started = item.entry.get("started_at")
    begun = started if reason and isinstance(started, str) and started else item.at
    return Mark(item.summary.session, item.summary.list_name, station=str(station),
                worker_id=str(person.get("worker_id") or ""),
                worker_name=str(person.get("worker_name") or ""), at=begun,
                reason=reason, done_at=item.at if reason else "")


def rebuilt_entry(root: Path, client: str, items: list[Listing]) -> LedgerEntry:
    """The record the summaries give: the earliest counted packing counts (any listing when
    none is counted); later listings marked as re-packs are its re-packs."""
    counted = [i for i in items if i.counted] or items
    first = counted[0]
    repacks = tuple(_mark(i, reason=str(i.entry["repack_reason"]))
                    for i in items if i.entry.get("repack_reason") and i is not first)
    source = {"from": relative(root, first.summary.path), "at": to_iso(now()), "by": ACTOR}
    return LedgerEntry(first.number, first.key, client, packed=_mark(first),
                       repacks=repacks, extra={"rebuilt": source})


def create(ledger: FileOrderLedger, path: Path, entry: LedgerEntry) -> bool:
    """Create the record only if none exists (never overwrites); False when one does."""
    data = entry.to_bytes()
    try:
        return create_new(path, data, durable=False)
    except FileNotFoundError:
        if not ledger.sessions_dir.is_dir():  # never create a ghost share
            raise
        path.parent.mkdir(parents=True, exist_ok=True)
        return create_new(path, data, durable=False)


def rebuild_record(root: Path, repair: Repair) -> str:
    ledger, path = _ledger(root, repair), repair.target
    where = (path.parent.name, path.name)
    listed = by_key(client_summaries(root, repair.client)).get(repair.client, {})
    items = next((v for k, v in listed.items() if location(k) == where), [])
    with shard_guard(path):
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise NotRepaired(phrase("the record is gone already")) from None
        problem = check_bytes(ledger, where, raw)
        if not isinstance(problem, str):
            raise NotRepaired(phrase("the record reads well now"))
        kept = fileio.keep_aside(path, raw, label="corrupt")
        path.unlink()
        if not items:
            audit(ledger, "damaged_record_kept_aside", None, record=path.name,
                  kept_at=kept.name, problem=problem)
            raise NotRepaired(
                phrase("not recoverable: no summary lists its order; the damaged record is kept "
                       "at {path} and the order has no record now (the next station to scan its "
                       "label claims it afresh)", path=relative(root, kept)))
        entry = rebuilt_entry(root, repair.client, items)
        if not create(ledger, path, entry):
            raise NotRepaired(phrase("a station created the record meanwhile; the damaged one is "
                                     "kept at {path}", path=relative(root, kept)))
        audit(ledger, "record_rebuilt", entry, kept_at=kept.name, problem=problem,
              rebuilt_source=entry.extra["rebuilt"]["from"])
    return (phrase("rebuilt from {source} (the damaged record is kept at {path})",
                   source=entry.extra['rebuilt']['from'], path=relative(root, kept)))


def backfill_ledger(root: Path, repair: Repair) -> str:
    ledger = _ledger(root, repair)
    summaries = client_summaries(root, repair.client)
    listed = by_key(summaries).get(repair.client, {})
    present = existing(ledger)  # any record, even a damaged one (its own repair), stays
    wanted = [(location(key), items) for key, items in listed.items()
              if location(key) not in present]

    def one(job: tuple[tuple[str, str], list[Listing]]) -> bool:
        return create(ledger, at(ledger, job[0]), rebuilt_entry(root, repair.client, job[1]))

    with ThreadPoolExecutor(THREADS, thread_name_prefix="ledger-backfill") as pool:
        made = list(pool.map(one, wanted))
    created, raced = sum(made), len(made) - sum(made)
    if not created:
        raise NotRepaired(phrase("no order is missing from the ledger any more"))
    audit(ledger, "ledger_backfilled", None, records=created, summaries=len(summaries),
          created_meanwhile=raced)
    more = phrase("; {raced} were created meanwhile by stations", raced=raced) if raced else ""
    return (phrase("{created} records created from {n_summaries} summaries (recorded in "
                   "order_ledger/audit.jsonl){more}", created=created, n_summaries=len(summaries),
                   more=more))
