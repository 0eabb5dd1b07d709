"""The pre-shift check, kind by kind, on small real lists written to tmp_path and read as the
station reads them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from packing_tool.domain.barcodes import BarcodeLookup, SkuIndex
from packing_tool.domain.list_check import Finding, check, counts, problems
from packing_tool.storage.barcode_maps import station_barcodes
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.ledger_entry import Mark
from packing_tool.storage.list_check_inputs import read_check_input
from packing_tool.storage.order_ledger import FileOrderLedger
from tests.helpers.list_check_share import CLIENT, SESSION, item, order, write_share

EAN = "4006381333931"  # a valid EAN-13


def run(root: Path, name: str = "DHL") -> list[Finding]:
    data, _path = read_check_input(ShareLayout(root), CLIENT, SESSION, name)
    return check(data)


def of(findings: list[Finding], kind: str) -> list[Finding]:
    return [f for f in findings if f.kind == kind]


def test_a_clean_list_has_no_findings(tmp_path: Path) -> None:
    write_share(tmp_path, {"DHL": [order("#1", item(EAN, 2)), order("#2", item("A-1"))]},
                mapping={"5901234123457": "A-1"})
    assert run(tmp_path) == []


def test_skus_without_any_barcode_the_station_accepts(tmp_path: Path) -> None:
    stock = "Артикул;Баркод\nSTOCKED;3800000000019\n"
    write_share(tmp_path, {"DHL": [order("#1", item(EAN), item("MAPPED"), item("STOCKED"),
                                         item("LOOSE-1"), item("BARE"))]},
                stock=stock, mapping={"5901234123457": "MAPPED", "777": "loose1"})
    missing = of(run(tmp_path), "no_barcode")
    assert [f.sku for f in missing] == ["BARE"]
    assert "SKU BARE has no barcode" in missing[0].text
    # The station agrees: every SKU the check counts as covered is reached by a barcode.
    index = SkuIndex(["MAPPED", "STOCKED", "LOOSE-1", EAN], BarcodeLookup(
        station_barcodes(ShareLayout(tmp_path), CLIENT, SESSION)))
    assert index.lookup("5901234123457") == {"MAPPED"}
    assert index.lookup("3800000000019") == {"STOCKED"}
    assert index.lookup("777") == {"LOOSE-1"}
    assert index.lookup("0" + EAN) == {EAN}
    assert index.lookup("BARE-CODE") == frozenset()


def test_a_barcode_or_normalised_code_shared_by_two_skus(tmp_path: Path) -> None:
    write_share(tmp_path, {"DHL": [order("#1", item("A"), item("B"), item("AB-1"),
                                         item("A-B1"), item("C"), item("SKU-D"))]},
                mapping={"111": "A", "1-11": "B", "SKU-D": "C"})
    shared = of(run(tmp_path), "shared_code")
    texts = " | ".join(f.text for f in shared)
    assert "Barcodes 1-11 and 111 read as 111 once normalised and reach SKU A and B" in texts
    assert "SKU A-B1 and AB-1 read the same once normalised (ab1)" in texts
    assert ("Barcode SKU-D is mapped to SKU C, but it is also the code of SKU SKU-D: "
            "scanning it counts as C.") in texts
    assert len(shared) == 3
    assert [f.sku for f in of(run(tmp_path), "no_barcode")] == ["A-B1", "AB-1", "SKU-D"]


def test_order_labels_that_collide_once_normalised(tmp_path: Path) -> None:
    write_share(tmp_path, {"DHL": [order("#1001", item(EAN)), order("1001", item(EAN)),
                                   order("№ Б", item(EAN)), order("#1002", item(EAN))]})
    clashes = of(run(tmp_path), "order_clash")
    assert [(f.order, f.others) for f in clashes] == [("№ Б", ()), ("#1001", ("1001",))]
    assert "Orders #1001 and 1001 are the same label once normalised (1001)" in clashes[1].text


def test_orders_packed_elsewhere_or_in_another_list(tmp_path: Path) -> None:
    write_share(tmp_path, {"DHL": [order("#1", item(EAN)), order("#2", item(EAN)),
                                   order("#3", item(EAN))],
                           "Singles": [order("3", item(EAN))]})
    layout = ShareLayout(tmp_path)
    ledger = FileOrderLedger(layout, CLIENT)
    other = Mark("2026-11-30_2", "DPD", station="PACK-02", worker_name="Иван Петров",
                 at="2026-11-30T10:41:00+02:00")
    ledger.claim(other, "#1")
    ledger.mark_packed(other, "#1", datetime(2026, 11, 30, 8, 50, tzinfo=UTC))
    found = run(tmp_path)
    packed = of(found, "packed_elsewhere")
    assert [f.order for f in packed] == ["#1"]
    assert packed[0].text.startswith("Order #1 is already packed in list DPD of session "
                                     "2026-11-30_2 at PACK-02 by Иван Петров")
    assert [(f.order, f.place) for f in of(found, "other_list")] == [("#3", "Singles")]
    assert [f.place for f in of(run(tmp_path, "Singles"), "other_list")] == ["DHL"]


def test_quantities_that_look_wrong(tmp_path: Path) -> None:
    write_share(tmp_path, {"DHL": [order("#1", item(EAN, 0), item("5901234123457", 0.5),
                                         item("96385074", 60), item(EAN, "two"))]})
    found = run(tmp_path)
    words = [f.text for f in of(found, "quantity")]
    assert words == [
        f"Order #1: SKU {EAN} quantity '0' is 0; the line is left out.",
        "Order #1: SKU 5901234123457 quantity '0.5' is a fraction; the line is left out.",
        f"Order #1: SKU {EAN} quantity 'two' is not a number; the line is left out.",
        "Order #1: SKU 96385074 quantity 60 is more than 50; check it is right.",
    ]
    assert of(found, "left_out") == []  # the reader's own words would say the same again


def test_lines_left_out_on_purpose_are_notes(tmp_path: Path) -> None:
    write_share(tmp_path, {"DHL": [
        order("#1", item(EAN), item("NO_SKU", 1, "Tip")),
        order("#2", item(EAN), status="Not Fulfillable"),
        order("#3", item("NO_SKU", 1, "Gift wrap"))]})
    found = run(tmp_path)
    assert [f.text for f in of(found, "not_fulfillable")] == [
        "Order #2 is Not Fulfillable: it is left out of list DHL."]
    assert [f.text for f in of(found, "no_sku")] == [
        "Order #1: the line Tip has no SKU; it is left out of list DHL.",
        "Order #3: the line Gift wrap has no SKU; it is left out of list DHL."]
    left = of(found, "left_out")  # an order with nothing to pack is the reader's problem
    assert [f.text for f in left] == ["#3: no packable lines; order left out."]
    assert problems(found) == 1
    assert counts(found) == {"left_out": 1, "not_fulfillable": 1, "no_sku": 2}


def test_an_excel_list_is_checked_as_the_station_reads_it(tmp_path: Path) -> None:
    import openpyxl

    session = write_share(tmp_path, {"Other": [order("#3", item(EAN))]})
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Destination_Country", "Order_Number", "SKU", "DHL.xlsx", "Quantity",
                  "2026-12-01 06:00:00"])
    for row in (["BG", "#1", EAN, "Серум", 1, "DHL"], ["BG", "#1", "BARE", "Тоник", 60, "DHL"],
                ["BG", "#2", EAN, "Серум", 0, "DHL"], ["BG", "#3", EAN, "Серум", 1, "DHL"]):
        sheet.append(row)
    book.save(session / "packing_lists" / "DHL.xlsx")
    found = run(tmp_path)
    assert [(f.kind, f.order, f.sku) for f in found if f.kind != "left_out"] == [
        ("no_barcode", "", "BARE"), ("other_list", "#3", ""), ("quantity", "#1", "BARE")]
    assert [f.text for f in of(found, "left_out")] == [
        f"row 4: #2, SKU {EAN}: quantity 0 is not a whole number from 1 to 100000; "
        "row left out.",
        "#2: no packable rows (last at row 4); order left out."]


def test_a_long_list_finds_its_ledger_records_by_listing_the_shard_folders(
        tmp_path: Path) -> None:
    numbers = [f"#{n}" for n in range(1000, 1400)]  # more than SHARDS_LISTED_FROM
    write_share(tmp_path, {"DHL": [order(n, item(EAN)) for n in numbers]})
    ledger = FileOrderLedger(ShareLayout(tmp_path), CLIENT)
    other = Mark("2026-11-30_2", "DPD", station="PACK-02")
    for number in ("#1003", "#1399"):
        ledger.claim(other, number)
    ledger.path("#1200").parent.mkdir(parents=True, exist_ok=True)
    ledger.path("#1200").write_text("{ torn", encoding="utf-8")
    found = {f.order: f.text for f in of(run(tmp_path), "packed_elsewhere")}
    assert sorted(found) == ["#1003", "#1200", "#1399"]
    assert found["#1003"].startswith("Order #1003 is already being packed now in list DPD")
    assert found["#1200"].startswith("Order #1200: its ledger record is damaged")
