"""A real SMB server goes away while a list is packed (the SMB lane only: scripts/smb_lane).

The lane's Samba server serves a folder of this machine, reached through an smbnetfs mount;
``$PACKING_TOOL_TEST_SMB_BACKING`` names that folder and ``$PACKING_TOOL_TEST_SMBD_PIDFILE``
the server's pid file. Three outages a station meets on a real network, none of them made by
renaming the folder from the station (Samba refuses to rename a folder with files open in it,
which is why tests/storage/test_offline.py's first test cannot run over SMB):

- the list's session folder moved away on the server and brought back;
- the connection dropped (the server's process for it killed), smbnetfs connecting again;
- the server hanging (its process stopped) and answering again.

Packing must go on from the station's own disk, and every scan must reach the share's journal
exactly once when it answers again.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.session_manager import ActiveList, SessionManager
from tests.conftest import SHARE_ENV, SHOPIFY_SERVER
from tests.helpers.simulate_checks import writable_copy
from tests.storage.test_offline import FAST, SESSION, _seqs, _units, _wait, _worker

BACKING_ENV, PIDFILE_ENV = "PACKING_TOOL_TEST_SMB_BACKING", "PACKING_TOOL_TEST_SMBD_PIDFILE"

pytestmark = [
    pytest.mark.share, pytest.mark.slow,
    pytest.mark.skipif(not all(os.environ.get(name) for name in (SHARE_ENV, BACKING_ENV,
                                                                  PIDFILE_ENV)),
                       reason="needs the SMB lane's server (scripts/smb_lane)"),
]

def on_server(path: Path) -> Path:
    """Where ``path`` (on the mount) lives in the server's own folder."""
    return Path(os.environ[BACKING_ENV]) / path.relative_to(os.environ[SHARE_ENV])


def connection_processes() -> list[int]:
    """The server's processes serving a client connection (its children named smbd)."""
    main = int(Path(os.environ[PIDFILE_ENV]).read_text().split()[0])
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text() if entry.name.isdigit() else ""
        except OSError:
            continue
        if not stat:
            continue
        name, rest = stat[stat.index("(") + 1:stat.rindex(")")], stat[stat.rindex(")") + 2:]
        if name == "smbd" and int(rest.split()[1]) == main:
            found.append(int(entry.name))
    assert found, "no smbd process serves the mount"
    return found


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return writable_copy(SHOPIFY_SERVER, tmp_path / "server")


@pytest.fixture
def manager(root: Path) -> Iterator[SessionManager]:
    made = SessionManager(ShareLayout(root), _worker(root, "Anna"), FAST)
    yield made
    made.close()


def _open_and_pack_a_third(manager: SessionManager) -> tuple[ActiveList, list[str], int]:
    active = manager.open("M", SESSION, "DPD_Orders")
    scans = list(_units(active))
    third = len(scans) // 3
    for text in scans[:third]:
        active.session.scan(text, manager.worker)
    assert active.mirror.flush(10)
    return active, scans, third


def _check_every_scan_once_then_end(manager: SessionManager, active: ActiveList,
                                    scans: list[str]) -> None:
    assert active.mirror.flush(60), active.share_status
    assert active.share_status.state == "online"
    journal = active.work_dir / "scan_journal.jsonl"
    assert _seqs(journal) == list(range(1, len(scans) + 1))
    assert journal.read_bytes() == active.mirror.local.path.read_bytes()
    plan = manager.complete(active)
    assert plan is not None
    assert (plan["summary"]["completed_orders"], plan["summary"]["packed_items"]) == (8, 18)


def test_the_session_folder_moved_away_on_the_server_and_back(manager: SessionManager,
                                                              root: Path) -> None:
    active, scans, third = _open_and_pack_a_third(manager)
    session_dir = on_server(root / "Sessions" / "CLIENT_M" / SESSION)
    away = session_dir.with_name(SESSION + "-away")
    session_dir.rename(away)  # on the server's own disk: the station only sees it vanish
    try:
        for text in scans[third:]:
            active.session.scan(text, manager.worker)  # acknowledged from the station's disk
        _wait(lambda: active.share_status.state == "offline", timeout=20)
        assert active.share_status.waiting > 0
    finally:
        away.rename(session_dir)
    _check_every_scan_once_then_end(manager, active, scans)


def test_a_dropped_connection_loses_and_doubles_nothing(manager: SessionManager) -> None:
    active, scans, third = _open_and_pack_a_third(manager)
    for pid in connection_processes():
        os.kill(pid, signal.SIGKILL)  # smbnetfs's open files on the share die with it
    for text in scans[third:]:
        active.session.scan(text, manager.worker)
    _check_every_scan_once_then_end(manager, active, scans)


def test_a_hanging_server_never_holds_up_a_scan(manager: SessionManager) -> None:
    active, scans, third = _open_and_pack_a_third(manager)
    stopped, slowest = connection_processes(), 0.0
    for pid in stopped:
        os.kill(pid, signal.SIGSTOP)
    try:
        for text in scans[third:]:
            start = time.monotonic()
            active.session.scan(text, manager.worker)
            slowest = max(slowest, time.monotonic() - start)
        time.sleep(1.0)  # the journal copy and the heartbeat wait on the server meanwhile
    finally:
        for pid in stopped:
            os.kill(pid, signal.SIGCONT)
    # A label scan waits for the order ledger at most claim_wait (1 s), then goes on offline.
    assert slowest < FAST.claim_wait + 0.5, f"a scan waited {slowest:.2f} s for the share"
    _check_every_scan_once_then_end(manager, active, scans)
