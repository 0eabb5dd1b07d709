"""``packing-tool sessions release``: show who holds a list's lock and release it when its
station stopped; and what the listing (sessions.py) shares with it: the client check, the
``--stale-after`` value, times and ages in words."""

from __future__ import annotations

import argparse
from pathlib import Path

from packing_tool.admin.common import EXIT_FAILED, AdminError, confirm, share_root
from packing_tool.admin.words import error_text, say
from packing_tool.storage.discovery import list_clients, work_names
from packing_tool.storage.layout import ShareLayout, UnsafeNameError, client_folder_id
from packing_tool.storage.lock_info import DEFAULT_STALE_SECONDS, LOCK_FILENAME
from packing_tool.storage.lock_release import (
    CurrentLock,
    NoLockError,
    current_lock,
    release_stale,
)
from packing_tool.storage.session_lock import LockHeldError
from shared.timestamps import parse_timestamp

DEFAULT_REASON = "its station stopped; released with packing-tool sessions release"


def client_id(layout: ShareLayout, given: str) -> str:
    try:
        client = client_folder_id(given).removeprefix("CLIENT_")
    except UnsafeNameError as exc:
        raise AdminError(error_text(exc)) from exc
    known = list_clients(layout)
    if client not in known:
        raise AdminError(say("client {given!r} not found on {root} (clients: {known})", given=given,
                             root=layout.root, known=', '.join(known) or say('none')))
    return client


def stale_seconds(args: argparse.Namespace) -> float:
    value = float(getattr(args, "stale_after", DEFAULT_STALE_SECONDS))
    if not value > 0:
        raise AdminError(say("--stale-after {value:g} must be more than 0 seconds", value=value))
    return value


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
    client = client_id(layout, args.client)
    try:
        session_dir = layout.session_dir(client, args.session)
        work_dir = layout.work_dir(client, args.session, args.list_name)
    except UnsafeNameError as exc:
        raise AdminError(error_text(exc)) from exc
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
    stale_after = stale_seconds(args)
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
