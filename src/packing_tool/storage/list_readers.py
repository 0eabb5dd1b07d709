"""Packing lists into ``PackingList``: the Shopify Tool's JSON (a list, or the whole session).

Every quirk of what the Shopify Tool writes is accepted (formats §4, §5, §13): key aliases,
``"nan"``/``"None"`` for nothing, ``tags`` as a list or a string, ``NO_SKU`` lines, and
"Not Fulfillable" orders, which are left out on purpose (``PackingList.skipped``). Anything
wrong in one order or line is a ``LoadProblem`` and only that part is skipped (an order
number or SKU that is an object, a list or true/false is such a problem, never made into
text); a file that cannot be read as a list at all raises ``ListReadError``, also one nested
too deeply for the JSON parser. Pickles are never loaded.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
from pathlib import Path
from typing import Any

from packing_tool.domain.orders import FULL_SESSION, LoadProblem, Order, OrderLine, PackingList
from packing_tool.storage.layout import (
    NameClashError,
    UnsafeNameError,
    clashes,
    inside,
    safe_name,
)
from packing_tool.storage.share_json import TOO_DEEP, JsonTooDeepError, loads

MAX_LIST_BYTES = 200 * 1024 * 1024
MAX_QUANTITY = 100_000  # more units than anyone scans one by one: a typo, not an order
LIST_SUFFIXES = (".json", ".xlsx")  # in order of preference when both exist
NO_SKU = "NO_SKU"
EMPTY_TEXT = frozenset({"", "nan", "none", "null"})  # how pandas and Python write "nothing"
_ORDER_KEYS = frozenset({
    "order_number", "order_type", "shipping_provider", "courier", "order_fulfillment_status",
    "status", "destination_country", "shipping_country", "tags", "notes", "system_note",
    "internal_tags", "order_min_box", "items",
})

log = logging.getLogger(__name__)


class ListReadError(ValueError):
    """The file cannot be read as a packing list at all."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
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


# --------------------------------------------------------------------------- files


def check_size(path: Path, limit: int) -> None:
    size = path.stat().st_size
    if size > limit:
        raise ListReadError(path, f"is {size / 2**20:.0f} MB; files over "
                                  f"{limit / 2**20:.0f} MB are refused")


def read_json_document(path: Path) -> dict[str, Any]:
    """The top-level object of a list file; ``ListReadError`` for anything else."""
    check_size(path, MAX_LIST_BYTES)
    raw = path.read_bytes()
    try:
        data = loads(raw.decode("utf-8-sig"))
    except JsonTooDeepError as exc:
        raise ListReadError(path, f"is {TOO_DEEP}; refused") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise ListReadError(path, f"is not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise ListReadError(path, f"top level is a {type(data).__name__}, not an object")
    if not isinstance(data.get("orders"), list):
        raise ListReadError(path, "has no 'orders' list")
    return data


def load_shopify_json(path: str | Path, *, name: str | None = None) -> PackingList:
    """A ``packing_lists/<Name>.json`` or an ``analysis_data.json`` (name it FULL_SESSION)."""
    path = Path(path)
    return shopify_list(read_json_document(path), path, name=name)


def shopify_list(data: dict[str, Any], path: Path, *, name: str | None = None) -> PackingList:
    """The list in a document ``read_json_document`` returned (read once, used twice)."""
    problems: list[LoadProblem] = []
    if text_of(data.get("error")):
        problems.append(LoadProblem(path.name, "file", f"the Shopify Tool reported an error: "
                                                        f"{text_of(data.get('error'))}"))
    orders, skipped = orders_from(data["orders"], path.name, problems)
    return PackingList(name=name or path.stem, orders=tuple(orders), problems=tuple(problems),
                       source=str(path), session_type="shopify", skipped=tuple(skipped))


def load_packing_list(path: str | Path, *, name: str | None = None,
                      column_map: dict[str, str] | None = None) -> PackingList:
    """Read a list by its suffix: ``.json`` (Shopify Tool) or ``.xlsx`` (see ``xlsx_reader``)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".pkl", ".pickle"):
        raise ListReadError(path, "pickles are never loaded (they can run code); "
                                  "use the packing list's .json or .xlsx")
    if suffix == ".json":
        return load_shopify_json(path, name=name)
    if suffix == ".xlsx":
        from packing_tool.storage.xlsx_reader import load_xlsx  # openpyxl only when needed

        return load_xlsx(path, name=name, column_map=column_map)
    raise ListReadError(path, f"{suffix or 'no suffix'}: only .json and .xlsx lists are read")


def load_full_session(session_dir: str | Path) -> PackingList:
    """Every fulfillable order of the session, from ``analysis/analysis_data.json``."""
    path = Path(session_dir) / "analysis" / "analysis_data.json"
    return load_shopify_json(path, name=FULL_SESSION)


def _list_files(session_dir: Path) -> dict[str, Path]:
    folder = session_dir / "packing_lists"
    found: dict[str, Path] = {}
    if not folder.is_dir():
        return found
    for entry in folder.iterdir():
        suffix = entry.suffix.lower()
        # ".x.tmp" temp files, ".gitkeep", "~$x.xlsx" Excel lock files are not lists.
        if entry.name.startswith((".", "~$")) or suffix not in LIST_SUFFIXES:
            continue
        try:
            stem = safe_name(entry.stem, "packing list")
        except UnsafeNameError:
            continue
        if not entry.is_file():
            continue
        current = found.get(stem)
        if current is None or LIST_SUFFIXES.index(suffix) < LIST_SUFFIXES.index(
                current.suffix.lower()):
            found[stem] = entry
    return found


def list_names(session_dir: str | Path) -> list[str]:
    """The session's packing lists: the stems of ``packing_lists/*.json`` and ``*.xlsx``."""
    return sorted(_list_files(Path(session_dir)), key=lambda s: (s.casefold(), s))


def list_path(session_dir: str | Path, name: str) -> Path:
    """The file of list ``name`` (``.json`` before ``.xlsx``); ``FileNotFoundError`` if none."""
    session = Path(session_dir)
    if name == FULL_SESSION:
        return session / "analysis" / "analysis_data.json"
    files = _list_files(session)
    same = clashes(list(files)).get(safe_name(name, "packing list").casefold())
    if same:
        raise NameClashError(
            f"{session / 'packing_lists'}: lists {' and '.join(same)} differ only in case; "
            "on a Windows share they are one name, so neither is opened: rename one")
    found = files.get(name)
    if found is None:
        raise FileNotFoundError(f"{session / 'packing_lists'}: no list named {name!r}")
    return inside(session / "packing_lists", found.name)


def open_list(session_dir: str | Path, name: str, *,
              column_map: dict[str, str] | None = None) -> PackingList:
    """List ``name`` of a session, or every fulfillable order for ``FULL_SESSION``."""
    return load_packing_list(list_path(session_dir, name), name=name, column_map=column_map)


def other_lists(session_dir: str | Path, name: str) -> dict[str, str]:
    """Order number → list name for every order of the session's other lists.

    A list that cannot be read is left out (its own open reports it); full-session mode has
    no other lists (it holds every order).
    """
    if name == FULL_SESSION:
        return {}
    found: dict[str, str] = {}
    for other in list_names(session_dir):
        if other == name:
            continue
        try:
            orders = open_list(session_dir, other).orders
        except (OSError, ValueError) as exc:
            log.info("%s: list %s not read for other-list hints: %s", session_dir, other, exc)
            continue
        for order in orders:
            found.setdefault(order.order_number, other)
    return found
