"""Benchmark: what the order ledger costs with a client's years of history vs an empty ledger.

Each part runs with an empty ledger and with ``--history`` orders already in it
(``bench/_ledger_history.py``: generated once, cached under the temp folder), the two
interleaved round by round so a busy machine weighs on both alike:

- ``ledger_ops``: per order of a new ``--orders`` list, ``FileOrderLedger.claim`` (what a label
  scan asks: exclusive create of the order's file) and ``mark_packed`` (read, then the record
  rewritten atomically: temp file, fsync, rename, folder fsync), called directly; where the
  time goes (``parts``: create_new, os.link, read, atomic_write_bytes, os.fsync, per order);
  and the same claim as the scan makes it, through ``ListLedger`` and its ``order-ledger``
  thread (``list_claim``: the round trip the scan waits for; the packed mark is then waited
  for untimed, as a packer's next label comes seconds later).
- ``open_list``: ``SessionManager.open`` of a new ``--orders`` list (lock, list, barcode index,
  journal, and the ledger's records of the list's orders, ``ListLedger.reconcile`` →
  ``FileOrderLedger.lookup``), ``--opens`` times per round, the list paused in between; the
  look-up alone as ``lookup_s``. ``--cold`` also drops the page cache before one open per
  history (Linux, root only). ``--baseline-src DIR`` also times the open of another checkout's
  ``src`` (e.g. a worktree at the commit before the ledger) in a subprocess, no ledger there.
- ``bytes``: ``bench/scan_latency.py``'s whole-list measurement at ``--bytes-orders`` orders:
  ``FileOrderLedger.bytes_written`` per order and every byte written to the share per scan.
- ``ui``: ``bench/ui_scan_latency.py --scans-only`` at ``--ui-orders`` orders, ``--ui-runs``
  processes per history: scan-to-screen p50/p99 (all scans, and label scans alone).

Prints one JSON object. Targets (the ledger's issue), at 500,000 orders of history: scan-to-screen
p99 at 1,000 orders at most 1 ms above the empty ledger's (median of the runs' p99); opening a
1,000-order list at most 300 ms more than with an empty ledger (and than before the ledger, when
``--baseline-src`` is given); bytes written per order the same at both histories.
Usage: python bench/ledger.py [--history 500000] [--orders 1000] [--rounds 3] [--opens 3]
       [--ui-runs 3] [--ui-orders 1000] [--bytes-orders 1000] [--skip ui bytes ...]
       [--baseline-src DIR] [--cold]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent


def _src_from_argv(argv: list[str]) -> Path:
    """``--src DIR`` (the baseline subprocess) decides which packing_tool is imported."""
    if "--src" in argv:
        return Path(argv[argv.index("--src") + 1]).resolve()
    return REPO / "src"


SRC = _src_from_argv(sys.argv)
sys.path[:0] = [str(SRC), str(SRC.parent), str(BENCH)]

SAME_WITHIN = 0.10  # "constant, not growing with history": 500k figure within 10 % of empty
SCAN_GROWTH_MS = 1.0
OPEN_GROWTH_S = 0.300
SESSION, LIST = "2026-11-21_1", "Bench"
JsonDict = dict[str, Any]


def _ms(samples: list[float]) -> JsonDict:
    ordered = sorted(samples)
    if not ordered:
        return {"n": 0}
    return {"n": len(ordered), "p50_ms": round(statistics.median(ordered), 4),
            "p99_ms": round(ordered[int(0.99 * (len(ordered) - 1))], 4),
            "max_ms": round(ordered[-1], 4)}


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 4) if values else None


# --------------------------------------------------------------------------- where time goes


class Parts:
    """Time and calls of the file operations a claim and a packed mark are made of."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)

    def _wrap(self, name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return real(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - start
                self.calls[name] += 1
        return timed

    @contextmanager
    def watching(self) -> Iterator[Parts]:
        from packing_tool.storage import exclusive, order_ledger
        from shared import fileio

        patched = [(order_ledger, "create_new"), (order_ledger.FileOrderLedger, "read"),
                   (fileio, "atomic_write_bytes"), (os, "fsync"), (os, "link")]
        saved = [(owner, attr, getattr(owner, attr)) for owner, attr in patched]
        names = {"create_new": "create_new (exclusive create)", "read": "read (record)",
                 "atomic_write_bytes": "atomic_write_bytes (packed mark)",
                 "fsync": "os.fsync", "link": "os.link (in create_new)"}
        try:
            for owner, attr, real in saved:
                setattr(owner, attr, self._wrap(names[attr], real))
            assert exclusive.os is os  # create_new's link and fsync are the ones wrapped
            yield self
        finally:
            for owner, attr, real in saved:
                setattr(owner, attr, real)

    def per_order(self, orders: int) -> JsonDict:
        return {name: {"ms_per_order": round(self.seconds[name] * 1000 / orders, 4),
                       "calls_per_order": round(self.calls[name] / orders, 2)}
                for name in sorted(self.seconds)}


# --------------------------------------------------------------------------- ledger operations


def ledger_ops(root: Path, history: int, orders: int) -> JsonDict:
    """Claim and packed mark per order, directly and through ListLedger's thread."""
    from _ledger_history import attached

    from packing_tool.storage.layout import ShareLayout
    from packing_tool.storage.ledger_entry import Mark
    from packing_tool.storage.list_ledger import ListLedger
    from packing_tool.storage.order_ledger import Claim, FileOrderLedger
    from shared.timestamps import now, to_iso

    ShareLayout(root).sessions_dir("M").mkdir(parents=True, exist_ok=True)
    mine = Mark(SESSION, LIST, "BENCH-01", "worker_001", "Bench", lock_id="bench")
    with attached(root, "M", history):
        ledger = FileOrderLedger(ShareLayout(root), "M")
        claim_ms, packed_ms, both_ms = [], [], []
        parts = Parts()
        with parts.watching():
            for i in range(orders):
                number = f"#{100000 + i}"
                t0 = time.perf_counter()
                claimed = ledger.claim(replace(mine, at=to_iso(now())), number)
                t1 = time.perf_counter()
                packed = ledger.mark_packed(mine, number, now())
                t2 = time.perf_counter()
                if claimed.status is not Claim.OURS or packed.status is not Claim.OURS:
                    raise RuntimeError(f"{number}: {claimed.status}, {packed.status}")
                claim_ms.append((t1 - t0) * 1000)
                packed_ms.append((t2 - t1) * 1000)
                both_ms.append((t2 - t0) * 1000)
        direct_bytes = ledger.bytes_written

        list_ledger = ListLedger(FileOrderLedger(ShareLayout(root), "M"), mine,
                                 root.parent / f"{root.name}-station", wait=1.0)
        (root.parent / f"{root.name}-station").mkdir(exist_ok=True)
        trip_ms, drain_ms = [], []
        try:
            for i in range(orders):
                number = f"#{100000 + orders + i}"
                t0 = time.perf_counter()
                answer = list_ledger.claim(number)
                t1 = time.perf_counter()
                assert answer.status is Claim.OURS, (number, answer)
                list_ledger.packed(number, now())
                if not list_ledger.flush(10.0):
                    raise RuntimeError("the order ledger thread did not drain in 10 s")
                trip_ms.append((t1 - t0) * 1000)
                drain_ms.append((time.perf_counter() - t1) * 1000)
            offline = len(list_ledger.offline_claims)
        finally:
            list_ledger.close(10.0)
        list_bytes = list_ledger.ledger.bytes_written  # type: ignore[attr-defined]
    return {"claim": _ms(claim_ms), "mark_packed": _ms(packed_ms),
            "claim_and_packed": _ms(both_ms),
            "bytes_per_order": round(direct_bytes / orders, 1),
            "parts": parts.per_order(orders),
            "list_claim": {"round_trip": _ms(trip_ms), "packed_in_background": _ms(drain_ms),
                           "offline_claims": offline,
                           "bytes_per_order": round(list_bytes / orders, 1)}}


# --------------------------------------------------------------------------- opening a list


def _drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def open_list(root: Path, history: int, orders: int, opens: int, cold: bool,
              with_ledger: bool = True) -> JsonDict:
    """``opens`` times SessionManager.open of a new list (paused in between)."""
    from packing_tool.storage.generated import write_generated_session
    from packing_tool.storage.layout import ShareLayout
    from packing_tool.storage.packing_session import Worker
    from packing_tool.storage.session_manager import SessionManager, SessionSettings

    write_generated_session(root, "M", SESSION, LIST, orders)
    numbers = [f"#{100000 + i}" for i in range(orders)]
    worker = Worker("worker_001", "Bench")
    seconds, lookups, first_cold = [], [], None
    with _history(root, history, with_ledger):
        for n in range(opens + (1 if cold else 0)):
            manager = SessionManager(ShareLayout(root), worker,
                                     SessionSettings(debounce_seconds=0.0),
                                     local_root=root.parent / f"{root.name}-station")
            dropped = cold and n == 0 and _drop_caches()
            start = time.perf_counter()
            active = manager.open("M", SESSION, LIST)
            took = time.perf_counter() - start
            if cold and n == 0:
                first_cold = round(took, 4) if dropped else None
            else:
                seconds.append(took)
            manager.pause(active)
            manager.close()
            if with_ledger:
                from packing_tool.storage.order_ledger import FileOrderLedger

                ledger = FileOrderLedger(ShareLayout(root), "M")
                start = time.perf_counter()
                found = ledger.lookup(numbers)
                lookups.append(time.perf_counter() - start)
                assert not found, f"{len(found)} of the list's orders are in the ledger"
    result: JsonDict = {"open_s": [round(s, 4) for s in seconds]}
    if lookups:
        result["lookup_s"] = [round(s, 4) for s in lookups]
    if cold:
        result["cold_open_s"] = first_cold
    return result


@contextmanager
def _history(root: Path, history: int, with_ledger: bool) -> Iterator[None]:
    if not with_ledger:
        yield
        return
    from _ledger_history import attached

    with attached(root, "M", history):
        yield


def baseline_open(src: Path, orders: int, rounds: int, opens: int) -> JsonDict:
    """The open timed in another checkout's ``src`` (a subprocess of this script)."""
    command = [sys.executable, str(Path(__file__).resolve()), "--open-only", "--src", str(src),
               "--orders", str(orders), "--rounds", str(rounds), "--opens", str(opens)]
    proc = subprocess.run(command, capture_output=True, text=True, check=False, timeout=1800)
    if proc.returncode != 0:
        return {"src": str(src), "error": proc.stderr[-2000:]}
    result: JsonDict = json.loads(proc.stdout.strip().splitlines()[-1])
    commit = subprocess.run(["git", "-C", str(src), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True, check=False).stdout.strip()
    return {"src": str(src), "commit": commit or None, **result}


# --------------------------------------------------------------------------- bytes and window


def share_bytes(tmp: Path, history: int, orders: int) -> JsonDict:
    import scan_latency  # bench/scan_latency.py: the same measurement, the history attached

    run = scan_latency.measure(orders, tmp / f"bytes-{history}", 20, history)
    paced = run["share_writes"]["paced"]  # type: ignore[index]
    ledger_files = {k: v for k, v in paced["by_file"].items() if k.startswith("order_ledger")}
    return {"orders": orders, "share_bytes_per_scan": run["share_bytes_per_scan"],
            "ledger_bytes_per_order": run["ledger_bytes_per_order"],
            "ledger_share_bytes_in_paced_part": ledger_files,
            "paced_scans": paced["scans"], "open_session_s": run["open_session_s"],
            "logic_with_journal": run["logic_with_journal"]}


def ui_run(history: int, orders: int) -> JsonDict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, str(BENCH / "ui_scan_latency.py"), "--orders", str(orders),
               "--scans-only", "--ledger-history", str(history)]
    proc = subprocess.run(command, capture_output=True, text=True, env=env, check=False,
                          timeout=1800)
    if proc.returncode != 0:
        raise RuntimeError(f"ui_scan_latency failed: {proc.stderr[-2000:]}")
    scans: JsonDict = json.loads(proc.stdout.strip().splitlines()[-1])["scan_to_feedback"]
    return scans


# --------------------------------------------------------------------------- main


def _load() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def open_only(args: argparse.Namespace) -> int:
    """The baseline subprocess: opens only, no ledger (the checkout may have none)."""
    seconds: list[float] = []
    with tempfile.TemporaryDirectory(prefix="ledger-open-") as tmp:
        for r in range(args.rounds):
            run = open_list(Path(tmp) / f"open-{r}", 0, args.orders, args.opens, False,
                            with_ledger=False)
            seconds.extend(run["open_s"])
    import packing_tool

    print(json.dumps({"orders": args.orders, "open_s": seconds,
                      "median_open_s": _median(seconds),
                      "package": str(Path(packing_tool.__file__).parent)}))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--history", type=int, default=500_000)
    parser.add_argument("--orders", type=int, default=1000,
                        help="orders of the list claimed, packed and opened (default 1000)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds of ledger_ops and open_list, histories interleaved")
    parser.add_argument("--opens", type=int, default=3, help="opens per round (default 3)")
    parser.add_argument("--ui-runs", type=int, default=3,
                        help="ui_scan_latency processes per history (default 3)")
    parser.add_argument("--ui-orders", type=int, default=1000)
    parser.add_argument("--bytes-orders", type=int, default=1000)
    parser.add_argument("--skip", nargs="*", default=[],
                        choices=["ops", "open", "bytes", "ui"], help="parts not to run")
    parser.add_argument("--baseline-src", type=Path, metavar="DIR",
                        help="also time the open with this checkout's src (before the ledger)")
    parser.add_argument("--cold", action="store_true",
                        help="also one open per history after dropping the page cache (root)")
    parser.add_argument("--open-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--src", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.open_only:
        return open_only(args)

    from _ledger_history import ensure_history

    started = time.perf_counter()
    load_before = _load()
    histories = [0, args.history]
    history_info = {k: v for k, v in ensure_history(args.history).items() if k != "folder"}
    result: JsonDict = {
        "benchmark": "ledger", "history": args.history, "orders": args.orders,
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "python": sys.version.split()[0], "load_before": load_before},
        "history_cache": history_info,
    }
    ops: dict[int, list[JsonDict]] = {h: [] for h in histories}
    opens: dict[int, list[JsonDict]] = {h: [] for h in histories}
    with tempfile.TemporaryDirectory(prefix="ledger-bench-") as tmp_name:
        tmp = Path(tmp_name)
        for r in range(args.rounds):
            order = histories if r % 2 == 0 else histories[::-1]
            for h in order:
                if "ops" not in args.skip:
                    ops[h].append(ledger_ops(tmp / f"ops-{h}-{r}", h, args.orders))
                if "open" not in args.skip:
                    opens[h].append(open_list(tmp / f"open-{h}-{r}", h, args.orders,
                                              args.opens, args.cold and r == 0))
        if "ops" not in args.skip:
            result["ledger_ops"] = {str(h): _ops_summary(ops[h]) for h in histories}
        if "open" not in args.skip:
            result["open_list"] = {str(h): _open_summary(opens[h]) for h in histories}
            if args.baseline_src is not None:
                result["open_list"]["pre_ledger"] = baseline_open(
                    args.baseline_src, args.orders, args.rounds, args.opens)
        if "bytes" not in args.skip:
            result["bytes"] = {str(h): share_bytes(tmp, h, args.bytes_orders)
                               for h in histories}
    if "ui" not in args.skip:
        runs: dict[int, list[JsonDict]] = {h: [] for h in histories}
        for r in range(args.ui_runs):
            for h in (histories if r % 2 == 0 else histories[::-1]):
                runs[h].append(ui_run(h, args.ui_orders))
        result["ui"] = {str(h): _ui_summary(runs[h]) for h in histories}
        result["ui"]["orders"] = args.ui_orders
    result["targets"] = _targets(result, args.history)
    result["machine"]["load_after"] = _load()
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result))
    return 0


def _ops_summary(rounds: list[JsonDict]) -> JsonDict:
    """Median over the rounds of each figure; the rounds kept."""
    def med(*keys: str) -> float | None:
        values = []
        for run in rounds:
            value: Any = run
            for key in keys:
                value = value[key]
            values.append(value)
        return _median(values)

    return {
        "claim_p50_ms": med("claim", "p50_ms"), "claim_p99_ms": med("claim", "p99_ms"),
        "mark_packed_p50_ms": med("mark_packed", "p50_ms"),
        "mark_packed_p99_ms": med("mark_packed", "p99_ms"),
        "claim_and_packed_p50_ms": med("claim_and_packed", "p50_ms"),
        "claim_and_packed_p99_ms": med("claim_and_packed", "p99_ms"),
        "list_claim_round_trip_p50_ms": med("list_claim", "round_trip", "p50_ms"),
        "list_claim_round_trip_p99_ms": med("list_claim", "round_trip", "p99_ms"),
        "bytes_per_order": med("bytes_per_order"),
        "rounds": rounds,
    }


def _open_summary(rounds: list[JsonDict]) -> JsonDict:
    seconds = [s for run in rounds for s in run["open_s"]]
    lookups = [s for run in rounds for s in run.get("lookup_s", [])]
    summary: JsonDict = {"median_open_s": _median(seconds), "max_open_s": max(seconds),
                         "median_lookup_s": _median(lookups), "opens": len(seconds),
                         "open_s": seconds, "lookup_s": lookups}
    cold = [run["cold_open_s"] for run in rounds if run.get("cold_open_s") is not None]
    if cold:
        summary["cold_open_s"] = cold[0]
    return summary


def _ui_summary(runs: list[JsonDict]) -> JsonDict:
    return {"p99_ms": _median([r["p99_ms"] for r in runs]),
            "p50_ms": _median([r["p50_ms"] for r in runs]),
            "label_p99_ms": _median([r["label_scans"]["p99_ms"] for r in runs]),
            "label_p50_ms": _median([r["label_scans"]["p50_ms"] for r in runs]),
            "claim_wait_p50_ms": _median([r["ledger"]["claim_wait"]["p50_ms"] for r in runs]),
            "claim_wait_p99_ms": _median([r["ledger"]["claim_wait"]["p99_ms"] for r in runs]),
            "offline_claims": sum(r["ledger"]["offline_claims"] for r in runs),
            "runs": [{k: r[k] for k in ("scans", "p50_ms", "p99_ms", "max_ms", "label_scans",
                                        "ledger")} for r in runs]}


def _targets(result: JsonDict, history: int) -> JsonDict:
    key = str(history)
    targets: JsonDict = {}
    ui = result.get("ui")
    if ui:
        empty, full = ui["0"]["p99_ms"], ui[key]["p99_ms"]
        growth = round(full - empty, 3)
        targets["scan_p99_growth_ms"] = {
            "target": f"at most {SCAN_GROWTH_MS:g} ms", "empty_p99_ms": empty,
            "history_p99_ms": full, "measured": growth, "ok": growth <= SCAN_GROWTH_MS,
            "label_scan_growth_ms": round(ui[key]["label_p99_ms"] - ui["0"]["label_p99_ms"], 3),
            "claim_wait_growth_ms": round(ui[key]["claim_wait_p99_ms"]
                                          - ui["0"]["claim_wait_p99_ms"], 3)}
    opened = result.get("open_list")
    if opened:
        empty, full = opened["0"]["median_open_s"], opened[key]["median_open_s"]
        entry: JsonDict = {"target": f"at most {OPEN_GROWTH_S * 1000:g} ms more",
                           "empty_s": empty, "history_s": full,
                           "measured": round(full - empty, 4)}
        before = (opened.get("pre_ledger") or {}).get("median_open_s")
        if before is not None:
            entry.update(pre_ledger_s=before, over_pre_ledger_s=round(full - before, 4))
        worst = max(v for k, v in entry.items() if k in ("measured", "over_pre_ledger_s"))
        entry["ok"] = worst <= OPEN_GROWTH_S
        targets["open_growth_s"] = entry
    spent = result.get("bytes")
    ops = result.get("ledger_ops")
    if spent or ops:
        measured: JsonDict = {}
        ok = True
        pairs = []
        if ops:
            pairs.append(("ledger_bytes_per_order (direct)", ops["0"]["bytes_per_order"],
                          ops[key]["bytes_per_order"]))
        if spent:
            pairs.append(("ledger_bytes_per_order (packing)",
                          spent["0"]["ledger_bytes_per_order"],
                          spent[key]["ledger_bytes_per_order"]))
            pairs.append(("share_bytes_per_scan", spent["0"]["share_bytes_per_scan"],
                          spent[key]["share_bytes_per_scan"]))
        for name, low, high in pairs:
            measured[name] = {"0": low, key: high}
            ok = ok and bool(low) and abs(high / low - 1) <= SAME_WITHIN
        targets["bytes_constant"] = {"rule": f"{history} history within {SAME_WITHIN:.0%} of "
                                     "the empty ledger's", "measured": measured, "ok": ok}
    return targets


if __name__ == "__main__":
    sys.exit(main())
