"""Guard against the PySide6 6.12.0 defect that leaks references to None and True.

On CPython 3.11 that build drops one reference to ``None`` per Qt call returning None and
one to ``True`` per ``Signal.emit``; after a few thousand calls the interpreter aborts with
"none_dealloc". A packing shift makes that many calls, so an upgrade must not bring it back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

CALLS = 20_000
ALLOWED_DRIFT = 200  # a leak drifts by ~20,000; ordinary allocation noise stays far below


class _Emitter(QObject):
    fired = Signal(bool)


def test_qt_calls_returning_none_keep_none_refcount(qapp: object) -> None:
    label = QLabel()
    before = sys.getrefcount(None)
    for i in range(CALLS):
        label.setText("x" if i % 2 else "y")  # returns None
    drift = sys.getrefcount(None) - before
    assert abs(drift) < ALLOWED_DRIFT, f"None refcount drifted by {drift} over {CALLS} calls"


def test_signal_emissions_keep_true_refcount(qapp: object) -> None:
    emitter = _Emitter()
    seen: list[bool] = []
    emitter.fired.connect(lambda value: seen.append(value) if len(seen) < 1 else None)
    before_true = sys.getrefcount(True)
    before_none = sys.getrefcount(None)
    for _ in range(CALLS):
        emitter.fired.emit(True)
    true_drift = sys.getrefcount(True) - before_true
    none_drift = sys.getrefcount(None) - before_none
    assert seen == [True]
    assert abs(true_drift) < ALLOWED_DRIFT, f"True refcount drifted by {true_drift}"
    assert abs(none_drift) < ALLOWED_DRIFT, f"None refcount drifted by {none_drift}"
