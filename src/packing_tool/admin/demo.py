"""``packing-tool demo PATH``: a share root with the bundled demo data, to try the app on,
optionally with one generated session of N orders for trying large lists."""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

from packing_tool.admin.common import EXIT_FAILED, AdminError
from packing_tool.admin.words import counted, say
from packing_tool.storage.discovery import list_clients, list_sessions, list_work
from packing_tool.storage.generated import write_generated_session
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.paths import ensure_demo_root, resources_dir
from shared import fileio

GENERATED_LIST = "Generated_Orders"


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "demo", help=say("create a demo share root to try the app on"),
        description=say("Copy the bundled demo share (clients, sessions, packing lists, "
                        "statistics) into PATH, then print the command that opens the app on "
                        "it."))
    parser.add_argument("path", metavar=say("PATH"),
                        help=say("folder to create (must be new or empty)"))
    parser.add_argument("--force", action="store_true",
                        help=say(
                            "use a folder that is not empty: only missing demo files are added"))
    parser.add_argument("--orders", type=int, metavar="N",
                        help=say("also write a generated session with one list of N orders"))
    parser.set_defaults(run=run)


def _is_empty(path: Path) -> bool:
    return not any(path.iterdir())


def _source() -> Path:
    return resources_dir() / "demo" / "server"


def _add_missing(target: Path) -> int:
    """Copy the demo files ``target`` lacks; existing files (packed work) stay as they are."""
    source = _source()
    added = 0
    for file in sorted(source.rglob("*")):
        destination = target / file.relative_to(source)
        if file.is_file() and not destination.exists():
            fileio.atomic_write_bytes(destination, file.read_bytes())
            added += 1
    return added


def next_session(layout: ShareLayout, client: str, day: date) -> str:
    """``YYYY-MM-DD_N`` with N one past today's highest session number of ``client``."""
    prefix = f"{day:%Y-%m-%d}_"
    numbers = [int(name[len(prefix):]) for name in list_sessions(layout, client)
               if name.startswith(prefix)]
    return f"{prefix}{max(numbers, default=0) + 1}"


def _contents(layout: ShareLayout) -> list[str]:
    lines = []
    for client in list_clients(layout):
        for session in list_sessions(layout, client):
            lists = list_work(layout, client, session)
            count = counted(len(lists), "{n} list", "{n} lists")
            lines.append("  " + say("client {client}, session {session}: {count} ({lists})",
                                    client=client, session=session, count=count,
                                    lists=', '.join(lists)))
    return lines


def _command(path: Path) -> str:
    words = ["packing-tool", "--root", str(path)]
    return subprocess.list2cmdline(words) if sys.platform == "win32" else shlex.join(words)


def run(args: argparse.Namespace) -> int:
    target = Path(args.path).expanduser().absolute()
    if args.orders is not None and args.orders < 1:
        raise AdminError(say("--orders {orders} must be at least 1", orders=args.orders))
    if target.exists() and not target.is_dir():
        raise AdminError(say("{target} exists and is not a folder", target=target))
    fresh = not target.exists() or _is_empty(target)
    if not fresh and not args.force:
        raise AdminError(say("{target} is not empty; choose a new folder, or give --force to add "
                             "only the missing demo files", target=target))
    layout = ShareLayout(target)
    try:
        if fresh:
            ensure_demo_root(target)
            print(say("Demo share created in {target}", target=target))
        else:
            print(say("Added {added} missing demo files to {target}", added=_add_missing(target),
                      target=target))
        generated = None
        if args.orders is not None:
            client = list_clients(ShareLayout(_source()))[0]
            session = next_session(layout, client, date.today())
            generated = write_generated_session(target, client, session, GENERATED_LIST,
                                                args.orders)
    except OSError as exc:
        raise AdminError(say("could not write the demo share in {target}: {exc}", target=target,
                             exc=exc),
                         EXIT_FAILED) from exc
    print(say("It holds:"))
    print("\n".join(_contents(layout)))
    if generated is not None:
        print(say("Generated list of {orders} orders: {generated}", orders=args.orders,
                  generated=generated))
    print(say("Open the app on it with:"))
    print(f"  {_command(target)}")
    print(say("List its sessions with:\n  {command} sessions list", command=_command(target)))
    return 0
