"""`archive --older-than`: only old completed sessions move, unchanged, and leave the index."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest

from packing_tool.admin.archive_move import MoveError, move_session
from packing_tool.cli import main
from packing_tool.simulate import simulate
from packing_tool.storage import session_index
from packing_tool.storage.generated import write_generated_session
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.session_index import read_index
from shared import fileio
from shared.timestamps import now

ENTRY_POINT = Path(sys.executable).with_name("packing-tool")


def _day(days_ago: int) -> str:
    return (now().date() - timedelta(days=days_ago)).isoformat()


OLD, LOCKED, OPEN, UNPACKED = (f"{_day(d)}_1" for d in (100, 101, 102, 103))
RECENT = f"{_day(2)}_1"


def _session(root: Path, name: str, lists: tuple[str, ...] = ("GEN",), *,
             packed: tuple[str, ...] = ("GEN",), complete: bool = True) -> None:
    for n, list_name in enumerate(lists):
        write_generated_session(root, "M", name, list_name, 3, seed=n)
    for list_name in packed:
        simulate(root, "M", name, list_name, "Anna", complete=complete)


@pytest.fixture
def share(share_root: Path) -> Path:
    """M: one old completed session, and one of each kind that must stay."""
    _session(share_root, OLD, ("GEN", "GEN2"), packed=("GEN", "GEN2"))
    _session(share_root, LOCKED)
    fileio.atomic_write_json(share_root / "Sessions/CLIENT_M" / LOCKED / "packing/GEN"
                             / ".session.lock", {"locked_by": "PC7", "user_name": "x",
                                                 "lock_time": "2020-01-01T00:00:00+00:00",
                                                 "heartbeat": "2020-01-01T00:00:00+00:00"})
    _session(share_root, OPEN, complete=False)
    _session(share_root, UNPACKED, ("GEN", "NEVER"))
    _session(share_root, RECENT)
    session_index.rebuild(ShareLayout(share_root), "M")
    return share_root


def _archive(root: Path, *extra: str) -> int:
    return main(["--root", str(root), "archive", "--older-than", "30", *extra])


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _index_sessions(root: Path) -> set[str]:
    doc = read_index(ShareLayout(root), "M")  # the file plus appended updates
    return {e["session_id"] for e in doc["entries"].values()}


def test_archive_moves_only_old_completed_sessions_unchanged(
        share: Path, capsys: pytest.CaptureFixture[str]) -> None:
    live = share / "Sessions/CLIENT_M"
    before = _tree(live / OLD)
    summaries = {k: v for k, v in before.items() if k.endswith("session_summary.json")}
    assert len(summaries) == 2
    stats = (share / "Stats/global_stats.json").read_bytes()
    workers = (share / "Workers/workers.json").read_bytes()
    assert OLD in _index_sessions(share)

    assert _archive(share, "--dry-run", "--json") == 0
    planned = json.loads(capsys.readouterr().out)
    assert [m["session"] for m in planned["to_move"]] == [OLD]
    assert (live / OLD).is_dir()
    assert not (share / "Archive").exists()

    assert _archive(share, "--yes", "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert [(m["session"], m["method"]) for m in result["moved"]] == [(OLD, "renamed")]
    reasons = {s["session"]: s["reason"] for s in result["skipped"]}
    assert "holds a lock (station PC7" in reasons[LOCKED]
    assert "not ended" in reasons[OPEN]
    assert "never opened: NEVER" in reasons[UNPACKED]
    assert RECENT not in reasons
    assert "order_ledger" not in reasons  # the client's order ledger is not a session
    assert (live / "order_ledger" / "orders").is_dir()
    assert result["recent"] >= 1
    archived = share / "Archive/Sessions/CLIENT_M" / OLD
    assert not (live / OLD).exists()
    assert _tree(archived) == before  # summaries included, byte for byte
    for session in (LOCKED, OPEN, UNPACKED, RECENT):
        assert (live / session).is_dir()
    assert (share / "Stats/global_stats.json").read_bytes() == stats
    assert (share / "Workers/workers.json").read_bytes() == workers
    assert OLD not in _index_sessions(share)
    assert LOCKED in _index_sessions(share)
    assert result["index_entries_removed"] == 2

    assert _archive(share, "--yes", "--json") == 0  # a second run has nothing to move
    again = json.loads(capsys.readouterr().out)
    assert again["moved"] == []
    assert again["failed"] == []
    assert _tree(archived) == before


def test_include_unpacked_and_to_another_folder(share: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "cold"
    assert _archive(share, "--yes", "--json", "--include-unpacked", "--to", str(target),
                    "--client", "m") == 0
    moved = {m["session"] for m in json.loads(capsys.readouterr().out)["moved"]}
    assert moved == {OLD, UNPACKED}
    assert (target / "CLIENT_M" / UNPACKED / "packing_lists/NEVER.json").is_file()
    assert not (share / "Archive").exists()


def test_undated_session_is_dated_by_its_summaries(share_root: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    _session(share_root, "spring_batch")
    _session(share_root, "today_batch")
    summary = share_root / "Sessions/CLIENT_M/spring_batch/packing/GEN/session_summary.json"
    doc = json.loads(summary.read_bytes())
    doc["completed_at"] = f"{_day(200)}T12:00:00+00:00"
    fileio.atomic_write_json(summary, doc)
    assert _archive(share_root, "--yes", "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert [(m["session"], m["date"]) for m in result["moved"]] == [("spring_batch", _day(200))]
    assert (share_root / "Sessions/CLIENT_M/today_batch").is_dir()


def test_an_archived_session_of_the_same_name_is_never_overwritten(
        share: Path, capsys: pytest.CaptureFixture[str]) -> None:
    there = share / "Archive/Sessions/CLIENT_M" / OLD
    fileio.atomic_write_text(there / "note.txt", "already here")
    assert _archive(share, "--yes") == 1
    out = capsys.readouterr().out
    assert "exists already" in out
    assert OLD in out
    assert _tree(there) == {"note.txt": b"already here"}
    assert (share / "Sessions/CLIENT_M" / OLD).is_dir()


def test_move_across_filesystems_copies_checks_and_removes(tmp_path: Path) -> None:
    src, dest = tmp_path / "src", tmp_path / "other" / "dest"
    fileio.atomic_write_text(src / "packing/L/session_summary.json", '{"a": 1}')
    fileio.atomic_write_bytes(src / "barcodes/x.png", bytes(range(256)))
    (src / "empty").mkdir()
    os.utime(src / "barcodes/x.png", (1_000_000_000, 1_000_000_000))
    before = _tree(src)

    def other_device(_a: Path, _b: Path) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    assert move_session(src, dest, rename=other_device) == "copied"
    assert not src.exists()
    assert _tree(dest) == before
    assert (dest / "empty").is_dir()
    assert (dest / "barcodes/x.png").stat().st_mtime == 1_000_000_000

    fileio.atomic_write_text(src / "a.txt", "x")
    (src / "link").symlink_to(tmp_path)
    with pytest.raises(MoveError, match="is a link"):
        move_session(src, tmp_path / "dest2", rename=other_device)
    assert (src / "a.txt").read_text() == "x"
    assert not (tmp_path / "dest2").exists()


def test_restore_of_an_older_backup_leaves_archived_sessions_archived(
        share: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backup = tmp_path / "b.zip"
    assert main(["--root", str(share), "backup", "--output", str(backup)]) == 0
    assert _archive(share, "--yes") == 0
    capsys.readouterr()
    assert main(["--root", str(share), "restore", str(backup), "--yes", "--json"]) == 1
    result = json.loads(capsys.readouterr().out)  # archiving changed the index since
    assert [n["path"] for n in result["newer_on_share"]] == [
        "Sessions/CLIENT_M/packing_index.json"]
    assert main(["--root", str(share), "restore", str(backup), "--yes", "--json",
                 "--force"]) == 0
    result = json.loads(capsys.readouterr().out)
    with zipfile.ZipFile(backup) as archive:  # every file the backup holds of that session
        old_files = [n for n in archive.namelist() if n.startswith(f"Sessions/CLIENT_M/{OLD}/")]
    assert len(old_files) >= 9
    assert sorted(result["archived"]) == sorted(old_files)
    assert not (share / "Sessions/CLIENT_M" / OLD).exists()
    assert main(["--root", str(share), "backup", "--output", str(tmp_path / "c.zip"),
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["archived_sessions"] == 1


def test_archive_bad_input_exits_2(tmp_path: Path, share_root: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere"
    assert main(["--root", str(missing), "archive", "--older-than", "5", "--yes"]) == 2
    assert str(missing) in capsys.readouterr().err
    assert not missing.exists()
    assert main(["--root", str(share_root), "archive", "--older-than", "-1"]) == 2
    assert main(["--root", str(share_root), "archive", "--older-than", "5", "--client",
                 "ZZ"]) == 2
    assert "CLIENT_ZZ" in capsys.readouterr().err


def test_archive_through_a_real_process(share: Path) -> None:
    def run(*args: str, answer: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(ENTRY_POINT), "--root", str(share), "archive",
                               "--older-than", "30", *args], input=answer,
                              capture_output=True, text=True, timeout=120, check=False)

    refused = run("--client", "M", answer="n\n")
    assert refused.returncode == 1
    assert "[y/N]" in refused.stderr
    assert "Cancelled" in refused.stdout
    assert (share / "Sessions/CLIENT_M" / OLD).is_dir()
    done = run("--yes")
    assert done.returncode == 0, done.stderr
    assert f"moved    CLIENT_M/{OLD}" in done.stdout
    assert "archive: sessions: 1/1" in done.stderr
    assert (share / "Archive/Sessions/CLIENT_M" / OLD).is_dir()
