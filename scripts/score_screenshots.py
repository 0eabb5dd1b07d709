"""Screenshots of the packer scores: the leaderboard and the Workers view's score columns.

Works on its own share with a generated history (``tests/helpers/packing_history.py``): five
packers at different paces, one packing only singles and one only big orders, over two weeks
of ended lists of two clients. Called by ``scripts/screenshots.py``; alone:
``QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1400x1000x24" .venv/bin/python
scripts/score_screenshots.py``.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def settle(app: Any, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


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


def shoot_scores(app: Any, out: Path = OUT) -> None:
    from PySide6.QtWidgets import QDialog, QVBoxLayout

    from packing_tool.storage.layout import ShareLayout
    from packing_tool.ui.leaderboard import leaderboard_dialog
    from packing_tool.ui.runner import TaskRunner
    from packing_tool.ui.worker_view import WorkerView

    root = Path(tempfile.mkdtemp(prefix="score-shots-")) / "share"
    scored_share(root)
    runner = TaskRunner(app)
    board = leaderboard_dialog(ShareLayout(root), 300)
    board.resize(820, 420)
    board.show()
    settle(app, 6.0)
    board.grab().save(str(out / "leaderboard.png"))
    print(f"saved {out / 'leaderboard.png'}")
    board.close()
    workers = QDialog()
    view = WorkerView(ShareLayout(root), runner, pause_gap=300)
    QVBoxLayout(workers).addWidget(view)
    workers.resize(1280, 560)
    workers.show()
    settle(app, 4.0)
    view.table.resizeColumnsToContents()
    rows = view.table.rowCount()
    view.table.setMinimumHeight(view.table.horizontalHeader().height() + 4
                                + sum(view.table.rowHeight(r) for r in range(rows)))
    settle(app, 0.5)
    view.table.grab().save(str(out / "workers_scores.png"))
    print(f"saved {out / 'workers_scores.png'}")
    workers.close()
    runner.shutdown(timeout=10.0)


if __name__ == "__main__":
    import os

    os.environ.setdefault("PACKING_TOOL_HOME", tempfile.mkdtemp(prefix="score-shots-home-"))
    from PySide6.QtWidgets import QApplication

    from packing_tool.ui.themes import apply_theme

    application = QApplication(sys.argv)
    apply_theme(application, "light")
    shoot_scores(application)
