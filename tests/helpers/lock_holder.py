"""Take one list's lock, say so, then hold it (heartbeating) until killed.

    lock_holder.py WORK_DIR READY_FILE HEARTBEAT_SECONDS

READY_FILE receives the lock as JSON once it is held.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

HOLD_LIMIT = 120.0  # never outlive a test run that forgot to kill us


def main(argv: list[str]) -> int:
    from packing_tool.storage.session_lock import SessionLockManager

    work_dir, ready = Path(argv[1]), Path(argv[2])
    manager = SessionLockManager(worker_id="w_holder", worker_name="Holder",
                                 heartbeat_seconds=float(argv[3]))
    lock = manager.acquire(work_dir)
    tmp = ready.with_name(ready.name + ".tmp")
    tmp.write_text(json.dumps(lock.info.to_dict()))
    os.replace(tmp, ready)
    time.sleep(HOLD_LIMIT)
    manager.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
