"""The command line words the storage's errors in the station's language: a list file with a
bad column, read by `packing-tool simulate` and `check-list` on a Bulgarian station, is
reported in Bulgarian naming the file, with no Python class name; in English the words are
the error's own. Real `packing-tool` processes on a demo share."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from tests.test_cli_language import cli, home

CLASS_NAME = re.compile(r"\b\w+(Error|Exception)\b")
WHERE = ("--client", "M", "--session", "2026-11-21_1", "--list", "Bad_Orders")


@pytest.fixture(scope="module")
def share(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A demo share whose session has a list ``Bad_Orders.xlsx`` without a SKU column."""
    root = tmp_path_factory.mktemp("cli-errors") / "share"
    run = cli(home(tmp_path_factory.mktemp("demo-home"), "en"), "demo", str(root))
    assert run.returncode == 0, run.stderr
    lists = root / "Sessions" / "CLIENT_M" / "2026-11-21_1" / "packing_lists"
    assert lists.is_dir()
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Order_Number", "Something", "Quantity"])
    sheet.append(["#1001", "A-1", 1])
    book.save(lists / "Bad_Orders.xlsx")
    return root, lists / "Bad_Orders.xlsx"


def test_simulate_tells_a_bad_list_in_bulgarian(share: tuple[Path, Path], tmp_path: Path) -> None:
    root, bad = share
    run = cli(home(tmp_path, "bg"), "--root", str(root), "simulate", *WHERE, "--worker", "Иван")
    assert run.returncode == 2, run.stdout + run.stderr
    assert f"{bad}: няма колона " in run.stderr, run.stderr
    assert "заглавия: Order_Number, Something, Quantity" in run.stderr
    assert "has no" not in run.stderr, run.stderr
    assert not CLASS_NAME.search(run.stderr), run.stderr


def test_check_list_tells_a_bad_list_in_bulgarian(share: tuple[Path, Path],
                                                  tmp_path: Path) -> None:
    root, bad = share
    run = cli(home(tmp_path, "bg"), "--root", str(root), "check-list", *WHERE, "--no-save")
    assert run.returncode != 0
    assert f"{bad}: няма колона " in run.stderr, run.stderr
    assert "has no" not in run.stderr, run.stderr
    assert not CLASS_NAME.search(run.stderr), run.stderr


def test_in_english_the_words_are_the_errors_own(share: tuple[Path, Path],
                                                 tmp_path: Path) -> None:
    root, bad = share
    run = cli(home(tmp_path, "en"), "--root", str(root), "simulate", *WHERE, "--worker", "Ivan")
    assert run.returncode == 2
    assert f"packing-tool simulate: {bad}: has no " in run.stderr, run.stderr
    assert "column; headers: Order_Number, Something, Quantity" in run.stderr
