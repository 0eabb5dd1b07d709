"""Discovery on the real Shopify Tool share and on folders with everything else left in them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from packing_tool.storage.discovery import (
    list_clients,
    list_progress,
    list_sessions,
    list_work,
    read_session_info,
)
from packing_tool.storage.layout import ShareLayout, UnsafeNameError


def touch(path: Path, text: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def list_json(path: Path) -> Path:
    return touch(path, json.dumps({"session_id": "x", "orders": []}))


# --------------------------------------------------------------------------- the real share


def test_real_share(share_root: Path) -> None:
    layout = ShareLayout(share_root)
    assert list_clients(layout) == ["B", "M"]
    assert list_sessions(layout, "M") == ["2026-11-21_1"]
    assert list_sessions(layout, "CLIENT_B") == ["2026-11-21_1"]
    assert list_work(layout, "M", "2026-11-21_1") == [
        "DHL_Orders", "DPD_Orders", "PostOne_Orders", "full_session"]
    assert list_work(layout, "B", "2026-11-21_1") == ["DHL", "Econt", "Speedy", "full_session"]
    info = read_session_info(layout, "M", "2026-11-21_1")
    assert info is not None
    assert info["statistics"]["packing_lists"] == ["DHL_Orders", "DPD_Orders", "PostOne_Orders"]
    assert info["created_at"].startswith("2026-11-21T05:26:37.913618")
    assert info["created_at"] != "2026-11-21T05:26:37.913618"  # naive → with an offset


def test_real_share_with_what_other_tools_leave(share_root: Path) -> None:
    """The fork's index and its .lock sidecar, our index, stray locks and hidden folders."""
    layout = ShareLayout(share_root)
    client = share_root / "Sessions" / "CLIENT_M"
    touch(client / "session_index.json", "[]")
    touch(client / "session_index.json.lock")
    touch(client / "packing_index.json", "{}")
    touch(client / "packing_index.json.corrupt-20261121-101010", "{garbage")
    touch(client / "2026-11-22_1.lock")
    (client / ".sync").mkdir()
    (client / "_trash" / "2026-11-20_1").mkdir(parents=True)
    touch(share_root / "Sessions" / ".DS_Store")
    assert list_clients(layout) == ["B", "M"]
    assert list_sessions(layout, "M") == ["2026-11-21_1"]
    session = client / "2026-11-21_1"
    touch(session / "packing_lists" / "~$DHL_Orders.xlsx")
    touch(session / "packing_lists" / ".DHL_Orders.json.1a2b.tmp")
    touch(session / "packing" / "DHL_Orders" / ".session.lock", "{}")
    assert list_work(layout, "M", "2026-11-21_1") == [
        "DHL_Orders", "DPD_Orders", "PostOne_Orders", "full_session"]


# --------------------------------------------------------------------------- clients


def test_clients_from_both_folders_skipping_bad_names(tmp_path: Path) -> None:
    for name in ("CLIENT_M", "CLIENT_B", "NOT_A_CLIENT", "CLIENT_", "CLIENT_A-B",
                 "CLIENT_ABCDEFGHIJKLMNOPQRSTU", ".CLIENT_H"):
        (tmp_path / "Clients" / name).mkdir(parents=True)
    for name in ("CLIENT_M", "CLIENT_Z", "_CLIENT_Q"):
        (tmp_path / "Sessions" / name).mkdir(parents=True)
    touch(tmp_path / "Clients" / "CLIENT_F")  # a file, not a folder
    touch(tmp_path / "Sessions" / "CLIENT_Y.lock")
    assert list_clients(ShareLayout(tmp_path)) == ["B", "M", "Z"]


def test_no_folders_at_all(tmp_path: Path) -> None:
    layout = ShareLayout(tmp_path)
    assert list_clients(layout) == []
    assert list_sessions(layout, "M") == []


# --------------------------------------------------------------------------- sessions


def test_sessions_newest_first_others_after(tmp_path: Path) -> None:
    layout = ShareLayout(tmp_path)
    client = tmp_path / "Sessions" / "CLIENT_M"
    for name in ("2026-11-21_1", "2026-11-21_2", "2026-11-21_10", "2026-11-20_3",
                 "2025-11-05_14-30", "notes", ".hidden", "_archive", "2026-13-45_1"):
        (client / name).mkdir(parents=True)
    touch(client / "2026-11-22_1")  # a file named like a session
    touch(client / "session_index.json", "[]")
    touch(client / "session_index.json.lock")
    os.symlink(tmp_path, client / "2026-11-23_1")  # a link may lead anywhere
    assert list_sessions(layout, "M") == [
        "2026-11-21_10", "2026-11-21_2", "2026-11-21_1", "2026-11-20_3",
        "notes", "2026-13-45_1", "2025-11-05_14-30"]


def test_unsafe_client_id_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnsafeNameError):
        list_sessions(ShareLayout(tmp_path), "../M")


# --------------------------------------------------------------------------- lists


def test_lists_of_a_messy_session(tmp_path: Path) -> None:
    layout = ShareLayout(tmp_path)
    session = tmp_path / "Sessions" / "CLIENT_M" / "2026-11-21_1"
    lists = session / "packing_lists"
    list_json(lists / "Both.json")
    touch(lists / "Both.xlsx", "not really a workbook")
    list_json(lists / "JsonOnly.json")
    touch(lists / "XlsxOnly.xlsx", "not really a workbook")
    touch(lists / "Broken.json", "{not json")
    touch(lists / ".Hidden.json", "{}")
    touch(lists / "~$Both.xlsx")
    touch(lists / "notes.txt")
    touch(lists / "Both.json.lock")
    (lists / "Folder.json").mkdir()
    (session / "packing" / "JsonOnly").mkdir(parents=True)
    (session / "packing" / "Vanished").mkdir(parents=True)
    (session / "packing" / ".tmp").mkdir(parents=True)
    touch(session / "packing" / "stray.lock")
    assert list_work(layout, "M", "2026-11-21_1") == [
        "Both", "Broken", "JsonOnly", "XlsxOnly", "Vanished"]


def test_full_session_only_with_an_analysis(tmp_path: Path) -> None:
    layout = ShareLayout(tmp_path)
    session = tmp_path / "Sessions" / "CLIENT_M" / "2026-11-21_1"
    (session / "packing" / "full_session").mkdir(parents=True)
    assert list_work(layout, "M", "2026-11-21_1") == ["full_session"]  # its work survives
    list_json(session / "analysis" / "analysis_data.json")
    list_json(session / "packing_lists" / "DHL.json")
    assert list_work(layout, "M", "2026-11-21_1") == ["DHL", "full_session"]


def test_empty_session(tmp_path: Path) -> None:
    (tmp_path / "Sessions" / "CLIENT_M" / "2026-11-21_1").mkdir(parents=True)
    assert list_work(ShareLayout(tmp_path), "M", "2026-11-21_1") == []


# --------------------------------------------------------------------------- session_info


@pytest.mark.parametrize("content", [None, "", "{broken", "[1, 2]", "\xff\xfe garbage", "dir"])
def test_unreadable_session_info_is_none(tmp_path: Path, content: str | None) -> None:
    session = tmp_path / "Sessions" / "CLIENT_M" / "2026-11-21_1"
    session.mkdir(parents=True)
    if content == "dir":
        (session / "session_info.json").mkdir()
    elif content is not None:
        (session / "session_info.json").write_bytes(content.encode("latin-1"))
    assert read_session_info(ShareLayout(tmp_path), "M", "2026-11-21_1") is None


def test_session_info_keeps_unknown_keys(tmp_path: Path) -> None:
    touch(tmp_path / "Sessions" / "CLIENT_M" / "2026-11-21_1" / "session_info.json",
          json.dumps({"created_at": "2026-11-21T05:26:37+02:00", "fork_key": [1]}))
    info = read_session_info(ShareLayout(tmp_path), "M", "2026-11-21_1")
    assert info is not None
    assert info["fork_key"] == [1]
    assert info["created_at"] == "2026-11-21T05:26:37+02:00"


@pytest.mark.parametrize("content", [b'{"no_orders": 1}', b"[1, 2]", b'{"orders": "x"}', b"\xff"])
def test_a_list_file_that_is_not_a_list_gives_no_counts_and_no_crash(tmp_path: Path,
                                                                     content: bytes) -> None:
    session = tmp_path / "2026-11-21_1"
    (session / "packing_lists").mkdir(parents=True)
    (session / "packing_lists" / "Odd.json").write_bytes(content)
    assert list_progress(session, "Odd") == {"status": "available"}


def test_the_layout_names_the_shared_files_where_the_shared_managers_write_them(
        tmp_path: Path) -> None:
    from packing_tool.storage.layout import ShareLayout
    from shared.stats_manager import StatsManager
    from shared.worker_manager import WorkerManager

    layout = ShareLayout(tmp_path)
    assert layout.stats_file == StatsManager(tmp_path).stats_file
    assert layout.workers_file == WorkerManager(tmp_path).workers_file
