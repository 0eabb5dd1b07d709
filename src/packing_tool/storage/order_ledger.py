"""The order ledger: which physical orders of a client are packed, or being packed, where.

One small file per order under ``Sessions/CLIENT_<ID>/order_ledger/orders/<shard>/``,
created atomically by the station that claims the order first (``exclusive.create_new``:
no check-then-write, safe over SMB), then rewritten only by its holder. Work is per order,
never per history: a claim or a look-up touches one file, whatever the ledger holds. Stale
claims follow the list lock's rules (``lock_info``) and are taken over under a per-shard
guard, kept aside and written to ``audit.jsonl``. Format: docs/metadata.md.

``OrderLedger`` is the small interface the station uses; ``FileOrderLedger`` serves it from
the share (its files in ``ledger_files``), and a central database could serve the same calls
later.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from packing_tool.domain.barcodes import order_key
from packing_tool.domain.elsewhere import Elsewhere
from packing_tool.storage import share_json
from packing_tool.storage.exclusive import abandoned, create_new
from packing_tool.storage.layout import UnsafeNameError, safe_name
from packing_tool.storage.ledger_entry import LedgerEntry, Mark, file_stem
from packing_tool.storage.ledger_files import LedgerDamagedError, LedgerFiles
from packing_tool.storage.lock_info import read_lock
from shared import fileio
from shared.timestamps import to_iso

__all__ = ["Claim", "ClaimResult", "FileOrderLedger", "LedgerDamagedError", "OrderLedger"]


class Claim(StrEnum):
    OURS = "ours"  # this list holds the order (new claim, or already ours)
    PACKED = "packed"  # packed in another list: the order does not open
    HELD = "held"  # being packed now by another list's live station
    DAMAGED = "damaged"  # the record cannot be read: a supervisor must look (verify --repair)
    CONFLICT = "conflict"  # packed here and, by the ledger, also in another list


@dataclass(frozen=True)
class ClaimResult:
    status: Claim
    entry: LedgerEntry | None = None
    elsewhere: Elsewhere | None = None
    message: str = ""


class OrderLedger(Protocol):
    def lookup(self, numbers: Iterable[str]) -> dict[str, LedgerEntry | LedgerDamagedError]: ...
    def claim(self, mine: Mark, number: str) -> ClaimResult: ...
    def repack(self, mine: Mark, number: str, reason: str) -> ClaimResult: ...
    def mark_packed(self, mine: Mark, number: str, at: datetime) -> ClaimResult: ...
    def release(self, mine: Mark, number: str) -> bool: ...


class FileOrderLedger(LedgerFiles):
    """The ledger on the share: claims, packed marks, releases, conflicts."""

    # ------------------------------------------------------------------ claims

    def holder_alive(self, holder: Mark) -> bool:
        """A claim lives as long as its list's lock does (stale: heartbeat or dead process)."""
        try:
            work_dir = self.layout.work_dir(self.client_id, holder.session_id,
                                            holder.list_name)
        except UnsafeNameError:
            return False
        lock = read_lock(work_dir)
        return lock is not None and not lock.is_stale(self.clock(), self.stale_after)

    def _seen(self, entry: LedgerEntry, mine: Mark) -> ClaimResult:
        other = entry.seen_from(mine)
        if other is None:
            return ClaimResult(Claim.OURS, entry)
        status = Claim.HELD if entry.holder is not None and not entry.holder.same_list(
            mine) else Claim.PACKED
        return ClaimResult(status, entry, other, other.describe(self.clock()))

    def claim(self, mine: Mark, number: str) -> ClaimResult:
        """Claim ``number`` for the list ``mine`` names; exactly one list of many wins."""
        fresh = LedgerEntry(number, order_key(number), self.client_id, holder=mine)
        for _ in range(8):
            if self._create(fresh):
                return ClaimResult(Claim.OURS, fresh)
            try:
                entry = self.read(number)
            except LedgerDamagedError as exc:
                if self._drop_abandoned(number, mine):
                    continue
                return ClaimResult(Claim.DAMAGED, message=str(exc))
            if entry is None:
                continue  # released between our create and our read: try again
            holder = entry.holder
            if holder is not None and not holder.same_list(mine) and not self.holder_alive(
                    holder):
                self._take_over(number, entry, mine)
                continue
            return self._seen(entry, mine)
        return ClaimResult(Claim.HELD, message=f"order {number}: the ledger keeps changing")

    def _take_over(self, number: str, seen: LedgerEntry, mine: Mark) -> None:
        """Withdraw a dead list's claim (kept aside, audited); a re-pack's leaves it packed."""
        path = self.path(number)
        with self._guard(number):
            try:
                current = self.read(number)
            except LedgerDamagedError:
                return
            if current != seen or current.holder is None or self.holder_alive(current.holder):
                return  # changed meanwhile: the caller reads it again
            aside = path.with_name(f"{path.name}.taken-{self.clock():%Y%m%d-%H%M%S}-"
                                   f"{os.urandom(3).hex()}")
            if current.packed is not None:  # an abandoned re-pack: the order stays packed
                fileio.atomic_write_bytes(aside, current.to_bytes())
                self._write(replace(current, holder=None))
            else:  # creators never overwrite, so the name is free for the next claim
                fileio.check_path(aside)
                os.replace(path, aside)
            self._audit("claim_taken_over", current, mine, kept_at=aside.name,
                        holder=current.holder.to_dict())

    def _drop_abandoned(self, number: str, mine: Mark) -> bool:
        """An empty record whose creator died before writing it (shares without hard links
        create, then write): kept aside and removed under the guard, audited."""
        path = self.path(number)
        with self._guard(number):
            if not abandoned(path):
                return False
            aside = path.with_name(f"{path.name}.abandoned-{self.clock():%Y%m%d-%H%M%S}-"
                                   f"{os.urandom(3).hex()}")
            fileio.check_path(aside)
            os.replace(path, aside)
        entry = LedgerEntry(number, order_key(number), self.client_id, holder=mine)
        self._audit("abandoned_record_removed", entry, mine, kept_at=aside.name)
        return True

    def repack(self, mine: Mark, number: str, reason: str) -> ClaimResult:
        """Open a packed order again on purpose; the first packing keeps counting."""
        with self._guard(number):
            try:
                entry = self.read(number)
            except LedgerDamagedError as exc:
                return ClaimResult(Claim.DAMAGED, message=str(exc))
            if entry is None:
                fresh = LedgerEntry(number, order_key(number), self.client_id, holder=mine)
                return ClaimResult(Claim.OURS if self._create(fresh) else Claim.HELD, fresh)
            holder = entry.holder
            if holder is not None and not holder.same_list(mine) and self.holder_alive(holder):
                return self._seen(entry, mine)
            mark = replace(mine, reason=reason)
            updated = replace(entry, holder=mine, repacks=(*entry.repacks, mark))
            self._write(updated)
            self._audit("repack", updated, mark)
        return ClaimResult(Claim.OURS, updated)

    def mark_packed(self, mine: Mark, number: str, at: datetime) -> ClaimResult:
        """Our list finished the order: it is packed (once; a second call changes nothing)."""
        for _ in range(8):
            try:
                entry = self.read(number)
            except LedgerDamagedError as exc:
                return ClaimResult(Claim.DAMAGED, message=str(exc))
            if entry is None:
                done = LedgerEntry(number, order_key(number), self.client_id,
                                   packed=replace(mine, at=at.isoformat(), lock_id=""))
                if self._create(done):
                    return ClaimResult(Claim.OURS, done)
                continue
            if entry.holder is not None and entry.holder.same_list(mine):
                updated = entry.packed_by(mine, at)
                self._write(updated)
                return ClaimResult(Claim.OURS, updated)
            if entry.holder is None and entry.packed is not None and entry.packed.same_list(mine):
                return ClaimResult(Claim.OURS, entry)
            seen = self._seen(entry, mine)
            self.record_conflict(mine, entry)
            return replace(seen, status=Claim.CONFLICT)
        return ClaimResult(Claim.HELD, message=f"order {number}: the ledger keeps changing")

    def release(self, mine: Mark, number: str) -> bool:
        """Let go of an order we hold and did not finish (skipped, list paused or ended)."""
        try:
            entry = self.read(number)
        except LedgerDamagedError:
            return False
        if entry is None or entry.holder is None or not entry.holder.same_list(mine):
            return False
        if entry.packed is None:
            self.path(number).unlink(missing_ok=True)
        else:  # an unfinished re-pack: the order stays packed where it was
            self._write(replace(entry, holder=None))
        return True

    # ------------------------------------------------------------------ conflicts

    def conflict_path(self, mine: Mark, entry: LedgerEntry) -> Path:
        name = (f"{file_stem(entry.key)}--{safe_name(mine.session_id)}--"
                f"{safe_name(mine.list_name)}.json")
        return self.root / "conflicts" / name

    def record_conflict(self, mine: Mark, entry: LedgerEntry) -> None:
        """Keep a record that ``mine`` packed an order the ledger gives to another list."""
        path = self.conflict_path(mine, entry)
        data = {"order_number": entry.order_number, "key": entry.key,
                "found_at": to_iso(self.clock()), "here": mine.to_dict(),
                "ledger": entry.to_dict()}
        payload = fileio.dumps(data).encode("utf-8")
        try:
            created = create_new(path, payload, durable=False)
        except FileNotFoundError:
            self._folder(path)
            created = create_new(path, payload, durable=False)
        self.bytes_written += len(payload) if created else 0

    def conflicts(self) -> list[dict[str, Any]]:
        """Every recorded conflict (unreadable files are named, not skipped silently)."""
        found: list[dict[str, Any]] = []
        folder = self.root / "conflicts"
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            try:
                data = fileio.read_json_file(path)
            except (OSError, ValueError) as exc:
                data = {"error": str(exc)}
            found.append({"file": str(path), **(data if isinstance(data, dict) else {})})
        return found

    def walk(self) -> Iterator[tuple[Path, LedgerEntry | LedgerDamagedError]]:
        """Every record of the ledger (for verify and stats rebuild)."""
        orders = self.root / "orders"
        for folder in sorted(orders.iterdir()) if orders.is_dir() else []:
            for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
                try:
                    data = share_json.loads(path.read_bytes().decode("utf-8-sig"))
                    yield path, LedgerEntry.from_dict(data)
                except (OSError, UnicodeDecodeError, ValueError) as exc:
                    yield path, LedgerDamagedError(path, str(exc))
