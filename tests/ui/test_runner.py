"""The background runner: one task at a time, results on the UI thread, a hung task harmless."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QObject, QTimer
from pytestqt.qtbot import QtBot

from packing_tool.ui.runner import TaskRunner


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    assert task_runner.shutdown(timeout=5.0)


def test_tasks_run_in_order_on_one_thread_and_answer_on_the_ui_thread(
        qtbot: QtBot, runner: TaskRunner) -> None:
    ui_thread = threading.get_ident()
    ran_on: list[int] = []
    answered: list[tuple[int, int]] = []

    def task(n: int) -> int:
        ran_on.append(threading.get_ident())
        return n * n

    tokens = [runner.submit(task, n, on_done=lambda r: answered.append(
        (r, threading.get_ident()))) for n in range(5)]
    assert tokens == sorted(set(tokens))
    qtbot.waitUntil(lambda: len(answered) == 5)
    assert [r for r, _ in answered] == [0, 1, 4, 9, 16]
    assert {t for _, t in answered} == {ui_thread}
    assert len(set(ran_on)) == 1
    assert ran_on[0] != ui_thread
    assert runner.pending == 0
    assert not runner.busy


def test_a_failing_task_is_reported_with_its_message(qtbot: QtBot, runner: TaskRunner) -> None:
    errors: list[str] = []

    def broken() -> None:
        raise PermissionError("share is read-only")

    with qtbot.waitSignal(runner.failed) as blocker:
        token = runner.submit(broken, on_error=errors.append)
    assert blocker.args == [token, "Something went wrong: share is read-only"]
    assert errors == ["Something went wrong: share is read-only"]  # no Python class name
    with qtbot.waitSignal(runner.done) as blocker:
        runner.submit(lambda: "still working")
    assert blocker.args[1] == "still working"


def test_a_hung_task_does_not_freeze_the_window(qtbot: QtBot, runner: TaskRunner) -> None:
    release = threading.Event()
    started = threading.Event()
    order: list[str] = []

    def hung_share_read() -> str:
        started.set()
        release.wait(30)
        order.append("hung")
        return "late"

    runner.submit(hung_share_read)  # returns at once although the task blocks
    runner.submit(order.append, "after", on_done=lambda _r: order.append("after delivered"))
    assert started.wait(10)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(1)
    qtbot.waitUntil(lambda: len(ticks) >= 3)  # the UI thread's event loop keeps running
    timer.stop()
    assert runner.busy
    assert runner.pending == 2
    assert order == []
    release.set()
    qtbot.waitUntil(lambda: order[-1:] == ["after delivered"])
    assert order == ["hung", "after", "after delivered"]
    assert runner.pending == 0


def test_a_cancelled_task_delivers_nothing(qtbot: QtBot, runner: TaskRunner) -> None:
    release = threading.Event()
    delivered: list[object] = []
    token = runner.submit(release.wait, 30, on_done=delivered.append)
    runner.cancel(token)
    with qtbot.waitSignal(runner.idle), qtbot.assertNotEmitted(runner.done):
        release.set()
    assert delivered == []
    assert runner.pending == 0


def test_shutdown_refuses_new_tasks_and_reports_a_task_still_hanging(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    started = threading.Event()
    runner.submit(lambda: (started.set(), release.wait(30)))
    assert started.wait(10)
    assert runner.shutdown(timeout=0.05) is False  # hung: it says so instead of blocking
    with pytest.raises(RuntimeError, match="shut down"):
        runner.submit(print)
    release.set()
    assert runner.shutdown(timeout=5.0) is True


def test_callbacks_of_a_deleted_owner_are_skipped(qtbot: QtBot, runner: TaskRunner) -> None:
    owner = QObject()
    release = threading.Event()
    delivered: list[object] = []
    runner.submit(release.wait, 30, on_done=delivered.append, owner=owner)
    shiboken6.delete(owner)  # the window closed while the share was slow
    with qtbot.waitSignal(runner.done):
        release.set()
    assert delivered == []


def test_deleting_the_runner_ends_its_thread(qtbot: QtBot) -> None:
    parent = QObject()
    runner = TaskRunner(parent)
    thread = runner._thread
    shiboken6.delete(parent)
    thread.join(5.0)
    assert not thread.is_alive()
