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
LEDGER_HISTORY = 500_000  # the ledger's targets hold at this history (three busy years)
LEDGER_SCAN_GROWTH_MS = 1.0  # scan-to-screen p99 at most this much above an empty ledger's
LEDGER_OPEN_GROWTH_S = 0.300  # opening a list at most this much slower than today


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


def _at_history(result: JsonDict, orders: Any) -> bool:
    return result.get("history") == LEDGER_HISTORY and orders == 1000


def _ledger_scan(result: JsonDict) -> tuple[Any, Any, bool]:
    ui = result.get("ui") or {}
    empty = _get(ui, "0", "p99_ms")
    full = _get(ui, str(result.get("history")), "p99_ms")
    if not isinstance(empty, int | float) or not isinstance(full, int | float):
        return None, None, False
    growth = round(full - empty, 3)
    return ({"empty_p99_ms": empty, "history_p99_ms": full, "growth_ms": growth},
            growth <= LEDGER_SCAN_GROWTH_MS, _at_history(result, ui.get("orders")))


def _ledger_open(result: JsonDict) -> tuple[Any, Any, bool]:
    opened = result.get("open_list") or {}
    empty = _get(opened, "0", "median_open_s")
    full = _get(opened, str(result.get("history")), "median_open_s")
    if not isinstance(empty, int | float) or not isinstance(full, int | float):
        return None, None, False
    measured: JsonDict = {"empty_s": empty, "history_s": full,
                          "growth_s": round(full - empty, 4)}
    before = _get(opened, "pre_ledger", "median_open_s")
    if isinstance(before, int | float):  # the same open before the ledger existed
        measured.update(pre_ledger_s=before, over_pre_ledger_s=round(full - before, 4))
    worst = max(measured["growth_s"], measured.get("over_pre_ledger_s", 0.0))
    return measured, worst <= LEDGER_OPEN_GROWTH_S, _at_history(result, result.get("orders"))


def _ledger_bytes(result: JsonDict) -> tuple[Any, Any, bool]:
    key = str(result.get("history"))
    pairs: dict[str, tuple[float, float]] = {}
    for name, path in (("ledger_bytes_per_order", ("ledger_ops", "bytes_per_order")),
                       ("packing_ledger_bytes_per_order", ("bytes", "ledger_bytes_per_order")),
                       ("share_bytes_per_scan", ("bytes", "share_bytes_per_scan"))):
        low = _get(result, path[0], "0", path[1])
        high = _get(result, path[0], key, path[1])
        if isinstance(low, int | float) and isinstance(high, int | float):
            pairs[name] = (low, high)
    if not pairs:
        return None, None, False
    measured = {name: {"0": low, key: high} for name, (low, high) in pairs.items()}
    met = all(low > 0 and abs(high / low - 1) <= SAME_WITHIN for low, high in pairs.values())
    return measured, met, result.get("history") == LEDGER_HISTORY


def _check_list(result: JsonDict) -> tuple[Any, Any, bool]:
    return result.get("check_s"), None, result.get("orders") == 5000


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
    ("order ledger: scan in the window, 1,000-order list, 500,000 orders of history",
     "p99 grows by at most 1 ms over an empty ledger", None,
     "ledger", "ui[history].p99_ms - ui[0].p99_ms", _ledger_scan),
    ("order ledger: open a 1,000-order list, 500,000 orders of history",
     "at most 300 ms more than today", None,
     "ledger", "open_list[history].median_open_s - open_list[0 | pre_ledger]", _ledger_open),
    ("order ledger: bytes a station writes per order", "constant, not growing with history",
     None, "ledger", "ledger_ops[].bytes_per_order, bytes[].share_bytes_per_scan",
     _ledger_bytes),
    ("pre-shift check of a 5,000-order list", "under 1 s", 1.0,
     "check_list", "check_s", _check_list),
]
# What each figure covers, where it is narrower or wider than the target's words.
SCOPE: dict[str, str] = {
    "pre-shift check of a 5,000-order list":
        "run_check + save_check as check-list runs them: the list read once, its stock file, "
        "barcode map, the session's other list (1,000 shared orders) and the order ledger "
        "(300 packed records), the checks, list_check.json and the index mark; median of runs",
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
    "order ledger: scan in the window, 1,000-order list, 500,000 orders of history":
        "bench/ui_scan_latency.py --scans-only --ledger-history 0 and N (each label scan "
        "claims its order in the ledger), --ui-runs processes per history, interleaved; the "
        "median of the runs' p99; label scans alone in ui[].label_p99_ms",
    "order ledger: open a 1,000-order list, 500,000 orders of history":
        "SessionManager.open of a new list (lock, list, barcode index, journal, ledger "
        "look-up of its orders), median of rounds x opens per history; pre_ledger when run "
        "with --baseline-src (another checkout's src, no ledger)",
    "order ledger: bytes a station writes per order":
        "FileOrderLedger.bytes_written per order (claim created + packed mark rewritten), "
        "directly and while packing a list through SessionManager; and scan_latency's "
        "share_bytes_per_scan (journal, state, index and ledger records) at both histories",
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
    "order ledger: scan in the window, 1,000-order list, 500,000 orders of history":
        f"growth_ms at most {LEDGER_SCAN_GROWTH_MS:g}",
    "order ledger: open a 1,000-order list, 500,000 orders of history":
        f"growth_s (and over_pre_ledger_s when measured) at most {LEDGER_OPEN_GROWTH_S:g} s",
    "order ledger: bytes a station writes per order":
        f"every figure at {LEDGER_HISTORY:,} orders of history within {SAME_WITHIN:.0%} of the "
        "empty ledger's",
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
