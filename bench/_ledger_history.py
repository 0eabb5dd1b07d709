"""A client's order ledger with years of history, generated fast and cached between runs.

``ensure_history(count)`` writes ``count`` packed orders (``#200000`` upwards, so never a
generated list's ``#100000…`` orders) as the ledger stores them: one ``LedgerEntry`` file per
order, built with ``LedgerEntry``/``Mark(...).to_bytes()``, spread over the 256 shard folders
by ``ledger_entry.shard``. Files are written with plain writes (no temp file, no fsync), then
the disk is synced once so their write-back does not fall into a measurement. The result is
kept under ``$PACKING_LEDGER_HISTORY_CACHE`` (default ``<tmp>/packing-ledger-history``), one
folder per client, count and format, with a ``complete.json`` written last; a later run reuses
it after checking every shard folder (missing records are written again, anything else in the
folders is removed).

``attached(root, client, count)`` puts that history under a share root: the client's
``order_ledger`` folder becomes a link to the cached one, so a benchmark's claims and packed
marks land among the 500,000 records the way they would on the share. What the benchmark adds
(its own records, temp files, ``audit.jsonl``, ``conflicts/``) is removed on the way out and
again on the next check, so the cache always holds the history alone.

Content, close to three years of a busy client: about 460 orders a day from 2023-12-01, lists
named after couriers (and full-session mode), 6 stations, 12 packers; 2 % of the orders were
re-packed once with a reason, 0.5 % were claimed offline.

Usage (warm the cache): python bench/_ledger_history.py [--count 500000] [--client M]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "src") not in sys.path:
    sys.path[:0] = [str(REPO / "src"), str(REPO)]

from packing_tool.storage.layout import ShareLayout  # noqa: E402
from packing_tool.storage.ledger_entry import (  # noqa: E402
    LEDGER_DIR,
    LedgerEntry,
    Mark,
    file_stem,
    shard,
)

FORMAT = 1  # bump when the generated content changes: older caches are then not reused
FIRST_NUMBER = 200_000  # generated lists use #100000 upwards: no history order is in them
MARKER = "complete.json"
SYNC_FROM = 10_000  # histories this large are synced to disk before they are used
ORDERS_PER_DAY = 460
START = datetime(2023, 12, 1, 8, 0, tzinfo=timezone(timedelta(hours=2)))
LISTS = ("DHL_Orders", "DPD_Orders", "PostOne_Orders", "Singles", "full_session")
STATIONS = tuple(f"PACK-{n:02d}" for n in range(1, 7))
WORKERS = (("worker_001", "Иван Петров"), ("worker_002", "Мария Иванова"),
           ("worker_003", "Georgi Dimitrov"), ("worker_004", "Elena Stoyanova"),
           ("worker_005", "Petar Nikolov"), ("worker_006", "Анна Георгиева"),
           ("worker_007", "Nikolay Todorov"), ("worker_008", "Desislava Koleva"),
           ("worker_009", "Стефан Василев"), ("worker_010", "Yana Angelova"),
           ("worker_011", "Kristian Marinov"), ("worker_012", "Ралица Христова"))
REASONS = ("wrong item found at dispatch", "customer called: add a gift note",
           "box damaged, packed again", "courier changed")


def cache_root() -> Path:
    base = os.environ.get("PACKING_LEDGER_HISTORY_CACHE")
    return Path(base) if base else Path(tempfile.gettempdir()) / "packing-ledger-history"


def history_dir(count: int, client: str = "M") -> Path:
    """The cached ``order_ledger`` folder of ``count`` orders of ``client``."""
    return cache_root() / f"CLIENT_{client}-{count}-v{FORMAT}"


def number(i: int) -> str:
    return f"#{FIRST_NUMBER + i}"


def record(i: int, client: str, rng: random.Random) -> LedgerEntry:
    """History order ``i``: packed once (sometimes offline, sometimes re-packed later)."""
    at = START + timedelta(seconds=i * 86400 / ORDERS_PER_DAY + rng.randrange(60))
    day = at.date().isoformat()
    worker_id, worker_name = WORKERS[rng.randrange(len(WORKERS))]
    packed = Mark(f"{day}_{1 + rng.randrange(3)}", LISTS[rng.randrange(len(LISTS))],
                  STATIONS[rng.randrange(len(STATIONS))], worker_id, worker_name,
                  at.isoformat(timespec="microseconds"), offline=rng.random() < 0.005)
    repacks: tuple[Mark, ...] = ()
    if rng.random() < 0.02:
        later = at + timedelta(hours=1 + rng.randrange(48))
        other_id, other_name = WORKERS[rng.randrange(len(WORKERS))]
        repacks = (Mark(f"{later.date().isoformat()}_1", packed.list_name,
                        STATIONS[rng.randrange(len(STATIONS))], other_id, other_name,
                        later.isoformat(timespec="microseconds"),
                        reason=REASONS[rng.randrange(len(REASONS))],
                        done_at=(later + timedelta(minutes=3)).isoformat(
                            timespec="microseconds")),)
    key = str(FIRST_NUMBER + i)
    return LedgerEntry(number(i), key, client, packed=packed, repacks=repacks)


def _expected(count: int) -> dict[str, set[str]]:
    """Shard folder → the file names of the history orders in it."""
    names: dict[str, set[str]] = {f"{n:02x}": set() for n in range(256)}
    for i in range(count):
        key = str(FIRST_NUMBER + i)
        names[shard(key)].add(f"{file_stem(key)}.json")
    return names


def _write(orders: Path, indices: list[int], client: str) -> int:
    """Write the records ``indices`` (plain writes); returns the bytes written."""
    total = 0
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    for i in indices:
        entry = record(i, client, random.Random(i))  # per order: any subset is reproducible
        data = entry.to_bytes()
        fd = os.open(orders / shard(entry.key) / f"{file_stem(entry.key)}.json", flags, 0o644)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
        total += len(data)
    return total


def _write_all(orders: Path, count: int, client: str) -> int:
    """Every record, in parallel processes, each with its own shard folders (building the JSON
    is half the time; two writers in one folder wait for each other)."""
    workers = min(os.cpu_count() or 1, 8)
    if count < 20_000 or workers < 2:
        return _write(orders, list(range(count)), client)
    by_shard: dict[str, list[int]] = {}
    for i in range(count):
        by_shard.setdefault(shard(str(FIRST_NUMBER + i)), []).append(i)
    parts: list[list[int]] = [[] for _ in range(workers * 4)]
    for n, name in enumerate(sorted(by_shard)):
        parts[n % len(parts)].extend(by_shard[name])
    with ProcessPoolExecutor(workers) as pool:
        return sum(pool.map(_write, [orders] * len(parts), parts, [client] * len(parts)))


def _check(folder: Path, count: int, client: str) -> dict[str, int]:
    """Remove what is not history, write what is missing; returns what was done."""
    orders = folder / "orders"
    removed = missing = 0
    expected = _expected(count)
    for extra in (folder / "audit.jsonl", folder / "conflicts"):
        if extra.is_dir():
            shutil.rmtree(extra)
            removed += 1
        elif extra.exists():
            extra.unlink()
            removed += 1
    lost: list[int] = []
    for name, wanted in expected.items():
        sub = orders / name
        sub.mkdir(parents=True, exist_ok=True)
        present = set(os.listdir(sub))
        for stray in present - wanted:
            path = sub / stray
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
            removed += 1
        if wanted - present:
            absent = wanted - present
            lost.extend(int(n.removesuffix(".json")) - FIRST_NUMBER for n in absent)
    if lost:
        _write(orders, sorted(lost), client)
        missing = len(lost)
    return {"removed": removed, "rewritten": missing}


def ensure_history(count: int, client: str = "M") -> dict[str, Any]:
    """The cached history of ``count`` orders, generated if needed; returns its description
    (``folder``, ``records``, ``bytes``, ``generated_s`` or ``checked_s``)."""
    folder = history_dir(count, client)
    marker = folder / MARKER
    try:
        info: dict[str, Any] = json.loads(marker.read_text("utf-8"))
        ok = info.get("records") == count and info.get("format") == FORMAT
    except (OSError, ValueError):
        ok = False
    start = time.perf_counter()
    if ok:
        fixed = _check(folder, count, client)
        return {**info, "folder": str(folder), "cached": True, **fixed,
                "checked_s": round(time.perf_counter() - start, 2)}
    if folder.exists():
        shutil.rmtree(folder)
    orders = folder / "orders"
    for n in range(256):
        (orders / f"{n:02x}").mkdir(parents=True, exist_ok=True)
    written = _write_all(orders, count, client)
    wrote = time.perf_counter()
    if count >= SYNC_FROM and hasattr(os, "sync"):
        os.sync()  # the write-back happens now, not during the benchmark
    seconds = round(time.perf_counter() - start, 2)
    info = {"format": FORMAT, "client": client, "records": count, "bytes": written,
            "first_order": number(0), "last_order": number(count - 1) if count else None,
            "generated_s": seconds, "synced_s": round(time.perf_counter() - wrote, 2)}
    marker.write_text(json.dumps(info), "utf-8")
    return {**info, "folder": str(folder), "cached": False}


@contextlib.contextmanager
def attached(root: Path, client: str, count: int) -> Iterator[dict[str, Any]]:
    """``root``'s ledger of ``client`` holds ``count`` orders of history while inside (none:
    ``count`` 0 leaves the share's ledger as it is, empty)."""
    if count <= 0:
        yield {"records": 0}
        return
    info = ensure_history(count, client)
    sessions = ShareLayout(root).sessions_dir(client)
    sessions.mkdir(parents=True, exist_ok=True)
    place, cached = sessions / LEDGER_DIR, Path(info["folder"])
    if place.is_symlink() or place.exists():
        raise FileExistsError(f"{place} exists: attach the history before the ledger is used")
    # Moved in, not linked: the station refuses links on the share (a hostile share).
    moved = True
    try:
        os.rename(cached, place)
    except OSError:  # another file system: a copy, dropped afterwards
        shutil.copytree(cached, place)
        moved = False
    try:
        yield info
    finally:
        if moved:
            os.rename(place, cached)
            _check(cached, count, client)
        else:
            shutil.rmtree(place, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=500_000)
    parser.add_argument("--client", default="M")
    args = parser.parse_args()
    print(json.dumps(ensure_history(args.count, args.client)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
