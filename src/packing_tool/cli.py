"""The `packing-tool` command: opens the app, or runs a headless subcommand."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from packing_tool import __version__
from packing_tool.admin import (
    archive,
    backup,
    check_list,
    demo,
    migrate,
    second_check,
    sessions,
    stats,
    verify,
    words,
)
from packing_tool.admin.common import AdminError
from packing_tool.admin.messages_bg import bulgarian
from packing_tool.admin.words import say
from packing_tool.storage.paths import resolve_root

ADMIN_COMMANDS = (stats, sessions, verify, migrate, demo, backup, archive, check_list,
                  second_check)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="packing-tool",
        description="Packing station: scan orders, share statistics with the Shopify Tool. "
        "Without a subcommand the desktop app opens.",
    )
    parser.add_argument("--version", action="version", version=f"packing-tool {__version__}")
    parser.add_argument(
        "--root", help="share root (default: $PACKING_TOOL_ROOT, $FULFILLMENT_SERVER_PATH, "
        "the configured server, else a local demo folder)",
    )
    parser.add_argument("--quit-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in ADMIN_COMMANDS:
        module.register(commands)
    sim = commands.add_parser(
        "simulate", help="pack a list headlessly, as a packer would (for tests and benchmarks)")
    sim.add_argument("--client", required=True, help="client id without CLIENT_ (e.g. M)")
    sim.add_argument("--session", required=True, help="session folder name (e.g. 2026-11-21_1)")
    sim.add_argument("--list", required=True, dest="list_name",
                     help="packing list file stem (e.g. DHL_Orders), or full_session")
    sim.add_argument("--worker", required=True, help="worker display name (created if missing)")
    sim.add_argument("--complete", action="store_true",
                     help="end the list afterwards: summary, report, statistics, worker profile")
    sim.add_argument("--take-over", action="store_true",
                     help="take over the list's lock if it is stale (its station stopped)")
    sim.add_argument("--station", metavar="NAME",
                     help="the station name in the lock, the summary and session_info.json "
                     "(default: the name in Settings, else this PC's name; $PACKING_TOOL_STATION, "
                     "when set, wins over all)")
    return parser


def _simulate(args: argparse.Namespace) -> int:
    from packing_tool.simulate import simulate
    from packing_tool.storage.completion import CompletionError
    from packing_tool.storage.lock_info import set_station_name, station_override
    from packing_tool.storage.packing_session import ExclusiveModeError
    from packing_tool.storage.session_lock import LockHeldError, LockLostError
    from packing_tool.storage.session_manager import ShareNotReadyError
    from packing_tool.storage.settings import StationSettings
    from shared.worker_manager import WorkerManagerError

    if args.station is not None:
        problems = StationSettings(station_name=args.station).problems()
        if problems:
            print(f"packing-tool simulate: --station: {' '.join(problems)}", file=sys.stderr)
            return 2
        set_station_name(args.station)
        forced = station_override()
        if forced is not None and forced != args.station.strip():
            print("packing-tool simulate: " + say(
                "PACKING_TOOL_STATION={forced} names this station, not --station {station}",
                forced=forced, station=args.station), file=sys.stderr)
    root = resolve_root(args.root).path
    if not root.is_dir():
        print("packing-tool: " + say("share root {root} does not exist", root=root),
              file=sys.stderr)
        return 2
    try:
        result = simulate(root, args.client, args.session, args.list_name, args.worker,
                          complete=args.complete, take_over=args.take_over)
    except LockHeldError as exc:
        print(f"packing-tool simulate: {exc}", file=sys.stderr)
        return 3
    except (CompletionError, ShareNotReadyError, LockLostError) as exc:
        print(f"packing-tool simulate: {exc}", file=sys.stderr)
        return 1
    except (OSError, ValueError, ExclusiveModeError, WorkerManagerError) as exc:
        print(f"packing-tool simulate: {exc}", file=sys.stderr)
        return 2
    for problem in result["problems"]:
        print(say("skipped: {problem}", problem=problem), file=sys.stderr)
    print(json.dumps(result, ensure_ascii=False))
    return 0


def speak_the_stations_language(args: argparse.Namespace) -> None:
    """Bulgarian words for the commands, from the window's Qt catalogue, when the station's
    language is Bulgarian; English needs nothing (the texts are written in English)."""
    words.install(None)
    if not bulgarian():
        return
    from packing_tool.ui.cli_words import install_catalogue  # Qt lives in the ui layer

    install_catalogue(args)


def name_the_station() -> None:
    """The station's name from its Settings, as the app takes it (``--station`` and
    $PACKING_TOOL_STATION still win): locks, the order ledger, summaries and audits."""
    from packing_tool.storage.lock_info import set_station_name
    from packing_tool.storage.settings import read_settings

    set_station_name(read_settings().station_name)


def _command(args: argparse.Namespace) -> int:
    if args.command == "simulate":
        return _simulate(args)
    try:
        return int(args.run(args))
    except AdminError as exc:
        print(f"packing-tool {args.command}: {exc}", file=sys.stderr)
        return exc.code


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    name_the_station()
    if args.command == "simulate" or getattr(args, "run", None) is not None:
        try:
            speak_the_stations_language(args)
            return _command(args)
        finally:
            words.install(None)  # a caller in the same process gets English again
    from packing_tool.app import run_app

    return run_app(args.root, quit_after=args.quit_after)


if __name__ == "__main__":
    sys.exit(main())
