"""For the pre-shift check's screenshot (``scripts/station_shots.py``): one more list on the
demo share, with what a check finds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

CLIENT, SESSION, LIST = "M", "2026-11-21_1", "DHL_Extra"


def _item(sku: str, quantity: int, name: str) -> dict[str, Any]:
    return {"sku": sku, "product_name": name, "quantity": quantity,
            "order_fulfillment_status": "Fulfillable"}


def _order(number: str, *items: dict[str, Any]) -> dict[str, Any]:
    return {"order_number": number, "order_fulfillment_status": "Fulfillable",
            "courier": "DHL", "destination_country": "BG", "items": list(items)}


def write_extra_list(root: Path) -> None:
    """A list the Shopify Tool could have cut the next morning, with what a check finds."""
    from packing_tool.storage.layout import ShareLayout
    from shared import fileio

    orders = [
        _order("#48214", _item("MC-SER-101-30", 1, "Серум с витамин C 30 мл")),
        _order("#48240", _item("MC-NEW-990", 1, "Комплект за пътуване"),
               _item("NO_SKU", 1, "Бакшиш")),
        _order("#48241", _item("MC-ACC-012-PD", 60, "Памучни тампони")),
        _order("48242", _item("MC-CRM-201-50", 1, "Крем за лице 50 мл")),
        _order("#48242", _item("MC-MSK-502-01", 2, "Маска с глина")),
    ]
    path = ShareLayout(root).packing_lists_dir(CLIENT, SESSION) / f"{LIST}.json"
    fileio.atomic_write_json(path, {"session_id": SESSION, "orders": orders})
