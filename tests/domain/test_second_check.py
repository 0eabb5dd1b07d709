"""A second pair of eyes: flag rules, the check itself, its skip, and a replay of the journal."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from packing_tool.domain.events import EventKind, Outcome, ScanEvent
from packing_tool.domain.orders import Order, OrderLine
from packing_tool.domain.packer_views import OrderStatus
from packing_tool.domain.second_check import (
    SecondCheckRules,
    SecondChecks,
    amount,
    parse_worker_code,
    sampled,
    skipped_checks,
    worker_code,
)
from packing_tool.domain.summary import build_summary
from tests.domain.packer_support import T0, W1, W2, Station, make_logic

W3 = ("worker_003", "Beluga")


def _order(number: str, *, tags: tuple[str, ...] = (), internal: tuple[str, ...] = (),
           skus: tuple[str, ...] = ("A",), extra: dict[str, str] | None = None) -> Order:
    return Order(number, tuple(OrderLine(i, s, s, 1) for i, s in enumerate(skus)),
                 tags=tags, internal_tags=internal, extra=extra or {})


def _checked(orders: dict[str, list[tuple[str, int]]], rules: SecondCheckRules) -> Station:
    logic = make_logic(orders)
    logic.second_checks.configure(rules, "M")
    return Station(logic)


def _check(station: Station, code: str, checker: tuple[str, str]) -> object:
    return station.act(EventKind.SECOND_CHECK, code=code, checker=checker)


# --------------------------------------------------------------------------- flag rules


def test_value_rule_flags_orders_at_or_above_the_threshold_when_the_list_has_prices() -> None:
    orders = [_order("#1", extra={"Total": "499,99 лв"}), _order("#2", extra={"Total": "500"}),
              _order("#3", extra={"total_price": "1 234,50"}), _order("#4")]
    checks = SecondChecks(orders)
    checks.configure(SecondCheckRules(min_order_value=500), "M")
    assert checks.prices
    assert not checks.value_rule_inactive
    assert [bool(checks.flags(o)) for o in orders] == [False, True, True, False]
    assert checks.flags(orders[2])[0].kind == "value"
    assert checks.flags(orders[2])[0].value == "1234.50"


def test_value_rule_is_inactive_when_the_list_has_no_prices() -> None:
    orders = [_order("#1", tags=("VIP",)), _order("#2")]
    checks = SecondChecks(orders)
    checks.configure(SecondCheckRules(min_order_value=0), "M")
    assert checks.value_rule_inactive
    assert [checks.flags(o) for o in orders] == [(), ()]


def test_tag_rule_matches_tags_and_internal_tags_in_any_case() -> None:
    orders = [_order("#1", tags=("vip",)), _order("#2", internal=("HIGH_VALUE",)),
              _order("#3", tags=("Gift",))]
    checks = SecondChecks(orders)
    checks.configure(SecondCheckRules(tags=("VIP", "high_value")), "M")
    assert [[f.value for f in checks.flags(o)] for o in orders] == [["vip"], ["HIGH_VALUE"], []]


def test_sku_rule_flags_orders_holding_a_listed_sku() -> None:
    orders = [_order("#1", skus=("A", "GOLD")), _order("#2", skus=("A", "B"))]
    checks = SecondChecks(orders)
    checks.configure(SecondCheckRules(skus=("GOLD",)), "M")
    assert [[(f.kind, f.value) for f in checks.flags(o)] for o in orders] == [
        [("sku", "GOLD")], []]


def test_sample_is_the_same_on_every_station_and_about_the_share_asked() -> None:
    numbers = [f"#{48000 + n}" for n in range(4000)]
    picked = [n for n in numbers if sampled("M", n, 5)]
    # Another station (and a resume) picks the same orders; the label's form does not matter.
    assert picked == [n for n in numbers if sampled(" m ", n.lstrip("#"), 5)]
    assert 0.035 < len(picked) / len(numbers) < 0.065
    assert picked != [n for n in numbers if sampled("B", n, 5)]  # per client
    assert not any(sampled("M", n, 0) for n in numbers[:200])
    assert all(sampled("M", n, 100) for n in numbers[:200])


def test_rules_from_the_client_file_keep_good_values_and_name_bad_ones() -> None:
    rules, problems = SecondCheckRules.from_dict(
        {"min_order_value": "lots", "tags": ["VIP", " Fragile "], "skus": "GOLD",
         "sample_percent": 250})
    assert rules == SecondCheckRules(tags=("VIP", "Fragile"))
    assert len(problems) == 3
    assert SecondCheckRules.from_dict(None) == (SecondCheckRules(), [])
    assert not SecondCheckRules().active
    good = SecondCheckRules(500.0, ("VIP",), ("GOLD",), 5.0)
    assert SecondCheckRules.from_dict(good.to_dict()) == (good, [])


def test_worker_codes_and_amounts() -> None:
    assert parse_worker_code(worker_code("worker_002")) == "worker_002"
    assert parse_worker_code(" wrk:7 ") == "worker_007"
    assert parse_worker_code("WRK:") is None
    assert parse_worker_code("3800601000006") is None
    assert amount("1.234,50 EUR") == 1234.5
    assert amount("1,234.50") == 1234.5
    assert amount("n/a") is None


# --------------------------------------------------------------------------- the check


def test_a_flagged_order_waits_for_a_second_worker_and_the_packer_cannot_confirm() -> None:
    station = _checked({"#1": [("A", 1), ("GOLD", 1)], "#2": [("A", 1)]},
                       SecondCheckRules(skus=("GOLD",)))
    station.scan("1")
    station.scan("A")
    last = station.scan("GOLD")
    assert last.outcome is Outcome.ITEM_OK
    assert not last.order_completed
    assert station.logic.current_order is not None  # still open: not complete
    assert station.scan("1").outcome is Outcome.REFUSED  # the label alone does nothing
    own = _check(station, "1", W1)
    assert own.outcome is Outcome.REFUSED
    assert "another worker" in own.event.detail
    assert _check(station, "1", ("", "")).outcome is Outcome.REFUSED  # no card scanned
    assert _check(station, "2", W2).outcome is Outcome.REFUSED  # another order's label
    done = _check(station, "#1", W2)
    assert done.outcome is Outcome.ORDER_COMPLETE
    assert done.order_completed
    assert done.event.worker_id == W1[0]
    assert done.event.checker_id == W2[0]
    assert station.logic.order("#1").status is OrderStatus.COMPLETE
    assert station.logic.order("#1").completed_by == W1  # the packer packed it
    record = station.logic.second_checks.record_of("#1")
    assert record is not None
    assert (record.checker_id, record.skipped) == (W2[0], False)
    # An order that is not flagged completes as always.
    station.scan("2")
    assert station.scan("A").outcome is Outcome.ORDER_COMPLETE


def test_everyone_who_packed_part_of_the_order_is_excluded() -> None:
    station = _checked({"#1": [("A", 2)]}, SecondCheckRules(skus=("A",)))
    station.scan("1")
    station.scan("A")
    station.skip()
    station.worker = W2
    station.act(EventKind.HANDOVER)
    station.scan("1")
    station.scan("A")
    assert _check(station, "1", W1).outcome is Outcome.REFUSED  # packed the first unit
    assert _check(station, "1", W2).outcome is Outcome.REFUSED  # at the station now
    assert _check(station, "1", W3).outcome is Outcome.ORDER_COMPLETE


def test_a_check_before_every_unit_is_packed_is_refused_and_apply_refuses_it_too() -> None:
    station = _checked({"#1": [("A", 2)]}, SecondCheckRules(sample_percent=100))
    station.scan("1")
    station.scan("A")
    early = _check(station, "1", W2)
    assert early.outcome is Outcome.REFUSED
    assert "not fully packed" in early.event.detail
    event = station.logic.decide(EventKind.SECOND_CHECK, station.now + timedelta(seconds=1),
                                 *W1, code="1", checker=W2)
    with pytest.raises(ValueError, match="not packed yet"):
        station.logic.apply(replace(event, outcome=Outcome.ORDER_COMPLETE, order="#1"))


def test_skipping_the_check_needs_a_reason_and_is_recorded() -> None:
    station = _checked({"#1": [("A", 1)]}, SecondCheckRules(tags=(), skus=("A",)))
    station.scan("1")
    station.scan("A")
    blank = station.act(EventKind.SECOND_CHECK_SKIPPED, reason="  ")
    assert blank.outcome is Outcome.REFUSED
    assert station.logic.current_order is not None
    skipped = station.act(EventKind.SECOND_CHECK_SKIPPED, reason="Only one person on shift")
    assert skipped.outcome is Outcome.ORDER_COMPLETE
    assert skipped.order_completed
    record = station.logic.second_checks.record_of("#1")
    assert record is not None
    assert record.skipped
    assert record.reason == "Only one person on shift"
    assert [e.order for e in skipped_checks(station.journal)] == ["#1"]


def test_undo_and_extras_keep_the_order_waiting_until_its_lines_are_right_again() -> None:
    station = _checked({"#1": [("A", 1)]}, SecondCheckRules(skus=("A",)))
    station.scan("1")
    station.scan("A")
    assert station.scan("A").outcome is Outcome.EXTRA_ITEM
    assert _check(station, "1", W2).outcome is Outcome.REFUSED  # an extra is pending
    assert station.act(EventKind.EXTRA_REMOVE, code="A").outcome is Outcome.EXTRA_REMOVED
    station.undo()  # the extra is pending again
    station.undo()  # and the unit is out of the box
    assert station.scan("A").outcome is Outcome.ITEM_OK
    assert _check(station, "1", W2).outcome is Outcome.REFUSED  # the extra is still pending
    removed = station.act(EventKind.EXTRA_REMOVE, code="A")
    assert removed.outcome is Outcome.EXTRA_REMOVED
    assert not removed.order_completed
    assert _check(station, "1", W2).outcome is Outcome.ORDER_COMPLETE


def test_a_repacked_order_is_checked_again() -> None:
    station = _checked({"#1": [("A", 1)]}, SecondCheckRules(skus=("A",)))
    station.scan("1")
    station.scan("A")
    _check(station, "1", W2)
    station.act(EventKind.REPACK, code="1", reason="Parcel damaged")
    assert station.logic.second_checks.record_of("#1") is None
    assert station.scan("A").outcome is Outcome.ITEM_OK
    assert _check(station, "1", W3).outcome is Outcome.ORDER_COMPLETE


# --------------------------------------------------------------------------- journal


def test_replay_rebuilds_the_checks_whatever_the_rules_are_by_then() -> None:
    station = _checked({"#1": [("A", 1)], "#2": [("A", 1)], "#3": [("A", 2)]},
                       SecondCheckRules(sample_percent=100))
    for number, finish in (("1", "check"), ("2", "skip")):
        station.scan(number)
        station.scan("A")
        if finish == "check":
            _check(station, number, W2)
        else:
            station.act(EventKind.SECOND_CHECK_SKIPPED, reason="Supervisor looked")
    station.scan("3")
    station.scan("A")
    station.scan("A")  # waits for its check
    lines = [event.to_dict() for event in station.journal]
    fresh = make_logic({"#1": [("A", 1)], "#2": [("A", 1)], "#3": [("A", 2)]})  # no rules
    for line in lines:
        fresh.apply(ScanEvent.from_dict(line))
    assert [fresh.order(n).status for n in ("#1", "#2", "#3")] == [
        OrderStatus.COMPLETE, OrderStatus.COMPLETE, OrderStatus.IN_PROGRESS]
    assert fresh.current_order is not None
    assert fresh.current_order.order_number == "#3"
    checks = fresh.second_checks
    one, two = checks.record_of("#1"), checks.record_of("#2")
    assert one is not None
    assert (one.checker_id, one.checker_name) == W2
    assert two is not None
    assert two.skipped
    assert two.reason == "Supervisor looked"
    # The waiting order can still be checked after the resume, rules or not.
    event = fresh.decide(EventKind.SECOND_CHECK, station.now + timedelta(seconds=5), *W1,
                         code="3", checker=W3)
    assert fresh.apply(event).order_completed


def test_old_journal_lines_still_read_and_the_summary_records_the_checks() -> None:
    old = {"seq": 1, "kind": "scan", "at": T0.isoformat(), "worker_id": W1[0],
           "worker_name": W1[1], "outcome": "order_loaded", "code": "1", "order": "#1"}
    event = ScanEvent.from_dict(old)
    assert (event.checker_id, event.checker_name) == ("", "")
    assert "checker_id" not in event.to_dict()
    station = _checked({"#1": [("A", 1)], "#2": [("A", 1)], "#3": [("B", 1)]},
                       SecondCheckRules(skus=("A",)))
    station.scan("1")
    station.scan("A")
    station.act(EventKind.SECOND_CHECK_SKIPPED, reason="Checker ill")
    station.scan("2")
    station.scan("A")
    _check(station, "2", W2)
    station.scan("3")
    station.scan("B")
    summary = build_summary(
        station.logic, session_id="s", client_id="M", packing_list_name="DHL",
        packing_list_path="", session_type="shopify", worker_pc="PC", user_name="u",
        started_at=T0, completed_at=station.now)
    assert (summary["second_checks_count"], summary["second_checks_skipped_count"]) == (1, 1)
    marks = {o["order_number"]: o.get("second_check") for o in summary["orders"]}
    assert marks["#1"] is not None
    assert marks["#1"]["status"] == "skipped"
    assert marks["#1"]["reason"] == "Checker ill"
    assert marks["#2"] is not None
    assert marks["#2"]["checker_name"] == W2[1]
    assert marks["#2"]["at"] == station.journal[-3].at.isoformat()
    assert marks["#3"] is None
