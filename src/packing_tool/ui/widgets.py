"""Small widget helpers shared by the screens."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

W = TypeVar("W", bound=QObject)


def named(widget: W, name: str) -> W:
    """``widget`` with its objectName set (the name themes, tests and automation use)."""
    widget.setObjectName(name)
    return widget
