"""`verify` checks of each client's order ledger (``Sessions/CLIENT_<ID>/order_ledger/``).

One pass over the record files (a read and a parse each; work grows with the ledger, not
with anything else), then the summaries `verify` read on its way through the sessions:

- damaged records (unreadable, a wrong ``key`` or ``client_id``, in a file not named for
  their order): errors, repairable (kept aside, rebuilt from the summaries);
- claims whose list lock is gone or stale (``FileOrderLedger.holder_alive``): warnings,
  repairable (released, kept aside, audited);
- recorded conflicts (an order packed in two lists): warnings, never resolved here;
- an order counted in two or more summaries, or counted in a list the ledger does not give
  it to: warnings on the summary;
- a record whose packing list was ended without listing the order: a notice;
- orders the summaries list and the ledger lacks (history from before it): a warning per
  summary, repairable (backfilled, create only).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from packing_tool.admin.ledger_walk import Location, at, location, walk
from packing_tool.admin.summary_orders import Listing, SummaryDoc, by_key, counted_twice, unique
from packing_tool.admin.verify_report import Repair, relative
from packing_tool.admin.verify_walk import Context, check_temp_files
from packing_tool.admin.words import phrase
from packing_tool.storage.layout import ShareLayout, UnsafeNameError
from packing_tool.storage.ledger_entry import LedgerEntry, Mark
from packing_tool.storage.lock_info import read_lock
from packing_tool.storage.order_ledger import FileOrderLedger
from shared.timestamps import parse_timestamp

SHOWN = 5  # order numbers named in one finding


@dataclass
class Walked:
    records: dict[str, tuple[Location, LedgerEntry]] = field(default_factory=dict)  # by key
    damaged: set[Location] = field(default_factory=set)


def _walk(ctx: Context, ledger: FileOrderLedger, listed: set[Location]) -> Walked:
    f, walked = ctx.findings, Walked()
    folders, reads = walk(ledger)
    f.checked += len(reads)
    for where, entry in reads:
        if isinstance(entry, LedgerEntry):
            walked.records[entry.key] = (where, entry)
            continue
        walked.damaged.add(where)
        hint = (phrase("`verify --repair` keeps it aside and rebuilds it from the summaries")
                if where in listed else phrase("no summary lists its order: `verify --repair` "
                                               "keeps it aside and nothing can rebuild it"))
        path = at(ledger, where)
        f.error(path, phrase("damaged order ledger record: {entry}; {hint}",
                             entry=entry, hint=hint),
                Repair("rebuild_record", path, ledger.client_id))
    for folder in folders:
        check_temp_files(f, ledger.root / "orders" / folder)
    check_temp_files(f, ledger.root / "conflicts")
    return walked


def _short(stamp: str) -> str:
    moment = parse_timestamp(stamp)
    return moment.isoformat(timespec="minutes") if moment is not None else (stamp or "?")


def dead_since(ledger: FileOrderLedger, holder: Mark) -> str:
    """Words for when a dead holder's list stopped (its lock's last heartbeat, or gone)."""
    try:
        lock = read_lock(ledger.layout.work_dir(ledger.client_id, holder.session_id,
                                                holder.list_name))
    except UnsafeNameError:
        lock = None
    if lock is None:
        return phrase("its list lock went away (claimed {at})", at=_short(holder.at))
    return phrase("{at} (the last heartbeat of its list lock)", at=_short(lock.heartbeat))


def claim_text(entry: LedgerEntry, holder: Mark, since: str) -> str:
    values = {"order": entry.order_number, "list": holder.list_name,
              "session": holder.session_id, "station": holder.station or "?", "since": since}
    if entry.packed is not None:
        return phrase("re-pack claim of order {order} by list {list} of session {session} at "
                      "station {station}, dead since {since}", **values)
    return phrase("claim of order {order} by list {list} of session {session} at station "
                  "{station}, dead since {since}", **values)


def _claims(ctx: Context, ledger: FileOrderLedger, walked: Walked) -> None:
    alive: dict[tuple[str, str], bool] = {}
    for where, entry in walked.records.values():
        holder = entry.holder
        if holder is None:
            continue
        which = (holder.session_id, holder.list_name)
        if which not in alive:
            alive[which] = ledger.holder_alive(holder)
        if not alive[which]:
            path = at(ledger, where)
            ctx.findings.warning(path, claim_text(entry, holder, dead_since(ledger, holder)),
                                 Repair("release_claim", path, ledger.client_id))


def where(mark: dict[str, Any] | None) -> str:
    if not isinstance(mark, dict):
        return phrase("another list")
    values = {"list": mark.get("list_name", "?"), "session": mark.get("session_id", "?")}
    if mark.get("station"):
        return phrase("list {list} of session {session} at station {station}",
                      station=mark["station"], **values)
    return phrase("list {list} of session {session}", **values)


def _conflicts(ctx: Context, ledger: FileOrderLedger) -> None:
    for found in ledger.conflicts():
        path = Path(found["file"])
        ctx.findings.checked += 1
        if "error" in found or not isinstance(found.get("here"), dict):
            why = found.get("error") or phrase("it does not say where the order was packed")
            ctx.findings.error(path, phrase("conflict record cannot be read ({why})", why=why))
            continue
        record = found.get("ledger")
        counted = (record.get("packed") or record.get("holder")
                   if isinstance(record, dict) else None)
        ctx.findings.warning(path, (
            phrase("conflict: order {order} was packed in {here} although the ledger gives it to "
                   "{counted}: two parcels may have left; counted once (the conflict is not "
                   "resolved automatically)", order=found.get('order_number', '?'),
                   here=where(found['here']), counted=where(counted))))


def double_text(root: Path, later: Listing, first: Listing) -> str:
    return phrase("order {order} is counted here and also in {path}: the same physical order "
                  "counted twice (the statistics count it twice; nothing is changed "
                  "automatically)", order=later.number, path=relative(root, first.summary.path))


def _summaries(ctx: Context, ledger: FileOrderLedger, listed: dict[str, list[Listing]],
               walked: Walked) -> None:
    f, root = ctx.findings, ctx.root
    missing: dict[Path, list[str]] = {}
    for key, items in listed.items():
        twice = counted_twice(items)
        for later in twice[1:]:
            if later.summary.path != twice[0].summary.path:
                f.warning(later.summary.path, double_text(root, later, twice[0]))
        found = walked.records.get(key)
        if found is None:
            if location(key) not in walked.damaged:
                for item in items:
                    missing.setdefault(item.summary.path, []).append(item.number)
            continue
        if twice:
            continue
        entry = found[1]
        for item in (i for i in items if i.counted):
            mine = Mark(item.summary.session, item.summary.list_name)
            if entry.packed is not None and not entry.packed.same_list(mine):
                f.warning(item.summary.path, phrase("order {number} is counted here, but the "
                                                    "order ledger counts it in {where}",
                                                    number=item.number,
                                                    where=where(entry.packed.to_dict())))
            elif entry.packed is None and entry.holder and not entry.holder.same_list(mine):
                f.warning(item.summary.path, phrase("order {number} is counted here, but the "
                                                    "order ledger has it claimed by {where}, not "
                                                    "packed: it may be packed again",
                                                    number=item.number,
                                                    where=where(entry.holder.to_dict())))
    if not ledger.sessions_dir.is_dir():
        return  # an archived client only: no station packs for it, nothing to backfill
    for path, numbers in missing.items():
        shown = ", ".join(numbers[:SHOWN]) + (", …" if len(numbers) > SHOWN else "")
        count = phrase("{n} orders listed here are", n=len(numbers)) if len(numbers) > 1 else (
            phrase("1 order listed here is"))
        f.warning(path, phrase("{count} not in the order ledger ({shown}): history from before "
                               "the ledger, so stations would not know they are packed; `verify "
                               "--repair` backfills them", count=count, shown=shown),
                  Repair("backfill_ledger", ledger.root, ledger.client_id))


def _unlisted(ctx: Context, ledger: FileOrderLedger, walked: Walked,
              summaries: list[SummaryDoc], listed: dict[str, list[Listing]]) -> None:
    """Records packed in a list whose (last) summary does not list the order."""
    ended = {(s.session, s.list_name): s for s in summaries}
    keys: dict[tuple[str, str], set[str]] = {}
    for key, items in listed.items():
        for item in items:
            keys.setdefault((item.summary.session, item.summary.list_name), set()).add(key)
    for where, entry in walked.records.values():
        packed = entry.packed
        which = ("", "") if packed is None else (packed.session_id, packed.list_name)
        summary = ended.get(which)
        if packed is None or summary is None or entry.key in keys.get(which, ()):
            continue
        moment, done = parse_timestamp(packed.at), parse_timestamp(summary.doc.get(
            "completed_at"))
        why = (phrase("it was packed after the list was last ended; ending the list again lists it")
               if moment and done and moment > done else phrase("the summary does not list it"))
        ctx.findings.notice(at(ledger, where), (
            phrase("order {order_number} is packed in list {list_name} of session {session_id} by "
                   "the ledger, but {relative} was written without it: {why}",
                   order_number=entry.order_number, list_name=packed.list_name,
                   session_id=packed.session_id, relative=relative(ctx.root, summary.path),
                   why=why)))


def check_ledger(ctx: Context, client: str) -> None:
    """Check ``client``'s order ledger against itself and the summaries `verify` read."""
    try:
        ledger = FileOrderLedger(ShareLayout(ctx.root), client)
    except (UnsafeNameError, ValueError):
        return
    summaries = [s for s in unique(ctx.summaries) if s.client == client]
    listed = by_key(summaries).get(client, {})
    walked = _walk(ctx, ledger, {location(key) for key in listed})
    _claims(ctx, ledger, walked)
    _conflicts(ctx, ledger)
    _summaries(ctx, ledger, listed, walked)
    _unlisted(ctx, ledger, walked, summaries, listed)
