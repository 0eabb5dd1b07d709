"""Issue 14, "the share is hostile": a damaged shared file is never started afresh.

On real files: global_stats.json and workers.json whose ``.bak`` is unreadable, missing or
older than the torn file make every update refuse (``SharedFileDamagedError``) and leave
both files byte for byte as they were; their bytes are also kept aside once. A ``.bak`` at
least as new as the torn file (our own rewrite cut short) is still restored. Worker ids are
never handed out twice, even when workers.json is lost. Wrong-typed counters are kept.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import pytest

from shared import fileio, sidecar
from shared.stats_manager import StatsFileDamagedError, StatsManager, StatsManagerError
from shared.worker_manager import (
    WorkerManager,
    WorkerManagerError,
    WorkersFileDamagedError,
)
from tests.conftest import SHOPIFY_SERVER

GARBAGE = b'{"total_orders_analyzed": 624, "by_cli\x00\x00\x00'


def shopify_stats(tmp_path: Path) -> StatsManager:
    """The real v1.0 file the Shopify Tool wrote (624 orders analysed), plus one of our writes."""
    shutil.copytree(SHOPIFY_SERVER / "Stats", tmp_path / "Stats")
    manager = StatsManager(tmp_path)
    manager.record_packing("M", "s1", "worker_001", 17, 36, record_id="r1",
                           worker_name="Dolphin")
    return manager


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def set_mtime(path: Path, mtime_ns: int) -> None:
    os.utime(path, ns=(mtime_ns, mtime_ns))


def make_newer(path: Path, than: Path, seconds: float = 5.0) -> None:
    set_mtime(path, than.stat().st_mtime_ns + int(seconds * 1e9))


def corrupt_copies(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.corrupt-*"))


# --------------------------------------------------------------------------- 1. never reset


def test_stats_file_and_bak_both_garbage_refuse_and_leave_both_untouched(
        tmp_path: Path) -> None:
    manager = shopify_stats(tmp_path)
    side = fileio.sidecar_path(manager.stats_file)
    manager.stats_file.write_bytes(GARBAGE)
    side.write_bytes(b"\x00" * 40)
    before = {manager.stats_file.name: GARBAGE, side.name: b"\x00" * 40}

    for attempt in range(2):
        with pytest.raises(StatsFileDamagedError) as caught:
            manager.record_packing("M", "s2", "worker_001", 5, 9, record_id=f"r2-{attempt}")
        with pytest.raises(StatsFileDamagedError):
            manager.get_global_stats()
    error = caught.value
    message = str(error)
    assert str(manager.stats_file) in message
    assert "global_stats.json.bak" in message
    assert "packing-tool verify" in message
    assert "--repair" in message
    assert "nothing was written" in message
    # One error type for every caller: the manager's, the shared one, the older one.
    assert isinstance(error, StatsManagerError)
    assert isinstance(error, fileio.SharedFileDamagedError)
    assert isinstance(error, fileio.CorruptFileError)
    assert error.path == str(manager.stats_file)
    # Both files byte for byte as they were; the damaged bytes kept aside once (not per try).
    assert manager.stats_file.read_bytes() == before[manager.stats_file.name]
    assert side.read_bytes() == before[side.name]
    [kept] = corrupt_copies(manager.stats_file)
    assert kept.read_bytes() == GARBAGE
    assert error.kept_at == kept
    assert [p.read_bytes() for p in corrupt_copies(side)] == [b"\x00" * 40]


def test_a_torn_stats_file_without_any_bak_is_not_started_afresh(tmp_path: Path) -> None:
    """The deployed Shopify Tool writes no .bak: its torn file must not reset 624 orders."""
    shutil.copytree(SHOPIFY_SERVER / "Stats", tmp_path / "Stats")
    manager = StatsManager(tmp_path)
    torn = manager.stats_file.read_bytes()[:150]
    manager.stats_file.write_bytes(torn)
    with pytest.raises(StatsFileDamagedError, match=r"no global_stats\.json\.bak"):
        manager.record_analysis("M", "s9", 3)
    assert manager.stats_file.read_bytes() == torn
    assert not fileio.sidecar_path(manager.stats_file).exists()
    assert [k.read_bytes() for k in corrupt_copies(manager.stats_file)] == [torn]


def test_a_repaired_file_counts_a_retried_record_once(tmp_path: Path) -> None:
    manager = shopify_stats(tmp_path)
    good = manager.stats_file.read_bytes()
    manager.stats_file.write_bytes(GARBAGE)
    fileio.sidecar_path(manager.stats_file).write_bytes(GARBAGE)
    with pytest.raises(StatsFileDamagedError):
        manager.record_packing("M", "s2", "worker_001", 5, 9, record_id="r2")
    manager.stats_file.write_bytes(good)  # the administrator puts a good copy back
    for _retry in range(2):
        assert manager.record_packing("M", "s2", "worker_001", 5, 9, record_id="r2")
    stats = manager.get_global_stats()
    assert stats["total_orders_analyzed"] == 624
    assert (stats["total_orders_packed"], stats["total_sessions"]) == (22, 2)
    assert stats["recorded_ids"] == ["r1", "r2"]


def test_empty_file_with_unreadable_bak_is_damaged(tmp_path: Path) -> None:
    manager = shopify_stats(tmp_path)
    side = fileio.sidecar_path(manager.stats_file)
    manager.stats_file.write_bytes(b"")
    side.write_bytes(GARBAGE)
    with pytest.raises(StatsFileDamagedError, match=r"empty, and global_stats\.json\.bak is"):
        manager.record_analysis("M", "s9", 3)
    assert manager.stats_file.read_bytes() == b""
    assert side.read_bytes() == GARBAGE
    assert [k.read_bytes() for k in corrupt_copies(side)] == [GARBAGE]


def test_new_empty_file_without_bak_and_missing_file_are_simply_new(tmp_path: Path) -> None:
    empty = StatsManager(tmp_path / "a")
    empty.stats_file.write_bytes(b"")
    assert empty.record_analysis("M", "s1", 3)
    missing = StatsManager(tmp_path / "b")
    assert not missing.stats_file.exists()
    assert missing.get_global_stats()["total_orders_analyzed"] == 0
    assert not missing.stats_file.exists()  # a read creates nothing
    assert missing.record_analysis("M", "s1", 4)
    assert (empty.get_global_stats()["total_orders_analyzed"],
            missing.get_global_stats()["total_orders_analyzed"]) == (3, 4)
    assert not list((tmp_path / "a" / "Stats").glob("*.corrupt-*"))


def test_a_lost_file_is_restored_from_its_bak(tmp_path: Path) -> None:
    manager = shopify_stats(tmp_path)
    manager.stats_file.unlink()
    assert manager.record_analysis("M", "s9", 6)
    assert manager.get_global_stats()["total_orders_analyzed"] == 630


def test_workers_file_and_bak_garbage_refuse_every_call(tmp_path: Path) -> None:
    manager = WorkerManager(tmp_path)
    dolphin = manager.create_worker("Dolphin")
    manager.update_worker_stats(dolphin.id, sessions=1, orders=79)
    side = fileio.sidecar_path(manager.workers_file)
    manager.workers_file.write_bytes(b'{"workers": [{"id": "worker_001", "na')
    side.write_bytes(b"")
    before = snapshot(manager.workers_dir)
    calls: list[Callable[[], object]] = [
        lambda: manager.create_worker("Shark"), lambda: manager.get_or_create("Shark"),
        manager.get_all_workers, lambda: manager.get_worker(dolphin.id),
        lambda: manager.update_worker_stats(dolphin.id, orders=1)]
    for call in calls:
        with pytest.raises(WorkersFileDamagedError, match=r"workers\.json.*verify"):
            call()
    after = snapshot(manager.workers_dir)
    assert {k: v for k, v in after.items() if ".corrupt-" not in k} == before
    assert issubclass(WorkersFileDamagedError, WorkerManagerError)
    assert issubclass(WorkersFileDamagedError, fileio.SharedFileDamagedError)


def test_a_torn_workers_file_without_bak_refuses(tmp_path: Path) -> None:
    bad = b'{"workers": [{"id": "worker_001"'
    path = tmp_path / "Workers" / "workers.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(bad)
    with pytest.raises(WorkersFileDamagedError, match=r"no workers\.json\.bak"):
        WorkerManager(tmp_path).create_worker("Dolphin")
    assert path.read_bytes() == bad
    assert [k.read_bytes() for k in corrupt_copies(path)] == [bad]


# --------------------------------------------------------------------------- 2. stale .bak


def deployed_tool_write(path: Path, change: Any) -> None:
    """An in-place rewrite as the deployed Shopify Tool does it: byte lock, no .bak."""
    with open(path, "r+b") as fh, fileio.lock_file(fh):
        doc = json.loads(fh.read())
        change(doc)
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps(doc, indent=4).encode())
        fh.flush()
        os.fsync(fh.fileno())


def test_a_bak_older_than_the_torn_file_is_not_restored(tmp_path: Path) -> None:
    manager = shopify_stats(tmp_path)
    side = fileio.sidecar_path(manager.stats_file)
    deployed_tool_write(manager.stats_file,
                        lambda d: d.update(total_orders_analyzed=d["total_orders_analyzed"] + 1000))
    make_newer(manager.stats_file, than=side)  # later than our last write, as it really is
    torn = manager.stats_file.read_bytes()[:-40]
    with open(manager.stats_file, "r+b") as fh:  # torn in place: its mtime moves on
        fh.truncate(len(torn))
    make_newer(manager.stats_file, than=side)
    before = snapshot(manager.stats_dir)

    with pytest.raises(StatsFileDamagedError) as caught:
        manager.record_packing("M", "s2", "worker_001", 1, 1, record_id="r2")
    message = str(caught.value)
    assert "global_stats.json.bak is older than it" in message
    assert "another program's later changes" in message
    side_time = sidecar._when(side.stat().st_mtime_ns)
    file_time = sidecar._when(manager.stats_file.stat().st_mtime_ns)
    assert side_time in message
    assert file_time in message
    with pytest.raises(StatsFileDamagedError):
        manager.get_global_stats()
    after = snapshot(manager.stats_dir)
    assert {k: v for k, v in after.items() if ".corrupt-" not in k} == before
    assert [k.read_bytes() for k in corrupt_copies(manager.stats_file)] == [torn]


@pytest.mark.parametrize("damage", [b"corrupted json {{{", b"[1, 2, 3]", b"\x00" * 300, b""],
                         ids=["garbage", "wrong-type", "zeros", "empty"])
def test_a_bak_as_new_as_the_damaged_file_is_restored(tmp_path: Path, damage: bytes) -> None:
    """Equal mtimes count as new enough (what the older test of recovery meant)."""
    manager = shopify_stats(tmp_path)
    side = fileio.sidecar_path(manager.stats_file)
    manager.stats_file.write_bytes(damage)
    set_mtime(manager.stats_file, side.stat().st_mtime_ns)
    stats = manager.get_global_stats()
    assert (stats["total_orders_analyzed"], stats["total_orders_packed"]) == (624, 17)
    assert json.loads(manager.stats_file.read_bytes())["recorded_ids"] == ["r1"]  # repaired
    if damage:
        assert [k.read_bytes() for k in corrupt_copies(manager.stats_file)] == [damage]


@pytest.mark.parametrize("damage", [b"corrupted json {{{", b"[1, 2, 3]", b"\x00" * 300])
def test_damage_newer_than_the_bak_is_refused(tmp_path: Path, damage: bytes) -> None:
    manager = shopify_stats(tmp_path)
    side = fileio.sidecar_path(manager.stats_file)
    manager.stats_file.write_bytes(damage)
    make_newer(manager.stats_file, than=side, seconds=0.5)
    with pytest.raises(StatsFileDamagedError, match="older than it"):
        manager.get_global_stats()
    assert manager.stats_file.read_bytes() == damage


class _Torn(Exception):
    """The station died in the middle of our own in-place rewrite."""


def test_our_own_rewrite_torn_to_zeros_is_restored(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """While our rewrite runs the .bak is stamped ahead: a power cut that leaves zeros (not a
    prefix of anything, and later than the .bak's own write) is still ours and restored."""
    manager = shopify_stats(tmp_path)
    real = fileio._rewrite_in_place

    class DiesWriting:
        def __init__(self, fh: IO[bytes]) -> None:
            self.fh = fh

        def __getattr__(self, name: str) -> Any:
            return getattr(self.fh, name)

        def write(self, payload: bytes) -> int:
            self.fh.write(b"\x00" * len(payload))
            self.fh.flush()
            raise _Torn

    def torn(fh: IO[bytes], path: Path, payload: bytes) -> None:
        real(DiesWriting(fh), path, payload)  # type: ignore[arg-type]

    monkeypatch.setattr(fileio, "_rewrite_in_place", torn)
    with pytest.raises(_Torn):
        manager.record_packing("M", "s2", "worker_001", 5, 9, record_id="r2")
    monkeypatch.undo()
    side = fileio.sidecar_path(manager.stats_file)
    assert manager.stats_file.stat().st_mtime_ns < side.stat().st_mtime_ns  # the lease
    assert not side.read_bytes().startswith(manager.stats_file.read_bytes())
    stats = manager.get_global_stats()
    assert stats["recorded_ids"] == ["r1", "r2"]  # rolled forward to what was being written
    assert manager.record_packing("M", "s2", "worker_001", 5, 9, record_id="r2")  # once
    assert manager.get_global_stats()["total_orders_packed"] == 22
    # After a complete rewrite the .bak is exactly as old as the file.
    assert side.stat().st_mtime_ns == manager.stats_file.stat().st_mtime_ns


def test_a_torn_prefix_of_the_bak_is_its_own_rewrite(tmp_path: Path) -> None:
    """A rewrite torn half way (by a writer that does not stamp the .bak) is rolled forward."""
    manager = shopify_stats(tmp_path)
    side = fileio.sidecar_path(manager.stats_file)
    payload = side.read_bytes()
    manager.stats_file.write_bytes(payload[: len(payload) // 2])
    make_newer(manager.stats_file, than=side)
    assert manager.get_global_stats()["recorded_ids"] == ["r1"]


def test_older_callers_without_strict_still_restore_but_say_so(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "index.json"
    fileio.locked_json_update(path, lambda d: d.update(n=1), default=dict)
    path.write_bytes(b"{torn")
    make_newer(path, than=fileio.sidecar_path(path))
    assert fileio.read_json_locked(path, default=dict) == {"n": 1}
    assert "restored OLDER content" in caplog.text


# --------------------------------------------------------------------------- worker ids


def test_a_lost_workers_file_does_not_reuse_an_id_the_statistics_name(tmp_path: Path) -> None:
    workers = WorkerManager(tmp_path)
    for name in ("Dolphin", "Orca"):
        workers.create_worker(name)
    stats = StatsManager(tmp_path)
    stats.record_packing("M", "s1", "worker_001", 79, 120, worker_name="Dolphin",
                         record_id="M/s1/DHL/1/worker_001")
    stats.record_packing("M", "s2", "worker_002", 3, 3, worker_name="Orca")
    workers.workers_file.unlink()
    fileio.sidecar_path(workers.workers_file).unlink()

    shark = WorkerManager(tmp_path).create_worker("Shark")
    assert shark.id == "worker_003"
    assert (shark.total_orders, shark.total_sessions) == (0, 0)
    assert WorkerManager(tmp_path).get_or_create("Whale").id == "worker_004"


def test_ids_named_only_in_the_history_or_by_the_caller_are_skipped(tmp_path: Path) -> None:
    stats = StatsManager(tmp_path)
    stats.record_packing("M", "s1", "worker_007", 1, 1)
    stats.record_packing("M", "s2", None, 1, 1)
    doc = json.loads(stats.stats_file.read_text())
    doc["workers"] = {}  # only the packing history still names worker_007
    stats.stats_file.write_text(json.dumps(doc))
    manager = WorkerManager(tmp_path)
    assert manager.create_worker("A").id == "worker_008"
    assert manager.create_worker("B", taken_ids=["worker_012", "nobody"]).id == "worker_013"
    assert manager.get_or_create("B", taken_ids=["worker_099"]).id == "worker_013"  # exists


def test_no_new_worker_while_the_statistics_are_damaged(tmp_path: Path) -> None:
    stats = StatsManager(tmp_path)
    stats.record_packing("M", "s1", "worker_001", 1, 1)
    stats.stats_file.write_bytes(GARBAGE)
    fileio.sidecar_path(stats.stats_file).write_bytes(GARBAGE)
    manager = WorkerManager(tmp_path)
    with pytest.raises(WorkerManagerError, match=r"cannot choose a new worker id.*global_stats"):
        manager.create_worker("Shark")
    assert not manager.workers_file.exists() or manager.get_all_workers() == []


# --------------------------------------------------------------------------- 5. _invalid


def test_wrong_typed_client_and_worker_counters_are_kept_under_invalid(tmp_path: Path) -> None:
    shutil.copytree(SHOPIFY_SERVER / "Stats", tmp_path / "Stats")
    path = tmp_path / "Stats" / "global_stats.json"
    doc = json.loads(path.read_text())
    doc["by_client"]["M"]["orders_packed"] = "lots"
    doc["by_client"]["B"]["sessions"] = -3
    doc["clients"] = {"Z": {"orders_analyzed": [5], "items_packed": {"x": 1}}}
    doc["workers"] = {"worker_001": {"name": "Dolphin", "orders_packed": "79",
                                     "items_packed": "many", "duration_seconds": "long"}}
    doc["total_labels_printed"] = "n/a"
    path.write_text(json.dumps(doc))
    manager = StatsManager(tmp_path)
    manager.record_packing("M", "s1", "worker_001", 2, 2, worker_name="Dolphin")
    data = json.loads(path.read_text())
    m, b, z = (data["by_client"][c] for c in "MBZ")
    assert (m["orders_packed"], m["_invalid"]) == (2, {"orders_packed": "lots"})
    assert (b["sessions"], b["_invalid"]) == (0, {"sessions": -3})
    assert z["_invalid"] == {"orders_analyzed": [5]}
    assert data["clients"]["Z"]["_invalid"] == {"items_packed": {"x": 1}}
    worker = data["workers"]["worker_001"]
    assert (worker["orders_packed"], worker["items_packed"]) == (81, 2)  # "79" is a count
    assert worker["_invalid"] == {"items_packed": "many", "duration_seconds": "long"}
    assert (data["total_labels_printed"], data["_invalid"]) == (0, {"total_labels_printed": "n/a"})
    manager.record_analysis("M", "s2", 1)
    assert json.loads(path.read_text())["by_client"]["M"]["_invalid"] == {"orders_packed": "lots"}
