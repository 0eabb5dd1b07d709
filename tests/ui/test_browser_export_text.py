"""The Session Browser's CSV and Excel exports keep text from the share as text.

A worker whose name is a formula packs a real list through the CLI; the browser's rows are
loaded from the share's index as the window does, exported, and the files read back.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from packing_tool.cli import main
from packing_tool.storage.index_rows import load_rows
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.sheet_format import typed
from packing_tool.ui.browser_export import (
    HEADERS,
    KINDS,
    export_csv,
    export_values,
    export_xlsx,
)
from tests.conftest import SHOPIFY_SERVER
from tests.helpers.simulate_checks import writable_copy

SESSION = "2026-11-21_1"
WORKERS = {"DHL_Orders": '=HYPERLINK("http://x","click")', "DPD_Orders": "=cmd|' /C calc'!A0",
           "PostOne_Orders": "@SUM(A1)"}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = writable_copy(SHOPIFY_SERVER, tmp_path / "server")
    for list_name, worker in WORKERS.items():
        assert main(["--root", str(root), "simulate", "--client", "M", "--session", SESSION,
                     "--list", list_name, "--worker", worker, "--complete"]) == 0
    return root


def test_exports_keep_formula_like_names_as_text(root: Path, tmp_path: Path) -> None:
    rows = [r for r in load_rows(ShareLayout(root), "M", now=datetime.now().astimezone())
            if r.packing_list_name in WORKERS]
    assert {r.worker_name for r in rows} == set(WORKERS.values())
    worker = HEADERS.index("Worker")
    orders = HEADERS.index("Total Orders")

    export_csv(rows, tmp_path / "b.csv", ",")
    lines = list(csv.reader(io.StringIO((tmp_path / "b.csv").read_bytes().decode("utf-8-sig"),
                                        newline="")))
    assert lines[0] == list(HEADERS)
    for row, line in zip(rows, lines[1:], strict=True):
        assert line[worker] == "'" + WORKERS[row.packing_list_name]
        assert line[orders] == str(row.total_orders)  # numbers as they are

    export_xlsx(rows, tmp_path / "b.xlsx")
    with zipfile.ZipFile(tmp_path / "b.xlsx") as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert re.search(r"<(\w+:)?f[ >/]", xml) is None  # no formula anywhere
    sheet = load_workbook(tmp_path / "b.xlsx").active
    assert sheet is not None
    cells = list(sheet.iter_rows(min_row=2))
    for row, line in zip(rows, cells, strict=True):
        name = line[worker]
        assert (name.value, name.data_type) == (WORKERS[row.packing_list_name], "s")
        assert (line[orders].value, line[orders].data_type) == (row.total_orders, "n")
        assert [c.value for c in line] == [typed(v, k) for v, k in zip(export_values(row),
                                                                        KINDS, strict=True)]
