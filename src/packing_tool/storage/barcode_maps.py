"""A client's barcode → SKU map, where the old packer keeps it: ``packer_config.json``.

``Clients/CLIENT_<ID>/packer_config.json`` key ``sku_mapping`` = ``{raw barcode: SKU}``
(anchor study §2.9). Every other key of that file is kept as it is.

The old tool saved the whole map merged into the file's (§3.4), so a deleted entry came
back and two PCs' edits raced. Here each ``set``/``delete`` is one locked read-modify-write
(``shared.fileio.locked_json_update``, the same byte-0 lock the old tool takes) that
changes only its own entry: deletions stick and concurrent edits of different entries all
survive. A corrupt file is never reset silently: its bytes are kept aside
(``packer_config.json.corrupt-<time>``, see ``kept_aside``) and its last good content is
recovered from the ``.bak`` sidecar when there is one.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from packing_tool.domain.barcodes import clean_scan
from packing_tool.domain.phrase import phrase
from packing_tool.domain.second_check import CONFIG_KEY, SecondCheckRules
from packing_tool.storage import share_json
from packing_tool.storage.layout import ShareLayout, client_folder_id
from packing_tool.storage.lock_info import station_name
from shared import fileio
from shared.timestamps import now_iso

log = logging.getLogger(__name__)
T = TypeVar("T")

MAPPING_KEY = "sku_mapping"
MAX_INVENTORY_BYTES = 50 * 1024 * 1024
MAX_INVENTORY_ROWS = 500_000
DELIMITERS = (";", ",", "\t", "|")
SKU_HEADERS = ("артикул", "sku", "article", "itemcode", "productcode", "код")
SCIENTIFIC = re.compile(r"^\d+(?:[.,]\d+)?[eE][+]\d+$")  # "3.8006E+12": Excel ate the digits
BARCODE_HEADERS = ("barcode", "баркод", "баркод/ean", "ean", "ean13", "gtin", "upc", "штрихкод")


class BarcodeMapError(ValueError):
    """packer_config.json holds something that is not a barcode map where one should be."""


def _header_key(text: str) -> str:
    return "".join(ch for ch in text.strip().casefold() if ch not in " _-")


class BarcodeMapStore:
    """Read and edit one client's barcode map on the share."""

    def __init__(self, layout: ShareLayout, client_id: str, *, timeout: float = 5.0) -> None:
        self.layout = layout
        self.client_id = client_folder_id(client_id).removeprefix("CLIENT_")
        self.path = layout.packer_config(self.client_id)
        self.timeout = timeout

    def _default(self) -> dict[str, Any]:
        # What the old tool writes when it creates the file on its first save.
        return {"client_id": self.client_id, MAPPING_KEY: {}, "last_updated": "",
                "updated_by": ""}

    @staticmethod
    def _mapping(doc: dict[str, Any], path: Path) -> dict[str, Any]:
        mapping = doc.setdefault(MAPPING_KEY, {})
        if not isinstance(mapping, dict):
            raise BarcodeMapError(phrase(
                "{file}: '{key}' is a {kind}, not a map; fix or remove it by hand", file=path,
                key=MAPPING_KEY, kind=type(mapping).__name__))
        return mapping

    def _read(self) -> dict[str, Any]:
        try:
            return fileio.read_json_locked(self.path, default=self._default, timeout=self.timeout)
        except PermissionError:
            # A read-only share: no lock can be taken, and this station cannot write it anyway.
            data = fileio.read_json_file(self.path)
            if not isinstance(data, dict):
                raise BarcodeMapError(phrase("{file}: not a JSON object", file=self.path)
                                      ) from None
            return data

    def load(self) -> dict[str, str]:
        """The map as stored (raw barcodes); entries that are not text are left out, logged."""
        doc = self._read()
        result: dict[str, str] = {}
        for barcode, sku in self._mapping(doc, self.path).items():
            if isinstance(sku, int | str) and not isinstance(sku, bool) and str(sku).strip():
                result[str(barcode)] = str(sku).strip()
            else:
                log.warning("%s: barcode %r maps to %r, not a SKU; ignored", self.path,
                            barcode, sku)
        return result

    def _edit(self, change: Callable[[dict[str, Any]], T]) -> T:
        def mutate(doc: dict[str, Any]) -> T:
            result = change(self._mapping(doc, self.path))
            doc["last_updated"] = now_iso()
            doc["updated_by"] = station_name()
            return result

        return fileio.locked_json_update(self.path, mutate, default=self._default,
                                         timeout=self.timeout)

    def set(self, barcode: str, sku: str) -> None:
        """Map ``barcode`` (as scanned, control characters removed) to ``sku``."""
        code, target = clean_scan(barcode), sku.strip()
        if not code or not target:
            raise ValueError(phrase("a barcode mapping needs a barcode and a SKU"))
        self._edit(lambda mapping: mapping.__setitem__(code, target))

    def set_many(self, pairs: dict[str, str]) -> None:
        """Map every barcode in ``pairs`` with one locked edit (an import of a stock file)."""
        clean = {clean_scan(code): sku.strip() for code, sku in pairs.items()}
        if any(not code or not sku for code, sku in clean.items()):
            raise ValueError(phrase("a barcode mapping needs a barcode and a SKU"))
        self._edit(lambda mapping: mapping.update(clean))

    def delete(self, barcode: str) -> bool:
        """Remove ``barcode``'s entry (the key as stored, else as scanned); False if none."""

        def drop(mapping: dict[str, Any]) -> bool:
            for key in (barcode, clean_scan(barcode)):
                if key in mapping:
                    del mapping[key]
                    return True
            return False

        return self._edit(drop)

    def second_check(self) -> tuple[SecondCheckRules, list[str]]:
        """The client's second-check rules (key ``second_check``) and what in them is ignored."""
        return SecondCheckRules.from_dict(self._read().get(CONFIG_KEY))

    def set_second_check(self, rules: SecondCheckRules) -> None:
        """Store the second-check rules; every other key of the file stays as it is."""
        def mutate(doc: dict[str, Any]) -> None:
            doc[CONFIG_KEY] = rules.to_dict()
            doc["last_updated"] = now_iso()
            doc["updated_by"] = station_name()

        fileio.locked_json_update(self.path, mutate, default=self._default, timeout=self.timeout)

    def kept_aside(self) -> list[Path]:
        """Copies of unreadable versions of the file, newest last (to tell the user)."""
        return sorted(self.path.parent.glob(f"{self.path.name}.corrupt-*"))

    # ------------------------------------------------------------------ stock file

    def stock_sku_header(self) -> str | None:
        """The stock file's SKU header per the client's ``shopify_config.json``, if it says."""
        config = self.layout.client_dir(self.client_id) / "shopify_config.json"
        try:
            data = share_json.loads(config.read_bytes().decode("utf-8-sig"))
            stock = data["column_mappings"]["stock"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if not isinstance(stock, dict):
            return None
        return next((str(k) for k, v in stock.items() if v == "SKU"), None)

    def import_from_inventory(self, path: str | Path) -> dict[str, str]:
        """``{barcode: SKU}`` from a stock CSV's barcode column; ``{}`` if it has none."""
        return read_inventory_barcodes(path, sku_header=self.stock_sku_header())


def station_barcodes(layout: ShareLayout, client_id: str, session: str) -> dict[str, str]:
    """The barcode map a station packs a session's lists with: the barcodes of the session's
    stock file, with the client's stored map over them (stored entries win)."""
    stock = layout.inventory_file(client_id, session)
    mapping = read_inventory_barcodes(stock) if stock.is_file() else {}
    mapping.update(BarcodeMapStore(layout, client_id).load())
    return mapping


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older Bulgarian warehouse exports are Windows-1251.
        return raw.decode("cp1251", errors="replace")


def _find(headers: list[str], wanted: tuple[str, ...], exact: str | None = None) -> int | None:
    keys = [_header_key(h) for h in headers]
    if exact is not None and _header_key(exact) in keys:
        return keys.index(_header_key(exact))
    for want in wanted:
        if _header_key(want) in keys:
            return keys.index(_header_key(want))
    return None


def read_inventory_barcodes(path: str | Path, *, sku_header: str | None = None
                            ) -> dict[str, str]:
    """Barcode → SKU pairs of a stock CSV (``;`` or ``,``, UTF-8 with optional BOM).

    No barcode column, or a barcode column that *is* the SKU column (client B's SKUs are
    EANs) gives ``{}``. A barcode listed for two SKUs is left out and logged.
    """
    path = Path(path)
    if path.stat().st_size > MAX_INVENTORY_BYTES:
        raise ValueError(phrase("{file}: stock file over {limit} MB; refused", file=path,
                                limit=MAX_INVENTORY_BYTES // 2**20))
    text = _decode(path.read_bytes())
    first = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first.count)
    rows = csv.reader(io.StringIO(text), delimiter=delimiter)
    headers = next(rows, [])
    sku_col = _find(headers, SKU_HEADERS, sku_header)
    code_col = _find(headers, BARCODE_HEADERS)
    if sku_col is None or code_col is None or sku_col == code_col:
        return {}
    result: dict[str, str] = {}
    clashes: set[str] = set()
    for number, row in enumerate(rows, 2):
        if number > MAX_INVENTORY_ROWS:
            raise ValueError(phrase("{file}: more than {limit} rows; refused", file=path,
                                    limit=MAX_INVENTORY_ROWS))
        if len(row) <= max(sku_col, code_col):
            continue
        code, sku = clean_scan(row[code_col]), row[sku_col].strip()
        if not code or not sku or code == sku:
            continue
        if SCIENTIFIC.match(code):
            log.warning("%s: row %d: barcode %s lost its digits in Excel; not mapped",
                        path, number, code)
            continue
        if result.get(code, sku) != sku:
            clashes.add(code)
        result[code] = sku
    for code in clashes:
        log.warning("%s: barcode %s is listed for more than one SKU; not mapped", path, code)
        del result[code]
    return result
