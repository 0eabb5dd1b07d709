"""Update the session index from its own process, for the multi-process tests.

    index_writer.py keys ROOT GO_FILE CLIENT SESSION COUNT
        COUNT entries SESSION::List_00.. (one update each)
    index_writer.py fields ROOT GO_FILE CLIENT SESSION LIST PREFIX COUNT
        COUNT updates of one entry, each setting its own field PREFIX_00..

Every process waits for GO_FILE to appear, so they all start racing at the same moment.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "src"), str(REPO)]


def wait_for(go_file: Path) -> None:
    deadline = time.monotonic() + 60
    while not go_file.exists():
        if time.monotonic() > deadline:
            raise SystemExit(f"{go_file} never appeared")
        time.sleep(0.002)


def main(argv: list[str]) -> int:
    import os

    from packing_tool.storage.layout import ShareLayout
    from packing_tool.storage.session_index import update_entry

    mode, layout, go_file, client, session = (
        argv[1], ShareLayout(Path(argv[2])), Path(argv[3]), argv[4], argv[5])
    # These tests check the lock, not durability: the race is the same without fsync, only faster.
    os.fsync = lambda fd: None
    wait_for(go_file)
    if mode == "keys":
        for i in range(int(argv[6])):
            update_entry(layout, client, session, f"List_{i:02d}", status="paused",
                         completed_orders=i)
    elif mode == "fields":
        list_name, prefix, count = argv[6], argv[7], int(argv[8])
        for i in range(count):
            update_entry(layout, client, session, list_name, **{f"{prefix}_{i:02d}": i})
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
