"""WorkerManager on real files: profiles, uniqueness, metrics, old files, corruption, races."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from shared import fileio
from shared.timestamps import parse_timestamp
from shared.worker_manager import (
    RECORD_ID_LIMIT,
    DuplicateWorkerError,
    UnknownWorkerError,
    WorkerManager,
    WorkerManagerError,
    WorkerProfile,
    WorkersFileDamagedError,
)
from tests.helpers.processes import run_all

WRITER = Path(__file__).resolve().parents[1] / "helpers" / "worker_writer.py"

# The example of anchor §2.8, with real timestamps in place of the elided ones.
ANCHOR_EXAMPLE: dict[str, Any] = {
    "workers": [
        {"id": "worker_001", "name": "Dolphin", "created_at": "2026-01-05T08:00:00+00:00",
         "total_sessions": 1, "total_orders": 3, "total_items": 5, "total_duration_seconds": 600,
         "avg_time_per_order": 200.0, "avg_orders_per_session": 3.0,
         "last_active": "2026-01-05T09:00:00+00:00", "last_session_id": "x", "version": "1.3.0"}
    ],
    "version": "1.3.0",
}


def has_offset(value: object) -> bool:
    moment = parse_timestamp(value)
    return isinstance(value, str) and moment is not None and (
        value.endswith("Z") or value[-6] in "+-")


@pytest.fixture
def manager(tmp_path: Path) -> WorkerManager:
    return WorkerManager(tmp_path)


def workers_file(root: Path) -> Path:
    return root / "Workers" / "workers.json"


def write_raw(root: Path, data: Any) -> Path:
    path = workers_file(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def on_disk(root: Path) -> dict[str, Any]:
    data = json.loads(workers_file(root).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


# --------------------------------------------------------------------------- profiles


def test_create_and_get(manager: WorkerManager, tmp_path: Path) -> None:
    assert not workers_file(tmp_path).exists()
    assert manager.get_all_workers() == []
    assert not workers_file(tmp_path).exists()  # reading does not create the file

    made = manager.create_worker("  Dolphin ")
    assert made.id == "worker_001"
    assert made.name == "Dolphin"
    assert made.active is True
    assert has_offset(made.created_at)
    assert (made.total_sessions, made.total_orders, made.total_items) == (0, 0, 0)
    assert made.last_active is None
    assert made.version == "1.3.0"
    assert manager.get_worker("worker_001") == made
    assert manager.get_worker("worker_999") is None

    doc = on_disk(tmp_path)
    assert doc["version"] == "1.3.0"
    assert has_offset(doc["last_updated"])
    assert doc["workers"] == [made.to_dict()]
    assert workers_file(tmp_path).with_name("workers.json.bak").exists()


def test_ids_follow_the_highest_and_are_never_reused(manager: WorkerManager) -> None:
    ids = [manager.create_worker(n).id for n in ("A", "B", "C")]
    assert ids == ["worker_001", "worker_002", "worker_003"]
    manager.delete_worker("worker_003")
    assert manager.create_worker("D").id == "worker_004"
    assert len(manager.get_all_workers(include_inactive=True)) == 4


def test_next_id_after_a_gap_in_an_old_file(tmp_path: Path) -> None:
    write_raw(tmp_path, {"workers": [{"id": "worker_007", "name": "Seven"},
                                     {"id": "custom", "name": "Custom"}]})
    assert WorkerManager(tmp_path).create_worker("Eight").id == "worker_008"


def test_names_are_unique_ignoring_case_and_spaces(manager: WorkerManager) -> None:
    manager.create_worker("Dolphin")
    for clash in ("dolphin", "  DOLPHIN  ", "Dolphin"):
        with pytest.raises(DuplicateWorkerError, match="worker_001"):
            manager.create_worker(clash)
    manager.create_worker("Straße")
    with pytest.raises(DuplicateWorkerError):
        manager.create_worker("STRASSE")  # casefold, not lower
    for empty in ("", "   "):
        with pytest.raises(WorkerManagerError, match="name"):
            manager.create_worker(empty)
    assert [w.name for w in manager.get_all_workers()] == ["Dolphin", "Straße"]


def test_deactivated_name_stays_reserved(manager: WorkerManager) -> None:
    worker = manager.create_worker("Dolphin")
    manager.deactivate_worker(worker.id)
    with pytest.raises(DuplicateWorkerError, match="deactivated"):
        manager.create_worker("dolphin")
    back = manager.reactivate_worker(worker.id)
    assert back.active is True
    assert manager.get_all_workers() == [back]


def test_rename(manager: WorkerManager) -> None:
    first = manager.create_worker("Dolphin")
    manager.create_worker("Shark")
    renamed = manager.rename_worker(first.id, " Orca ")
    assert renamed.name == "Orca"
    assert manager.get_worker(first.id) == renamed
    assert manager.rename_worker(first.id, "ORCA").name == "ORCA"  # its own name, new case
    with pytest.raises(DuplicateWorkerError):
        manager.rename_worker(first.id, "shark")
    with pytest.raises(UnknownWorkerError):
        manager.rename_worker("worker_404", "Nobody")
    with pytest.raises(WorkerManagerError, match="new_name"):
        manager.rename_worker(first.id, " ")
    assert manager.find_by_name("orca") == manager.get_worker(first.id)


def test_deactivate_reactivate_delete(manager: WorkerManager, tmp_path: Path) -> None:
    a = manager.create_worker("A")
    b = manager.create_worker("B")
    manager.update_worker_stats(a.id, sessions=1, orders=4, items=9, duration_seconds=60)

    gone = manager.deactivate_worker(a.id)
    assert gone.active is False
    assert has_offset(gone.deactivated_at)
    assert [w.id for w in manager.get_all_workers()] == [b.id]
    assert {w.id for w in manager.get_all_workers(include_inactive=True)} == {a.id, b.id}
    assert manager.deactivate_worker(a.id).deactivated_at == gone.deactivated_at  # no change

    back = manager.reactivate_worker(a.id)
    assert back.active is True
    assert back.deactivated_at is None
    assert (back.total_orders, back.total_items) == (4, 9)  # history kept

    deleted = manager.delete_worker(b.id)
    assert deleted.active is False
    row = next(w for w in on_disk(tmp_path)["workers"] if w["id"] == b.id)
    assert row["active"] is False
    assert "deactivated_at" in row
    for call in (manager.deactivate_worker, manager.reactivate_worker, manager.delete_worker):
        with pytest.raises(UnknownWorkerError):
            call("worker_404")


def test_find_by_name_and_get_or_create(manager: WorkerManager) -> None:
    assert manager.find_by_name("Dolphin") is None
    made = manager.get_or_create("Dolphin")
    assert made.id == "worker_001"
    assert manager.get_or_create(" dolphin ") == made
    assert manager.find_by_name("DOLPHIN") == made
    manager.deactivate_worker(made.id)
    found = manager.find_by_name("dolphin")
    assert found is not None
    assert found.active is False
    assert manager.get_or_create("Shark").id == "worker_002"
    assert len(manager.get_all_workers(include_inactive=True)) == 2


# --------------------------------------------------------------------------- statistics


def test_update_stats_and_derived_metrics(manager: WorkerManager, tmp_path: Path) -> None:
    worker = manager.create_worker("Dolphin")
    manager.update_worker_stats(worker.id, sessions=1, orders=20, items=60,
                                duration_seconds=1800, session_id="2026-01-05_1")
    got = manager.update_worker_stats(worker.id, sessions=1, orders=25, items=70,
                                      duration_seconds=3600, session_id="2026-01-05_2")
    assert (got.total_sessions, got.total_orders, got.total_items) == (2, 45, 130)
    assert got.total_duration_seconds == 5400
    assert got.avg_time_per_order == 120.0  # 5400 / 45
    assert got.avg_orders_per_session == 22.5  # 45 / 2
    assert got.avg_items_per_session == 65.0  # 130 / 2
    assert got.orders_per_hour == 30.0  # 45 / 1.5 h
    assert got.items_per_hour == 86.7  # 130 / 1.5 h = 86.666…
    assert got.last_session_id == "2026-01-05_2"
    assert has_offset(got.last_active)
    row = on_disk(tmp_path)["workers"][0]
    assert row["items_per_hour"] == 86.7
    assert row["total_duration_seconds"] == 5400


def test_zero_denominators_give_zero(manager: WorkerManager) -> None:
    worker = manager.create_worker("Dolphin")
    got = manager.update_worker_stats(worker.id, items=5)
    assert got.total_items == 5
    assert (got.avg_time_per_order, got.avg_orders_per_session, got.avg_items_per_session,
            got.orders_per_hour, got.items_per_hour) == (0, 0, 0, 0, 0)
    got = manager.update_worker_stats(worker.id, sessions=1, orders=3, duration_seconds=0.5)
    assert got.avg_time_per_order == 0.2  # 0.5 / 3, rounded
    assert got.orders_per_hour == 21600.0


@pytest.mark.parametrize(
    ("argument", "value"),
    [("sessions", -1), ("orders", 1.5), ("items", True), ("orders", "2"),
     ("duration_seconds", -3), ("duration_seconds", "10"), ("duration_seconds", float("nan")),
     ("duration_seconds", float("inf")), ("items", 10**400),
     ("session_id", 5), ("record_id", "")],
)
def test_bad_arguments_are_refused(
    manager: WorkerManager, tmp_path: Path, argument: str, value: object
) -> None:
    worker = manager.create_worker("Dolphin")
    before = workers_file(tmp_path).read_bytes()
    with pytest.raises(WorkerManagerError, match=argument):
        manager.update_worker_stats(worker.id, **{argument: value})  # type: ignore[arg-type]
    assert workers_file(tmp_path).read_bytes() == before


def test_update_of_unknown_worker_changes_nothing(manager: WorkerManager, tmp_path: Path) -> None:
    manager.create_worker("Dolphin")
    before = workers_file(tmp_path).read_bytes()
    with pytest.raises(UnknownWorkerError, match="worker_404"):
        manager.update_worker_stats("worker_404", sessions=1)
    assert workers_file(tmp_path).read_bytes() == before


def test_record_id_counts_once(manager: WorkerManager, tmp_path: Path) -> None:
    worker = manager.create_worker("Dolphin")
    first = manager.update_worker_stats(worker.id, sessions=1, orders=2, items=3,
                                        duration_seconds=10, session_id="s1", record_id="r1")
    stamp = on_disk(tmp_path)["last_updated"]
    again = manager.update_worker_stats(worker.id, sessions=1, orders=2, items=3,
                                        duration_seconds=10, session_id="s1", record_id="r1")
    assert again == first
    assert on_disk(tmp_path)["last_updated"] == stamp
    other = manager.update_worker_stats(worker.id, sessions=1, orders=2, record_id="r2")
    assert (other.total_sessions, other.total_orders) == (2, 4)
    assert on_disk(tmp_path)["recorded_ids"] == ["r1", "r2"]


def test_recorded_ids_are_capped(tmp_path: Path) -> None:
    ids = [f"old-{i}" for i in range(RECORD_ID_LIMIT)]
    write_raw(tmp_path, {"workers": [{"id": "worker_001", "name": "A"}], "recorded_ids": ids})
    manager = WorkerManager(tmp_path)
    manager.update_worker_stats("worker_001", sessions=1, record_id="new")
    kept = on_disk(tmp_path)["recorded_ids"]
    assert len(kept) == RECORD_ID_LIMIT
    assert kept[0] == "old-1"
    assert kept[-1] == "new"
    repeat = manager.update_worker_stats("worker_001", sessions=1, record_id="old-5")
    assert repeat.total_sessions == 1


# --------------------------------------------------------------------------- ordering


def test_sorted_by_last_activity(tmp_path: Path) -> None:
    write_raw(tmp_path, {"workers": [
        {"id": "worker_001", "name": "never b"},
        {"id": "worker_002", "name": "Old", "last_active": "2025-01-01T10:00:00+00:00"},
        {"id": "worker_003", "name": "Zulu", "last_active": "2026-03-01T10:00:00Z"},
        {"id": "worker_004", "name": "Never A"},
        {"id": "worker_005", "name": "Middle", "last_active": "2025-06-01T10:00:00+02:00"},
        {"id": "worker_006", "name": "Hidden", "active": False,
         "last_active": "2027-01-01T00:00:00+00:00"},
    ]})
    manager = WorkerManager(tmp_path)
    assert [w.name for w in manager.get_all_workers()] == [
        "Zulu", "Middle", "Old", "Never A", "never b"]
    assert manager.get_all_workers(include_inactive=True)[0].name == "Hidden"


def test_sorted_after_real_updates(manager: WorkerManager) -> None:
    a, b, c = (manager.create_worker(n) for n in ("A", "B", "C"))
    manager.update_worker_stats(b.id, sessions=1)
    manager.update_worker_stats(c.id, sessions=1)
    manager.update_worker_stats(a.id, sessions=1)
    manager.create_worker("D")
    assert [w.name for w in manager.get_all_workers()] == ["A", "C", "B", "D"]


# --------------------------------------------------------------------------- formats


def test_profile_round_trip_keeps_unknown_keys() -> None:
    row = {**ANCHOR_EXAMPLE["workers"][0], "badge": "A12", "shift": {"start": "06:00"}}
    profile = WorkerProfile.from_dict(row)
    assert profile.name == "Dolphin"
    assert profile.extra == {"badge": "A12", "shift": {"start": "06:00"}}
    out = profile.to_dict()
    assert out["badge"] == "A12"
    assert out["shift"] == {"start": "06:00"}
    assert WorkerProfile.from_dict(out) == profile
    with pytest.raises(WorkerManagerError):
        WorkerProfile.from_dict({"name": "No id"})


def test_unknown_keys_survive_a_rewrite(tmp_path: Path) -> None:
    data = json.loads(json.dumps(ANCHOR_EXAMPLE))
    data["site"] = "Sofia"
    data["workers"][0]["badge"] = "A12"
    write_raw(tmp_path, data)
    manager = WorkerManager(tmp_path)
    assert manager.get_worker("worker_001") is not None
    manager.update_worker_stats("worker_001", sessions=1, orders=1)
    manager.rename_worker("worker_001", "Orca")
    doc = on_disk(tmp_path)
    assert doc["site"] == "Sofia"
    assert doc["workers"][0]["badge"] == "A12"
    assert doc["workers"][0]["name"] == "Orca"
    profile = manager.get_worker("worker_001")
    assert profile is not None
    assert profile.extra == {"badge": "A12"}


def test_anchor_example_is_read_and_upgraded(tmp_path: Path) -> None:
    write_raw(tmp_path, ANCHOR_EXAMPLE)
    manager = WorkerManager(tmp_path)
    worker = manager.get_worker("worker_001")
    assert worker is not None
    assert (worker.total_sessions, worker.total_orders, worker.total_items) == (1, 3, 5)
    assert worker.avg_time_per_order == 200.0
    assert worker.avg_items_per_session == 5.0
    assert worker.orders_per_hour == 18.0  # 3 orders in 600 s
    assert worker.items_per_hour == 30.0
    assert worker.active is True
    assert "avg_items_per_session" not in on_disk(tmp_path)["workers"][0]  # reads do not write

    manager.create_worker("Shark")
    doc = on_disk(tmp_path)
    row = doc["workers"][0]
    for key in ("active", "avg_items_per_session", "orders_per_hour", "items_per_hour"):
        assert key in row
    assert row["total_duration_seconds"] == 600
    assert doc["recorded_ids"] == []
    assert has_offset(doc["last_updated"])


def test_oldest_format_with_naive_timestamps(tmp_path: Path) -> None:
    write_raw(tmp_path, {"workers": [
        {"id": "worker_001", "name": "Dolphin", "created_at": "2025-11-20T09:00:00",
         "total_sessions": 2, "total_orders": 10, "total_items": 30,
         "last_active": "2025-11-20T14:15:00.123456"},
    ]})
    manager = WorkerManager(tmp_path)
    worker = manager.get_worker("worker_001")
    assert worker is not None
    assert worker.total_duration_seconds == 0
    assert worker.avg_orders_per_session == 5.0
    assert worker.avg_time_per_order == 0
    assert worker.last_session_id is None
    assert has_offset(worker.created_at)
    assert has_offset(worker.last_active)

    manager.update_worker_stats("worker_001", sessions=1, orders=2, items=3,
                                duration_seconds=120, session_id="s3")
    doc = on_disk(tmp_path)
    row = doc["workers"][0]
    assert doc["version"] == "1.3.0"
    assert row["version"] == "1.3.0"
    assert has_offset(row["created_at"])
    assert parse_timestamp(row["created_at"]) == parse_timestamp("2025-11-20T09:00:00")
    assert (row["total_sessions"], row["total_orders"], row["total_items"]) == (3, 12, 33)
    assert row["avg_time_per_order"] == 10.0


def test_wrong_types_are_kept_under_invalid(tmp_path: Path) -> None:
    write_raw(tmp_path, {"workers": {"worker_001": {"name": "Lost?"}}, "recorded_ids": "r1"})
    manager = WorkerManager(tmp_path)
    assert manager.get_all_workers() == []
    manager.create_worker("Dolphin")
    doc = on_disk(tmp_path)
    assert doc["_invalid"]["workers"] == {"worker_001": {"name": "Lost?"}}
    assert doc["_invalid"]["recorded_ids"] == "r1"
    assert [w["name"] for w in doc["workers"]] == ["Dolphin"]


def test_bad_workers_and_bad_fields_are_kept(tmp_path: Path) -> None:
    write_raw(tmp_path, {"workers": [
        "worker_009",
        {"name": "No id"},
        {"id": "worker_002", "name": "Shark", "total_orders": "many", "active": "yes",
         "last_active": "yesterday", "total_items": 10**400,
         "total_duration_seconds": float("nan")},
    ]})
    manager = WorkerManager(tmp_path)
    shark = manager.get_worker("worker_002")
    assert shark is not None
    assert (shark.total_orders, shark.active, shark.last_active) == (0, True, None)
    assert (shark.total_items, shark.total_duration_seconds) == (0, 0)
    assert set(shark.extra["_invalid"]) == {"total_orders", "active", "last_active",
                                            "total_items", "total_duration_seconds"}
    assert shark.extra["_invalid"]["total_items"] == 10**400
    manager.update_worker_stats("worker_002", orders=1)
    doc = on_disk(tmp_path)
    assert doc["_invalid"] == {"worker": "worker_009", "worker_2": {"name": "No id"}}
    row = doc["workers"][0]
    assert row["total_orders"] == 1
    assert row["_invalid"]["total_orders"] == "many"


@pytest.mark.parametrize(
    "bad", [b"\x00\xffgarbage", b"", b'{"workers": [{"id": "worker_001", "na'],
    ids=["garbage", "empty", "truncated"],
)
def test_corrupt_file_is_recovered_from_sidecar(tmp_path: Path, bad: bytes) -> None:
    manager = WorkerManager(tmp_path)
    made = manager.create_worker("Dolphin")
    manager.update_worker_stats(made.id, sessions=1, orders=5)
    workers_file(tmp_path).write_bytes(bad)
    # Torn by our own rewrite: no later than its sidecar (a later change is refused).
    bak = fileio.sidecar_path(workers_file(tmp_path)).stat()
    os.utime(workers_file(tmp_path), ns=(bak.st_atime_ns, bak.st_mtime_ns))

    got = manager.get_worker(made.id)
    assert got is not None
    assert got.total_orders == 5
    kept = sorted(workers_file(tmp_path).parent.glob("workers.json.corrupt-*"))
    if bad:
        assert [k.read_bytes() for k in kept] == [bad]
    else:
        assert kept == []  # nothing to keep
    assert on_disk(tmp_path)["workers"][0]["total_orders"] == 5  # repaired on disk
    assert manager.create_worker("Shark").id == "worker_002"


def test_corrupt_file_without_sidecar_is_refused_and_kept(tmp_path: Path) -> None:
    bad = b'{"workers": [{"id": "worker_001"'
    path = workers_file(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(bad)
    manager = WorkerManager(tmp_path)
    with pytest.raises(WorkersFileDamagedError, match=r"workers\.json is damaged"):
        manager.get_all_workers()
    with pytest.raises(WorkersFileDamagedError):
        manager.create_worker("Dolphin")  # never worker_001 a second time
    assert path.read_bytes() == bad
    kept = list(path.parent.glob("workers.json.corrupt-*"))
    assert [k.read_bytes() for k in kept] == [bad]


def test_lock_timeout_names_the_file(manager: WorkerManager, tmp_path: Path) -> None:
    manager.create_worker("Dolphin")
    impatient = WorkerManager(tmp_path, max_retries=2, retry_delay=0.01, lock_timeout=0.05)
    with fileio.open_shared(workers_file(tmp_path)) as fh, fileio.lock_file(fh):
        with pytest.raises(WorkerManagerError, match=r"workers\.json.*locked"):
            impatient.create_worker("Shark")
        with pytest.raises(WorkerManagerError, match=r"workers\.json"):
            impatient.get_all_workers()
    assert impatient.create_worker("Shark").id == "worker_002"


# --------------------------------------------------------------------------- processes


def race(tmp_path: Path, jobs: list[list[str]]) -> None:
    """Start every job, let them go at once, and require each to succeed."""
    go = tmp_path / "go"
    run_all([[sys.executable, str(WRITER), job[0], str(tmp_path), str(go), *job[1:]]
             for job in jobs], timeout=90, go=go)


@pytest.mark.slow
@pytest.mark.share
def test_concurrent_updates_lose_nothing(tmp_path: Path) -> None:
    worker = WorkerManager(tmp_path).create_worker("Dolphin")
    race(tmp_path, [["update", worker.id, str(p), "100"] for p in range(8)])
    got = WorkerManager(tmp_path).get_worker(worker.id)
    assert got is not None
    assert (got.total_sessions, got.total_orders, got.total_items) == (800, 1600, 2400)
    assert got.total_duration_seconds == 8000
    assert got.avg_orders_per_session == 2.0
    assert got.last_session_id is not None
    assert got.last_session_id.endswith("-99")


@pytest.mark.slow
@pytest.mark.share
def test_concurrent_creation_gives_unique_ids(tmp_path: Path) -> None:
    assert not (tmp_path / "Workers").exists()
    race(tmp_path, [["create", f"Packer {p}", "25"] for p in range(4)])
    workers = WorkerManager(tmp_path).get_all_workers()
    assert len(workers) == 100
    assert {w.id for w in workers} == {f"worker_{n:03d}" for n in range(1, 101)}
    assert {w.name for w in workers} == {f"Packer {p} {i:02d}" for p in range(4) for i in range(25)}
