"""The barcode → SKU dialog: each change lands in packer_config.json at once and sticks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from packing_tool.domain.events import Outcome
from packing_tool.storage.barcode_maps import BarcodeMapStore, read_inventory_barcodes
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.packing_session import PackingSession, Worker
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.sku_mapping_dialog import SkuMappingDialog

SESSION = "2026-11-21_1"
NEW_CODE = "2000000000015"  # in no stock file: only a mapping can make it known


@pytest.fixture
def layout(share_root: Path) -> ShareLayout:
    for path in [share_root, *share_root.rglob("*")]:  # the fixture copy keeps read-only modes
        path.chmod(path.stat().st_mode | 0o200)
    return ShareLayout(share_root)


@pytest.fixture
def store(layout: ShareLayout) -> BarcodeMapStore:
    return BarcodeMapStore(layout, "M")


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    assert task_runner.shutdown(timeout=5.0)


class Counter:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> None:
        self.calls += 1


def open_dialog(qtbot: QtBot, store: BarcodeMapStore, runner: TaskRunner,
                **kwargs: Any) -> SkuMappingDialog:
    dialog = SkuMappingDialog(store, runner, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot, dialog)
    dialog.confirm = lambda _parent, _text: True
    return dialog


def settle(qtbot: QtBot, dialog: SkuMappingDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy)


def on_disk(store: BarcodeMapStore) -> dict[str, str]:
    mapping: dict[str, str] = json.loads(store.path.read_text(encoding="utf-8"))["sku_mapping"]
    return mapping


def add(qtbot: QtBot, dialog: SkuMappingDialog, code: str, sku: str) -> None:
    """As a user does it: Add, scan the barcode (the scanner sends Enter), type the SKU, Enter."""
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.barcode_field, code)
    qtbot.keyClick(dialog.barcode_field, Qt.Key.Key_Return)
    assert dialog.sku_field.hasFocus()
    qtbot.keyClicks(dialog.sku_field, sku)
    qtbot.keyClick(dialog.sku_field, Qt.Key.Key_Return)
    settle(qtbot, dialog)


def edit(qtbot: QtBot, dialog: SkuMappingDialog, key: str, code: str, sku: str) -> None:
    assert dialog.select_barcode(key)
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    dialog.barcode_field.setText(code)
    dialog.sku_field.setText(sku)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)


def test_add_edit_and_delete_each_reach_packer_config(
        qtbot: QtBot, store: BarcodeMapStore, runner: TaskRunner) -> None:
    changed = Counter()
    dialog = open_dialog(qtbot, store, runner, on_changed=changed)
    assert dialog.objectName() == "skuMappingDialog"
    assert dialog.rows() == []
    assert not store.path.exists()

    add(qtbot, dialog, NEW_CODE, "MC-SER-101-30")
    assert on_disk(store) == {NEW_CODE: "MC-SER-101-30"}
    assert dialog.rows() == [(NEW_CODE, "MC-SER-101-30")]
    assert changed.calls == 1
    assert not dialog.form.isVisible()

    edit(qtbot, dialog, NEW_CODE, NEW_CODE, "MC-SER-102-30")
    assert on_disk(store) == {NEW_CODE: "MC-SER-102-30"}
    assert changed.calls == 2
    edit(qtbot, dialog, NEW_CODE, "2000000000022", "MC-SER-102-30")  # the barcode corrected
    assert on_disk(store) == {"2000000000022": "MC-SER-102-30"}
    assert dialog.rows() == [("2000000000022", "MC-SER-102-30")]
    assert changed.calls == 3

    dialog.confirm = lambda _parent, _text: False
    assert dialog.select_barcode("2000000000022")
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert on_disk(store) == {"2000000000022": "MC-SER-102-30"}  # not confirmed: kept
    asked: list[str] = []
    dialog.confirm = lambda _parent, text: asked.append(text) is None
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert "2000000000022 → MC-SER-102-30" in asked[0]
    assert on_disk(store) == {}
    assert dialog.rows() == []
    assert changed.calls == 4
    dialog.close()

    reopened = open_dialog(qtbot, store, runner)
    assert reopened.rows() == []  # the deletion stuck: it does not come back
    assert store.load() == {}


def test_other_keys_and_old_entries_are_kept_and_normalised_on_edit(
        qtbot: QtBot, store: BarcodeMapStore, runner: TaskRunner) -> None:
    store.path.write_text(json.dumps({"client_name": "M Cosmetics", "sku_mapping": {
        " 3800601001379 ": "MC-SER-102-30", "3800601000006": "MC-SER-101-30"}}),
        encoding="utf-8")
    dialog = open_dialog(qtbot, store, runner)
    assert dialog.rows() == [("3800601000006", "MC-SER-101-30"),
                             ("3800601001379", "MC-SER-102-30")]
    edit(qtbot, dialog, " 3800601001379 ", "3800601001379", "MC-SER-103-15")
    assert on_disk(store) == {"3800601000006": "MC-SER-101-30", "3800601001379": "MC-SER-103-15"}
    assert json.loads(store.path.read_text(encoding="utf-8"))["client_name"] == "M Cosmetics"


def test_bad_input_gets_a_clear_message_and_changes_nothing(
        qtbot: QtBot, store: BarcodeMapStore, runner: TaskRunner) -> None:
    store.set("3800601000006", "MC-SER-101-30")
    changed = Counter()
    dialog = open_dialog(qtbot, store, runner, on_changed=changed)
    cases = [("", "MC-SER-101-30", "Scan or type the product barcode"),
             ("4006381333931", "  ", "Type the SKU"),
             ("MC-SER-101-30", "MC-SER-101-30", "the same"),
             (" 3800601000006\r", "MC-CRM-201-50", "already maps to MC-SER-101-30")]
    for code, sku, words in cases:
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        dialog.barcode_field.setText(code)
        dialog.sku_field.setText(sku)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        settle(qtbot, dialog)
        assert words in dialog.message.text()
        assert dialog.message.property("kind") == "error"
        assert dialog.form.isVisible()  # the user can correct what was typed
    assert on_disk(store) == {"3800601000006": "MC-SER-101-30"}

    # Another station mapped the barcode after this dialog read the map: checked on write.
    BarcodeMapStore(store.layout, "M").set(NEW_CODE, "MC-CRM-201-50")
    add(qtbot, dialog, NEW_CODE, "MC-SER-101-30")
    assert "already maps to MC-CRM-201-50" in dialog.message.text()
    assert on_disk(store)[NEW_CODE] == "MC-CRM-201-50"
    assert (NEW_CODE, "MC-CRM-201-50") in dialog.rows()  # the table shows the file as it is
    assert changed.calls == 0

    dialog.table.clearSelection()
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    assert "Select one mapping" in dialog.message.text()


def test_import_from_the_sessions_stock_file(
        qtbot: QtBot, store: BarcodeMapStore, runner: TaskRunner) -> None:
    stock = store.layout.inventory_file("M", SESSION)
    expected = read_inventory_barcodes(stock)
    assert len(expected) > 20  # the fixture has a "Баркод" column
    store.set("3800601000006", "MC-OLD-SKU")  # to be updated by the import
    changed = Counter()
    dialog = open_dialog(qtbot, store, runner, inventory_file=stock, on_changed=changed)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert f"{len(expected) - 1} added, 1 updated, 0 already mapped" in dialog.message.text()
    assert on_disk(store) == expected
    assert len(dialog.rows()) == len(expected)
    assert changed.calls == 1
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert f"0 added, 0 updated, {len(expected)} already mapped" in dialog.message.text()
    assert changed.calls == 1


def test_a_stock_file_without_barcodes_imports_nothing(
        qtbot: QtBot, store: BarcodeMapStore, runner: TaskRunner, tmp_path: Path) -> None:
    stock = tmp_path / "stock.csv"
    stock.write_text("Артикул;Име;Наличност\nMC-SER-101-30;Серум;6\n", encoding="utf-8")
    dialog = open_dialog(qtbot, store, runner)
    dialog.choose_file = lambda _parent: stock  # no session stock file: the user picks one
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert "stock.csv has no barcode column" in dialog.message.text()
    assert not store.path.exists()


def test_filter_and_sort(qtbot: QtBot, store: BarcodeMapStore, runner: TaskRunner) -> None:
    for code, sku in (("111", "MC-B"), ("222", "MC-A"), ("333", "mc-c")):
        store.set(code, sku)
    dialog = open_dialog(qtbot, store, runner)
    assert [code for code, _ in dialog.rows()] == ["111", "222", "333"]
    dialog.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert [sku for _, sku in dialog.rows()] == ["mc-c", "MC-B", "MC-A"]
    qtbot.keyClicks(dialog.filter_field, "MC-C")
    assert dialog.rows() == [("333", "mc-c")]
    dialog.filter_field.clear()
    qtbot.keyClicks(dialog.filter_field, "22")
    assert dialog.rows() == [("222", "MC-A")]


def test_a_share_error_is_shown_not_raised(qtbot: QtBot, store: BarcodeMapStore,
                                           runner: TaskRunner) -> None:
    store.path.write_text(json.dumps({"sku_mapping": ["not", "a", "map"]}), encoding="utf-8")
    dialog = open_dialog(qtbot, store, runner)
    assert "Could not reach the barcode map" in dialog.message.text()
    assert "not a map" in dialog.message.text()
    assert dialog.add_button.isEnabled()  # the user can fix the file and press Reload


def test_a_new_mapping_takes_effect_in_a_running_session(
        qtbot: QtBot, store: BarcodeMapStore, runner: TaskRunner) -> None:
    # No double-read window: the same barcode is scanned before and after the mapping.
    session = PackingSession(store.layout, "M", SESSION, "DHL_Orders", debounce_seconds=0.0)
    packer = Worker("worker_001", "Ана")
    reloaded = Counter()
    try:
        assert session.scan("48232", packer).outcome is Outcome.ORDER_LOADED  # 3 x MC-SER-102-30
        assert session.scan(NEW_CODE, packer).outcome is not Outcome.ITEM_OK

        def on_changed() -> None:  # what the main window does: share reads go to the runner
            runner.submit(session.reload_barcode_map, on_done=lambda _: reloaded())

        dialog = open_dialog(qtbot, store, runner, on_changed=on_changed)
        add(qtbot, dialog, NEW_CODE, "MC-SER-102-30")
        qtbot.waitUntil(lambda: reloaded.calls == 1)
        result = session.scan(NEW_CODE, packer)
        assert result.outcome is Outcome.ITEM_OK
        assert result.sku == "MC-SER-102-30"
    finally:
        session.close()
