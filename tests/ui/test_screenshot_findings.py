"""What the screenshots of every window showed a packer would stumble on, fixed and kept so:
the pre-shift check's "packed elsewhere" in the chosen language and local time, no card codes
in the second-check picker, whole bold rows in Orders to pack, status texts that never widen
the window, whole headers in the Workers table."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from packing_tool.domain.elsewhere import Elsewhere, Where
from packing_tool.domain.list_check import Finding
from packing_tool.ui import language
from packing_tool.ui.list_check_view import finding_text
from packing_tool.ui.main_status import SHRINK_TO, StationStatus
from packing_tool.ui.remaining_orders import ITEMS, ORDER, RemainingOrdersPanel, _cell, _widen
from packing_tool.ui.second_check_dialog import CheckerDialog
from packing_tool.ui.tables import table


@pytest.fixture
def bulgarian(qapp: QApplication) -> Iterator[None]:
    language.install(qapp, language.BULGARIAN)
    yield
    language.install(qapp, language.ENGLISH)


def test_a_checked_lists_packed_elsewhere_is_in_bulgarian_and_local_time(
        bulgarian: None) -> None:
    at = datetime.now().astimezone() - timedelta(minutes=5)
    fact = Elsewhere(Where.PACKED, "2026-11-21_1", "DHL_Orders", "PACK-01", "Елена", at)
    finding = Finding("packed_elsewhere", order="#48214", place="packed in list DHL_Orders",
                      fact=fact)
    text = finding_text(finding, "DHL_Extra")
    assert "packed" not in text
    assert "session" not in text
    assert "DHL_Orders" in text
    assert "Елена" in text
    assert at.strftime("%H:%M") in text
    assert at.strftime("%Y-%m-%d") not in text
    assert "fact" not in finding.to_dict()  # the stored report keeps its plain fields


def test_the_second_check_picker_lists_names_not_card_codes(qtbot: QtBot) -> None:
    dialog = CheckerDialog(None, [("worker_001", "Мария"), ("worker_002", "Борис")],
                           {"worker_002"}, "#48215")
    qtbot.addWidget(dialog)
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert texts[0].startswith("Борис")
    assert texts[1] == "Мария"
    assert not any("worker_" in t or "WRK" in t for t in texts)


def test_a_bold_row_of_orders_to_pack_is_widened_to_show_whole(qtbot: QtBot) -> None:
    panel = RemainingOrdersPanel()
    qtbot.addWidget(panel)
    panel.show()
    grid = panel.table
    grid.setRowCount(1)
    grid.setItem(0, ORDER, _cell("#48215"))
    grid.setItem(0, ITEMS, _cell("1"))
    grid.resizeColumnsToContents()
    narrow = grid.columnWidth(ITEMS)
    grid.setItem(0, ITEMS, _cell("1 / 6 · set aside", bold=True, base=grid.font()))
    _widen(grid, 0, (ORDER, ITEMS))
    assert grid.columnWidth(ITEMS) > narrow
    drawn = grid.sizeHintForIndex(grid.model().index(0, ITEMS)).width() + int(grid.showGrid())
    assert grid.columnWidth(ITEMS) >= drawn  # one pixel short is elided


def test_long_status_texts_never_make_the_window_wider(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    status = StationStatus(window.statusBar(), "PACK-03")
    status.show_lock("A_very_long_packing_list_name_of_the_morning_wave_" * 3)
    assert all(label.minimumWidth() == SHRINK_TO for label in status.labels)
    assert window.minimumSizeHint().width() < status.lock_label.sizeHint().width()


def test_table_headers_are_shown_whole(qtbot: QtBot) -> None:
    grid = table("t", ["Оценени поръчки", "Средно с/бр."], [[540, 4.5]])
    qtbot.addWidget(grid)
    header = grid.horizontalHeader()
    for column in (0, 1):
        assert grid.columnWidth(column) >= header.sectionSizeFromContents(column).width()
