"""What a packed list must look like, worked out from the raw files (not through the engine).

Used by the ``simulate`` tests: the expectation comes from the list JSON as the Shopify Tool
wrote it, the facts from the journal's lines parsed with ``json`` alone, so a bug shared by
the reader and the engine cannot hide itself.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ENTRY_POINT = Path(sys.executable).with_name("packing-tool")
JOURNAL = "scan_journal.jsonl"
COUNTING = frozenset({"item_ok", "order_complete", "manual_confirmed"})


def writable_copy(source: Path, target: Path) -> Path:
    """``source`` copied to ``target`` with every file and folder writable by us."""
    shutil.copytree(source, target)
    for folder, dirs, files in os.walk(target):
        for name in [*dirs, *files]:
            path = Path(folder) / name
            path.chmod(path.stat().st_mode | stat.S_IWUSR | stat.S_IRUSR)
        Path(folder).chmod(Path(folder).stat().st_mode | stat.S_IWUSR | stat.S_IXUSR)
    return target


def work_dir(root: Path, client: str, session: str, list_name: str) -> Path:
    return root / "Sessions" / f"CLIENT_{client}" / session / "packing" / list_name


def list_file(root: Path, client: str, session: str, list_name: str) -> Path:
    folder = root / "Sessions" / f"CLIENT_{client}" / session
    if list_name == "full_session":
        return folder / "analysis" / "analysis_data.json"
    return folder / "packing_lists" / f"{list_name}.json"


@dataclass(frozen=True)
class Expected:
    """order number → {row: quantity} for every order a packer must pack."""

    lines: dict[str, dict[int, int]]
    skus: dict[tuple[str, int], str]

    @property
    def orders(self) -> set[str]:
        return set(self.lines)

    @property
    def units(self) -> int:
        return sum(sum(rows.values()) for rows in self.lines.values())

    def order_units(self, number: str) -> int:
        return sum(self.lines[number].values())


def expected_from(list_json: Path) -> Expected:
    """Fulfillable orders with at least one line whose SKU is not ``NO_SKU``, from the raw JSON."""
    data = json.loads(list_json.read_text(encoding="utf-8"))
    lines: dict[str, dict[int, int]] = {}
    skus: dict[tuple[str, int], str] = {}
    for order in data["orders"]:
        status = order.get("order_fulfillment_status") or order.get("status")
        if status != "Fulfillable":
            continue
        number = order["order_number"]
        rows = {}
        for row, item in enumerate(order["items"]):
            sku = str(item.get("sku") or "").strip()
            if sku and sku != "NO_SKU":
                rows[row] = int(item["quantity"])
                skus[number, row] = sku
        if rows:
            lines[number] = rows
    return Expected(lines, skus)


@dataclass
class JournalFacts:
    events: list[dict[str, Any]]
    completions: Counter[str] = field(default_factory=Counter)
    line_units: Counter[tuple[str, int]] = field(default_factory=Counter)
    counting_events: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)

    @property
    def seqs(self) -> list[int]:
        return [e["seq"] for e in self.events]


def read_journal(path: Path) -> JournalFacts:
    """Every line of a finished journal, parsed with ``json`` (a torn last line fails)."""
    raw = path.read_bytes()
    assert raw.endswith(b"\n"), f"{path} does not end with a complete line"
    events = [json.loads(line) for line in raw.split(b"\n")[:-1]]
    facts = JournalFacts(events)
    for event in events:
        outcome = event["outcome"]
        facts.outcomes[outcome] += 1
        if outcome == "order_complete":
            facts.completions[event["order"]] += 1
        if outcome in COUNTING and event.get("quantity", 0) > 0:
            facts.line_units[event["order"], event["row"]] += event["quantity"]
            facts.counting_events[event["order"]] += 1
    return facts


def check_packed_exactly(facts: JournalFacts, expected: Expected, *,
                         one_event_per_unit: bool = True) -> None:
    """Every expected order completed once, every line at its quantity, nothing else counted."""
    assert facts.seqs == list(range(1, len(facts.events) + 1)), "seq numbers have a gap"
    done = set(facts.completions)
    assert done == expected.orders, (
        f"not completed: {sorted(expected.orders - done)}; "
        f"unexpected: {sorted(done - expected.orders)}")
    twice = {n: c for n, c in facts.completions.items() if c != 1}
    assert not twice, f"orders completed more than once: {twice}"
    wanted = Counter({(n, row): q for n, rows in expected.lines.items()
                      for row, q in rows.items()})
    wrong = {k: (facts.line_units.get(k, 0), wanted.get(k, 0))
             for k in set(wanted) | set(facts.line_units)
             if facts.line_units.get(k, 0) != wanted.get(k, 0)}
    assert not wrong, f"(order, row): (counted, quantity) that differ: {wrong}"
    assert sum(facts.line_units.values()) == expected.units
    if one_event_per_unit:
        per_order = Counter({n: expected.order_units(n) for n in expected.orders})
        assert facts.counting_events == per_order, (
            f"counting events per order differ: {facts.counting_events - per_order} more, "
            f"{per_order - facts.counting_events} fewer")
    assert facts.outcomes["undone"] == 0, facts.outcomes
    assert facts.outcomes["duplicate_read"] == 0, facts.outcomes


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ENTRY_POINT), *args], capture_output=True, text=True,
                          timeout=timeout, check=False)


def simulate_args(root: Path, client: str, session: str, list_name: str,
                  worker: str = "Симулатор", *, complete: bool = False,
                  take_over: bool = False) -> list[str]:
    args = ["--root", str(root), "simulate", "--client", client, "--session", session,
            "--list", list_name, "--worker", worker]
    return [*args, *(["--complete"] if complete else []), *(["--take-over"] if take_over else [])]


def last_json(stdout: str) -> dict[str, Any]:
    lines = stdout.strip().splitlines()
    assert lines, "simulate printed nothing"
    result: dict[str, Any] = json.loads(lines[-1])
    return result
