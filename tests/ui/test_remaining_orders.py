"""Packer mode's remaining-orders panel: what is left to pack, what is held elsewhere, F4."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from packing_tool.domain.elsewhere import Elsewhere, Where
from packing_tool.domain.remaining import remaining_orders
from packing_tool.storage.packing_session import PackingSession
from packing_tool.ui.packer_mode import PackerMode
from packing_tool.ui.remaining_orders import COURIER, ITEMS, ORDER, TAGS
from tests.ui.conftest import scan

SOFIA = timezone(timedelta(hours=2))


def _pack(qtbot: QtBot, mode: PackerMode, number: str) -> None:
    order = next(o for o in mode.logic.packing_list.orders if o.order_number == number)
    scan(qtbot, mode, number)
    for line in order.lines:
        for _ in range(line.quantity):
            scan(qtbot, mode, line.sku)


def _row(mode: PackerMode, number: str) -> dict[int, str]:
    table = mode.remaining.table
    r = mode.remaining.numbers().index(number)
    return {c: table.item(r, c).text() for c in range(table.columnCount())}


def test_the_panel_lists_every_order_left_with_courier_and_items(
        qtbot: QtBot, packer: PackerMode) -> None:
    orders = packer.logic.packing_list.orders
    numbers = [o.order_number for o in orders]
    qtbot.waitUntil(lambda: packer.remaining.numbers() == numbers)
    first = orders[0]
    cells = _row(packer, first.order_number)
    assert cells[COURIER] == first.courier
    assert cells[ITEMS] == str(first.units)
    assert cells[TAGS] == ", ".join((*first.tags, *first.internal_tags))
    assert f"({len(numbers)})" in packer.remaining.title.text()

    _pack(qtbot, packer, first.order_number)
    qtbot.waitUntil(lambda: packer.remaining.numbers() == numbers[1:])  # packed: gone

    second = next(o for o in orders[1:] if o.units > 1)
    scan(qtbot, packer, second.order_number, second.lines[0].sku)
    qtbot.waitUntil(lambda: "open" in _row(packer, second.order_number)[ITEMS])
    packer.skip_order()
    qtbot.waitUntil(lambda: "set aside" in _row(packer, second.order_number)[ITEMS])
    assert _row(packer, second.order_number)[ITEMS].startswith(f"1 / {second.units}")


def test_orders_held_elsewhere_are_listed_apart(qtbot: QtBot, packer: PackerMode,
                                                dpd_session: PackingSession) -> None:
    number = packer.logic.packing_list.orders[2].order_number
    info = Elsewhere(Where.PACKED, "2026-11-21_2", "DHL_Singles", "PACK-02", "Иван",
                     datetime(2026, 11, 21, 10, 41, tzinfo=SOFIA))
    with dpd_session.lock:
        dpd_session.logic.set_elsewhere(number, info)
    assert packer.ledger.poll()  # what the ledger's refresh does every few seconds
    qtbot.waitUntil(lambda: packer.remaining.elsewhere_numbers() == [number])
    assert number not in packer.remaining.numbers()
    assert packer.remaining.elsewhere_table.isVisibleTo(packer)
    where = packer.remaining.elsewhere_table.item(0, 1).text()
    assert "DHL_Singles" in where
    assert "PACK-02" in where


def test_f4_hides_and_shows_the_panel_and_the_scan_field_keeps_focus(
        qtbot: QtBot, packer: PackerMode) -> None:
    assert packer.remaining.isVisible()
    qtbot.keyClick(packer.scan_input, Qt.Key.Key_F4)
    assert not packer.remaining.isVisible()
    assert packer.scan_input.text() == ""
    qtbot.keyClick(packer.scan_input, Qt.Key.Key_F4)
    assert packer.remaining.isVisible()
    assert packer.scan_input.hasFocus()
    table = packer.remaining.table
    assert table.item(0, ORDER).text() == packer.logic.packing_list.orders[0].order_number


def test_the_rows_come_from_the_logic_and_the_ledger(dpd_session: PackingSession) -> None:
    logic = dpd_session.logic
    orders = logic.packing_list.orders
    here, apart = remaining_orders(logic, {})
    assert [r.number for r in here] == [o.order_number for o in orders]
    assert apart == []
    info = Elsewhere(Where.PACKING, "2026-11-21_2", "DHL_Singles", "PACK-02", "", None)
    here, apart = remaining_orders(logic, {orders[0].order_number: info})
    assert [r.number for r in apart] == [orders[0].order_number]
    assert apart[0].elsewhere == info
    assert orders[0].order_number not in [r.number for r in here]
