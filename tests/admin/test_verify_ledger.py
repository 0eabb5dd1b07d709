"""`verify` and `verify --repair` on the order ledger, and `stats rebuild` under its rule (one
physical order counts once): real lists packed through the app's code on a copy of the real
share, then claims of dead stations, damaged records and history from before the ledger."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from packing_tool.cli import main
from packing_tool.domain.events import EventKind, Outcome
from packing_tool.simulate import _pack_order, _Timer, simulate
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.ledger_entry import LedgerEntry, Mark
from packing_tool.storage.order_ledger import Claim, FileOrderLedger
from packing_tool.storage.session_manager import SessionManager, SessionSettings
from shared.timestamps import now, to_iso
from tests.admin.test_stats_ledger import worker
from tests.admin.test_verify import (
    ENTRY_POINT,
    SESSION,
    found,
    lock_record,
    rel,
    run,
    verify_json,
    work,
    write_json,
)
from tests.helpers.simulate_checks import expected_from, list_file

LEDGER = Path("Sessions/CLIENT_M/order_ledger")
LISTS = Path("Sessions/CLIENT_M") / SESSION / "packing_lists"


def ledger(root: Path) -> FileOrderLedger:
    return FileOrderLedger(ShareLayout(root), "M")


def record(root: Path, number: str) -> LedgerEntry:
    entry = ledger(root).read(number)
    assert entry is not None
    return entry


def summary(root: Path, list_name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (work(root, list_name) / "session_summary.json").read_text(encoding="utf-8"))
    return data


def repair(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    return run(root, capsys, "verify", "--repair", "--yes")


def audit(root: Path) -> list[dict[str, Any]]:
    lines = (root / LEDGER / "audit.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def messages(result: dict[str, Any], path: str) -> list[str]:
    return [f["message"] for f in result["findings"] if f["path"] == path]


def write_overlap(root: Path, name: str, numbers: list[str]) -> None:
    """A packing list of this session holding orders of DHL_Orders and DPD_Orders again."""
    orders = []
    for source in ("DHL_Orders", "DPD_Orders"):
        data = json.loads((root / LISTS / f"{source}.json").read_text(encoding="utf-8"))
        orders += [o for o in data["orders"] if o["order_number"] in numbers]
    assert len(orders) == len(numbers)
    doc = {"session_id": SESSION, "created_at": "2026-11-21T07:00:00", "total_orders":
           len(orders), "total_items": sum(i["quantity"] for o in orders for i in o["items"]),
           "orders": orders}
    (root / LISTS / f"{name}.json").write_text(json.dumps(doc, ensure_ascii=False),
                                              encoding="utf-8")


def stats(root: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((root / "Stats/global_stats.json").read_text("utf-8"))
    return data


def rebuild_json(root: Path, capsys: pytest.CaptureFixture[str], *args: str
                 ) -> tuple[int, dict[str, Any]]:
    code = main(["--root", str(root), "stats", "rebuild", "--json", *args])
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return code, data


# --------------------------------------------------------------------------- claims


def test_dead_station_claims_are_reported_and_released(
        share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DPD_Orders", "Anna", complete=True)
    book = ledger(share_root)
    claimed = to_iso(now() - timedelta(hours=1))
    # A station packing DHL_Orders died: its list lock is stale, its claim stayed.
    write_json(work(share_root) / ".session.lock", lock_record(minutes_ago=30))
    dead = Mark(SESSION, "DHL_Orders", "PACK-07", "worker_009", "Boris", claimed, "lock-7")
    assert book.claim(dead, "#48211").status is Claim.OURS
    # PostOne_Orders' lock is gone altogether; DHL's other claim is re-checked the same way.
    gone = Mark(SESSION, "PostOne_Orders", "PACK-03", "worker_009", "Boris", claimed, "lock-3")
    assert book.claim(gone, "#48225").status is Claim.OURS
    # A live list's claim is nobody's business.
    write_json(work(share_root, "Live_Orders") / ".session.lock", lock_record(minutes_ago=0.1))
    live = Mark(SESSION, "Live_Orders", "PACK-01", "worker_009", "Boris", claimed, "lock-1")
    assert book.claim(live, "#48228").status is Claim.OURS
    dhl_claim, post_claim = book.path("#48211"), book.path("#48225")
    original = dhl_claim.read_bytes()

    result = verify_json(share_root, capsys)
    assert found(result, "warning", rel(dhl_claim, share_root),
                 "claim of order #48211 by list DHL_Orders of session 2026-11-21_1 at station "
                 "PACK-07, dead since ")
    assert found(result, "warning", rel(dhl_claim, share_root),
                 "(the last heartbeat of its list lock)")
    assert found(result, "warning", rel(post_claim, share_root),
                 "claim of order #48225 by list PostOne_Orders of session 2026-11-21_1 at "
                 "station PACK-03, dead since its list lock went away (claimed ")
    assert messages(result, rel(book.path("#48228"), share_root)) == []

    code, out = repair(share_root, capsys)
    assert code == 0, out
    assert f"done     release the dead station's claim {rel(dhl_claim, share_root)}" in out
    assert not dhl_claim.exists()
    assert not post_claim.exists()
    [kept] = list(dhl_claim.parent.glob(f"{dhl_claim.name}.released-*"))
    assert kept.read_bytes() == original
    lines = [a for a in audit(share_root) if a["event"] == "claim_released"]
    assert sorted(a["order_number"] for a in lines) == ["#48211", "#48225"]
    first = next(a for a in lines if a["order_number"] == "#48211")
    assert first["holder"]["station"] == "PACK-07"
    assert first["kept_at"] == kept.name
    assert first["by"]["worker_name"] == "packing-tool verify --repair"
    assert record(share_root, "#48228").holder == live  # still claimed by the live list

    after = verify_json(share_root, capsys)
    assert not any("dead since" in f["message"] for f in after["findings"])
    # The order is free again: the list is packed whole, and the ledger says where.
    assert simulate(share_root, "M", SESSION, "DHL_Orders", "Anna",
                    complete=True)["orders_packed"] == 5
    packed = record(share_root, "#48211").packed
    assert packed is not None
    assert packed.list_name == "DHL_Orders"


# --------------------------------------------------------------------------- damage


def test_damaged_records_are_kept_aside_and_rebuilt(
        share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    book = ledger(share_root)
    garbled, misplaced = book.path("#48211"), book.path("#48214")
    garbled.write_bytes(b'{"order_number": "#482')
    misplaced.write_bytes(book.path("#48220").read_bytes())  # another order's record
    stray = book.root / "orders" / "00" / "nobody.json"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"\x00\x01 not a record")

    result = verify_json(share_root, capsys)
    assert result["exit_code"] == 1
    assert found(result, "error", rel(garbled, share_root),
                 "damaged order ledger record: not valid JSON")
    assert found(result, "error", rel(garbled, share_root),
                 "`verify --repair` keeps it aside and rebuilds it from the summaries")
    assert found(result, "error", rel(misplaced, share_root),
                 f"it holds order #48220, whose record is {rel(book.path('#48220'), share_root)}")
    assert found(result, "error", rel(stray, share_root),
                 "no summary lists its order: `verify --repair` keeps it aside and nothing "
                 "can rebuild it")

    code, out = repair(share_root, capsys)
    assert code == 0, out
    assert f"done     keep the damaged ledger record {rel(garbled, share_root)} aside" in out
    assert "not done keep the damaged ledger record" in out
    assert "not recoverable" in out
    for path, before in ((garbled, b'{"order_number": "#482'),
                         (misplaced, book.path("#48220").read_bytes())):
        [kept] = list(path.parent.glob(f"{path.name}.corrupt-*"))
        assert kept.read_bytes() == before
    for number in ("#48211", "#48214"):
        entry = record(share_root, number)
        assert entry.holder is None
        assert entry.packed is not None
        assert (entry.packed.session_id, entry.packed.list_name) == (SESSION, "DHL_Orders")
        assert entry.packed.station == summary(share_root, "DHL_Orders")["worker_pc"]
        assert entry.extra["rebuilt"]["from"].endswith("DHL_Orders/session_summary.json")
    assert not stray.exists()
    assert len(list(stray.parent.glob("nobody.json.corrupt-*"))) == 1
    events = [a["event"] for a in audit(share_root)]
    assert events.count("record_rebuilt") == 2
    assert events.count("damaged_record_kept_aside") == 1
    after = verify_json(share_root, capsys)
    assert after["counts"] == {"error": 0, "warning": 0, "notice": 0}, after["findings"]


# --------------------------------------------------------------------------- history


def test_history_from_before_the_ledger_is_backfilled(
        share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    simulate(share_root, "M", SESSION, "DPD_Orders", "Boris", complete=True)
    shutil.rmtree(share_root / LEDGER)  # as a share whose lists were all packed before it
    # One record exists already (another list says it packed it): never overwritten.
    book = ledger(share_root)
    other = Mark("2026-11-20_1", "Old_Orders", "PACK-02", "worker_002", "Boris",
                 to_iso(now() - timedelta(days=1)))
    assert book.mark_packed(other, "#48212", now() - timedelta(days=1)).status is Claim.OURS
    kept_record = book.path("#48212").read_bytes()

    listed = subprocess.run([str(ENTRY_POINT), "--root", str(share_root), "verify", "--json"],
                            capture_output=True, text=True, timeout=120, check=False)
    result = json.loads(listed.stdout)
    assert listed.returncode == 0  # warnings only
    dhl = rel(work(share_root) / "session_summary.json", share_root)
    dpd = rel(work(share_root, "DPD_Orders") / "session_summary.json", share_root)
    assert found(result, "warning", dhl, "5 orders listed here are not in the order ledger "
                                         "(#48211, #48214, #48220, #48226, #48232): history "
                                         "from before the ledger")
    assert found(result, "warning", dpd, "7 orders listed here are not in the order ledger")
    assert found(result, "warning", dpd, "`verify --repair` backfills them")
    assert found(result, "warning", dpd, "order #48212 is counted here, but the order ledger "
                                         "counts it in list Old_Orders of session 2026-11-20_1")

    code, out = repair(share_root, capsys)
    assert code == 0, out
    assert ("done     backfill the order ledger Sessions/CLIENT_M/order_ledger from the session "
            "summaries (create only): 12 records created from 2 summaries") in out
    assert book.path("#48212").read_bytes() == kept_record
    for number, list_name in (("#48211", "DHL_Orders"), ("#48233", "DPD_Orders")):
        entry = record(share_root, number)
        assert entry.packed is not None
        assert entry.packed.list_name == list_name
        assert entry.packed.at == next(o["completed_at"] for o in summary(
            share_root, list_name)["orders"] if o["order_number"] == number)
    assert audit(share_root)[-1]["event"] == "ledger_backfilled"
    after = verify_json(share_root, capsys)
    assert [f["message"] for f in after["findings"]] == [
        "order #48212 is counted here, but the order ledger counts it in list Old_Orders of "
        "session 2026-11-20_1 at station PACK-02"]
    # With its history in the ledger, a list holding those orders again packs none of them.
    write_overlap(share_root, "Again_Orders", ["#48211", "#48233"])
    again = simulate(share_root, "M", SESSION, "Again_Orders", "Anna", complete=True)
    assert again["orders_packed"] == 0
    assert again["orders_packed_elsewhere"] == 2


# --------------------------------------------------------------------------- counting once


def test_two_lists_in_sequence_count_each_order_once(
        share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_overlap(share_root, "Overlap_Orders", ["#48211", "#48220", "#48215"])
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    overlap = simulate(share_root, "M", SESSION, "Overlap_Orders", "Boris", complete=True)
    assert (overlap["orders_packed"], overlap["orders_packed_elsewhere"]) == (1, 2)
    dpd = simulate(share_root, "M", SESSION, "DPD_Orders", "Anna", complete=True)
    assert dpd["orders_packed_elsewhere"] == 1  # #48215 went out with Overlap_Orders

    distinct = set()
    for name in ("DHL_Orders", "DPD_Orders"):
        distinct |= expected_from(list_file(share_root, "M", SESSION, name)).orders
    figures = stats(share_root)
    assert figures["total_orders_packed"] == len(distinct) == 13
    assert figures["by_client"]["M"]["orders_packed"] == 13
    assert [o["order_number"] for o in summary(share_root, "Overlap_Orders")["orders"]] == [
        "#48215"]

    code, rebuilt = rebuild_json(share_root, capsys, "--check")
    assert code == 0, rebuilt
    assert rebuilt["differences"] == []
    assert rebuilt["double_counted"] == []
    result = verify_json(share_root, capsys)
    assert result["counts"] == {"error": 0, "warning": 0, "notice": 0}, result["findings"]


def test_an_order_counted_in_two_summaries_is_reported(
        share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    # Hand-made history: the ledger lost, a second list packs two of the orders again and
    # counts them, as lists packed before the ledger did.
    shutil.rmtree(share_root / LEDGER)
    write_overlap(share_root, "Overlap_Orders", ["#48211", "#48220"])
    again = simulate(share_root, "M", SESSION, "Overlap_Orders", "Boris", complete=True)
    assert again["orders_packed"] == 2
    assert stats(share_root)["total_orders_packed"] == 7  # 5 orders, two of them twice

    result = verify_json(share_root, capsys)
    first = rel(work(share_root) / "session_summary.json", share_root)
    second = rel(work(share_root, "Overlap_Orders") / "session_summary.json", share_root)
    for number in ("#48211", "#48220"):
        assert found(result, "warning", second, f"order {number} is counted here and also in "
                                                f"{first}: the same physical order counted "
                                                "twice")
    assert not any("counted here and also" in m for m in messages(result, first))

    code, rebuilt = rebuild_json(share_root, capsys, "--check")
    assert code == 0  # the statistics hold what the summaries say, double count included
    assert [(d["order_number"], d["summaries"]) for d in rebuilt["double_counted"]] == [
        ("#48211", [first, second]), ("#48220", [first, second])]
    assert main(["--root", str(share_root), "stats", "rebuild", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert (f"DOUBLE COUNT: order #48211 of client M is counted in 2 summaries ({first}, "
            f"{second}); the statistics count it 2 times.") in out


def test_a_repack_counts_once_and_a_backfill_keeps_it(
        share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    write_overlap(share_root, "Overlap_Orders", ["#48211"])
    boris = worker(share_root, "Boris")
    manager = SessionManager(ShareLayout(share_root), boris,
                             SessionSettings(debounce_seconds=0.0))
    try:
        active = manager.open("M", SESSION, "Overlap_Orders")
        session = active.session
        assert session.scan("48211", boris).outcome is Outcome.ORDER_PACKED_ELSEWHERE
        started = session.act(EventKind.REPACK, boris, code="48211", reason="parcel damaged")
        assert started.outcome is Outcome.REPACK_STARTED
        [order] = session.logic.packing_list.orders
        _pack_order(session, order, boris, _Timer())
        manager.complete(active)
    finally:
        manager.close()
    [listed] = summary(share_root, "Overlap_Orders")["orders"]
    assert listed["repack_reason"] == "parcel damaged"
    assert stats(share_root)["total_orders_packed"] == 5  # the re-pack counts nowhere
    code, rebuilt = rebuild_json(share_root, capsys, "--check")
    assert code == 0, rebuilt
    assert rebuilt["double_counted"] == []
    assert verify_json(share_root, capsys)["counts"] == {"error": 0, "warning": 0, "notice": 0}

    shutil.rmtree(share_root / LEDGER)
    code, out = repair(share_root, capsys)
    assert code == 0, out
    assert "5 records created from 2 summaries" in out
    entry = record(share_root, "#48211")
    assert entry.packed is not None
    assert entry.packed.list_name == "DHL_Orders"
    assert [(r.list_name, r.reason) for r in entry.repacks] == [
        ("Overlap_Orders", "parcel damaged")]
    assert verify_json(share_root, capsys)["counts"] == {"error": 0, "warning": 0, "notice": 0}
