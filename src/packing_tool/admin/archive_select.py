"""Which sessions the retention policy may archive: completed, idle and old enough.

A session is completed when at least one of its lists was opened (has a work folder) and
every work folder holds a ``session_summary.json`` with all orders completed, no completion
plan pending and no ``.session.lock`` at all (a stale lock still means someone may come back:
it is reported, not judged). A packing list never opened makes the session not completed,
unless ``include_unpacked``, or unless the session was packed as a whole (``full_session``).
The date is the folder name's ``YYYY-MM-DD``, else the latest ``completed_at`` of its lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from packing_tool.admin.words import phrase
from packing_tool.domain.orders import FULL_SESSION
from packing_tool.storage.completion import PLAN_FILENAME, TX_FILENAME
from packing_tool.storage.discovery import (
    list_progress,
    list_sessions,
    session_date,
    work_dir_in,
    work_names,
)
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.ledger_entry import LEDGER_DIR
from packing_tool.storage.list_readers import list_names
from packing_tool.storage.lock_info import LOCK_FILENAME, read_lock
from packing_tool.storage.summary_file import SUMMARY_FILENAME
from shared.timestamps import parse_timestamp


@dataclass
class Candidate:
    client: str
    session: str
    path: Path
    day: date | None
    reasons: list[str] = field(default_factory=list)  # why it stays; empty: it may go


def _lock_reason(work_dir: Path, name: str) -> str:
    try:
        lock = read_lock(work_dir)
    except OSError as exc:
        return phrase("{name}: its lock file cannot be read ({exc})", name=name, exc=exc)
    who = lock.describe() if lock else phrase("a lock file that is not a valid lock")
    return phrase("{name}: holds a lock ({who})", name=name, who=who)


def _list_reason(session_dir: Path, name: str, done_at: list[date]) -> str | None:
    """Why one opened list is not finished, or None (adding its completion date)."""
    work_dir = work_dir_in(session_dir, name)
    if (work_dir / LOCK_FILENAME).exists():
        return _lock_reason(work_dir, name)
    for pending in (PLAN_FILENAME, TX_FILENAME):
        if (work_dir / pending).exists():
            return phrase("{name}: its end is still pending ({pending})", name=name,
                          pending=pending)
    if not (work_dir / SUMMARY_FILENAME).is_file():
        return phrase("{name}: not ended (no {summary})", name=name, summary=SUMMARY_FILENAME)
    figures = list_progress(session_dir, name)
    if figures.get("status") != "completed":
        return phrase("{name}: {status}, {done} of {total} orders packed", name=name,
                      status=figures.get("status"), done=figures.get("completed_orders", "?"),
                      total=figures.get("total_orders", "?"))
    moment = parse_timestamp(figures.get("completed_at"))
    if moment is not None:
        done_at.append(moment.date())
    return None


def check_session(session_dir: Path, *, include_unpacked: bool) -> tuple[list[str], date | None]:
    """(reasons it is not completed, the latest completion date of its lists)."""
    opened = [n for n in work_names(session_dir) if work_dir_in(session_dir, n).is_dir()]
    if not opened:
        return [phrase("no packing list was ever opened")], None
    done_at: list[date] = []
    reasons = [r for n in opened if (r := _list_reason(session_dir, n, done_at)) is not None]
    whole = FULL_SESSION in opened and not any(r.startswith(f"{FULL_SESSION}:") for r in reasons)
    unopened = [n for n in list_names(session_dir) if n not in opened]
    if unopened and not include_unpacked and not whole:
        reasons.append(phrase("never opened: {lists} (--include-unpacked archives such "
                              "sessions)", lists=", ".join(unopened)))
    return reasons, max(done_at, default=None)


def select(layout: ShareLayout, clients: list[str], cutoff: date, *,
           include_unpacked: bool) -> tuple[list[Candidate], int]:
    """Sessions dated before ``cutoff`` with their reasons to stay, and how many are newer."""
    found: list[Candidate] = []
    recent = 0
    for client in clients:
        folder = layout.sessions_dir(client)
        for session in list_sessions(layout, client):
            if session == LEDGER_DIR:
                continue  # the client's order ledger, not a session: it stays
            day = session_date(session)
            if day is not None and day >= cutoff:
                recent += 1
                continue
            reasons, done = check_session(folder / session, include_unpacked=include_unpacked)
            day = day or done
            if day is None:
                reasons = reasons or [phrase("no date in its name and no completed_at")]
            elif day >= cutoff:
                recent += 1
                continue
            found.append(Candidate(client, session, folder / session, day, reasons))
    return found, recent
