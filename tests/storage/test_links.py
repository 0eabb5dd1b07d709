"""Links planted on the share never lead a write, rename or copy outside its root.

Every case plants a real symbolic link (``os.symlink``) on a copy of the real share, runs the
real code (``packing-tool simulate`` in-process, the shared helpers, the archive move) and
checks that the folder outside holds exactly the files, bytes and times it held before.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest

from packing_tool.admin.archive_move import MoveError, move_session
from packing_tool.cli import main
from packing_tool.storage.inside import LinkRefusedError, check, confine, is_link, resolve_inside
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.share_log import ShareFileHandler
from shared import fileio
from shared.append_log import AppendLog
from tests.helpers.simulate_checks import simulate_args, work_dir

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")

SESSION, LIST = "2026-11-21_1", "DHL_Orders"
Snapshot = dict[str, tuple[bytes, int]]


def snapshot(folder: Path) -> Snapshot:
    """Every file below ``folder`` with its bytes and mtime (ns), and every folder."""
    found: Snapshot = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_file():
            found[rel] = (path.read_bytes(), path.stat().st_mtime_ns)
        else:
            found[rel + "/"] = (b"", 0)
    return found


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "global_stats.json").write_text('{"total_orders_analyzed": 7}\n')
    (folder / "workers.json").write_text('{"workers": {}}\n')
    (folder / "secret.txt").write_text("a file of this PC, not of the share\n")
    return folder


def _simulate(root: Path, capsys: pytest.CaptureFixture[str], **flags: bool) -> tuple[int, str]:
    code = main(simulate_args(root, "M", SESSION, LIST, complete=True, **flags))
    return code, capsys.readouterr().err


def _plant(link: Path, target: Path) -> None:
    if link.is_dir() and not link.is_symlink():
        shutil.rmtree(link)
    elif link.exists() or link.is_symlink():
        link.unlink()
    link.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, link, target_is_directory=target.is_dir())


@pytest.mark.parametrize(("where", "target"), [
    ("Stats", "."),
    ("Stats/global_stats.json", "global_stats.json"),
    ("Workers/workers.json", "workers.json"),
    ("Sessions/CLIENT_M/2026-11-21_1/session_info.json", "secret.txt"),
    ("Sessions/CLIENT_M/2026-11-21_1/packing", "."),
    ("Sessions/CLIENT_M/2026-11-21_1/packing/DHL_Orders/scan_journal.jsonl", "secret.txt"),
    ("Sessions/CLIENT_M/2026-11-21_1/packing/DHL_Orders/lock_history.jsonl", "secret.txt"),
    ("Sessions/CLIENT_M/2026-11-21_1/packing/DHL_Orders/reports", "."),
    ("Sessions/CLIENT_M/2026-11-21_1/packing/DHL_Orders/packing_state.json", "secret.txt"),
])
def test_a_list_packed_and_ended_never_writes_through_a_link(
        share_root: Path, outside: Path, capsys: pytest.CaptureFixture[str],
        caplog: pytest.LogCaptureFixture, where: str, target: str) -> None:
    (share_root / "Workers").mkdir(exist_ok=True)
    work_dir(share_root, "M", SESSION, LIST).mkdir(parents=True, exist_ok=True)
    _plant(share_root / where, outside / target)
    before = snapshot(outside)

    code, err = _simulate(share_root, capsys)

    assert snapshot(outside) == before
    refusals = [r.getMessage() for r in caplog.records if "is a link to" in r.getMessage()]
    assert refusals or "is a link to" in err, err
    if where.endswith("lock_history.jsonl"):  # best effort by design: the lock still works
        assert any(str(outside / target) in r for r in refusals)
        return
    assert code != 0, err
    assert "is a link to" in err, err
    assert where.rsplit("/", 1)[-1] in err, err


def test_a_linked_lock_is_neither_taken_over_nor_copied(
        share_root: Path, outside: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = work_dir(share_root, "M", SESSION, LIST)
    folder.mkdir(parents=True)
    _plant(folder / ".session.lock", outside / "secret.txt")
    before = snapshot(outside)

    code, err = _simulate(share_root, capsys, take_over=True)

    assert code != 0
    assert ".session.lock" in err, err
    assert str(outside / "secret.txt") in err, err
    assert snapshot(outside) == before
    copies = [p for p in folder.iterdir() if p.name.startswith(".session.lock.")]
    assert copies == []  # the station's file was never copied onto the share
    assert is_link(folder / ".session.lock")


def test_the_shared_helpers_refuse_a_linked_folder_or_file(tmp_path: Path, outside: Path) -> None:
    root = tmp_path / "share"
    (root / "Stats").mkdir(parents=True)
    ShareLayout(root)  # makes the root known: writes below it are checked from now on
    _plant(root / "Logs", outside)
    _plant(root / "Stats" / "global_stats.json", outside / "global_stats.json")
    before = snapshot(outside)

    with pytest.raises(LinkRefusedError, match="outside the share root"):
        fileio.atomic_write_bytes(root / "Logs" / "new.json", b"{}")
    with pytest.raises(LinkRefusedError, match=r"global_stats\.json is a link to"):
        fileio.locked_json_update(root / "Stats" / "global_stats.json", lambda d: d.update(a=1),
                                  default=dict)
    with pytest.raises(LinkRefusedError):
        fileio.keep_aside(root / "Logs" / "x.json", b"kept")
    with pytest.raises(LinkRefusedError):
        AppendLog(root / "Logs" / "audit.jsonl").append(b"{}")

    assert snapshot(outside) == before


def test_the_share_log_is_never_written_through_a_link(tmp_path: Path, outside: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    layout = ShareLayout(root)
    _plant(root / "Logs", outside)
    before = snapshot(outside)
    handler = ShareFileHandler(layout.logs_dir / "station-1.log", retry_seconds=0.0)
    handler.emit(logging.LogRecord("t", logging.INFO, __file__, 1, "packed 12", None, None))
    handler.poll()
    handler.close()
    assert not handler.connected
    assert snapshot(outside) == before


def test_archive_never_moves_a_session_through_a_linked_archive(share_root: Path,
                                                                outside: Path) -> None:
    confine(share_root)
    _plant(share_root / "Archive", outside)
    src = share_root / "Sessions" / "CLIENT_M" / SESSION
    dest = share_root / "Archive" / "Sessions" / "CLIENT_M" / SESSION
    before = snapshot(outside)
    with pytest.raises(MoveError, match="Archive is a link"):
        move_session(src, dest)
    assert (src / "session_info.json").is_file()
    assert snapshot(outside) == before


def test_resolve_inside_follows_links_inside_and_names_links_out(tmp_path: Path,
                                                                 outside: Path) -> None:
    root = tmp_path / "share"
    (root / "real").mkdir(parents=True)
    os.symlink(root / "real", root / "alias", target_is_directory=True)
    os.symlink(outside, root / "away", target_is_directory=True)
    assert resolve_inside(root, root / "alias" / "f.json") == (root / "real" / "f.json").resolve()
    with pytest.raises(LinkRefusedError) as refused:
        resolve_inside(root, root / "away" / "f.json")
    assert str(root / "away") in str(refused.value)
    assert str(outside) in str(refused.value)
    with pytest.raises(LinkRefusedError, match="is a link"):
        resolve_inside(root, root / "alias")  # a link as the last part: always refused
    with pytest.raises(LinkRefusedError, match="not inside"):
        resolve_inside(root, tmp_path / "elsewhere.json")
    check(tmp_path / "not-a-share" / "x.json")  # under no known root: not checked
