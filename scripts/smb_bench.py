"""The SMB lane's benchmarks: the same work on the SMB mount and on the local disk, interleaved.

    .venv/bin/python scripts/smb_bench.py SMB_FOLDER [--runs 3] [--claims 300] [--orders 1000]

Run by ``scripts/smb_lane --bench`` with SMB_FOLDER on its smbnetfs mount. Prints one JSON
object with, for ``smb`` and ``local``:

- ``stats``: ``bench/stats_contention.py`` (8 processes x 100 ``record_packing`` in one
  ``global_stats.json``) with its temp folder there (``TMPDIR``): records/s, median of the runs;
- ``ledger``: ``FileOrderLedger.claim`` then ``mark_packed`` of ``--claims`` new orders, one
  after the other, as a label scan and an order's last unit do: ms per claim, per packed mark,
  per order (p50 and p99 of each);
- ``simulate``: ``packing-tool simulate --complete`` of a ``--orders``-order generated list
  (``storage/generated.write_generated_session``): its JSON line, plus the whole process's time.

The machine's load average is recorded before and after: other work on the machine slows
both sides alike, since every part runs SMB then local, round after round.
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
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO)]

from packing_tool.storage.generated import write_generated_session  # noqa: E402
from packing_tool.storage.layout import ShareLayout  # noqa: E402
from packing_tool.storage.ledger_entry import Mark  # noqa: E402
from packing_tool.storage.order_ledger import Claim, FileOrderLedger  # noqa: E402
from shared.timestamps import now  # noqa: E402

PARTS = ("stats", "ledger", "simulate", "ui", "browser")
PYTHON = sys.executable
ENTRY_POINT = Path(sys.executable).with_name("packing-tool")
SESSION = "2026-11-21_1"


def _ms(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"p50_ms": round(statistics.median(ordered) * 1000, 2),
            "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 2),
            "mean_ms": round(statistics.fmean(ordered) * 1000, 2)}


def stats(folder: Path, runs: int) -> dict[str, Any]:
    proc = subprocess.run([PYTHON, str(REPO / "bench" / "stats_contention.py"), "--runs",
                           str(runs)], capture_output=True, text=True, check=False,
                          env={**os.environ, "TMPDIR": str(folder)}, timeout=1800)
    if proc.returncode != 0 and not proc.stdout.strip():
        return {"error": proc.stderr.strip()[-500:]}
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    return {"records_per_s_median": data["records_per_s_median"],
            "records_per_s": [r["records_per_s"] for r in data["runs"]],
            "any_record_lost": data["any_record_lost"]}


def ledger(folder: Path, claims: int) -> dict[str, Any]:
    root = Path(tempfile.mkdtemp(prefix="ledger-bench-", dir=folder))
    (root / "Sessions" / "CLIENT_M").mkdir(parents=True)
    book = FileOrderLedger(ShareLayout(root), "M")
    mine = Mark(SESSION, "Bench", station="BENCH", worker_id="worker_001",
                worker_name="Bench", lock_id="bench")
    claimed, packed, whole = [], [], []
    for n in range(claims):
        number = f"#B{n:06d}"
        start = time.perf_counter()
        got = book.claim(mine, number)
        middle = time.perf_counter()
        done = book.mark_packed(mine, number, now())
        end = time.perf_counter()
        if got.status is not Claim.OURS or done.status is not Claim.OURS:
            return {"error": f"order {number}: {got.status} / {done.status}: {got.message}"}
        claimed.append(middle - start)
        packed.append(end - middle)
        whole.append(end - start)
    return {"claims": claims, "claim": _ms(claimed), "mark_packed": _ms(packed),
            "per_order": _ms(whole), "orders_per_s": round(claims / sum(whole), 1)}


def simulate(folder: Path, orders: int) -> dict[str, Any]:
    root = Path(tempfile.mkdtemp(prefix="simulate-bench-", dir=folder))
    write_generated_session(root, "M", SESSION, "Courier", orders, seed=7)
    with tempfile.TemporaryDirectory(prefix="station-") as home:
        start = time.perf_counter()
        proc = subprocess.run(
            [str(ENTRY_POINT), "--root", str(root), "simulate", "--client", "M", "--session",
             SESSION, "--list", "Courier", "--worker", "Bench", "--complete"],
            capture_output=True, text=True, check=False, timeout=1800,
            env={**os.environ, "PACKING_TOOL_HOME": home, "PACKING_TOOL_STATION": "BENCH"})
        wall = time.perf_counter() - start
    if proc.returncode != 0:
        return {"error": proc.stderr.strip()[-500:], "exit": proc.returncode}
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return {"orders": orders, "process_s": round(wall, 2), "json": result}


def _bench(script: str, args: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    proc = subprocess.run([PYTHON, str(REPO / "bench" / script), *args], capture_output=True,
                          text=True, check=False, timeout=3600, env={**os.environ, **(env or {})})
    if proc.returncode != 0 and not proc.stdout.strip():
        return {"error": proc.stderr.strip()[-500:], "exit": proc.returncode}
    data: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return data


def ui(folder: Path, orders: int) -> dict[str, Any]:
    """Scan to screen in the real window, the share in ``folder``, the station's disk local."""
    data = _bench("ui_scan_latency.py", ["--orders", str(orders), "--scans-only",
                                         "--share-dir", str(folder)])
    if "error" in data:
        return data
    scans = data["scan_to_feedback"]
    keep = ("scans", "p50_ms", "p99_ms", "max_ms")
    return {**{k: scans.get(k) for k in keep}, "label_scans": scans.get("label_scans"),
            "claim_wait": scans.get("ledger", {}).get("claim_wait")}


def browser(folder: Path, sessions: int) -> dict[str, Any]:
    """The Session Browser's first rows with the client's ``sessions`` on ``folder``."""
    data = _bench("browser_stall.py", ["--sessions", str(sessions), "--runs", "2"],
                  {"TMPDIR": str(folder)})
    if "error" in data:
        return data
    return {k: data.get(k) for k in ("sessions", "cold_s", "cold_all_rows_s", "warm_s",
                                       "max_gap_ms")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("smb", type=Path, help="a folder on the SMB mount")
    parser.add_argument("--runs", type=int, default=3, help="stats_contention runs per side")
    parser.add_argument("--claims", type=int, default=300)
    parser.add_argument("--orders", type=int, default=1000)
    parser.add_argument("--parts", nargs="+", default=list(PARTS), choices=list(PARTS))
    parser.add_argument("--sessions", type=int, nargs="+", default=[2000, 5000],
                        help="client sizes for the browser part")
    args = parser.parse_args()
    local = Path(tempfile.mkdtemp(prefix="smb-bench-local-"))
    smb = Path(tempfile.mkdtemp(prefix="smb-bench-", dir=args.smb))
    sides = {"smb": smb, "local": local}
    result: dict[str, Any] = {
        "benchmark": "smb_lane", "date": time.strftime("%Y-%m-%d"),
        "cpus": os.cpu_count(), "python": platform.python_version(),
        "load_before": [round(x, 1) for x in os.getloadavg()],
        "smb": {}, "local": {},
    }
    started = time.perf_counter()
    runs: dict[str, Any] = {
        "stats": lambda f: stats(f, args.runs),
        "ledger": lambda f: ledger(f, args.claims),
        "simulate": lambda f: simulate(f, args.orders),
        "ui": lambda f: ui(f, args.orders),
        **{f"browser_{n}": (lambda f, n=n: browser(f, n)) for n in args.sessions},
    }
    for part, run in runs.items():
        if part.split("_")[0] not in args.parts:
            continue
        for side, folder in sides.items():
            print(f"smb_bench: {part} on {side} ...", file=sys.stderr, flush=True)
            result[side][part] = run(folder)
    result["load_after"] = [round(x, 1) for x in os.getloadavg()]
    result["elapsed_s"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result, ensure_ascii=False))
    failed = any("error" in result[s][p] or result[s][p].get("any_record_lost")
                 for s in sides for p in result[s])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
