"""`packing-tool simulate`: real lists packed headlessly through the engine, checked from the files.

Expectations come from the raw list JSON (tests/helpers/simulate_checks.py), facts from the
journal's lines, the summary file and the xlsx report, never from the engine's own views.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from packing_tool.domain.events import EventKind, Outcome
from packing_tool.domain.packer_views import OrderStatus
from packing_tool.simulate import simulate
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.packing_session import PackingSession, Worker
from shared.metadata_utils import session_summary_errors
from tests.conftest import SHOPIFY_SERVER
from tests.helpers.simulate_checks import (
    ENTRY_POINT,
    Expected,
    check_packed_exactly,
    expected_from,
    last_json,
    list_file,
    read_journal,
    run_cli,
    simulate_args,
    work_dir,
    writable_copy,
)

SESSION = "2026-11-21_1"
FIXTURE_LISTS = [("M", "DHL_Orders"), ("M", "DPD_Orders"), ("M", "PostOne_Orders"),
                 ("B", "DHL"), ("B", "Speedy"), ("B", "Econt")]
SIMULATED = {"order_loaded", "order_resumed", "item_ok", "order_complete"}
TESTER = Worker("worker_900", "Тестер")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return writable_copy(SHOPIFY_SERVER, tmp_path / "server")


def _pack(root: Path, client: str, list_name: str, *, via_cli: bool,
          complete: bool = True) -> dict[str, object]:
    if via_cli:
        proc = run_cli(*simulate_args(root, client, SESSION, list_name, complete=complete))
        assert proc.returncode == 0, proc.stderr
        return last_json(proc.stdout)
    return simulate(root, client, SESSION, list_name, "Симулатор", complete=complete)


def _check_result(result: dict[str, object], expected: Expected, *, scans: int) -> None:
    assert result["orders_packed"] == result["orders_total"] == len(expected.orders)
    assert result["items_packed"] == result["items_total"] == expected.units
    assert result["scans"] == scans
    assert result["unpackable_orders"] == []


def _check_summary(folder: Path, expected: Expected) -> None:
    summary = json.loads((folder / "session_summary.json").read_text(encoding="utf-8"))
    assert session_summary_errors(summary) == []
    assert summary["total_orders"] == summary["completed_orders"] == len(expected.orders)
    assert summary["total_items"] == summary["packed_items"] == expected.units
    assert summary["in_progress_orders"] == 0
    assert summary["skipped_orders"] == []
    by_order = {o["order_number"]: o for o in summary["orders"]}
    assert len(by_order) == len(summary["orders"])
    assert set(by_order) == expected.orders
    for number, order in by_order.items():
        assert order["items_count"] == expected.order_units(number)
        assert sum(item["quantity"] for item in order["items"]) == expected.order_units(number)


def _check_report(folder: Path, expected: Expected) -> None:
    book = load_workbook(folder / "reports" / "packing_completed.xlsx", read_only=True)
    try:
        rows = list(book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()
    header, body = rows[0], rows[1:]
    col = {name: header.index(name) for name in ("Order_Number", "Status", "SKU", "Quantity",
                                                  "Packed")}
    assert len(body) == sum(len(rows) for rows in expected.lines.values())
    assert {row[col["Status"]] for row in body} == {"Completed"}
    assert all(row[col["Packed"]] == row[col["Quantity"]] for row in body)
    got = Counter((row[col["Order_Number"]], str(row[col["SKU"]]), row[col["Quantity"]])
                  for row in body)
    wanted = Counter((number, expected.skus[number, r], q)
                     for number, lines in expected.lines.items() for r, q in lines.items())
    assert got == wanted


def _check_everything(root: Path, client: str, list_name: str, result: dict[str, object]
                      ) -> None:
    expected = expected_from(list_file(root, client, SESSION, list_name))
    assert expected.orders, "the fixture list has orders to pack"
    _check_result(result, expected, scans=len(expected.orders) + expected.units)
    folder = work_dir(root, client, SESSION, list_name)
    facts = read_journal(folder / "scan_journal.jsonl")
    check_packed_exactly(facts, expected)
    assert set(facts.outcomes) <= SIMULATED, facts.outcomes
    _check_summary(folder, expected)
    _check_report(folder, expected)


# --------------------------------------------------------------------------- whole lists


@pytest.mark.parametrize(("client", "list_name"), FIXTURE_LISTS)
def test_fixture_list_packs_to_completion_through_the_entry_point(
        root: Path, client: str, list_name: str) -> None:
    assert ENTRY_POINT.is_file()
    result = _pack(root, client, list_name, via_cli=True)
    assert result["completed"] is True
    _check_everything(root, client, list_name, result)


def test_every_fixture_list_of_both_clients_in_one_share_in_process(root: Path) -> None:
    for client, list_name in FIXTURE_LISTS:
        result = _pack(root, client, list_name, via_cli=False)
        _check_everything(root, client, list_name, result)


@pytest.mark.parametrize(("client", "via_cli"), [("M", True), ("B", False)])
def test_full_session_packs_every_fulfillable_order_of_the_analysis(
        root: Path, client: str, via_cli: bool) -> None:
    assert not (root / "Sessions" / f"CLIENT_{client}" / SESSION / "packing").exists()
    result = _pack(root, client, "full_session", via_cli=via_cli)
    _check_everything(root, client, "full_session", result)


# --------------------------------------------------------------------------- resume


@pytest.mark.parametrize(("partial", "left"), [("#48218", "open"), ("#48221", "skipped")])
def test_resume_after_a_half_packed_list_counts_every_unit_once(
        root: Path, partial: str, left: str) -> None:
    session = PackingSession(ShareLayout(root), "M", SESSION, "DPD_Orders",
                             debounce_seconds=0.0)
    try:
        assert session.scan("48212", TESTER).outcome is Outcome.ORDER_LOADED
        assert session.scan("MC-SER-102-30", TESTER).outcome is Outcome.ORDER_COMPLETE
        assert session.scan("48215", TESTER).outcome is Outcome.ORDER_LOADED
        assert session.scan("MC-BDY-801-250", TESTER).outcome is Outcome.ORDER_COMPLETE
        assert session.scan(partial.lstrip("#"), TESTER).outcome is Outcome.ORDER_LOADED
        first_skus = {"#48218": ["MC-ACC-014-RL", "MC-MSK-503-01"],
                      "#48221": ["MC-MSK-502-01", "MC-MSK-502-01"]}[partial]
        for sku in first_skus:
            assert session.scan(sku, TESTER).outcome is Outcome.ITEM_OK
        if left == "skipped":
            assert session.act(EventKind.SKIP, TESTER).outcome is Outcome.ORDER_SKIPPED
        view = session.logic.order(partial)
        assert view.units_packed == 2
        assert view.status is (OrderStatus.SKIPPED if left == "skipped"
                               else OrderStatus.IN_PROGRESS)
    finally:
        session.close()
    folder = work_dir(root, "M", SESSION, "DPD_Orders")
    before = (folder / "scan_journal.jsonl").read_bytes()
    partial_seqs = [e["seq"] for e in read_journal(folder / "scan_journal.jsonl").events
                    if e["order"] == partial and e["outcome"] == "item_ok"]
    assert len(partial_seqs) == 2

    expected = expected_from(list_file(root, "M", SESSION, "DPD_Orders"))
    untouched = expected.orders - {"#48212", "#48215", partial}
    remaining = expected.units - 1 - 1 - 2
    proc = run_cli(*simulate_args(root, "M", SESSION, "DPD_Orders", complete=True))
    assert proc.returncode == 0, proc.stderr
    result = last_json(proc.stdout)
    _check_result(result, expected,
                  scans=len(untouched) + (left == "skipped") + remaining)

    after = (folder / "scan_journal.jsonl").read_bytes()
    assert after.startswith(before), "the earlier scans must stay as they were"
    facts = read_journal(folder / "scan_journal.jsonl")
    check_packed_exactly(facts, expected)
    counted = [e["seq"] for e in facts.events if e["order"] == partial
               and e["outcome"] in ("item_ok", "order_complete")]
    assert counted[:2] == partial_seqs
    assert len(counted) == expected.order_units(partial)
    loads = [e["outcome"] for e in facts.events if e["order"] == partial
             and e["outcome"] in ("order_loaded", "order_resumed")]
    assert loads == (["order_loaded", "order_resumed"] if left == "skipped"
                     else ["order_loaded"])
    _check_summary(folder, expected)
    _check_report(folder, expected)


# --------------------------------------------------------------------------- already complete


def _files(folder: Path) -> dict[str, bytes]:
    """The list's data files (the lock's own files record who opened it, which is a change)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and not p.name.startswith((".session.lock", "lock_history"))}


@pytest.mark.parametrize("complete_again", [True, False])
def test_a_complete_list_is_left_exactly_as_it_is(root: Path, complete_again: bool) -> None:
    first = run_cli(*simulate_args(root, "B", SESSION, "Econt", complete=True))
    assert first.returncode == 0, first.stderr
    folder = work_dir(root, "B", SESSION, "Econt")
    before = _files(folder)
    assert {"scan_journal.jsonl", "session_summary.json"} <= set(before)

    again = run_cli(*simulate_args(root, "B", SESSION, "Econt", "Друг", complete=complete_again))
    assert again.returncode == 0, again.stderr
    result = last_json(again.stdout)
    assert result["scans"] == 0
    assert result["orders_packed"] == result["orders_total"] == last_json(
        first.stdout)["orders_total"]
    after = _files(folder)
    assert after["scan_journal.jsonl"] == before["scan_journal.jsonl"]
    assert after["session_summary.json"] == before["session_summary.json"]
    assert after == before


# --------------------------------------------------------------------------- bad input


def test_a_missing_root_is_refused_and_named(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    proc = run_cli(*simulate_args(missing, "M", SESSION, "DHL_Orders"))
    assert proc.returncode == 2
    assert str(missing) in proc.stderr
    assert proc.stdout == ""
    assert not missing.exists()


@pytest.mark.parametrize(("client", "session", "list_name", "named"), [
    ("M", SESSION, "Nope_Orders", "Nope_Orders"),
    ("M", "2026-11-21_9", "DHL_Orders", "2026-11-21_9"),
    ("../x", SESSION, "DHL_Orders", "../x"),
    ("M", SESSION, "../DHL_Orders", "../DHL_Orders"),
    ("M", "..", "DHL_Orders", "'..'"),
])
def test_bad_names_are_refused_and_named(root: Path, client: str, session: str,
                                         list_name: str, named: str) -> None:
    before = set(root.parent.rglob("*"))
    proc = run_cli(*simulate_args(root, client, session, list_name))
    assert proc.returncode == 2, proc.stdout
    assert named in proc.stderr
    assert proc.stdout == ""
    new = set(root.parent.rglob("*")) - before
    # The worker profile may be created; nothing under Sessions or outside the root may.
    assert {p for p in new if "Workers" not in p.relative_to(root.parent).parts} == set()


def test_full_session_is_refused_once_a_list_has_scans(root: Path) -> None:
    packed = run_cli(*simulate_args(root, "M", SESSION, "DPD_Orders"))
    assert packed.returncode == 0, packed.stderr
    proc = run_cli(*simulate_args(root, "M", SESSION, "full_session"))
    assert proc.returncode == 2
    assert "DPD_Orders" in proc.stderr
    assert "full-session" in proc.stderr
    assert proc.stdout == ""
    journal = work_dir(root, "M", SESSION, "full_session") / "scan_journal.jsonl"
    assert not journal.exists() or journal.stat().st_size == 0


def test_a_list_is_refused_once_full_session_has_scans(root: Path) -> None:
    packed = run_cli(*simulate_args(root, "B", SESSION, "full_session"))
    assert packed.returncode == 0, packed.stderr
    proc = run_cli(*simulate_args(root, "B", SESSION, "Speedy"))
    assert proc.returncode == 2
    assert "full-session mode" in proc.stderr
    journal = work_dir(root, "B", SESSION, "Speedy") / "scan_journal.jsonl"
    assert not journal.exists() or journal.stat().st_size == 0


# --------------------------------------------------------------------------- older packer


LEGACY_SESSION = "2026-02-20_1"


def _legacy_list() -> dict[str, object]:
    def order(number: str, *items: tuple[str, str, int]) -> dict[str, object]:
        return {"order_number": number, "order_type": "Multi" if len(items) > 1 else "Single",
                "courier": "DHL", "order_fulfillment_status": "Fulfillable",
                "status": "Fulfillable", "destination_country": "BG",
                "items": [{"sku": sku, "product_name": name, "quantity": q,
                           "order_fulfillment_status": "Fulfillable"} for sku, name, q in items]}

    return {"session_id": LEGACY_SESSION, "created_at": "2026-11-21T05:28:00+00:00",
            "total_orders": 3, "total_items": 6, "orders": [
                order("#1001", ("SKU-A", "Cream", 1), ("SKU-B", "Serum", 2)),
                order("#1002", ("SKU-A", "Cream", 1)),
                order("#1003", ("SKU-C", "Mask", 2))]}


def _legacy_state() -> dict[str, object]:
    """The example of anchor-packers-assistant.md §2.3 (its ``…`` filled in, and #1002, which
    its progress block counts as completed, written in the older packer's fallback form)."""
    return {
        "version": "1.3.0", "session_id": LEGACY_SESSION, "client_id": "M",
        "packing_list_name": "DHL_Orders",
        "started_at": "2026-11-21T05:28:41.610038+00:00",
        "last_updated": "2026-11-21T05:28:41.622769+00:00",
        "status": "in_progress", "pc_name": "Unknown",
        "progress": {"total_orders": 3, "completed_orders": 2, "in_progress_order": None,
                     "total_items": 6, "packed_items": 5},
        "in_progress": {"#1003": [{"original_sku": "SKU-C", "normalized_sku": "skuc",
                                   "required": 2, "packed": 1, "row": 0}]},
        "_current_extras": {},
        "completed": [
            {"order_number": "#1001", "started_at": "2026-11-21T05:28:41.610635+00:00",
             "completed_at": "2026-11-21T05:28:41.613795+00:00", "duration_seconds": 0,
             "items_count": 3,
             "items": [
                 {"sku": "skua", "title": "Cream", "quantity": 1, "row": 0,
                  "scanned_at": "2026-11-21T05:28:41.610796+00:00",
                  "time_from_order_start_seconds": 0, "confirmation_method": "scanned",
                  "time_to_first_scan_seconds": 0},
                 {"sku": "skub", "title": "Serum", "quantity": 1, "row": 1,
                  "scanned_at": "2026-11-21T05:28:41.611000+00:00",
                  "time_from_order_start_seconds": 0, "confirmation_method": "scanned"}],
             "corrections": 0, "extra_scans_count": 1, "unknown_scans_count": 1,
             "time_to_first_scan_seconds": 0},
            {"order_number": "#1002", "completed_at": "2026-11-21T05:28:41.615000+00:00",
             "items_count": 1},
        ],
        "skipped_orders": ["#1003"],
        "skipped_orders_timing": {"#1003": "2026-11-21T05:28:41.620526+00:00"},
    }


def test_an_older_packers_state_is_imported_and_then_finished(root: Path) -> None:
    session_dir = root / "Sessions" / "CLIENT_M" / LEGACY_SESSION
    (session_dir / "packing_lists").mkdir(parents=True)
    (session_dir / "packing_lists" / "DHL_Orders.json").write_text(
        json.dumps(_legacy_list(), ensure_ascii=False), encoding="utf-8")
    folder = work_dir(root, "M", LEGACY_SESSION, "DHL_Orders")
    folder.mkdir(parents=True)
    (folder / "packing_state.json").write_text(json.dumps(_legacy_state(), indent=2),
                                               encoding="utf-8")

    session = PackingSession(ShareLayout(root), "M", LEGACY_SESSION, "DHL_Orders")
    try:
        logic = session.logic
        assert logic.order("#1001").status is OrderStatus.COMPLETE
        assert logic.order("#1002").status is OrderStatus.COMPLETE
        third = logic.order("#1003")
        assert third.status is OrderStatus.SKIPPED
        assert [(line.packed, line.required) for line in third.lines] == [(1, 2)]
        assert logic.current_order is None
        assert (logic.progress.orders_complete, logic.progress.units_packed) == (2, 5)
    finally:
        session.close()
    imported = read_journal(folder / "scan_journal.jsonl")
    assert imported.events, "the import is written to the journal"

    proc = run_cli(*simulate_args(root, "M", LEGACY_SESSION, "DHL_Orders", complete=True))
    assert proc.returncode == 0, proc.stderr
    result = last_json(proc.stdout)
    assert (result["orders_packed"], result["orders_total"]) == (3, 3)
    assert (result["items_packed"], result["items_total"]) == (6, 6)
    assert result["scans"] == 2  # #1003's label and its last unit

    expected = expected_from(list_file(root, "M", LEGACY_SESSION, "DHL_Orders"))
    facts = read_journal(folder / "scan_journal.jsonl")
    check_packed_exactly(facts, expected, one_event_per_unit=False)
    assert facts.events[:len(imported.events)] == imported.events
    third_events = [(e["kind"], e["outcome"], e.get("quantity", 0)) for e in facts.events
                    if e["order"] == "#1003" and e["outcome"] in
                    ("manual_confirmed", "item_ok", "order_complete")]
    assert third_events == [("manual", "manual_confirmed", 1), ("scan", "order_complete", 1)]
    _check_summary(folder, expected)
    _check_report(folder, expected)
