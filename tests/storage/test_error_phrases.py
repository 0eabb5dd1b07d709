"""The storage's errors keep their English text (logs, --json) and also their words: a phrase
whose template and values the window and the command line show in the station's language;
the shared package's errors are worded by their class. Real files in tmp_path."""

from __future__ import annotations

import os
import re
from pathlib import Path

import openpyxl
import pytest

from packing_tool.admin import words
from packing_tool.domain.phrase import Phrase, phrase
from packing_tool.storage.error_phrases import described, known, own_phrase
from packing_tool.storage.layout import UnsafeNameError, safe_name
from packing_tool.storage.list_readers import load_packing_list
from packing_tool.storage.order_parsing import ListReadError
from shared import fileio
from shared.worker_manager import DuplicateWorkerError, WorkerManager

CLASS_NAME = re.compile(r"\b\w+(Error|Exception|Costly)\b")


def bad_list(folder: Path) -> Path:
    """An .xlsx list whose header has no SKU column."""
    path = folder / "Склад_Orders.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Order_Number", "Артикул_X", "Quantity"])
    sheet.append(["#1001", "A-1", 1])
    book.save(path)
    return path


def test_a_list_with_a_bad_column_keeps_its_english_and_its_words(tmp_path: Path) -> None:
    path = bad_list(tmp_path)
    with pytest.raises(ListReadError) as caught:
        load_packing_list(path)
    exc = caught.value
    assert str(exc).startswith(f"{path}: has no ")  # the English text, as before
    assert "column; headers: Order_Number, Артикул_X, Quantity" in str(exc)
    said = own_phrase(exc)
    assert isinstance(said, Phrase)
    assert said == str(exc)
    assert said.template == "{file}: {reason}"
    assert said.values["file"] == path
    reason = said.values["reason"]
    assert isinstance(reason, Phrase)
    assert reason.template == "has no {columns} column; headers: {headers}"
    assert described(exc) is said


def test_phrases_are_shown_through_the_installed_catalogue(tmp_path: Path) -> None:
    path = bad_list(tmp_path)
    with pytest.raises(ListReadError) as caught:
        load_packing_list(path)
    looked_up = {"{file}: {reason}": "ФАЙЛ {file} — {reason}",
                 "has no {columns} column; headers: {headers}": "НЯМА {columns}"}
    words.install(lambda context, text: looked_up.get(text, text) if context == "cli" else text)
    try:
        shown = words.error_text(caught.value)
        inside = words.say("the list cannot be read: {exc}", exc=caught.value)
    finally:
        words.install(None)
    assert shown.startswith(f"ФАЙЛ {path} — НЯМА ")
    assert f"ФАЙЛ {path} — НЯМА " in inside
    assert words.error_text(caught.value) == str(caught.value)  # English: unchanged


def test_an_unsafe_name_is_a_phrase_too() -> None:
    with pytest.raises(UnsafeNameError) as caught:
        safe_name("NUL.json", "packing list")
    said = own_phrase(caught.value)
    assert said is not None
    assert said.values["what"].template == "packing list"
    assert str(caught.value) == ("packing list 'NUL.json' is a Windows device name (NUL), "
                                 "which a share cannot hold")


def test_shared_errors_are_worded_by_their_class(tmp_path: Path) -> None:
    workers = WorkerManager(tmp_path)
    workers.deactivate_worker(workers.create_worker("Dimi").id)
    with pytest.raises(DuplicateWorkerError) as caught:
        workers.create_worker("dimi")
    taken = described(caught.value)
    assert taken.template == "the name {name} is already used by {worker} (deactivated)"
    assert taken == str(caught.value)  # the same English as the error's own text
    locked = described(fileio.LockTimeoutError(tmp_path / "global_stats.json", 5))
    assert locked.template == "{file} is locked by another program (waited {seconds} s)"
    damaged = described(fileio.SharedFileDamagedError(tmp_path / "workers.json", None))
    assert damaged.values == {"file": os.fspath(tmp_path / "workers.json")}
    missing = tmp_path / "gone.json"
    with pytest.raises(FileNotFoundError) as gone:
        missing.read_bytes()
    assert described(gone.value) == f"{missing} was not found"


def test_anything_else_gets_a_general_sentence_without_a_class_name() -> None:
    said = described(KeyError("SKU"))
    assert said.template == "Something went wrong: {detail}"
    assert said == "Something went wrong: 'SKU'"
    assert described(RuntimeError()) == "Something went wrong; the log has the details"
    assert known(KeyError("SKU")) is None
    for exc in (KeyError("SKU"), RuntimeError(), ValueError("bad")):
        assert not CLASS_NAME.search(described(exc))


def test_a_phrase_keeps_its_template_and_a_value_named_text() -> None:
    said = phrase("{text} and {n}", text="words", n=2)
    assert said == "words and 2"
    assert said.template == "{text} and {n}"
