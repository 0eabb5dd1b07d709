"""For the screenshots of the packer scores (``scripts/window_shots.py``): a share with a
generated history (``tests/helpers/packing_history.py``): five packers at different paces, one
packing only singles and one only big orders, over two weeks of ended lists of two clients."""

from __future__ import annotations

import json
import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def scored_share(root: Path) -> None:
    from shared.stats_manager import StatsManager
    from shared.worker_manager import WorkerManager
    from tests.helpers.packing_history import T0, Packer, make_skus, orders_for, write_list

    crew = [Packer("", "Мила", 0.85, "any"), Packer("", "Георги", 1.0, "singles"),
            Packer("", "Ана", 1.0, "multis"), Packer("", "Петър", 1.15, "any"),
            Packer("", "Стефан", 0.95, "any")]
    people = WorkerManager(root)
    crew = [Packer(people.get_or_create(p.name).id, p.name, p.pace, p.kind) for p in crew]
    stats, ended = StatsManager(root), []

    def start_of(day: int, i: int) -> datetime:
        return T0 + timedelta(days=day, hours=i)

    rng = random.Random(21)
    difficulty = {"M": make_skus(rng, 80), "K": make_skus(rng, 30)}
    for day in range(12):
        for i, packer in enumerate(crew):
            client = "K" if (day + i) % 4 == 0 else "M"
            orders = orders_for(rng, packer, 45, difficulty[client])
            session = f"2026-11-{day + 2:02d}_1"
            write_list(root, client, session, f"List_{i + 1}", packer, orders,
                       start=start_of(day, i), undo_every=9, pause_every=13)
            units = sum(q for lines, _s in orders for _sku, q in lines)
            seconds = sum(s + 4 for _l, s in orders)
            people.update_worker_stats(packer.worker_id, sessions=1, orders=len(orders),
                                       items=units, duration_seconds=seconds,
                                       session_id=session)
            stats.record_packing(client, session, packer.worker_id, len(orders), units,
                                 worker_name=packer.name, duration_seconds=seconds,
                                 packing_list_name=f"List_{i + 1}")
            ended.append((start_of(day, i) + timedelta(seconds=seconds)).isoformat())
    _dated(stats.stats_file, ended)


def _dated(path: Path, ended: list[str]) -> None:
    """The records carry the time each list ended, as if recorded then (the manager stamps
    the present moment): the worker's chart spreads over the two weeks."""
    from shared import fileio

    doc = json.loads(path.read_text(encoding="utf-8"))
    history = doc["packing_history"]  # in the order recorded
    for record, stamp in zip(history, ended, strict=True):
        record["timestamp"] = stamp
    fileio.atomic_write_json(path, doc)
