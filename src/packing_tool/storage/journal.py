"""The scan journal: every event of one packing list, appended and fsynced one by one.

It is the list's source of truth: replaying it rebuilds the exact state. Persisting one
scan writes one short line, whatever the size of the list.
"""

from __future__ import annotations

import json
from pathlib import Path

from packing_tool.domain.events import ScanEvent
from packing_tool.domain.phrase import phrase
from packing_tool.storage import share_json
from shared import fileio
from shared.append_log import AppendLog

JOURNAL_FILENAME = "scan_journal.jsonl"


def encode(event: ScanEvent) -> bytes:
    return json.dumps(event.to_dict(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class JournalError(ValueError):
    """The journal has a damaged line that is not a torn last line (never written by a kill)."""


class ScanJournal:
    def __init__(self, work_dir: Path, *, durable: bool = True, make_dirs: bool = True) -> None:
        self.path = work_dir / JOURNAL_FILENAME
        self._log = AppendLog(self.path, durable=durable, make_parents=make_dirs)
        self.bytes_written = 0

    def load(self) -> list[ScanEvent]:
        events: list[ScanEvent] = []
        for number, line in enumerate(self._log.read_lines(), start=1):
            try:
                events.append(ScanEvent.from_dict(share_json.loads(line)))
            except (ValueError, KeyError, TypeError) as exc:
                raise JournalError(phrase("{file}: line {line} cannot be read ({detail})",
                                          file=self.path, line=number, detail=exc)) from exc
            if events[-1].seq != len(events):
                raise JournalError(phrase("{file}: line {line} has event {seq}, expected "
                                          "{expected}", file=self.path, line=number,
                                          seq=events[-1].seq, expected=len(events)))
        return events

    def append(self, event: ScanEvent) -> None:
        self.append_many([event])

    def append_many(self, events: list[ScanEvent]) -> None:
        """Append events with one write and one fsync."""
        self.bytes_written += self._log.append_lines([encode(e) for e in events])

    def replace(self, events: list[ScanEvent]) -> None:
        """Make the file hold exactly ``events`` (atomically), e.g. to follow the share's copy."""
        self._log.close()
        fileio.atomic_write_bytes(self.path, b"".join(encode(e) + b"\n" for e in events))

    def close(self) -> None:
        self._log.close()
