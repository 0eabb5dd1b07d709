"""A scan journal with a garbled line in the middle (not a torn last line): repaired, not stuck.

The station keeps its own copy of every list it packs (``journal_mirror``). When that copy
holds every line the share's journal should have, and agrees with every line that can still
be read, the share's journal is rewritten from it. Otherwise the lines before the first bad
one are kept as the journal, and the whole damaged file is kept aside and reported: the
events from the bad line on cannot be replayed without it (each one builds on the last).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from packing_tool.domain.events import ScanEvent
from packing_tool.storage.journal import JOURNAL_FILENAME, JournalError, ScanJournal
from shared import fileio
from shared.append_log import AppendLog

log = logging.getLogger(__name__)


def _parse(line: bytes) -> ScanEvent | None:
    try:
        return ScanEvent.from_dict(json.loads(line))
    except (ValueError, KeyError, TypeError, RecursionError):
        return None


def journal_problem(work_dir: Path) -> str | None:
    """What is wrong with a list's journal, or None when every line reads in order."""
    try:
        ScanJournal(work_dir, make_dirs=False).load()
    except JournalError as exc:
        return str(exc)
    return None


def repair_journal(work_dir: Path, station_copy: Path | None) -> str:
    """Repair the journal in ``work_dir``; returns what was done ("" when nothing was wrong).

    ``station_copy`` is the folder of this station's own copy, if it has one. The caller
    holds the list's lock (nobody else appends meanwhile).
    """
    path = work_dir / JOURNAL_FILENAME
    lines = AppendLog(path, make_parents=False).read_lines()
    parsed = [_parse(line) for line in lines]
    bad = next((i for i, e in enumerate(parsed) if e is None or e.seq != i + 1), None)
    if bad is None:
        return ""
    copy: list[ScanEvent] = []
    if station_copy is not None and (station_copy / JOURNAL_FILENAME).is_file():
        try:
            copy = ScanJournal(station_copy, make_dirs=False).load()
        except JournalError:
            copy = []
    agrees = len(copy) >= len(parsed) and all(
        e is None or e == copy[i] for i, e in enumerate(parsed))
    kept = fileio.keep_aside(path, path.read_bytes(), "garbled")
    journal = ScanJournal(work_dir, make_dirs=False)
    try:
        if agrees:
            journal.replace(copy)
            note = (f"{path}: line {bad + 1} was garbled; rewritten from this station's copy "
                    f"({station_copy}); the damaged file is kept at {kept.name}")
        else:
            journal.replace([e for e in parsed[:bad] if e is not None])
            note = (f"{path}: line {bad + 1} was garbled and no copy on this station holds it; "
                    f"the {bad} events before it are kept as the journal, the "
                    f"{len(lines) - bad} from it on are not replayed (they are in {kept.name}): "
                    "pack those orders again")
    finally:
        journal.close()
    log.warning("%s", note)
    return note
