"""`stats export`: an .xlsx workbook of every table, or one table as UTF-8 CSV with a BOM."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from packing_tool.cli import main
from packing_tool.simulate import simulate

ENTRY_POINT = Path(sys.executable).with_name("packing-tool")
SESSION = "2026-11-21_1"
SHEETS = ["Totals", "Clients", "Workers", "Packing history", "Analysis history"]


@pytest.fixture
def packed(share_root: Path) -> Path:
    """The real share after Анна packed and ended M's DHL list (5 orders, 8 units)."""
    simulate(share_root, "M", SESSION, "DHL_Orders", "Анна", complete=True)
    return share_root


def _export(root: Path, *args: str) -> int:
    return main(["--root", str(root), "stats", "export", *args])


def _csv_rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def _rows(book: Any, sheet: str) -> list[tuple[Any, ...]]:
    return list(book[sheet].iter_rows(values_only=True))


def test_xlsx_holds_every_table(packed: Path, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "stats.xlsx"
    assert _export(packed, str(target)) == 0
    assert str(target) in capsys.readouterr().out
    book = load_workbook(target)
    assert book.sheetnames == SHEETS
    for name in SHEETS:
        assert book[name].freeze_panes == "A2"
        assert book[name]["A1"].font.bold
    totals = dict(_rows(book, "Totals")[1:])
    assert totals["total_orders_analyzed"] == 624
    assert totals["total_orders_packed"] == 5
    clients = {row[0]: row for row in _rows(book, "Clients")[1:]}
    assert clients["M"][1:5] == (544, 5, 1, 8)
    assert clients["B"][1] == 80
    workers = _rows(book, "Workers")
    assert workers[0][:3] == ("Worker_Id", "Name", "Orders_Packed")
    assert workers[1][1:5] == ("Анна", 5, 8, 1)
    packing = _rows(book, "Packing history")
    assert len(packing) == 2
    record = dict(zip(packing[0], packing[1], strict=True))
    assert (record["Orders"], record["Items"], record["Packing_List"]) == (5, 8, "DHL_Orders")
    assert isinstance(record["Timestamp"], datetime)  # a real date (local time)
    assert book["Packing history"]["A2"].number_format == "yyyy-mm-dd hh:mm:ss"
    analysis = _rows(book, "Analysis history")
    assert [row[3] for row in analysis[1:]] == [24, 520, 80]
    assert analysis[1][5] == 51  # items from the record's metadata
    assert book["Packing history"].column_dimensions["A"].width > len("Timestamp")


def test_csv_holds_one_table_with_cyrillic_intact(packed: Path, tmp_path: Path) -> None:
    target = tmp_path / "packing.csv"
    assert _export(packed, str(target)) == 0
    rows = _csv_rows(target)
    assert rows[0][:6] == ["Timestamp", "Client", "Session_Id", "Packing_List", "Worker_Id",
                           "Worker_Name"]
    assert rows[1][5] == "Анна"
    assert rows[1][6:8] == ["5", "8"]
    workers = tmp_path / "workers.csv"
    assert _export(packed, str(workers), "--table", "workers", "--delimiter", ";") == 0
    text = workers.read_bytes().decode("utf-8-sig")
    assert text.splitlines()[1].split(";")[1] == "Анна"
    clients = tmp_path / "clients.csv"
    assert _export(packed, str(clients), "--table", "clients") == 0
    assert [row[0] for row in _csv_rows(clients)[1:]] == ["B", "M"]


def test_text_that_looks_like_a_formula_stays_text(share_root: Path, tmp_path: Path) -> None:
    path = share_root / "Stats" / "global_stats.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["workers"] = {"worker_009": {"name": "=SUM(1,2)", "orders_packed": 1}}
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert _export(share_root, str(tmp_path / "w.xlsx")) == 0
    cell = load_workbook(tmp_path / "w.xlsx")["Workers"]["B2"]
    assert (cell.value, cell.data_type) == ("=SUM(1,2)", "s")
    assert _export(share_root, str(tmp_path / "w.csv"), "--table", "workers") == 0
    assert _csv_rows(tmp_path / "w.csv")[1][1] == "'=SUM(1,2)"


def test_an_existing_file_is_kept_unless_forced(share_root: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "stats.csv"
    target.write_text("mine", encoding="utf-8")
    assert _export(share_root, str(target), "--table", "analysis") == 2
    assert "already exists" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "mine"
    assert _export(share_root, str(target), "--table", "analysis", "--force") == 0
    assert len(_csv_rows(target)) == 4
    assert list(out.iterdir()) == [target]  # no temporary file left behind


@pytest.mark.parametrize(("name", "extra", "message"), [
    ("stats.txt", [], ".xlsx or .csv"),
    ("stats", [], "(none)"),
    ("stats.xlsx", ["--table", "workers"], "--table"),
    ("missing/stats.csv", [], "does not exist"),
    ("stats.csv", ["--delimiter", ";;"], "--delimiter"),
])
def test_bad_input_is_refused_and_nothing_written(
        share_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        name: str, extra: list[str], message: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert _export(share_root, str(out / name), *extra) == 2
    assert message in capsys.readouterr().err
    assert list(out.iterdir()) == []


def test_export_through_a_real_process(share_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "totals.csv"
    result = subprocess.run(
        [str(ENTRY_POINT), "--root", str(share_root), "stats", "export", str(target),
         "--table", "totals"], capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "PACKING_TOOL_HOME": str(tmp_path / "station")})
    assert result.returncode == 0, result.stderr
    assert ["total_orders_analyzed", "624"] in _csv_rows(target)
