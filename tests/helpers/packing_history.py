"""A synthetic packing history with known truth, for the score tests and ``bench/scores.py``.

SKUs differ in how long a unit takes (a few fiddly ones, most easy); orders have 1 to 8
units on 1 to 4 lines; a packer's time for an order is the client's usual time for it times
their own pace (1.0 usual, 0.8 a quarter faster) times noise. ``write_list`` packs such orders
through the real ``PackerLogic`` and writes the journal and ``session_summary.json`` the way
the product does, with optional pauses and undos on top of the packing time.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from packing_tool.domain.packer import PackerLogic
from packing_tool.domain.score_fit import OrderShape
from packing_tool.domain.scores import OrderSample
from packing_tool.storage.journal import ScanJournal
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.summary_file import SUMMARY_FILENAME, SummaryMeta, summary_with_metrics
from shared import fileio
from tests.domain.packer_support import Station, make_list, resolver

T0 = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
Lines = list[tuple[str, int]]


@dataclass(frozen=True)
class Packer:
    worker_id: str
    name: str
    pace: float = 1.0  # multiplies the usual time: 0.8 packs in 80 % of it
    kind: str = "any"  # "singles" (1 unit), "multis" (2 to 8 units) or "any"


def make_skus(rng: random.Random, count: int = 60) -> dict[str, float]:
    """SKU → extra seconds per unit over the usual (most near 0, some slow, a few quick)."""
    return {f"SKU-{i:03d}": round(rng.choice((-1.0, 0.0, 0.0, 1.0, 2.0, 6.0, 12.0))
                                  + rng.uniform(-0.5, 0.5), 2) for i in range(count)}


def make_order(rng: random.Random, skus: Sequence[str], kind: str) -> Lines:
    weights = [1.0 / (i + 1) for i in range(len(skus))]  # a few SKUs sell most
    if kind == "singles" or (kind == "any" and rng.random() < 0.4):
        return [(rng.choices(skus, weights)[0], 1)]
    units = rng.randint(2, 8)
    count = rng.randint(1, min(4, units))
    chosen = list(dict.fromkeys(rng.choices(skus, weights, k=count)))
    split = [1] * len(chosen)
    for _ in range(units - len(chosen)):
        split[rng.randrange(len(chosen))] += 1
    return list(zip(chosen, split, strict=True))


def usual_seconds(lines: Lines, difficulty: dict[str, float]) -> float:
    """The truth behind the data: 6 s an order, 3 s a unit, 5 s a line, plus each SKU's own."""
    units = sum(q for _s, q in lines)
    return 6.0 + 3.0 * units + 5.0 * len(lines) + sum(difficulty[s] * q for s, q in lines)


def packer_seconds(rng: random.Random, packer: Packer, lines: Lines,
                   difficulty: dict[str, float], noise: float = 0.2) -> float:
    factor = math.exp(rng.gauss(0.0, noise) - noise * noise / 2)  # mean 1
    return max(2.0, usual_seconds(lines, difficulty) * packer.pace * factor)


def orders_for(rng: random.Random, packer: Packer, count: int,
               difficulty: dict[str, float]) -> list[tuple[Lines, float]]:
    names = list(difficulty)
    found = []
    for _ in range(count):
        lines = make_order(rng, names, packer.kind)
        found.append((lines, packer_seconds(rng, packer, lines, difficulty)))
    return found


def samples(rng: random.Random, packers: Sequence[Packer], count: int,
            difficulty: dict[str, float]) -> list[OrderSample]:
    """In memory: ``count`` orders per packer, as the share would give them back."""
    return [OrderSample(p.worker_id, p.name, OrderShape(tuple(lines)), seconds)
            for p in packers for lines, seconds in orders_for(rng, p, count, difficulty)]


def write_list(root: Path, client: str, session: str, list_name: str, packer: Packer,
               orders: Sequence[tuple[Lines, float]], *, start: datetime = T0,
               pause_every: int = 0, undo_every: int = 0) -> Path:
    """Pack ``orders`` (lines, active seconds) at one station and end the list: the journal
    and the summary land in the list's work folder. Every ``pause_every``-th order has a
    ten-minute pause before its last scan, every ``undo_every``-th one its first unit scanned,
    undone and scanned again; neither is packing time. Returns the summary's path."""
    plist = make_list({f"#{i + 1:05d}": lines for i, (lines, _s) in enumerate(orders)},
                      name=list_name)
    logic = PackerLogic(plist, order_key=lambda t: t.replace("#", "").strip().casefold(),
                        resolve_item=resolver(None, plist), debounce_seconds=0.0)
    station = Station(logic, worker=(packer.worker_id, packer.name))
    station.now = start
    for number, (order, (_lines, seconds)) in enumerate(zip(plist.orders, orders, strict=True),
                                                       start=1):
        station.scan(order.order_number.lstrip("#"), after=4.0)
        scans = [line.sku for line in order.lines for _ in range(line.quantity)]
        gap = seconds / len(scans)
        for i, sku in enumerate(scans):
            if undo_every and number % undo_every == 0 and i == 0:
                station.scan(sku, after=gap)
                station.undo(after=3.0)
            extra = 600.0 if pause_every and number % pause_every == 0 and i == len(scans) - 1 \
                else 0.0
            if extra:
                station.scan("NO-SUCH-CODE", after=extra)  # back from a break: a misread
            station.scan(sku, after=gap)
    work_dir = ShareLayout(root).work_dir(client, session, list_name)
    journal = ScanJournal(work_dir)
    journal.append_many(station.journal)
    journal.close()
    meta = SummaryMeta(session_id=session, client_id=client, packing_list_name=list_name,
                       started_at=start)
    summary = summary_with_metrics(logic, meta, station.now + timedelta(seconds=1))
    path = work_dir / SUMMARY_FILENAME
    fileio.atomic_write_json(path, summary)
    return path
