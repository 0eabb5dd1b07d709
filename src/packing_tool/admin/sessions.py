"""``packing-tool sessions``: every packing list of every client with its live status, and
the release of a lock whose station stopped (list, release)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from packing_tool.admin.common import EXIT_FAILED, AdminError, Progress, confirm, share_root
from packing_tool.admin.words import say
from packing_tool.storage.discovery import list_clients, work_names
from packing_tool.storage.index_rows import STATUS_LABELS, IndexRow, load_rows
from packing_tool.storage.layout import ShareLayout, UnsafeNameError, client_folder_id
from packing_tool.storage.lock_info import DEFAULT_STALE_SECONDS, LOCK_FILENAME, LockInfo
from packing_tool.storage.lock_release import (
    CurrentLock,
    NoLockError,
    current_lock,
    release_stale,
)
from packing_tool.storage.session_lock import LockHeldError
from shared.timestamps import now, parse_timestamp

PROGRESS_FROM = 100  # sessions; fewer are read in well under a second
DEFAULT_REASON = "its station stopped; released with packing-tool sessions release"


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "sessions", help="list every packing list with its status; release a stale lock",
        description="Without a subcommand: the same as 'sessions list'.")
    _list_options(parser, False)
    parser.set_defaults(run=run_list)
    actions = parser.add_subparsers(dest="sessions_command", metavar="ACTION")
    listing = actions.add_parser(
        "list", help="every list of every session (or of one client) with its live status",
        description="Every packing list of every session, as the Session Browser shows it: "
        "status, worker, station, progress, last activity and the lock's holder.")
    _list_options(listing, True)
    listing.set_defaults(run=run_list)
    release = actions.add_parser(
        "release", help="release the lock of a list whose station stopped (asks first)",
        description="Show who holds a list's lock; release it when it is stale (its heartbeat "
        "is old, or its program on this PC is gone). The old lock file is kept aside and the "
        "release is written to the list's lock_history.jsonl.")
    release.add_argument("--client", required=True, help="client id without CLIENT_ (e.g. M)")
    release.add_argument("--session", required=True, help="session folder (e.g. 2026-11-21_1)")
    release.add_argument("--list", required=True, dest="list_name",
                         help="packing list name (e.g. DHL_Orders), or full_session")
    release.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
    release.add_argument("--force-live", action="store_true",
                         help="release even a live lock: its station stops writing (still asks)")
    release.add_argument("--reason", default=DEFAULT_REASON,
                         help="why, for lock_history.jsonl")
    _stale_option(release, True)
    release.set_defaults(run=run_release)


def _list_options(parser: argparse.ArgumentParser, on_action: bool) -> None:
    # On 'list' the options default to "not given", so 'sessions --client M list' keeps M.
    default: dict[str, Any] = {"default": argparse.SUPPRESS} if on_action else {}
    parser.add_argument("--client", help="only this client (id without CLIENT_)", **default)
    parser.add_argument("--status", nargs="+", action="extend", metavar="S",
                        help="only these statuses: " + ", ".join(
                            f"{k} ({v})" for k, v in STATUS_LABELS.items()), **default)
    parser.add_argument("--json", action="store_true", help="a JSON list of objects", **default)
    _stale_option(parser, on_action)


def _stale_option(parser: argparse.ArgumentParser, on_action: bool) -> None:
    default = argparse.SUPPRESS if on_action else DEFAULT_STALE_SECONDS
    parser.add_argument("--stale-after", type=float, metavar="SECONDS", default=default,
                        help="a lock whose heartbeat is older is stale "
                        f"(default {DEFAULT_STALE_SECONDS:.0f})")


# --------------------------------------------------------------------------- list


def _client(layout: ShareLayout, given: str) -> str:
    try:
        client = client_folder_id(given).removeprefix("CLIENT_")
    except UnsafeNameError as exc:
        raise AdminError(str(exc)) from exc
    known = list_clients(layout)
    if client not in known:
        raise AdminError(say("client {given!r} not found on {root} (clients: {known})", given=given,
                             root=layout.root, known=', '.join(known) or say('none')))
    return client


def _statuses(given: list[str] | None) -> set[str] | None:
    if not given:
        return None
    by_name = {k: k for k in STATUS_LABELS} | {v.lower(): k for k, v in STATUS_LABELS.items()}
    chosen = set()
    for text in given:
        key = by_name.get(text.strip().lower().replace("-", "_"))
        if key is None:
            raise AdminError(f"--status {text!r} is not one of " + ", ".join(
                f"{k} ({v})" for k, v in STATUS_LABELS.items()))
        chosen.add(key)
    return chosen


def _stale_after(args: argparse.Namespace) -> float:
    value = float(getattr(args, "stale_after", DEFAULT_STALE_SECONDS))
    if not value > 0:
        raise AdminError(say("--stale-after {value:g} must be more than 0 seconds", value=value))
    return value


def run_list(args: argparse.Namespace) -> int:
    layout = ShareLayout(share_root(args))
    given = getattr(args, "client", None)
    clients = [_client(layout, given)] if given else list_clients(layout)
    wanted = _statuses(getattr(args, "status", None))
    moment, stale_after = now(), _stale_after(args)
    rows: list[tuple[str, IndexRow]] = []
    try:
        for client in clients:
            found = load_rows(layout, client, now=moment, stale_after=stale_after,
                              progress=_progress(client))
            rows += [(client, row) for row in found if wanted is None or row.status in wanted]
    except OSError as exc:
        raise AdminError(say("cannot read the sessions on {root}: {exc}",
                             root=layout.root, exc=exc), EXIT_FAILED) from exc
    if getattr(args, "json", False):
        print(json.dumps([_as_json(c, r, moment) for c, r in rows], ensure_ascii=False, indent=1))
    else:
        print(_table([_as_cells(c, r, moment) for c, r in rows]))
    return 0


def _progress(client: str) -> Callable[[int, int], None]:
    """Progress on stderr while a client's sessions are read without an index (first run)."""
    shown: list[Progress] = []

    def step(done: int, total: int) -> None:
        if total < PROGRESS_FROM:
            return
        if not shown:
            shown.append(Progress(say("reading the sessions of client {client}", client=client),
                                  total))
        shown[0].step(done - shown[0].done)
        if done == total:
            shown[0].finish()

    return step


def _as_json(client: str, row: IndexRow, moment: datetime) -> dict[str, Any]:
    lock = None
    if row.lock is not None:
        lock = {**row.lock.to_dict(), "heartbeat_age_seconds": _seconds(row.lock, moment),
                "stale": row.status == "stale"}
    return {"client": client, "session": row.session_id, "list": row.packing_list_name,
            "status": row.status, "label": row.label, "stored_status": row.stored_status,
            "worker_id": row.worker_id, "worker_name": row.worker_name, "station": row.pc_name,
            "total_orders": row.total_orders, "completed_orders": row.completed_orders,
            "skipped_orders": row.skipped_orders, "total_items": row.total_items,
            "packed_items": row.packed_items, "courier": row.courier,
            "created_at": row.created_at, "started_at": row.started_at,
            "updated_at": row.updated_at, "completed_at": row.completed_at,
            "last_activity": _last(row), "lock": lock, "work_dir": str(row.work_dir)}


def _seconds(lock: LockInfo, moment: datetime) -> float | None:
    age = lock.heartbeat_age(moment)
    return None if age == float("inf") else round(age, 1)


def _last(row: IndexRow) -> str | None:
    return row.lock.heartbeat if row.lock is not None else (row.completed_at or row.updated_at)


def _as_cells(client: str, row: IndexRow, moment: datetime) -> list[str]:
    progress = ""
    if row.total_orders is not None:
        progress = f"{row.completed_orders or 0}/{row.total_orders}"
    holder = ""
    if row.lock is not None:
        who = row.lock.worker_name or row.lock.user_name
        holder = f"{row.lock.locked_by} ({who}), {age_text(row.lock.heartbeat_age(moment))}"
    return [client, row.session_id, row.packing_list_name, status_word(row.label),
            row.worker_name or "",
            row.pc_name or "", progress, when_text(row.started_at), when_text(_last(row)),
            holder]


def status_word(label: str) -> str:
    """A list's status (storage's English label) in the installed language."""
    return {"Active": say("Active"), "Stale": say("Stale"), "Paused": say("Paused"),
            "Available": say("Available"), "Incomplete": say("Incomplete"),
            "Abandoned": say("Abandoned"), "Completed": say("Completed")}.get(label, label)


def _table(cells: list[list[str]]) -> str:
    if not cells:
        return say("No packing lists.")
    heads = [say("CLIENT"), say("SESSION"), say("LIST"), say("STATUS"), say("WORKER"),
             say("STATION"), say("PROGRESS"), say("STARTED"), say("LAST ACTIVITY"), say("LOCK")]
    widths = [max(len(c[i]) for c in [heads, *cells]) for i in range(len(heads))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
             for line in [heads, *cells]]
    return "\n".join(lines)


def when_text(value: str | None) -> str:
    """A timestamp as local ``YYYY-MM-DD HH:MM``; unreadable text as it is."""
    moment = parse_timestamp(value)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else (value or "")


def age_text(seconds: float) -> str:
    if seconds == float("inf"):
        return say("age unknown")
    if seconds < 120:
        return say("{seconds:.0f} s ago", seconds=seconds)
    if seconds < 7200:
        return say("{minutes:.0f} min ago", minutes=seconds / 60)
    if seconds < 172800:
        return say("{hours:.0f} h {minutes:.0f} min ago", hours=seconds // 3600,
                   minutes=seconds % 3600 / 60)
    return say("{days:.0f} days ago", days=seconds / 86400)


# --------------------------------------------------------------------------- release


def _work_dir(layout: ShareLayout, args: argparse.Namespace) -> tuple[str, Path]:
    client = _client(layout, args.client)
    try:
        session_dir = layout.session_dir(client, args.session)
        work_dir = layout.work_dir(client, args.session, args.list_name)
    except UnsafeNameError as exc:
        raise AdminError(str(exc)) from exc
    if not session_dir.is_dir():
        raise AdminError(say("session {session!r} of client {client} not found ({session_dir})",
                             session=args.session, client=client, session_dir=session_dir))
    if args.list_name not in work_names(session_dir) and not work_dir.is_dir():
        raise AdminError(say("packing list {list_name!r} not found in {session_dir}",
                             list_name=args.list_name, session_dir=session_dir))
    return f"{client}/{args.session}/{args.list_name}", work_dir


def describe(found: CurrentLock, stale_after: float) -> list[str]:
    """Who holds the lock and whether it is stale, one fact a line."""
    info = found.info
    if not found.valid:
        state = say("stale") if found.stale else say(
            "counts as held until {seconds:.0f} s old", seconds=stale_after)
        return ["  " + say("the lock file is not a valid lock"),
                "  " + say("written: {when} ({age})", when=when_text(info.heartbeat),
                           age=age_text(found.age)),
                "  " + say("state: {state}", state=state)]
    worker = info.worker_name or "-"
    if info.worker_id:
        worker += f" ({info.worker_id})"
    if not found.stale:
        state = say("LIVE: its station is still sending heartbeats")
    elif info.owner_gone():
        state = say("stale: it is this PC's and its program no longer runs")
    else:
        state = say("stale: no heartbeat for more than {seconds:.0f} s", seconds=stale_after)
    return ["  " + say("station: {station} (process {process}, user {user})",
                       station=info.locked_by, process=info.process_id or "?",
                       user=info.user_name),
            "  " + say("worker: {worker}", worker=worker),
            "  " + say("since: {when}", when=when_text(info.lock_time)),
            "  " + say("last heartbeat: {when} ({age})", when=when_text(info.heartbeat),
                       age=age_text(found.age)),
            "  " + say("state: {state}", state=state)]


def run_release(args: argparse.Namespace) -> int:
    layout = ShareLayout(share_root(args))
    name, work_dir = _work_dir(layout, args)
    stale_after = _stale_after(args)
    try:
        found = current_lock(work_dir, stale_after=stale_after)
    except OSError as exc:
        raise AdminError(say("cannot read {lock}: {exc}",
                             lock=work_dir / LOCK_FILENAME, exc=exc), EXIT_FAILED) from exc
    if found is None:
        raise AdminError(say("{name}: no lock ({lock} does not exist)", name=name,
                             lock=work_dir / LOCK_FILENAME),
                         EXIT_FAILED)
    print(say("Lock of {name} ({lock}):", name=name, lock=work_dir / LOCK_FILENAME))
    print("\n".join(describe(found, stale_after)))
    holder = say("{holder} (heartbeat {age})", holder=found.info.describe(),
                 age=age_text(found.age))
    if not found.stale and not args.force_live:
        raise AdminError(say("{name} is being packed by {holder}: the lock is live and is not "
                             "released (--force-live releases it anyway)", name=name,
                             holder=holder),
                         EXIT_FAILED)
    question = say("Release the lock of {name}?", name=name)
    if not found.stale:
        question = say("The lock of {name} is LIVE: its station will stop saving. Release it?",
                       name=name)
    if not confirm(question, assume_yes=args.yes):
        raise AdminError(say("{name}: not released; nothing changed", name=name), EXIT_FAILED)
    try:
        aside = release_stale(work_dir, found.info, reason=args.reason,
                              stale_after=stale_after, force=args.force_live)
    except (NoLockError, LockHeldError) as exc:
        raise AdminError(say("not released: {exc}", exc=exc), EXIT_FAILED) from exc
    except OSError as exc:
        raise AdminError(say("{name}: could not release the lock: {exc}",
                             name=name, exc=exc), EXIT_FAILED) from exc
    print(say("Released the lock of {name}. The old lock is kept as {aside}; the release is "
              "recorded in lock_history.jsonl.", name=name, aside=aside))
    return 0
