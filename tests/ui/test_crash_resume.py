"""After a crash, this PC's own unfinished list opens at once after login, without the
takeover question; a list another PC held still asks.

The crash is real: a separate process opens the list through SessionManager (taking the lock
and recording it in this station's open_lists.json), packs one unit, and is killed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from packing_tool.simulate import label_text
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.lock_info import read_lock
from packing_tool.storage.paths import RootChoice
from packing_tool.storage.session_manager import SessionSettings
from packing_tool.ui import main_window as main_window_module
from packing_tool.ui.main_window import MainWindow
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.work_flow import CRASH_REASON
from shared.worker_manager import WorkerManager

SESSION, LIST = "2026-11-21_1", "DPD_Orders"
ROOT = Path(__file__).resolve().parents[2]

# Opens the list as the app does, scans one label and one unit, says so, then waits to die.
CRASHER = """
import json, sys, time
from pathlib import Path
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.packing_session import Worker
from packing_tool.storage.session_manager import SessionManager
from packing_tool.simulate import label_text
root, ready = Path(sys.argv[1]), Path(sys.argv[2])
worker = Worker("worker_001", "Anna")
manager = SessionManager(ShareLayout(root), worker)
active = manager.open("M", "2026-11-21_1", "DPD_Orders")
order = next(o for o in active.session.logic.packing_list.orders
             if sum(line.quantity for line in o.lines) >= 2)
active.session.scan(label_text(order.order_number), worker)
active.session.scan(order.lines[0].sku, worker)
ready.with_suffix(".tmp").write_text(json.dumps({"order": order.order_number}))
ready.with_suffix(".tmp").replace(ready)  # whole when it appears: the test reads it at once
time.sleep(120)
"""


def crash_while_packing(tmp_path: Path, root: Path) -> str:
    """Run the crasher until it has packed a unit, SIGKILL it; returns the order it opened."""
    ready = tmp_path / "crasher_ready.json"
    err = (tmp_path / "crasher.err").open("wb")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "src")])}
    proc = subprocess.Popen([sys.executable, "-c", CRASHER, str(root), str(ready)], env=env,
                            stdout=subprocess.DEVNULL, stderr=err)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                break
            time.sleep(0.02)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        err.close()
    if not ready.exists():
        pytest.fail("the crasher never opened the list: "
                    + (tmp_path / "crasher.err").read_text(errors="replace"))
    return str(json.loads(ready.read_text())["order"])


@pytest.fixture
def open_window(qtbot: QtBot, share_root: Path) -> Iterator[Callable[[], MainWindow]]:
    """Starts the station's window (after the crash, as a packer would)."""
    made: list[tuple[MainWindow, TaskRunner]] = []

    def start() -> MainWindow:
        WorkerManager(share_root).get_or_create("Anna")
        runner = TaskRunner()
        win = MainWindow(RootChoice(share_root, False, "test"), runner,
                         settings=SessionSettings(debounce_seconds=0.0, share_timeout=10),
                         sound=False)
        qtbot.addWidget(win)
        made.append((win, runner))
        with qtbot.waitExposed(win):
            win.show()
        return win

    yield start
    for win, runner in made:
        win.close()
        runner.shutdown(2.0)


def log_in(qtbot: QtBot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: len(win.login.cards()) == 1, timeout=10000)
    qtbot.mouseClick(win.login.cards()[0], Qt.MouseButton.LeftButton)


def history(work: Path) -> list[dict[str, object]]:
    path = work / "lock_history.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_own_crashed_list_resumes_at_once_after_login(
        qtbot: QtBot, tmp_path: Path, share_root: Path, monkeypatch: pytest.MonkeyPatch,
        open_window: Callable[[], MainWindow]) -> None:
    asked: list[str] = []
    monkeypatch.setattr(main_window_module, "ask_take_over",
                        lambda _parent, text: asked.append(text) or False)
    order = crash_while_packing(tmp_path, share_root)
    work = ShareLayout(share_root).work_dir("M", SESSION, LIST)
    dead = read_lock(work)
    assert dead is not None
    assert dead.owner_gone()

    win = open_window()
    log_in(qtbot, win)
    qtbot.waitUntil(lambda: win.packer is not None, timeout=15000)
    assert asked == []
    assert win.pages.currentWidget() is win.packer_page
    mode = win.packer
    assert mode is not None
    # The journal was replayed: the order the crashed program opened is open with its unit.
    current = mode.logic.current_order
    assert current is not None
    assert current.order_number == order
    assert mode.logic.progress.units_packed == 1
    lock = read_lock(work)
    assert lock is not None
    assert lock.process_id == os.getpid()
    assert history(work)[-1]["reason"] == CRASH_REASON
    # A label scan goes on where it stopped: the order is already open, not a new one.
    qtbot.keyClicks(mode.scan_input, label_text(order))
    qtbot.keyClick(mode.scan_input, Qt.Key.Key_Return)
    assert mode.logic.progress.units_packed == 1


def test_a_list_held_by_another_pc_still_asks(
        qtbot: QtBot, tmp_path: Path, share_root: Path, monkeypatch: pytest.MonkeyPatch,
        open_window: Callable[[], MainWindow]) -> None:
    asked: list[str] = []
    monkeypatch.setattr(main_window_module, "ask_take_over",
                        lambda _parent, text: asked.append(text) or False)
    crash_while_packing(tmp_path, share_root)
    work = ShareLayout(share_root).work_dir("M", SESSION, LIST)
    lock_path = work / ".session.lock"
    doc = json.loads(lock_path.read_text(encoding="utf-8"))
    # The same list, but its lock names another PC whose heartbeat stopped long ago.
    doc.update(host="PACK-OTHER", locked_by="PACK-OTHER",
               heartbeat="2026-01-01T08:00:00+00:00")
    lock_path.write_text(json.dumps(doc), encoding="utf-8")

    win = open_window()
    log_in(qtbot, win)
    qtbot.waitUntil(win.resume_bar.isVisible, timeout=15000)
    assert win.packer is None  # not opened by itself: it was another PC's
    qtbot.mouseClick(win.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked), timeout=15000)
    assert "PACK-OTHER" in asked[0]
    assert win.packer is None
    assert read_lock(work).host == "PACK-OTHER"  # type: ignore[union-attr]
