"""The bar above the Session Browser that offers this station's unfinished lists (Ctrl+R)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from packing_tool.ui.widgets import named


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # the window's own context


class ResumeBar(QWidget):
    """Widget ``resumeBar`` with ``resumeText`` and ``resumeButton``; hidden while nothing
    is offered."""

    resumeRequested = Signal(dict)  # the payload of the list to open

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resumeBar")
        bar = QHBoxLayout(self)
        self.text = named(QLabel(), "resumeText")
        self.button = named(QPushButton(_tr("Resume")), "resumeButton")
        self.button.clicked.connect(lambda: self.resumeRequested.emit(self.payload))
        self.button.setShortcut(QKeySequence("Ctrl+R"))
        bar.addWidget(self.text, 1)
        bar.addWidget(self.button)
        self.payload: dict[str, Any] = {}
        self.hide()

    def offer(self, entries: Sequence[Any]) -> None:
        """Offer the first of ``entries`` (the station's unfinished lists); none: hide."""
        if not entries:
            self.hide()
            return
        first = entries[0]
        self.payload = {"client_id": first.client_id, "session_id": first.session_id,
                        "packing_list_name": first.list_name}
        text = _tr("Unfinished on this station: {list} of session {session}, client "
                   "{client}, last by {name}.").format(
            list=first.list_name, session=first.session_id, client=first.client_id,
            name=first.worker_name)
        if len(entries) > 1:
            text += " " + _tr("(and {n} more)").format(n=len(entries) - 1)
        self.text.setText(text)
        self.show()
