"""The session index: rebuilt from folders, live statuses, many writers, damage, new lists."""

from __future__ import annotations

import json
import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from packing_tool.storage.index_rows import STATUS_LABELS, STATUSES, IndexRow, load_rows
from packing_tool.storage.layout import ShareLayout, UnsafeNameError
from packing_tool.storage.lock_info import host_name
from packing_tool.storage.session_index import index_path, rebuild, update_entry
from packing_tool.storage.session_index import read_index as folded_index
from shared.timestamps import now as local_now
from tests.conftest import HELPERS, PYTHON
from tests.helpers.processes import run_all

WRITER = HELPERS / "index_writer.py"
NOW = local_now()
TODAY = f"{NOW:%Y-%m-%d}_1"  # a recent session: its lists are checked on every load
OLD = "2025-01-10_1"


def iso(moment: datetime) -> str:
    return moment.isoformat()


def write(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = data if isinstance(data, str) else json.dumps(data)
    path.write_text(text, encoding="utf-8")
    return path


def order(number: str, quantity: int = 1, courier: str = "DHL",
          status: str = "Fulfillable") -> dict[str, Any]:
    return {"order_number": number, "courier": courier, "order_fulfillment_status": status,
            "items": [{"sku": "SKU-1", "quantity": quantity}]}


def make_session(root: Path, session: str, lists: dict[str, list[dict[str, Any]]],
                 created: str = "2026-11-21T05:26:37") -> Path:
    folder = root / "Sessions" / "CLIENT_M" / session
    write(folder / "session_info.json", {"created_at": created, "session_name": session})
    for name, orders in lists.items():
        write(folder / "packing_lists" / f"{name}.json", {"session_id": session, "orders": orders})
    return folder


def work(root: Path, session: str, name: str) -> Path:
    folder = root / "Sessions" / "CLIENT_M" / session / "packing" / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def summary(total: int, done: int, **more: Any) -> dict[str, Any]:
    return {"version": "1.3.0", "worker_id": "worker_001", "worker_name": "Dolphin",
            "pc_name": "PC1", "started_at": "2026-11-20T10:00:00+02:00",
            "completed_at": "2026-11-20T10:30:00+02:00", "duration_seconds": 1800.0,
            "total_orders": total, "completed_orders": done, "skipped_orders_count": total - done,
            "total_items": total * 2, "packed_items": done * 2, "orders": [], **more}


def state(total: int, done: int, last: str = "2026-11-20T11:00:00+02:00") -> dict[str, Any]:
    return {"version": "1.3.0", "worker_id": "worker_002", "worker_name": "Orca",
            "pc_name": "PC2", "started_at": "2026-11-20T10:50:00+02:00", "last_updated": last,
            "progress": {"total_orders": total, "completed_orders": done,
                         "total_items": total * 3, "packed_items": done * 3},
            "in_progress": {}, "completed": [], "skipped_orders": ["#9"]}


def lock(beat: datetime, *, host: str = "OTHER-PC", pid: int = 4242) -> dict[str, Any]:
    return {"locked_by": host, "user_name": "packer", "lock_time": iso(beat - timedelta(hours=1)),
            "heartbeat": iso(beat), "process_id": pid, "worker_id": "worker_003",
            "worker_name": "Seal"}


def dead_pid() -> int:
    proc = subprocess.Popen([PYTHON, "-c", "pass"])
    proc.wait()
    return proc.pid


def read_index(root: Path) -> dict[str, Any]:
    """The index with the appended entry updates folded in, as every reader sees it."""
    return folded_index(ShareLayout(root), "M")


def by_list(rows: list[IndexRow]) -> dict[str, IndexRow]:
    return {row.packing_list_name: row for row in rows}


# --------------------------------------------------------------------------- rebuild


def test_rebuild_reads_statuses_and_figures_from_folders(tmp_path: Path) -> None:
    lists = {name: [order("#1", 2), order("#2", 3), order("#3", 1, status="Not Fulfillable")]
             for name in ("Done", "Short", "Paused", "Busy", "Journal", "Fresh", "Mixed")}
    lists["Mixed"] = [order("#1", courier="DHL"), order("#2", courier="DPD")]
    session = make_session(tmp_path, OLD, lists)
    write(session / "packing_lists" / "Sheet.xlsx", "not read for a count")
    write(work(tmp_path, OLD, "Done") / "session_summary.json", summary(3, 3))
    write(work(tmp_path, OLD, "Short") / "session_summary.json", summary(3, 2))
    write(work(tmp_path, OLD, "Paused") / "packing_state.json", state(5, 2))
    busy = work(tmp_path, OLD, "Busy")
    write(busy / "packing_state.json", state(5, 4))
    write(busy / ".session.lock", lock(NOW))
    write(work(tmp_path, OLD, "Journal") / "scan_journal.jsonl",
          '{"seq":1,"kind":"scan","at":"2026-11-20T09:00:00+02:00","worker_id":"worker_004",'
          '"worker_name":"Otter","outcome":"order_loaded"}\n')
    work(tmp_path, OLD, "Gone")  # a work folder whose list file was deleted
    calls: list[tuple[int, int]] = []

    doc = rebuild(ShareLayout(tmp_path), "M", progress=lambda d, t: calls.append((d, t)))

    assert calls == [(1, 1)]
    entries = {e["packing_list_name"]: e for e in doc["entries"].values()}
    assert sorted(entries) == ["Busy", "Done", "Fresh", "Gone", "Journal", "Mixed", "Paused",
                               "Sheet", "Short"]
    assert doc == read_index(tmp_path) | {"entries": doc["entries"]}
    assert {n: e["status"] for n, e in entries.items()} == {
        "Done": "completed", "Short": "incomplete", "Paused": "paused", "Busy": "in_progress",
        "Journal": "paused", "Fresh": "available", "Mixed": "available", "Sheet": "available",
        "Gone": "available"}
    done = entries["Done"]
    assert (done["worker_name"], done["pc_name"], done["duration_seconds"]) == (
        "Dolphin", "PC1", 1800.0)
    assert (done["total_orders"], done["completed_orders"], done["skipped_orders"],
            done["total_items"], done["packed_items"]) == (3, 3, 0, 6, 6)
    assert done["completed_at"] == done["updated_at"] == "2026-11-20T10:30:00+02:00"
    assert entries["Short"]["completed_orders"] == 2
    paused = entries["Paused"]
    assert (paused["worker_name"], paused["total_orders"], paused["completed_orders"],
            paused["packed_items"], paused["skipped_orders"]) == ("Orca", 5, 2, 6, 1)
    assert paused["updated_at"] == "2026-11-20T11:00:00+02:00"
    journal = entries["Journal"]
    assert (journal["worker_name"], journal["started_at"]) == (
        "Otter", "2026-11-20T09:00:00+02:00")
    assert datetime.fromisoformat(journal["updated_at"]) > NOW - timedelta(minutes=5)  # mtime
    assert (journal["total_orders"], journal["total_items"]) == (2, 5)  # from the list file
    fresh = entries["Fresh"]
    assert (fresh["total_orders"], fresh["total_items"], fresh["courier"]) == (2, 5, "DHL")
    assert fresh["created_at"] is not None
    assert fresh["created_at"].startswith("2026-11-21T05:26:37")
    assert fresh["started_at"] is None
    assert entries["Mixed"]["courier"] is None
    assert entries["Sheet"]["total_orders"] is None


def test_rebuild_drops_gone_folders_and_keeps_unknown_keys(tmp_path: Path) -> None:
    layout = ShareLayout(tmp_path)
    make_session(tmp_path, OLD, {"DHL": [order("#1")], "DPD": [order("#2")]})
    nameless = {k: v for k, v in state(4, 1).items() if not k.startswith("worker_")}
    write(work(tmp_path, OLD, "DHL") / "packing_state.json", nameless)
    long_ago = "2020-01-01T00:00:00+00:00"
    update_entry(layout, "M", OLD, "DHL", status="in_progress", worker_name="Dolphin",
                 station_note="keep me", completed_orders=99, updated_at=long_ago)
    update_entry(layout, "M", OLD, "DPD", status="paused", worker_name="Orca",
                 updated_at=long_ago)
    update_entry(layout, "M", "2025-01-09_1", "DHL", status="paused", updated_at=long_ago)

    entries = rebuild(layout, "M")["entries"]

    assert sorted(entries) == [f"{OLD}::DHL", f"{OLD}::DPD"]
    dhl, dpd = entries[f"{OLD}::DHL"], entries[f"{OLD}::DPD"]
    assert (dhl["status"], dhl["completed_orders"]) == ("paused", 1)  # the folders decide
    assert dhl["station_note"] == "keep me"
    assert dhl["worker_name"] == "Dolphin"  # the state did not say who
    assert (dpd["status"], dpd["worker_name"]) == ("available", None)  # nobody packed it


def test_rebuild_keeps_an_entry_written_during_the_scan(tmp_path: Path) -> None:
    layout = ShareLayout(tmp_path)
    make_session(tmp_path, OLD, {"DHL": [order("#1")], "DPD": [order("#2")]})

    def meanwhile(done: int, total: int) -> None:  # another station completes DPD mid-scan
        update_entry(layout, "M", OLD, "DPD", status="completed", completed_orders=1)

    doc = rebuild(layout, "M", progress=meanwhile)
    assert doc["entries"][f"{OLD}::DPD"]["status"] == "completed"
    assert doc["entries"][f"{OLD}::DHL"]["status"] == "available"


# --------------------------------------------------------------------------- live statuses


def test_live_statuses_and_order(tmp_path: Path) -> None:
    layout = ShareLayout(tmp_path)
    names = ["Fresh", "Beat", "DeadPid", "NoLock", "Old", "Done", "Short", "Free", "Taken",
             "Blocked"]
    make_session(tmp_path, TODAY, {n: [order("#1")] for n in names})
    recent = iso(NOW - timedelta(minutes=5))
    for name in ("Fresh", "Beat", "DeadPid", "Blocked"):
        update_entry(layout, "M", TODAY, name, status="in_progress", started_at=recent,
                     updated_at=recent)
    update_entry(layout, "M", TODAY, "NoLock", status="paused", updated_at=recent)
    update_entry(layout, "M", TODAY, "Old", status="in_progress",
                 updated_at=iso(NOW - timedelta(days=2)))
    update_entry(layout, "M", TODAY, "Done", status="completed",
                 updated_at=iso(NOW - timedelta(days=30)))
    update_entry(layout, "M", TODAY, "Short", status="incomplete")
    write(work(tmp_path, TODAY, "Fresh") / ".session.lock", lock(NOW - timedelta(seconds=20)))
    write(work(tmp_path, TODAY, "Beat") / ".session.lock", lock(NOW - timedelta(seconds=600)))
    write(work(tmp_path, TODAY, "DeadPid") / ".session.lock",
          lock(NOW, host=host_name(), pid=dead_pid()))
    write(work(tmp_path, TODAY, "Old") / ".session.lock", lock(NOW))  # age decides first
    write(work(tmp_path, TODAY, "Taken") / ".session.lock", lock(NOW))
    (work(tmp_path, TODAY, "Blocked") / ".session.lock").mkdir()  # unreadable: keep stored

    rows = load_rows(layout, "M", now=NOW)

    assert {r.packing_list_name: r.status for r in rows} == {
        "Fresh": "in_progress", "Beat": "stale", "DeadPid": "stale", "NoLock": "paused",
        "Old": "abandoned", "Done": "completed", "Short": "incomplete", "Free": "available",
        "Taken": "in_progress", "Blocked": "in_progress"}
    ranks = [STATUSES.index(r.status) for r in rows]
    assert ranks == sorted(ranks)
    fresh = by_list(rows)["Fresh"]
    assert fresh.lock is not None
    assert (fresh.worker_name, fresh.pc_name, fresh.label) == ("Seal", "OTHER-PC", "Active")
    assert fresh.work_dir == work(tmp_path, TODAY, "Fresh")
    assert by_list(rows)["Beat"].lock is not None
    assert by_list(rows)["Free"].lock is None
    assert by_list(rows)["Old"].lock is None  # no lock read for an abandoned row
    assert set(STATUS_LABELS) == set(STATUSES)


def test_rows_newest_first_within_a_status(tmp_path: Path) -> None:
    layout = ShareLayout(tmp_path)
    for session, created in (("2025-01-01_1", "2025-01-01T08:00:00"),
                             ("2025-01-03_1", "2025-01-03T08:00:00"),
                             ("2025-01-02_1", "2025-01-02T08:00:00")):
        make_session(tmp_path, session, {"DHL": [order("#1")]}, created=created)
    calls: list[tuple[int, int]] = []
    rows = load_rows(layout, "M", now=NOW.replace(tzinfo=None),  # naive: local time
                     progress=lambda d, t: calls.append((d, t)))
    assert [r.session_id for r in rows] == ["2025-01-03_1", "2025-01-02_1", "2025-01-01_1"]
    assert all(r.status == "available" for r in rows)
    assert calls == [(1, 3), (2, 3), (3, 3)]  # no index yet: the folders were read


# --------------------------------------------------------------------------- processes


@pytest.mark.share
def test_eight_processes_lose_no_entry(tmp_path: Path) -> None:
    go = tmp_path / "go"
    (tmp_path / "Sessions" / "CLIENT_M").mkdir(parents=True)  # a station never creates it
    run_all([[PYTHON, str(WRITER), "keys", str(tmp_path), str(go), "M", f"2026-02-01_{p}", "50"]
             for p in range(8)], go=go)
    entries = read_index(tmp_path)["entries"]
    assert len(entries) == 400
    for p in range(8):
        for i in range(50):
            entry = entries[f"2026-02-01_{p}::List_{i:02d}"]
            assert (entry["status"], entry["completed_orders"]) == ("paused", i)


@pytest.mark.share
def test_two_processes_on_one_entry_keep_both_fields(tmp_path: Path) -> None:
    go = tmp_path / "go"
    (tmp_path / "Sessions" / "CLIENT_M").mkdir(parents=True, exist_ok=True)
    run_all([[PYTHON, str(WRITER), "fields", str(tmp_path), str(go), "M", OLD, "DHL", prefix,
              "60"] for prefix in ("a", "b")], go=go)
    entry = read_index(tmp_path)["entries"][f"{OLD}::DHL"]
    for prefix in ("a", "b"):
        assert [entry[f"{prefix}_{i:02d}"] for i in range(60)] == list(range(60))


# --------------------------------------------------------------------------- damage


def test_corrupt_index_is_kept_aside_and_recovered(tmp_path: Path) -> None:
    layout = ShareLayout(tmp_path)
    make_session(tmp_path, OLD, {"DHL": [order("#1")], "DPD": [order("#2")]})
    update_entry(layout, "M", OLD, "DHL", status="paused", worker_name="Dolphin")
    before = load_rows(layout, "M", now=NOW)
    path = index_path(layout, "M")
    path.write_bytes(b'{"entries": {"trunc')

    after = load_rows(layout, "M", now=NOW)

    assert after == before
    aside = list(path.parent.glob("packing_index.json.corrupt-*"))
    assert [p.read_bytes() for p in aside] == [b'{"entries": {"trunc']
    assert by_list(after)["DHL"].worker_name == "Dolphin"  # from the last good copy


def test_corrupt_index_without_a_good_copy_is_rescanned(tmp_path: Path) -> None:
    layout = ShareLayout(tmp_path)
    make_session(tmp_path, OLD, {"DHL": [order("#1")]})
    path = index_path(layout, "M")
    write(path, "\x00\x00 torn")
    rows = load_rows(layout, "M", now=NOW)
    assert [(r.packing_list_name, r.status, r.total_orders) for r in rows] == [
        ("DHL", "available", 1)]
    assert list(path.parent.glob("packing_index.json.corrupt-*"))
    assert f"{OLD}::DHL" in read_index(tmp_path)["entries"]


def test_update_entry_on_a_corrupt_index_does_not_raise(tmp_path: Path) -> None:
    layout = ShareLayout(tmp_path)
    layout.sessions_dir("M").mkdir(parents=True)
    update_entry(layout, "M", OLD, "DHL", status="paused")
    index_path(layout, "M").write_text("[not, json", encoding="utf-8")
    update_entry(layout, "M", OLD, "DPD", status="in_progress")
    entries = read_index(tmp_path)["entries"]
    assert {k: v["status"] for k, v in entries.items()} == {
        f"{OLD}::DHL": "paused", f"{OLD}::DPD": "in_progress"}


def test_wrong_typed_parts_are_kept_not_dropped(tmp_path: Path) -> None:
    layout = ShareLayout(tmp_path)
    make_session(tmp_path, OLD, {"DHL": [order("#1")]})
    write(index_path(layout, "M"), {"entries": {"x::y": "not an entry"}, "sessions": [1]})
    rows = load_rows(layout, "M", now=NOW)
    assert [r.packing_list_name for r in rows] == ["DHL"]
    doc = read_index(tmp_path)
    assert doc["_invalid"] == {"entries.x::y": "not an entry", "sessions": [1]}


# --------------------------------------------------------------------------- found later


def test_lists_found_after_the_index_was_written(tmp_path: Path) -> None:
    layout = ShareLayout(tmp_path)
    make_session(tmp_path, TODAY, {"DHL": [order("#1")]})
    make_session(tmp_path, OLD, {"DHL": [order("#1")]})
    assert len(load_rows(layout, "M", now=NOW)) == 2
    make_session(tmp_path, "2025-06-01_1", {"Econt": [order("#7"), order("#8")]})
    make_session(tmp_path, TODAY, {"DPD": [order("#2")]})  # a new list in a recent session
    make_session(tmp_path, OLD, {"PostOne": [order("#3")]})  # ... and in an old one

    rows = load_rows(layout, "M", now=NOW)

    keys = {r.key for r in rows}
    assert {f"{TODAY}::DHL", f"{TODAY}::DPD", f"{OLD}::DHL", "2025-06-01_1::Econt"} <= keys
    assert by_list(rows)["Econt"].total_orders == 2
    assert f"{OLD}::PostOne" not in keys  # old sessions are not listed again on every load...
    assert f"{OLD}::PostOne" in rebuild(layout, "M")["entries"]  # ...a rebuild finds it
    assert f"{OLD}::PostOne" in {r.key for r in load_rows(layout, "M", now=NOW)}


def test_rows_of_deleted_sessions_are_hidden_until_a_rebuild_drops_them(tmp_path: Path) -> None:
    layout = ShareLayout(tmp_path)
    gone = make_session(tmp_path, OLD, {"DHL": [order("#1")]})
    make_session(tmp_path, "2025-01-11_1", {"DHL": [order("#1")]})
    load_rows(layout, "M", now=NOW)
    for path in sorted(gone.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    gone.rmdir()
    assert [r.session_id for r in load_rows(layout, "M", now=NOW)] == ["2025-01-11_1"]
    assert f"{OLD}::DHL" in read_index(tmp_path)["entries"]
    assert f"{OLD}::DHL" not in rebuild(layout, "M")["entries"]


# --------------------------------------------------------------------------- edges


def test_update_entry_checks_names_and_statuses(tmp_path: Path) -> None:
    layout = ShareLayout(tmp_path)
    layout.sessions_dir("M").mkdir(parents=True)
    with pytest.raises(ValueError, match="status 'stale'"):
        update_entry(layout, "M", OLD, "DHL", status="stale")
    with pytest.raises(UnsafeNameError):
        update_entry(layout, "M", OLD, "../DHL", status="paused")
    update_entry(layout, "M", OLD, "DHL", started_at=datetime(2026, 1, 2, 3, 4, 5).astimezone())
    entry = read_index(tmp_path)["entries"][f"{OLD}::DHL"]
    assert entry["started_at"].startswith("2026-01-02T03:04:05")
    assert datetime.fromisoformat(entry["started_at"]).tzinfo is not None
    assert entry["status"] == "available"
    assert entry["updated_at"] is not None


def test_client_without_sessions_creates_nothing(tmp_path: Path) -> None:
    assert load_rows(ShareLayout(tmp_path), "Q", now=NOW) == []
    assert not (tmp_path / "Sessions").exists()


def test_a_share_that_went_away_is_never_created_by_an_update(tmp_path: Path) -> None:
    layout = ShareLayout(tmp_path / "gone")
    with pytest.raises(FileNotFoundError, match="cannot be reached"):
        update_entry(layout, "M", OLD, "DHL", status="paused")
    assert not (tmp_path / "gone").exists()


def test_an_update_appends_a_line_and_never_rewrites_the_index(tmp_path: Path) -> None:
    from packing_tool.storage.session_index import updates_path

    layout = ShareLayout(tmp_path)
    layout.sessions_dir("M").mkdir(parents=True)
    for n in range(200):  # a client with some history: the index has 200 entries
        update_entry(layout, "M", f"2025-01-01_{n}", "DHL", status="completed")
    main_json = read_index(tmp_path)
    index = index_path(layout, "M")
    size_before, bytes_before = updates_path(layout, "M").stat().st_size, index.read_bytes()
    update_entry(layout, "M", OLD, "DPD", status="paused", completed_orders=7)
    grown = updates_path(layout, "M").stat().st_size - size_before
    assert 0 < grown < 1024  # one short line, whatever the history
    assert index.read_bytes() == bytes_before
    entry = read_index(tmp_path)["entries"][f"{OLD}::DPD"]
    assert (entry["status"], entry["completed_orders"]) == ("paused", 7)
    assert len(main_json["entries"]) == 200
