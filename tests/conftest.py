"""Shared fixtures: real folders on a real filesystem, copies of the real Shopify fixtures."""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import time
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


SHARE_ENV = "PACKING_TOOL_TEST_SHARE"


@pytest.fixture(scope="session")
def smb_share_base() -> Path | None:
    """This run's folder on the real share named by $PACKING_TOOL_TEST_SHARE, or None.

    scripts/smb_lane sets the variable to a Samba share mounted over SMB. Folders made there
    are left in place (the lane deletes its whole share at the end).
    """
    share = os.environ.get(SHARE_ENV)
    if not share:
        return None
    if not Path(share).is_dir():
        pytest.exit(f"{SHARE_ENV}={share} is not a folder", returncode=4)
    return Path(tempfile.mkdtemp(prefix=f"run-{time.strftime('%H%M%S')}-", dir=share))


@pytest.fixture
def tmp_path(request: pytest.FixtureRequest, tmp_path: Path, smb_share_base: Path | None,
             monkeypatch: pytest.MonkeyPatch) -> Path:
    """pytest's tmp_path, except for tests marked ``share`` when $PACKING_TOOL_TEST_SHARE is
    set: then a fresh folder on that share, so the test's share root is reached over SMB."""
    if smb_share_base is None or request.node.get_closest_marker("share") is None:
        return tmp_path
    # smbnetfs drops its connection when asked for extended attributes with a 64 KiB buffer,
    # as shutil.copytree/copy2 do for every file and folder: the tests' copies skip them.
    monkeypatch.setattr(shutil, "_copyxattr", lambda *args, **kwargs: None)
    name = re.sub(r"[^A-Za-z0-9_-]+", "_", request.node.name)[:60]
    # smbnetfs answers EIO for a few seconds after a failed call drops its connection: wait
    # for it here, so that one test's failure does not become every later test's error.
    deadline = time.monotonic() + 20
    while True:
        try:
            return Path(tempfile.mkdtemp(prefix=f"{name}-", dir=smb_share_base))
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
