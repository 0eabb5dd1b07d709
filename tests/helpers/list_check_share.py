"""Small real shares for the pre-shift check: a session with lists in the Shopify Tool's JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from shared import fileio

CLIENT, SESSION = "T", "2026-12-01_1"


def item(sku: Any, quantity: Any = 1, name: str = "") -> dict[str, Any]:
    return {"sku": sku, "product_name": name or f"Product {sku}", "quantity": quantity,
            "order_fulfillment_status": "Fulfillable"}


def order(number: str, *items: dict[str, Any], status: str = "Fulfillable") -> dict[str, Any]:
    return {"order_number": number, "order_fulfillment_status": status, "courier": "DHL",
            "destination_country": "BG", "tags": [], "items": list(items)}


def write_share(root: Path, lists: dict[str, list[dict[str, Any]]], *,
                stock: str | None = None, mapping: dict[str, str] | None = None) -> Path:
    """A share with client T, one session holding ``lists``, an optional stock CSV (text)
    and barcode map. Returns the session folder."""
    session = root / "Sessions" / f"CLIENT_{CLIENT}" / SESSION
    (root / "Clients" / f"CLIENT_{CLIENT}").mkdir(parents=True)
    fileio.atomic_write_json(session / "session_info.json", {
        "created_by_tool": "shopify", "created_at": "2026-12-01T06:00:00+02:00",
        "client_id": CLIENT, "session_name": SESSION})
    for name, orders in lists.items():
        fileio.atomic_write_json(session / "packing_lists" / f"{name}.json",
                                 {"session_id": SESSION, "orders": orders})
    if stock is not None:
        (session / "input").mkdir(parents=True)
        (session / "input" / "inventory.csv").write_text(stock, encoding="utf-8")
    if mapping is not None:
        fileio.atomic_write_json(root / "Clients" / f"CLIENT_{CLIENT}" / "packer_config.json",
                                 {"client_id": CLIENT, "sku_mapping": mapping})
    return session
