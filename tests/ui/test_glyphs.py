"""Every mark the screens show (✓ ✗ ⚠ ▶ → …) has a glyph in the font the app draws with.

A character the font lacks is drawn as an empty box on a station (or by whatever fallback
font happens to be there). The marks are collected from the string literals of every UI
module, so a new one is checked as soon as it is written.
"""

from __future__ import annotations

import io
import tokenize
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

import packing_tool.ui

UI = Path(packing_tool.ui.__file__).parent


def marks_in(source: str) -> set[str]:
    """Non-ASCII characters of the string literals in ``source``, letters left out."""
    found = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type != tokenize.STRING:
            continue
        for char in token.string:
            if ord(char) > 0x7F and not unicodedata.category(char).startswith(("L", "M")):
                found.add(char)
    return found


def used_marks() -> dict[str, list[str]]:
    """Mark → the UI modules that show it."""
    marks: dict[str, list[str]] = {}
    for path in sorted(UI.glob("*.py")):
        for char in marks_in(path.read_text(encoding="utf-8")):
            marks.setdefault(char, []).append(path.name)
    return marks


def test_the_marks_are_found_in_the_sources() -> None:
    assert marks_in('x = "✓ done"  # ⚠ a comment is not shown\n') == {"✓"}
    marks = used_marks()
    assert {"✓", "✗", "→", "…"} <= set(marks)  # the collector sees the real screens' marks


@pytest.mark.parametrize("bold", [False, True])
def test_every_mark_shown_is_in_the_apps_font(qapp: QApplication, bold: bool) -> None:
    font = QFont(qapp.font())
    font.setBold(bold)
    metrics = QFontMetrics(font)
    missing = {f"{char} U+{ord(char):04X} {unicodedata.name(char, '?')}": files
               for char, files in used_marks().items() if not metrics.inFontUcs4(ord(char))}
    assert missing == {}, f"the font {font.family()} has no glyph for these"


def test_a_missing_glyph_is_noticed(qapp: QApplication) -> None:
    metrics = QFontMetrics(qapp.font())
    assert not metrics.inFontUcs4(0x10FFFD)  # a private-use code point: no font has it
