"""``packing-tool second-check CLIENT``: show or set which orders of a client need a second
worker's check (``packer_config.json`` key ``second_check``; docs/second_check.md).

Only the options given change; the other rules, and every other key of the file, stay.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from typing import Any

from packing_tool.admin.common import EXIT_FAILED, AdminError, script_options, share_root
from packing_tool.admin.words import say
from packing_tool.domain.second_check import SecondCheckRules
from packing_tool.storage.barcode_maps import BarcodeMapError, BarcodeMapStore
from packing_tool.storage.layout import ShareLayout, client_folder_id
from shared import fileio


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "second-check", help=say("show or set which orders of a client need a second check"),
        description=say("Orders flagged by value, tag, SKU or a random sample cannot be completed "
            "until a second worker checks them. Without options the client's rules are shown."))
    parser.add_argument("client", metavar=say("CLIENT"),
                        help=say("client id without CLIENT_ (e.g. M)"))
    parser.add_argument("--min-value", type=float, metavar=say("AMOUNT"),
                        help=say("flag orders worth this much or more (lists with prices only)"))
    parser.add_argument("--no-min-value", action="store_true", help=say("drop the value rule"))
    parser.add_argument("--tags", metavar=say("TAG,…"),
                        help=say("flag orders with one of these tags "
                            "(comma-separated; an empty value drops the rule)"))
    parser.add_argument("--skus", metavar="SKU,…",
                        help=say("flag orders holding one of these SKUs"))
    parser.add_argument("--sample", type=float, metavar=say("PERCENT"),
                        help=say("flag this share of the orders at random (0 to 100)"))
    parser.add_argument("--off", action="store_true", help=say("no second checks for this client"))
    script_options(parser)
    parser.set_defaults(run=run)


def _words(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def changed(rules: SecondCheckRules, args: argparse.Namespace) -> SecondCheckRules | None:
    """The rules after the options, or None when no option asks for a change."""
    if args.off:
        return SecondCheckRules()
    new = rules
    if args.no_min_value:
        new = replace(new, min_order_value=None)
    elif args.min_value is not None:
        if args.min_value < 0:
            raise AdminError(say("--min-value must be 0 or more"))
        new = replace(new, min_order_value=args.min_value)
    if args.tags is not None:
        new = replace(new, tags=_words(args.tags))
    if args.skus is not None:
        new = replace(new, skus=_words(args.skus))
    if args.sample is not None:
        if not 0 <= args.sample <= 100:
            raise AdminError(say("--sample must be 0 to 100"))
        new = replace(new, sample_percent=args.sample)
    changes = (args.no_min_value, args.min_value, args.tags, args.skus, args.sample)
    return new if any(c not in (None, False) for c in changes) else None


def run(args: argparse.Namespace) -> int:
    root = share_root(args)
    client = client_folder_id(args.client).removeprefix("CLIENT_")
    layout = ShareLayout(root)
    if not layout.client_dir(client).is_dir():
        raise AdminError(say("no client {client} in {folder}", client=client,
                             folder=root / 'Clients'), EXIT_FAILED)
    store = BarcodeMapStore(layout, client)
    try:
        rules, problems = store.second_check()
        new = changed(rules, args)
        if new is not None:
            store.set_second_check(new)
            rules, problems = new, []
    except (BarcodeMapError, fileio.SharedFileDamagedError, OSError) as exc:
        raise AdminError(say("{path}: {exc}", path=store.path, exc=exc), EXIT_FAILED) from exc
    if args.json:
        print(json.dumps(rules.to_dict(), ensure_ascii=False))
        return 0
    value = say("off") if rules.min_order_value is None else say(
        "{value} or more", value=f"{rules.min_order_value:g}")
    print(say("client {client}: second check {state}", client=client,
              state=say('on') if rules.active else say('off')))
    print("  " + say("order value: {value} (only lists with an order-level price column)",
                     value=value))
    print("  " + say("tags: {tags}", tags=', '.join(rules.tags) or '—'))
    print("  " + say("SKUs: {skus}", skus=', '.join(rules.skus) or '—'))
    print("  " + say("random sample: {sample_percent:g} %", sample_percent=rules.sample_percent))
    for problem in problems:
        print("  " + say("ignored: {problem}", problem=problem))
    return 0
