"""Text from the share stays text in every workbook and CSV the program writes.

Hostile product names, SKUs and worker names go in through real files on a copy of the
share; what comes out is read back from the bytes: openpyxl's view of each cell, the sheet
XML itself (no ``<f>`` element anywhere), and the CSV as Excel would get it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from packing_tool.cli import main
from packing_tool.storage.cell_text import (
    FORMULA_START,
    csv_value,
    keep_text,
    text_cell,
    xlsx_value,
)
from packing_tool.storage.reports import HEADERS, REPORT_NAME
from tests.conftest import SHOPIFY_SERVER
from tests.helpers.simulate_checks import writable_copy

SESSION = "2026-11-21_1"
HOSTILE = [
    '=HYPERLINK("http://x","click")',
    "=cmd|' /C calc'!A0",
    "+1",
    "-2+3",
    "@SUM(A1)",
    "\tTAB",
    "=1+1",
    "#N/A",  # openpyxl would make this an error cell
]


def sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(n).decode("utf-8") for n in archive.namelist()
                       if n.startswith("xl/worksheets/"))


def assert_no_formula(path: Path) -> None:
    xml = sheet_xml(path)
    assert re.search(r"<(\w+:)?f[ >/]", xml) is None, "a formula element in the sheet XML"


def first_row(path: Path) -> tuple[Any, ...]:
    sheet = load_workbook(path).active
    assert sheet is not None
    return next(sheet.iter_rows())


def csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


# --------------------------------------------------------------------------- the rule


@pytest.mark.parametrize("text", [*HOSTILE, "\rCR", "plain", ""])
def test_csv_rule_quotes_what_excel_would_run(text: str) -> None:
    expected = "'" + text if text.startswith(FORMULA_START) else text
    assert csv_value(text) == expected


def test_numbers_stay_numbers_and_none_is_empty() -> None:
    assert [csv_value(v) for v in (-5, 3.5, 0, None, True)] == [-5, 3.5, 0, "", "True"]
    assert [xlsx_value(v) for v in (-5, 3.5, None, float("nan"))] == [-5, 3.5, None, "nan"]


def test_characters_a_file_cannot_hold_are_replaced_not_fatal(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("S")
    sheet.append([text_cell(sheet, "bell\x07 and \ud800 surrogate"), text_cell(sheet, -7)])
    book.save(tmp_path / "x.xlsx")
    values = [c.value for c in first_row(tmp_path / "x.xlsx")]
    assert values == ["bell\ufffd and \ufffd surrogate", -7]
    assert csv_value("\ud800x") == "\ufffdx"


def test_keep_text_on_a_normal_workbook_cell(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([xlsx_value(v) for v in HOSTILE])
    for cell in sheet[1]:
        keep_text(cell)
    book.save(tmp_path / "n.xlsx")
    assert_no_formula(tmp_path / "n.xlsx")
    cells = first_row(tmp_path / "n.xlsx")
    assert [(c.value, c.data_type) for c in cells] == [(t, "s") for t in HOSTILE]


# --------------------------------------------------------------------------- the report


def hostile_list(root: Path) -> Path:
    """A packing list whose product names, couriers and one SKU are formulas."""
    items = [{"sku": f"EVIL-{n}", "product_name": name, "quantity": 1}
             for n, name in enumerate(HOSTILE)]
    orders = [
        {"order_number": "#9001", "order_fulfillment_status": "Fulfillable",
         "courier": "=HYPERLINK(\"http://x\",\"c\")", "destination_country": "@BG",
         "items": items},
        {"order_number": "#9002", "order_fulfillment_status": "Fulfillable",
         "courier": "DHL", "items": [{"sku": "-2+3", "product_name": "+1", "quantity": 2}]},
    ]
    path = root / "Sessions" / "CLIENT_M" / SESSION / "packing_lists" / "Evil.json"
    path.write_text(json.dumps({"session_id": SESSION, "orders": orders}), encoding="utf-8")
    return path


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return writable_copy(SHOPIFY_SERVER, tmp_path / "server")


def test_report_keeps_hostile_names_as_text(root: Path, capsys: pytest.CaptureFixture[str]
                                            ) -> None:
    hostile_list(root)
    code = main(["--root", str(root), "simulate", "--client", "M", "--session", SESSION,
                 "--list", "Evil", "--worker", "Тестер", "--complete"])
    assert code == 0, capsys.readouterr().err
    report = root / "Sessions" / "CLIENT_M" / SESSION / "packing" / "Evil" / "reports" / \
        REPORT_NAME
    assert_no_formula(report)
    sheet = load_workbook(report).active
    assert sheet is not None
    rows = list(sheet.iter_rows())
    assert [c.value for c in rows[0]] == list(HEADERS)
    product = HEADERS.index("Product_Name")
    names = [row[product] for row in rows[1:]]
    read = [text.strip() for text in HOSTILE]  # the list reader trims every text
    assert [c.value for c in names] == [*read, "+1"]
    assert {c.data_type for c in names} == {"s"}
    courier, sku = rows[1][HEADERS.index("Courier")], rows[-1][HEADERS.index("SKU")]
    assert (courier.value, courier.data_type) == ('=HYPERLINK("http://x","c")', "s")
    assert (sku.value, sku.data_type) == ("-2+3", "s")
    assert rows[1][HEADERS.index("Country")].value == "@BG"
    quantity = rows[-1][HEADERS.index("Quantity")]
    assert (quantity.value, quantity.data_type) == (2, "n")  # numbers stay numbers
    assert all(c.quotePrefix for c in names if c.value and c.value.startswith(FORMULA_START))
    # The read-only reader (what most tools use) agrees.
    ro = load_workbook(report, read_only=True).active
    assert ro is not None
    values: list[Any] = [r[product] for r in ro.iter_rows(min_row=2, values_only=True)]
    assert values == [*read, "+1"]


# --------------------------------------------------------------------------- stats export


def test_stats_export_keeps_hostile_names_as_text(root: Path, tmp_path: Path) -> None:
    path = root / "Stats" / "global_stats.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["workers"] = {f"worker_{n:03}": {"name": name, "orders_packed": n,
                                          "duration_seconds": 1.5}
                      for n, name in enumerate(HOSTILE, 1)}
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["--root", str(root), "stats", "export", str(tmp_path / "s.xlsx")]) == 0
    assert_no_formula(tmp_path / "s.xlsx")
    rows = list(load_workbook(tmp_path / "s.xlsx")["Workers"].iter_rows(min_row=2))
    assert [(r[1].value, r[1].data_type) for r in rows] == [(t, "s") for t in HOSTILE]
    assert [(r[2].value, r[2].data_type) for r in rows] == [(n, "n") for n in
                                                            range(1, len(HOSTILE) + 1)]
    assert main(["--root", str(root), "stats", "export", str(tmp_path / "s.csv"),
                 "--table", "workers"]) == 0
    lines = csv_rows(tmp_path / "s.csv")[1:]
    assert [line[1] for line in lines] == [("'" + t if t.startswith(FORMULA_START) else t)
                                           for t in HOSTILE]
    assert [line[2] for line in lines] == [str(n) for n in range(1, len(HOSTILE) + 1)]
