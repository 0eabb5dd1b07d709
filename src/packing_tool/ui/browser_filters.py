"""The Session Browser's filter bar (status, dates, text) and the proxy model that applies it.

The criteria are plain values, so a filter change is one filter pass over pre-formatted
rows: no share I/O, no rebuilding, fast enough to run on every keystroke for 3,000 rows.
The proxy only filters: a header click sorts the source model by plain Python keys, so
neither a sort nor a reset makes thousands of ``data()`` calls.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QWidget

from packing_tool.storage.index_rows import STATUSES, IndexRow
from packing_tool.ui import local_time, wording
from packing_tool.ui.browser_model import SessionTableModel
from packing_tool.ui.widgets import named

NO_DATE = QDate(2000, 1, 1)  # the dates' minimum, shown as "Any": no limit


@dataclass(frozen=True)
class Criteria:
    status: str | None = None  # one of session_index.STATUSES; None = all
    date_from: str = ""  # YYYY-MM-DD, inclusive; "" = open
    date_to: str = ""
    text: str = ""  # every word must appear in list, session, worker, worker id or PC

    def words(self) -> list[str]:
        return self.text.casefold().split()


class SessionFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._criteria = Criteria()
        self._words: list[str] = []
        self._open = True  # no criteria: every row passes without looking at it
        self.setDynamicSortFilter(False)  # the source only changes by a reset or its own sort

    @property
    def criteria(self) -> Criteria:
        return self._criteria

    def set_criteria(self, criteria: Criteria | None = None, **changes: Any) -> None:
        new = replace(criteria or self._criteria, **changes)
        if new == self._criteria:
            return
        self.beginFilterChange()
        self._criteria, self._words = new, new.words()
        self._open = new.status is None and not new.date_from and not new.date_to \
            and not self._words
        self.endFilterChange()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source sorts itself; the proxy keeps its order (own sort column stays -1)."""
        self._source().sort(column, order)

    def _source(self) -> SessionTableModel:
        model = self.sourceModel()
        assert isinstance(model, SessionTableModel)
        return model

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self._open:
            return True
        cells, c = self._source().cells(source_row), self._criteria
        if c.status is not None and cells.row.status != c.status:
            return False
        if c.date_from and (not cells.day or cells.day < c.date_from):
            return False
        if c.date_to and (not cells.day or cells.day > c.date_to):
            return False
        return all(word in cells.haystack for word in self._words)

    def visible_rows(self) -> list[IndexRow]:
        """The rows shown, in the order shown (what an export writes)."""
        model = self._source()
        return [model.cells(self.mapToSource(self.index(r, 0)).row()).row
                for r in range(self.rowCount())]


def _date_edit(name: str) -> QDateEdit:
    edit = named(QDateEdit(), name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(local_time.date_pattern())
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(QCoreApplication.translate("FilterBar", "Any"))
    edit.setDate(NO_DATE)
    return edit


def _day(edit: QDateEdit) -> str:
    return "" if edit.date() == NO_DATE else edit.date().toString("yyyy-MM-dd")


class FilterBar(QWidget):
    """Status, From, To and a search box; ``changed`` carries the new ``Criteria``."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("browserFilters")
        self.status_combo = named(QComboBox(), "statusFilter")
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in STATUSES:
            self.status_combo.addItem(wording.status(status), status)
        self.date_from, self.date_to = _date_edit("dateFrom"), _date_edit("dateTo")
        self.search = named(QLineEdit(), "browserSearch")
        self.search.setPlaceholderText(self.tr("Search list, session, worker, PC…"))
        self.search.setClearButtonEnabled(True)
        self.status_combo.currentIndexChanged.connect(self._emit)
        self.date_from.dateChanged.connect(self._emit)
        self.date_to.dateChanged.connect(self._emit)
        self.search.textChanged.connect(self._emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label, widget in ((self.tr("Status"), self.status_combo),
                              (self.tr("From"), self.date_from), (self.tr("To"), self.date_to)):
            layout.addWidget(QLabel(label))
            layout.addWidget(widget)
        layout.addWidget(self.search, 1)

    def criteria(self) -> Criteria:
        return Criteria(status=self.status_combo.currentData(), date_from=_day(self.date_from),
                        date_to=_day(self.date_to), text=self.search.text())

    def set_status(self, status: str | None) -> None:
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(status)))

    def set_dates(self, date_from: str = "", date_to: str = "") -> None:
        for edit, text in ((self.date_from, date_from), (self.date_to, date_to)):
            edit.setDate(QDate.fromString(text, "yyyy-MM-dd") if text else NO_DATE)

    def _emit(self) -> None:
        self.changed.emit(self.criteria())
