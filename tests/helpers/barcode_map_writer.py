"""Edit one client's barcode map from its own process, for the multi-process tests.

    barcode_map_writer.py ROOT CLIENT GO_FILE PREFIX COUNT [DELETE_BARCODE...]

Waits for GO_FILE, then sets ``PREFIX-<i>`` → ``SKU-PREFIX-<i>`` for i < COUNT, one locked
edit each, deleting the DELETE_BARCODEs along the way.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))


def main(argv: list[str]) -> int:
    from packing_tool.storage.barcode_maps import BarcodeMapStore
    from packing_tool.storage.layout import ShareLayout

    root, client, go_file, prefix, count = argv[1], argv[2], Path(argv[3]), argv[4], int(argv[5])
    deletes = argv[6:]
    # A generous lock timeout: several processes queue for one byte-0 lock.
    store = BarcodeMapStore(ShareLayout(Path(root)), client, timeout=30.0)
    deadline = time.monotonic() + 60
    while not go_file.exists():
        if time.monotonic() > deadline:
            raise SystemExit(f"{go_file} never appeared")
        time.sleep(0.002)
    for i in range(count):
        store.set(f"{prefix}-{i}", f"SKU-{prefix}-{i}")
        if i < len(deletes):
            store.delete(deletes[i])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
