"""Shared fixtures: real folders on a real filesystem, copies of the real Shopify fixtures."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SHOPIFY_SERVER = FIXTURES / "shopify_sessions" / "server"
HELPERS = Path(__file__).parent / "helpers"
PYTHON = sys.executable


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if {"qtbot", "qapp"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def station_home(tmp_path_factory: pytest.TempPathFactory,
                 monkeypatch: pytest.MonkeyPatch) -> Path:
    """This station's local folder (mirrored journals, registry) for each test, never ~."""
    home = tmp_path_factory.mktemp("station")
    monkeypatch.setenv("PACKING_TOOL_HOME", str(home))
    return home


@pytest.fixture
def share_root(tmp_path: Path) -> Path:
    """A writable copy of the real share written by the Shopify Tool."""
    root = tmp_path / "server"
    shutil.copytree(SHOPIFY_SERVER, root)
    return root
