"""Two stations (processes) packing overlapping lists race for the same order, round after round.

    ledger_racer.py ROOT OUT_DIR ROUNDS LIST_A LIST_B

Each process opens its own list of session 2026-11-21_1 of client M through SessionManager,
as its own station (PACKING_TOOL_STATION). Every round both scan the label of the same order
at the same moment (a barrier); a station whose label opened the order scans its first unit
(a label scan draws the order within a frame, its claim possibly still on its way; a unit
waits for the claim's answer). What happened goes to OUT_DIR/<round>-<list>.json; they meet
again, the winner packs the order's other units and a loser that opened it skips it.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

BARRIER_TIMEOUT = 60.0
SESSION = "2026-11-21_1"


def race(index: int, root: Path, out_dir: Path, rounds: int, list_name: str,
         barrier: object, home: str) -> None:
    os.environ["PACKING_TOOL_STATION"] = f"PACK-0{index + 1}"
    os.environ["PACKING_TOOL_HOME"] = f"{home}-{index}"
    from packing_tool.domain.events import EventKind, Outcome
    from packing_tool.storage.layout import ShareLayout
    from packing_tool.storage.packing_session import Worker
    from packing_tool.storage.session_manager import SessionManager, SessionSettings

    wait = barrier.wait  # type: ignore[attr-defined]
    worker = Worker(f"worker_00{index + 1}", ("Иван Петров", "Мария Иванова")[index])
    # A claim is never taken for offline here, however loaded the machine: this is about
    # two claims at the same moment, not about a share that does not answer.
    manager = SessionManager(ShareLayout(root), worker,
                             SessionSettings(debounce_seconds=0.0, claim_wait=30.0))
    active = manager.open("M", SESSION, list_name)
    session = active.session
    orders = session.packing_list.orders
    for number in range(rounds):
        order = orders[number]
        wait(BARRIER_TIMEOUT)
        result = session.scan(order.order_number.lstrip("#"), worker)
        first = None
        if result.outcome is Outcome.ORDER_LOADED:  # the claim may still be on its way
            first = session.scan(order.lines[0].sku, worker)
        (out_dir / f"{number:03d}-{list_name}.json").write_text(json.dumps({
            "order": order.order_number, "outcome": result.outcome.value,
            "detail": result.detail, "first_unit": first.outcome.value if first else None,
            "first_unit_detail": first.detail if first else None,
            "offline": order.order_number in (active.ledger.offline_claims if active.ledger
                                              else set())},
            ensure_ascii=False), encoding="utf-8")
        wait(BARRIER_TIMEOUT)
        if first is not None and first.outcome in (Outcome.ITEM_OK, Outcome.ORDER_COMPLETE):
            units = [line.sku for line in order.lines for _ in range(line.quantity)][1:]
            for sku in units:
                session.scan(sku, worker)
        elif first is not None:
            session.act(EventKind.SKIP, worker)  # put aside: the other station has it
        wait(BARRIER_TIMEOUT)
    manager.pause(active)
    manager.close()


def main(argv: list[str]) -> int:
    root, out_dir, rounds = Path(argv[1]), Path(argv[2]), int(argv[3])
    lists = argv[4:6]
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    workers = [context.Process(target=race, args=(i, root, out_dir, rounds, name, barrier,
                                                  str(out_dir / "home")))
               for i, name in enumerate(lists)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
    failed = [w.exitcode for w in workers if w.exitcode != 0]
    for worker in workers:
        if worker.is_alive():
            worker.kill()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
