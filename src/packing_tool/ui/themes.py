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
# Palette roles per theme: every table and list (alternate rows and selection included) is
# drawn from these, so each pair of text and background keeps a contrast of 4.5:1 or more.
PALETTES: dict[str, dict[QPalette.ColorRole, str]] = {
    "light": {
        QPalette.ColorRole.Window: "#f4f5f7", QPalette.ColorRole.WindowText: "#111111",
        QPalette.ColorRole.Base: "#ffffff", QPalette.ColorRole.AlternateBase: "#eef1f5",
        QPalette.ColorRole.Text: "#111111", QPalette.ColorRole.Button: "#ffffff",
        QPalette.ColorRole.ButtonText: "#111111", QPalette.ColorRole.Highlight: "#1565c0",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#fffde7",
        QPalette.ColorRole.ToolTipText: "#111111", QPalette.ColorRole.PlaceholderText: "#5f6b76",
        QPalette.ColorRole.Link: "#0d47a1", QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Mid: "#9aa5b1",
    },
    "dark": {
        QPalette.ColorRole.Window: "#1b1e23", QPalette.ColorRole.WindowText: "#eceff1",
        QPalette.ColorRole.Base: "#23272e", QPalette.ColorRole.AlternateBase: "#2c323b",
        QPalette.ColorRole.Text: "#eceff1", QPalette.ColorRole.Button: "#2b3038",
        QPalette.ColorRole.ButtonText: "#eceff1", QPalette.ColorRole.Highlight: "#1e5a8c",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#37474f",
        QPalette.ColorRole.ToolTipText: "#eceff1", QPalette.ColorRole.PlaceholderText: "#9aa7b0",
        QPalette.ColorRole.Link: "#90caf9", QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Mid: "#546e7a",
    },
}
# Text colours of statuses and timeline marks in tables, per theme (readable on Base and
# AlternateBase of that theme).
STATUS_TEXT = {
    "light": {"available": "#0d47a1", "in_progress": "#1b5e20", "stale": "#a04b00",
              "paused": "#6d4c00", "completed": "#1b5e20", "incomplete": "#b71c1c",
              "abandoned": "#8e1b1b"},
    "dark": {"available": "#90caf9", "in_progress": "#a5d6a7", "stale": "#ffb74d",
             "paused": "#ffe082", "completed": "#81c784", "incomplete": "#ff8a80",
             "abandoned": "#ff8a80"},
}
MARK_TEXT_COLOURS = {
    "light": {"order": "#0d47a1", "ok": "#1b5e20", "complete": "#1b5e20", "manual": "#6a1b9a",
              "extra": "#a04b00", "undo": "#455a64", "unknown": "#b71c1c", "wrong": "#b71c1c",
              "skip": "#546e7a", "handover": "#00695c", "ignored": "#546e7a",
              "repack": "#a04b00", "conflict": "#b71c1c"},
    "dark": {"order": "#90caf9", "ok": "#81c784", "complete": "#a5d6a7", "manual": "#ce93d8",
             "extra": "#ffb74d", "undo": "#b0bec5", "unknown": "#ff8a80", "wrong": "#ff8a80",
             "skip": "#b0bec5", "handover": "#80cbc4", "ignored": "#b0bec5",
             "repack": "#ffb74d", "conflict": "#ff8a80"},
}


def theme_file(name: str) -> Path:
    return resources_dir() / "themes" / f"{name}.qss"


def apply_theme(app: QApplication, name: str) -> bool:
    """Use theme ``name``; False (app left readable, Qt defaults) if its QSS is missing."""
    if name not in THEMES:
        raise ValueError(f"unknown theme {name!r}; choose one of {', '.join(THEMES)}")
    app.setStyle("Fusion")  # the same look on every station, whatever the OS theme
    app.setProperty(THEME_PROPERTY, name)  # first: widgets re-colour on the palette change
    app.setPalette(theme_palette(name))
    try:
        sheet = theme_file(name).read_text(encoding="utf-8")
    except OSError as exc:  # a broken install must still start; the palette keeps it usable
        log.warning("theme %s not loaded: %s", name, exc)
        app.setStyleSheet("")
        return False
    app.setStyleSheet(sheet)
    return True


def theme_palette(name: str) -> QPalette:
    palette = QPalette()
    for role, colour in PALETTES[name].items():
        palette.setColor(role, QColor(colour))
    disabled = QColor(PALETTES[name][QPalette.ColorRole.PlaceholderText])
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def status_colour(status: str) -> str:
    """Text colour of a session status in tables, for the theme in use."""
    return STATUS_TEXT[current_theme()].get(status, PALETTES[current_theme()][
        QPalette.ColorRole.Text])


def mark_colour(mark: str) -> str:
    """Text colour of a timeline mark (ok, wrong, manual…) in tables, for the theme in use."""
    colours = MARK_TEXT_COLOURS[current_theme()]
    return colours.get(mark, colours["ignored"])


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
