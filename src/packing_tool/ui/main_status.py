"""The main window's status bar: who is packing, on which station, whether the share answers
and which list is open here (its lock this station's).

A field narrower than its text (a 1366 px screen, Bulgarian words) ends in "…" and its
tooltip holds the whole text; no field ever widens the window or runs into the next one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QToolTip

from packing_tool.ui.widgets import named

# px: a status label narrower than its text on a small screen is cut, rather than pushing the
# window past the screen's edge
SHRINK_TO = 40


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # the window's own context


class StatusField(QLabel):
    """A status bar label drawn with "…" when cut; ``text()`` is always the whole text."""

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.setMinimumWidth(SHRINK_TO)  # long (Bulgarian) texts never widen the window
        self.setTextFormat(Qt.TextFormat.PlainText)

    def shown_text(self) -> str:
        """The text as drawn now (cut with "…" when the field is narrower than it)."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                             self.contentsRect().width())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment()),
                                  self.palette(), self.isEnabled(), self.shown_text(),
                                  self.foregroundRole())
        painter.end()

    def event(self, event: QEvent) -> bool:
        """A cut field's tooltip: its whole text (then its own tooltip, if any)."""
        if event.type() == QEvent.Type.ToolTip and self.shown_text() != self.text():
            assert isinstance(event, QHelpEvent)
            tip = "\n".join(t for t in (self.text(), self.toolTip()) if t)
            QToolTip.showText(event.globalPos(), tip, self)
            return True
        return super().event(event)


class StationStatus:
    """Labels ``statusWorker``, ``statusStation``, ``statusShare`` and ``statusLock``."""

    def __init__(self, bar: QStatusBar, station: str) -> None:
        self.worker_label = named(StatusField(_tr("No worker")), "statusWorker")
        self.station_label = named(StatusField(), "statusStation")
        self.share_label = named(StatusField(_tr("Share: online")), "statusShare")
        self.lock_label = named(StatusField(_tr("No list open")), "statusLock")
        self.labels = (self.worker_label, self.station_label, self.share_label, self.lock_label)
        for label in self.labels:
            bar.addPermanentWidget(label)
        self._list = ""
        self.show_station(station)

    def show_worker(self, name: str) -> None:
        self.worker_label.setText(_tr("Worker: {name}").format(name=name))

    def show_station(self, name: str) -> None:
        self.station_label.setText(_tr("Station {name}").format(name=name))

    def show_share(self, state: str, waiting: int) -> None:
        if state == "online":
            self.share_label.setText(_tr("Share: online"))
        elif state == "offline":
            self.share_label.setText(
                _tr("Share: OFFLINE, 1 scan waiting on this PC") if waiting == 1 else
                _tr("Share: OFFLINE, {n} scans waiting on this PC").format(n=waiting))
        else:
            self.share_label.setText(_tr("Share: list taken over"))

    def show_lock(self, list_name: str | None, session: str = "") -> None:
        """The list open here (its lock this station's); None: no list is open. The list's
        name stays in the bar, the session and the lock are in the tooltip."""
        self._list = list_name or ""
        if list_name is None:
            self.lock_label.setText(_tr("No list open"))
            self.lock_label.setToolTip("")
            return
        self.lock_label.setText(_tr("List: {list}").format(list=list_name))
        self.lock_label.setToolTip(_tr("{list} of session {session} is open; this station "
                                       "holds its lock.").format(list=list_name,
                                                                 session=session))

    def show_lock_lost(self) -> None:
        self.lock_label.setText(_tr("List: {list}: LOCK LOST").format(list=self._list)
                                if self._list else _tr("Lock: LOST"))
        self.lock_label.setToolTip(_tr("Another station took this list over: nothing more "
                                       "is saved here."))
