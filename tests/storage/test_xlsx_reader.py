"""Excel packing lists: the Shopify Tool's own .xlsx files and generated plain sheets."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from packing_tool.domain.orders import PackingList
from packing_tool.storage import xlsx_reader
from packing_tool.storage.list_readers import ListReadError, load_packing_list
from tests.conftest import SHOPIFY_SERVER

XLSX_FILES = sorted(SHOPIFY_SERVER.glob("Sessions/CLIENT_*/*/packing_lists/*.xlsx"))


def contents(plist: PackingList) -> dict[str, list[tuple[str, int]]]:
    return {o.order_number: [(ln.sku, ln.quantity) for ln in o.lines] for o in plist.orders}


@pytest.mark.parametrize("path", XLSX_FILES, ids=lambda p: f"{p.parts[-4]}-{p.name}")
def test_real_xlsx_matches_its_json(path: Path) -> None:
    plist = load_packing_list(path)
    twin = load_packing_list(path.with_suffix(".json"))
    assert plist.session_type == "shopify"
    assert plist.problems == ()
    assert {n: sorted(v) for n, v in contents(plist).items()} == {
        n: sorted(v) for n, v in contents(twin).items()}
    by_number = {o.order_number: o for o in twin.orders}
    for order in plist.orders:
        assert order.courier == by_number[order.order_number].courier
        assert order.country == by_number[order.order_number].country


def make_xlsx(path: Path, rows: list[list[Any]], fmt: Callable[[Any], None] | None = None
              ) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    if fmt:
        fmt(sheet)
    book.save(path)
    return path


def test_plain_sheet_headers_ignore_case_and_spaces(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "Hand.xlsx", [
        ["order number", "sku", "PRODUCT_NAME", "Quantity", "Courier", "Gift note"],
        ["#1", "A-1", "Крем", 2, "DHL", "for Maria"],
        [None, None, None, None, None, None],
        ["#2", 3800970054662, "Bottle", "1", "DPD", None],
        ["#1", "0012345678905", "Tea", 1.0, None, "ignored: not the first row"],
    ])
    plist = load_packing_list(path)
    assert plist.session_type == "excel"
    assert plist.problems == ()
    assert contents(plist) == {"#1": [("A-1", 2), ("0012345678905", 1)],
                               "#2": [("3800970054662", 1)]}
    first = plist.orders[0]
    assert (first.courier, first.lines[0].product_name, dict(first.extra)) == (
        "DHL", "Крем", {"Gift note": "for Maria"})
    assert [ln.row for ln in first.lines] == [0, 1]


def test_column_map_names_their_headers(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "Theirs.xlsx", [
        ["Поръчка", "Артикул", "Бройка", "Куриер"],
        ["B-7", "MC-1", 3, "Speedy"],
    ])
    with pytest.raises(ListReadError, match="no order_number, sku, quantity column"):
        load_packing_list(path)
    plist = load_packing_list(path, column_map={
        "Order_Number": "Поръчка", "sku": "артикул", "Quantity": "Бройка", "Courier": "Куриер"})
    assert contents(plist) == {"B-7": [("MC-1", 3)]}
    assert plist.orders[0].courier == "Speedy"
    with pytest.raises(ListReadError, match="no column 'Missing'"):
        load_packing_list(path, column_map={"SKU": "Missing"})
    with pytest.raises(ValueError, match="none of"):
        load_packing_list(path, column_map={"Colour": "Артикул"})


def test_numeric_sku_cells(tmp_path: Path) -> None:
    def zero_format(sheet: Any) -> None:
        sheet["B3"].number_format = "0000000000000"

    path = make_xlsx(tmp_path / "Numbers.xlsx", [
        ["Order_Number", "SKU", "Quantity"],
        ["#1", 3800970054662.0, 1],
        ["#1", 12345678905, 1],  # shown as 0012345678905 by its cell format
        ["#1", "0012345679216", 1],
        ["#1", 7, 1],
    ], zero_format)
    skus = [ln.sku for ln in load_packing_list(path).orders[0].lines]
    assert skus == ["3800970054662", "0012345678905", "0012345679216", "7"]


def test_bad_rows_are_reported_by_row_number(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "Bad.xlsx", [
        ["Order_Number", "SKU", "Quantity"],
        ["#1", "A", 1],
        [None, "B", 1],
        ["#1", None, 1],
        ["#1", "C", 0],
        ["#2", "D", "lots"],
        ["#3", "E", 2.5],
    ])
    plist = load_packing_list(path)
    assert contents(plist) == {"#1": [("A", 1)]}
    assert [p.where for p in plist.problems] == ["row 3", "row 4", "row 5", "row 6", "row 7",
                                                 "#2", "#3"]
    assert "no packable rows" in plist.problems[-1].reason


def test_header_may_follow_empty_rows(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "Late.xlsx", [
        [None], [None], ["Order_Number", "SKU", "Quantity"], ["#1", "A", 1]])
    assert contents(load_packing_list(path)) == {"#1": [("A", 1)]}


def test_shopify_layout_is_read_by_position(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "DHL_Orders.xlsx", [
        ["Destination_Country", "Order_Number", "SKU", "DHL_Orders.xlsx", "Quantity",
         "2026-11-21 05:26:38"],
        ["BG", "#48218", "MC-ACC-012-PD", "Памучни тампони", 1, "DHL"],
        [None, "#48218", "MC-ACC-014-RL", "Ролер", 2, "DHL"],
    ])
    plist = load_packing_list(path)
    assert plist.session_type == "shopify"
    order = plist.orders[0]
    assert (order.country, order.courier, order.lines[1].product_name) == ("BG", "DHL", "Ролер")


@pytest.mark.parametrize("content", [b"not a zip at all", b""])
def test_not_an_xlsx_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "Fake.xlsx"
    path.write_bytes(content)
    with pytest.raises(ListReadError, match=r"Fake\.xlsx: is not a valid \.xlsx"):
        load_packing_list(path)


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "Zip.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ListReadError, match=r"is not a valid \.xlsx"):
        load_packing_list(path)


def test_missing_required_column(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "NoQty.xlsx", [["Order_Number", "SKU"], ["#1", "A"]])
    with pytest.raises(ListReadError, match="no quantity column; headers: Order_Number, SKU"):
        load_packing_list(path)


def test_huge_sheets_and_files_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    rows: list[list[Any]] = [["Order_Number", "SKU", "Quantity"]]
    rows += [[f"#{n}", "A", 1] for n in range(30)]
    path = make_xlsx(tmp_path / "Big.xlsx", rows)
    monkeypatch.setattr(xlsx_reader, "MAX_ROWS", 20)
    with pytest.raises(ListReadError, match="rows"):
        load_packing_list(path)
    monkeypatch.setattr(xlsx_reader, "MAX_ROWS", 1000)
    monkeypatch.setattr(xlsx_reader, "MAX_UNPACKED_BYTES", 100)
    with pytest.raises(ListReadError, match="unpacks to"):
        load_packing_list(path)
    monkeypatch.setattr(xlsx_reader, "MAX_XLSX_BYTES", 100)
    with pytest.raises(ListReadError, match="are refused"):
        load_packing_list(path)


def test_row_bound_holds_when_the_sheet_hides_its_size(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    rows: list[list[Any]] = [["Order_Number", "SKU", "Quantity"]]
    rows += [[f"#{n}", "A", 1] for n in range(30)]
    path = make_xlsx(tmp_path / "Hidden.xlsx", rows)
    monkeypatch.setattr(xlsx_reader, "MAX_ROWS", 20)
    monkeypatch.setattr(xlsx_reader, "HEADER_SEARCH_ROWS", 100)  # the early check passes
    with pytest.raises(ListReadError, match="more than 20 rows"):
        load_packing_list(path)
