"""The scan field: where a keyboard-wedge scanner types, one code per Enter (or Tab).

A scanner types fast and cannot wait: each submitted code is handed on synchronously,
so the keystrokes of the next code queue behind it and nothing is dropped. Key sequences
the packer screen uses as shortcuts (Ctrl+Z, Ctrl+E…) are passed on instead of being taken
as line-editing keys, so they work while this field has the focus, which is always.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

MAX_LENGTH = 4096  # longer than any barcode; the domain refuses absurd reads anyway
SUBMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)


class ScanInput(QLineEdit):
    """Line edit ``scanInput``; emits ``submitted(text)`` per code and clears itself.

    Signals:
        submitted(str): a code was entered (never empty or only spaces).
    """

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanInput")
        self.setMaxLength(MAX_LENGTH)
        self.setPlaceholderText(self.tr("Scan an order label or an item barcode"))
        self.setClearButtonEnabled(False)
        self._passed_on: set[QKeySequence] = set()

    def pass_on(self, sequence: QKeySequence) -> None:
        """Let ``sequence`` reach the window's shortcuts rather than edit the text."""
        self._passed_on.add(QKeySequence(sequence))

    def event(self, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):
            return super().event(event)
        kind = event.type()
        if kind == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self._submit()  # some scanners end a code with Tab; focus must not move
            return True
        if (kind == QEvent.Type.ShortcutOverride
                and QKeySequence(event.keyCombination()) in self._passed_on):
            event.ignore()  # not ours: the shortcut map gets it
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in SUBMIT_KEYS:
            self._submit()
            return
        super().keyPressEvent(event)

    def _submit(self) -> None:
        text = self.text()
        self.clear()
        if text.strip():
            self.submitted.emit(text)
