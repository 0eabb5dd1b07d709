"""Edit a client's barcode → SKU map (``packer_config.json``) from the desktop.

Every change is written at once as its own locked edit on the share (through the one
background runner), so a deletion sticks and other stations' edits survive: the old
dialog saved the whole map merged into the file and deleted rows came back (anchor study
§1.15). Duplicates are checked against the file as it is when the change is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QStandardItem
from PySide6.QtWidgets import QDialog, QWidget

from packing_tool.domain.barcodes import clean_scan
from packing_tool.storage.barcode_maps import BarcodeMapStore
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.sku_mapping_layout import BARCODE_COLUMN, SKU_COLUMN, build
from packing_tool.ui.sku_mapping_steps import (
    MapResult,
    add_mapping,
    ask_confirm,
    ask_stock_file,
    delete_mappings,
    edit_mapping,
    import_mappings,
    load_map,
    stored_key,
)
from packing_tool.ui.themes import set_style_property


class SkuMappingDialog(QDialog):
    """Dialog ``skuMappingDialog``: the barcode → SKU table of one client, edited in place.

    ``on_changed`` is called on the UI thread after each change is written; it must not
    touch the share itself (submit ``PackingSession.reload_barcode_map`` to the runner).
    ``confirm`` and ``choose_file`` are the questions asked; tests replace them.
    """

    def __init__(self, store: BarcodeMapStore, runner: TaskRunner, *,
                 inventory_file: Path | None = None,
                 on_changed: Callable[[], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("skuMappingDialog")
        self.setWindowTitle(self.tr("Barcode → SKU mapping: client {client}").format(
            client=store.client_id))
        self.resize(720, 540)
        self.store, self.runner = store, runner
        self.inventory_file = inventory_file
        self.on_changed = on_changed
        self.confirm: Callable[[QWidget, str], bool] = ask_confirm
        self.choose_file: Callable[[QWidget], Path | None] = ask_stock_file
        self.mapping: dict[str, str] = {}
        self._editing: str | None = None  # stored key being edited; None while adding
        self._pending = 0
        build(self)
        self.reload()

    # ------------------------------------------------------------------ table

    def rows(self) -> list[tuple[str, str]]:
        """The rows as shown (filtered and sorted): (barcode, SKU)."""
        index = self.proxy.index
        return [(index(r, BARCODE_COLUMN).data(), index(r, SKU_COLUMN).data())
                for r in range(self.proxy.rowCount())]

    def selected_keys(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows(BARCODE_COLUMN)
        return [str(index.data(Qt.ItemDataRole.UserRole)) for index in rows]

    def select_barcode(self, key: str) -> bool:
        """Select the row of stored barcode ``key``; False when it is not shown."""
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, BARCODE_COLUMN).data(Qt.ItemDataRole.UserRole) == key:
                self.table.selectRow(r)
                return True
        return False

    def _show(self, result: MapResult) -> None:
        self.mapping = result.mapping
        self.table.setSortingEnabled(False)  # one sort after the fill, not one per row
        self.model.setRowCount(0)
        for key, sku in result.mapping.items():
            code = QStandardItem(clean_scan(key) or key)
            code.setData(key, Qt.ItemDataRole.UserRole)
            self.model.appendRow([code, QStandardItem(sku)])
        self.table.setSortingEnabled(True)
        if result.select is not None:
            self.select_barcode(result.select)
        self._say(result.message, error=result.error)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        set_style_property(self.message, "kind", "error" if error else "info")

    # ------------------------------------------------------------------ background steps

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def _run(self, fn: Callable[..., MapResult], *args: Any, doing: str) -> None:
        self._pending += 1
        self._set_enabled(False)
        self._say(doing)
        self.runner.submit(fn, self.store, *args, on_done=self._on_done,
                           on_error=self._on_error, owner=self)

    def _on_done(self, result: MapResult) -> None:
        self._finish()
        if not result.error:
            self.close_form()
        self._show(result)
        if result.changed and self.on_changed is not None:
            self.on_changed()

    def _on_error(self, message: str) -> None:
        self._finish()
        self._say(self.tr("Could not reach the barcode map on the share: {reason}").format(
            reason=message), error=True)

    def _finish(self) -> None:
        self._pending -= 1
        if not self._pending:
            self._set_enabled(True)

    def _set_enabled(self, enabled: bool) -> None:
        for button in (self.add_button, self.edit_button, self.delete_button,
                       self.import_button, self.reload_button, self.save_button):
            button.setEnabled(enabled)

    def reload(self) -> None:
        """Read the map again from the share (what other stations changed shows up)."""
        self._run(load_map, doing=self.tr("Loading the barcode map…"))

    # ------------------------------------------------------------------ actions

    def start_add(self) -> None:
        self._open_form(None, "", "")

    def start_edit(self) -> None:
        keys = self.selected_keys()
        if len(keys) != 1:
            self._say(self.tr("Select one mapping to edit."), error=True)
            return
        self._open_form(keys[0], clean_scan(keys[0]), self.mapping.get(keys[0], ""))

    def _open_form(self, key: str | None, code: str, sku: str) -> None:
        self._editing = key
        self.form_title.setText(self.tr("New mapping:") if key is None
                                else self.tr("Edit mapping:"))
        self.barcode_field.setText(code)
        self.sku_field.setText(sku)
        self.form.show()
        (self.barcode_field if key is None else self.sku_field).setFocus()

    def close_form(self) -> None:
        had_focus = self.form.isAncestorOf(self.focusWidget())
        self._editing = None
        self.form.hide()
        if had_focus:  # back to the rows, where Delete, F2 and Return act
            self.table.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape cancels an open form first; with none open it closes the dialog."""
        if event.key() == Qt.Key.Key_Escape and self.form.isVisible():
            self.close_form()
            return
        super().keyPressEvent(event)

    def form_problem(self, code: str, sku: str) -> str:
        """Why the form cannot be saved ("" when it can), checked against the table shown."""
        if not code:
            return self.tr("Scan or type the product barcode (at most 200 characters).")
        if not sku:
            return self.tr("Type the SKU this barcode stands for.")
        if code == sku:
            return self.tr("The barcode and the SKU are the same: a SKU scans as itself "
                           "already.")
        key = stored_key(self.mapping, code)
        if key is not None and key != self._editing:
            return self.tr("Barcode {code} already maps to {sku}: select it and use Edit to "
                           "change it.").format(code=code, sku=self.mapping[key])
        return ""

    def save_form(self) -> None:
        if self.busy or not self.form.isVisible():
            return
        code, sku = clean_scan(self.barcode_field.text()), self.sku_field.text().strip()
        problem = self.form_problem(code, sku)
        if problem:
            self._say(problem, error=True)
            return
        if self._editing is None:
            self._run(add_mapping, code, sku, doing=self.tr("Adding {code} → {sku}…").format(
                code=code, sku=sku))
        else:
            self._run(edit_mapping, self._editing, code, sku,
                      doing=self.tr("Saving {code} → {sku}…").format(code=code, sku=sku))

    def delete_selected(self) -> None:
        keys = self.selected_keys()
        if not keys:
            self._say(self.tr("Select the mapping(s) to delete."), error=True)
            return
        listed = "\n".join(f"{clean_scan(k)} → {self.mapping.get(k, '?')}" for k in keys[:10])
        more = self.tr("\n… and {n} more").format(n=len(keys) - 10) if len(keys) > 10 else ""
        question = self.tr("Delete {n} mapping(s)?").format(n=len(keys))
        if self.confirm(self, f"{question}\n\n{listed}{more}"):
            self._run(delete_mappings, keys, doing=self.tr("Deleting {n} mapping(s)…").format(
                n=len(keys)))

    def import_stock(self) -> None:
        path = self.inventory_file or self.choose_file(self)
        if path is not None:
            self._run(import_mappings, Path(path), doing=self.tr("Importing from {file}…").format(
                file=Path(path).name))
