"""JSON nested too deeply in a journal line, a ledger record or a lock never crashes a reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from packing_tool.storage.journal import JournalError, ScanJournal
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.lock_info import read_lock
from packing_tool.storage.order_ledger import FileOrderLedger, LedgerDamagedError

DEEP = b"[" * 200_000 + b"]" * 200_000


def test_a_deep_journal_line_is_a_journal_error_naming_the_line(tmp_path: Path) -> None:
    (tmp_path / "scan_journal.jsonl").write_bytes(DEEP + b"\n")
    with pytest.raises(JournalError, match="line 1 cannot be read"):
        ScanJournal(tmp_path).load()


def test_a_deep_ledger_record_is_damaged_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "Sessions" / "CLIENT_M").mkdir(parents=True)
    ledger = FileOrderLedger(ShareLayout(tmp_path), "M")
    path = ledger.path("#1")
    path.parent.mkdir(parents=True)
    path.write_bytes(DEEP)
    with pytest.raises(LedgerDamagedError, match="nested too deeply"):
        ledger.read("#1")


def test_a_deep_lock_counts_as_no_valid_lock(tmp_path: Path) -> None:
    (tmp_path / ".session.lock").write_bytes(DEEP)
    assert read_lock(tmp_path) is None
