"""Long-lived processes racing for one list's lock, round after round.

    lock_racer.py WORK_DIR OUT_DIR PROCESSES ROUNDS

Starts PROCESSES worker processes (spawn). Each round they meet at a barrier, all try to
acquire at once, write what happened to OUT_DIR/<round>-<worker>.json and meet again; only
then does the winner release, so every loser saw the winner's lock.
"""

from __future__ import annotations

import json
import multiprocessing
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

BARRIER_TIMEOUT = 60.0


def race(index: int, work_dir: Path, out_dir: Path, rounds: int, barrier: object) -> None:
    from packing_tool.storage.lock_info import read_lock
    from packing_tool.storage.session_lock import LockHeldError, SessionLockManager

    wait = barrier.wait  # type: ignore[attr-defined]
    manager = SessionLockManager(worker_id=f"w{index}", worker_name=f"Racer{index}",
                                 heartbeat_seconds=3600)
    for number in range(rounds):
        wait(BARRIER_TIMEOUT)
        lock = None
        try:
            lock = manager.acquire(work_dir)
            on_disk = read_lock(work_dir)
            result = {"won": True, "lock_id": lock.info.lock_id, "worker": f"Racer{index}",
                      "on_disk": on_disk.lock_id if on_disk else None}
        except LockHeldError as exc:
            result = {"won": False, "holder_lock_id": exc.holder.lock_id,
                      "holder_worker": exc.holder.worker_name, "stale": exc.stale,
                      "message": str(exc)}
        (out_dir / f"{number:03d}-{index}.json").write_text(json.dumps(result))
        wait(BARRIER_TIMEOUT)
        if lock is not None:
            manager.release(lock)
    wait(BARRIER_TIMEOUT)
    manager.close()


def main(argv: list[str]) -> int:
    work_dir, out_dir = Path(argv[1]), Path(argv[2])
    processes, rounds = int(argv[3]), int(argv[4])
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(processes)
    workers = [context.Process(target=race, args=(i, work_dir, out_dir, rounds, barrier))
               for i in range(processes)]
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
