"""Choosing the share root, and the demo share a new user starts on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from packing_tool.storage import paths


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in paths.ROOT_ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PACKING_TOOL_HOME", str(tmp_path / "home"))


def test_explicit_root_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FULFILLMENT_SERVER_PATH", str(tmp_path / "env"))
    assert paths.resolve_root(str(tmp_path / "x")) == paths.RootChoice(tmp_path / "x", False,
                                                                        "--root")
    assert paths.resolve_root(None).path == tmp_path / "env"
    assert paths.resolve_root(None).source == "FULFILLMENT_SERVER_PATH"


def test_configured_server_before_demo(tmp_path: Path) -> None:
    choice = paths.resolve_root(None, configured=str(tmp_path / "srv"))
    assert (choice.path, choice.is_demo) == (tmp_path / "srv", False)


def test_demo_share_is_copied_once_and_then_kept(tmp_path: Path) -> None:
    choice = paths.resolve_root(None)
    assert choice.is_demo
    assert choice.path == tmp_path / "home" / "demo"
    info = choice.path / "Sessions" / "CLIENT_M" / "2026-11-21_1" / "session_info.json"
    assert json.loads(info.read_text())["client_id"] == "M"
    assert (choice.path / "Stats" / "global_stats.json").is_file()
    stats = choice.path / "Stats" / "global_stats.json"
    stats.write_text("{}")  # what a demo user did must survive the next start
    assert paths.resolve_root(None).path == choice.path
    assert stats.read_text() == "{}"
