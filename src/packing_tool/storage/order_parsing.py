"""Orders of a packing list, read from the Shopify Tool's JSON values (formats §4, §5, §13):
key aliases, ``"nan"``/``"None"`` for nothing, ``tags`` as a list or a string, ``NO_SKU`` lines,
"Not Fulfillable" orders left out. Anything wrong in one order or line is a ``LoadProblem``;
``ListReadError`` is a file that cannot be read as a list at all. ``list_readers`` (the files)
and ``xlsx_reader`` use this module; ``list_readers`` re-exports it.
"""

from __future__ import annotations

import contextlib
import json
import math
from pathlib import Path
from typing import Any

from packing_tool.domain.orders import LoadProblem, Order, OrderLine
from packing_tool.domain.phrase import phrase
from packing_tool.storage.share_json import TOO_DEEP, loads

MAX_QUANTITY = 100_000  # more units than anyone scans one by one: a typo, not an order
NO_SKU = "NO_SKU"
EMPTY_TEXT = frozenset({"", "nan", "none", "null"})  # how pandas and Python write "nothing"
_ORDER_KEYS = frozenset({
    "order_number", "order_type", "shipping_provider", "courier", "order_fulfillment_status",
    "status", "destination_country", "shipping_country", "tags", "notes", "system_note",
    "internal_tags", "order_min_box", "items",
})


class ListReadError(ValueError):
    """The file cannot be read as a packing list at all."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(phrase("{file}: {reason}", file=path, reason=reason))
        self.path = str(path)
        self.reason = reason


# --------------------------------------------------------------------------- values


def text_of(value: object) -> str:
    """A cell or JSON value as text; ``None``, NaN, ``"nan"`` and ``"None"`` are empty."""
    if value is None or isinstance(value, bool):
        return "" if value is None else str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        return str(int(value)) if value.is_integer() else str(value)  # 12345.0 → "12345"
    text = str(value).strip()
    return "" if text.casefold() in EMPTY_TEXT else text


def wrong_type(value: object) -> str | None:
    """What a value meant as text or a number is instead (JSON's words), or None if fine."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    if value is None or isinstance(value, str | int | float):
        return None
    return f"a {type(value).__name__}"


def quantity_of(value: object) -> int | None:
    """A whole positive quantity, or None (0, negative, fractional, text, bool...)."""
    number: float | int | None = None
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = value
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
    if number is None or not math.isfinite(number) or number != int(number):
        return None
    count = int(number)
    return count if 0 < count <= MAX_QUANTITY else None


def tags_of(value: object) -> tuple[str, ...]:
    """A list, a JSON list in a string (``'["BOX"]'``), or a comma-separated string."""
    if isinstance(value, str) and value.strip().startswith("["):
        with contextlib.suppress(ValueError):  # not JSON after all: split it on commas
            value = loads(value)
    items = value if isinstance(value, list | tuple) else text_of(value).split(",")
    return tuple(t for t in (text_of(item) for item in items) if t)


def _first(raw: dict[str, Any], *keys: str) -> str:
    for key in keys:
        text = text_of(raw.get(key))
        if text:
            return text
    return ""


def _extra_text(value: object) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return text_of(value)


# --------------------------------------------------------------------------- orders


def is_fulfillable(raw: dict[str, Any]) -> bool:
    """No status at all (a hand-made file) counts as fulfillable; anything else must say so."""
    status = _first(raw, "order_fulfillment_status", "status")
    return not status or status.casefold().replace(" ", "") == "fulfillable"


def _lines(raw_items: list[Any], number: str, source: str,
           problems: list[LoadProblem]) -> list[OrderLine]:
    lines = []
    for row, item in enumerate(raw_items):
        where = f"{number}, item {row + 1}"
        if not isinstance(item, dict):
            problems.append(LoadProblem(source, where, "item is not an object; line left out"))
            continue
        kind = wrong_type(item.get("sku"))
        if kind is not None:
            problems.append(LoadProblem(source, where, f"SKU is {kind}, not text or a number; "
                                                       "line left out"))
            continue
        sku = text_of(item.get("sku"))
        if not sku or sku == NO_SKU:
            continue  # a line without a SKU (tip, fee) is never packed
        quantity = quantity_of(item.get("quantity"))
        if quantity is None:
            problems.append(LoadProblem(
                source, where, f"SKU {sku}: quantity {item.get('quantity')!r} is not a whole "
                f"number from 1 to {MAX_QUANTITY}; line left out"))
            continue
        lines.append(OrderLine(row=row, sku=sku, product_name=text_of(item.get("product_name")),
                               quantity=quantity, status_note=text_of(item.get("status_note"))))
    return lines


def parse_order(raw: object, index: int, source: str,
                problems: list[LoadProblem]) -> Order | None:
    """One order object as the Shopify Tool writes it; None (with a problem) if unusable."""
    if not isinstance(raw, dict):
        problems.append(LoadProblem(source, f"order {index + 1} in the file",
                                    "not an object; left out"))
        return None
    kind = wrong_type(raw.get("order_number"))
    if kind is not None:
        problems.append(LoadProblem(source, f"order {index + 1} in the file",
                                    f"order_number is {kind}, not text or a number; left out"))
        return None
    number = text_of(raw.get("order_number"))
    if not number:
        problems.append(LoadProblem(source, f"order {index + 1} in the file",
                                    "no order_number; left out"))
        return None
    items = raw.get("items")
    if not isinstance(items, list):
        problems.append(LoadProblem(source, number, "items is not a list; order left out"))
        return None
    lines = _lines(items, number, source, problems)
    if not lines:
        problems.append(LoadProblem(source, number, "no packable lines; order left out"))
        return None
    return Order(
        order_number=number, lines=tuple(lines),
        courier=_first(raw, "courier", "shipping_provider"),
        country=_first(raw, "destination_country", "shipping_country"),
        order_type=text_of(raw.get("order_type")),
        tags=tags_of(raw.get("tags")), internal_tags=tags_of(raw.get("internal_tags")),
        notes=text_of(raw.get("notes")), system_note=text_of(raw.get("system_note")),
        min_box=text_of(raw.get("order_min_box")),
        extra={str(k): _extra_text(v) for k, v in raw.items()
               if k not in _ORDER_KEYS and _extra_text(v)},
    )


def orders_from(raw_orders: list[Any], source: str, problems: list[LoadProblem]
                ) -> tuple[list[Order], list[str]]:
    """(orders to pack, order numbers skipped as not fulfillable)."""
    orders: list[Order] = []
    skipped: list[str] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_orders):
        try:
            if isinstance(raw, dict) and not is_fulfillable(raw):
                number = raw.get("order_number")
                text = text_of(number) if wrong_type(number) is None else ""
                skipped.append(text or f"order {index + 1}")
                continue
            order = parse_order(raw, index, source, problems)
        except RecursionError:  # a value nested just below the parser's limit, made text
            problems.append(LoadProblem(source, f"order {index + 1} in the file",
                                        f"{TOO_DEEP}; left out"))
            continue
        if order is None:
            continue
        if order.order_number in seen:
            problems.append(LoadProblem(source, order.order_number,
                                        "appears twice in the file; the first is kept"))
            continue
        seen.add(order.order_number)
        orders.append(order)
    return orders, skipped


def check_size(path: Path, limit: int) -> None:
    size = path.stat().st_size
    if size > limit:
        raise ListReadError(path, phrase("is {size} MB; files over {limit} MB are refused",
                                         size=f"{size / 2**20:.0f}", limit=f"{limit / 2**20:.0f}"))
