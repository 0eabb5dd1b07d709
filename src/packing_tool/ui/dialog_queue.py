"""Scans that arrive while packer mode's question is open: never lost, never an answer.

A keyboard-wedge scanner types where the focus is. While packer mode asks something (end the
session? why confirm by hand?) the focus is in that question, so a scan would type into it
and its Enter would answer it. ``DialogScans.guard()`` watches the keys while the question is
open: printable keys are held back for a moment (``SCAN_GAP_MS``); when an Enter or Tab
follows at once, the held keys were a scan: it is queued and its Enter swallowed. Keys a
person types (slower) are handed on to the question unchanged after the moment passed.

When the question closes, its answer takes effect first, then the queued scans are
processed in order, and the line ``scanNotice`` under the scan field says what happened.
A question whose answer would end the list is not acted on when a scan came meanwhile
(``cancels``): the scan is processed and the packer asked to end again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

log = logging.getLogger(__name__)
NOTICE_MS = 60_000
SCAN_GAP_MS = 60  # a scanner types a whole code faster than this between keys; people do not
ENDS_SCAN = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
COMMAND_KEYS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                | Qt.KeyboardModifier.MetaModifier)

Held = tuple[QObject, int, Qt.KeyboardModifier, str]


class DialogScans(QObject):
    def __init__(self, submit: Callable[[str], object], notice: QLabel, scan_input: QLineEdit,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._submit, self.notice, self.scan_input = submit, notice, scan_input
        self.queue: list[str] = []
        self._held: list[Held] = []
        self._guarding = False
        self._handing_on = False
        self._note = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SCAN_GAP_MS)
        self._timer.timeout.connect(self._hand_on)
        self.notice.setStyleSheet("background: #ffe08a; color: #3b2a00; font-weight: bold;"
                                  " padding: 4px; border-radius: 4px;")
        self._hide = QTimer(self)  # the line goes once the packer had time to read it
        self._hide.setSingleShot(True)
        self._hide.setInterval(NOTICE_MS)
        self._hide.timeout.connect(self.notice.hide)

    @contextmanager
    def guard(self) -> Iterator[None]:
        """While the body shows a modal question, scans are queued instead of typed into it."""
        app = QApplication.instance()
        if app is None or self._guarding:
            yield
            return
        self._guarding = True
        app.installEventFilter(self)
        try:
            yield
        finally:
            app.removeEventFilter(self)
            self._guarding = False
            self._timer.stop()
            rest = "".join(held[3] for held in self._held)
            self._held.clear()
            if rest:  # a scan cut by the question closing: its Enter comes to the scan field
                self.scan_input.insert(rest)
            if self.queue:
                QTimer.singleShot(0, self, self.release)

    def cancels(self, note: str) -> bool:
        """True when scans came while the question was open (its answer must not be acted on);
        ``note`` is then what the packer is told after they are processed."""
        if self.queue:
            self._note = note
        return bool(self.queue)

    def release(self) -> int:
        """Process the queued scans in order; the notice says which. Returns how many."""
        codes, self.queue = self.queue, []
        note, self._note = self._note, ""
        for code in codes:
            self._submit(code)
        if codes:
            shown = ", ".join(codes)
            text = note or self.tr("Scanned while a question was open, processed after it "
                                   "closed: {codes}").format(codes=shown)
            self.notice.setText(text if not note else f"{text} ({shown})")
            self.notice.show()
            self._hide.start()
            log.info("%d scans made while a question was open processed after it: %s",
                     len(codes), shown)
        return len(codes)

    # ------------------------------------------------------------------ keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (self._handing_on or event.type() != QEvent.Type.KeyPress
                or not isinstance(event, QKeyEvent) or not self._in_question(watched)):
            return False
        if event.key() in ENDS_SCAN:
            if not self._held:
                return False  # a person's Enter: it answers the question
            self._timer.stop()
            code = "".join(held[3] for held in self._held)
            self._held.clear()
            self.queue.append(code)
            log.info("scan %r arrived while a question was open: queued", code)
            return True
        text = event.text()
        if text and text.isprintable() and not event.modifiers() & COMMAND_KEYS:
            self._held.append((watched, event.key(), event.modifiers(), text))
            self._timer.start()
            return True
        self._hand_on()  # any other key: what was typed before it goes first
        return False

    @staticmethod
    def _in_question(watched: QObject) -> bool:
        modal = QApplication.activeModalWidget()
        return (isinstance(watched, QWidget) and modal is not None
                and (watched is modal or modal.isAncestorOf(watched)))

    def _hand_on(self) -> None:
        """The held keys were typed by a person: give them to the question as they were."""
        held, self._held = self._held, []
        self._handing_on = True
        try:
            for watched, key, modifiers, text in held:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QCoreApplication.sendEvent(watched, QKeyEvent(kind, key, modifiers, text))
        finally:
            self._handing_on = False
