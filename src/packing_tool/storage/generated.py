"""Generated sessions in the Shopify Tool's format, for benchmarks, kill tests and demos."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from packing_tool.storage.layout import ShareLayout
from shared import fileio
from shared.timestamps import now_iso

COURIERS = ("DHL", "DPD", "PostOne")


def generated_orders(count: int, *, seed: int = 7, skus: int = 400) -> list[dict[str, Any]]:
    """``count`` fulfillable orders: 1 to 4 lines, quantities 1 to 3, SKUs with leading zeros."""
    rng = random.Random(seed)
    catalogue = [f"{rng.randrange(10**11, 10**12):013d}" if i % 3 == 0 else f"GEN-{i:05d}"
                 for i in range(skus)]
    orders = []
    for n in range(count):
        lines = rng.sample(catalogue, rng.choice((1, 1, 2, 3, 4)))
        courier = COURIERS[n % len(COURIERS)]
        orders.append({
            "order_number": f"#{100000 + n}", "order_type": "Multi" if len(lines) > 1 else "Single",
            "shipping_provider": courier, "courier": courier,
            "order_fulfillment_status": "Fulfillable", "status": "Fulfillable",
            "destination_country": "BG", "shipping_country": "BG",
            "tags": ["nan"], "notes": "nan", "system_note": "", "internal_tags": [],
            "order_min_box": None,
            "items": [{"sku": sku, "product_name": f"Продукт {sku}", "quantity": rng.randint(1, 3),
                       "order_fulfillment_status": "Fulfillable", "status_note": "",
                       "system_note": ""} for sku in lines],
        })
    return orders


def write_generated_session(root: Path, client_id: str, session: str, list_name: str,
                            orders: int, *, seed: int = 7) -> Path:
    """Write a session holding one generated packing list; returns the list's JSON path."""
    layout = ShareLayout(root)
    data = generated_orders(orders, seed=seed)
    folder = layout.session_dir(client_id, session)
    fileio.atomic_write_json(folder / "session_info.json", {
        "created_by_tool": "shopify", "created_at": now_iso(), "client_id": client_id,
        "session_name": session, "status": "active", "pc_name": "GENERATOR",
        "analysis_completed": True,
    })
    path = layout.packing_lists_dir(client_id, session) / f"{list_name}.json"
    fileio.atomic_write_json(path, {
        "session_id": session, "created_at": now_iso(), "total_orders": len(data),
        "total_items": sum(i["quantity"] for o in data for i in o["items"]), "orders": data,
    })
    return path
