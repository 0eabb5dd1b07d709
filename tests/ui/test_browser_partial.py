"""The Session Browser shows the newest sessions' rows while it rebuilds its index."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from packing_tool.storage import session_index
from packing_tool.storage.layout import ShareLayout
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.session_browser import SessionBrowser
from tests.storage.test_index_partial import make_sessions

pytestmark = pytest.mark.share


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    assert task_runner.shutdown(timeout=10.0)


def test_rows_appear_while_the_index_is_rebuilt(qtbot: QtBot, tmp_path: Path, runner: TaskRunner,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    sessions = make_sessions(tmp_path, 8)
    monkeypatch.setattr(session_index, "FIRST_ROWS_S", 0.0)  # as on a slow share
    monkeypatch.setattr(session_index, "MORE_ROWS_S", 0.0)
    browser = SessionBrowser(ShareLayout(tmp_path), runner)
    qtbot.addWidget(browser)
    browser.show()
    seen: list[tuple[int, int, str, set[str]]] = []

    def part(client: str, rows: int) -> None:
        assert client == "M"
        seen.append((rows, browser.model.rowCount(), browser.status_line.text(),
                     {row.session_id for row in browser.model.rows}))

    browser.partlyShown.connect(part)
    qtbot.waitUntil(lambda: browser.clients.count() > 0)
    with qtbot.waitSignal(browser.refreshed, timeout=20_000) as done:
        browser.select_client("M")

    assert done.args == ["M", 16]
    assert seen, "no rows were shown before the index was whole"
    first_rows, in_table, status, shown_sessions = seen[0]
    assert first_rows == in_table == 2
    assert shown_sessions == {sessions[0]}
    assert "1 of 8" in status
    assert "newest first" in status
    assert [s[0] for s in seen] == sorted(s[0] for s in seen)  # only ever more rows
    assert browser.model.rowCount() == 16
    assert browser.status_line.text().startswith("Last refreshed")
