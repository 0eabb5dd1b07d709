"""Run every benchmark in ``bench/`` and compare its figures with the targets of design §4.

Each benchmark runs as its own process with this Python and prints one JSON object (its
last JSON line is taken). The result is ONE JSON document on stdout:
``{"generated_at", "python", "platform", "cpus", "quick", "benchmarks": {name: {"result",
"seconds", "exit_code"}}, "targets": [{"what", "target", "measured", "met", ...}],
"targets_without_figure": [...]}``. Progress lines go to stderr.

A benchmark that fails (non-zero exit, no JSON, timeout) is recorded with its exit code and
the tail of its stderr, and this script exits 1 after printing the document. Targets that
are not met do not change the exit code: they are figures, not failures of the run.

Usage: python bench/run_all.py [--quick] [--only NAME ...] [--output FILE] [--timeout S]
``--quick`` passes small sizes (table ``QUICK_ARGS``) so the whole run takes about a minute;
its figures are for a smoke test, not for the targets (see ``at_target_size``). The targets,
how each is read and the rule where the design gives no number are in ``bench/_targets.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
sys.path[:0] = [str(REPO), str(BENCH_DIR)]

from _targets import compare  # noqa: E402  (design §4's targets and their readers)

from shared.fileio import atomic_write_text  # noqa: E402
from shared.timestamps import now_iso  # noqa: E402

JsonDict = dict[str, Any]

# Small sizes per benchmark for --quick; a benchmark not listed runs with its defaults.
QUICK_ARGS: dict[str, list[str]] = {
    "browser_stall": ["--sessions", "200", "--runs", "1"],
    "check_list": ["--orders", "500", "--runs", "1", "--packed", "30"],
    "ledger": ["--history", "2000", "--orders", "100", "--rounds", "1", "--opens", "2",
               "--ui-runs", "1", "--ui-orders", "100", "--bytes-orders", "100"],
    "stats_contention": ["--processes", "8", "--records", "20", "--runs", "1"],
    "scan_latency": ["--sizes", "100", "300", "--paced-orders", "3"],
    "session_index": ["--sessions", "200", "--runs", "1"],
    "restore_memory": ["--size-mb", "64"],
    "scores": ["--orders", "3000", "--skus", "200", "--lists", "3", "--runs", "1"],
    "ui_scan_latency": ["--orders", "100", "--starts", "1"],
}
# Extra environment per benchmark (the Qt ones must not need a display).
EXTRA_ENV: dict[str, dict[str, str]] = {
    "browser_stall": {"QT_QPA_PLATFORM": "offscreen"},
    "ledger": {"QT_QPA_PLATFORM": "offscreen"},
    "scores": {"QT_QPA_PLATFORM": "offscreen"},
    "ui_scan_latency": {"QT_QPA_PLATFORM": "offscreen"},
}
STDERR_TAIL = 3000  # characters of a failing benchmark's stderr kept in the document


def discover(folder: Path) -> list[str]:
    """Every benchmark script in ``folder`` (not this runner, not private modules)."""
    return sorted(p.stem for p in folder.glob("*.py")
                  if p.name != Path(__file__).name and not p.name.startswith("_"))


def last_json(text: str) -> JsonDict | None:
    """The last line of ``text`` that is a JSON object."""
    for raw in reversed(text.splitlines()):
        line = raw.strip()
        if not line.startswith("{"):
            continue
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    return None


def run_one(folder: Path, name: str, args: list[str], timeout: float,
            home: Path) -> JsonDict:
    """Run one benchmark; the entry holds its result, wall time and exit code."""
    env = {**os.environ, "PACKING_TOOL_HOME": str(home / name), **EXTRA_ENV.get(name, {})}
    command = [sys.executable, str(folder / f"{name}.py"), *args]
    start = time.perf_counter()
    try:
        proc = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True,
                              timeout=timeout, check=False)
        code: int | None = proc.returncode
        stdout, stderr = proc.stdout, proc.stderr
    except subprocess.TimeoutExpired as exc:
        code = None
        stdout = _text(exc.stdout)
        stderr = _text(exc.stderr) + f"\nrun_all: killed after {timeout:g} s"
    seconds = round(time.perf_counter() - start, 2)
    result = last_json(stdout)
    entry: JsonDict = {"result": result, "seconds": seconds, "exit_code": code,
                       "args": args}
    problem = None
    if code is None:
        problem = f"timed out after {timeout:g} s"
    elif code != 0:
        problem = f"exit code {code}"
    elif result is None:
        problem = "printed no JSON object"
    if problem is not None:
        entry["failed"] = problem
        entry["stderr_tail"] = stderr[-STDERR_TAIL:]
    return entry


def _text(value: str | bytes | None) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value or ""


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="small sizes and one run each (a smoke test, under a minute)")
    parser.add_argument("--only", action="append", metavar="NAME",
                        help="run only this benchmark (repeatable)")
    parser.add_argument("--output", type=Path, metavar="FILE",
                        help="also write the document to FILE")
    parser.add_argument("--timeout", type=float, default=1800.0, metavar="S",
                        help="seconds one benchmark may take before it is killed (default 1800)")
    parser.add_argument("--bench-dir", type=Path, default=BENCH_DIR, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    names = discover(args.bench_dir)
    if args.only:
        unknown = [n for n in args.only if n not in names]
        if unknown:
            parser.error(f"unknown benchmark {', '.join(unknown)} "
                         f"(in {args.bench_dir}: {', '.join(names)})")
        names = [n for n in names if n in args.only]
    benchmarks: dict[str, JsonDict] = {}
    with tempfile.TemporaryDirectory(prefix="bench-home-") as home:
        for name in names:
            extra = QUICK_ARGS.get(name, []) if args.quick else []
            print(f"run_all: {name} {' '.join(extra)}".rstrip(), file=sys.stderr, flush=True)
            entry = run_one(args.bench_dir, name, extra, args.timeout, Path(home))
            benchmarks[name] = entry
            state = entry.get("failed", "ok")
            print(f"run_all: {name}: {state} ({entry['seconds']} s)", file=sys.stderr,
                  flush=True)
    targets = compare(benchmarks)
    document = {
        "generated_at": now_iso(), "python": sys.version.split()[0],
        "platform": platform.platform(), "cpus": os.cpu_count(), "quick": args.quick,
        "benchmarks": benchmarks, "targets": targets,
        "targets_without_figure": [t["what"] for t in targets if t["measured"] is None],
    }
    text = json.dumps(document, indent=2, ensure_ascii=False)
    print(text)
    if args.output is not None:
        atomic_write_text(args.output, text + "\n")
    failed = [n for n, e in benchmarks.items() if "failed" in e]
    if failed:
        print(f"run_all: failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
