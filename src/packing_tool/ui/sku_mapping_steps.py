"""The barcode map dialog's steps: each runs on the runner's thread and does one locked edit
of ``packer_config.json`` (through ``BarcodeMapStore``), checked against the file as it is
then; plus the two questions the dialog asks (tests replace them).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from packing_tool.domain.barcodes import clean_scan
from packing_tool.storage.barcode_maps import BarcodeMapStore


@dataclass(frozen=True)
class MapResult:
    """What a background step found: the map as now stored, and what to tell the user."""

    mapping: dict[str, str]
    message: str
    changed: bool = False
    error: bool = False
    select: str | None = None  # the barcode to select afterwards


def _tr(text: str) -> str:
    return QCoreApplication.translate("SkuMappingDialog", text)


def stored_key(mapping: dict[str, str], code: str) -> str | None:
    """The key under which ``code`` is stored (older files may keep spaces around it)."""
    if code in mapping:
        return code
    return next((key for key in mapping if clean_scan(key) == code), None)


def load_map(store: BarcodeMapStore) -> MapResult:
    mapping = store.load()
    kept = store.kept_aside()
    note = " " + _tr("Unreadable earlier versions are kept: {file}.").format(
        file=kept[-1].name) if kept else ""
    return MapResult(mapping, _tr("{n} mapping(s) for client {client}.").format(
        n=len(mapping), client=store.client_id) + note)


def add_mapping(store: BarcodeMapStore, code: str, sku: str) -> MapResult:
    current = store.load()
    key = stored_key(current, code)
    if key is not None:
        return MapResult(current, _tr("Barcode {code} already maps to {sku}: select it and use "
                                      "Edit to change it.").format(code=code, sku=current[key]),
                         error=True, select=key)
    store.set(code, sku)
    return MapResult(store.load(), _tr("Added {code} → {sku}.").format(code=code, sku=sku),
                     changed=True, select=code)


def edit_mapping(store: BarcodeMapStore, old: str, code: str, sku: str) -> MapResult:
    current = store.load()
    if old not in current:
        return MapResult(current, _tr("Barcode {code} was removed meanwhile (another "
                                      "station?); nothing changed.").format(code=old),
                         error=True)
    clash = stored_key(current, code)
    if clash not in (None, old):
        return MapResult(current, _tr("Barcode {code} already maps to {sku}: delete or edit "
                                      "that mapping first.").format(code=code,
                                                                    sku=current[clash]),
                         error=True, select=old)
    if code == old and current[old] == sku:
        return MapResult(current, _tr("Nothing changed."), select=old)
    store.set(code, sku)
    if old != code:
        store.delete(old)  # the barcode itself was corrected: the old entry goes
    return MapResult(store.load(), _tr("Saved {code} → {sku}.").format(code=code, sku=sku),
                     changed=True, select=code)


def delete_mappings(store: BarcodeMapStore, keys: list[str]) -> MapResult:
    gone = [clean_scan(key) or key for key in keys if store.delete(key)]
    return MapResult(store.load(), _tr("Deleted {n} mapping(s): {codes}.").format(
        n=len(gone), codes=", ".join(gone)), changed=bool(gone))


def import_mappings(store: BarcodeMapStore, path: Path) -> MapResult:
    found = store.import_from_inventory(path)
    current = store.load()
    if not found:
        return MapResult(current, _tr("{file} has no barcode column with barcodes that differ "
                                      "from the SKUs: nothing imported.").format(file=path.name),
                         error=True)
    added = [code for code in found if stored_key(current, code) is None]
    updated = [code for code in found
               if (key := stored_key(current, code)) is not None and current[key] != found[code]]
    if added or updated:  # one locked edit for all; unchanged entries are not touched
        store.set_many({code: found[code] for code in added + updated})
    same = len(found) - len(added) - len(updated)
    return MapResult(store.load() if added or updated else current,
                     _tr("Imported from {file}: {added} added, {updated} updated, {same} "
                         "already mapped.").format(file=path.name, added=len(added),
                                                   updated=len(updated), same=same),
                     changed=bool(added or updated))


def ask_confirm(parent: QWidget, text: str) -> bool:
    answer = QMessageBox.question(parent, _tr("Delete mapping"), text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_stock_file(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, _tr("Stock file with barcodes"), "",
                                          _tr("Stock files (*.csv *.txt);;All files (*)"))
    return Path(name) if name else None
