"""The `packing-tool` command: opens the app, or runs an administrator subcommand."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from packing_tool import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="packing-tool",
        description="Packing station: scan orders, share statistics with the Shopify Tool.",
    )
    parser.add_argument("--version", action="version", version=f"packing-tool {__version__}")
    parser.add_argument("--root", help="share root (default: configured server, else demo data)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    parser.parse_args(argv)
    parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
