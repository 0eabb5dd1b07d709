"""Errors reach the window in the chosen language: a background task that fails on a list
file with a bad column is reported in Bulgarian, naming the file, with no Python class name;
the error's own text stays English for the log."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from packing_tool.storage.list_readers import load_packing_list
from packing_tool.storage.order_parsing import ListReadError
from packing_tool.ui import language
from packing_tool.ui.error_words import error_text
from packing_tool.ui.runner import TaskRunner
from shared import fileio
from shared.worker_manager import DuplicateWorkerError, WorkerManager

CLASS_NAME = re.compile(r"\b\w+(Error|Exception)\b")


@pytest.fixture
def bulgarian(qapp: QApplication) -> Iterator[None]:
    language.install(qapp, language.BULGARIAN)
    yield
    language.install(qapp, language.ENGLISH)


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown()
    task_runner.deleteLater()


def bad_list(folder: Path) -> Path:
    path = folder / "DHL_Orders.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Order_Number", "Something", "Quantity"])
    sheet.append(["#1001", "A-1", 1])
    book.save(path)
    return path


def test_a_failed_task_is_told_in_bulgarian_naming_the_file(
        qtbot: QtBot, runner: TaskRunner, tmp_path: Path, bulgarian: None,
        caplog: pytest.LogCaptureFixture) -> None:
    path = bad_list(tmp_path)
    errors: list[str] = []
    with qtbot.waitSignal(runner.failed) as blocker:
        runner.submit(load_packing_list, path, on_error=errors.append)
    message = blocker.args[1]
    assert errors == [message]
    assert message.startswith(f"{path}: няма колона "), message
    assert "заглавия: Order_Number, Something, Quantity" in message
    assert not CLASS_NAME.search(message)
    assert "has no" not in message
    # the log keeps the class and the English words
    assert "ListReadError" in caplog.text
    assert "has no" in caplog.text


def test_the_same_failure_in_english(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    path = bad_list(tmp_path)
    with qtbot.waitSignal(runner.failed) as blocker:
        runner.submit(load_packing_list, path)
    with pytest.raises(ListReadError) as caught:
        load_packing_list(path)
    assert blocker.args[1] == str(caught.value)  # English: the error's own words


def test_shared_and_unknown_errors_in_bulgarian(tmp_path: Path, bulgarian: None) -> None:
    workers = WorkerManager(tmp_path)
    workers.deactivate_worker(workers.create_worker("Dimi").id)
    with pytest.raises(DuplicateWorkerError) as caught:
        workers.create_worker("dimi")
    assert error_text(caught.value) == "името 'dimi' вече е заето от worker_001 (деактивиран)"
    locked = error_text(fileio.LockTimeoutError(tmp_path / "global_stats.json", 5))
    assert locked == f"{tmp_path / 'global_stats.json'} е заключен от друга програма (чакане 5.0 с)"
    assert error_text(KeyError("SKU")) == "Нещо се обърка: 'SKU'"
    assert error_text(RuntimeError()) == "Нещо се обърка; подробностите са в дневника"
