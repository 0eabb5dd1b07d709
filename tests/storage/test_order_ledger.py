"""The order ledger on real files: claims, packed marks, releases, re-packs, stale claims."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from packing_tool.domain.elsewhere import Where
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.ledger_entry import LedgerEntry, Mark
from packing_tool.storage.lock_info import LOCK_FILENAME
from packing_tool.storage.order_ledger import Claim, FileOrderLedger

T0 = datetime(2026, 11, 21, 10, 41, tzinfo=UTC)
LIST_A = Mark("2026-11-21_2", "DHL_Orders", "PACK-01", "worker_001", "Иван Петров")
LIST_B = Mark("2026-11-21_2", "DHL_Singles", "PACK-02", "worker_002", "Мария Иванова")


def _lock(root: Path, mark: Mark, heartbeat: datetime) -> None:
    """A list lock as a live (or stale) station leaves it."""
    work = ShareLayout(root).work_dir("M", mark.session_id, mark.list_name)
    work.mkdir(parents=True, exist_ok=True)
    stamp = heartbeat.isoformat()
    (work / LOCK_FILENAME).write_text(json.dumps({
        "locked_by": mark.station, "user_name": "u", "lock_time": stamp, "heartbeat": stamp,
        "process_id": 999_999, "lock_id": "x"}), encoding="utf-8")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "Sessions" / "CLIENT_M").mkdir(parents=True)
    return tmp_path


def _ledger(root: Path, moment: datetime = T0) -> FileOrderLedger:
    return FileOrderLedger(ShareLayout(root), "M", stale_after=180, clock=lambda: moment)


def test_the_first_claim_wins_and_the_second_list_is_told_who_has_it(root: Path) -> None:
    _lock(root, LIST_A, T0)
    ledger = _ledger(root)
    assert ledger.claim(LIST_A, "#48309").status is Claim.OURS
    again = ledger.claim(LIST_A, "48309")  # the label as printed: the same order
    assert again.status is Claim.OURS
    other = ledger.claim(LIST_B, "#48309")
    assert other.status is Claim.HELD
    assert other.elsewhere is not None
    assert other.elsewhere.state is Where.PACKING
    assert "DHL_Orders" in other.message
    assert "PACK-01" in other.message
    assert "Иван Петров" in other.message
    record = json.loads(ledger.path("#48309").read_text(encoding="utf-8"))
    assert record["state"] == "claimed"
    assert record["holder"]["list_name"] == "DHL_Orders"


def test_packed_is_final_and_says_where_when_and_by_whom(root: Path) -> None:
    _lock(root, LIST_A, T0)
    ledger = _ledger(root)
    ledger.claim(LIST_A, "#48309")
    assert ledger.mark_packed(LIST_A, "#48309", T0).status is Claim.OURS
    assert ledger.mark_packed(LIST_A, "#48309", T0).status is Claim.OURS  # idempotent
    seen = _ledger(root, T0 + timedelta(hours=1)).claim(LIST_B, "#48309")
    assert seen.status is Claim.PACKED
    assert seen.message == ("packed in DHL_Orders of 2026-11-21_2 at PACK-01 by Иван Петров, "
                            "today 10:41")
    # A release by a list that does not hold it changes nothing.
    assert not ledger.release(LIST_B, "#48309")
    assert ledger.read("#48309").state == "packed"  # type: ignore[union-attr]


def test_a_skipped_order_is_released_for_other_lists(root: Path) -> None:
    _lock(root, LIST_A, T0)
    ledger = _ledger(root)
    ledger.claim(LIST_A, "#1")
    assert ledger.release(LIST_A, "#1")
    assert not ledger.path("#1").exists()
    assert ledger.claim(LIST_B, "#1").status is Claim.OURS


def test_a_dead_lists_claim_is_taken_over_kept_aside_and_audited(root: Path) -> None:
    _lock(root, LIST_A, T0 - timedelta(minutes=10))  # heartbeat 10 min old: stale
    ledger = _ledger(root)
    path = ledger.path("#7")
    path.parent.mkdir(parents=True)
    path.write_bytes(LedgerEntry("#7", "7", "M", holder=LIST_A).to_bytes())
    result = ledger.claim(LIST_B, "#7")
    assert result.status is Claim.OURS
    assert ledger.read("#7").holder.list_name == "DHL_Singles"  # type: ignore[union-attr]
    aside = [p.name for p in path.parent.iterdir() if ".taken-" in p.name]
    assert len(aside) == 1
    audit = [json.loads(line) for line in
             (ledger.root / "audit.jsonl").read_text(encoding="utf-8").splitlines()]
    assert audit[0]["event"] == "claim_taken_over"
    assert audit[0]["holder"]["list_name"] == "DHL_Orders"
    assert audit[0]["kept_at"] == aside[0]


def test_a_live_lists_claim_is_never_taken(root: Path) -> None:
    _lock(root, LIST_A, T0 - timedelta(seconds=30))
    ledger = _ledger(root)
    ledger.claim(LIST_A, "#7")
    assert ledger.claim(LIST_B, "#7").status is Claim.HELD


def test_a_repack_keeps_the_first_packing_counting(root: Path) -> None:
    _lock(root, LIST_A, T0)
    _lock(root, LIST_B, T0)
    ledger = _ledger(root)
    ledger.claim(LIST_A, "#5")
    ledger.mark_packed(LIST_A, "#5", T0)
    assert ledger.repack(LIST_B, "#5", "parcel damaged").status is Claim.OURS
    assert ledger.read("#5").state == "repacking"  # type: ignore[union-attr]
    ledger.mark_packed(LIST_B, "#5", T0 + timedelta(minutes=5))
    entry = ledger.read("#5")
    assert entry is not None
    assert entry.state == "packed"
    assert entry.packed is not None
    assert entry.packed.list_name == "DHL_Orders"
    assert [(r.list_name, r.reason, bool(r.done_at)) for r in entry.repacks] == [
        ("DHL_Singles", "parcel damaged", True)]


def test_packed_at_two_lists_is_a_conflict_kept_on_record(root: Path) -> None:
    _lock(root, LIST_A, T0)
    ledger = _ledger(root)
    ledger.claim(LIST_A, "#9")
    ledger.mark_packed(LIST_A, "#9", T0)
    offline_b = Mark(LIST_B.session_id, LIST_B.list_name, LIST_B.station, offline=True)
    result = ledger.mark_packed(offline_b, "#9", T0)
    assert result.status is Claim.CONFLICT
    [conflict] = ledger.conflicts()
    assert conflict["order_number"] == "#9"
    assert conflict["here"]["list_name"] == "DHL_Singles"
    assert conflict["ledger"]["packed"]["list_name"] == "DHL_Orders"


def test_a_damaged_record_blocks_the_order_and_is_named(root: Path) -> None:
    ledger = _ledger(root)
    path = ledger.path("#3")
    path.parent.mkdir(parents=True)
    path.write_bytes(b'{"order_number": "#3", "ke')
    result = ledger.claim(LIST_B, "#3")
    assert result.status is Claim.DAMAGED
    assert str(path) in result.message
    assert "verify --repair" in result.message
    assert path.read_bytes() == b'{"order_number": "#3", "ke'  # never replaced


def test_the_ledger_never_creates_a_client_folder(tmp_path: Path) -> None:
    (tmp_path / "Sessions").mkdir()
    ledger = FileOrderLedger(ShareLayout(tmp_path), "M")
    with pytest.raises(FileNotFoundError):
        ledger.claim(LIST_A, "#1")
    assert not (tmp_path / "Sessions" / "CLIENT_M").exists()


def test_records_keep_keys_other_programs_wrote(root: Path) -> None:
    _lock(root, LIST_A, T0)
    ledger = _ledger(root)
    ledger.claim(LIST_A, "#11")
    path = ledger.path("#11")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["note_from_hq"] = "keep"
    path.write_text(json.dumps(data), encoding="utf-8")
    ledger.mark_packed(LIST_A, "#11", T0)
    assert json.loads(path.read_text(encoding="utf-8"))["note_from_hq"] == "keep"


def test_lookup_reads_only_the_orders_asked_for(root: Path) -> None:
    _lock(root, LIST_A, T0)
    ledger = _ledger(root)
    for n in range(100):
        ledger.claim(LIST_A, f"#{n}")
    found = ledger.lookup([f"#{n}" for n in range(0, 200, 2)])
    assert sorted(found) == sorted(f"#{n}" for n in range(0, 100, 2))
    assert len(os.listdir(ledger.root / "orders")) > 16  # spread over the shard folders


def test_an_empty_record_left_by_a_dead_creator_is_removed_and_audited(root: Path) -> None:
    """Shares without hard links create a record, then write it: a kill in between leaves it
    empty. Once older than any creator takes, the next claim keeps it aside and goes on."""
    ledger = _ledger(root)
    path = ledger.path("#21")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    old = path.stat().st_mtime - 60
    os.utime(path, (old, old))
    assert ledger.claim(LIST_B, "#21").status is Claim.OURS
    assert [p.name for p in path.parent.iterdir() if ".abandoned-" in p.name]
    audit = (ledger.root / "audit.jsonl").read_text(encoding="utf-8")
    assert "abandoned_record_removed" in audit


def test_a_record_being_written_is_waited_for_not_called_damaged(root: Path) -> None:
    import threading

    _lock(root, LIST_A, T0)
    ledger = _ledger(root)
    path = ledger.path("#22")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")  # created, not yet written (no hard links on this share)
    writer = threading.Timer(0.3, lambda: path.write_bytes(
        LedgerEntry("#22", "22", "M", holder=LIST_A).to_bytes()))
    writer.start()
    try:
        result = ledger.claim(LIST_B, "#22")
    finally:
        writer.join()
    assert result.status is Claim.HELD
    assert "DHL_Orders" in result.message
