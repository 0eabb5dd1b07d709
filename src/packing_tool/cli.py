"""The `packing-tool` command: opens the app, or runs a headless subcommand."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from packing_tool import __version__
from packing_tool.storage.paths import resolve_root
from shared.stats_manager import StatsManager, StatsManagerError


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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("stats", help="print the shared statistics as JSON")
    return parser


def _stats(root: str | None) -> int:
    choice = resolve_root(root)
    if not choice.path.is_dir():
        print(f"packing-tool: share root {choice.path} does not exist", file=sys.stderr)
        return 2
    try:
        stats = StatsManager(choice.path).get_global_stats()
    except StatsManagerError as exc:
        print(f"packing-tool: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(stats, indent=2, ensure_ascii=False))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "stats":
        return _stats(args.root)
    from packing_tool.app import run_app

    return run_app(args.root)


if __name__ == "__main__":
    sys.exit(main())
