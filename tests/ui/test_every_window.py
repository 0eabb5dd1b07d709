"""Every window of the app has screenshots: ``scripts/every_window.py`` names each QDialog and
QMainWindow class of ``packing_tool.ui`` in its list, so a new window without a screenshot
fails here (and gets one, in both languages and both themes, by adding it to the list)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QMainWindow

import packing_tool.ui

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def window_classes() -> set[str]:
    found: set[str] = set()
    for info in pkgutil.iter_modules(packing_tool.ui.__path__):
        module = importlib.import_module(f"packing_tool.ui.{info.name}")
        for name, value in vars(module).items():
            if (inspect.isclass(value) and value.__module__ == module.__name__
                    and issubclass(value, (QDialog, QMainWindow))):
                found.add(name)
    return found


def every_window() -> Any:
    sys.path.insert(0, str(SCRIPTS))
    try:
        return importlib.import_module("every_window")
    finally:
        sys.path.remove(str(SCRIPTS))


def screenshot_list() -> dict[str, tuple[str, ...]]:
    windows: dict[str, tuple[str, ...]] = every_window().WINDOWS
    return windows


def test_every_window_class_has_a_screenshot() -> None:
    classes = window_classes()
    assert {"MainWindow", "SettingsDialog", "SessionDetailsDialog"} <= classes  # the scan works
    shown = {name for covered in screenshot_list().values() for name in covered}
    assert classes - shown == set()


def test_the_screenshot_names_are_plain_and_the_covered_names_exist() -> None:
    windows = screenshot_list()
    assert list(every_window().TITLES) == list(windows)  # each has its title in the docs page
    assert all(name.replace("_", "").isalnum() and name.islower() for name in windows)
    defined = set()
    for info in pkgutil.iter_modules(packing_tool.ui.__path__):
        module = importlib.import_module(f"packing_tool.ui.{info.name}")
        defined |= {n for n, v in vars(module).items()
                    if callable(v) and getattr(v, "__module__", "") == module.__name__}
    named = {name for covered in windows.values() for name in covered}
    assert named - defined == set()  # no stale name of a class or function gone from the UI
