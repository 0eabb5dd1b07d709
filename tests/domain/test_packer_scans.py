"""PackerLogic scan outcomes: order labels, items, duplicates, and no lock-out after completion."""

from __future__ import annotations

from datetime import timedelta

import pytest

from packing_tool.domain.events import EventKind, Outcome
from packing_tool.domain.packer_views import OrderStatus
from tests.domain.packer_support import T0, W1, W2, Station, make_logic

LIST = {"#1001": [("SKU-A", 2), ("SKU-B", 1)], "#1002": [("SKU-C", 1)], "#1003": [("SKU-A", 1)]}
CODES = {"7290001": ["SKU-A"], "7290002": ["SKU-B"], "7290003": ["SKU-C"]}


@pytest.fixture
def station() -> Station:
    return Station(make_logic(LIST, CODES))


def test_order_label_loads_the_order_with_any_case_or_hash(station: Station) -> None:
    result = station.scan("#1001")
    assert result.outcome is Outcome.ORDER_LOADED
    assert result.order_number == "#1001"
    assert (result.order_packed, result.order_total) == (0, 3)
    assert station.logic.current_order is not None
    assert station.logic.current_order.status is OrderStatus.IN_PROGRESS
    station.skip()
    assert station.scan(" #1001 ").outcome is Outcome.ORDER_RESUMED


def test_item_scans_fill_lines_then_complete(station: Station) -> None:
    station.scan("1001")
    first = station.scan("7290001")
    assert (first.outcome, first.row, first.line_packed, first.line_required) == (
        Outcome.ITEM_OK, 0, 1, 2)
    assert first.sku == "SKU-A"
    assert station.scan("SKU-A").outcome is Outcome.ITEM_OK  # the SKU text scans too
    last = station.scan("7290002")
    assert last.outcome is Outcome.ORDER_COMPLETE
    assert last.order_completed
    assert (last.order_packed, last.order_total, last.orders_complete, last.orders_total) == (
        3, 3, 1, 3)
    assert station.logic.current_order is None
    assert station.logic.order("#1001").completed_by == W1


def test_next_scan_after_completion_is_an_order_label_at_once(station: Station) -> None:
    station.scan("1002")
    assert station.scan("7290003").outcome is Outcome.ORDER_COMPLETE
    # 50 ms later: no lock-out, nothing dropped.
    result = station.scan("1001", after=0.05)
    assert result.outcome is Outcome.ORDER_LOADED
    assert station.logic.current_order is not None


def test_order_not_found_and_item_barcode_hint(station: Station) -> None:
    missing = station.scan("9999")
    assert missing.outcome is Outcome.ORDER_NOT_FOUND
    assert "9999" in missing.detail
    item = station.scan("7290001")
    assert item.outcome is Outcome.ORDER_NOT_FOUND
    assert item.detail == "that is an item barcode; scan an order label first"
    assert station.logic.current_order is None
    assert station.logic.progress.units_packed == 0


def test_order_already_packed_says_when_and_by_whom(station: Station) -> None:
    station.scan("1002")
    done = station.scan("7290003")
    when = done.event.at.isoformat(timespec="seconds")
    station.handover(W2)
    again = station.scan("#1002")
    assert again.outcome is Outcome.ORDER_ALREADY_PACKED
    assert again.order_number == "#1002"
    assert again.detail == f"completed at {when} by Dolphin (worker_001)"
    assert station.logic.current_order is None


def test_colliding_order_keys_are_ambiguous_never_first_wins() -> None:
    station = Station(make_logic({"#A-1": [("X", 1)], "a-1": [("Y", 1)], "#2": [("Z", 1)]}))
    assert station.logic.ambiguous_orders == {"a-1": ("#A-1", "a-1")}
    result = station.scan("A-1")
    assert result.outcome is Outcome.ORDER_AMBIGUOUS
    assert "#A-1" in result.detail
    assert "a-1" in result.detail
    assert station.logic.current_order is None
    assert station.logic.find_order("A-1") is None
    assert station.scan("2").outcome is Outcome.ORDER_LOADED
    # Inside an order the ambiguous label is still another order's label.
    wrong = station.scan("#a-1")
    assert wrong.outcome is Outcome.WRONG_ITEM
    assert "#A-1, a-1" in wrong.detail


def test_same_sku_on_two_lines_fills_in_row_order() -> None:
    station = Station(make_logic({"#1": [("SKU-A", 1), ("SKU-B", 1), ("SKU-A", 2)]}))
    station.scan("1")
    rows = [station.scan("SKU-A").row for _ in range(2)]
    assert rows == [0, 2]
    assert station.scan("SKU-B").row == 1
    last = station.scan("SKU-A")
    assert (last.outcome, last.row, last.line_packed) == (Outcome.ORDER_COMPLETE, 2, 2)


def test_leading_zero_skus_stay_distinct() -> None:
    station = Station(make_logic({"#7": [("00123", 1), ("123", 1)]}, {"EAN1": ["00123"]}))
    station.scan("7")
    zero = station.scan("EAN1")
    assert (zero.row, zero.sku) == (0, "00123")
    plain = station.scan("123")
    assert (plain.outcome, plain.row, plain.sku) == (Outcome.ORDER_COMPLETE, 1, "123")


def test_barcode_meaning_several_skus_takes_the_first_open_line() -> None:
    station = Station(make_logic({"#5": [("B", 1), ("A", 1)]}, {"BOTH": ["A", "B"]}))
    station.scan("5")
    assert station.scan("BOTH").row == 0
    assert station.scan("BOTH", after=1).outcome is Outcome.ORDER_COMPLETE


def test_extra_item_blocks_completion_until_resolved(station: Station) -> None:
    station.scan("1001")
    for code in ("7290001", "7290001"):
        station.scan(code)
    extra = station.scan("7290001")
    assert (extra.outcome, extra.sku, extra.row) == (Outcome.EXTRA_ITEM, "SKU-A", 0)
    assert station.logic.pending_extras == {"SKU-A": 1}
    last_line = station.scan("7290002")
    assert last_line.outcome is Outcome.ITEM_OK  # all lines full, but an extra is pending
    assert station.logic.current_order is not None
    done = station.remove("SKU-A")
    assert done.outcome is Outcome.ORDER_COMPLETE
    assert done.event.kind is EventKind.EXTRA_REMOVE
    assert station.logic.order("#1001").extras_removed == {"SKU-A": 1}


def test_wrong_items_and_unknown_barcodes(station: Station) -> None:
    station.scan("1001")
    wrong = station.scan("7290003")
    assert wrong.outcome is Outcome.WRONG_ITEM
    assert "SKU-C is not in order #1001" in wrong.detail
    label = station.scan("#1002")
    assert label.outcome is Outcome.WRONG_ITEM
    assert "label of order #1002" in label.detail
    assert station.logic.current_order is not None
    assert station.logic.current_order.order_number == "#1001"  # never switched silently
    unknown = station.scan("no-such-code")
    assert unknown.outcome is Outcome.UNKNOWN_BARCODE
    view = station.logic.order("#1001")
    assert (view.wrong_scans, view.unknown_scans) == (2, 1)
    assert view.misscans == {"SKU-A": 3}  # the line expected next
    assert view.units_packed == 0


def test_own_label_and_empty_scans_are_refused_without_counting(station: Station) -> None:
    station.scan("1001")
    own = station.scan("#1001")
    assert own.outcome is Outcome.REFUSED
    assert station.scan("   ").outcome is Outcome.REFUSED
    view = station.logic.order("#1001")
    assert (view.wrong_scans, view.unknown_scans) == (0, 0)


def test_duplicate_read_inside_the_window_only(station: Station) -> None:
    station.scan("1001")
    station.scan("7290001")
    bounce = station.scan("7290001", after=0.1)
    assert bounce.outcome is Outcome.DUPLICATE_READ
    assert station.logic.order("#1001").units_packed == 1
    later = station.scan("7290001", after=0.2)
    assert later.outcome is Outcome.ITEM_OK
    assert station.logic.order("#1001").units_packed == 2
    # Another code right away is not a duplicate.
    assert station.scan("7290002", after=0.01).outcome is Outcome.ORDER_COMPLETE


def test_duplicate_read_of_the_last_unit_does_not_become_an_order_scan(station: Station) -> None:
    station.scan("1002")
    station.scan("7290003")
    assert station.scan("7290003", after=0.05).outcome is Outcome.DUPLICATE_READ
    assert station.scan("7290003", after=1).outcome is Outcome.ORDER_NOT_FOUND


def test_order_without_units_completes_as_it_loads() -> None:
    station = Station(make_logic({"#0": [("A", 0)], "#1": [("B", 1)]}))
    result = station.scan("0")
    assert result.outcome is Outcome.ORDER_COMPLETE
    assert station.logic.order("#0").status is OrderStatus.COMPLETE
    assert station.scan("1").outcome is Outcome.ORDER_LOADED


def test_decide_does_not_change_anything(station: Station) -> None:
    station.scan("1001")
    before = station.logic.current_order
    event = station.logic.decide(EventKind.SCAN, station.now + timedelta(seconds=1), *W1,
                                 code="7290001")
    assert event.outcome is Outcome.ITEM_OK
    assert event.seq == station.logic.last_seq + 1
    assert station.logic.current_order == before


def test_naive_times_are_rejected(station: Station) -> None:
    with pytest.raises(ValueError, match="time zone"):
        station.logic.decide(EventKind.SCAN, T0.replace(tzinfo=None), *W1, code="1001")


def test_label_of_a_packed_order_mid_order_is_a_wrong_item(station: Station) -> None:
    station.scan("1002")
    station.scan("7290003")
    station.scan("1001")
    result = station.scan("#1002")
    assert result.outcome is Outcome.WRONG_ITEM
    assert result.detail == "that is the label of order #1002, already packed"
