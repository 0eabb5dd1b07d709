"""bench/run_all.py: one document for every benchmark, failures recorded and never hidden."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

RUN_ALL = Path(__file__).resolve().parents[1] / "bench" / "run_all.py"


def run_all(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(RUN_ALL), *args], capture_output=True,
                          text=True, timeout=120, check=False)


def test_quick_real_benchmark_gives_the_document(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    proc = run_all("--quick", "--only", "stats_contention", "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert json.loads(out.read_text(encoding="utf-8")) == doc
    assert {"generated_at", "python", "platform", "cpus", "benchmarks", "targets"} <= set(doc)
    assert list(doc["benchmarks"]) == ["stats_contention"]
    entry = doc["benchmarks"]["stats_contention"]
    assert entry["exit_code"] == 0
    assert entry["result"]["benchmark"] == "stats_contention"
    assert entry["result"]["processes"] == 8  # the quick table's size, not the default
    stats = next(t for t in doc["targets"] if t["benchmark"] == "stats_contention")
    assert stats["measured"]["lost_records"] == 0
    assert stats["met"] is True
    assert stats["at_target_size"] is False
    not_run = next(t for t in doc["targets"] if t["benchmark"] == "scan_latency")
    assert not_run["measured"] is None
    assert not_run["met"] is False
    assert not_run["note"] == "benchmark not run"


def write_bench(folder: Path, name: str, body: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.py").write_text(body, encoding="utf-8")


def test_failure_is_recorded_and_exit_is_1(tmp_path: Path) -> None:
    bench = tmp_path / "bench"
    write_bench(bench, "broken", "import sys\nprint('starting')\n"
                "sys.stderr.write('the share vanished\\n')\nsys.exit(3)\n")
    write_bench(bench, "chatty", "import json\nprint('warming up')\n"
                "print(json.dumps({'step': 1}))\nprint(json.dumps({'benchmark': 'chatty'}))\n")
    write_bench(bench, "silent", "print('no json here')\n")
    proc = run_all("--bench-dir", str(bench))
    assert proc.returncode == 1
    assert "failed: broken, silent" in proc.stderr
    runs = json.loads(proc.stdout)["benchmarks"]
    assert sorted(runs) == ["broken", "chatty", "silent"]
    assert runs["broken"]["exit_code"] == 3
    assert runs["broken"]["failed"] == "exit code 3"
    assert "the share vanished" in runs["broken"]["stderr_tail"]
    assert runs["chatty"]["result"] == {"benchmark": "chatty"}  # the last JSON line
    assert "failed" not in runs["chatty"]
    assert runs["silent"]["exit_code"] == 0
    assert runs["silent"]["failed"] == "printed no JSON object"


def test_unknown_benchmark_is_refused(tmp_path: Path) -> None:
    proc = run_all("--only", "no_such_bench")
    assert proc.returncode == 2
    assert "unknown benchmark no_such_bench" in proc.stderr
    assert "scan_latency" in proc.stderr  # names what exists


def load_targets() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_targets",
                                                  RUN_ALL.with_name("_targets.py"))
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def target(targets: list[dict[str, Any]], what: str) -> dict[str, Any]:
    return next(t for t in targets if t["what"] == what)


def test_rules_for_bytes_stall_and_start() -> None:
    compare = load_targets().compare
    runs = [{"orders": 1000, "share_bytes_per_scan": 1000.0},
            {"orders": 5000, "share_bytes_per_scan": 1090.0}]
    browser = {"sessions": 2000, "cold_s": 0.8, "warm_s": 0.2, "max_gap_ms": 99.0,
               "p99_gap_ms": 12.0}
    ui = {"process_start_to_window_s": 1.5, "start": {"total_s": 9.0}}
    same = compare({"scan_latency": {"result": {"runs": runs}},
                    "browser_stall": {"result": browser}, "ui_scan_latency": {"result": ui}})
    bytes_entry = target(same, "bytes written to the share per scan")
    assert bytes_entry["measured"] == {"1000": 1000.0, "5000": 1090.0}
    assert bytes_entry["met"] is True
    assert "within 10%" in bytes_entry["rule"]
    stall = target(same, "Session Browser never blocks the window while loading")
    assert stall["measured"] == {"max_gap_ms": 99.0, "p99_gap_ms": 12.0}
    assert stall["met"] is True
    assert target(same, "Session Browser, 2,000 sessions of one client")["measured"] == 0.8
    assert target(same, "app start to window shown")["measured"] == 1.5  # the real process
    assert not [t for t in same if t["benchmark"] is None]  # nothing left unmeasured

    runs[1]["share_bytes_per_scan"] = 5200.0  # grows with the list
    browser.update(max_gap_ms=100.0, warm_s=1.2)
    grown = compare({"scan_latency": {"result": {"runs": runs}},
                     "browser_stall": {"result": browser}})
    assert target(grown, "bytes written to the share per scan")["met"] is False
    assert target(grown, "Session Browser never blocks the window while loading")["met"] is False
    rows = target(grown, "Session Browser, 2,000 sessions of one client")
    assert (rows["measured"], rows["met"]) == (1.2, False)
