"""``packing-tool sessions``: the live list of every packing list, and releasing stale locks."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from packing_tool.cli import main
from packing_tool.simulate import simulate
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.lock_info import LOCK_FILENAME, LockInfo, host_name, read_lock
from packing_tool.storage.lock_release import (
    RELEASED_PREFIX,
    NoLockError,
    current_lock,
    release_stale,
)
from packing_tool.storage.session_lock import HISTORY_FILENAME, LockHeldError, SessionLockManager
from shared.fileio import atomic_write_json
from shared.timestamps import now, to_iso
from tests.conftest import HELPERS, PYTHON

ENTRY_POINT = Path(sys.executable).with_name("packing-tool")
SESSION = "2026-11-21_1"
M_LISTS = {"DHL_Orders", "DPD_Orders", "PostOne_Orders", "full_session"}
B_LISTS = {"DHL", "Econt", "Speedy", "full_session"}


def work_dir(root: Path, list_name: str = "DHL_Orders", client: str = "M") -> Path:
    return ShareLayout(root).work_dir(client, SESSION, list_name)


def cli(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def rows(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> list[dict[str, Any]]:
    code, out, err = cli(capsys, root, "sessions", "list", "--json", *args)
    assert code == 0, err
    found: list[dict[str, Any]] = json.loads(out)
    return found


def row(found: list[dict[str, Any]], list_name: str, client: str = "M") -> dict[str, Any]:
    [match] = [r for r in found if r["client"] == client and r["list"] == list_name]
    return match


def plant(folder: Path, *, station: str = "OTHER-PC", heartbeat: datetime | None = None,
          process_id: int = 4242, lock_id: str = "feedfacefeedfacefeedfacefeedface") -> LockInfo:
    """A lock as another station wrote it."""
    beat = to_iso(heartbeat or now())
    atomic_write_json(folder / LOCK_FILENAME, {
        "locked_by": station, "user_name": "someone", "lock_time": beat, "heartbeat": beat,
        "process_id": process_id, "app_version": "1.2.0", "worker_id": "worker_009",
        "worker_name": "Walrus", "lock_id": lock_id})
    info = read_lock(folder)
    assert info is not None
    return info


def paused(root: Path, list_name: str = "DHL_Orders") -> Path:
    """Pack a list and pause it (stored status paused), as a station would; its work folder."""
    simulate(root, "M", SESSION, list_name, "Anna")
    return work_dir(root, list_name)


def history(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (folder / HISTORY_FILENAME).read_text().splitlines()]


@pytest.fixture
def holder(tmp_path: Path, share_root: Path) -> Iterator[tuple[subprocess.Popen[bytes], LockInfo]]:
    """A real process holding M's DHL_Orders lock, heartbeating every second."""
    folder = paused(share_root)
    ready = tmp_path / "ready.json"
    proc = subprocess.Popen([PYTHON, str(HELPERS / "lock_holder.py"), str(folder), str(ready),
                             "1.0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while not ready.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            _, err = proc.communicate()
            pytest.fail(f"holder never got the lock: {err.decode(errors='replace')}")
        time.sleep(0.01)
    info = LockInfo.from_dict(json.loads(ready.read_text()))
    assert info is not None
    try:
        yield proc, info
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=10)


def answer(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


# --------------------------------------------------------------------------- list


def test_lists_every_list_of_both_clients_as_available(share_root, capsys):
    found = rows(capsys, share_root)
    assert {r["list"] for r in found if r["client"] == "M"} == M_LISTS
    assert {r["list"] for r in found if r["client"] == "B"} == B_LISTS
    assert {(r["status"], r["label"]) for r in found} == {("available", "Available")}
    assert row(found, "DHL_Orders")["total_orders"] == 5
    assert row(found, "Econt", "B")["total_orders"] == 12
    assert all(r["lock"] is None and r["session"] == SESSION for r in found)


def test_sessions_alone_prints_an_aligned_table(share_root, capsys):
    code, out, _ = cli(capsys, share_root, "sessions")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["CLIENT", "SESSION", "LIST", "STATUS"]
    assert len(lines) == 1 + len(M_LISTS) + len(B_LISTS)
    dhl = next(line for line in lines if "DHL_Orders" in line)
    assert dhl.split() == ["M", SESSION, "DHL_Orders", "Available", "0/5"]
    status_at = lines[0].index("STATUS")
    assert all(line[status_at:].startswith("Available") for line in lines[1:])


def test_one_client_and_status_filters(share_root, capsys):
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    found = rows(capsys, share_root, "--client", "m")
    assert {r["client"] for r in found} == {"M"}
    done = row(found, "DHL_Orders")
    assert (done["status"], done["label"]) == ("completed", "Completed")
    assert (done["completed_orders"], done["total_orders"]) == (5, 5)
    assert done["worker_name"] == "Anna"
    assert {r["list"] for r in found if r["status"] == "available"} == M_LISTS - {"DHL_Orders"}
    for spelling in ("completed", "Completed"):
        only = rows(capsys, share_root, "--status", spelling)
        assert [(r["client"], r["list"]) for r in only] == [("M", "DHL_Orders")]
    both = rows(capsys, share_root, "--status", "completed", "available", "--client", "B")
    assert {r["list"] for r in both} == B_LISTS
    code, out, _ = cli(capsys, share_root, "sessions", "--client", "M", "--status", "Completed")
    assert code == 0
    assert [line.split()[2] for line in out.splitlines()[1:]] == ["DHL_Orders"]
    assert "5/5" in out
    assert "Anna" in out


def test_another_hosts_lock_with_an_old_heartbeat_is_stale(share_root, capsys):
    folder = paused(share_root)
    plant(folder, heartbeat=now() - timedelta(hours=2))
    stale = row(rows(capsys, share_root), "DHL_Orders")
    assert (stale["status"], stale["label"]) == ("stale", "Stale")
    assert stale["lock"]["locked_by"] == "OTHER-PC"
    assert stale["lock"]["worker_name"] == "Walrus"
    assert stale["lock"]["heartbeat_age_seconds"] >= 7200
    assert row(rows(capsys, share_root), "DPD_Orders")["status"] == "available"
    code, out, _ = cli(capsys, share_root, "sessions", "--client", "M")
    assert code == 0
    line = next(x for x in out.splitlines() if "DHL_Orders" in x)
    assert "Stale" in line
    assert "OTHER-PC (Walrus), 2 h" in line


def test_stale_after_sets_the_threshold(share_root, capsys):
    plant(paused(share_root), heartbeat=now() - timedelta(seconds=100))
    assert row(rows(capsys, share_root), "DHL_Orders")["status"] == "in_progress"
    found = rows(capsys, share_root, "--stale-after", "50")
    assert row(found, "DHL_Orders")["status"] == "stale"
    code, _, err = cli(capsys, share_root, "sessions", "--stale-after", "0")
    assert code == 2
    assert "--stale-after" in err


def test_a_lock_of_this_host_whose_process_is_gone_is_stale(share_root, capsys):
    gone = subprocess.Popen([PYTHON, "-c", "pass"])
    gone.wait()  # reaped: its pid runs nothing now
    plant(paused(share_root), station=host_name(), process_id=gone.pid)
    assert row(rows(capsys, share_root), "DHL_Orders")["status"] == "stale"


@pytest.mark.parametrize(("args", "named"), [
    (["--client", "Z"], "'Z'"),
    (["--client", "../x"], "'../x'"),
    (["--status", "busy"], "'busy'"),
])
def test_bad_list_arguments_exit_2_naming_them(share_root, capsys, args, named):
    code, out, err = cli(capsys, share_root, "sessions", "list", *args)
    assert code == 2
    assert named in err
    assert out == ""


def test_a_missing_root_exits_2_naming_it(tmp_path, capsys):
    missing = tmp_path / "nowhere"
    for args in (["sessions"], ["sessions", "release", "--client", "M", "--session", SESSION,
                                "--list", "DHL_Orders", "--yes"]):
        code, _, err = cli(capsys, missing, *args)
        assert code == 2
        assert str(missing) in err
    assert not missing.exists()


# --------------------------------------------------------------------------- release


def release(capsys, root: Path, *extra: str, list_name: str = "DHL_Orders",
            session: str = SESSION, client: str = "M") -> tuple[int, str, str]:
    return cli(capsys, root, "sessions", "release", "--client", client, "--session", session,
               "--list", list_name, *extra)


def test_a_live_lock_is_active_and_never_released_while_its_holder_lives(
        share_root, capsys, monkeypatch, holder):
    proc, info = holder
    live = row(rows(capsys, share_root), "DHL_Orders")
    assert (live["status"], live["label"]) == ("in_progress", "Active")
    assert (live["worker_name"], live["station"]) == ("Holder", host_name())
    assert live["lock"]["lock_id"] == info.lock_id
    folder = work_dir(share_root)
    code, out, err = release(capsys, share_root, "--yes")
    assert code == 1
    assert "worker Holder" in err
    assert f"station {host_name()}" in err
    assert "live" in err
    assert "LIVE" in out
    assert read_lock(folder).lock_id == info.lock_id
    assert not list(folder.glob(RELEASED_PREFIX + "*"))

    proc.kill()
    proc.communicate(timeout=10)
    assert row(rows(capsys, share_root), "DHL_Orders")["status"] == "stale"
    code, out, err = release(capsys, share_root, "--yes")
    assert code == 0, err
    assert "its program no longer runs" in out
    assert read_lock(folder) is None


def test_force_live_still_asks_then_releases(share_root, capsys, monkeypatch, holder):
    _, info = holder
    folder = work_dir(share_root)
    answer(monkeypatch, "n\n")
    code, _, err = release(capsys, share_root, "--force-live")
    assert code == 1
    assert "nothing changed" in err
    assert "LIVE" in err  # the question says so
    assert read_lock(folder).lock_id == info.lock_id
    answer(monkeypatch, "y\n")
    code, _, err = release(capsys, share_root, "--force-live", "--reason", "PC3 froze")
    assert code == 0, err
    assert read_lock(folder) is None  # the holder's next heartbeat writes nothing back
    last = history(folder)[-1]
    assert (last["event"], last["forced"], last["reason"]) == ("release", True, "PC3 froze")
    assert last["from"]["lock_id"] == info.lock_id


def test_releasing_a_stale_lock_asks_keeps_the_old_file_and_records_it(
        share_root, capsys, monkeypatch):
    folder = paused(share_root)
    before = len(history(folder))
    planted = plant(folder, heartbeat=now() - timedelta(hours=2))
    original = (folder / LOCK_FILENAME).read_bytes()

    answer(monkeypatch, "n\n")
    code, out, err = release(capsys, share_root)
    assert code == 1
    assert "nothing changed" in err
    assert "OTHER-PC" in out
    assert "Walrus" in out
    assert "stale" in out
    assert (folder / LOCK_FILENAME).read_bytes() == original
    assert not list(folder.glob(RELEASED_PREFIX + "*"))
    assert len(history(folder)) == before

    answer(monkeypatch, "y\n")
    code, out, err = release(capsys, share_root)
    assert code == 0, err
    assert not (folder / LOCK_FILENAME).exists()
    [kept] = folder.glob(RELEASED_PREFIX + "*")
    assert kept.read_bytes() == original
    assert kept.name in out
    last = history(folder)[-1]
    assert last["event"] == "release"
    assert last["by"]["station"] == host_name()
    assert last["user"]
    assert last["from"]["lock_id"] == planted.lock_id
    assert last["from"]["kept_at"] == kept.name
    assert last["reason"]
    assert last["forced"] is False

    after = row(rows(capsys, share_root), "DHL_Orders")
    assert (after["status"], after["lock"]) == ("paused", None)
    result = simulate(share_root, "M", SESSION, "DHL_Orders", "Bob", complete=True)
    assert result["orders_total"] == 5
    assert row(rows(capsys, share_root), "DHL_Orders")["status"] == "completed"


def test_a_lock_that_changed_after_it_was_shown_is_not_released(share_root, capsys,
                                                                  monkeypatch):
    folder = paused(share_root)
    plant(folder, heartbeat=now() - timedelta(hours=2))

    class TakenMeanwhile(io.StringIO):
        def readline(self, *args: Any) -> str:  # another station took it while we asked
            plant(folder, station="PC9", lock_id="0" * 32)
            return "y\n"

    monkeypatch.setattr("sys.stdin", TakenMeanwhile())
    code, _, err = release(capsys, share_root)
    assert code == 1
    assert "changed" in err
    assert "PC9" in err
    assert read_lock(folder).lock_id == "0" * 32
    assert not list(folder.glob(RELEASED_PREFIX + "*"))


def test_no_lock_exits_1(share_root, capsys):
    code, _, err = release(capsys, share_root, "--yes")
    assert code == 1
    assert "no lock" in err


@pytest.mark.parametrize(("field", "value"), [
    ("client", "Z"), ("client", "../M"), ("session", "2026-01-01_9"), ("session", ".."),
    ("list", "Nope"), ("list", "a/b"),
])
def test_bad_release_names_exit_2_naming_them(share_root, capsys, field, value):
    given = {"client": "M", "session": SESSION, "list_name": "DHL_Orders"}
    given["list_name" if field == "list" else field] = value
    code, _, err = release(capsys, share_root, "--yes", **given)
    assert code == 2
    assert repr(value) in err


# --------------------------------------------------------------------------- storage


def test_release_stale_never_lets_the_holder_write_again(tmp_path):
    folder = tmp_path / "packing" / "DHL_Orders"
    manager = SessionLockManager(worker_id="w1", worker_name="Anna", heartbeat_seconds=3600)
    try:
        lock = manager.acquire(folder)
        with pytest.raises(LockHeldError):
            release_stale(folder, lock.info, reason="too early")
        release_stale(folder, lock.info, reason="forced", force=True)
        assert lock.refresh() is False
        assert lock.lost
        assert read_lock(folder) is None  # the holder's heartbeat wrote nothing back
        with pytest.raises(NoLockError):
            release_stale(folder, lock.info, reason="twice")
    finally:
        manager.close()


def test_an_invalid_lock_file_is_released_once_old(tmp_path):
    folder = tmp_path / "packing" / "DHL_Orders"
    folder.mkdir(parents=True)
    (folder / LOCK_FILENAME).write_bytes(b"{garbage")
    young = current_lock(folder)
    assert young is not None
    assert not young.valid
    assert not young.stale
    with pytest.raises(LockHeldError):
        release_stale(folder, young.info, reason="young")
    an_hour_ago = time.time() - 3600
    os.utime(folder / LOCK_FILENAME, (an_hour_ago, an_hour_ago))
    old = current_lock(folder)
    assert old is not None
    assert old.stale
    assert not old.valid
    kept = release_stale(folder, old.info, reason="unreadable")
    assert kept.read_bytes() == b"{garbage"
    assert not (folder / LOCK_FILENAME).exists()
    assert history(folder)[-1]["from"]["valid"] is False


# --------------------------------------------------------------------------- real process


def test_list_and_release_through_the_installed_command(share_root):
    folder = paused(share_root)
    plant(folder, heartbeat=now() - timedelta(hours=2))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(ENTRY_POINT), "--root", str(share_root), "sessions", *args],
                              capture_output=True, text=True, timeout=60, check=False,
                              stdin=subprocess.DEVNULL)

    listed = run("list", "--json", "--status", "stale")
    assert listed.returncode == 0, listed.stderr
    assert [(r["client"], r["list"]) for r in json.loads(listed.stdout)] == [("M", "DHL_Orders")]
    target = ("--client", "M", "--session", SESSION, "--list", "DHL_Orders")
    refused = run("release", *target)  # no terminal and no --yes: a no
    assert refused.returncode == 1
    assert "nothing changed" in refused.stderr
    assert read_lock(folder) is not None
    done = run("release", *target, "--yes")
    assert done.returncode == 0, done.stderr
    assert read_lock(folder) is None
    assert json.loads(run("list", "--json", "--client", "M").stdout)[0]["status"] != "stale"
