"""``packing-tool check-list``: the pre-shift check of one packing list.

Reports what would trip the packer before packing starts: SKUs with no barcode the station
accepts, barcodes or normalised codes that reach two SKUs, order labels that clash, orders
packed or being packed elsewhere (order ledger) or also in another list of the session,
quantities that look wrong, and lines left out (Not Fulfillable orders, ``NO_SKU`` lines).
The findings are kept with the list (``list_check.json``) unless ``--no-save``.

Exit codes: 0 no problems (notes of lines left out on purpose may remain), 1 problems found,
2 wrong arguments, a missing share, or a list that cannot be read.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from packing_tool.admin.common import (
    EXIT_FAILED,
    AdminError,
    list_options,
    script_options,
    share_root,
)
from packing_tool.admin.words import say
from packing_tool.domain.list_check import KINDS, Finding
from packing_tool.storage.layout import ShareLayout, client_folder_id
from packing_tool.storage.list_check_store import CheckReport, run_check, save_check


def titles() -> dict[str, str]:
    """Each kind of finding's heading in the report, in the installed language."""
    return {
        "no_barcode": say("SKUs with no barcode the station accepts"),
        "shared_code": say("Barcodes or codes that reach two SKUs"),
        "order_clash": say("Order labels that clash"),
        "packed_elsewhere": say("Orders packed or being packed in another list"),
        "other_list": say("Orders also in another list of the session"),
        "quantity": say("Quantities that look wrong"),
        "left_out": say("Left out by the reader"),
        "not_fulfillable": say("Not Fulfillable orders (left out)"),
        "no_sku": say("Lines without a SKU (left out)"),
    }


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "check-list", help=say("check a packing list before the shift (barcodes, clashes, "
            "orders elsewhere, quantities)"),
        description=say("The pre-shift check of one packing list, as the Session Browser's "
            "'Check list' does it. Exit 0: no problems; 1: problems found; 2: wrong arguments "
            "or a list that cannot be read."))
    list_options(parser)
    script_options(parser)
    parser.add_argument("--no-save", action="store_true",
                        help=say("do not keep the findings in the list's list_check.json"))
    parser.set_defaults(run=run)


def text_report(report: CheckReport,
                finding_words: Callable[[Finding, str], str] | None = None) -> str:
    """The report for people; ``finding_words`` words a finding in the installed language
    (the window's wording, which cli.py passes), else its English ``text``."""
    lines = [say("List {list} of session {session} (client {client}): {orders} orders, {units} "
                 "units.", list=report.list_name, session=report.session_id,
                 client=report.client_id, orders=report.orders, units=report.units),
             say("{problems} problem(s), {notes} note(s) on lines left out.",
                 problems=report.problems, notes=report.notes)]
    heads = titles()
    for kind in KINDS:
        found = [f for f in report.findings if f.kind == kind]
        if found:
            lines.append(f"{heads[kind]} ({len(found)}):")
            lines += ["  " + (finding_words(f, report.list_name) if finding_words else f.text)
                      for f in found]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    layout = ShareLayout(share_root(args))
    try:
        client = client_folder_id(args.client).removeprefix("CLIENT_")
        report = run_check(layout, client, args.session, args.list_name)
    except (OSError, ValueError) as exc:
        raise AdminError(say("the list cannot be read: {exc}", exc=exc)) from exc
    saved = None
    if not args.no_save:
        try:
            saved = save_check(layout, report)
        except OSError as exc:
            raise AdminError(say("the findings could not be kept on the share: {exc}", exc=exc),
                             EXIT_FAILED) from exc
    if args.json:
        print(json.dumps({**report.to_dict(), "saved_to": str(saved) if saved else None},
                         ensure_ascii=False))
    else:
        print(text_report(report, getattr(args, "finding_words", None)))
        if saved is not None:
            print(say("Kept in {saved}", saved=saved))
    return EXIT_FAILED if report.problems else 0
