"""Names on a Windows or Samba share: case does not tell names apart, device names are taken."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from packing_tool.storage.layout import NameClashError, ShareLayout, UnsafeNameError, safe_name
from packing_tool.storage.list_readers import list_path
from packing_tool.storage.packing_session import Worker
from packing_tool.storage.session_manager import SessionManager
from tests.conftest import SHOPIFY_SERVER
from tests.helpers.simulate_checks import writable_copy

SESSION = "2026-11-21_1"


@pytest.mark.parametrize("name", ["CON", "nul", "COM1", "lpt9", "NUL.json", "Aux.xlsx"])
def test_windows_device_names_are_refused_by_name(name: str) -> None:
    with pytest.raises(UnsafeNameError, match="Windows device name"):
        safe_name(name, "packing list")


@pytest.mark.parametrize("name", ["DHL.", "DHL ", "Orders..."])
def test_names_ending_in_a_dot_or_a_space_are_refused(name: str) -> None:
    with pytest.raises(UnsafeNameError, match="ends in a dot or a space"):
        safe_name(name, "packing list")


@pytest.mark.parametrize("name", ["CONSOLE", "COM10", "Econt", "DHL_Orders", "Спиди"])
def test_ordinary_names_pass(name: str) -> None:
    assert safe_name(name) == name


def test_two_lists_differing_only_in_case_are_not_mixed(tmp_path: Path) -> None:
    root = writable_copy(SHOPIFY_SERVER, tmp_path / "server")
    lists = ShareLayout(root).packing_lists_dir("M", SESSION)
    shutil.copy(lists / "DHL_Orders.json", lists / "dhl_orders.json")
    for name in ("DHL_Orders", "dhl_orders"):
        with pytest.raises(NameClashError, match="DHL_Orders and dhl_orders differ only in case"):
            list_path(lists.parent, name)
    assert list_path(lists.parent, "DPD_Orders").name == "DPD_Orders.json"


def test_a_client_in_two_spellings_is_refused_with_both_named(tmp_path: Path) -> None:
    root = writable_copy(SHOPIFY_SERVER, tmp_path / "server")
    (root / "Sessions" / "CLIENT_m").mkdir()
    manager = SessionManager(ShareLayout(root), Worker("worker_001", "Иван Петров"))
    try:
        with pytest.raises(NameClashError, match="CLIENT_M and CLIENT_m differ only in case"):
            manager.open("M", SESSION, "DHL_Orders")
    finally:
        manager.close()
