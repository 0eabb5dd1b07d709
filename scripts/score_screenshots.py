"""For the screenshots of the packer scores (``scripts/window_shots.py``): a share with a
generated history (``tests/helpers/packing_history.py``): five packers at different paces, one
packing only singles and one only big orders, over two weeks of ended lists of two clients."""

from __future__ import annotations

import random
import sys
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def scored_share(root: Path) -> None:
    from shared.worker_manager import WorkerManager
    from tests.helpers.packing_history import T0, Packer, make_skus, orders_for, write_list

    crew = [Packer("", "Мила", 0.85, "any"), Packer("", "Георги", 1.0, "singles"),
            Packer("", "Ана", 1.0, "multis"), Packer("", "Петър", 1.15, "any"),
            Packer("", "Стефан", 0.95, "any")]
    people = WorkerManager(root)
    crew = [Packer(people.get_or_create(p.name).id, p.name, p.pace, p.kind) for p in crew]
    rng = random.Random(21)
    difficulty = {"M": make_skus(rng, 80), "K": make_skus(rng, 30)}
    for day in range(12):
        for i, packer in enumerate(crew):
            client = "K" if (day + i) % 4 == 0 else "M"
            orders = orders_for(rng, packer, 45, difficulty[client])
            session = f"2026-11-{day + 2:02d}_1"
            write_list(root, client, session, f"List_{i + 1}", packer, orders,
                       start=T0 + timedelta(days=day, hours=i), undo_every=9, pause_every=13)
            units = sum(q for lines, _s in orders for _sku, q in lines)
            people.update_worker_stats(packer.worker_id, sessions=1, orders=len(orders),
                                       items=units,
                                       duration_seconds=sum(s + 4 for _l, s in orders),
                                       session_id=session)
