"""Light and dark themes: a QSS file from ``resources/themes`` plus a matching palette.

The style sheets address widgets by objectName and dynamic property (``kind``, ``state``),
so widgets only set a property and re-polish; the colours live in the QSS files. Table
cell colours cannot come from QSS, so they are here, per theme.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from packing_tool.storage.paths import resources_dir

log = logging.getLogger(__name__)

THEMES = ("light", "dark")
DEFAULT_THEME = "light"
THEME_PROPERTY = "packingTheme"  # set on the QApplication: which theme is in use


@dataclass(frozen=True)
class ItemColours:
    """Colours QSS cannot reach: table rows per line state, qty > 1, list text per outcome."""

    done: tuple[str, str]  # (background, text)
    partial: tuple[str, str]
    open: tuple[str, str]
    multi: str
    bar: str  # filled part of the progress strips
    outcome_text: dict[str, str]  # feedback kind → text colour in the recent-scans list


ITEM_COLOURS = {
    "light": ItemColours(done=("#c8e6c9", "#1b5e20"), partial=("#fff3c4", "#6d4c00"),
                         open=("#ffffff", "#111111"), multi="#c25e00", bar="#43a047",
                         outcome_text={"ok": "#2e7d32", "complete": "#1b5e20",
                                       "warn": "#a04b00", "error": "#c62828"}),
    "dark": ItemColours(done=("#1e4d2b", "#a5f2b0"), partial=("#4d3b00", "#ffd54f"),
                        open=("#23272e", "#eceff1"), multi="#ffab40", bar="#2e7d32",
                        outcome_text={"ok": "#81c784", "complete": "#a5d6a7",
                                      "warn": "#ffb74d", "error": "#ff8a80"}),
}
_WINDOW = {"light": ("#f4f5f7", "#111111", "#ffffff"), "dark": ("#1b1e23", "#eceff1", "#23272e")}


def theme_file(name: str) -> Path:
    return resources_dir() / "themes" / f"{name}.qss"


def apply_theme(app: QApplication, name: str) -> bool:
    """Use theme ``name``; False (app left readable, Qt defaults) if its QSS is missing."""
    if name not in THEMES:
        raise ValueError(f"unknown theme {name!r}; choose one of {', '.join(THEMES)}")
    app.setStyle("Fusion")  # the same look on every station, whatever the OS theme
    window, text, base = _WINDOW[name]
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, window), (QPalette.ColorRole.Base, base),
                         (QPalette.ColorRole.WindowText, text), (QPalette.ColorRole.Text, text),
                         (QPalette.ColorRole.ButtonText, text),
                         (QPalette.ColorRole.Button, base)):
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    app.setProperty(THEME_PROPERTY, name)
    try:
        sheet = theme_file(name).read_text(encoding="utf-8")
    except OSError as exc:  # a broken install must still start; the palette keeps it usable
        log.warning("theme %s not loaded: %s", name, exc)
        app.setStyleSheet("")
        return False
    app.setStyleSheet(sheet)
    return True


def current_theme() -> str:
    app = QApplication.instance()
    name = app.property(THEME_PROPERTY) if app is not None else None
    return name if name in THEMES else DEFAULT_THEME


def item_colours() -> ItemColours:
    return ITEM_COLOURS[current_theme()]


def set_style_property(widget: QWidget, name: str, value: str) -> None:
    """Set a dynamic property the QSS selects on and re-polish, so the new rule applies."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    for child in widget.findChildren(QWidget):
        style.unpolish(child)
        style.polish(child)
