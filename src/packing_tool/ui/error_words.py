"""Any error as words for the person at the station, in the chosen language.

``storage.error_phrases.described`` gives the English words (the phrase our storage raised,
a shared error worded by its class, or a general sentence); here they are looked up in the Qt
catalogue's "cli" context, where the command line finds the same texts. No Python class name
ever reaches the screen; the log keeps the class and the English text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from packing_tool.domain.phrase import translated
from packing_tool.storage.error_phrases import described, worded

CONTEXT = "cli"  # the catalogue context of phrases (packing_tool.admin.words.CONTEXT)


def _look_up(template: str) -> str:
    return QCoreApplication.translate(CONTEXT, template)


def _value(found: Any) -> Any:
    """A value inside a sentence: a phrase or an error in words, anything else as it is."""
    return worded(found, _look_up)


def error_text(exc: BaseException) -> str:
    """``exc`` in words a person can read, in the window's language."""
    return translated(described(exc), _look_up, _value)


def phrase_text(text: str) -> str:
    """A text that may be a phrase (a storage status, a message) in the window's language."""
    return translated(text, _look_up, _value)
