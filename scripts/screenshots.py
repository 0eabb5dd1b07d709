"""What the screenshot scripts share: waiting for the screen, and a list packed at a packer's
pace. ``scripts/every_window.py`` takes the screenshots (through ``scripts/screenshots``)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CLIENT, SESSION = "M", "2026-11-21_1"


def wait(app: object, condition: Callable[[], bool], timeout: float = 15.0,
         fail: bool = True) -> None:
    """Run the event loop until ``condition`` holds (every screenshot script uses this one);
    after ``timeout``, raise, or with ``fail=False`` just go on."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            if fail:
                raise TimeoutError("the screen did not get ready in time")
            return
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.02)


def settle(app: object, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.02)


def pack_with_a_packers_pace(root: Path, list_name: str, worker_name: str) -> None:
    """Pack and end a list with a clock moving like a packer's hands (for real-looking figures)."""
    from datetime import datetime, timedelta

    from packing_tool.simulate import _pack_order, _Timer
    from packing_tool.storage.layout import ShareLayout
    from packing_tool.storage.packing_session import Worker
    from packing_tool.storage.session_manager import SessionManager, SessionSettings
    from shared.worker_manager import WorkerManager

    moment = [datetime.now().astimezone() - timedelta(hours=2)]

    def clock() -> datetime:
        moment[0] += timedelta(seconds=4 + (moment[0].second * 7) % 9)
        return moment[0]

    profile = WorkerManager(root).get_or_create(worker_name)
    worker = Worker(profile.id, profile.name)
    manager = SessionManager(ShareLayout(root), worker, SessionSettings(debounce_seconds=0.0),
                             clock=clock)
    active = manager.open(CLIENT, SESSION, list_name)
    for order in active.session.logic.packing_list.orders:
        _pack_order(active.session, order, worker, _Timer())
    manager.complete(active)
    manager.close()


if __name__ == "__main__":  # the old entry point: every window, as scripts/screenshots does
    sys.path.insert(0, str(REPO / "scripts"))
    from every_window import main

    sys.exit(main(sys.argv[1:]))
