"""The barcode mapping dialog by keyboard alone: every action has a key, pressed here on the
real dialog against a copy of the share, and the outcome is read back from the file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from packing_tool.storage.barcode_maps import BarcodeMapStore, read_inventory_barcodes
from packing_tool.storage.layout import ShareLayout
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.sku_mapping_dialog import SkuMappingDialog

CTRL = Qt.KeyboardModifier.ControlModifier
CODE = "2000000000015"


@pytest.fixture
def store(share_root: Path) -> BarcodeMapStore:
    for path in [share_root, *share_root.rglob("*")]:  # the fixture copy keeps read-only modes
        path.chmod(path.stat().st_mode | 0o200)
    return BarcodeMapStore(ShareLayout(share_root), "M")


@pytest.fixture
def dialog(qtbot: QtBot, store: BarcodeMapStore) -> Iterator[SkuMappingDialog]:
    runner = TaskRunner()
    box = SkuMappingDialog(store, runner)
    box.asked: list[str] = []  # type: ignore[attr-defined]

    def confirm(_parent: object, text: str) -> bool:
        box.asked.append(text)  # type: ignore[attr-defined]
        return True
    box.confirm = confirm
    qtbot.addWidget(box)
    box.show()
    box.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    settle(qtbot, box)
    yield box
    assert runner.shutdown(timeout=5.0)


def settle(qtbot: QtBot, box: SkuMappingDialog) -> None:
    qtbot.waitUntil(lambda: not box.busy)


def on_disk(store: BarcodeMapStore) -> dict[str, str]:
    if not store.path.exists():
        return {}
    mapping: dict[str, str] = json.loads(store.path.read_text(encoding="utf-8"))["sku_mapping"]
    return mapping


def focused() -> object:
    return QApplication.focusWidget()


def add_by_keys(qtbot: QtBot, box: SkuMappingDialog, code: str, sku: str) -> None:
    qtbot.keyClick(box.table, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(box.form.isVisible)  # a button's key clicks it visibly (animated)
    assert focused() is box.barcode_field
    qtbot.keyClicks(box.barcode_field, code)
    qtbot.keyClick(box.barcode_field, Qt.Key.Key_Return)
    qtbot.keyClicks(box.sku_field, sku)
    qtbot.keyClick(box.sku_field, Qt.Key.Key_Return)
    settle(qtbot, box)


def test_ctrl_n_adds_and_delete_on_the_table_removes(qtbot: QtBot, dialog: SkuMappingDialog,
                                                     store: BarcodeMapStore) -> None:
    add_by_keys(qtbot, dialog, CODE, "KEY-SKU")
    assert on_disk(store)[CODE] == "KEY-SKU"
    assert not dialog.form.isVisible()
    assert focused() is dialog.table  # back on the rows, where Delete acts
    assert dialog.selected_keys() == [CODE]
    qtbot.keyClick(dialog.filter_field, Qt.Key.Key_Delete)  # in a text field: no deletion
    assert dialog.asked == []
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    settle(qtbot, dialog)
    assert len(dialog.asked) == 1
    assert CODE in dialog.asked[0]
    assert CODE not in on_disk(store)
    assert all(code != CODE for code, _ in dialog.rows())


def test_f2_and_return_edit_the_selected_mapping(qtbot: QtBot, dialog: SkuMappingDialog,
                                                 store: BarcodeMapStore) -> None:
    add_by_keys(qtbot, dialog, CODE, "OLD")
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    qtbot.waitUntil(dialog.form.isVisible)
    assert focused() is dialog.sku_field
    dialog.sku_field.selectAll()
    qtbot.keyClicks(dialog.sku_field, "NEW")
    qtbot.keyClick(dialog.sku_field, Qt.Key.Key_S, CTRL)  # Ctrl+S saves as Return does
    qtbot.waitUntil(lambda: on_disk(store)[CODE] == "NEW")
    settle(qtbot, dialog)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Return on a row: edit it too
    assert dialog.form.isVisible()
    assert dialog.sku_field.text() == "NEW"
    qtbot.keyClick(dialog.sku_field, Qt.Key.Key_Escape)  # Escape cancels the form only
    assert not dialog.form.isVisible()
    assert dialog.isVisible()
    assert focused() is dialog.table
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)  # and then closes the dialog
    assert not dialog.isVisible()
    assert on_disk(store)[CODE] == "NEW"


def test_ctrl_f_filters_f5_reloads_and_ctrl_i_imports(qtbot: QtBot, dialog: SkuMappingDialog,
                                                      store: BarcodeMapStore) -> None:
    store.set(CODE, "FROM-ANOTHER-PC")  # written behind the dialog's back
    assert all(code != CODE for code, _ in dialog.rows())
    qtbot.keyClick(dialog.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: (CODE, "FROM-ANOTHER-PC") in dialog.rows())
    qtbot.keyClick(dialog.table, Qt.Key.Key_F, CTRL)
    assert focused() is dialog.filter_field
    qtbot.keyClicks(dialog.filter_field, "ANOTHER")
    assert dialog.rows() == [(CODE, "FROM-ANOTHER-PC")]
    stock = store.layout.inventory_file("M", "2026-11-21_1")
    dialog.choose_file = lambda _parent: stock
    expected = read_inventory_barcodes(stock)
    assert expected
    assert not set(expected) <= set(on_disk(store))
    qtbot.keyClick(dialog.filter_field, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: set(expected) <= set(on_disk(store)), timeout=10_000)


def test_tab_order_and_every_button_names_its_key(qtbot: QtBot,
                                                  dialog: SkuMappingDialog) -> None:
    dialog.filter_field.setFocus()
    qtbot.keyClick(dialog.filter_field, Qt.Key.Key_Tab)
    assert focused() is dialog.table
    seen = []
    for _ in range(12):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # type: ignore[arg-type]
        seen.append(focused())
    assert seen[:6] == [dialog.add_button, dialog.edit_button, dialog.delete_button,
                        dialog.import_button, dialog.reload_button,
                        dialog.findChild(QPushButton, "closeButton")]
    without = [b.objectName() for b in dialog.findChildren(QPushButton)
               if not b.toolTip().endswith(")")]
    assert without == []
    assert "(Ctrl+N)" in dialog.add_button.toolTip()
    assert "Del" in dialog.delete_button.toolTip()
