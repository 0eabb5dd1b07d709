"""Keys of the dialogs' actions, and the hint that shows them ("Add… (Ctrl+N)").

A button's key is its shortcut (``keyed``); a key with no button of its own, or one that must
act only while a given widget has the focus (Delete on a table, not in a text field), is a
``QShortcut`` (``shortcut``). Either way the key is named in the tooltip, in the words of the
chosen language (``QKeySequence.NativeText``: "Ctrl" is "Ctrl" in Bulgarian too).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QWidget

Key = str | QKeySequence | QKeySequence.StandardKey


def key_text(*keys: Key) -> str:
    """The keys as a person reads them: "Ctrl+N", "Delete, Backspace"."""
    return ", ".join(QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
                     for key in keys)


def hint(text: str, *keys: Key) -> str:
    """``text`` with its keys in brackets (a mnemonic's ``&`` left out)."""
    plain = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return f"{plain} ({key_text(*keys)})"


def mnemonic_hint(text: str, tip: str = "") -> str:
    """``tip`` (else ``text``) naming the Alt+letter key of ``text``'s ``&`` mnemonic, read
    from the translated text itself (each language has its own letters)."""
    key = QKeySequence.mnemonic(text)
    return hint(tip or text, key) if not key.isEmpty() else tip or text


def keyed(button: QAbstractButton, key: Key, tip: str = "") -> QAbstractButton:
    """``button`` pressed by ``key`` too; its tooltip (``tip`` or its text) names the key."""
    button.setShortcut(QKeySequence(key))
    button.setToolTip(hint(tip or button.text(), key))
    return button


def shortcut(parent: QWidget, keys: Key | Iterable[Key], slot: Callable[[], object], *,
             context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> list[QShortcut]:
    """``slot`` on each of ``keys`` while ``parent`` (with ``context``) has the focus."""
    made = []
    for key in [keys] if isinstance(keys, (str, QKeySequence, QKeySequence.StandardKey)) else keys:
        item = QShortcut(QKeySequence(key), parent)
        item.setContext(context)
        item.activated.connect(slot)
        made.append(item)
    return made
