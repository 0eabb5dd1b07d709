"""Benchmark: bytes a station writes on the share to pack a list (issue 13, point 1).

Target: every byte written under the share root to pack a list, the ending included, is at
most 2 KB per scan, and a client with 2,000 past sessions costs within 25 % of a client with
2 sessions. A generated list (``--orders``, default 1,000) is packed with
``packing_tool.simulate.simulate(..., complete=True)`` (the per-order progress calls of
packer mode) once for a client with 2 sessions and once with ``--sessions`` past sessions
(default 2,000; written cheaply with plain json, each with a session_info.json, a small
packing list and a completed work folder with a summary, plus the client's
``packing_index.json``, built once by ``load_rows`` before measuring).

Bytes are counted in this process by wrapping the write points: ``fileio.atomic_write_stream``
(so every ``atomic_write_bytes``/``_json``/``_text``, sidecars and kept-aside copies: the
bytes written through the yielded file), the in-place rewrite of ``fileio._rewrite_in_place``
(its sidecar is counted by the stream), ``AppendLog.append_lines`` and
``exclusive.create_new`` (also where it was imported by name: the order ledger and the lock)
and the in-place rewrites of the lock's heartbeat and of ledger records
(``lock_file.rewrite_in_place``). Only paths under the share
root count; the station's own folder (``PACKING_TOOL_HOME``) is a separate temp folder.
Usage: python bench/share_bytes.py [--sessions 2000] [--orders 1000]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO), str(REPO / "bench")]

from session_index import write_session  # noqa: E402

from packing_tool.storage import exclusive, held_lock, ledger_files, session_lock  # noqa: E402
from packing_tool.storage.layout import ShareLayout  # noqa: E402
from packing_tool.storage.session_manager import SessionManager  # noqa: E402
from shared import append_log, atomic_write, fileio  # noqa: E402
from shared.timestamps import now  # noqa: E402

TARGET_BYTES_PER_SCAN = 2048
SAME_WITHIN = 0.25
CLIENT = "M"
LIST_NAME = "DHL_Orders"
KINDS = ("journal", "packing_state", "ledger", "progress.json", "session_info", "index",
         "summary", "plan", "tx journal", "stats", "workers", "report", "lock", "other")


def kind_of(rel: Path) -> str:
    """The file kind of a path relative to the share root (a sidecar is its file's kind)."""
    name = re.sub(r"^\.(.+)\.[0-9a-f]{12}\.tmp$", r"\1", rel.name)  # a temp file: its target
    if name.endswith(fileio.SIDECAR_SUFFIX):
        name = name[: -len(fileio.SIDECAR_SUFFIX)]
    parts = rel.parts
    if name == "scan_journal.jsonl":
        return "journal"
    if name == "packing_state.json":
        return "packing_state"
    if name == "progress.json":
        return "progress.json"
    if name == "session_info.json":
        return "session_info"
    if name in ("packing_index.json", "packing_index.updates.jsonl"):
        return "index"
    if name.startswith("session_summary.json"):
        return "summary"
    if name == "completion_plan.json":
        return "plan"
    if name == "completion.tx.json":
        return "tx journal"
    if name == "global_stats.json":
        return "stats"
    if name == "workers.json":
        return "workers"
    if name.endswith(".xlsx"):
        return "report"
    if name.startswith((".session.lock", "lock_history")):
        return "lock"
    if ledger_files.LEDGER_DIR in parts or "ledger" in name:
        return "ledger"
    return "other"


class Counter:
    """Bytes written under ``root``, by phase and file kind, while installed."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.phase = "packing"
        self.bytes: dict[str, dict[str, int]] = {"packing": defaultdict(int),
                                                 "ending": defaultdict(int)}
        self.writes: dict[str, int] = defaultdict(int)
        self.other_names: set[str] = set()

    def add(self, path: str | os.PathLike[str], count: int) -> None:
        target = Path(path)
        target = target if target.is_absolute() else Path.cwd() / target
        try:
            rel = target.resolve().relative_to(self.root)
        except ValueError:
            return  # not on the share (the station's own folder)
        kind = kind_of(rel)
        if kind == "other":
            self.other_names.add(rel.name)
        self.bytes[self.phase][kind] += count
        self.writes[kind] += 1

    @contextlib.contextmanager
    def installed(self) -> Iterator[Counter]:
        counter = self
        originals: list[tuple[Any, str, Any]] = []

        def patch(owner: Any, name: str, value: Any) -> None:
            originals.append((owner, name, getattr(owner, name)))
            setattr(owner, name, value)

        stream = fileio.atomic_write_stream

        @contextlib.contextmanager
        def counted_stream(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
            with stream(path) as fh:
                yield fh
                counter.add(path, fh.tell())

        rewrite = fileio._rewrite_in_place

        def counted_rewrite(fh: IO[bytes], path: Path, payload: bytes) -> None:
            rewrite(fh, path, payload)  # the sidecar goes through the stream: counted there
            counter.add(path, len(payload))

        append_lines = append_log.AppendLog.append_lines

        def counted_append(log: append_log.AppendLog, lines: list[bytes]) -> int:
            written = append_lines(log, lines)
            counter.add(log.path, written)
            return written

        create_new = exclusive.create_new

        def counted_create(path: Path, data: bytes, *, durable: bool = True) -> bool:
            created = create_new(path, data, durable=durable)
            counter.add(path, len(data))  # written to a temp file even when it loses
            return created

        lock_rewrite = session_lock.rewrite_in_place

        def counted_lock_rewrite(path: Path, data: bytes) -> None:
            lock_rewrite(path, data)
            counter.add(path, len(data))

        complete = SessionManager.complete

        def phased_complete(manager: SessionManager, active: Any) -> Any:
            counter.phase = "ending"
            return complete(manager, active)

        patch(fileio, "atomic_write_stream", counted_stream)
        patch(atomic_write, "atomic_write_stream", counted_stream)
        patch(fileio, "_rewrite_in_place", counted_rewrite)
        patch(append_log.AppendLog, "append_lines", counted_append)
        patch(exclusive, "create_new", counted_create)
        patch(ledger_files, "create_new", counted_create)
        patch(session_lock, "create_new", counted_create)
        patch(session_lock, "rewrite_in_place", counted_lock_rewrite)
        patch(held_lock, "create_new", counted_create)  # put back, and the heartbeat
        patch(held_lock, "rewrite_in_place", counted_lock_rewrite)
        patch(ledger_files, "rewrite_in_place", counted_lock_rewrite)
        patch(SessionManager, "complete", phased_complete)
        try:
            yield self
        finally:
            for owner, name, value in reversed(originals):
                setattr(owner, name, value)


def past_sessions(root: Path, count: int) -> None:
    """``count`` completed sessions of the client, two a day going back in time."""
    client_dir = root / "Sessions" / f"CLIENT_{CLIENT}"
    today = date.today()
    for n in range(count):
        day = today - timedelta(days=1 + n // 2)
        moment = datetime(day.year, day.month, day.day, 8 + n % 2).astimezone()
        # n=4 in bench/session_index.py's scheme: one list, a completed work folder.
        write_session(client_dir, f"{day.isoformat()}_{1 + n % 2}", 4, moment)


def measure(sessions: int, orders: int) -> dict[str, Any]:
    from packing_tool.simulate import simulate
    from packing_tool.storage.generated import write_generated_session
    from packing_tool.storage.index_rows import load_rows
    from packing_tool.storage.session_index import index_path

    with tempfile.TemporaryDirectory(prefix="share-bytes-") as tmp:
        root = Path(tmp) / "share"
        home = Path(tmp) / "home"
        root.mkdir()
        home.mkdir()
        os.environ["PACKING_TOOL_HOME"] = str(home)
        layout = ShareLayout(root)
        past_sessions(root, sessions)
        session = f"{date.today().isoformat()}_9"
        write_generated_session(root, CLIENT, session, LIST_NAME, orders)
        rows = load_rows(layout, CLIENT, now=now())  # the index exists before measuring
        index_bytes = index_path(layout, CLIENT).stat().st_size
        with Counter(root).installed() as counter:
            result = simulate(root, CLIENT, session, LIST_NAME, "Bench", complete=True)
    scans = result["scans"]
    packing = dict(counter.bytes["packing"])
    ending = dict(counter.bytes["ending"])
    total = sum(packing.values()) + sum(ending.values())
    by_kind = {k: packing.get(k, 0) + ending.get(k, 0) for k in KINDS
               if packing.get(k, 0) + ending.get(k, 0)}
    return {
        "past_sessions": sessions,
        "client_sessions": sessions + 1,
        "index_rows": len(rows),
        "index_bytes_before": index_bytes,
        "orders": result["orders_total"],
        "orders_packed": result["orders_packed"],
        "scans": scans,
        "bytes_total": total,
        "bytes_packing": sum(packing.values()),
        "bytes_ending": sum(ending.values()),
        "bytes_per_scan": round(total / scans, 1) if scans else None,
        "bytes_per_scan_packing": round(sum(packing.values()) / scans, 1) if scans else None,
        "bytes_per_scan_ending": round(sum(ending.values()) / scans, 1) if scans else None,
        "bytes_by_kind": by_kind,
        "bytes_by_kind_packing": {k: packing[k] for k in KINDS if packing.get(k)},
        "bytes_by_kind_ending": {k: ending[k] for k in KINDS if ending.get(k)},
        "bytes_per_scan_by_kind": {k: round(v / scans, 1) for k, v in by_kind.items()}
        if scans else {},
        "writes_by_kind": {k: counter.writes[k] for k in KINDS if counter.writes.get(k)},
        "other_files": sorted(counter.other_names),
        "completed": result["completed"],
        "elapsed_s": result["elapsed_s"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=2000)
    parser.add_argument("--orders", type=int, default=1000)
    args = parser.parse_args()
    small = measure(1, args.orders)  # the client has 2 sessions: 1 past + the list's
    large = measure(args.sessions, args.orders)
    ratio = (large["bytes_per_scan"] / small["bytes_per_scan"]
             if small["bytes_per_scan"] and large["bytes_per_scan"] else None)
    result = {
        "benchmark": "share_bytes",
        "orders": args.orders,
        "target_bytes_per_scan": TARGET_BYTES_PER_SCAN,
        "same_within": SAME_WITHIN,
        "runs": {"client_sessions_2": small, f"past_sessions_{args.sessions}": large},
        "ratio": round(ratio, 3) if ratio is not None else None,
        "ok_bytes_per_scan": max(small["bytes_per_scan"] or 0, large["bytes_per_scan"] or 0)
        <= TARGET_BYTES_PER_SCAN,
        "ok_same_within": ratio is not None and abs(ratio - 1) <= SAME_WITHIN,
    }
    result["ok"] = result["ok_bytes_per_scan"] and result["ok_same_within"]
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
