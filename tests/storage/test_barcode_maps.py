"""The barcode map in packer_config.json: edits that stick, other keys kept, races, corruption."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

import pytest

from packing_tool.domain.barcodes import BarcodeLookup, SkuIndex
from packing_tool.storage.barcode_maps import (
    BarcodeMapError,
    BarcodeMapStore,
    read_inventory_barcodes,
)
from packing_tool.storage.layout import ShareLayout, UnsafeNameError
from packing_tool.storage.list_readers import open_list
from shared import fileio
from tests.conftest import FIXTURES, HELPERS
from tests.helpers.processes import run_all

WRITER = HELPERS / "barcode_map_writer.py"

# The defaults the old packer writes (anchor study §2.9).
OLD_PACKER_CONFIG: dict[str, Any] = {
    "client_id": "M", "client_name": "M Cosmetics", "created_at": "2025-01-01T10:00:00",
    "barcode_label": {"width_mm": 65, "height_mm": 35, "dpi": 203, "show_quantity": False,
                      "show_client_name": False, "font_size": 10},
    "courier_deadlines": {"PostOne": "15:00", "Speedy": "16:00", "DHL": "17:00"},
    "required_columns": {"order_number": "Order_Number", "sku": "SKU"},
    "sku_mapping": {"3800601000006": "MC-SER-101-30", " 3800601001379 ": "MC-SER-102-30"},
    "barcode_settings": {"auto_generate": True, "format": "CODE128"},
    "packing_rules": {}, "last_updated": "2025-01-01T10:00:00", "updated_by": "WH-PC-01",
}


@pytest.fixture
def layout(share_root: Path) -> ShareLayout:
    # The fixture tree is read-only in the repository, and copies keep its modes.
    for path in [share_root, *share_root.rglob("*")]:
        path.chmod(path.stat().st_mode | 0o200)
    return ShareLayout(share_root)


def write_config(layout: ShareLayout, data: Any) -> Path:
    path = layout.packer_config("M")
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def on_disk(layout: ShareLayout, client: str = "M") -> dict[str, Any]:
    data: dict[str, Any] = json.loads(layout.packer_config(client).read_text(encoding="utf-8"))
    return data


def test_missing_file_is_an_empty_map_and_is_not_created(layout: ShareLayout) -> None:
    store = BarcodeMapStore(layout, "M")
    assert store.load() == {}
    assert not store.path.exists()


def test_add_change_delete_persist_across_reload(layout: ShareLayout) -> None:
    BarcodeMapStore(layout, "M").set("3800601000006\r\n", "MC-SER-101-30")
    BarcodeMapStore(layout, "m").set("4006381333931", "07")
    assert BarcodeMapStore(layout, "CLIENT_M").load() == {
        "3800601000006": "MC-SER-101-30", "4006381333931": "07"}
    BarcodeMapStore(layout, "M").set("4006381333931", "MC-SER-102-30")
    assert BarcodeMapStore(layout, "M").delete("3800601000006") is True
    assert BarcodeMapStore(layout, "M").delete("3800601000006") is False
    assert BarcodeMapStore(layout, "M").load() == {"4006381333931": "MC-SER-102-30"}
    doc = on_disk(layout)
    assert doc["client_id"] == "M"
    assert doc["last_updated"]
    assert doc["updated_by"]


def test_a_deleted_entry_stays_deleted(layout: ShareLayout) -> None:
    write_config(layout, OLD_PACKER_CONFIG)
    store = BarcodeMapStore(layout, "M")
    assert store.delete(" 3800601001379 ")  # the raw key as the old tool stored it
    store.set("111", "MC-SER-103-15")  # the old merge-on-save would bring it back here
    assert BarcodeMapStore(layout, "M").load() == {
        "3800601000006": "MC-SER-101-30", "111": "MC-SER-103-15"}


def test_unknown_keys_of_packer_config_are_kept(layout: ShareLayout) -> None:
    write_config(layout, {**OLD_PACKER_CONFIG, "future_key": {"x": [1, 2]}})
    store = BarcodeMapStore(layout, "M")
    store.set("222", "MC-LIP-701-RD")
    store.delete("3800601000006")
    doc = on_disk(layout)
    for key, value in OLD_PACKER_CONFIG.items():
        if key not in ("sku_mapping", "last_updated", "updated_by"):
            assert doc[key] == value
    assert doc["future_key"] == {"x": [1, 2]}
    assert doc["sku_mapping"] == {" 3800601001379 ": "MC-SER-102-30", "222": "MC-LIP-701-RD"}


def test_load_ignores_entries_that_are_not_skus(layout: ShareLayout,
                                                caplog: pytest.LogCaptureFixture) -> None:
    write_config(layout, {"sku_mapping": {"1": "A", "2": 7, "3": None, "4": ["x"], "5": " "}})
    with caplog.at_level(logging.WARNING):
        assert BarcodeMapStore(layout, "M").load() == {"1": "A", "2": "7"}
    assert "maps to None" in caplog.text


def test_a_mapping_that_is_not_a_map_is_refused_not_overwritten(layout: ShareLayout) -> None:
    path = write_config(layout, {"sku_mapping": ["oops"]})
    before = path.read_bytes()
    with pytest.raises(BarcodeMapError, match="is a list"):
        BarcodeMapStore(layout, "M").set("1", "A")
    assert path.read_bytes() == before


def test_a_read_only_share_is_still_read(layout: ShareLayout,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    write_config(layout, OLD_PACKER_CONFIG)

    def refuse(*_: object, **__: object) -> None:
        raise PermissionError("read-only share")

    monkeypatch.setattr(fileio, "read_json_locked", refuse)
    assert BarcodeMapStore(layout, "M").load()["3800601000006"] == "MC-SER-101-30"


def test_bad_arguments(layout: ShareLayout) -> None:
    store = BarcodeMapStore(layout, "M")
    with pytest.raises(ValueError, match="needs a barcode and a SKU"):
        store.set("\r\n", "A")
    with pytest.raises(ValueError, match="needs a barcode and a SKU"):
        store.set("1", " ")
    with pytest.raises(UnsafeNameError):
        BarcodeMapStore(layout, "../M")


def test_corrupt_file_without_history_is_kept_aside_and_logged(
        layout: ShareLayout, caplog: pytest.LogCaptureFixture) -> None:
    path = layout.packer_config("M")
    path.write_bytes(b'{"client_name": "M Cosm')
    store = BarcodeMapStore(layout, "M")
    with caplog.at_level(logging.WARNING):
        store.set("1", "A")
    kept = store.kept_aside()
    assert len(kept) == 1
    assert kept[0].read_bytes() == b'{"client_name": "M Cosm'
    assert "no good copy exists" in caplog.text
    assert store.load() == {"1": "A"}


def test_corrupt_file_is_recovered_from_its_last_good_copy(layout: ShareLayout) -> None:
    write_config(layout, OLD_PACKER_CONFIG)
    store = BarcodeMapStore(layout, "M")
    store.set("1", "A")  # our rewrite leaves a good sidecar copy
    store.path.write_bytes(b"\x00\x00\x00 torn write")
    assert store.load()["1"] == "A"
    assert store.kept_aside()[0].read_bytes() == b"\x00\x00\x00 torn write"
    assert on_disk(layout)["client_name"] == "M Cosmetics"


@pytest.mark.slow
def test_two_processes_editing_different_entries_both_survive(share_root: Path,
                                                              layout: ShareLayout) -> None:
    write_config(layout, OLD_PACKER_CONFIG)
    go = share_root / "go"
    run_all([[sys.executable, str(WRITER), str(share_root), "M", str(go), prefix, "25", *deletes]
             for prefix, deletes in (("PC1", ["3800601000006"]), ("PC2", [" 3800601001379 "]))],
            timeout=90, go=go)
    expected = {f"{p}-{i}": f"SKU-{p}-{i}" for p in ("PC1", "PC2") for i in range(25)}
    assert BarcodeMapStore(layout, "M").load() == expected
    assert on_disk(layout)["client_name"] == "M Cosmetics"


# --------------------------------------------------------------------------- stock files


def test_import_from_client_m_inventory(layout: ShareLayout) -> None:
    store = BarcodeMapStore(layout, "M")
    mapping = store.import_from_inventory(layout.inventory_file("M", "2026-11-21_1"))
    assert len(mapping) == 32
    assert mapping["3800601000006"] == "MC-SER-101-30"
    assert mapping["3800601041108"] == "07"
    assert mapping["3800601042471"] == "Shipping protection"
    assert not store.path.exists()  # importing only reads


def test_client_b_barcodes_are_its_skus(layout: ShareLayout) -> None:
    store = BarcodeMapStore(layout, "B")
    assert store.stock_sku_header() == "Barcode"
    assert store.import_from_inventory(layout.inventory_file("B", "2026-11-21_1")) == {}


@pytest.mark.parametrize("name", ["M_small_stock.csv", "B_stock.csv"])
def test_input_stock_files(name: str) -> None:
    mapping = read_inventory_barcodes(FIXTURES / "shopify_sessions" / "inputs" / name)
    if name.startswith("M"):
        assert mapping["3800601000006"] == "MC-SER-101-30"
    else:
        assert mapping == {}  # "Barcode" is its only code column: nothing to map


def test_inventory_shapes(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    comma = tmp_path / "comma.csv"
    comma.write_text("\ufeffSKU,Name,EAN\r\nA-1,Cream,3800601000006\r\nA-2,Soap,\r\n"
                     "A-3,Tea,3.80060E+12\r\nA-4,Box,111\r\nA-5,Bag,111\r\nshort\r\n",
                     encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert read_inventory_barcodes(comma) == {"3800601000006": "A-1"}
    assert "more than one SKU" in caplog.text
    assert "lost its digits" in caplog.text
    legacy = tmp_path / "cp1251.csv"
    legacy.write_bytes("Артикул;Име;Баркод\nМС-1;Крем;123\n".encode("cp1251"))
    assert read_inventory_barcodes(legacy) == {"123": "МС-1"}
    no_codes = tmp_path / "plain.csv"
    no_codes.write_text("Артикул;Име;Наличност\nA;B;1\n", encoding="utf-8")
    assert read_inventory_barcodes(no_codes) == {}
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert read_inventory_barcodes(empty) == {}


def test_imported_map_resolves_scans_of_a_real_list(layout: ShareLayout) -> None:
    store = BarcodeMapStore(layout, "M")
    store.set("2000000000015", "MC-ACC-014-RL")  # a sticker made in the warehouse
    barcodes = BarcodeLookup({**store.import_from_inventory(
        layout.inventory_file("M", "2026-11-21_1")), **store.load()})
    plist = open_list(layout.session_dir("M", "2026-11-21_1"), "DPD_Orders")
    order = next(o for o in plist.orders if o.order_number == "#48218")
    index = SkuIndex.for_orders([order], barcodes)
    roller = index.match("2000000000015")
    assert roller.skus == {"MC-ACC-014-RL"}
    assert roller.via == "map"
    assert index.lookup("3800601004110") == {"MC-CRM-201-50"}
    assert index.lookup("03800601004110") == {"MC-CRM-201-50"}  # GTIN-14 of the same EAN
    assert index.lookup("3800601000006") == set()  # a known product, not in this order
