"""`packing-tool stats`: show, export and rebuild the shared statistics.

``stats`` and ``stats show`` print ``Stats/global_stats.json`` as JSON (the contract of
design §3.3); ``stats export`` writes it as a workbook or CSV; ``stats rebuild`` recomputes
its packing figures, and the worker profiles' totals, from the session summaries.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from packing_tool.admin import stats_export, stats_rebuild
from packing_tool.admin.common import AdminError, share_root
from packing_tool.admin.stats_files import read_stats
from packing_tool.admin.words import say
from packing_tool.storage.layout import CLIENT_ID
from shared.stats_schema import client_view

CLIENT_HELP = "show only this client's figures (its id without CLIENT_, e.g. M)"


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "stats", help=say("show, export or rebuild the shared statistics"),
        description=say("Without a subcommand: print Stats/global_stats.json as JSON (as "
            "'stats show')."))
    parser.add_argument("--client", metavar=say("CLIENT"), help=say(CLIENT_HELP))
    parser.set_defaults(run=show)
    subcommands = parser.add_subparsers(dest="stats_command", metavar=say("SUBCOMMAND"))
    show_parser = subcommands.add_parser(
        "show", help=say("print the global statistics as JSON"),
        description=say("Print Stats/global_stats.json as JSON, or one client's figures."))
    # SUPPRESS: `stats --client M show` keeps the value given before the subcommand.
    show_parser.add_argument("--client", default=argparse.SUPPRESS, metavar=say("CLIENT"),
                             help=say(CLIENT_HELP))
    show_parser.set_defaults(run=show)
    stats_export.add_parser(subcommands)
    stats_rebuild.add_parser(subcommands)


def show(args: argparse.Namespace) -> int:
    root = share_root(args)
    doc = read_stats(root)
    client = getattr(args, "client", None)
    if client is None:
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return 0
    bare = client.removeprefix("CLIENT_")
    if not CLIENT_ID.fullmatch(bare):
        raise AdminError(say("--client {client!r} is not a client id (letters, digits, _)",
                             client=client))
    known = {str(k) for k in doc["clients"]} | {str(k) for k in doc["by_client"]}
    match = next((k for k in sorted(known) if k.upper() == bare.upper()), None)
    if match is None:
        listed = ", ".join(sorted(known)) or "none"
        raise AdminError(say("no statistics for client {bare!r} (clients recorded: {listed})",
                             bare=bare, listed=listed))
    print(json.dumps({"client_id": match, **client_view(doc, match)}, indent=2,
                     ensure_ascii=False))
    return 0
