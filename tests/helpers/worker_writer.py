"""Drive a WorkerManager from its own process, for the multi-process tests.

    worker_writer.py update ROOT GO_FILE WORKER_ID PROCESS COUNT
    worker_writer.py create ROOT GO_FILE PREFIX COUNT

Every process waits for GO_FILE to appear, so they all start racing at the same moment.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def wait_for(go_file: Path) -> None:
    deadline = time.monotonic() + 60
    while not go_file.exists():
        if time.monotonic() > deadline:
            raise SystemExit(f"{go_file} never appeared")
        time.sleep(0.002)


def main(argv: list[str]) -> int:
    from shared.worker_manager import WorkerManager

    mode, root, go_file = argv[1], argv[2], Path(argv[3])
    # Generous limits: 8 processes queue for one lock and each write is fsynced twice.
    manager = WorkerManager(root, max_retries=10, retry_delay=0.05, lock_timeout=30.0)
    wait_for(go_file)
    if mode == "update":
        worker_id, process, count = argv[4], argv[5], int(argv[6])
        for i in range(count):
            manager.update_worker_stats(worker_id, sessions=1, orders=2, items=3,
                                        duration_seconds=10, session_id=f"{process}-{i}")
    elif mode == "create":
        prefix, count = argv[4], int(argv[5])
        for i in range(count):
            manager.create_worker(f"{prefix} {i:02d}")
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
