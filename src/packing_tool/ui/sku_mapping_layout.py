"""The widgets of the barcode mapping dialog and their keys (docs/keyboard.md).

Ctrl+F the filter, Ctrl+N add, F2 or Return on a row edit, Delete on the table delete,
Ctrl+I import, F5 reload; in the form Return saves and Escape cancels; Escape closes. The
tab order is the reading order: filter, table, form, buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from packing_tool.ui.key_hints import hint, keyed, shortcut
from packing_tool.ui.widgets import named

BARCODE_COLUMN, SKU_COLUMN = 0, 1
ON_TABLE = Qt.ShortcutContext.WidgetShortcut  # Delete and Return act on rows, not in fields


def _tr(text: str) -> str:
    return QCoreApplication.translate("SkuMappingDialog", text)


def _button(text: str, name: str, slot: Callable[[], None], *keys: str) -> QPushButton:
    """A button that Enter does not press; the first of ``keys`` presses it, the tooltip
    names them all (a key acting elsewhere, e.g. Delete on the table, is named only)."""
    button = named(QPushButton(text), name)
    button.setAutoDefault(False)  # Enter from the scanner must not press a button
    button.clicked.connect(slot)
    if keys and keys[0]:
        keyed(button, keys[0])
    button.setToolTip(hint(text, *(k for k in keys if k)))
    return button


def build_table(d: Any) -> None:
    """``d.filter_field``, ``d.model`` (barcode, SKU; the stored key in UserRole),
    ``d.proxy`` and ``d.table``."""
    d.filter_field = named(QLineEdit(), "skuFilter")
    d.filter_field.setPlaceholderText(hint(_tr("Filter by barcode or SKU…"), "Ctrl+F"))
    d.filter_field.setClearButtonEnabled(True)
    shortcut(d, "Ctrl+F", lambda: (d.filter_field.setFocus(), d.filter_field.selectAll()))
    d.model = QStandardItemModel(0, 2, d)
    d.model.setHorizontalHeaderLabels([_tr("Product barcode"), _tr("SKU")])
    d.proxy = QSortFilterProxyModel(d)
    d.proxy.setSourceModel(d.model)
    d.proxy.setFilterKeyColumn(-1)
    d.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    d.filter_field.textChanged.connect(d.proxy.setFilterFixedString)
    d.table = named(QTableView(), "skuTable")
    d.table.setModel(d.proxy)
    d.table.setSortingEnabled(True)
    d.table.sortByColumn(BARCODE_COLUMN, Qt.SortOrder.AscendingOrder)
    d.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    d.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    d.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    d.table.verticalHeader().hide()
    d.table.doubleClicked.connect(lambda _index: d.start_edit())
    shortcut(d.table, ("Return", "Enter"), d.start_edit, context=ON_TABLE)
    shortcut(d.table, "Delete", d.delete_selected, context=ON_TABLE)


def build_form(d: Any) -> None:
    """``d.message`` and the add/edit form ``d.form`` (hidden until Add or Edit)."""
    d.message = named(QLabel(), "skuMessage")
    d.message.setWordWrap(True)
    d.barcode_field = named(QLineEdit(), "skuBarcodeField")
    d.barcode_field.setPlaceholderText(_tr("Scan or type the product barcode"))
    d.sku_field = named(QLineEdit(), "skuSkuField")
    d.sku_field.setPlaceholderText(_tr("SKU it stands for"))
    d.barcode_field.returnPressed.connect(d.sku_field.setFocus)
    d.sku_field.returnPressed.connect(d.save_form)
    d.form_title = named(QLabel(), "skuFormTitle")
    d.save_button = _button(_tr("&Save"), "skuSaveButton", d.save_form, "Ctrl+S", "Return")
    cancel = _button(_tr("Cancel"), "skuCancelEditButton", d.close_form, "", "Escape")
    d.form = named(QWidget(), "skuForm")
    form = QHBoxLayout(d.form)
    form.setContentsMargins(0, 0, 0, 0)
    form.addWidget(d.form_title)
    for text, field in ((_tr("&Barcode"), d.barcode_field), (_tr("S&KU"), d.sku_field)):
        label = QLabel(text)
        label.setBuddy(field)  # Alt+letter puts the cursor in the field
        form.addWidget(label)
        form.addWidget(field)
    form.addWidget(d.save_button)
    form.addWidget(cancel)
    d.form.hide()


def build(d: Any) -> None:
    """The whole dialog ``d`` (a ``SkuMappingDialog``): table, form, buttons and keys."""
    build_table(d)
    build_form(d)
    d.add_button = _button(_tr("&Add…"), "skuAddButton", d.start_add, "Ctrl+N")
    d.edit_button = _button(_tr("&Edit…"), "skuEditButton", d.start_edit, "F2", "Return")
    d.delete_button = _button(_tr("&Delete"), "skuDeleteButton", d.delete_selected,
                              "", "Delete")  # Delete on the table (text fields keep it)
    d.import_button = _button(_tr("&Import from stock file"), "skuImportButton",
                              d.import_stock, "Ctrl+I")
    d.reload_button = _button(_tr("Re&load"), "skuReloadButton", d.reload, "F5")
    close = _button(_tr("Close"), "closeButton", d.accept, "", "Escape")
    buttons = QHBoxLayout()
    for button in (d.add_button, d.edit_button, d.delete_button, d.import_button,
                   d.reload_button):
        buttons.addWidget(button)
    buttons.addStretch(1)
    buttons.addWidget(close)
    layout = QVBoxLayout(d)
    layout.addWidget(d.filter_field)
    layout.addWidget(d.table, 1)
    layout.addWidget(d.message)
    layout.addWidget(d.form)
    layout.addLayout(buttons)
