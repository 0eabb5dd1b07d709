"""StatsManager: the deployed tools' call forms, every file version, corrupt files."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest

from shared import fileio
from shared.stats_manager import (
    FileLockError,
    StatsFileDamagedError,
    StatsManager,
    StatsManagerError,
)
from tests.conftest import SHOPIFY_SERVER


def _raw(manager: StatsManager) -> dict[str, Any]:
    data = json.loads(manager.stats_file.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


# ---------------------------------------------------------------------- call forms


def test_accepts_share_root_or_stats_folder(tmp_path: Path) -> None:
    by_root = StatsManager(tmp_path)
    by_folder = StatsManager(tmp_path / "Stats")
    assert by_root.stats_file == by_folder.stats_file == tmp_path / "Stats" / "global_stats.json"
    by_root.record_analysis("M", "s1", 10)
    assert by_folder.get_global_stats()["total_orders_analyzed"] == 10


def test_nested_missing_base_is_created_and_file_waits_for_first_record(tmp_path: Path) -> None:
    manager = StatsManager(base_path=str(tmp_path / "a" / "b"))
    assert (tmp_path / "a" / "b" / "Stats").is_dir()
    assert not manager.stats_file.exists()
    manager.record_analysis(client_id="M", session_id="test_session", orders_count=10)
    assert manager.stats_file.exists()


def test_deployed_tool_positional_and_keyword_forms(tmp_path: Path) -> None:
    manager = StatsManager(tmp_path, max_retries=3, retry_delay=0.05)
    assert manager.record_analysis("M", "session1", 100) is True
    assert manager.record_analysis("M", "session2", 50, {"items_count": 80}) is True
    assert manager.record_packing("M", "s1", "001", 10, 30) is True
    assert manager.record_packing(client_id="M", session_id="s2", worker_id=None,
                                  orders_count=100, items_count=300) is True
    metadata = {"start_time": "2025-11-05T08:00:00", "end_time": "2025-11-05T10:30:00",
                "duration_seconds": 9000}
    manager.record_packing(client_id="M", session_id="s3", worker_id="001", orders_count=142,
                           items_count=450, metadata=metadata)
    stats = manager.get_global_stats()
    assert stats["total_orders_analyzed"] == 150
    assert stats["total_orders_packed"] == 252
    assert stats["total_items_packed"] == 780
    assert stats["total_sessions"] == 3
    latest = manager.get_packing_history(limit=1)[0]
    assert latest["metadata"] == metadata
    assert latest["duration_seconds"] == 9000
    by_worker = manager.get_packing_history(worker_id="001")
    assert [r["session_id"] for r in by_worker] == ["s3", "s1"]
    second = manager.get_packing_history(client_id="M", worker_id=None, limit=2)[1]
    assert second["worker_id"] is None
    assert manager.get_analysis_history(limit=1)[0]["metadata"] == {"items_count": 80}
    assert stats["workers"]["001"]["orders_packed"] == 152
    assert stats["workers"]["001"]["sessions"] == 2


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"orders_count": -1}, "orders_count"),
        ({"orders_count": "5"}, "orders_count"),
        ({"orders_count": True}, "orders_count"),
        ({"orders_count": 1, "items_count": 1.5}, "items_count"),
        ({"orders_count": 1, "metadata": ["x"]}, "metadata"),
        ({"orders_count": 1, "metadata": {"x": object()}}, "metadata"),
        ({"orders_count": 1, "orders_packed": 2}, "disagree"),
    ],
)
def test_bad_arguments_are_refused_by_name(tmp_path: Path, kwargs: dict[str, Any],
                                           needle: str) -> None:
    manager = StatsManager(tmp_path)
    with pytest.raises(StatsManagerError, match=needle):
        manager.record_packing("M", "s1", "001", **kwargs)
    assert not manager.stats_file.exists()


def test_history_newest_first_capped_and_client_filter(tmp_path: Path) -> None:
    manager = StatsManager(tmp_path)
    for name in ("s1", "s2", "s3"):
        manager.record_analysis("M", name, 1)
        time.sleep(0.01)
    assert [r["session_id"] for r in manager.get_analysis_history()] == ["s3", "s2", "s1"]
    for i in range(1010):
        manager.record_analysis(f"C{i % 10}", f"session_{i}", 1)
    history = manager.get_analysis_history()
    assert len(history) == 1000
    assert history[0]["session_id"] == "session_1009"
    assert len(manager.get_analysis_history(client_id="C3", limit=5)) == 5
    assert manager.get_global_stats()["total_orders_analyzed"] == 1013


def test_unknown_client_is_zero_and_reset_keeps_previous_aside(tmp_path: Path) -> None:
    manager = StatsManager(tmp_path)
    assert manager.get_client_stats("ZZ")["orders_packed"] == 0
    assert manager.get_all_clients_stats() == {}
    manager.record_packing("M", "s1", "001", 10, 30)
    manager.reset_stats()
    stats = manager.get_global_stats()
    assert stats["total_orders_packed"] == stats["total_sessions"] == 0
    assert manager.get_all_clients_stats() == {}
    [aside] = list(manager.stats_dir.glob("global_stats.json.reset-*"))
    assert json.loads(aside.read_text())["total_orders_packed"] == 10


def test_record_id_counts_once(tmp_path: Path) -> None:
    manager = StatsManager(tmp_path)
    for _ in range(3):
        assert manager.record_packing("M", "2026-11-21_1", "worker_001", 5, 9,
                                      record_id="2026-11-21_1/DHL_Orders") is True
    stats = manager.get_global_stats()
    assert (stats["total_orders_packed"], stats["total_sessions"]) == (5, 1)
    assert len(stats["packing_history"]) == 1


def test_concurrent_readers_see_identical_snapshots(tmp_path: Path) -> None:
    manager = StatsManager(tmp_path)
    manager.record_analysis("M", "s1", 3)
    snapshots = [StatsManager(tmp_path).get_global_stats() for _ in range(5)]
    assert all(s == snapshots[0] for s in snapshots)


# ---------------------------------------------------------------------- lock hooks


def test_lock_timeout_raises_file_lock_error_after_retries(tmp_path: Path) -> None:
    manager = StatsManager(tmp_path, max_retries=2, retry_delay=0.01, lock_timeout=0.2)
    manager.record_analysis("M", "s1", 1)
    with open(manager.stats_file, "r+b") as holder, fileio.lock_file(holder):
        started = time.monotonic()
        with pytest.raises(FileLockError, match=r"global_stats\.json"):
            manager.record_analysis("M", "s2", 1)
        assert time.monotonic() - started >= 0.4
    assert issubclass(FileLockError, StatsManagerError)
    assert manager.get_global_stats()["total_orders_analyzed"] == 1


def test_replaced_lock_hook_that_always_fails(tmp_path: Path) -> None:
    manager = StatsManager(base_path=tmp_path, max_retries=1)

    def failing_lock(file_handle: IO[bytes], timeout: float = 5.0) -> None:
        raise FileLockError("Simulated lock timeout")

    manager._lock_file = failing_lock  # type: ignore[method-assign,assignment]
    with pytest.raises(StatsManagerError):
        manager.record_analysis("M", "s1", 10)


def test_replaced_lock_hook_that_fails_once_then_recovers(tmp_path: Path) -> None:
    manager = StatsManager(base_path=tmp_path, max_retries=3, retry_delay=0.05)
    original = manager._lock_file
    calls = []

    @contextlib.contextmanager
    def flaky_lock(file_handle: IO[bytes], timeout: float = 5.0) -> Iterator[IO[bytes]]:
        calls.append(1)
        if len(calls) == 1:
            raise FileLockError("first call fails")
        with original(file_handle, timeout) as fh:
            yield fh

    manager._lock_file = flaky_lock  # type: ignore[method-assign]
    assert manager.record_analysis("M", "s1", 10) is True
    assert len(calls) == 2
    assert manager.get_global_stats()["total_orders_analyzed"] == 10


# ---------------------------------------------------------------------- file versions


def test_real_shopify_fixture_v1_0_is_read_and_recorded_into(tmp_path: Path) -> None:
    stats_dir = tmp_path / "Stats"
    shutil.copytree(SHOPIFY_SERVER / "Stats", stats_dir)
    original = json.loads((stats_dir / "global_stats.json").read_text())
    assert original["version"] == "1.0"
    raw = original | {"shopify_only_key": {"keep": [1, 2]}}
    (stats_dir / "global_stats.json").write_text(json.dumps(raw, indent=4))

    manager = StatsManager(tmp_path)
    assert manager.get_global_stats()["total_orders_analyzed"] == 624
    assert manager.get_client_stats("B")["orders_analyzed"] == 80
    manager.record_packing("M", "2026-11-21_1", "worker_001", 17, 36,
                           packing_list_name="DHL_Orders", worker_name="Dolphin")
    data = _raw(manager)
    assert data["shopify_only_key"] == {"keep": [1, 2]}
    assert data["analysis_history"] == original["analysis_history"]
    assert data["total_orders_analyzed"] == 624
    assert data["total_orders_packed"] == 17
    assert data["by_client"]["M"] == {"orders_analyzed": 544, "orders_packed": 17, "sessions": 1}
    assert data["clients"]["M"]["items_packed"] == 36
    assert data["packing_history"][0]["packing_list_name"] == "DHL_Orders"
    assert data["version"] == "2.0"


def test_fork_v2_file_with_label_prints_keeps_everything(tmp_path: Path) -> None:
    stats_file = tmp_path / "Stats" / "global_stats.json"
    stats_file.parent.mkdir()
    v2 = {
        "total_orders_analyzed": 10, "total_orders_packed": 4, "total_sessions": 1,
        "total_labels_printed": 12,
        "by_client": {"M": {"orders_analyzed": 10, "orders_packed": 4, "sessions": 1,
                            "labels_printed": 12}},
        "analysis_history": [], "packing_history": [],
        "label_print_history": [{"timestamp": "2026-08-01T10:00:00+02:00", "client_id": "M",
                                 "sku": "0012345678905", "copies": 12}],
        "last_updated": "2026-08-01T10:00:00+02:00", "version": "2.0",
    }
    stats_file.write_text(json.dumps(v2, indent=4))
    manager = StatsManager(tmp_path)
    manager.record_analysis("M", "2026-08-02_1", 5)
    manager.record_label_print("M", "0012345678905", 3)
    data = _raw(manager)
    assert data["total_labels_printed"] == 15
    assert data["by_client"]["M"]["labels_printed"] == 15
    assert data["by_client"]["M"]["orders_analyzed"] == 15
    assert len(data["label_print_history"]) == 2
    assert manager.get_label_print_history(limit=1)[0]["copies"] == 3


def test_packing_tool_v1_3_and_dev_shape_files_are_read(tmp_path: Path) -> None:
    stats_file = tmp_path / "Stats" / "global_stats.json"
    stats_file.parent.mkdir()
    stats_file.write_text(json.dumps({
        "total_analyses": 3, "total_orders_analyzed": 30, "total_items_analyzed": 90,
        "clients": {"A": {"orders_analyzed": 30}}, "last_updated": "2025-11-01T09:00:00",
    }))
    manager = StatsManager(tmp_path)
    manager.record_packing("A", "2025-11-02_1", "worker_002", 7, 21)
    data = _raw(manager)
    assert data["total_analyses"] == 3
    assert data["total_items_analyzed"] == 90
    assert data["by_client"]["A"] == {"orders_analyzed": 30, "orders_packed": 7, "sessions": 1}

    stats_file.write_text(json.dumps({
        "total_orders_analyzed": 0, "total_orders_packed": 3, "total_sessions": 1,
        "by_client": {"M": {"orders_analyzed": 0, "orders_packed": 3, "sessions": 1}},
        "analysis_history": [],
        "packing_history": [{"timestamp": "2026-02-20T05:28:41+00:00", "client_id": "M",
                             "session_id": "sid", "worker_id": "worker_001",
                             "orders_count": 3, "items_count": 5,
                             "metadata": {"duration_seconds": 600}}],
        "last_updated": "2026-02-20T05:28:41+00:00", "version": "1.3.0",
    }))
    assert manager.get_packing_history()[0]["metadata"] == {"duration_seconds": 600}
    manager.record_packing("M", "s2", "worker_001", 2, 2)
    assert manager.get_global_stats()["total_orders_packed"] == 5


# ---------------------------------------------------------------------- damaged files


def _two_good_writes(tmp_path: Path) -> StatsManager:
    manager = StatsManager(tmp_path)
    manager.record_packing("M", "s1", "001", 10, 30)
    manager.record_packing("M", "s2", "001", 5, 15)
    return manager


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: b"", id="empty"),
        pytest.param(lambda raw: raw[: len(raw) // 2], id="truncated"),
        pytest.param(lambda raw: b"corrupted json {{{", id="garbage"),
        pytest.param(lambda raw: b"\x00" * len(raw), id="zeros"),
        pytest.param(lambda raw: b"[1, 2, 3]", id="wrong-type"),
    ],
)
def test_damaged_file_is_recovered_to_last_good_content(tmp_path: Path, damage: Any) -> None:
    manager = _two_good_writes(tmp_path)
    raw = manager.stats_file.read_bytes()
    bad = damage(raw)
    manager.stats_file.write_bytes(bad)
    # Torn by our own rewrite: no later than the sidecar written just before it (a file
    # damaged after its sidecar may hold another program's newer data: see
    # test_shared_file_damage.py, where that is refused).
    bak = fileio.sidecar_path(manager.stats_file).stat()
    os.utime(manager.stats_file, ns=(bak.st_atime_ns, bak.st_mtime_ns))

    stats = StatsManager(tmp_path).get_global_stats()
    assert stats["total_orders_packed"] == 15
    assert [r["session_id"] for r in stats["packing_history"]] == ["s1", "s2"]
    assert _raw(manager)["total_orders_packed"] == 15  # repaired on disk
    kept = list(manager.stats_dir.glob("global_stats.json.corrupt-*"))
    if bad.strip():
        assert [k.read_bytes() for k in kept] == [bad]
    manager.record_packing("M", "s3", "001", 1, 1)
    assert manager.get_global_stats()["total_orders_packed"] == 16


def test_corrupt_file_without_any_good_copy_is_kept_aside_and_never_reset(
        tmp_path: Path) -> None:
    manager = StatsManager(tmp_path)
    manager.stats_file.parent.mkdir(parents=True, exist_ok=True)
    manager.stats_file.write_text("corrupted json {{{")
    with pytest.raises(StatsFileDamagedError, match=r"global_stats\.json is damaged"):
        manager.record_analysis("M", "s1", 10)
    assert manager.stats_file.read_text() == "corrupted json {{{"  # never started afresh
    [kept] = list(manager.stats_dir.glob("global_stats.json.corrupt-*"))
    assert kept.read_text() == "corrupted json {{{"


def test_empty_new_file_is_simply_new(tmp_path: Path) -> None:
    manager = StatsManager(tmp_path)
    manager.stats_file.write_bytes(b"")
    assert manager.record_analysis("M", "s1", 10) is True
    assert manager.get_global_stats()["total_orders_analyzed"] == 10
    assert not list(manager.stats_dir.glob("*.corrupt-*"))


def test_wrong_typed_fields_are_kept_under_invalid(tmp_path: Path) -> None:
    manager = StatsManager(tmp_path)
    manager.stats_file.write_text(json.dumps({
        "total_orders_analyzed": "12", "total_orders_packed": "lots",
        "by_client": ["M"], "analysis_history": {"not": "a list"}, "version": "1.0",
    }))
    manager.record_analysis("M", "s1", 1)
    data = _raw(manager)
    assert data["total_orders_analyzed"] == 13
    assert data["_invalid"]["total_orders_packed"] == "lots"
    assert data["_invalid"]["by_client"] == ["M"]
    assert data["_invalid"]["analysis_history"] == {"not": "a list"}
    assert data["by_client"]["M"]["orders_analyzed"] == 1


def test_unreadable_stats_folder_gives_a_clear_error(tmp_path: Path) -> None:
    manager = StatsManager(tmp_path, max_retries=2, retry_delay=0.01)
    manager.stats_file.mkdir()  # a folder where the file should be
    with pytest.raises(StatsManagerError, match=r"global_stats\.json"):
        manager.record_analysis("M", "s1", 1)
