"""The `packing-tool` command: opens the app, or runs a headless subcommand."""

from __future__ import annotations

import argparse
import contextlib
import io
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
    parser_words,
    second_check,
    sessions,
    stats,
    verify,
    words,
)
from packing_tool.admin.common import AdminError, list_options
from packing_tool.admin.messages_bg import bulgarian
from packing_tool.admin.words import error_text, joined, say, shown
from packing_tool.storage.paths import resolve_root

ADMIN_COMMANDS = (stats, sessions, verify, migrate, demo, backup, archive, check_list,
                  second_check)


def build_parser() -> argparse.ArgumentParser:
    """The command line's parser, its texts in the installed language (see ``main``)."""
    parser = argparse.ArgumentParser(
        prog="packing-tool",
        description=say("Packing station: scan orders, share statistics with the Shopify Tool. "
                        "Without a subcommand the desktop app opens."),
    )
    parser.add_argument("--version", action="version", version=f"packing-tool {__version__}",
                        help=say("show program's version number and exit"))
    parser.add_argument(
        "--root", metavar=say("PATH"), help=say(
            "share root (default: $PACKING_TOOL_ROOT, $FULFILLMENT_SERVER_PATH, "
            "the configured server, else a local demo folder)"),
    )
    parser.add_argument("--quit-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar=say("COMMAND"))
    for module in ADMIN_COMMANDS:
        module.register(commands)
    sim = commands.add_parser(
        "simulate", help=say(
            "pack a list headlessly, as a packer would (for tests and benchmarks)"))
    list_options(sim)
    sim.add_argument("--worker", required=True, metavar=say("WORKER"),
                     help=say("worker display name (created if missing)"))
    sim.add_argument("--complete", action="store_true", help=say(
        "end the list afterwards: summary, report, statistics, worker profile"))
    sim.add_argument("--take-over", action="store_true", help=say(
        "take over the list's lock if it is stale (its station stopped)"))
    sim.add_argument("--station", metavar=say("NAME"), help=say(
        "the station name in the lock, the summary and session_info.json (default: the name "
        "in Settings, else this PC's name; $PACKING_TOOL_STATION, when set, wins over all)"))
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
            print("packing-tool simulate: --station: " + shown(joined(problems, " ")),
                  file=sys.stderr)
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
        print(f"packing-tool simulate: {error_text(exc)}", file=sys.stderr)
        return 3
    except (CompletionError, ShareNotReadyError, LockLostError) as exc:
        print(f"packing-tool simulate: {error_text(exc)}", file=sys.stderr)
        return 1
    except (OSError, ValueError, ExclusiveModeError, WorkerManagerError) as exc:
        print(f"packing-tool simulate: {error_text(exc)}", file=sys.stderr)
        return 2
    for problem in result["problems"]:
        print(say("skipped: {problem}", problem=problem), file=sys.stderr)
    print(json.dumps(result, ensure_ascii=False))
    return 0


def speak_the_stations_language() -> bool:
    """Bulgarian words for the commands, their --help and argparse's own words, from the
    window's Qt catalogue, when the station's language is Bulgarian (True); English needs
    nothing (the texts are written in English)."""
    words.install(None)
    if not bulgarian():
        return False
    from packing_tool.ui.cli_words import install_catalogue  # Qt lives in the ui layer

    install_catalogue()
    return True


def opens_the_window(argv: list[str]) -> argparse.Namespace | None:
    """The arguments when they open the desktop app (no subcommand, no --help or --version,
    no mistake), read in English without a word printed; None when the command line answers
    (then ``main`` reads them again, in the station's language). So the window's start loads
    nothing for the command line's words."""
    unheard = io.StringIO()
    try:
        with contextlib.redirect_stdout(unheard), contextlib.redirect_stderr(unheard):
            args = build_parser().parse_args(argv)
    except SystemExit:
        return None
    return args if args.command is None else None


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
    given = list(sys.argv[1:] if argv is None else argv)
    window = opens_the_window(given)
    name_the_station()
    if window is not None:
        from packing_tool.app import run_app

        return run_app(window.root, quit_after=window.quit_after)
    try:  # the language first: the parser's texts are looked up as it is built
        in_bulgarian = speak_the_stations_language()
        with parser_words.spoken():
            args = build_parser().parse_args(given)
        if in_bulgarian and args.command == "check-list":
            from packing_tool.ui.cli_words import word_the_findings

            word_the_findings(args)
        return _command(args)
    finally:
        words.install(None)  # a caller in the same process gets English again


if __name__ == "__main__":
    sys.exit(main())
