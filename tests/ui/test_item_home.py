"""Wrong-item and not-found banners say which order of this list the scanned item belongs to."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from packing_tool.domain.events import Outcome
from packing_tool.domain.orders import Order
from packing_tool.domain.whereabouts import item_home
from packing_tool.storage.packing_session import PackingSession
from packing_tool.ui.packer_mode import PackerMode
from tests.ui.conftest import EAN, PACKER, scan


def _pair(mode: PackerMode) -> tuple[Order, Order, str]:
    """Two orders and a SKU that only the second one (of the two) has."""
    orders = mode.logic.packing_list.orders
    for a in orders:
        mine = {line.sku for line in a.lines}
        for b in orders:
            foreign = [line.sku for line in b.lines if line.sku not in mine and line.sku in EAN]
            if b is not a and foreign:
                return a, b, foreign[0]
    raise AssertionError("the DPD list has no such pair")


def test_a_wrong_item_names_the_order_it_belongs_to(qtbot: QtBot, packer: PackerMode) -> None:
    a, b, sku = _pair(packer)
    results = []
    packer.scanProcessed.connect(results.append)
    scan(qtbot, packer, a.order_number, EAN[sku])  # its barcode, not its SKU text
    assert results[-1].outcome is Outcome.WRONG_ITEM
    detail = packer.feedback.detail_text()
    assert f"belongs to order {b.order_number} of this list" in detail
    assert a.order_number not in detail.split("belongs to")[1]  # never the open order


def test_an_item_scanned_for_a_label_names_its_order(qtbot: QtBot, packer: PackerMode) -> None:
    _, b, sku = _pair(packer)
    results = []
    packer.scanProcessed.connect(results.append)
    scan(qtbot, packer, EAN[sku])
    assert results[-1].outcome is Outcome.ORDER_NOT_FOUND
    assert b.order_number in packer.feedback.detail_text()
    assert "scan that order's label first" in packer.feedback.detail_text()


def test_packed_orders_no_longer_need_the_item(dpd_session: PackingSession) -> None:
    logic = dpd_session.logic
    order = logic.packing_list.orders[0]
    sku = order.lines[0].sku
    home = item_home(logic, sku, None)
    assert home is not None
    assert order.order_number in home.needing
    dpd_session.scan(order.order_number, PACKER)
    for line in order.lines:
        for _ in range(line.quantity):
            dpd_session.scan(line.sku, PACKER)
    home = item_home(logic, sku, None)
    assert home is not None
    assert order.order_number not in home.needing
    assert order.order_number in home.packed
    assert item_home(logic, "no-such-code", None) is None
