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
from typing import Any

from packing_tool.admin.common import EXIT_FAILED, AdminError, share_root
from packing_tool.domain.list_check import KINDS
from packing_tool.storage.layout import ShareLayout, client_folder_id
from packing_tool.storage.list_check_store import CheckReport, run_check, save_check

TITLES = {
    "no_barcode": "SKUs with no barcode the station accepts",
    "shared_code": "Barcodes or codes that reach two SKUs",
    "order_clash": "Order labels that clash",
    "packed_elsewhere": "Orders packed or being packed in another list",
    "other_list": "Orders also in another list of the session",
    "quantity": "Quantities that look wrong",
    "left_out": "Left out by the reader",
    "not_fulfillable": "Not Fulfillable orders (left out)",
    "no_sku": "Lines without a SKU (left out)",
}


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "check-list", help="check a packing list before the shift (barcodes, clashes, "
        "orders elsewhere, quantities)",
        description="The pre-shift check of one packing list, as the Session Browser's "
        "'Check list' does it. Exit 0: no problems; 1: problems found; 2: wrong arguments "
        "or a list that cannot be read.")
    parser.add_argument("--client", required=True, help="client id without CLIENT_ (e.g. M)")
    parser.add_argument("--session", required=True, help="session folder (e.g. 2026-11-21_1)")
    parser.add_argument("--list", required=True, dest="list_name",
                        help="packing list name (e.g. DHL_Orders), or full_session")
    parser.add_argument("--json", action="store_true",
                        help="print the result as one JSON object (for scripts)")
    parser.add_argument("--no-save", action="store_true",
                        help="do not keep the findings in the list's list_check.json")
    parser.set_defaults(run=run)


def text_report(report: CheckReport) -> str:
    lines = [f"List {report.list_name} of session {report.session_id} (client "
             f"{report.client_id}): {report.orders} orders, {report.units} units.",
             f"{report.problems} problem(s), {report.notes} note(s) on lines left out."]
    for kind in KINDS:
        found = [f for f in report.findings if f.kind == kind]
        if found:
            lines.append(f"{TITLES[kind]} ({len(found)}):")
            lines += [f"  {f.text}" for f in found]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    layout = ShareLayout(share_root(args))
    try:
        client = client_folder_id(args.client).removeprefix("CLIENT_")
        report = run_check(layout, client, args.session, args.list_name)
    except (OSError, ValueError) as exc:
        raise AdminError(f"the list cannot be read: {exc}") from exc
    saved = None
    if not args.no_save:
        try:
            saved = save_check(layout, report)
        except OSError as exc:
            raise AdminError(f"the findings could not be kept on the share: {exc}",
                             EXIT_FAILED) from exc
    if args.json:
        print(json.dumps({**report.to_dict(), "saved_to": str(saved) if saved else None},
                         ensure_ascii=False))
    else:
        print(text_report(report))
        if saved is not None:
            print(f"Kept in {saved}")
    return EXIT_FAILED if report.problems else 0
