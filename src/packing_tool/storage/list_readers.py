"""Packing lists into ``PackingList``: the Shopify Tool's JSON (a list, or the whole session).

Every quirk of what the Shopify Tool writes is accepted (formats §4, §5, §13): key aliases,
``"nan"``/``"None"`` for nothing, ``tags`` as a list or a string, ``NO_SKU`` lines, and
"Not Fulfillable" orders, which are left out on purpose (``PackingList.skipped``). Anything
wrong in one order or line is a ``LoadProblem`` and only that part is skipped (an order
number or SKU that is an object, a list or true/false is such a problem, never made into
text); a file that cannot be read as a list at all raises ``ListReadError``, also one nested
too deeply for the JSON parser. Pickles are never loaded. The values and orders are read
in ``order_parsing``; this module finds and reads the files.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from packing_tool.domain.orders import FULL_SESSION, LoadProblem, PackingList
from packing_tool.domain.phrase import phrase
from packing_tool.storage.layout import (
    NameClashError,
    UnsafeNameError,
    clashes,
    inside,
    safe_name,
)
from packing_tool.storage.order_parsing import (
    EMPTY_TEXT,
    MAX_QUANTITY,
    NO_SKU,
    ListReadError,
    check_size,
    is_fulfillable,
    orders_from,
    parse_order,
    quantity_of,
    tags_of,
    text_of,
    wrong_type,
)
from packing_tool.storage.share_json import JsonTooDeepError, loads

MAX_LIST_BYTES = 200 * 1024 * 1024
LIST_SUFFIXES = (".json", ".xlsx")  # in order of preference when both exist

__all__ = [
    "EMPTY_TEXT", "LIST_SUFFIXES", "MAX_LIST_BYTES", "MAX_QUANTITY", "NO_SKU", "ListReadError",
    "check_size", "is_fulfillable", "list_names", "list_path", "load_full_session",
    "load_packing_list", "load_shopify_json", "open_list", "orders_from", "other_lists",
    "parse_order", "quantity_of", "read_json_document", "shopify_list", "tags_of", "text_of",
    "wrong_type",
]

log = logging.getLogger(__name__)


# --------------------------------------------------------------------------- files


def read_json_document(path: Path) -> dict[str, Any]:
    """The top-level object of a list file; ``ListReadError`` for anything else."""
    check_size(path, MAX_LIST_BYTES)
    raw = path.read_bytes()
    try:
        data = loads(raw.decode("utf-8-sig"))
    except JsonTooDeepError as exc:
        raise ListReadError(path, phrase("is JSON nested too deeply to read; refused")) from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise ListReadError(path, phrase("is not valid JSON ({detail})", detail=exc)) from exc
    if not isinstance(data, dict):
        raise ListReadError(path, phrase("top level is a {kind}, not an object",
                                         kind=type(data).__name__))
    if not isinstance(data.get("orders"), list):
        raise ListReadError(path, phrase("has no 'orders' list"))
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
        raise ListReadError(path, phrase("pickles are never loaded (they can run code); "
                                         "use the packing list's .json or .xlsx"))
    if suffix == ".json":
        return load_shopify_json(path, name=name)
    if suffix == ".xlsx":
        from packing_tool.storage.xlsx_reader import load_xlsx  # openpyxl only when needed

        return load_xlsx(path, name=name, column_map=column_map)
    if not suffix:
        raise ListReadError(path, phrase("no suffix: only .json and .xlsx lists are read"))
    raise ListReadError(path, phrase("{suffix}: only .json and .xlsx lists are read",
                                     suffix=suffix))


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
        raise NameClashError(phrase(
            "{folder}: lists {names} differ only in case; on a Windows share they are one "
            "name, so neither is opened: rename one", folder=session / "packing_lists",
            names=" and ".join(same)))
    found = files.get(name)
    if found is None:
        raise FileNotFoundError(phrase("{folder}: no list named {name}",
                                       folder=session / "packing_lists", name=repr(name)))
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
