"""Design §4's targets and how each is read from a benchmark's JSON (used by run_all.py).

``TARGETS`` rows: (what, target text, limit for "measured < limit" or None, benchmark, key
read, reader). A reader returns (measured, met or None to use the limit, at target size).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

JsonDict = dict[str, Any]
SAME_WITHIN = 0.10  # "independent of list size": largest list's bytes/scan within 10 %
STALL_LIMIT_MS = 100.0  # "never blocking": no event-loop gap this long (a noticed freeze)


def _get(doc: Any, *keys: str | int) -> Any:
    for key in keys:
        try:
            doc = doc[key]
        except (KeyError, IndexError, TypeError):
            return None
    return doc


def _largest_run(result: JsonDict) -> JsonDict | None:
    runs = [r for r in result.get("runs") or [] if isinstance(r, dict)]
    return max(runs, key=lambda r: int(r.get("orders") or 0)) if runs else None


def _logic(result: JsonDict) -> tuple[Any, Any, bool]:
    run = _largest_run(result)
    return _get(run, "logic", "p99_ms"), None, _get(run, "orders") == 5000


def _scan_in_window(result: JsonDict) -> tuple[Any, Any, bool]:
    figures = result.get("scan_to_feedback") or {}
    return figures.get("p99_ms"), None, figures.get("orders") == 1000


def _bytes(result: JsonDict) -> tuple[Any, Any, bool]:
    runs = sorted((r for r in result.get("runs") or [] if isinstance(r, dict)
                   and isinstance(r.get("share_bytes_per_scan"), int | float)),
                  key=lambda r: int(r.get("orders") or 0))
    if not runs:
        return None, None, False
    measured = {str(r.get("orders")): r["share_bytes_per_scan"] for r in runs}
    low, high = runs[0]["share_bytes_per_scan"], runs[-1]["share_bytes_per_scan"]
    met = len(runs) >= 2 and low > 0 and abs(high / low - 1) <= SAME_WITHIN
    sizes = {int(r.get("orders") or 0) for r in runs}
    return measured, met, {1000, 5000} <= sizes


def _open_list(result: JsonDict) -> tuple[Any, Any, bool]:
    run = _largest_run(result)  # the whole open (lock, journal, list); load_list_s is a part
    return _get(run, "open_session_s"), None, _get(run, "orders") == 5000


def _browser(result: JsonDict) -> tuple[Any, Any, bool]:
    figures = [result.get(k) for k in ("cold_s", "warm_s")]
    known = [f for f in figures if isinstance(f, int | float)]
    return (max(known) if known else None), None, result.get("sessions") == 2000


def _stall(result: JsonDict) -> tuple[Any, Any, bool]:
    worst, p99 = result.get("max_gap_ms"), result.get("p99_gap_ms")
    if not isinstance(worst, int | float):
        return None, None, False
    return ({"max_gap_ms": worst, "p99_gap_ms": p99}, worst < STALL_LIMIT_MS,
            result.get("sessions") == 2000)


def _stats(result: JsonDict) -> tuple[Any, Any, bool]:
    runs = [r for r in result.get("runs") or [] if isinstance(r, dict)]
    if not runs:
        return None, None, False
    lost = sum(int(r.get("lost_records") or 0) for r in runs)
    failed = sum(int(r.get("failed_processes") or 0) for r in runs)
    met = lost == 0 and failed == 0 and result.get("any_record_lost") is False
    size = result.get("processes") == 8 and result.get("records_per_process") == 100
    return {"lost_records": lost, "failed_processes": failed, "runs": len(runs)}, met, size


def _start(result: JsonDict) -> tuple[Any, Any, bool]:
    return result.get("process_start_to_window_s"), None, True


Reader = Callable[[JsonDict], tuple[Any, Any, bool]]
# (what, target text, limit for "measured < limit" or None, benchmark, key read, reader)
TARGETS: list[tuple[str, str, float | None, str, str, Reader]] = [
    ("one scan, logic only, 5,000-order list", "p99 under 1 ms", 1.0,
     "scan_latency", "runs[largest].logic.p99_ms", _logic),
    ("one scan, end to end in the window, 1,000-order list", "p99 under 30 ms", 30.0,
     "ui_scan_latency", "scan_to_feedback.p99_ms", _scan_in_window),
    ("bytes written to the share per scan", "independent of list size", None,
     "scan_latency", "runs[].share_bytes_per_scan", _bytes),
    ("open a 5,000-order packing list", "under 1 s", 1.0,
     "scan_latency", "runs[largest].open_session_s", _open_list),
    ("Session Browser, 2,000 sessions of one client", "first rows under 1 s", 1.0,
     "browser_stall", "max(cold_s, warm_s)", _browser),
    ("Session Browser never blocks the window while loading", "never blocking the window",
     None, "browser_stall", "max_gap_ms, p99_gap_ms", _stall),
    ("8 processes x 100 record_packing on one stats file", "no record lost, every time", None,
     "stats_contention", "runs[].lost_records, runs[].failed_processes", _stats),
    ("app start to window shown", "under 2 s", 2.0,
     "ui_scan_latency", "process_start_to_window_s", _start),
]
# What each figure covers, where it is narrower or wider than the target's words.
SCOPE: dict[str, str] = {
    "one scan, end to end in the window, 1,000-order list":
        "Enter in scanInput until the event loop has repainted; offscreen, sounds muted",
    "bytes written to the share per scan":
        "everything written under the share while packing through SessionManager: journal "
        "appends, packing_state.json rewrites (whole file, once the changes since the last "
        "rewrite paid 256 B each for its size, after 1 s without scans), index and "
        "session_info updates; the whole list at a packer's pace (a pause after each order "
        "while a rewrite is due); share_bytes_per_scan covers whole state-writer cycles; "
        "runs[].journal_bytes_per_scan is the journal alone, runs[].share_writes.whole_run the "
        "whole list including the final rewrite on pause",
    "open a 5,000-order packing list":
        "SessionManager.open: lock, list read, barcode index, journal; the list read alone "
        "is load_list_s in the result",
    "Session Browser, 2,000 sessions of one client":
        "the SessionBrowser widget offscreen with the TaskRunner: from building it until client "
        "M's rows are painted; worst of cold (no packing_index.json) and warm (median); "
        "bench/session_index.py times storage load_rows alone",
    "Session Browser never blocks the window while loading":
        "gaps between ticks of a 5 ms QTimer from the widget built until 200 ms after the rows "
        "are shown, worst over the cold and warm runs",
    "app start to window shown": "python -m packing_tool.cli --root DEMO --quit-after 0.5, "
        "offscreen: spawn to the app's log line 'window shown' (right after window.show()), "
        "median of --starts; start.total_s is the in-process probe",
}
# How "met" is decided where the target's words have no number.
RULES: dict[str, str] = {
    "bytes written to the share per scan":
        f"share_bytes_per_scan of the largest list within {SAME_WITHIN:.0%} of the smallest's",
    "Session Browser never blocks the window while loading":
        f"max_gap_ms under {STALL_LIMIT_MS:g} ms (a gap that long is a freeze people notice)",
}
# Parts of design §4 that no benchmark measures yet.
UNMEASURED: list[tuple[str, str]] = []


def compare(benchmarks: dict[str, JsonDict]) -> list[JsonDict]:
    """One entry per target (and per unmeasured part) from run_all's benchmark entries."""
    targets = []
    for what, target, limit, name, key, reader in TARGETS:
        entry: JsonDict = {"what": what, "target": target, "measured": None, "met": False,
                           "benchmark": name, "key": key}
        if what in SCOPE:
            entry["scope"] = SCOPE[what]
        if what in RULES:
            entry["rule"] = RULES[what]
        run = benchmarks.get(name)
        result = run.get("result") if run else None
        if not isinstance(result, dict):
            entry["note"] = "benchmark not run" if run is None else "benchmark failed"
            targets.append(entry)
            continue
        measured, met, at_size = reader(result)
        if met is None and limit is not None and isinstance(measured, int | float):
            met = measured < limit
        entry.update(measured=measured, met=bool(met), at_target_size=at_size)
        if measured is None:
            entry["note"] = "the benchmark's JSON has no such figure"
        targets.append(entry)
    for what, target in UNMEASURED:
        targets.append({"what": what, "target": target, "measured": None, "met": False,
                        "benchmark": None, "key": None, "note": "no benchmark measures this"})
    return targets
