"""One physical order is packed once, checked from the outside (issue 12): station processes
named by ``--station``, ``PACKING_TOOL_STATION`` and the station's Settings; a singles list
filtered out of a courier's list by the Shopify Tool's own rule (``order_type == "Single"``)
plus a next-day copy; and an offline conflict as ``packing-tool verify`` and the Session
Browser's rows tell it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from packing_tool.domain.barcodes import order_key
from packing_tool.storage.index_rows import load_rows
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.ledger_entry import Mark
from packing_tool.storage.order_ledger import Claim, FileOrderLedger
from packing_tool.storage.packing_session import Worker
from packing_tool.storage.session_manager import SessionManager, SessionSettings
from packing_tool.ui.browser_model import Cells
from packing_tool.ui.browser_texts import describe
from shared.timestamps import now
from tests.conftest import SHOPIFY_SERVER
from tests.helpers.simulate_checks import ENTRY_POINT, last_json, writable_copy

SESSION, NEXT_DAY = "2026-11-21_1", "2026-11-22_1"


def _lists(root: Path, session: str) -> Path:
    return ShareLayout(root).packing_lists_dir("M", session)


def _read(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


def _env(tmp_path: Path, home: str, **more: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PACKING_TOOL_STATION"}
    return {**env, "PACKING_TOOL_HOME": str(tmp_path / home), **more}


def _command(root: Path, *args: str) -> list[str]:
    return [str(ENTRY_POINT), "--root", str(root), *args]


def _simulate(root: Path, session: str, list_name: str, worker: str, *more: str) -> list[str]:
    return _command(root, "simulate", "--client", "M", "--session", session, "--list",
                    list_name, "--worker", worker, "--complete", *more)


def _finish(proc: subprocess.Popen[str]) -> dict[str, Any]:
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    return last_json(out)


def _shopify_singles(root: Path) -> list[str]:
    """DHL_Singles as the Shopify Tool writes it: the courier's rows filtered by
    ``order_type == "Single"`` (Not Fulfillable orders stay in the JSON), same file layout."""
    source = _read(_lists(root, SESSION) / "DHL_Orders.json")
    singles = [o for o in source["orders"] if o["order_type"] == "Single"]
    doc = {**source, "total_orders": len(singles),
           "total_items": sum(i["quantity"] for o in singles for i in o["items"]),
           "orders": singles}
    (_lists(root, SESSION) / "DHL_Singles.json").write_text(
        json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return [o["order_number"] for o in singles]


def _next_day_copy(root: Path) -> None:
    """The next day's session: the same analysis and lists again (nothing fulfilled in
    Shopify yet), under its own name, without the first day's packing."""
    layout = ShareLayout(root)
    shutil.copytree(layout.session_dir("M", SESSION), layout.session_dir("M", NEXT_DAY),
                    ignore=shutil.ignore_patterns("packing", "session_info.json"))
    for path in _lists(root, NEXT_DAY).glob("*.json"):
        doc = _read(path)
        path.write_text(json.dumps({**doc, "session_id": NEXT_DAY}, ensure_ascii=False,
                                   indent=2), encoding="utf-8")


def _until(condition: Callable[[], object], seconds: float = 10.0) -> bool:
    """Whether ``condition`` came true within ``seconds`` (the ledger reads on its thread)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _summaries(root: Path) -> Counter[str]:
    """How many list summaries count each order (re-packs and conflicts do not count)."""
    counted: Counter[str] = Counter()
    for path in (root / "Sessions" / "CLIENT_M").glob("*/packing/*/session_summary.json"):
        for order in _read(path)["orders"]:
            if not order.get("repack_reason") and not order.get("also_packed"):
                counted[order_key(order["order_number"])] += 1
    return counted


@pytest.mark.share
def test_shopify_singles_and_a_next_day_copy_packed_by_three_stations_count_once(
        tmp_path: Path) -> None:
    root = writable_copy(SHOPIFY_SERVER, tmp_path / "server")
    singles = _shopify_singles(root)
    assert 0 < len(singles) < len(_read(_lists(root, SESSION) / "DHL_Orders.json")["orders"])
    _next_day_copy(root)
    # Two stations on one PC at the same time: one named by --station, one by the environment.
    first = subprocess.Popen(_simulate(root, SESSION, "DHL_Orders", "Иван Петров", "--station",
                                       "PACK-01"), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=_env(tmp_path, "pc-1"))
    second = subprocess.Popen(_simulate(root, SESSION, "DHL_Singles", "Мария Иванова"),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=_env(tmp_path, "pc-2", PACKING_TOOL_STATION="PACK-02"))
    orders, single = _finish(first), _finish(second)
    conflicts = set(orders["conflicts"]) | set(single["conflicts"])
    physical = orders["orders_total"]  # the fulfillable orders of the courier's list
    assert orders["orders_packed"] + single["orders_packed"] - len(conflicts) == physical
    left = sum(single["skipped_elsewhere"].values()) + single["orders_packed_elsewhere"]
    assert single["orders_packed"] + min(left, single["orders_total"]) >= single["orders_total"]
    assert set(single["skipped_elsewhere"]) <= {"packed_elsewhere", "being_packed_elsewhere"}

    # The next day's copy: every order is packed already; nothing is packed, nothing counts.
    again = _finish(subprocess.Popen(
        _simulate(root, NEXT_DAY, "DHL_Orders", "Иван Петров", "--station", "PACK-03"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(tmp_path, "pc-3")))
    assert again["orders_packed"] == 0
    assert again["orders_packed_elsewhere"] == physical
    assert again["skipped_elsewhere"] == {"packed_elsewhere": physical}

    stats = _read(root / "Stats" / "global_stats.json")
    assert stats["total_orders_packed"] == physical
    workers = _read(root / "Workers" / "workers.json")["workers"]
    assert sum(int(w.get("total_orders") or 0) for w in workers) == physical
    assert set(_summaries(root).values()) == {1}
    assert len(_summaries(root)) == physical
    stations = Counter(entry.packed.station  # type: ignore[union-attr]
                       for _, entry in FileOrderLedger(ShareLayout(root), "M").walk())
    assert sum(stations.values()) == physical
    assert set(stations) <= {"PACK-01", "PACK-02"}
    check = subprocess.run(_command(root, "stats", "rebuild", "--check"), capture_output=True,
                           text=True, timeout=120, check=False, env=_env(tmp_path, "admin"))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No differences" in check.stdout
    verify = subprocess.run(_command(root, "verify", "--json"), capture_output=True, text=True,
                            timeout=120, check=False, env=_env(tmp_path, "admin"))
    findings = json.loads(verify.stdout)["findings"]
    assert not [f for f in findings if "counted twice" in f["message"]], findings


def test_an_offline_conflict_is_reported_by_verify_and_shown_in_the_browser_rows(
        tmp_path: Path) -> None:
    """Station A packs an order while its share is away; station B packs the same order in
    an overlapping list. Once A's share is back and A ends its list, ``packing-tool verify``
    (a real process) reports the conflict, the Session Browser's row of A's list shows it,
    and the statistics count the order once."""
    real = writable_copy(SHOPIFY_SERVER, tmp_path / "server")
    singles = _shopify_singles(real)
    dhl = _read(_lists(real, SESSION) / "DHL_Orders.json")["orders"]
    order = next(o for o in dhl if o["order_number"] in singles
                 and o["order_fulfillment_status"] == "Fulfillable")
    label = order["order_number"].lstrip("#")
    view = tmp_path / "a-view"  # station A reaches the share through this path
    view.symlink_to(real)
    fast = SessionSettings(debounce_seconds=0.0, claim_wait=0.2, retry_seconds=0.1,
                           share_timeout=5.0)
    ivan, maria = Worker("worker_001", "Иван Петров"), Worker("worker_002", "Мария Иванова")
    a = SessionManager(ShareLayout(view), ivan, fast, local_root=tmp_path / "pc-a")
    b = SessionManager(ShareLayout(real), maria, fast, local_root=tmp_path / "pc-b")
    try:
        a_list = a.open("M", SESSION, "DHL_Orders")
        view.unlink()  # the share is gone for A; its packer packs on
        a_list.session.scan(label, ivan)
        for item in order["items"]:
            for _ in range(item["quantity"]):
                a_list.session.scan(item["sku"], ivan)
        assert order["order_number"] in a_list.ledger.offline_claims
        b_list = b.open("M", SESSION, "DHL_Singles")
        b_list.session.scan(label, maria)
        for item in order["items"]:
            for _ in range(item["quantity"]):
                b_list.session.scan(item["sku"], maria)
        b.complete(b_list)
        os.symlink(real, view)  # the share is back for A
        assert a_list.ledger.flush(10.0)
        assert a_list.mirror.flush(10.0)
        assert order["order_number"] in a_list.ledger.conflicts
        a.complete(a_list)
    finally:
        a.close()
        b.close()

    verify = subprocess.run(_command(real, "verify", "--json"), capture_output=True, text=True,
                            timeout=120, check=False, env=_env(tmp_path, "admin"))
    result = json.loads(verify.stdout)
    said = [f for f in result["findings"] if f["message"].startswith("conflict: ")]
    assert len(said) == 1, result["findings"]
    assert said[0]["severity"] == "warning"
    assert said[0]["path"].startswith("Sessions/CLIENT_M/order_ledger/conflicts/")
    assert (f"conflict: order {order['order_number']} was packed in list DHL_Orders of "
            f"session {SESSION}") in said[0]["message"]
    assert "list DHL_Singles" in said[0]["message"]

    rows = {r.packing_list_name: r for r in load_rows(ShareLayout(real), "M", now=now())}
    row = rows["DHL_Orders"]
    assert row.conflict_orders == 1
    assert Cells(row).text[6].endswith(" · 1 conflict")
    assert "Conflicts (also packed elsewhere): 1" in describe(row)
    assert not rows["DHL_Singles"].conflict_orders

    assert _read(real / "Stats" / "global_stats.json")["total_orders_packed"] == 1
    check = subprocess.run(_command(real, "stats", "rebuild", "--check"), capture_output=True,
                           text=True, timeout=120, check=False, env=_env(tmp_path, "admin"))
    assert check.returncode == 0, check.stdout + check.stderr


def test_the_station_name_in_settings_names_command_line_work(tmp_path: Path) -> None:
    """No --station, no PACKING_TOOL_STATION: simulate and verify --repair go by the name the
    station's Settings give, never the PC's host name."""
    root = writable_copy(SHOPIFY_SERVER, tmp_path / "server")
    home = tmp_path / "pc"
    home.mkdir()
    (home / "settings.json").write_text(json.dumps({"station_name": "PACK-SET"}), "utf-8")
    env = _env(tmp_path, "pc")
    done = subprocess.run(_simulate(root, SESSION, "DPD_Orders", "Иван Петров"),
                          capture_output=True, text=True, timeout=300, check=False, env=env)
    assert done.returncode == 0, done.stderr
    assert last_json(done.stdout)["orders_packed"] > 0
    work = ShareLayout(root).work_dir("M", SESSION, "DPD_Orders")
    assert _read(work / "session_summary.json")["pc_name"] == "PACK-SET"
    ledger = FileOrderLedger(ShareLayout(root), "M")
    stations = {entry.packed.station for _, entry in ledger.walk()}  # type: ignore[union-attr]
    assert stations == {"PACK-SET"}

    # A dead list's claim, released by verify --repair on this station: audited under its name.
    dead = Mark(SESSION, "DHL_Orders", "PACK-07", "worker_009", "Boris", "2026-11-21T08:00:00",
                "lock-7")
    assert ledger.claim(dead, "#48211").status is Claim.OURS
    repair = subprocess.run(_command(root, "verify", "--repair", "--yes"), capture_output=True,
                            text=True, timeout=120, check=False, env=env)
    assert ledger.read("#48211") is None, repair.stdout + repair.stderr
    audit = [json.loads(line) for line in
             (ledger.root / "audit.jsonl").read_text("utf-8").splitlines()]
    released = [a for a in audit if a["event"] == "claim_released"]
    assert [a["by"]["station"] for a in released] == ["PACK-SET"]


def test_commands_read_the_settings_and_leave_a_bad_file_where_it_is(tmp_path: Path) -> None:
    from packing_tool.storage.settings import read_settings

    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"station_name": " PACK-09 ", "heartbeat_seconds": "x"}), "utf-8")
    assert read_settings(path).station_name == "PACK-09"
    path.write_text("{not json", "utf-8")
    assert read_settings(path).station_name is None
    assert path.read_text("utf-8") == "{not json"  # the app, not a command, moves it aside
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]
    assert read_settings(tmp_path / "missing.json").station_name is None


def test_a_repack_with_a_reason_never_counts_for_the_worker_or_the_share(
        tmp_path: Path) -> None:
    from packing_tool.domain.events import EventKind, Outcome
    from packing_tool.simulate import simulate
    from shared.worker_manager import WorkerManager

    root = writable_copy(SHOPIFY_SERVER, tmp_path / "server")
    singles = _shopify_singles(root)
    first = simulate(root, "M", SESSION, "DHL_Orders", "Иван Петров", complete=True)
    workers_before = _read(root / "Workers" / "workers.json")["workers"]
    stats_before = _read(root / "Stats" / "global_stats.json")
    profile = WorkerManager(root).get_or_create("Мария Иванова")
    maria = Worker(profile.id, profile.name)
    manager = SessionManager(ShareLayout(root), maria, SessionSettings(debounce_seconds=0.0))
    order = next(o for o in _read(_lists(root, SESSION) / "DHL_Singles.json")["orders"]
                 if o["order_number"] in singles
                 and o["order_fulfillment_status"] == "Fulfillable")
    label = order["order_number"].lstrip("#")
    try:
        active = manager.open("M", SESSION, "DHL_Singles")
        session = active.session
        assert session.scan(label, maria).outcome is Outcome.ORDER_PACKED_ELSEWHERE
        started = session.act(EventKind.REPACK, maria, code=label, reason="parcel damaged")
        assert started.outcome is Outcome.REPACK_STARTED
        for item in order["items"]:
            for _ in range(item["quantity"]):
                session.scan(item["sku"], maria)
        manager.complete(active)
    finally:
        manager.close()
    stats = _read(root / "Stats" / "global_stats.json")
    assert stats["total_orders_packed"] == stats_before["total_orders_packed"]
    assert stats["total_orders_packed"] == first["orders_packed"]
    assert stats["workers"][maria.id]["orders_packed"] == 0
    workers = {w["id"]: w for w in _read(root / "Workers" / "workers.json")["workers"]}
    assert workers[maria.id].get("total_orders", 0) == 0
    assert sum(int(w.get("total_orders") or 0) for w in workers.values()) == sum(
        int(w.get("total_orders") or 0) for w in workers_before)
    check = subprocess.run(_command(root, "stats", "rebuild", "--check"), capture_output=True,
                           text=True, timeout=120, check=False, env=_env(tmp_path, "admin"))
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.parametrize("touched_one", [True, False])
def test_with_the_ledger_unreadable_a_reopened_list_packs_from_its_own_copy(
        tmp_path: Path, touched_one: bool) -> None:
    """Station B read the ledger when it opened its list (its copy kept on its own disk).
    B opens the list again while the ledger cannot be read: an order packed in another list
    is still refused, with where (whether or not B had touched an order of the list, which
    decides whether the list's first read or its refresh meets the failure); a new order
    opens, its claim is made offline and reaches the ledger, marked offline, once the ledger
    answers again."""
    from packing_tool.domain.events import EventKind, Outcome
    from packing_tool.simulate import simulate
    from packing_tool.storage.generated import write_generated_session

    root = tmp_path / "server"
    write_generated_session(root, "M", SESSION, "Overlap", 4, seed=8)
    orders = _read(_lists(root, SESSION) / "Overlap.json")["orders"]
    (_lists(root, SESSION) / "Courier.json").write_text(json.dumps(
        {"session_id": SESSION, "total_orders": 1, "orders": orders[:1]}, ensure_ascii=False),
        "utf-8")
    assert simulate(root, "M", SESSION, "Courier", "Иван Петров",
                    complete=True)["orders_packed"] == 1
    packed, touched, new = (o["order_number"] for o in orders[:3])
    maria = Worker("worker_002", "Мария Иванова")
    fast = SessionSettings(debounce_seconds=0.0, ledger_refresh=0.2, claim_wait=0.2,
                           retry_seconds=0.1)

    first = SessionManager(ShareLayout(root), maria, fast, local_root=tmp_path / "pc-b")
    try:
        active = first.open("M", SESSION, "Overlap")
        cache = tmp_path / "pc-b"
        assert _until(lambda: any(packed in p.read_text("utf-8")
                                  for p in cache.rglob("ledger_cache.json")))
        if touched_one:
            assert active.session.scan(touched.lstrip("#"),
                                       maria).outcome is Outcome.ORDER_LOADED
            active.session.act(EventKind.SKIP, maria)
        first.pause(active)
    finally:
        first.close()
    kept = list((tmp_path / "pc-b").rglob("ledger_cache.json"))
    assert len(kept) == 1
    assert packed in _read(kept[0])

    orders_dir = ShareLayout(root).sessions_dir("M") / "order_ledger" / "orders"
    orders_dir.rename(orders_dir.with_name("orders.away"))
    orders_dir.write_text("not a folder: every record read fails", "utf-8")
    again = SessionManager(ShareLayout(root), maria, fast, local_root=tmp_path / "pc-b")
    try:
        active = again.open("M", SESSION, "Overlap")
        seen = active.session.scan(packed.lstrip("#"), maria)
        assert seen.outcome is Outcome.ORDER_PACKED_ELSEWHERE
        assert "packed in Courier of " + SESSION in seen.detail
        assert "Иван Петров" in seen.detail
        assert active.session.logic.current_order is None
        order = orders[2]
        assert active.session.scan(new.lstrip("#"), maria).outcome is Outcome.ORDER_LOADED
        for item in order["items"]:
            for _ in range(item["quantity"]):
                active.session.scan(item["sku"], maria)
        assert new in active.ledger.offline_claims
        orders_dir.unlink()  # the ledger answers again (its thread may create the folder)
        shutil.copytree(orders_dir.with_name("orders.away"), orders_dir, dirs_exist_ok=True)
        shutil.rmtree(orders_dir.with_name("orders.away"))
        assert active.ledger.flush(10.0)
        again.pause(active)
    finally:
        again.close()
    entry = FileOrderLedger(ShareLayout(root), "M").read(new)
    assert entry is not None
    assert entry.packed is not None
    assert (entry.packed.list_name, entry.packed.offline) == ("Overlap", True)


def test_while_the_share_is_away_orders_known_elsewhere_are_refused_not_claimed(
        tmp_path: Path) -> None:
    """Mid-shift, B's share goes away. An order B last read as packed in another list, and one
    it last read as being packed there, are refused with where, never claimed offline; when the
    share returns no conflict is made up, and the claim B had sent, which won once A let the
    order go, is let go again (nothing of B's stays on the ledger)."""
    from packing_tool.domain.events import EventKind, Outcome
    from packing_tool.storage.generated import write_generated_session

    real = tmp_path / "server"
    write_generated_session(real, "M", SESSION, "Courier", 3, seed=11)
    orders = _read(_lists(real, SESSION) / "Courier.json")["orders"]
    (_lists(real, SESSION) / "Overlap.json").write_text(json.dumps(
        {"session_id": SESSION, "total_orders": 3, "orders": orders}, ensure_ascii=False),
        "utf-8")
    packed, held = orders[0], orders[1]
    view = tmp_path / "b-view"  # station B reaches the share through this path
    view.symlink_to(real)
    fast = SessionSettings(debounce_seconds=0.0, ledger_refresh=0.2, claim_wait=0.2,
                           retry_seconds=0.1, claim_answer_wait=1.0)
    ivan, maria = Worker("worker_001", "Иван Петров"), Worker("worker_002", "Мария Иванова")
    a = SessionManager(ShareLayout(real), ivan, fast, local_root=tmp_path / "pc-a")
    b = SessionManager(ShareLayout(view), maria, fast, local_root=tmp_path / "pc-b")
    book = FileOrderLedger(ShareLayout(real), "M")
    try:
        a_list = a.open("M", SESSION, "Courier")
        a_list.session.scan(packed["order_number"].lstrip("#"), ivan)
        for item in packed["items"]:
            for _ in range(item["quantity"]):
                a_list.session.scan(item["sku"], ivan)
        assert a_list.session.scan(held["order_number"].lstrip("#"),
                                   ivan).outcome is Outcome.ORDER_LOADED
        assert a_list.ledger.flush(5.0)
        b_list = b.open("M", SESSION, "Overlap")
        assert _until(lambda: set(b_list.session.logic.elsewhere_orders) == {
            packed["order_number"], held["order_number"]})

        view.unlink()  # the share is gone for B
        first = b_list.session.scan(packed["order_number"].lstrip("#"), maria)
        assert first.outcome is Outcome.ORDER_PACKED_ELSEWHERE
        assert "packed in Courier" in first.detail
        second = b_list.session.scan(held["order_number"].lstrip("#"), maria)
        assert second.outcome is Outcome.ORDER_PACKING_ELSEWHERE
        assert "Иван Петров" in second.detail
        assert b_list.session.logic.current_order is None
        assert not b_list.ledger.offline_claims

        a_list.session.act(EventKind.SKIP, ivan)  # A lets the held order go meanwhile
        assert a_list.ledger.flush(5.0)
        view.symlink_to(real)  # the share is back for B
        assert b_list.ledger.flush(10.0)
        assert b_list.ledger.flush(10.0)  # the release queued by the claim that won
        assert not b_list.ledger.conflicts
        assert book.read(held["order_number"]) is None
        entry = book.read(packed["order_number"])
        assert entry is not None
        assert entry.packed is not None
        assert (entry.packed.list_name, entry.holder) == ("Courier", None)
        assert not (book.root / "conflicts").exists()
    finally:
        a.close()
        b.close()


def test_what_an_open_list_learns_later_is_kept_in_its_copy_too(tmp_path: Path) -> None:
    """The copy on the station's disk is the ledger as last read, not as read at the open:
    an order another list packs while B's list is open reaches B's copy."""
    from packing_tool.simulate import simulate
    from packing_tool.storage.generated import write_generated_session

    root = tmp_path / "server"
    write_generated_session(root, "M", SESSION, "Overlap", 3, seed=12)
    orders = _read(_lists(root, SESSION) / "Overlap.json")["orders"]
    (_lists(root, SESSION) / "Courier.json").write_text(json.dumps(
        {"session_id": SESSION, "total_orders": 1, "orders": orders[:1]}, ensure_ascii=False),
        "utf-8")
    number = orders[0]["order_number"]
    maria = Worker("worker_002", "Мария Иванова")
    fast = SessionSettings(debounce_seconds=0.0, ledger_refresh=0.2)
    manager = SessionManager(ShareLayout(root), maria, fast, local_root=tmp_path / "pc-b")
    try:
        active = manager.open("M", SESSION, "Overlap")
        kept = tmp_path / "pc-b"
        assert _until(lambda: len(list(kept.rglob("ledger_cache.json"))) == 1)
        [copy] = list(kept.rglob("ledger_cache.json"))
        assert number not in _read(copy)
        simulate(root, "M", SESSION, "Courier", "Иван Петров", complete=True)
        assert _until(lambda: number in active.session.logic.elsewhere_orders)
        assert _until(lambda: number in _read(copy))
        assert _read(copy)[number]["packed"]["list_name"] == "Courier"
    finally:
        manager.close()
