"""JSON packing lists: the Shopify Tool's real files, hand-made quirk files, broken ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from packing_tool.domain.orders import FULL_SESSION, PackingList
from packing_tool.storage import list_readers
from packing_tool.storage.layout import UnsafeNameError
from packing_tool.storage.list_readers import (
    ListReadError,
    list_names,
    list_path,
    load_full_session,
    load_packing_list,
    open_list,
)
from tests.conftest import SHOPIFY_SERVER

SESSIONS = sorted(SHOPIFY_SERVER.glob("Sessions/CLIENT_*/2026-11-21_1"))
JSON_FILES = sorted(SHOPIFY_SERVER.glob("Sessions/CLIENT_*/*/packing_lists/*.json")) + sorted(
    SHOPIFY_SERVER.glob("Sessions/CLIENT_*/*/analysis/analysis_data.json"))
SESSION_M = SHOPIFY_SERVER / "Sessions" / "CLIENT_M" / "2026-11-21_1"
SESSION_B = SHOPIFY_SERVER / "Sessions" / "CLIENT_B" / "2026-11-21_1"


def expected_from_raw(path: Path) -> dict[str, list[tuple[str, int]]]:
    """Independently of the reader: Fulfillable orders with at least one real SKU line."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    expected = {}
    for order in raw["orders"]:
        if order["order_fulfillment_status"] != "Fulfillable":
            continue
        lines = [(i["sku"], i["quantity"]) for i in order["items"] if i["sku"] != "NO_SKU"]
        if lines:
            expected[order["order_number"]] = lines
    return expected


def contents(plist: PackingList) -> dict[str, list[tuple[str, int]]]:
    return {o.order_number: [(ln.sku, ln.quantity) for ln in o.lines] for o in plist.orders}


def write_json(tmp_path: Path, orders: list[Any], name: str = "L.json", **top: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"session_id": "x", "orders": orders, **top}), encoding="utf-8")
    return path


def item(sku: Any = "SKU-1", quantity: Any = 1, **more: Any) -> dict[str, Any]:
    return {"sku": sku, "product_name": "P", "quantity": quantity, **more}


def shop_order(number: Any = "#1", items: Any = None, **more: Any) -> dict[str, Any]:
    base = {"order_number": number, "courier": "DHL", "status": "Fulfillable",
            "items": [item()] if items is None else items}
    base.update(more)
    return base


# --------------------------------------------------------------------------- real files


def test_fixture_files_are_all_covered() -> None:
    assert len(JSON_FILES) == 8
    assert len(sorted(SHOPIFY_SERVER.glob("Sessions/CLIENT_*/*/packing_lists/*.xlsx"))) == 6


@pytest.mark.parametrize("path", JSON_FILES, ids=lambda p: f"{p.parts[-4]}-{p.name}")
def test_real_json_loads_exactly_the_fulfillable_orders(path: Path) -> None:
    plist = load_packing_list(path)
    expected = expected_from_raw(path)
    assert contents(plist) == expected
    assert [o.order_number for o in plist.orders] == list(expected)
    assert plist.problems == ()
    raw = json.loads(path.read_text(encoding="utf-8"))["orders"]
    assert list(plist.skipped) == [o["order_number"] for o in raw if o["status"] != "Fulfillable"]
    assert plist.name == path.stem
    assert plist.source == str(path)
    assert plist.session_type == "shopify"
    for order in plist.orders:
        assert all(isinstance(line.sku, str) for line in order.lines)
        assert "nan" not in order.tags
        assert order.notes != "nan"


def test_real_quirks_of_client_m() -> None:
    plist = load_full_session(SESSION_M)
    assert plist.name == FULL_SESSION
    assert (len(plist.orders), len(plist.skipped)) == (17, 7)
    orders = {o.order_number: o for o in plist.orders}
    dup = orders["#48221"]  # MC-MSK-502-01 x3 and x1 stay two lines
    assert [(ln.sku, ln.quantity) for ln in dup.lines if ln.sku == "MC-MSK-502-01"] == [
        ("MC-MSK-502-01", 3), ("MC-MSK-502-01", 1)]
    tip = orders["#48214"]  # its NO_SKU "Tip" line is left out, silently
    assert "NO_SKU" not in {ln.sku for ln in tip.lines}
    first = plist.orders[0]
    assert first.tags == ()
    assert first.notes == ""
    assert first.min_box == ""
    assert any("мл" in ln.product_name for o in plist.orders for ln in o.lines)
    assert "#48223" in plist.skipped  # Not Fulfillable (the formats doc example)


def test_real_quirks_of_client_b() -> None:
    plist = open_list(SESSION_B, "DHL")
    skus = {ln.sku for o in plist.orders for ln in o.lines}
    assert "0012345679216" in skus
    boxes = {o.min_box for o in load_full_session(SESSION_B).orders}
    assert {"Box S", "Box M", "Box L"} <= boxes
    assert all(o.courier == "DHL" and o.country for o in plist.orders)
    econt = open_list(SESSION_B, "Econt")
    assert {o.courier for o in econt.orders} == {"Econt Express"}


def test_list_names_and_paths_of_real_sessions() -> None:
    assert list_names(SESSION_M) == ["DHL_Orders", "DPD_Orders", "PostOne_Orders"]
    assert list_names(SESSION_B) == ["DHL", "Econt", "Speedy"]
    assert list_path(SESSION_M, "DHL_Orders").suffix == ".json"
    assert list_path(SESSION_M, FULL_SESSION).name == "analysis_data.json"


# --------------------------------------------------------------------------- JSON quirks


def test_key_aliases_either_way(tmp_path: Path) -> None:
    path = write_json(tmp_path, [
        {"order_number": "#1", "shipping_provider": "DPD", "order_fulfillment_status":
         "Fulfillable", "destination_country": "BG", "items": [item()]},
        {"order_number": "#2", "courier": "DHL", "status": "Fulfillable",
         "shipping_country": "RO", "items": [item()]},
        {"order_number": "#3", "courier": "", "shipping_provider": "Speedy", "items": [item()]},
        {"order_number": "#4", "shipping_provider": "DHL", "status": "Not Fulfillable",
         "items": [item()]},
    ])
    plist = load_packing_list(path)
    assert [(o.order_number, o.courier, o.country) for o in plist.orders] == [
        ("#1", "DPD", "BG"), ("#2", "DHL", "RO"), ("#3", "Speedy", "")]
    assert plist.skipped == ("#4",)
    assert plist.problems == ()


@pytest.mark.parametrize("empty", ["nan", "None", "", None, "NaN", "  "])
def test_nothing_in_its_many_spellings(tmp_path: Path, empty: Any) -> None:
    path = write_json(tmp_path, [shop_order(
        tags=empty, notes=empty, system_note=empty, internal_tags=empty, order_min_box=empty,
        items=[item(status_note=empty)])])
    order = load_packing_list(path).orders[0]
    assert (order.tags, order.notes, order.system_note, order.internal_tags, order.min_box) == (
        (), "", "", (), "")
    assert order.lines[0].status_note == ""


def test_tags_in_every_shape(tmp_path: Path) -> None:
    path = write_json(tmp_path, [
        shop_order("#1", tags=["nan"], internal_tags='["BOX", "URGENT"]'),
        shop_order("#2", tags="Priority, Gift", internal_tags=["HIGH_VALUE", "nan"]),
        shop_order("#3", tags=["VIP", "", "None"], internal_tags="[broken"),
    ])
    got = [(o.tags, o.internal_tags) for o in load_packing_list(path).orders]
    assert got == [((), ("BOX", "URGENT")), (("Priority", "Gift"), ("HIGH_VALUE",)),
                   (("VIP",), ("[broken",))]


def test_skus_stay_text(tmp_path: Path) -> None:
    path = write_json(tmp_path, [shop_order(items=[
        item("0012345678905"), item(12345), item(678.0), item(" 07 "), item("Shipping protection"),
    ])])
    skus = [ln.sku for ln in load_packing_list(path).orders[0].lines]
    assert skus == ["0012345678905", "12345", "678", "07", "Shipping protection"]


def test_quantities(tmp_path: Path) -> None:
    path = write_json(tmp_path, [shop_order(items=[
        item("A", 2), item("B", "3"), item("C", 4.0), item("D", "5.0"),
        item("E", 0), item("F", "two"), item("G", 2.5), item("H", True), item("I", -1),
        item("J", None), item("K", 10**9),
    ])])
    plist = load_packing_list(path)
    assert [(ln.sku, ln.quantity) for ln in plist.orders[0].lines] == [
        ("A", 2), ("B", 3), ("C", 4), ("D", 5)]
    assert [ln.row for ln in plist.orders[0].lines] == [0, 1, 2, 3]
    reported = [p.reason.split(":")[0] for p in plist.problems]
    assert reported == [f"SKU {s}" for s in "EFGHIJK"]
    assert all(p.where.startswith("#1, item ") for p in plist.problems)


def test_rows_are_file_positions_so_they_survive_reloads(tmp_path: Path) -> None:
    path = write_json(tmp_path, [shop_order(items=[
        item("NO_SKU"), item("A"), item("A", 2), item("", 1), item("B")])])
    lines = load_packing_list(path).orders[0].lines
    assert [(ln.row, ln.sku, ln.quantity) for ln in lines] == [(1, "A", 1), (2, "A", 2),
                                                               (4, "B", 1)]


def test_bad_orders_are_reported_and_the_rest_loads(tmp_path: Path) -> None:
    path = write_json(tmp_path, [
        shop_order("#1"),
        {"courier": "DHL", "items": [item()]},
        shop_order("#3", items="SKU-1"),
        "not an order",
        shop_order("#5", items=[]),
        shop_order("#6", items=[item("NO_SKU"), "junk"]),
        shop_order("#1"),
        shop_order(48218),
        shop_order("#9", status="Not Fulfillable", items="never looked at"),
    ])
    plist = load_packing_list(path)
    assert [o.order_number for o in plist.orders] == ["#1", "48218"]
    assert plist.skipped == ("#9",)
    assert [(p.where, p.reason) for p in plist.problems] == [
        ("order 2 in the file", "no order_number; left out"),
        ("#3", "items is not a list; order left out"),
        ("order 4 in the file", "not an object; left out"),
        ("#5", "no packable lines; order left out"),
        ("#6, item 2", "item is not an object; line left out"),
        ("#6", "no packable lines; order left out"),
        ("#1", "appears twice in the file; the first is kept"),
    ]
    assert all(p.source == "L.json" for p in plist.problems)
    assert str(plist.problems[0]).startswith("L.json: order 2 in the file: ")


def test_status_missing_means_a_hand_made_list_to_pack(tmp_path: Path) -> None:
    path = write_json(tmp_path, [{"order_number": "#1", "items": [item()]},
                                 shop_order("#2", status="nan")])
    assert [o.order_number for o in load_packing_list(path).orders] == ["#1", "#2"]


def test_other_keys_go_to_extra_and_cyrillic_survives(tmp_path: Path) -> None:
    path = tmp_path / "Списък.json"
    path.write_text(json.dumps({"orders": [shop_order(
        order_type="Multi", gift_message="Честит рожден ден", weights=[1, 2], blank="nan",
        items=[item(product_name="Лосион за тяло")])]}, ensure_ascii=False), encoding="utf-8-sig")
    plist = load_packing_list(path)
    order = plist.orders[0]
    assert plist.name == "Списък"
    assert order.order_type == "Multi"
    assert dict(order.extra) == {"gift_message": "Честит рожден ден", "weights": "[1, 2]"}
    assert order.lines[0].product_name == "Лосион за тяло"


def test_analysis_error_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "analysis"
    folder.mkdir()
    (folder / "analysis_data.json").write_text(json.dumps(
        {"analyzed_at": "x", "total_orders": 0, "orders": [], "error": "KeyError: 'SKU'"}))
    plist = load_full_session(tmp_path)
    assert plist.orders == ()
    assert "KeyError: 'SKU'" in plist.problems[0].reason


# --------------------------------------------------------------------------- refused files


@pytest.mark.parametrize(("content", "message"), [
    (b"{not json", "is not valid JSON"),
    (b"\xff\xfe\x00garbage", "is not valid JSON"),
    (b"[1, 2]", "top level is a list"),
    (b'{"orders": {"#1": []}}', "no 'orders' list"),
    (b'{"session_id": "x"}', "no 'orders' list"),
    (b"", "is not valid JSON"),
])
def test_unreadable_json_names_the_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "Broken.json"
    path.write_bytes(content)
    with pytest.raises(ListReadError, match=message) as caught:
        load_packing_list(path)
    assert caught.value.path == str(path)
    assert str(path) in str(caught.value)


def test_too_big_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_json(tmp_path, [shop_order()])
    monkeypatch.setattr(list_readers, "MAX_LIST_BYTES", 10)
    with pytest.raises(ListReadError, match="are refused"):
        load_packing_list(path)


@pytest.mark.parametrize("name", ["current_state.pkl", "x.pickle", "x.csv", "x.xls", "x"])
def test_pickles_and_unknown_suffixes_are_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x80\x04\x95 never unpickled")
    with pytest.raises(ListReadError, match="never loaded" if "pickle" in name or "pkl" in name
                       else "only .json and .xlsx"):
        load_packing_list(path)


def test_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_packing_list(tmp_path / "nope.json")


# --------------------------------------------------------------------------- list names


def test_list_names_ignore_what_is_not_a_list(tmp_path: Path) -> None:
    folder = tmp_path / "packing_lists"
    folder.mkdir()
    for name in ["Both.json", "Both.xlsx", "OnlyJson.json", "OnlyXlsx.xlsx", ".gitkeep",
                 "~$OnlyXlsx.xlsx", ".Both.json.1a2b3c.tmp", "notes.txt", "Both.json.lock",
                 "UPPER.JSON"]:
        (folder / name).write_bytes(b"{}")
    (folder / "folder.json").mkdir()
    assert list_names(tmp_path) == ["Both", "OnlyJson", "OnlyXlsx", "UPPER"]
    assert list_path(tmp_path, "Both").name == "Both.json"
    assert list_path(tmp_path, "OnlyXlsx").name == "OnlyXlsx.xlsx"
    assert list_path(tmp_path, "UPPER").name == "UPPER.JSON"
    with pytest.raises(FileNotFoundError):
        list_path(tmp_path, "Missing")
    with pytest.raises(UnsafeNameError):
        list_path(tmp_path, "../Both")


def test_no_packing_lists_folder(tmp_path: Path) -> None:
    assert list_names(tmp_path) == []
