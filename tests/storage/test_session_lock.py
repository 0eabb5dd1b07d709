"""SessionLock / SessionLockManager in one process: real files under tmp_path, real threads."""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from packing_tool import __version__
from packing_tool.storage.lock_info import LOCK_FILENAME, LockInfo, host_name, read_lock
from packing_tool.storage.session_lock import (
    GUARD_FILENAME,
    HISTORY_FILENAME,
    LockHeldError,
    LockLostError,
    SessionLock,
    SessionLockManager,
)
from shared.fileio import atomic_write_json
from shared.timestamps import now, to_iso


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, offset: float = 0.0) -> None:
        self.moment = now() + timedelta(seconds=offset)

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


class LostLog:
    def __init__(self) -> None:
        self.calls: list[tuple[SessionLock, LockLostError]] = []

    def __call__(self, lock: SessionLock, error: LockLostError) -> None:
        self.calls.append((lock, error))


@pytest.fixture
def work(tmp_path: Path) -> Path:
    return tmp_path / "Sessions" / "CLIENT_M" / "2026-11-21_1" / "packing" / "DHL_Orders"


@pytest.fixture
def managers() -> Iterator[Callable[..., SessionLockManager]]:
    made: list[SessionLockManager] = []

    def make(name: str = "Dolphin", **kwargs: Any) -> SessionLockManager:
        kwargs.setdefault("heartbeat_seconds", 3600)
        manager = SessionLockManager(worker_id=f"id_{name}", worker_name=name, **kwargs)
        made.append(manager)
        return manager

    yield make
    for manager in made:
        manager.close()


def plant(work_dir: Path, *, station: str = "OTHER-PC", heartbeat: datetime | None = None,
          lock_id: str | None = "feedfacefeedfacefeedfacefeedface", **extra: Any) -> LockInfo:
    """Write a lock as another station (or the older packer, lock_id=None) would."""
    beat = to_iso(heartbeat or now())
    data: dict[str, Any] = {"locked_by": station, "user_name": "someone", "lock_time": beat,
                            "heartbeat": beat, "process_id": 4242, "app_version": "1.2.0",
                            "worker_id": "worker_009", "worker_name": "Walrus", **extra}
    if lock_id is not None:
        data["lock_id"] = lock_id
    atomic_write_json(work_dir / LOCK_FILENAME, data)
    info = read_lock(work_dir)
    assert info is not None
    return info


def history(work_dir: Path) -> list[dict[str, Any]]:
    path = work_dir / HISTORY_FILENAME
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def wait_until(condition: Callable[[], bool], timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.005)
    return condition()


# --------------------------------------------------------------------------- acquire


def test_acquire_writes_every_field_and_creates_the_folder(work, managers):
    lock = managers().acquire(work)
    raw = json.loads((work / LOCK_FILENAME).read_text("utf-8"))
    assert raw["locked_by"] == host_name()
    assert raw["process_id"] == os.getpid()
    assert raw["app_version"] == __version__
    assert (raw["worker_id"], raw["worker_name"]) == ("id_Dolphin", "Dolphin")
    assert raw["user_name"]
    assert raw["lock_time"] == raw["heartbeat"]
    assert raw["version"] == "1.3.0"
    assert len(raw["lock_id"]) == 32
    assert int(raw["lock_id"], 16) >= 0
    assert raw["lock_id"] == lock.info.lock_id
    assert read_lock(work) == lock.info
    # No temp file is left behind, only the lock, its guard (once used) and the history.
    assert {p.name for p in work.iterdir()} <= {LOCK_FILENAME, GUARD_FILENAME, HISTORY_FILENAME}


def test_each_acquisition_gets_a_new_lock_id(work, managers):
    manager = managers()
    first = manager.acquire(work)
    manager.release(first)
    second = manager.acquire(work)
    assert first.info.lock_id != second.info.lock_id


def test_acquiring_again_returns_the_same_lock(work, managers):
    manager = managers()
    lock = manager.acquire(work)
    assert manager.acquire(work) is lock
    assert manager.held == [lock]


def test_second_station_is_refused_with_the_holder_named(work, managers):
    lock = managers("Dolphin").acquire(work)
    before = (work / LOCK_FILENAME).read_bytes()
    with pytest.raises(LockHeldError) as caught:
        managers("Walrus").acquire(work)
    error = caught.value
    assert error.holder.lock_id == lock.info.lock_id
    assert error.stale is False
    assert error.work_dir == work
    assert str(error).startswith(f"DHL_Orders is being packed by station {host_name()}, "
                                 "worker Dolphin, since ")
    assert "(heartbeat 0 s ago)" in str(error)
    assert (work / LOCK_FILENAME).read_bytes() == before


def test_stale_locks_are_reported_but_never_taken_by_acquire(work, managers):
    plant(work, heartbeat=now() - timedelta(hours=1))
    before = (work / LOCK_FILENAME).read_bytes()
    with pytest.raises(LockHeldError) as caught:
        managers().acquire(work)
    assert caught.value.stale is True
    assert "worker Walrus" in str(caught.value)
    assert "stale and can be taken over" in str(caught.value)
    assert (work / LOCK_FILENAME).read_bytes() == before


def test_without_hard_links_the_exclusive_create_still_has_one_winner(work, managers,
                                                                     monkeypatch):
    def no_links(src: object, dst: object) -> None:
        raise PermissionError(1, "Operation not permitted")  # as on some SMB shares

    monkeypatch.setattr(os, "link", no_links)
    lock = managers("Dolphin").acquire(work)
    assert read_lock(work) == lock.info
    with pytest.raises(LockHeldError):
        managers("Walrus").acquire(work)
    assert {p.name for p in work.iterdir()} <= {LOCK_FILENAME, HISTORY_FILENAME}


# --------------------------------------------------------------------------- other host, clock


def test_other_host_lock_can_be_taken_only_once_its_heartbeat_is_stale(work, managers):
    clock = Clock()
    theirs = plant(work, heartbeat=clock())
    manager = managers(stale_after=1.0, clock=clock)
    with pytest.raises(LockHeldError) as caught:
        manager.acquire(work)
    assert caught.value.stale is False
    with pytest.raises(LockHeldError) as refused:
        manager.take_over(work, theirs, reason="user confirmed")
    assert refused.value.stale is False
    assert read_lock(work) == theirs

    clock.advance(1.5)
    with pytest.raises(LockHeldError) as caught:
        manager.acquire(work)
    assert caught.value.stale is True
    assert "heartbeat 2 s ago" in str(caught.value)
    lock = manager.take_over(work, caught.value.holder, reason="PC crashed")
    assert read_lock(work) == lock.info
    kept = list(work.glob(f"{LOCK_FILENAME}.taken-*"))
    assert len(kept) == 1
    assert kept[0].name.endswith("-feedface")
    assert read_lock_file(kept[0]) == theirs


def test_other_host_lock_with_an_old_heartbeat_is_taken_at_once(work, managers):
    clock = Clock()
    theirs = plant(work, heartbeat=clock() - timedelta(seconds=30))
    lock = managers(stale_after=1.0, clock=clock).take_over(work, theirs)
    assert read_lock(work) == lock.info


def read_lock_file(path: Path) -> LockInfo | None:
    return LockInfo.from_dict(json.loads(path.read_text("utf-8")))


def test_take_over_is_refused_when_the_lock_changed_since_confirmed(work, managers):
    clock = Clock()
    seen = plant(work, heartbeat=clock() - timedelta(hours=1))
    replaced = plant(work, heartbeat=clock() - timedelta(hours=1), lock_id="ab" * 16)
    with pytest.raises(LockHeldError) as caught:
        managers(clock=clock).take_over(work, seen)
    assert "changed since the takeover was confirmed" in str(caught.value)
    assert read_lock(work) == replaced
    assert not list(work.glob(f"{LOCK_FILENAME}.taken-*"))


def test_old_packer_locks_without_id_compare_by_their_fields(work, managers):
    old = now() - timedelta(hours=1)
    seen = plant(work, heartbeat=old, lock_id=None)
    assert seen.lock_id == ""
    plant(work, heartbeat=old + timedelta(seconds=60), lock_id=None)  # it beat once more
    manager = managers()
    with pytest.raises(LockHeldError, match="changed since"):
        manager.take_over(work, seen)
    current = read_lock(work)
    assert current is not None
    lock = manager.take_over(work, current, reason="old packer crashed")
    assert read_lock(work) == lock.info


# --------------------------------------------------------------------------- invalid files


@pytest.mark.parametrize("content", [b"", b"{garbage", b'{"locked_by": "PC1"}', b"\xff\xfe\x00",
                                     b"[1, 2]"])
def test_invalid_lock_file_is_named_held_while_young_and_kept_on_takeover(work, managers,
                                                                          content):
    work.mkdir(parents=True)
    (work / LOCK_FILENAME).write_bytes(content)
    manager = managers(stale_after=60.0)
    with pytest.raises(LockHeldError) as caught:
        manager.acquire(work)
    young = caught.value
    assert young.stale is False
    assert young.holder.locked_by == "unknown"
    assert str(work / LOCK_FILENAME) in str(young)
    assert "not a valid lock" in str(young)
    with pytest.raises(LockHeldError):
        manager.take_over(work, young.holder)
    assert (work / LOCK_FILENAME).read_bytes() == content

    old = time.time() - 3600
    os.utime(work / LOCK_FILENAME, (old, old))
    with pytest.raises(LockHeldError) as caught:
        manager.acquire(work)
    assert caught.value.stale is True
    assert "stale and can be taken over" in str(caught.value)
    assert (work / LOCK_FILENAME).read_bytes() == content  # acquire never deletes it

    lock = manager.take_over(work, caught.value.holder, reason="garbage lock")
    assert read_lock(work) == lock.info
    kept = list(work.glob(f"{LOCK_FILENAME}.taken-*"))
    assert [p.read_bytes() for p in kept] == [content]
    takeover = [line for line in history(work) if line["event"] == "takeover"]
    assert takeover[0]["from"]["valid"] is False
    assert takeover[0]["from"]["kept_at"] == kept[0].name


# --------------------------------------------------------------------------- exclusive


@pytest.mark.parametrize("first_full", [True, False])
def test_full_session_and_a_list_exclude_each_other(tmp_path, managers, first_full):
    packing = tmp_path / "packing"
    full, one_list = packing / "_full_session", packing / "DHL_Orders"
    first, second = (full, one_list) if first_full else (one_list, full)
    holder = managers("Dolphin").acquire(first, exclusive_with=[second])
    with pytest.raises(LockHeldError) as caught:
        managers("Walrus").acquire(second, exclusive_with=[first])
    assert caught.value.holder.lock_id == holder.info.lock_id
    assert caught.value.work_dir == first
    assert "worker Dolphin" in str(caught.value)
    assert read_lock(second) is None  # our lock was withdrawn, not left behind
    assert all(line["event"] != "acquire" for line in history(second))

    holder.release()
    lock = managers("Walrus").acquire(second, exclusive_with=[first])
    assert read_lock(second) == lock.info


def test_a_stale_exclusive_lock_does_not_block(tmp_path, managers):
    full, one_list = tmp_path / "_full_session", tmp_path / "DHL_Orders"
    plant(full, heartbeat=now() - timedelta(hours=1))
    lock = managers().acquire(one_list, exclusive_with=[full])
    assert read_lock(one_list) == lock.info


# --------------------------------------------------------------------------- check, release


def test_check_passes_for_our_lock_and_fails_once_replaced(work, managers):
    ours = managers("Dolphin").acquire(work)
    ours.check()
    taker = managers("Walrus", clock=Clock(offset=3600)).take_over(work, ours.info)
    with pytest.raises(LockLostError) as caught:
        ours.check()
    assert ours.lost is True
    assert caught.value.holder == taker.info
    assert "worker Walrus" in str(caught.value)
    with pytest.raises(LockLostError):
        ours.check()  # stays lost


def test_check_fails_when_the_file_is_unreadable(work, managers):
    lock = managers().acquire(work)
    (work / LOCK_FILENAME).write_bytes(b"not json")
    with pytest.raises(LockLostError) as caught:
        lock.check()
    assert caught.value.holder is None
    assert lock.lost is True


def test_a_missing_lock_is_put_back_not_taken_for_a_takeover(work, managers):
    # A folder moved on the server, a dropped connection or a hand on the file look the same:
    # none of them proves another holder, so the holder's lock is put back and recorded.
    lock = managers().acquire(work)
    (work / LOCK_FILENAME).unlink()
    lock.check()
    assert lock.lost is False
    assert read_lock(work) == lock.info
    events = [json.loads(line)["event"]
              for line in (work / HISTORY_FILENAME).read_text().splitlines()]
    assert events == ["acquire", "restore"]
    assert lock.refresh() is True


def test_a_missing_lock_released_by_someone_else_is_lost(work, managers):
    lock = managers().acquire(work)
    (work / LOCK_FILENAME).unlink()
    with (work / HISTORY_FILENAME).open("a") as fh:  # what `packing-tool locks release` writes
        fh.write(json.dumps({"event": "release", "from": lock.info.to_dict()}) + "\n")
    with pytest.raises(LockLostError):
        lock.check()
    assert lock.lost is True
    assert not (work / LOCK_FILENAME).exists()


def test_a_missing_lock_in_a_vanished_folder_is_offline(work, managers):
    lock = managers().acquire(work)
    work.rename(work.with_name("moved"))
    with pytest.raises(FileNotFoundError):
        lock.check()
    with pytest.raises(FileNotFoundError):
        lock.refresh()
    assert lock.lost is False
    assert not work.exists()  # nothing is created at the old path
    work.with_name("moved").rename(work)
    lock.check()
    assert lock.refresh() is True


def test_a_heartbeat_rewrites_the_lock_in_place(work, managers):
    # smbnetfs replaces by deleting, then renaming: the lock must never vanish for a moment.
    lock = managers().acquire(work)
    inode = (work / LOCK_FILENAME).stat().st_ino
    for _ in range(3):
        assert lock.refresh() is True
    assert (work / LOCK_FILENAME).stat().st_ino == inode
    assert read_lock(work) == lock.info


def test_release_removes_only_our_own_lock(work, managers):
    ours = managers("Dolphin").acquire(work)
    taker = managers("Walrus", clock=Clock(offset=3600)).take_over(work, ours.info)
    ours.release()
    assert read_lock(work) == taker.info
    taker.release()
    assert read_lock(work) is None
    assert not (work / LOCK_FILENAME).exists()


def test_release_never_raises_for_a_missing_file_or_folder(work, tmp_path, managers):
    manager = managers()
    lock = manager.acquire(work)
    (work / LOCK_FILENAME).unlink()
    manager.release(lock)
    manager.release(lock)
    other = manager.acquire(tmp_path / "gone")
    for path in (tmp_path / "gone").iterdir():
        path.unlink()
    (tmp_path / "gone").rmdir()
    other.release()
    assert manager.held == []


def test_history_records_acquire_takeover_and_release(work, managers):
    ours = managers("Dolphin").acquire(work)
    taker = managers("Walrus", clock=Clock(offset=3600)).take_over(work, ours.info,
                                                                   reason="station froze")
    ours.release()  # not ours any more: nothing released, nothing recorded
    taker.release()
    lines = history(work)
    assert [line["event"] for line in lines] == ["acquire", "takeover", "release"]
    assert lines[0]["by"]["lock_id"] == ours.info.lock_id
    assert lines[0]["by"]["worker_name"] == "Dolphin"
    assert lines[1]["by"] == {"station": host_name(), "worker_id": "id_Walrus",
                              "worker_name": "Walrus", "process_id": os.getpid(),
                              "lock_id": taker.info.lock_id}
    assert lines[1]["from"]["lock_id"] == ours.info.lock_id
    assert lines[1]["reason"] == "station froze"
    assert lines[2]["by"]["lock_id"] == taker.info.lock_id
    assert all(datetime.fromisoformat(line["at"]).tzinfo for line in lines)


# --------------------------------------------------------------------------- heartbeat


def test_heartbeat_advances_and_stops_at_a_takeover(work, managers):
    lost = LostLog()
    manager = managers("Dolphin", heartbeat_seconds=0.05, on_lost=lost)
    ours = manager.acquire(work)
    first_beat = ours.info.heartbeat

    def beat_on_disk() -> str:
        info = read_lock(work)
        return info.heartbeat if info else ""

    assert wait_until(lambda: beat_on_disk() > first_beat)
    assert read_lock(work) == ours.info or read_lock(work).lock_id == ours.info.lock_id

    taker = managers("Walrus", clock=Clock(offset=3600)).take_over(work, ours.info)
    assert wait_until(lambda: len(lost.calls) == 1)
    time.sleep(0.3)  # several more beats: still one call, file still the taker's
    assert len(lost.calls) == 1
    assert lost.calls[0][0] is ours
    assert lost.calls[0][1].holder == taker.info
    assert ours.lost is True
    assert manager.held == []
    assert ours.refresh() is False
    assert read_lock(work) == taker.info
    manager.close()
    assert read_lock(work) == taker.info


def test_refresh_returns_false_and_reports_loss_once(work, managers):
    lost = LostLog()
    ours = managers("Dolphin", on_lost=lost).acquire(work)
    assert ours.refresh() is True
    taker = managers("Walrus", clock=Clock(offset=3600)).take_over(work, ours.info)
    assert ours.refresh() is False
    assert ours.refresh() is False
    with pytest.raises(LockLostError):
        ours.check()
    assert len(lost.calls) == 1
    assert read_lock(work) == taker.info


def test_fast_heartbeats_never_overwrite_repeated_takeovers(work, managers):
    # stale_after=-1: every lock counts as stale, so each manager may take over at once.
    lost = LostLog()
    pool = [managers(f"W{i}", heartbeat_seconds=0.001, stale_after=-1.0, on_lost=lost)
            for i in range(4)]
    current = pool[0].acquire(work)
    bad: list[object] = []
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            info = read_lock(work)
            if info is None:
                bad.append(None)

    watcher = threading.Thread(target=watch)
    watcher.start()
    takeovers = 150
    try:
        for i in range(1, takeovers + 1):
            expected = read_lock(work)
            assert expected is not None
            assert expected.lock_id == current.info.lock_id
            current = pool[i % len(pool)].take_over(work, expected)
            assert read_lock(work).lock_id == current.info.lock_id
            time.sleep(0.002)  # let the old owner's heartbeat run into the new lock
            assert read_lock(work).lock_id == current.info.lock_id
    finally:
        stop.set()
        watcher.join()
    assert bad == []
    assert wait_until(lambda: len(lost.calls) == takeovers)
    assert len({id(lock) for lock, _ in lost.calls}) == takeovers
    time.sleep(0.05)
    assert read_lock(work).lock_id == current.info.lock_id
    assert not current.lost


def test_unreachable_guard_is_retried_not_counted_as_lost(work, managers, caplog):
    lost = LostLog()
    manager = managers(heartbeat_seconds=0.02, on_lost=lost)
    lock = manager.acquire(work)
    guard = work / GUARD_FILENAME
    guard.unlink(missing_ok=True)
    guard.mkdir()  # opening the guard now fails with an OSError, as on a dropped share
    with caplog.at_level(logging.WARNING, logger="packing_tool.storage.session_lock"):
        assert wait_until(lambda: "Heartbeat of" in caplog.text)
    assert lock.lost is False
    assert manager.held == [lock]
    guard.rmdir()
    beat = read_lock(work).heartbeat
    assert wait_until(lambda: read_lock(work).heartbeat > beat)
    assert lost.calls == []


def test_a_failing_on_lost_is_logged_and_the_heartbeat_goes_on(tmp_path, managers, caplog):
    def explode(lock: SessionLock, error: LockLostError) -> None:
        raise ValueError("handler bug")

    manager = managers(heartbeat_seconds=0.02, on_lost=explode)
    doomed = manager.acquire(tmp_path / "A")
    alive = manager.acquire(tmp_path / "B")
    with caplog.at_level(logging.ERROR, logger="packing_tool.storage.session_lock"):
        managers("Walrus", clock=Clock(offset=3600)).take_over(tmp_path / "A", doomed.info)
        assert wait_until(lambda: "on_lost handler failed" in caplog.text)
    assert doomed.lost is True
    beat = read_lock(tmp_path / "B").heartbeat
    assert wait_until(lambda: read_lock(tmp_path / "B").heartbeat > beat)
    assert manager.held == [alive]


def test_close_stops_the_heartbeat_and_releases_everything(tmp_path, managers):
    manager = managers(heartbeat_seconds=0.01)
    manager.acquire(tmp_path / "A")
    manager.acquire(tmp_path / "B")
    assert any(t.name == "session-lock-heartbeat" for t in threading.enumerate())
    manager.close()
    assert manager.held == []
    assert read_lock(tmp_path / "A") is None
    assert read_lock(tmp_path / "B") is None
    assert not any(t.name == "session-lock-heartbeat" and t.is_alive()
                   for t in threading.enumerate() if t is not threading.current_thread())


def test_concurrent_takeovers_of_one_stale_lock_have_one_winner(work, managers):
    stale = plant(work, heartbeat=now() - timedelta(hours=1))
    pool = [managers(f"T{i}") for i in range(8)]
    start = threading.Barrier(len(pool))
    won: list[SessionLock] = []
    refused: list[LockHeldError] = []

    def take(manager: SessionLockManager) -> None:
        start.wait()
        try:
            won.append(manager.take_over(work, stale))
        except LockHeldError as exc:
            refused.append(exc)

    threads = [threading.Thread(target=take, args=(m,)) for m in pool]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(won) == 1
    assert len(refused) == 7
    assert read_lock(work) == won[0].info
    assert all(exc.holder.lock_id == won[0].info.lock_id for exc in refused)
    assert len(list(work.glob(f"{LOCK_FILENAME}.taken-*"))) == 1


def test_take_over_honours_exclusive_with(tmp_path, managers):
    full, one_list = tmp_path / "_full_session", tmp_path / "DHL_Orders"
    holder = managers("Dolphin").acquire(full)
    stale = plant(one_list, heartbeat=now() - timedelta(hours=1))
    with pytest.raises(LockHeldError) as caught:
        managers("Walrus").take_over(one_list, stale, exclusive_with=[full])
    assert caught.value.holder.lock_id == holder.info.lock_id
    assert read_lock(one_list) is None  # ours withdrawn; the stale one is kept aside
    assert len(list(one_list.glob(f"{LOCK_FILENAME}.taken-*"))) == 1


def test_take_over_of_a_lock_released_meanwhile_simply_acquires(work, managers):
    gone = managers("Dolphin").acquire(work)
    gone.release()
    lock = managers("Walrus").take_over(work, gone.info)
    assert read_lock(work) == lock.info
    assert [line["event"] for line in history(work)] == ["acquire", "release", "acquire"]


def test_take_over_of_our_own_lock_returns_it(work, managers):
    manager = managers(stale_after=-1.0)
    lock = manager.acquire(work)
    assert manager.take_over(work, lock.info) is lock
    assert not lock.lost


def test_acquire_notices_that_our_held_lock_was_replaced(work, managers):
    lost = LostLog()
    manager = managers("Dolphin", on_lost=lost)
    ours = manager.acquire(work)
    taker = managers("Walrus", clock=Clock(offset=3600)).take_over(work, ours.info)
    with pytest.raises(LockHeldError) as caught:
        manager.acquire(work)
    assert caught.value.holder == taker.info
    assert ours.lost is True
    assert [lock for lock, _ in lost.calls] == [ours]
    assert manager.held == []


def test_on_lost_may_release_and_close_from_the_heartbeat_thread(work, managers, caplog):
    closed = threading.Event()
    manager: SessionLockManager

    def give_up(lock: SessionLock, error: LockLostError) -> None:
        lock.release()
        manager.close()
        closed.set()

    manager = managers("Dolphin", heartbeat_seconds=0.02, on_lost=give_up)
    ours = manager.acquire(work)
    with caplog.at_level(logging.WARNING, logger="packing_tool.storage.session_lock"):
        taker = managers("Walrus", clock=Clock(offset=3600)).take_over(work, ours.info)
        assert closed.wait(5)
    assert "on_lost handler failed" not in caplog.text
    assert read_lock(work) == taker.info
