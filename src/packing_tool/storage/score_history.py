"""Packer scores from a client's history on the share, and their cache.

The history is every ended list's ``session_summary.json`` under ``Sessions/CLIENT_<ID>/``
(counted orders only: re-packs and conflicts are left out) with its ``scan_journal.jsonl``
for the active times (pauses, undo and hand-over taken out: ``domain.scores``). An order
whose journal is missing or damaged is timed from the summary's own item times.

The fitted model and each packer's totals are kept in ``Sessions/CLIENT_<ID>/score_model.json``
with a fingerprint of the summaries it was built from (names, sizes, modification times) and
the pause gap; it is rebuilt when either changed, and written atomically. See docs/scores.md.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packing_tool.domain.events import ScanEvent
from packing_tool.domain.score_fit import OrderShape, ScoreModel
from packing_tool.domain.scores import (
    DEFAULT_PAUSE_GAP,
    OrderSample,
    Tally,
    fit_paced,
    journal_active_seconds,
    offsets_active_seconds,
    tallies,
)
from packing_tool.storage import share_json
from packing_tool.storage.discovery import list_clients, list_sessions, work_dir_in, work_names
from packing_tool.storage.journal import JOURNAL_FILENAME
from packing_tool.storage.layout import ShareLayout, UnsafeNameError
from packing_tool.storage.summary_file import SUMMARY_FILENAME
from shared import fileio
from shared.timestamps import now_iso

log = logging.getLogger(__name__)

CACHE_FILENAME = "score_model.json"
CACHE_VERSION = "1.0"
JsonDict = dict[str, Any]


@dataclass(frozen=True)
class ClientScores:
    client: str
    model: ScoreModel
    workers: dict[str, Tally]
    summaries: int
    from_cache: bool


def summary_paths(layout: ShareLayout, client: str) -> list[Path]:
    """Every ended list's summary of ``client`` (live sessions), oldest session first."""
    found = []
    for session in reversed(list_sessions(layout, client)):
        try:
            session_dir = layout.session_dir(client, session)
        except UnsafeNameError:
            continue
        for name in work_names(session_dir):
            path = work_dir_in(session_dir, name) / SUMMARY_FILENAME
            if path.is_file():
                found.append(path)
    return found


def fingerprint(paths: Iterable[Path], base: Path, pause_gap: float) -> str:
    digest = hashlib.sha1(f"gap={pause_gap}".encode(), usedforsecurity=False)
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            continue
        digest.update(f"\n{path.relative_to(base).as_posix()}:{st.st_size}:{st.st_mtime_ns}"
                      .encode())
    return digest.hexdigest()


def _journal(work_dir: Path) -> list[ScanEvent]:
    """The list's events up to the first line that cannot be read."""
    events: list[ScanEvent] = []
    try:
        raw = (work_dir / JOURNAL_FILENAME).read_bytes()
    except OSError:
        return events
    for line in raw.splitlines():
        try:
            events.append(ScanEvent.from_dict(share_json.loads(line)))
        except (ValueError, KeyError, TypeError):
            break
    return events


def _shape(entry: JsonDict) -> OrderShape | None:
    rows: dict[Any, list[Any]] = {}
    for item in entry.get("items") or ():
        if not isinstance(item, dict) or not isinstance(item.get("sku"), str):
            return None
        quantity = item.get("quantity", 1)
        if not isinstance(quantity, int) or quantity < 0:
            return None
        rows.setdefault(item.get("row", item["sku"]), [item["sku"], 0])[1] += quantity
    lines = tuple((sku, units) for sku, units in rows.values() if units > 0)
    return OrderShape(lines) if lines else None


def _offsets(entry: JsonDict) -> list[float]:
    found = []
    for item in entry.get("items") or ():
        value = item.get("time_from_order_start_seconds") if isinstance(item, dict) else None
        if isinstance(value, (int, float)):
            found.append(float(value))
    return found


def list_samples(summary_path: Path, pause_gap: float = DEFAULT_PAUSE_GAP) -> list[OrderSample]:
    """The scored orders of one ended list: counted, completed, with lines and a worker."""
    try:
        doc = share_json.loads(summary_path.read_bytes())
    except (OSError, ValueError) as exc:
        log.warning("scores: %s cannot be read (%s)", summary_path, exc)
        return []
    if not isinstance(doc, dict) or not isinstance(doc.get("orders"), list):
        return []
    timed = journal_active_seconds(_journal(summary_path.parent), pause_gap)
    samples = []
    for entry in doc["orders"]:
        if not isinstance(entry, dict) or entry.get("repack_reason") or entry.get("also_packed"):
            continue
        shape = _shape(entry)
        by = entry.get("completed_by")
        if not isinstance(by, dict):
            by = doc
        worker_id, name = by.get("worker_id"), by.get("worker_name")
        if shape is None or not isinstance(worker_id, str) or not worker_id:
            continue
        seconds = timed.get(str(entry.get("order_number")))
        if seconds is None:
            duration = entry.get("duration_seconds")
            if not isinstance(duration, (int, float)):
                continue
            seconds = offsets_active_seconds(_offsets(entry), float(duration), pause_gap)
        samples.append(OrderSample(worker_id, name if isinstance(name, str) else worker_id,
                                   shape, seconds))
    return samples


def history(layout: ShareLayout, client: str,
            pause_gap: float = DEFAULT_PAUSE_GAP) -> list[OrderSample]:
    return [s for path in summary_paths(layout, client) for s in list_samples(path, pause_gap)]


def cache_path(layout: ShareLayout, client: str) -> Path:
    return layout.sessions_dir(client) / CACHE_FILENAME


def _from_cache(path: Path, stamp: str) -> ClientScores | None:
    try:
        doc = share_json.loads(path.read_bytes())
        if doc.get("version") != CACHE_VERSION or doc.get("fingerprint") != stamp:
            return None
        workers = {str(k): Tally(str(v["worker_name"]), int(v["orders"]), int(v["units"]),
                                 float(v["expected_seconds"]), float(v["active_seconds"]))
                   for k, v in doc["workers"].items()}
        return ClientScores(str(doc["client_id"]), ScoreModel.from_dict(doc["model"]), workers,
                            int(doc["summaries"]), from_cache=True)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _to_cache(scores: ClientScores, stamp: str, pause_gap: float) -> JsonDict:
    return {"version": CACHE_VERSION, "client_id": scores.client, "fingerprint": stamp,
            "pause_gap_seconds": pause_gap, "built_at": now_iso(),
            "summaries": scores.summaries, "model": scores.model.to_dict(),
            "workers": {k: {"worker_name": t.worker_name, "orders": t.orders, "units": t.units,
                            "expected_seconds": round(t.expected_seconds, 3),
                            "active_seconds": round(t.active_seconds, 3)}
                        for k, t in scores.workers.items()}}


def client_scores(layout: ShareLayout, client: str,
                  pause_gap: float = DEFAULT_PAUSE_GAP) -> ClientScores:
    """The client's model and packer totals: from the cache when the summaries are the ones
    it was built from, else fitted again and the cache rewritten (a failed write is logged)."""
    paths = summary_paths(layout, client)
    stamp = fingerprint(paths, layout.root, pause_gap)
    path = cache_path(layout, client)
    cached = _from_cache(path, stamp)
    if cached is not None:
        return cached
    samples = [s for p in paths for s in list_samples(p, pause_gap)]
    model = fit_paced(samples)
    scores = ClientScores(client, model, tallies(samples, model), len(paths), from_cache=False)
    if paths:
        try:
            fileio.atomic_write_json(path, _to_cache(scores, stamp, pause_gap))
        except OSError as exc:
            log.warning("scores: cannot write %s (%s)", path, exc)
    return scores


def share_scores(root: Path, pause_gap: float = DEFAULT_PAUSE_GAP) -> list[ClientScores]:
    """``client_scores`` of every client on the share (unreadable ones logged and left out)."""
    layout = ShareLayout(root)
    found = []
    for client in list_clients(layout):
        try:
            found.append(client_scores(layout, client, pause_gap))
        except (OSError, UnsafeNameError) as exc:
            log.warning("scores: client %s left out (%s)", client, exc)
    return found


def combined(scores: Iterable[ClientScores]) -> dict[str, Tally]:
    """worker_id → their totals over the given clients (each order timed by its client's
    model)."""
    total: dict[str, Tally] = {}
    for client in scores:
        for worker_id, tally in client.workers.items():
            total.setdefault(worker_id, Tally()).add(tally)
    return total
