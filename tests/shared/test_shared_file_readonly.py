"""Issue 14: reading the shared statistics and profiles works on a read-only share.

The share is made read-only for real: ``chmod`` when the tests run as a normal user; as
root (where ``chmod`` does not stop writes) a read-only bind mount of the folder, or a skip
that says so when mounting is not allowed. A separate test, which runs everywhere, checks
that a read opens the files read-only and creates nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from shared import fileio
from shared.stats_manager import StatsFileDamagedError, StatsManager, StatsManagerError
from shared.worker_manager import WorkerManager
from tests.conftest import SHOPIFY_SERVER


def _fill(root: Path) -> None:
    shutil.copytree(SHOPIFY_SERVER / "Stats", root / "Stats")
    dolphin = WorkerManager(root).create_worker("Dolphin")
    StatsManager(root).record_packing("M", "s1", dolphin.id, 17, 36, record_id="r1")


def _writable(path: Path) -> bool:
    try:
        with open(path, "r+b"):
            return True
    except OSError:
        return False


@contextlib.contextmanager
def _chmod_read_only(root: Path) -> Iterator[None]:
    paths = [root, *root.rglob("*")]
    modes = {p: stat.S_IMODE(p.stat().st_mode) for p in paths}
    for path in paths:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield
    finally:
        for path in reversed(paths):
            path.chmod(modes[path])


@contextlib.contextmanager
def _bind_read_only(source: Path, target: Path) -> Iterator[None]:
    target.mkdir()
    try:
        subprocess.run(["mount", "--bind", str(source), str(target)], check=True,
                       capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"running as root, where chmod does not stop writes, and a read-only "
                    f"bind mount is not allowed here ({exc})")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(target)], check=True,
                       capture_output=True, timeout=30)
        yield
    finally:
        subprocess.run(["umount", str(target)], check=False, capture_output=True, timeout=30)


@pytest.fixture
def read_only_share(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    """A share root with real global_stats.json / workers.json (and .bak) nobody can write."""
    source = tmp_path / "share"
    _fill(source)
    prepare = getattr(request, "param", None)
    if prepare is not None:
        prepare(source)
    with contextlib.ExitStack() as stack:
        if os.geteuid() != 0:
            stack.enter_context(_chmod_read_only(source))
            root, how = source, "chmod 0444/0555"
        else:
            root, how = tmp_path / "mounted", "read-only bind mount"
            stack.enter_context(_bind_read_only(source, root))
        stats_file = root / "Stats" / "global_stats.json"
        if _writable(stats_file):
            pytest.skip(f"{how}: the file can still be opened for writing here")
        request.node.user_properties.append(("read_only_by", how))
        yield root


def test_reading_stats_and_workers_on_a_read_only_share(read_only_share: Path) -> None:
    before = {p: p.read_bytes() for p in read_only_share.rglob("*") if p.is_file()}
    stats = StatsManager(read_only_share)
    assert stats.get_global_stats()["total_orders_analyzed"] == 624
    assert stats.get_client_stats("M")["orders_packed"] == 17
    assert stats.get_packing_history(limit=1)[0]["record_id"] == "r1"
    assert [w.name for w in WorkerManager(read_only_share).get_all_workers()] == ["Dolphin"]
    with pytest.raises(StatsManagerError, match=r"global_stats\.json"):
        StatsManager(read_only_share, max_retries=1).record_analysis("M", "s2", 1)
    after = {p: p.read_bytes() for p in read_only_share.rglob("*") if p.is_file()}
    assert after == before


def _torn_but_bak_as_new(root: Path) -> None:
    path = root / "Stats" / "global_stats.json"
    path.write_bytes(b"{torn")
    side_time = fileio.sidecar_path(path).stat().st_mtime_ns
    os.utime(path, ns=(side_time, side_time))


def _torn_without_bak(root: Path) -> None:
    path = root / "Stats" / "global_stats.json"
    path.write_bytes(b"{torn")
    fileio.sidecar_path(path).unlink()


@pytest.mark.parametrize("read_only_share", [_torn_but_bak_as_new], indirect=True)
def test_a_torn_file_is_recovered_in_memory_on_a_read_only_share(
        read_only_share: Path) -> None:
    stats = StatsManager(read_only_share).get_global_stats()
    assert stats["recorded_ids"] == ["r1"]
    assert (read_only_share / "Stats" / "global_stats.json").read_bytes() == b"{torn"


@pytest.mark.parametrize("read_only_share", [_torn_without_bak], indirect=True)
def test_a_damaged_file_on_a_read_only_share_is_reported(read_only_share: Path) -> None:
    with pytest.raises(StatsFileDamagedError, match=r"no global_stats\.json\.bak") as caught:
        StatsManager(read_only_share).get_global_stats()
    assert caught.value.kept_at is None  # nowhere to keep a copy: the file itself is kept


def test_a_read_opens_the_files_read_only_and_creates_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs as root too: every open a read makes is read-only."""
    _fill(tmp_path)
    modes: list[str] = []
    real_open = open

    def spy(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        modes.append(mode)
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(fileio, "open", spy, raising=False)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    assert StatsManager(tmp_path).get_global_stats()["total_orders_packed"] == 17
    assert WorkerManager(tmp_path).get_worker("worker_001") is not None
    assert StatsManager(tmp_path / "elsewhere").get_global_stats()["total_sessions"] == 0
    assert modes
    assert set(modes) == {"rb"}
    assert sorted(p.name for p in tmp_path.rglob("*")) == sorted([*before, "elsewhere", "Stats"])
    assert json.loads((tmp_path / "Stats" / "global_stats.json").read_text())["version"] == "2.0"
