"""bench/_ledger_history.py and the order ledger's targets in bench/_targets.py."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.ledger_entry import LEDGER_DIR, LedgerEntry, Mark, shard
from packing_tool.storage.order_ledger import Claim, FileOrderLedger

BENCH = Path(__file__).resolve().parents[1] / "bench"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.setenv("PACKING_LEDGER_HISTORY_CACHE", str(tmp_path / "cache"))
    return load("_ledger_history")


def records(folder: Path) -> list[Path]:
    return sorted(p for p in (folder / "orders").rglob("*") if p.is_file())


def test_history_is_real_records_in_their_shards_and_cached(history: ModuleType) -> None:
    made = history.ensure_history(300)
    assert made["cached"] is False
    assert made["records"] == 300
    folder = Path(made["folder"])
    files = records(folder)
    assert len(files) == 300
    assert len({p.parent.name for p in files}) > 100  # spread over the 256 shard folders
    for path in files:
        entry = LedgerEntry.from_dict(json.loads(path.read_bytes()))
        assert path.parent.name == shard(entry.key)
        assert path.name == f"{entry.key}.json"
        assert entry.state == "packed"
        assert entry.client_id == "M"
        assert not entry.order_number.startswith("#1000")  # never a generated list's order
    again = history.ensure_history(300)
    assert again["cached"] is True
    assert (again["removed"], again["rewritten"]) == (0, 0)


def test_attached_history_is_the_ledger_and_stays_clean(history: ModuleType,
                                                        tmp_path: Path) -> None:
    root = tmp_path / "share"
    folder = Path(history.ensure_history(200)["folder"])
    records(folder)[0].unlink()  # a lost record is written again by the next check
    mine = Mark("2026-11-21_1", "Bench", "BENCH-01", "worker_001", "Bench")
    with history.attached(root, "M", 200) as info:
        assert info["rewritten"] == 1
        ledger = FileOrderLedger(ShareLayout(root), "M")
        found = ledger.lookup(["#200000", "#200199", "#100000"])
        assert sorted(found) == ["#200000", "#200199"]
        assert ledger.claim(mine, "#100000").status is Claim.OURS
        assert ledger.claim(mine, "#200001").status is Claim.PACKED  # history counts
        place = ShareLayout(root).sessions_dir("M") / LEDGER_DIR  # moved in: no link
        assert not place.is_symlink()
        assert len(records(place)) == 201
    assert not os.path.lexists(place)
    assert len(records(folder)) == 200  # the benchmark's own record is gone again


def test_no_history_leaves_the_share_alone(history: ModuleType, tmp_path: Path) -> None:
    with history.attached(tmp_path / "share", "M", 0) as info:
        assert info == {"records": 0}
    assert not (tmp_path / "share").exists()
    assert not (tmp_path / "cache").exists()


def ledger_result(scan: tuple[float, float], opened: tuple[float, float],
                  spent: tuple[float, float], before: float | None = None) -> dict[str, Any]:
    result: dict[str, Any] = {
        "benchmark": "ledger", "history": 500000, "orders": 1000,
        "ui": {"orders": 1000, "0": {"p99_ms": scan[0]}, "500000": {"p99_ms": scan[1]}},
        "open_list": {"0": {"median_open_s": opened[0]},
                      "500000": {"median_open_s": opened[1]}},
        "ledger_ops": {"0": {"bytes_per_order": 695.0}, "500000": {"bytes_per_order": 695.0}},
        "bytes": {"0": {"ledger_bytes_per_order": 710.0, "share_bytes_per_scan": spent[0]},
                  "500000": {"ledger_bytes_per_order": 710.0,
                             "share_bytes_per_scan": spent[1]}},
    }
    if before is not None:
        result["open_list"]["pre_ledger"] = {"median_open_s": before}
    return result


def ledger_targets(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found = load("_targets").compare({"ledger": {"result": result}})
    return {t["what"].split(": ")[1].split(",")[0]: t for t in found
            if t["benchmark"] == "ledger"}


def test_ledger_targets_met() -> None:
    found = ledger_targets(ledger_result((5.0, 5.9), (0.15, 0.16), (946.0, 946.0), 0.08))
    assert set(found) == {"scan in the window", "open a 1", "bytes a station writes per order"}
    scan = found["scan in the window"]
    assert scan["measured"] == {"empty_p99_ms": 5.0, "history_p99_ms": 5.9, "growth_ms": 0.9}
    assert scan["met"] is True
    assert scan["at_target_size"] is True
    opened = found["open a 1"]
    assert opened["measured"]["over_pre_ledger_s"] == pytest.approx(0.08)
    assert opened["met"] is True
    spent = found["bytes a station writes per order"]
    assert spent["measured"]["share_bytes_per_scan"] == {"0": 946.0, "500000": 946.0}
    assert spent["met"] is True


def test_ledger_targets_missed() -> None:
    found = ledger_targets(ledger_result((5.0, 6.2), (0.1, 0.45), (946.0, 1100.0)))
    assert found["scan in the window"]["met"] is False  # 1.2 ms more
    assert found["open a 1"]["met"] is False  # 0.35 s more than with an empty ledger
    assert found["bytes a station writes per order"]["met"] is False  # grows with history
    slower = ledger_targets(ledger_result((5.0, 5.0), (0.3, 0.35), (946.0, 946.0), 0.02))
    assert slower["open a 1"]["measured"]["growth_s"] == pytest.approx(0.05)
    assert slower["open a 1"]["met"] is False  # 0.33 s more than before the ledger
    small = ledger_result((5.0, 5.0), (0.1, 0.1), (946.0, 946.0))
    small["history"] = 2000
    small["ui"]["2000"] = small["ui"].pop("500000")
    small["open_list"]["2000"] = small["open_list"].pop("500000")
    assert ledger_targets(small)["scan in the window"]["at_target_size"] is False
