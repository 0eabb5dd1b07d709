"""The station's name in the window: the browser's "this station", the settings dialog and
saving new settings (``MainWindow.apply_station``)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from packing_tool.storage import logging_setup
from packing_tool.storage.index_rows import IndexRow
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.lock_info import (
    STATION_ENV,
    host_name,
    read_lock,
    set_station_name,
    station_name,
)
from packing_tool.storage.paths import RootChoice
from packing_tool.storage.session_lock import SessionLockManager
from packing_tool.storage.session_manager import SessionSettings
from packing_tool.storage.settings import StationSettings
from packing_tool.ui.browser_texts import actions_for
from packing_tool.ui.main_window import MainWindow
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.settings_dialog import SettingsDialog
from shared.worker_manager import WorkerManager


@pytest.fixture(autouse=True)
def no_station_name(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(STATION_ENV, raising=False)
    set_station_name(None)
    yield
    set_station_name(None)


def test_only_the_station_holding_a_live_list_is_offered_to_resume_it(tmp_path: Path) -> None:
    work = tmp_path / "work"
    set_station_name("PACK-A")
    manager = SessionLockManager(worker_id="w1", worker_name="Dolphin")
    try:
        manager.acquire(work)
        lock = read_lock(work)
        assert lock is not None
        row = IndexRow(key="s::L", session_id="s", packing_list_name="L", status="in_progress",
                       stored_status="in_progress", work_dir=work, lock=lock)
        assert "resume" in actions_for(row)
        set_station_name("PACK-B")  # another station on the same PC
        assert lock.host == host_name()
        assert actions_for(row) == {"details"}
    finally:
        manager.close()


def test_the_placeholder_says_what_an_empty_name_means(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = SettingsDialog(StationSettings())
    qtbot.addWidget(dialog)
    assert host_name() in dialog.station_field.placeholderText()
    monkeypatch.setenv(STATION_ENV, "PACK-07")
    forced = SettingsDialog(StationSettings(station_name="PACK-03"))
    qtbot.addWidget(forced)
    assert "PACK-07" in forced.station_field.placeholderText()
    assert STATION_ENV in forced.station_field.toolTip()
    assert forced.result_settings().station_name == "PACK-03"  # kept; the environment wins


def test_saved_settings_rename_the_station_at_once(qtbot: QtBot, share_root: Path,
                                                  tmp_path: Path) -> None:
    WorkerManager(share_root).get_or_create("Anna")
    share_logs = ShareLayout(share_root).logs_dir
    context = logging_setup.configure_logging("PACK-01", local_dir=tmp_path / "local",
                                              share_logs=share_logs)
    runner = TaskRunner()
    window = MainWindow(RootChoice(share_root, False, "test"), runner,
                        settings=SessionSettings(debounce_seconds=0.0), sound=False,
                        log_context=context)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    try:
        qtbot.waitUntil(lambda: len(window.login.cards()) == 1, timeout=10000)
        # Let the browser's first loads finish: their results must not meet a closed runner.
        qtbot.waitUntil(lambda: window.browser.client is not None
                        and not window.browser.loading, timeout=10000)
        window.apply_station(StationSettings(station_name="PACK-09"))
        assert station_name() == "PACK-09"
        assert window.station_label.text() == "Station PACK-09"
        logging.getLogger("packing_tool.test").warning("after the rename")
        window.apply_station(StationSettings())
        assert station_name() == host_name()
        assert window.station_label.text() == f"Station {host_name()}"
    finally:
        window.close()
        runner.shutdown(2.0)
        logging_setup.shutdown(timeout=5.0)
    renamed = (share_logs / "PACK-09.log").read_text(encoding="utf-8")
    assert "station=PACK-09" in renamed
    assert "after the rename" in renamed
