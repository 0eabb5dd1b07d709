"""Excel packing lists: the Shopify Tool's own ``.xlsx`` and plain sheets made by hand.

openpyxl in read-only mode, not pandas: it streams rows with a hard bound on what is read
and keeps each cell's type, so a SKU typed as text keeps its leading zeros. Before openpyxl
sees the file, ``xlsx_guard`` measures what parsing it would cost (unpacked size, packing
ratio, cells, rows, XML elements) and refuses a file beyond the limits below, naming it.

* The Shopify Tool's sheet is found by its headers A to C and E (formats §6): columns are
  taken by position, because D is headed by the file name and F by a timestamp.
* A plain sheet needs ``Order_Number``, ``SKU`` and ``Quantity`` (``Product_Name``,
  ``Courier`` and ``Country`` are optional), matched ignoring case, spaces and ``_``;
  ``column_map`` maps our name to the user's header. Other columns go to ``Order.extra``.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from packing_tool.domain.orders import LoadProblem, Order, OrderLine, PackingList
from packing_tool.domain.phrase import phrase
from packing_tool.storage.order_parsing import (
    MAX_QUANTITY,
    ListReadError,
    check_size,
    quantity_of,
    text_of,
)
from packing_tool.storage.xlsx_guard import Limits, TooCostly, check_package

MAX_XLSX_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # a small zip can unpack to gigabytes
MAX_RATIO = 100  # real sheets pack 3 to 15 times; a zip bomb thousands of times
RATIO_FLOOR = 1024 * 1024  # small parts cost nothing whatever their ratio
MAX_MEMBERS = 1000
# openpyxl reads some 50,000 cells a second: the largest list opens in seconds, within the
# share time limit (10 s) of opening a list, on a slow station too.
MAX_CELLS = 200_000
MAX_XML_ELEMENTS = 2_000_000  # a cell is 2 to 4 elements: room for shared strings, styles
MAX_ROWS = 200_000
MAX_COLUMNS = 200
HEADER_SEARCH_ROWS = 10
FIELDS = ("order_number", "sku", "product_name", "quantity", "courier", "country")
REQUIRED = ("order_number", "sku", "quantity")
ALIASES = {  # normalised header → our field
    "ordernumber": "order_number", "sku": "sku", "productname": "product_name",
    "quantity": "quantity", "courier": "courier", "country": "country",
    "destinationcountry": "country",
}
SHOPIFY_HEADERS = {0: "destinationcountry", 1: "ordernumber", 2: "sku", 4: "quantity"}
SHOPIFY_COLUMNS = {"country": 0, "order_number": 1, "sku": 2, "product_name": 3,
                   "quantity": 4, "courier": 5}


def header_key(text: object) -> str:
    return "".join(ch for ch in text_of(text).casefold() if ch not in " _\t")


@dataclass
class _Draft:
    lines: list[OrderLine] = field(default_factory=list)
    courier: str = ""
    country: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def _text(cell: dict[str, Any], name: str) -> str:
    return text_of(cell[name].value) if name in cell else ""


def sku_text(cell: Any) -> str:
    """A SKU cell as text: numbers without ``.0``; zeros a ``000…0`` format shows are kept."""
    value = cell.value
    text = text_of(value)
    fmt = getattr(cell, "number_format", None) or ""
    if isinstance(value, int | float) and not isinstance(value, bool) and text.isdigit() \
            and fmt and set(fmt) == {"0"}:
        return text.zfill(len(fmt))
    return text


def limits() -> Limits:
    """The limits of an xlsx list (read at call time, so that tests can lower them)."""
    return Limits(unpacked_bytes=MAX_UNPACKED_BYTES, ratio=MAX_RATIO, ratio_floor=RATIO_FLOOR,
                  members=MAX_MEMBERS, cells=MAX_CELLS, rows=MAX_ROWS + HEADER_SEARCH_ROWS,
                  elements=MAX_XML_ELEMENTS)


def _open_sheet(path: Path) -> Any:
    check_size(path, MAX_XLSX_BYTES)
    try:
        check_package(path, limits())
    except TooCostly as exc:
        raise ListReadError(path, exc.args[0]) from exc  # its phrase
    except (zipfile.BadZipFile, OSError) as exc:
        raise ListReadError(path, phrase("is not a valid .xlsx file ({detail})", detail=exc)
                            ) from exc
    from openpyxl import load_workbook  # keeps openpyxl out of the JSON path

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise ListReadError(path, phrase("is not a valid .xlsx file ({detail})", detail=exc)
                            ) from exc
    if not book.worksheets:
        book.close()
        raise ListReadError(path, phrase("has no worksheet"))
    return book


def _rows(path: Path, sheet: Any, max_col: int, first: int) -> Iterator[tuple[int, Sequence[Any]]]:
    for number, cells in enumerate(sheet.iter_rows(min_row=first, max_col=max_col), first):
        if number > MAX_ROWS + 1:
            raise ListReadError(path, phrase("has more than {limit} rows; refused",
                                             limit=MAX_ROWS))
        yield number, cells


def _columns(path: Path, header: Sequence[Any], column_map: dict[str, str] | None
             ) -> tuple[dict[str, int], str]:
    """(our field → column index, session type) from the header row."""
    keys = [header_key(cell.value) for cell in header]
    if all(len(keys) > i and keys[i] == want for i, want in SHOPIFY_HEADERS.items()):
        return dict(SHOPIFY_COLUMNS), "shopify"
    columns: dict[str, int] = {}
    for index, key in enumerate(keys):
        if key in ALIASES and ALIASES[key] not in columns:
            columns[ALIASES[key]] = index
    for ours, theirs in (column_map or {}).items():
        field_name = ALIASES.get(header_key(ours))
        if field_name is None:
            raise ValueError(f"column_map: {ours!r} is none of {', '.join(FIELDS)}")
        if header_key(theirs) not in keys:
            raise ListReadError(path, phrase(
                "has no column {column} (for {field}); headers: {headers}", column=repr(theirs),
                field=field_name, headers=", ".join(text_of(c.value) for c in header if c.value)))
        columns[field_name] = keys.index(header_key(theirs))
    missing = [f for f in REQUIRED if f not in columns]
    if missing:
        raise ListReadError(path, phrase(
            "has no {columns} column; headers: {headers}", columns=", ".join(missing),
            headers=", ".join(text_of(c.value) for c in header if c.value)))
    return columns, "excel"


def load_xlsx(path: str | Path, *, name: str | None = None,
              column_map: dict[str, str] | None = None) -> PackingList:
    path = Path(path)
    book = _open_sheet(path)
    try:
        return _read(path, book.worksheets[0], name or path.stem, column_map)
    finally:
        book.close()


def _read(path: Path, sheet: Any, name: str, column_map: dict[str, str] | None) -> PackingList:
    if (sheet.max_row or 0) > MAX_ROWS + HEADER_SEARCH_ROWS:
        raise ListReadError(path, phrase("has {rows} rows; more than {limit} are refused",
                                         rows=sheet.max_row, limit=MAX_ROWS))
    header_row, header = 0, None
    for number, cells in _rows(path, sheet, MAX_COLUMNS, 1):
        if any(text_of(c.value) for c in cells):
            header_row, header = number, cells
            break
        if number >= HEADER_SEARCH_ROWS:
            break
    if header is None:
        raise ListReadError(path, phrase("has no header row"))
    columns, session_type = _columns(path, header, column_map)
    used = set(columns.values())
    extra_cols = {} if session_type == "shopify" else {
        i: text_of(c.value) for i, c in enumerate(header) if i not in used and text_of(c.value)}
    width = max([*columns.values(), *extra_cols]) + 1
    source, problems = path.name, []
    drafts: dict[str, _Draft] = {}
    seen: dict[str, int] = {}  # every order with a row, good or bad
    for number, cells in _rows(path, sheet, width, header_row + 1):
        cell = {f: cells[i] for f, i in columns.items()}
        if not any(text_of(c.value) for c in cells):
            continue
        order = text_of(cell["order_number"].value)
        if not order:
            problems.append(LoadProblem(source, f"row {number}", "no order number; row left out"))
            continue
        seen[order] = number
        sku = sku_text(cell["sku"])
        quantity = quantity_of(cell["quantity"].value)
        if not sku:
            problems.append(LoadProblem(source, f"row {number}", f"{order}: no SKU; row left out"))
            continue
        if quantity is None:
            problems.append(LoadProblem(
                source, f"row {number}", f"{order}, SKU {sku}: quantity "
                f"{cell['quantity'].value!r} is not a whole number from 1 to {MAX_QUANTITY}; "
                "row left out"))
            continue
        draft = drafts.setdefault(order, _Draft())
        # The Shopify Tool puts the country on an order's first row only.
        draft.courier = draft.courier or _text(cell, "courier")
        draft.country = draft.country or _text(cell, "country")
        if not draft.lines:
            draft.extra = {head: text_of(cells[i].value) for i, head in extra_cols.items()
                           if text_of(cells[i].value)}
        draft.lines.append(OrderLine(row=len(draft.lines), sku=sku, quantity=quantity,
                                     product_name=_text(cell, "product_name")))
    for order, last_row in seen.items():
        if order not in drafts:
            problems.append(LoadProblem(source, order, f"no packable rows (last at row "
                                                       f"{last_row}); order left out"))
    orders = tuple(Order(order_number=n, lines=tuple(d.lines), courier=d.courier,
                         country=d.country, extra=d.extra) for n, d in drafts.items())
    return PackingList(name=name, orders=orders, problems=tuple(problems), source=str(path),
                       session_type=session_type)
