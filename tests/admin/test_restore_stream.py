"""`packing-tool restore` checks every target again when it writes, refuses unsafe zip
entries, and streams: a backup holding a 1 GB file restores in little memory."""

from __future__ import annotations

import io
import json
import os
import stat
import sys
import zipfile
from pathlib import Path

import pytest

from bench.restore_memory import CHUNK, REL, make_backup, make_share, run_measured
from packing_tool.cli import main
from packing_tool.simulate import simulate
from tests.storage.test_links import snapshot

SESSION, LIST = "2026-11-21_1", "DHL_Orders"
STATE = f"Sessions/CLIENT_M/{SESSION}/packing/{LIST}/packing_state.json"


class SwapThenYes(io.StringIO):
    """The terminal: while the question waits, someone swaps a folder for a link; then "y"."""

    def __init__(self, folder: Path, outside: Path) -> None:
        super().__init__()
        self.folder, self.outside = folder, outside

    def readline(self, size: int | None = -1) -> str:
        os.rename(self.folder, self.outside)
        os.symlink(self.outside, self.folder, target_is_directory=True)
        return "y\n"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_folder_swapped_for_a_link_during_the_prompt_gets_nothing(
        share_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    simulate(share_root, "M", SESSION, LIST, "Anna")
    archive = tmp_path / "b.zip"
    assert main(["--root", str(share_root), "backup", "--output", str(archive)]) == 0
    work = share_root / STATE.rsplit("/", 1)[0]
    (work / "packing_state.json").unlink()  # so the restore wants to write it
    outside = tmp_path / "outside"
    before = snapshot(work)
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", SwapThenYes(work, outside))

    code = main(["--root", str(share_root), "restore", str(archive), "--json"])

    result = json.loads(capsys.readouterr().out)
    assert code == 1
    assert result["to_restore"] == [STATE]
    assert result["restored"] == []
    [failed] = result["failed"]
    assert failed["path"] == STATE
    assert f"{work} is a link to {outside}" in failed["reason"]
    assert not (outside / "packing_state.json").exists()
    assert snapshot(outside) == before  # the folder, moved off the share, got nothing


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_backup_never_copies_a_file_behind_a_link(share_root: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "global_stats.json").write_text('{"secret": "of this PC"}')
    (share_root / "Stats" / "global_stats.json").unlink()
    os.symlink(outside / "global_stats.json", share_root / "Stats" / "global_stats.json")
    archive = tmp_path / "b.zip"
    code = main(["--root", str(share_root), "backup", "--output", str(archive)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"is a link to {outside / 'global_stats.json'}" in err
    assert not archive.exists()


def _zip_with(tmp_path: Path, name: str, mode: int | None = None) -> Path:
    """A backup that is ours in every way but for one entry ``name`` (with Unix ``mode``)."""
    archive = tmp_path / "odd.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        info = zipfile.ZipInfo(name)
        if mode is not None:
            info.external_attr = mode << 16
        zf.writestr(info, b"{}")
        zf.writestr("manifest.json", json.dumps({
            "format": "packing-tool-backup", "format_version": 1, "files": []}))
    return archive


@pytest.mark.parametrize(("name", "mode", "why"), [
    ("/etc/cron.d/x", None, "a path that could leave the share"),
    ("Stats/../../x.json", None, "a path that could leave the share"),
    ("C:/Windows/x.json", None, "a path that could leave the share"),
    ("Stats\\global_stats.json", None, "a path that could leave the share"),
    ("Stats/global_stats.json", stat.S_IFLNK | 0o777, "is a link"),
    ("Stats/global_stats.json", stat.S_IFCHR | 0o666, "is a device or other special file"),
    ("Stats/global_stats.json", stat.S_IFIFO | 0o666, "is a device or other special file"),
    ("Stats/", stat.S_IFDIR | 0o755, "is a folder"),
])
def test_unsafe_zip_entries_are_refused_before_anything_is_written(
        share_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        name: str, mode: int | None, why: str) -> None:
    archive = _zip_with(tmp_path, name, mode)
    before = snapshot(share_root)
    code = main(["--root", str(share_root), "restore", str(archive), "--yes"])
    err = capsys.readouterr().err
    assert code == 2
    assert why in err
    assert repr(name) in err
    assert snapshot(share_root) == before


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_a_backup_holding_a_1_gb_file_restores_in_under_200_mb(tmp_path: Path) -> None:
    size_mb = 1024
    archive = tmp_path / "big.zip"
    make_backup(archive, size_mb)
    assert archive.stat().st_size < 4 * CHUNK  # a small zip that unpacks to 1 GB
    root = tmp_path / "share"
    target = make_share(root)
    code, out, err, peak_bytes = run_measured(["--root", str(root), "restore", str(archive),
                                               "--yes", "--json"])
    assert code == 0, err
    assert json.loads(out)["restored"] == [{"path": REL}]
    assert target.stat().st_size == size_mb * CHUNK
    with open(target, "rb") as fh:
        fh.seek(size_mb * CHUNK - 4)
        assert fh.read() == b"\0\0\0\0"
    assert peak_bytes < 200e6, f"peak {peak_bytes / 1e6:.0f} MB"
