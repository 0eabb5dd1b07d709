"""Benchmark: packer scores (docs/scores.md).

Prints one JSON object:
- ``fit``: fitting the model on ``--orders`` orders of history in memory (``--skus`` SKUs,
  ``--packers`` packers of different pace and order mix), median of ``--runs``, with the
  number of sweeps; ``paced_s``, the whole fit the app does (``fit_paced``: the plain fit and
  its pace rounds); and how close each packer's score is to their true pace (the fairness the
  scores promise, on generated data);
- ``share``: the same path the app takes on real files: ``--lists`` ended lists of
  ``--list-orders`` orders (journals and summaries written through ``PackerLogic``), read
  and fitted cold, then read again from the cache;
- ``ui_stall``: the longest gap between 10 ms ticks of a timer on the Qt main thread while
  the task runner fits the in-memory history (paced) and scores it (the UI must not stall for
  100 ms or more).
Usage: python bench/scores.py [--orders 50000] [--skus 2000] [--packers 12] [--lists 60]
       [--list-orders 50] [--runs 3] [--no-ui]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO)]

from packing_tool.domain.score_fit import fit  # noqa: E402
from packing_tool.domain.scores import OrderSample, fit_paced, leaderboard, tallies  # noqa: E402
from packing_tool.storage.layout import ShareLayout  # noqa: E402
from packing_tool.storage.score_history import client_scores  # noqa: E402
from tests.helpers.packing_history import (  # noqa: E402
    T0,
    Packer,
    make_skus,
    orders_for,
    samples,
    write_list,
)

UI_STALL_TARGET_MS = 100.0


def packers(rng: random.Random, count: int) -> list[Packer]:
    kinds = ("singles", "multis", "any")
    return [Packer(f"worker_{i + 1:03d}", f"P{i + 1}", round(rng.uniform(0.75, 1.3), 3),
                   kinds[i % 3]) for i in range(count)]


def pace_error(history: list[OrderSample], crew: list[Packer]) -> float:
    """The largest relative gap between score ratios and true pace ratios (vs the first)."""
    model = fit_paced(history)
    score = {w.worker_id: w.score or 0.0 for w in leaderboard(tallies(history, model))}
    first = crew[0]
    return max(abs((score[p.worker_id] / score[first.worker_id])
                   / (first.pace / p.pace) - 1) for p in crew[1:])


def time_fit(history: list[OrderSample], runs: int) -> dict[str, Any]:
    times = []
    sweeps = 0
    for _ in range(runs):
        start = time.perf_counter()
        model = fit((s.shape, s.seconds) for s in history)
        times.append(time.perf_counter() - start)
        sweeps = model.sweeps
    start = time.perf_counter()
    tallies(history, model)
    tally_s = time.perf_counter() - start
    start = time.perf_counter()
    fit_paced(history)
    return {"orders": len(history), "median_s": round(statistics.median(times), 3),
            "max_s": round(max(times), 3), "sweeps": sweeps, "tally_s": round(tally_s, 3),
            "paced_s": round(time.perf_counter() - start, 3)}


def time_share(rng: random.Random, crew: list[Packer], lists: int, per_list: int,
               difficulty: dict[str, float]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for n in range(lists):
            packer = crew[n % len(crew)]
            write_list(root, "M", f"2026-{1 + n // 28:02d}-{1 + n % 28:02d}_1", f"L{n}", packer,
                       orders_for(rng, packer, per_list, difficulty),
                       start=T0 + timedelta(days=n), undo_every=6, pause_every=11)
        layout = ShareLayout(root)
        start = time.perf_counter()
        cold = client_scores(layout, "M")
        cold_s = time.perf_counter() - start
        start = time.perf_counter()
        warm = client_scores(layout, "M")
        warm_s = time.perf_counter() - start
        return {"lists": lists, "orders": cold.model.orders, "cold_s": round(cold_s, 3),
                "cached_s": round(warm_s, 4), "cache_used": warm.from_cache and not cold.from_cache}


def busy_loop(seconds: float) -> int:
    """Plain Python work for ``seconds``: what any thread beside the UI costs it here."""
    end, count = time.perf_counter() + seconds, 0
    while time.perf_counter() < end:
        count += 1
    return count


def ui_stall(history: list[OrderSample]) -> dict[str, Any]:
    """The fit's worst UI gap, and the worst gap of a plain busy loop of the same length
    (on a loaded machine most of the gap is the scheduler's, not the fit's)."""
    fit_gaps, seconds = gaps_while(lambda: tallies(history, fit_paced(history)))
    busy_gaps, _ = gaps_while(lambda: busy_loop(seconds))
    worst = max(fit_gaps, default=0.0)
    return {"ticks": len(fit_gaps), "max_gap_ms": round(worst, 1),
            "p99_gap_ms": round(sorted(fit_gaps)[int(len(fit_gaps) * 0.99)], 1),
            "busy_loop_max_gap_ms": round(max(busy_gaps, default=0.0), 1),
            "target_ms": UI_STALL_TARGET_MS, "met": worst < UI_STALL_TARGET_MS}


def gaps_while(work: Any) -> tuple[list[float], float]:
    """Gaps between 10 ms timer ticks on the Qt main thread while the task runner does
    ``work``; and how long the work took."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from packing_tool.ui.runner import TaskRunner

    app = QApplication.instance() or QApplication([])
    runner = TaskRunner()
    clock = QElapsedTimer()
    gaps: list[float] = []
    last = [0.0]
    done = [False]

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        gaps.append(now - last[0])
        last[0] = now

    def finished(_model: object) -> None:
        done[0] = True

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    clock.start()
    timer.start()
    runner.submit(work, on_done=finished)
    while not done[0]:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    runner.shutdown(timeout=10.0)
    return gaps[1:] or [0.0], clock.elapsed() / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=50_000)
    parser.add_argument("--skus", type=int, default=2_000)
    parser.add_argument("--packers", type=int, default=12)
    parser.add_argument("--lists", type=int, default=60)
    parser.add_argument("--list-orders", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-ui", action="store_true")
    args = parser.parse_args()
    rng = random.Random(2026)
    difficulty = make_skus(rng, args.skus)
    crew = packers(rng, args.packers)
    history = samples(rng, crew, max(1, args.orders // len(crew)), difficulty)
    result: dict[str, Any] = {"benchmark": "scores", "fit": time_fit(history, args.runs)}
    result["fit"]["max_pace_error"] = round(pace_error(history, crew), 4)
    result["share"] = time_share(rng, crew, args.lists, args.list_orders, difficulty)
    if not args.no_ui:
        result["ui_stall"] = ui_stall(history)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
