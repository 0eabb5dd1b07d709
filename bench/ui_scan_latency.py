"""Benchmark: scan to feedback in the window, and the app's start time.

Scan to feedback: a 1,000-order list open in packer mode (through SessionManager, so the
journal line is fsynced on the station's disk); each scan is typed into ``scanInput`` as key
events, Enter pressed, and the event loop run until the window has repainted. Start time: a
fresh process from its first line to the main window shown (plus the bare interpreter start).
Whole-process start (``process_start``): ``python -m packing_tool.cli --root <demo copy>
--quit-after 0.5`` as a packer starts the app (settings, logging, theme, main window), with a
temp PACKING_TOOL_HOME shared by the repeats (the first is a first start on this station);
from spawn to the time stamp of the app's log line "window shown" (written synchronously to
PACKING_TOOL_HOME/logs), median of ``--starts``.
Order ledger: ``--ledger-history N`` packs the list with N orders of the client's history
already in its ledger (``bench/_ledger_history.py``, cached between runs); every label scan
claims its order through the ledger as in the app. ``label_scans`` are the label scans alone
(the ones that wait for the claim); ``ledger.claim_wait`` is the time inside those scans spent
waiting for the claim's answer (``ListLedger.claim``: the round trip to the ``order-ledger``
thread and the exclusive create on the share). A label scan waits at most
``claim_answer_wait`` (2 ms) for its claim, then draws the order with the claim on its way
(``ledger.label_scans_before_the_claim_answered`` counts those). After opening the list the
benchmark waits, untimed, for the ledger's first look at the list's untouched orders
(``ledger.first_look_s``; until then a label waits for its claim's answer). By default it waits,
untimed, after each label until its claim is answered (a packer's first item comes seconds
after the label) and after each finished order until the ledger has its packed mark, as a
packer's next label comes seconds later; ``--no-ledger-pace`` scans straight on (a label
scanned while the ledger is still busy is claimed offline, without waiting:
``ledger.offline_claims`` counts them).
Prints one JSON object. Targets (design §4): p99 under 30 ms; start under 2 s.
``--share-dir DIR`` puts the share in DIR (an SMB mount: ``scripts/smb_bench.py``) while the
station's own folder (its journal, its ledger cache) stays on the local disk, as at a station.
Usage: python bench/ui_scan_latency.py [--orders 1000] [--starts 3] [--platform offscreen]
       [--ledger-history 0] [--no-ledger-pace] [--share-dir DIR] [--scans-only]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO), str(REPO / "bench")]

from _ledger_history import attached  # noqa: E402

START_PROBE = """
import time, sys
t0 = time.perf_counter()
sys.path[:0] = [{src!r}, {repo!r}]
from PySide6.QtWidgets import QApplication
from packing_tool.storage.paths import resolve_root
from packing_tool.ui.main_window import MainWindow
from packing_tool.ui.runner import TaskRunner
app = QApplication([])
window = MainWindow(resolve_root({root!r}), TaskRunner(app))
window.show()
app.processEvents()
print(time.perf_counter() - t0)
runner = window.runner
window.close()
runner.shutdown(1.0)
"""


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"p50_ms": round(statistics.median(ordered), 3),
            "p99_ms": round(ordered[int(0.99 * (len(ordered) - 1))], 3),
            "max_ms": round(ordered[-1], 3)}


def scan_latency(orders: int, root: Path, ledger_history: int = 0,
                 ledger_pace: bool = True, station: Path | None = None) -> dict[str, object]:
    from PySide6.QtWidgets import QApplication

    from packing_tool.storage.generated import write_generated_session

    app = QApplication.instance() or QApplication([])
    write_generated_session(root, "M", "2026-11-21_1", "Bench", orders)
    with attached(root, "M", ledger_history) as history:
        result = _scan_all(app, orders, root, ledger_pace, station or root.parent / "station")
    result["ledger"] = {"history_records": history.get("records", 0),
                        "paced": ledger_pace, **result["ledger"]}  # type: ignore[dict-item]
    return result


def _scan_all(app: object, orders: int, root: Path, ledger_pace: bool,
              station: Path) -> dict[str, object]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from packing_tool.storage.layout import ShareLayout
    from packing_tool.storage.packing_session import Worker
    from packing_tool.storage.session_manager import SessionManager, SessionSettings
    from packing_tool.ui.packer_mode import PackerMode
    from packing_tool.ui.sounds import SoundPlayer

    worker = Worker("worker_001", "Bench")
    manager = SessionManager(ShareLayout(root), worker, SessionSettings(debounce_seconds=0.0),
                             local_root=station)
    active = manager.open("M", "2026-11-21_1", "Bench")
    opened = time.perf_counter()
    looked = active.ledger.looked.wait(60.0)  # untimed, as a packer takes the first box
    first_look_s = time.perf_counter() - opened
    mode = PackerMode(active.session, worker, sounds=SoundPlayer(muted=True))
    mode.resize(1280, 800)
    mode.show()
    app.processEvents()  # type: ignore[attr-defined]
    codes = []  # (code, is the order's label, is the order's last scan)
    for order in active.session.logic.packing_list.orders:
        items = [line.sku for line in order.lines for _ in range(line.quantity)]
        codes.append((re.sub(r"[^A-Za-z0-9_-]", "", order.order_number), True, not items))
        codes.extend((sku, False, n == len(items) - 1) for n, sku in enumerate(items))
    samples, labels, claims = [], [], []
    unsettled = pending = 0
    ledger = active.ledger
    real_claim = ledger.claim

    def timed_claim(number: str, **how: bool) -> object:  # a label scan's time on the ledger
        start = time.perf_counter()
        try:
            return real_claim(number, **how)
        finally:
            claims.append((time.perf_counter() - start) * 1000)

    ledger.claim = timed_claim  # type: ignore[method-assign]
    field = mode.scan_input
    for code, label, last in codes:
        field.setText(code)  # the scanner's keystrokes; Enter is the timed part
        start = time.perf_counter()
        QTest.keyClick(field, Qt.Key.Key_Return)
        app.processEvents()  # type: ignore[attr-defined]  # banner, row, progress repainted
        took = (time.perf_counter() - start) * 1000
        samples.append(took)
        if label:
            labels.append(took)
            pending += code_pending(ledger)
        if (label or last) and ledger_pace:
            # Untimed: the packer picks the items, or takes the next box. The window's event
            # loop runs meanwhile, as it does between a packer's scans (timers, panels).
            unsettled += 0 if active.ledger.flush(10.0) else 1
            QTest.qWait(PAUSE_MS)
    packed = active.session.logic.progress.orders_complete
    drained = ledger.flush(30.0)
    figures = {"offline_claims": len(ledger.offline_claims), "conflicts": len(ledger.conflicts),
               "label_scans_before_the_claim_answered": pending,
               "first_look_s": round(first_look_s, 3) if looked else None,
               "orders_not_settled": unsettled, "drained_at_end": drained,
               "bytes_written": getattr(ledger.ledger, "bytes_written", None),
               "claim_wait": _percentiles(claims) if claims else None}
    mode.close()
    manager.close()
    return {"orders": orders, "scans": len(codes), "orders_packed": packed,
            **_percentiles(samples), "label_scans": {"scans": len(labels),
                                                     **_percentiles(labels)},
            "ledger": figures}


PAUSE_MS = 40  # the event loop's share of a packer's seconds between orders (untimed)


def code_pending(ledger: Any) -> int:
    """1 when the label scan just drawn left its order's claim on its way (not yet answered)."""
    return 1 if ledger.pending else 0


def start_time(root: Path) -> dict[str, float]:
    env = {**os.environ, "PACKING_TOOL_HOME": str(root.parent / "start-home")}
    code = START_PROBE.format(src=str(REPO / "src"), repo=str(REPO), root=str(root))
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True, env=env)
    bare = time.perf_counter() - t0
    probe = subprocess.run([sys.executable, "-c", code], check=True, env=env,
                           capture_output=True, text=True)
    inside = float(probe.stdout.strip().splitlines()[-1])
    return {"interpreter_s": round(bare, 3), "to_window_shown_s": round(inside, 3),
            "total_s": round(bare + inside, 3)}


SHOWN_LINE = "window shown in "
STAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%f"  # logging_setup's asctime.msecs, local time


def _shown_at(log_file: Path, offset: int) -> tuple[float, float] | None:
    """(wall time stamp, seconds the app reported) of the first "window shown" line."""
    try:
        with open(log_file, "rb") as fh:
            fh.seek(offset)
            text = fh.read().decode("utf-8", "replace")
    except OSError:
        return None
    for line in text.splitlines():
        if SHOWN_LINE in line:
            stamp = datetime.strptime(line.split(" ", 1)[0], STAMP_FORMAT).timestamp()
            return stamp, float(line.split(SHOWN_LINE, 1)[1].split()[0])
    return None


def process_start(root: Path, home: Path, timeout: float = 60.0) -> dict[str, float]:
    """One real app process: spawn to its "window shown" log line, then its clean exit."""
    log_file = home / "logs" / "packing_tool.log"
    offset = log_file.stat().st_size if log_file.is_file() else 0
    env = {**os.environ, "PACKING_TOOL_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO)])}
    command = [sys.executable, "-m", "packing_tool.cli", "--root", str(root),
               "--quit-after", "0.5"]
    spawned = time.time()
    proc = subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    shown = None
    deadline = time.monotonic() + timeout
    while shown is None and time.monotonic() < deadline:
        shown = _shown_at(log_file, offset)
        if shown is None and proc.poll() is not None:
            break
        time.sleep(0.01)
    try:
        _, err = proc.communicate(timeout=max(1.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    if shown is None or proc.returncode != 0:
        raise RuntimeError(f"app start failed (exit {proc.returncode}, window shown: "
                           f"{shown is not None}): {err[-2000:]}")
    return {"spawn_to_window_shown_s": round(shown[0] - spawned, 3),
            "run_to_window_shown_s": shown[1]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orders", type=int, default=1000)
    parser.add_argument("--starts", type=int, default=3,
                        help="whole-process app starts; the median is reported (default 3)")
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--ledger-history", type=int, default=0, metavar="N",
                        help="orders of history in the client's order ledger (default 0)")
    parser.add_argument("--no-ledger-pace", dest="ledger_pace", action="store_false",
                        help="scan the next label without waiting for the ledger's packed mark")
    parser.add_argument("--share-dir", type=Path, default=None, metavar="DIR",
                        help="put the share in DIR (e.g. an SMB mount); the station's own "
                        "folder stays in the local temp folder")
    parser.add_argument("--scans-only", action="store_true",
                        help="skip the start-time measurements")
    args = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = args.platform
    with tempfile.TemporaryDirectory(prefix="ui-bench-") as tmp:
        os.environ["PACKING_TOOL_HOME"] = str(Path(tmp) / "home")
        share = (Path(tempfile.mkdtemp(prefix="ui-bench-", dir=args.share_dir))
                 if args.share_dir else Path(tmp))
        try:
            scans = scan_latency(args.orders, share / "server", args.ledger_history,
                                 args.ledger_pace, Path(tmp) / "station")
        finally:
            if args.share_dir:
                shutil.rmtree(share, ignore_errors=True)
        demo = Path(tmp) / "demo"
        from packing_tool.storage.paths import ensure_demo_root

        started: dict[str, float] | None = None
        starts = []
        if not args.scans_only:
            ensure_demo_root(demo)
            started = start_time(demo)
            starts = [process_start(demo, Path(tmp) / "app-home") for _ in range(args.starts)]
    median = statistics.median(s["spawn_to_window_shown_s"] for s in starts) if starts else None
    print(json.dumps({
        "benchmark": "ui_scan_latency", "platform": args.platform, "scan_to_feedback": scans,
        "start": started,
        "process_start": {"runs": starts, "command": "python -m packing_tool.cli --root DEMO "
                          "--quit-after 0.5 (offscreen)"},
        "process_start_to_window_s": median,
        "targets": {"scan_p99_ms": {"target": 30.0, "measured": scans["p99_ms"]},
                    "start_s": {"target": 2.0,
                                "measured": started["total_s"] if started else None},
                    "process_start_to_window_s": {"target": 2.0, "measured": median}},
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
