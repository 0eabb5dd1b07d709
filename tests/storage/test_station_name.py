"""The station's name (``lock_info.station_name``) in locks, session files and ``simulate``.

``locked_by`` names the station; ``host`` names the PC, and only the PC decides whether a
lock's process can be checked for liveness. Real lock files, real processes, real shares.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from packing_tool.cli import main
from packing_tool.storage.generated import write_generated_session
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.lock_info import (
    LOCK_FILENAME,
    STATION_ENV,
    LockInfo,
    host_name,
    read_lock,
    set_station_name,
    station_name,
)
from packing_tool.storage.packing_session import PackingSession
from packing_tool.storage.session_lock import LockHeldError, SessionLockManager
from packing_tool.storage.settings import StationSettings
from shared.timestamps import now, now_iso
from tests.conftest import HELPERS, PYTHON
from tests.helpers.simulate_checks import ENTRY_POINT, last_json, simulate_args

CLIENT, SESSION, LIST = "G", "2026-11-21_1", "DHL"


@pytest.fixture(autouse=True)
def no_station_name(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No name from the environment or an earlier test; none left behind for the next."""
    monkeypatch.delenv(STATION_ENV, raising=False)
    set_station_name(None)
    yield
    set_station_name(None)


def _lock_file(work: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((work / LOCK_FILENAME).read_text(encoding="utf-8"))
    return data


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _history(work: Path) -> list[dict[str, Any]]:
    text = (work / "lock_history.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def _hold(work: Path, ready: Path, station: str) -> subprocess.Popen[bytes]:
    """Another process of this PC, named ``station``, takes the list's lock and keeps it."""
    env = {**os.environ, STATION_ENV: station}
    holder = subprocess.Popen([PYTHON, str(HELPERS / "lock_holder.py"), str(work), str(ready),
                               "0.2"], env=env)
    deadline = time.monotonic() + 30
    while not ready.exists():
        if time.monotonic() > deadline or holder.poll() is not None:
            holder.kill()
            raise AssertionError("the holder never took the lock")
        time.sleep(0.02)
    return holder


def _kill(holder: subprocess.Popen[bytes]) -> None:
    holder.send_signal(signal.SIGKILL)
    holder.wait()


def _simulate(root: Path, *extra: str, env: dict[str, str] | None = None,
              take_over: bool = False, complete: bool = True
              ) -> subprocess.CompletedProcess[str]:
    args = simulate_args(root, CLIENT, SESSION, LIST, complete=complete, take_over=take_over)
    return subprocess.run([str(ENTRY_POINT), *args, *extra], capture_output=True, text=True,
                          timeout=120, check=False, env={**os.environ, **(env or {})})


@pytest.fixture
def generated_share(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    write_generated_session(root, CLIENT, SESSION, LIST, 4)
    return root


# --------------------------------------------------------------------------- the name


def test_the_environment_wins_then_the_set_name_then_the_host(
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert station_name() == host_name()
    set_station_name("PACK-03")
    assert station_name() == "PACK-03"
    monkeypatch.setenv(STATION_ENV, "PACK-07")
    assert station_name() == "PACK-07"
    monkeypatch.setenv(STATION_ENV, "  ")  # set but empty: as if unset
    assert station_name() == "PACK-03"
    set_station_name("")
    assert station_name() == host_name()
    set_station_name(" PACK-04 ")
    assert station_name() == "PACK-04"
    set_station_name(None)
    assert station_name() == host_name()


def test_settings_name_the_station_as_the_locks_do(monkeypatch: pytest.MonkeyPatch) -> None:
    assert StationSettings().station == host_name()
    assert StationSettings(station_name="PACK-03").station == "PACK-03"
    monkeypatch.setenv(STATION_ENV, "PACK-07")
    assert StationSettings(station_name="PACK-03").station == "PACK-07"
    assert StationSettings().station == "PACK-07"


# --------------------------------------------------------------------------- the lock file


def test_a_lock_names_the_station_from_the_environment_and_the_real_pc(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(STATION_ENV, "PACK-07")
    set_station_name("PACK-03")  # the settings' name: the environment wins over it
    work = tmp_path / "work"
    manager = SessionLockManager(worker_id="w1", worker_name="Dolphin")
    try:
        lock = manager.acquire(work)
        raw = _lock_file(work)
        assert raw["locked_by"] == "PACK-07"
        assert raw["host"] == host_name()
        if not os.environ.get("COMPUTERNAME"):
            assert raw["host"] == socket.gethostname()
        assert read_lock(work) == lock.info
        assert lock.info.pc == host_name()
        assert not lock.info.owner_gone()  # our own, alive
        assert f"station PACK-07 (PC {host_name()})" in lock.info.describe()
    finally:
        manager.close()
    assert [line["by"]["station"] for line in _history(work)] == ["PACK-07", "PACK-07"]


def test_a_lock_by_a_set_station_name(tmp_path: Path) -> None:
    set_station_name("PACK-03")
    manager = SessionLockManager(worker_id="w1", worker_name="Dolphin")
    try:
        manager.acquire(tmp_path / "work")
        raw = _lock_file(tmp_path / "work")
        assert (raw["locked_by"], raw["host"]) == ("PACK-03", host_name())
    finally:
        manager.close()


def test_a_lock_without_host_still_loads_and_its_locked_by_is_the_pc(tmp_path: Path) -> None:
    stamp = now_iso()
    old = {"locked_by": host_name(), "user_name": "u", "lock_time": stamp, "heartbeat": stamp,
           "process_id": os.getpid(), "version": "1.3.0"}  # as the older packer writes it
    (tmp_path / LOCK_FILENAME).write_text(json.dumps(old), encoding="utf-8")
    info = read_lock(tmp_path)
    assert info is not None
    assert (info.host, info.pc) == ("", host_name())
    assert not info.owner_gone()
    assert info.describe().startswith(f"station {host_name()}, worker u")
    odd = LockInfo.from_dict({**old, "host": 7})  # not text: as if absent
    assert odd is not None
    assert odd.host == ""


def _dead_pid() -> int:
    done = subprocess.run([PYTHON, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    return int(done.stdout)


def test_the_pc_decides_whether_the_process_can_be_checked(tmp_path: Path) -> None:
    stamp = now_iso()
    dead = _dead_pid()
    base = {"user_name": "u", "lock_time": stamp, "heartbeat": stamp, "process_id": dead}
    here = LockInfo.from_dict({**base, "locked_by": "PACK-07", "host": host_name()})
    assert here is not None
    assert here.owner_gone()
    assert here.is_stale(now())
    # Named like this PC, but held on another PC: its process id means nothing here.
    elsewhere = LockInfo.from_dict({**base, "locked_by": host_name(), "host": "OTHER-PC"})
    assert elsewhere is not None
    assert not elsewhere.owner_gone()
    assert not elsewhere.is_stale(now())
    older = LockInfo.from_dict({**base, "locked_by": host_name()})  # no host: locked_by is the PC
    assert older is not None
    assert older.owner_gone()


def test_a_dead_process_of_this_pc_is_gone_under_a_station_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    holder = _hold(work, tmp_path / "ready.json", "PACK-07")
    _kill(holder)
    info = read_lock(work)
    assert info is not None
    assert (info.locked_by, info.host, info.process_id) == ("PACK-07", host_name(), holder.pid)
    assert info.heartbeat_age(now()) < 60  # fresh, yet stale: its program no longer runs
    for station in ("PACK-07", "PACK-08"):
        monkeypatch.setenv(STATION_ENV, station)
        assert info.owner_gone()
        assert info.is_stale(now())
    manager = SessionLockManager(worker_id="w2", worker_name="Walrus")
    try:
        with pytest.raises(LockHeldError, match="stale"):
            manager.acquire(work)  # stale locks are taken only on request
        taken = manager.take_over(work, info, reason="PACK-07 stopped")
        assert (taken.info.locked_by, taken.info.host) == ("PACK-08", host_name())
        assert _lock_file(work)["locked_by"] == "PACK-08"
    finally:
        manager.close()


def test_two_stations_on_one_pc_never_take_each_others_live_lock(
        tmp_path: Path, generated_share: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = ShareLayout(generated_share).work_dir(CLIENT, SESSION, LIST)
    holder = _hold(work, tmp_path / "ready.json", "PACK-A")
    try:
        monkeypatch.setenv(STATION_ENV, "PACK-B")
        info = read_lock(work)
        assert info is not None
        assert (info.locked_by, info.host, info.process_id) == ("PACK-A", host_name(), holder.pid)
        assert not info.owner_gone()  # same PC, its process runs: not gone for station B
        assert not info.is_stale(now())
        manager = SessionLockManager(worker_id="w_b", worker_name="Station B")
        try:
            with pytest.raises(LockHeldError) as held:
                manager.acquire(work)
            assert not held.value.stale
            assert "PACK-A" in str(held.value)
            with pytest.raises(LockHeldError) as refused:
                manager.take_over(work, info, reason="station B tries")
            assert not refused.value.stale
        finally:
            manager.close()
        cli = _simulate(generated_share, "--station", "PACK-B", take_over=True,
                        env={STATION_ENV: ""})
        assert cli.returncode == 3, cli.stderr
        assert "station PACK-A" in cli.stderr
        assert _lock_file(work)["lock_id"] == info.lock_id  # untouched
    finally:
        _kill(holder)
    taken = _simulate(generated_share, "--station", "PACK-B", take_over=True,
                      env={STATION_ENV: ""})
    assert taken.returncode == 0, taken.stderr
    events = _history(work)
    assert [(e["event"], e["by"]["station"]) for e in events] == [
        ("acquire", "PACK-A"), ("takeover", "PACK-B"), ("release", "PACK-B")]
    assert events[1]["from"]["locked_by"] == "PACK-A"
    assert events[1]["from"]["host"] == host_name()


# --------------------------------------------------------------------------- simulate


def test_simulate_station_names_the_lock_summary_and_session_info(
        generated_share: Path) -> None:
    done = _simulate(generated_share, "--station", "PACK-A")
    assert done.returncode == 0, done.stderr
    assert last_json(done.stdout)["orders_packed"] == 4
    session_dir = ShareLayout(generated_share).session_dir(CLIENT, SESSION)
    work = ShareLayout(generated_share).work_dir(CLIENT, SESSION, LIST)
    assert {e["by"]["station"] for e in _history(work)} == {"PACK-A"}
    summary = _json(work / "session_summary.json")
    assert (summary["pc_name"], summary["worker_pc"]) == ("PACK-A", "PACK-A")
    assert _json(work / "packing_state.json")["pc_name"] == "PACK-A"
    info = _json(session_dir / "session_info.json")
    assert info["packing_progress"][LIST]["pc_name"] == "PACK-A"
    assert info["pc_name"] == "GENERATOR"  # the Shopify Tool's own key is left alone


def test_simulate_holds_its_lock_under_the_station_name(generated_share: Path) -> None:
    paused = _simulate(generated_share, "--station", "PACK-A", complete=False)
    assert paused.returncode == 0, paused.stderr
    work = ShareLayout(generated_share).work_dir(CLIENT, SESSION, LIST)
    acquired = _history(work)[0]
    assert (acquired["event"], acquired["by"]["station"]) == ("acquire", "PACK-A")
    assert _json(work / "packing_state.json")["pc_name"] == "PACK-A"
    assert not (work / LOCK_FILENAME).exists()  # paused: released


def test_the_environment_wins_over_simulate_station(generated_share: Path) -> None:
    done = _simulate(generated_share, "--station", "PACK-A", env={STATION_ENV: "PACK-ENV"})
    assert done.returncode == 0, done.stderr
    assert "PACKING_TOOL_STATION=PACK-ENV" in done.stderr
    work = ShareLayout(generated_share).work_dir(CLIENT, SESSION, LIST)
    assert _json(work / "session_summary.json")["pc_name"] == "PACK-ENV"


def test_simulate_refuses_a_station_name_that_cannot_be_a_file_name(
        generated_share: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = simulate_args(generated_share, CLIENT, SESSION, LIST)
    assert main([*args, "--station", "PACK/7"]) == 2
    assert "--station" in capsys.readouterr().err
    assert station_name() == host_name()  # nothing was set
    assert not ShareLayout(generated_share).work_dir(CLIENT, SESSION, LIST).exists()


def test_a_packing_session_goes_by_the_station_name(generated_share: Path) -> None:
    set_station_name("PACK-05")
    session = PackingSession(ShareLayout(generated_share), CLIENT, SESSION, LIST)
    try:
        assert session.station == "PACK-05"
    finally:
        session.close()
