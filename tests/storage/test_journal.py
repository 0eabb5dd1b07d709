"""The scan journal: constant-size appends, torn last lines, damaged lines reported."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from packing_tool.domain.events import EventKind, Outcome, ScanEvent
from packing_tool.storage.journal import JournalError, ScanJournal

T0 = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


def _event(seq: int) -> ScanEvent:
    return ScanEvent(seq=seq, kind=EventKind.SCAN, at=T0 + timedelta(seconds=seq),
                     worker_id="worker_001", worker_name="Долфин", outcome=Outcome.ITEM_OK,
                     code="0012345678905", order="#1001", row=0, quantity=1)


def test_events_round_trip_and_appends_cost_the_same(tmp_path: Path) -> None:
    journal = ScanJournal(tmp_path)
    sizes = []
    for seq in range(1, 201):
        before = journal.bytes_written
        journal.append(_event(seq))
        sizes.append(journal.bytes_written - before)
    journal.close()
    assert max(sizes) - min(sizes) <= 2  # only the digits of seq and time differ
    assert ScanJournal(tmp_path).load() == [_event(s) for s in range(1, 201)]


def test_a_torn_last_line_is_left_out_and_cut_before_the_next_append(tmp_path: Path) -> None:
    journal = ScanJournal(tmp_path)
    for seq in (1, 2):
        journal.append(_event(seq))
    journal.close()
    with open(journal.path, "ab") as fh:  # what a kill in the middle of a write leaves
        fh.write(b'{"seq":3,"kind":"sc')
    reopened = ScanJournal(tmp_path)
    assert [e.seq for e in reopened.load()] == [1, 2]
    reopened.append(_event(3))
    reopened.close()
    assert [e.seq for e in ScanJournal(tmp_path).load()] == [1, 2, 3]
    [torn] = list(tmp_path.glob("scan_journal.jsonl.torn-*"))
    assert torn.read_bytes() == b'{"seq":3,"kind":"sc'


def test_a_damaged_middle_line_is_an_error_naming_the_line(tmp_path: Path) -> None:
    journal = ScanJournal(tmp_path)
    for seq in (1, 2, 3):
        journal.append(_event(seq))
    journal.close()
    lines = journal.path.read_bytes().split(b"\n")
    lines[1] = b"garbage"
    journal.path.write_bytes(b"\n".join(lines))
    with pytest.raises(JournalError, match="line 2"):
        ScanJournal(tmp_path).load()


def test_a_gap_in_sequence_numbers_is_an_error(tmp_path: Path) -> None:
    journal = ScanJournal(tmp_path)
    journal.append(_event(1))
    journal.append(_event(3))
    journal.close()
    with pytest.raises(JournalError, match="expected 2"):
        ScanJournal(tmp_path).load()
