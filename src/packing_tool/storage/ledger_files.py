"""One client's order ledger records on the share, as files.

``orders/<shard>/<order>.json`` under ``Sessions/CLIENT_<ID>/order_ledger/``: created
atomically (``exclusive.create_new``), rewritten in place by the holder, read with a second
try for a record caught mid-rewrite. A record that is missing means nothing while the
client's folder is missing too: the share is away. ``FileOrderLedger`` builds on this.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

from packing_tool.domain.barcodes import order_key
from packing_tool.domain.phrase import phrase
from packing_tool.storage import share_json
from packing_tool.storage.exclusive import create_new, read_settled
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.ledger_entry import LEDGER_DIR, LedgerEntry, Mark, file_stem, shard
from packing_tool.storage.lock_file import rewrite_in_place
from packing_tool.storage.lock_info import DEFAULT_STALE_SECONDS
from shared import fileio
from shared.append_log import AppendLog
from shared.timestamps import now, to_iso


class LedgerDamagedError(ValueError):
    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        super().__init__(phrase("{file}: damaged order ledger record ({reason}); run "
                                "packing-tool verify --repair", file=path, reason=reason))


class LedgerFiles:
    """One client's ledger records on the share: paths, exclusive creates, in-place
    rewrites, reads, look-ups, the shard guard and the audit log."""

    def __init__(self, layout: ShareLayout, client_id: str, *,
                 stale_after: float = DEFAULT_STALE_SECONDS,
                 clock: Callable[[], datetime] = now) -> None:
        self.layout, self.client_id = layout, client_id
        self.sessions_dir = layout.sessions_dir(client_id)
        self.root = self.sessions_dir / LEDGER_DIR
        self.stale_after, self.clock = stale_after, clock
        self.bytes_written = 0

    # ------------------------------------------------------------------ files

    def path(self, number: str) -> Path:
        key = order_key(number)
        return self.root / "orders" / shard(key) / f"{file_stem(key)}.json"

    def _folder(self, path: Path) -> None:
        """Make the record's shard folder; the client's folder itself must already exist."""
        if not self.sessions_dir.is_dir():  # never create a ghost share
            raise FileNotFoundError(phrase("{folder} cannot be reached", folder=self.sessions_dir))
        path.parent.mkdir(parents=True, exist_ok=True)

    def _create(self, entry: LedgerEntry) -> bool:
        path, data = self.path(entry.order_number), entry.to_bytes()
        try:
            created = create_new(path, data, durable=False)
        except FileNotFoundError:
            self._folder(path)
            created = create_new(path, data, durable=False)
        self.bytes_written += len(data) if created else 0
        return created

    def _write(self, entry: LedgerEntry) -> None:
        """Rewrite a record in place (lock_file explains why a replace would open a gap)."""
        data, path = entry.to_bytes(), self.path(entry.order_number)
        try:
            rewrite_in_place(path, data)
        except FileNotFoundError:
            fileio.atomic_write_bytes(path, data)
        self.bytes_written += len(data)

    def _reachable(self) -> None:
        """A record that is not there means nothing when the client's folder is not there
        either: the share is away (Windows says "not found" for a lost network path)."""
        if not self.sessions_dir.is_dir():
            raise FileNotFoundError(phrase("{folder} cannot be reached", folder=self.sessions_dir))

    def read(self, number: str) -> LedgerEntry | None:
        """The order's record; None when the ledger has none. Raises ``LedgerDamagedError``,
        and ``FileNotFoundError`` when the share is away."""
        entry = self._read(number)
        if entry is None:
            self._reachable()
        return entry

    def _read(self, number: str) -> LedgerEntry | None:
        path = self.path(number)
        for attempt in (1, 2):  # a second read for a record caught mid-rewrite
            try:
                raw = read_settled(path)
            except FileNotFoundError:
                return None
            try:
                entry = LedgerEntry.from_dict(share_json.loads(raw.decode("utf-8-sig")))
                break
            except (UnicodeDecodeError, ValueError) as exc:
                if attempt == 2:
                    raise LedgerDamagedError(path, str(exc)) from None
                time.sleep(0.05)
        if entry.key != order_key(number):
            raise LedgerDamagedError(path, phrase("it is the record of order {order}",
                                                  order=entry.order_number))
        return entry

    def lookup(self, numbers: Iterable[str]) -> dict[str, LedgerEntry | LedgerDamagedError]:
        """The records of ``numbers`` that exist (in parallel: a share answers slowly)."""
        wanted = list(dict.fromkeys(numbers))

        def one(number: str) -> LedgerEntry | LedgerDamagedError | None:
            try:
                return self._read(number)
            except LedgerDamagedError as exc:
                return exc

        if len(wanted) <= 32:
            found = [one(n) for n in wanted]
        else:
            with ThreadPoolExecutor(8, thread_name_prefix="ledger-read") as pool:
                found = list(pool.map(one, wanted))
        if None in found:  # once per look-up, not per order: an empty ledger or no share?
            self._reachable()
        return {n: f for n, f in zip(wanted, found, strict=True) if f is not None}

    @contextlib.contextmanager
    def _guard(self, number: str) -> Iterator[None]:
        """The shard's OS lock: takeovers and re-packs of one shard happen one at a time."""
        guard = self.path(number).parent / ".guard"
        self._folder(guard)
        fileio.check_path(guard)
        with open(guard, "a+b") as fh, fileio.lock_file(fh, timeout=10.0):
            yield

    def _audit(self, event: str, entry: LedgerEntry, mine: Mark, **more: Any) -> None:
        line = {"at": to_iso(self.clock()), "event": event, "order_number": entry.order_number,
                "key": entry.key, "by": mine.to_dict(), **more}
        log = AppendLog(self.root / "audit.jsonl")
        try:
            self.bytes_written += log.append(json.dumps(line, ensure_ascii=False).encode())
        finally:
            log.close()
