"""Small, pure helpers that repair one field of a metadata document: a value of the wrong
type gives way to a default and is kept under ``_invalid``. ``shared.compat`` (which
re-exports them) and ``shared.order_metrics`` use them."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, TypeVar

from shared.timestamps import normalise_timestamp

JsonDict = dict[str, Any]
T = TypeVar("T")


def as_number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value if math.isfinite(value) and value >= 0 else None


def as_text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def as_code(value: object) -> str | None:
    """An order number or SKU; whole numbers are ones a spreadsheet turned into numbers."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return as_text(value)


def fix_field(doc: JsonDict, key: str, convert: Callable[[object], Any], default: Any) -> Any:
    """Set ``doc[key]`` to its converted value, else to ``default``, keeping a bad value aside."""
    value = doc.get(key)
    good = convert(value)
    if good is None:
        if value is not None:
            bucket = doc.setdefault("_invalid", {})
            if not isinstance(bucket, dict):
                bucket = doc["_invalid"] = {"_invalid": bucket}
            bucket[key] = value
        good = default
    doc[key] = good
    return good


def fix_all(doc: JsonDict, convert: Callable[[object], Any], default: Any, *keys: str) -> None:
    for key in keys:
        fix_field(doc, key, convert, default)


def fix_times(doc: JsonDict, *keys: str) -> None:
    fix_all(doc, normalise_timestamp, None, *keys)


def typed_field(doc: JsonDict, key: str, kind: type[T]) -> T:
    """``doc[key]`` if it is a ``kind`` (a dict or list), else a new empty one."""
    value: T = fix_field(doc, key, lambda v: v if isinstance(v, kind) else None, kind())
    return value


def _typed(value: Any, kind: type, where: str, warnings: list[str]) -> Any:
    """``value`` when absent or of the expected type; otherwise None, with a warning."""
    if value is None or isinstance(value, kind):
        return value
    warnings.append(f"{where}: {type(value).__name__} is not a {kind.__name__}; dropped")
    return None
