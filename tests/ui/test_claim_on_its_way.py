"""A label scan draws its order within a frame; its claim may still be on its way.

Station A holds an order. Station B scans the same label with a claim-answer budget of 0 s (so
its order opens before the share answers, as on a slow share): B's packer is told at once,
without scanning anything else, that the order is being packed at A, and the unit B scans
next is refused, naming A. Nothing of the order counts at B.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from packing_tool.domain.events import Outcome
from packing_tool.storage.generated import write_generated_session
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.packing_session import Worker
from packing_tool.storage.session_manager import ActiveList, SessionManager, SessionSettings
from packing_tool.ui.packer_mode import PackerMode
from packing_tool.ui.sounds import SoundPlayer
from tests.storage.test_ledger_stations import SESSION, _list_orders, _write_list

IVAN, MARIA = Worker("worker_001", "Иван Петров"), Worker("worker_002", "Мария Иванова")


@pytest.fixture
def stations(tmp_path: Path) -> Iterator[tuple[ActiveList, ActiveList, list[dict[str, object]]]]:
    root = tmp_path / "server"
    write_generated_session(root, "M", SESSION, "Courier", 4, seed=11)
    orders = _list_orders(root, SESSION, "Courier")
    _write_list(root, SESSION, "Overlap", orders)
    a = SessionManager(ShareLayout(root), IVAN, SessionSettings(debounce_seconds=0.0),
                       local_root=tmp_path / "pc-a")
    b = SessionManager(ShareLayout(root), MARIA,
                       SessionSettings(debounce_seconds=0.0, claim_answer_wait=0.0),
                       local_root=tmp_path / "pc-b")
    try:
        yield a.open("M", SESSION, "Courier"), b.open("M", SESSION, "Overlap"), orders
    finally:
        a.close()
        b.close()


def test_a_claim_lost_on_its_way_is_told_at_once_and_its_units_are_refused(
        qtbot: QtBot, stations: tuple[ActiveList, ActiveList, list[dict[str, object]]]) -> None:
    a_list, b_list, orders = stations
    order = orders[0]
    number = str(order["order_number"])
    assert a_list.session.scan(number.lstrip("#"), IVAN).outcome is Outcome.ORDER_LOADED
    assert a_list.ledger is not None
    assert a_list.ledger.flush(5.0)  # A's claim is on the share

    mode = PackerMode(b_list.session, MARIA, sounds=SoundPlayer(muted=True))
    qtbot.addWidget(mode)
    mode.show()
    mode.scan_input.setText(number.lstrip("#"))
    qtbot.keyClick(mode.scan_input, Qt.Key.Key_Return)
    # Opened before the answer came, or refused at once if it came first: either way the
    # banner names the order and station A within a moment, with no further scan.
    qtbot.waitUntil(lambda: mode.feedback.kind == "warn", timeout=5000)
    assert number in mode.feedback.title_text()
    assert IVAN.name in mode.feedback.detail_text()

    items = order["items"]
    assert isinstance(items, list)
    mode.scan_input.setText(str(items[0]["sku"]))
    qtbot.keyClick(mode.scan_input, Qt.Key.Key_Return)
    assert mode.feedback.kind == "warn"
    assert IVAN.name in mode.feedback.detail_text()
    progress = b_list.session.logic.progress
    assert (progress.orders_complete, progress.units_packed) == (0, 0)
    mode.close()
