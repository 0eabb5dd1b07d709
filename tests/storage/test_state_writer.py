"""packing_state.json follows the scans in the background, never on the scan path."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from packing_tool.storage.state_writer import StateWriter


def _writer(tmp_path: Path, state: dict[str, Any], **timing: float) -> StateWriter:
    return StateWriter(tmp_path / "packing_state.json", lambda: dict(state), **timing)


def test_written_after_an_idle_pause_and_on_close(tmp_path: Path) -> None:
    state = {"last_seq": 1}
    writer = _writer(tmp_path, state, idle=0.2, max_age=30)
    writer.mark_dirty()
    deadline = time.monotonic() + 5
    while writer.writes == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert json.loads(writer.path.read_text())["last_seq"] == 1
    state["last_seq"] = 2
    writer.mark_dirty()
    writer.close()
    assert json.loads(writer.path.read_text())["last_seq"] == 2


def test_busy_station_still_gets_a_snapshot_at_max_age(tmp_path: Path) -> None:
    writer = _writer(tmp_path, {"last_seq": 7}, idle=10, max_age=0.3)
    start = time.monotonic()
    while writer.writes == 0 and time.monotonic() - start < 5:
        writer.mark_dirty()  # scans keep coming: never idle
        time.sleep(0.01)
    assert writer.writes >= 1
    assert time.monotonic() - start < 2
    writer.close()


def test_nothing_written_when_nothing_changed(tmp_path: Path) -> None:
    writer = _writer(tmp_path, {"last_seq": 0}, idle=0.05)
    time.sleep(0.2)
    writer.close()
    assert not writer.path.exists()


def test_unwritable_target_is_reported_and_retried(tmp_path: Path) -> None:
    blocker = tmp_path / "packing_state.json"
    blocker.mkdir()  # a folder where the file should go
    writer = StateWriter(blocker, lambda: {"a": 1}, idle=0.05)
    assert writer.write_now() is False
    assert writer.last_error is not None
    assert "packing_state.json" in writer.last_error
    blocker.rmdir()
    assert writer.write_now() is True
    writer.close()
