"""The Session Browser's widgets: clients, filters, the table and the action buttons.

Built once by ``SessionBrowser``; every text goes through its translation context.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from packing_tool.ui.browser_filters import FilterBar
from packing_tool.ui.browser_model import header_labels
from packing_tool.ui.widgets import named

# ``browser`` is the SessionBrowser (not imported: it imports this module).
Browser = Any

KEYS = {"refresh_button": "F5", "take_over_button": "Ctrl+T", "details_button": "Ctrl+D",
        "csv_button": "Ctrl+Shift+C", "xlsx_button": "Ctrl+Shift+X"}  # docs/keyboard.md


def _tr(text: str) -> str:
    return QCoreApplication.translate("SessionBrowser", text)


def build(browser: Browser) -> None:
    browser.clients = named(QListWidget(), "browserClients")
    browser.clients.setMaximumWidth(200)
    browser.clients.currentTextChanged.connect(browser._client_chosen)
    browser.refresh_button = named(QPushButton(_tr("↻ Refresh")), "browserRefresh")
    browser.refresh_button.clicked.connect(browser.reload_clients)
    browser.auto_refresh = named(QCheckBox(_tr("Auto-refresh (30 s)")), "autoRefresh")
    browser.auto_refresh.setChecked(True)
    browser.auto_refresh.toggled.connect(browser._auto_refresh_toggled)
    left = QVBoxLayout()
    left.addWidget(QLabel(_tr("Clients")))
    left.addWidget(browser.clients)
    right = QVBoxLayout()
    build_filters(browser, right)
    build_table(browser, right)
    build_actions(browser, right)
    left_box, right_box = QWidget(), QWidget()
    left_box.setLayout(left)
    right_box.setLayout(right)
    splitter = QSplitter()
    splitter.addWidget(left_box)
    splitter.addWidget(right_box)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([160, 1200])  # the clients' names are short; the table wants the room
    outer = QVBoxLayout(browser)
    outer.addWidget(splitter)
    browser._update_actions(None)


def build_filters(browser: Browser, right: QVBoxLayout) -> None:
    browser.header = named(QLabel(_tr("No client selected")), "browserHeader")
    browser.filters = FilterBar()
    browser.filters.changed.connect(browser._filters_changed)
    browser.status_line = named(QLabel(""), "browserStatus")
    right.addWidget(browser.header)
    right.addWidget(browser.filters)
    status_row = QHBoxLayout()  # refreshing sits by the line that says when it last happened
    status_row.addWidget(browser.status_line, 1)
    status_row.addWidget(browser.refresh_button)
    status_row.addWidget(browser.auto_refresh)
    right.addLayout(status_row)


def build_table(browser: Browser, right: QVBoxLayout) -> None:
    browser.table = named(QTableView(), "browserTable")
    browser.table.setModel(browser.proxy)
    browser.table.horizontalHeader().setModel(header_labels(browser))  # clicks still sort the proxy
    browser.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    browser.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    browser.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    browser.table.setAlternatingRowColors(True)
    browser.table.verticalHeader().setVisible(False)
    # Fixed row heights and column widths: no per-row measuring with thousands of rows.
    browser.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    browser.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    browser.table.horizontalHeader().setStretchLastSection(True)
    # Wide enough for the Bulgarian words too ("Незавършен", "Продължителност").
    for column, width in enumerate((130, 155, 85, 120, 160, 90, 95, 105, 120)):
        browser.table.setColumnWidth(column, width)
    browser.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    browser.table.setSortingEnabled(True)  # the model sorts: status, then the index's own order
    browser.table.selectionModel().currentRowChanged.connect(browser._selection_changed)
    browser.table.doubleClicked.connect(lambda _index: browser.show_details())
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # the table would only ignore it
        enter = QShortcut(QKeySequence(key), browser.table)
        enter.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        enter.activated.connect(browser.activate_selected)
    right.addWidget(browser.table, 1)


def build_actions(browser: Browser, right: QVBoxLayout) -> None:
    browser.preview = named(QLabel(_tr("Select a list to see its details.")),
                         "browserPreview")
    browser.preview.setWordWrap(True)
    browser.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    browser.start_button = named(QPushButton(_tr("▶ Start packing")), "browserStart")
    browser.resume_button = named(QPushButton(_tr("↩ Resume")), "browserResume")
    browser.take_over_button = named(QPushButton(_tr("Take over…")), "browserTakeOver")
    browser.details_button = named(QPushButton(_tr("Details")), "browserDetails")
    browser.check_button = named(QPushButton(_tr("Check list")), "browserCheckList")
    browser.check_button.setShortcut(QKeySequence("Ctrl+K"))
    browser.check_button.setToolTip(_tr("Pre-shift check of the selected list: barcodes, "
                                         "order labels, orders elsewhere, quantities "
                                         "(Ctrl+K)"))
    browser.check_button.clicked.connect(browser.check_list)
    browser.csv_button = named(QPushButton(_tr("Export CSV")), "browserExportCsv")
    browser.xlsx_button = named(QPushButton(_tr("Export Excel")), "browserExportXlsx")
    browser.start_button.clicked.connect(lambda: browser._request(browser.startRequested))
    browser.resume_button.clicked.connect(lambda: browser._request(browser.resumeRequested))
    browser.take_over_button.clicked.connect(lambda: browser._request(browser.takeOverRequested))
    browser.details_button.clicked.connect(browser.show_details)
    browser.csv_button.clicked.connect(lambda: browser.export("csv"))
    browser.xlsx_button.clicked.connect(lambda: browser.export("xlsx"))
    for name, key in KEYS.items():  # Return on a row starts or resumes it (the table)
        button = getattr(browser, name)
        button.setShortcut(QKeySequence(key))
        button.setToolTip(f"{button.text()} ({key})")
    actions = QHBoxLayout()
    for button in (browser.start_button, browser.resume_button, browser.take_over_button,
                   browser.details_button, browser.check_button):
        actions.addWidget(button)
    for button in (browser.start_button, browser.resume_button, browser.take_over_button):
        button.hide()  # shown by the selected row; all three at once made the window too wide
    actions.addStretch(1)
    actions.addWidget(browser.csv_button)
    actions.addWidget(browser.xlsx_button)
    right.addWidget(browser.preview)
    right.addLayout(actions)

