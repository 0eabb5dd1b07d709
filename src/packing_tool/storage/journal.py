"""The scan journal: every event of one packing list, appended and fsynced one by one.

It is the list's source of truth: replaying it rebuilds the exact state. Persisting one
scan writes one short line, whatever the size of the list.
"""

from __future__ import annotations

import json
from pathlib import Path

from packing_tool.domain.events import ScanEvent
from shared.append_log import AppendLog

JOURNAL_FILENAME = "scan_journal.jsonl"


class JournalError(ValueError):
    """The journal has a damaged line that is not a torn last line (never written by a kill)."""


class ScanJournal:
    def __init__(self, work_dir: Path, *, durable: bool = True) -> None:
        self.path = work_dir / JOURNAL_FILENAME
        self._log = AppendLog(self.path, durable=durable)
        self.bytes_written = 0

    def load(self) -> list[ScanEvent]:
        events: list[ScanEvent] = []
        for number, line in enumerate(self._log.read_lines(), start=1):
            try:
                events.append(ScanEvent.from_dict(json.loads(line)))
            except (ValueError, KeyError, TypeError) as exc:
                raise JournalError(f"{self.path}: line {number} cannot be read ({exc})") from exc
            if events[-1].seq != len(events):
                raise JournalError(f"{self.path}: line {number} has event {events[-1].seq}, "
                                   f"expected {len(events)}")
        return events

    def append(self, event: ScanEvent) -> None:
        line = json.dumps(event.to_dict(), ensure_ascii=False, separators=(",", ":"))
        self.bytes_written += self._log.append(line.encode("utf-8"))

    def close(self) -> None:
        self._log.close()
