"""StatsManager: the statistics both tools share in ``Stats/global_stats.json``.

The Shopify Fulfillment Tool records analyses, Packing Tool records packing sessions, and
both may write at the same moment from different PCs. Every update holds the OS lock on
byte 0 of the stats file for the whole read-modify-write and rewrites it in place (see
``shared.fileio``), which is exactly what the deployed tools do, so none of them loses a
record. Files of versions "1.0", "1.3.0" and "2.0" are read; keys we do not know are kept.

A damaged file is never started afresh: when neither it nor its ``.bak`` can safely be used,
every read and update raises ``StatsFileDamagedError`` and writes nothing (see
``shared.fileio.SharedFileDamagedError``). The errors and the records' small pieces live in
``shared.stats_records``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, TypeVar

from shared import fileio
from shared.stats_records import (
    FileLockError,
    StatsFileDamagedError,
    StatsManagerError,
    _append,
    _count,
    _history,
    _metadata,
    _text,
    add_packing,
)
from shared.stats_schema import client_view, default_stats, normalise_stats
from shared.timestamps import now_iso

__all__ = ["STATS_FILENAME", "FileLockError", "StatsFileDamagedError", "StatsManager",
           "StatsManagerError"]

T = TypeVar("T")
STATS_FILENAME = "global_stats.json"


class StatsManager:
    """Records and reads the shared statistics.

    ``path`` may be the ``Stats/`` folder itself (as in the integration guide) or the share
    root (as the deployed Shopify Tool passes it).
    """

    def __init__(
        self,
        base_path: str | Path,
        max_retries: int = 5,
        retry_delay: float = 0.1,
        *,
        lock_timeout: float = 5.0,
    ) -> None:
        given = Path(base_path)
        looks_like_stats = given.name.lower() == "stats" or (given / STATS_FILENAME).is_file()
        self.stats_dir = given if looks_like_stats else given / "Stats"
        self.base_path = self.stats_dir.parent
        self.stats_file = self.stats_dir / STATS_FILENAME
        self.max_retries = max(1, int(max_retries))
        self.retry_delay = retry_delay
        self.lock_timeout = lock_timeout
        try:
            self.stats_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            message = f"Cannot access stats directory {self.stats_dir}: {exc}"
            raise StatsManagerError(message) from exc

    # ------------------------------------------------------------------ plumbing

    @contextlib.contextmanager
    def _lock_file(self, file_handle: IO[bytes], timeout: float = 5.0) -> Iterator[IO[bytes]]:
        """Hold the OS lock on byte 0 of the open stats file (the deployed tools' lock)."""
        try:
            with fileio.lock_file(file_handle, timeout=timeout) as fh:
                yield fh
        except fileio.LockTimeoutError as exc:
            raise FileLockError(str(exc)) from exc

    def _get_default_stats(self) -> dict[str, Any]:
        return default_stats()

    def _retrying(self, what: str, action: Callable[[], T]) -> T:
        locks = (FileLockError, fileio.LockTimeoutError)
        try:
            return fileio.with_retries(action, attempts=self.max_retries, delay=self.retry_delay,
                                       retry_on=(*locks, OSError), what=what)
        except fileio.SharedFileDamagedError as exc:
            if isinstance(exc, StatsFileDamagedError):
                raise
            raise StatsFileDamagedError(exc.path, exc.kept_at, exc.reason) from exc
        except (*locks, OSError) as exc:
            message = (f"Failed to {what} in {self.stats_file} after {self.max_retries} "
                       f"attempts: {exc}")
            raise (FileLockError if isinstance(exc, locks) else StatsManagerError)(message) from exc

    def _update(self, what: str, mutate: Callable[[dict[str, Any]], T]) -> T:
        def mutate_and_stamp(doc: dict[str, Any]) -> T:
            result = mutate(doc)
            stamp = now_iso()
            doc["last_updated"] = stamp
            if not doc.get("created_at"):
                doc["created_at"] = stamp
            return result

        return self._retrying(
            what,
            lambda: fileio.locked_json_update(
                self.stats_file, mutate_and_stamp, default=default_stats,
                normalise=normalise_stats, timeout=self.lock_timeout, lock=self._lock_file,
                strict=True,
            ),
        )

    def _read(self) -> dict[str, Any]:
        return self._retrying(
            "read statistics",
            lambda: fileio.read_json_locked(
                self.stats_file, default=default_stats, normalise=normalise_stats,
                timeout=self.lock_timeout, lock=self._lock_file, strict=True,
            ),
        )

    # ------------------------------------------------------------------ recording

    def record_analysis(
        self,
        client_id: str,
        session_id: str,
        orders_count: int,
        metadata: dict[str, Any] | None = None,
        *,
        fulfillable_count: int | None = None,
        record_id: str | None = None,
    ) -> bool:
        """Record one analysis run of the Shopify Tool. True when recorded."""
        client = _text("client_id", client_id)
        session = _text("session_id", session_id)
        count = _count("orders_count", orders_count)
        extra = _metadata(metadata)
        record: dict[str, Any] = {"timestamp": now_iso(), "client_id": client,
                                  "session_id": session, "orders_count": count}
        if fulfillable_count is not None:
            record["fulfillable_count"] = _count("fulfillable_count", fulfillable_count)
        if record_id:
            record["record_id"] = record_id
        if extra:
            record["metadata"] = extra

        def apply(doc: dict[str, Any]) -> bool:
            if record_id and record_id in doc["recorded_ids"]:
                return True
            doc["total_orders_analyzed"] += count
            doc["by_client"].setdefault(client, {})
            entry = doc["by_client"][client]
            entry["orders_analyzed"] = int(entry.get("orders_analyzed", 0)) + count
            _append(doc, "analysis_history", record, record_id)
            normalise_stats(doc)
            return True

        return self._update("record analysis", apply)

    def record_packing(
        self,
        client_id: str,
        session_id: str,
        worker_id: str | None = None,
        orders_count: int | None = None,
        items_count: int | None = None,
        metadata: dict[str, Any] | None = None,
        *,
        orders_packed: int | None = None,
        items_packed: int | None = None,
        worker_name: str | None = None,
        duration_seconds: float | None = None,
        packing_list_name: str | None = None,
        record_id: str | None = None,
        sessions: int = 1,
    ) -> bool:
        """Record one finished packing session (or list). True when recorded.

        Accepts the guide's ``orders_packed=`` and the deployed tool's ``orders_count=`` /
        ``items_count=``. With ``record_id``, recording the same id twice counts once.
        ``sessions=0`` adds figures to a session counted before (a list ended a second time).
        """
        client = _text("client_id", client_id)
        session = _text("session_id", session_id)
        both_given = orders_count is not None and orders_packed is not None
        if both_given and orders_count != orders_packed:
            raise StatsManagerError("orders_count and orders_packed disagree")
        orders = _count("orders_count", orders_count if orders_count is not None else orders_packed)
        items_given = items_count if items_count is not None else items_packed
        items = _count("items_count", items_given if items_given is not None else 0)
        worker = _text("worker_id", worker_id, optional=True)
        if sessions not in (0, 1) or isinstance(sessions, bool):
            raise StatsManagerError(f"sessions must be 0 or 1, got {sessions!r}")
        extra = _metadata(metadata) or {}
        duration = extra.get("duration_seconds") if duration_seconds is None else duration_seconds
        list_name = packing_list_name or extra.get("packing_list_name")
        record: dict[str, Any] = {
            "timestamp": now_iso(), "client_id": client, "session_id": session,
            "worker_id": worker, "orders_count": orders, "items_count": items,
        }
        if worker_name:
            record["worker_name"] = worker_name
        if isinstance(duration, (int, float)) and not isinstance(duration, bool):
            record["duration_seconds"] = round(float(duration), 1)
        if list_name:
            record["packing_list_name"] = str(list_name)
        if record_id:
            record["record_id"] = record_id
        if extra:
            record["metadata"] = extra

        return self._update("record packing", lambda doc: add_packing(doc, record, sessions))

    def record_label_print(self, client_id: str, sku: str, copies: int = 1) -> bool:
        """Record printed product labels (the fork's v2.0 API)."""
        client = _text("client_id", client_id)
        code = _text("sku", sku)
        count = _count("copies", copies)
        record = {"timestamp": now_iso(), "client_id": client, "sku": code, "copies": count}

        def apply(doc: dict[str, Any]) -> bool:
            doc["total_labels_printed"] = int(doc.get("total_labels_printed", 0)) + count
            entry = doc["by_client"].setdefault(client, {})
            entry["labels_printed"] = int(entry.get("labels_printed", 0)) + count
            _append(doc, "label_print_history", record, None)
            normalise_stats(doc)
            return True

        return self._update("record label print", apply)

    def reset_stats(self) -> bool:
        """Zero every counter and history. The previous content is kept aside first."""

        def apply(doc: dict[str, Any]) -> bool:
            fileio.keep_aside(self.stats_file, fileio.dumps(doc).encode("utf-8"), "reset")
            keep = {k: v for k, v in doc.items() if k not in default_stats()}
            doc.clear()
            doc.update(default_stats())
            doc.update({k: v for k, v in keep.items() if k not in ("label_print_history",)})
            if "total_labels_printed" in doc:
                doc["total_labels_printed"] = 0
            return True

        return self._update("reset statistics", apply)

    # ------------------------------------------------------------------ reading

    def get_global_stats(self) -> dict[str, Any]:
        """The whole statistics document (counters, per-client and per-worker, histories)."""
        return self._read()

    def get_client_stats(self, client_id: str) -> dict[str, Any]:
        """One client's figures; zeros for a client never recorded."""
        return client_view(self._read(), client_id)

    def get_all_clients_stats(self) -> dict[str, dict[str, Any]]:
        doc = self._read()
        return {client: client_view(doc, client) for client in doc["by_client"]}

    def get_all_workers_stats(self) -> dict[str, dict[str, Any]]:
        return dict(self._read()["workers"])

    def get_analysis_history(
        self, client_id: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Analysis records, newest first."""
        return _history(self._read()["analysis_history"], limit, client_id=client_id)

    def get_packing_history(
        self, client_id: str | None = None, worker_id: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Packing records, newest first."""
        return _history(self._read()["packing_history"], limit,
                        client_id=client_id, worker_id=worker_id)

    def get_label_print_history(
        self, client_id: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        return _history(self._read().get("label_print_history", []), limit, client_id=client_id)
