"""The large banner that says the share stopped answering, and how many scans wait here.

It appears as soon as the share does not answer: either the open list's journal mirror found
it (``MirrorStatus`` OFFLINE) or the banner's own probe of the share folder failed or hung. It
names the share, the local time it last answered and the exact number of scans waiting on
this PC (read from the mirror at every scan and every probe, never from a stale message), and
it clears once the share answers and every waiting scan has arrived. Both moments go to the
log: going offline (with the count), and back (with the number of scans delivered).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from packing_tool.storage.journal_mirror import MirrorStatus, ShareState
from packing_tool.ui import local_time

log = logging.getLogger(__name__)

StatusSource = Callable[[], MirrorStatus | None]


class ShareProbe:
    """Whether the share folder answers, asked on a thread of its own so a hung share
    never blocks the window: a probe still running after ``timeout`` counts as no answer."""

    def __init__(self, folder: Path, timeout: float) -> None:
        self.folder, self.timeout = folder, timeout
        self._started: float | None = None
        self._answer: bool | None = None  # the last finished probe's answer

    def _run(self) -> None:
        try:
            answer = self.folder.is_dir()
        except OSError:
            answer = False
        self._answer, self._started = answer, None

    def poll(self) -> bool | None:
        """Start a probe unless one runs; True/False: the share answers or not; None: unknown."""
        started = self._started
        if started is None:
            self._started = time.monotonic()
            threading.Thread(target=self._run, name="share-probe", daemon=True).start()
        elif time.monotonic() - started > self.timeout:
            return False  # hung
        return self._answer


class OfflineBanner(QFrame):
    def __init__(self, share: Path, parent: QWidget | None = None, *,
                 probe_seconds: float = 3.0, probe_timeout: float = 5.0) -> None:
        super().__init__(parent)
        self.setObjectName("offlineBanner")
        self.share = share
        self.source: StatusSource = lambda: None
        self.offline = False  # the banner is up: offline, or back and still delivering
        self.last_seen: datetime = datetime.now().astimezone()
        self.waiting = 0
        self._peak = 0  # scans waiting at most during this outage: delivered when it ends
        self._probe = ShareProbe(share, probe_timeout)
        self._share_ok: bool | None = None
        # two lines on a 1366 px screen: packer mode keeps its room under it
        self.setStyleSheet("#offlineBanner { background: #b71c1c; border-radius: 6px; }"
                           "#offlineBanner QLabel { color: white; font-size: 18px;"
                           " font-weight: bold; padding: 2px 8px; }")
        self.text = QLabel(self)
        self.text.setObjectName("offlineBannerText")
        self.text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.text)
        self.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(int(probe_seconds * 1000))
        self.timer.timeout.connect(self.probe)
        self.timer.start()

    def watch(self, source: StatusSource) -> None:
        """Where the open list's share status is read (None: no list open)."""
        self.source = source
        self.refresh()

    def probe(self) -> None:
        self._share_ok = self._probe.poll()
        self.refresh()

    def refresh(self) -> None:
        """Read the mirror's status now (after each scan, each status change, each probe)."""
        try:
            status = self.source()
        except Exception:  # a list closing meanwhile: nothing of it waits any more
            status = None
        mirror_offline = status is not None and status.state is ShareState.OFFLINE
        waiting = status.waiting if status is not None else 0
        down = mirror_offline or self._share_ok is False
        if not down and not self.offline:
            self.last_seen = datetime.now().astimezone()
        self._show(down, waiting)

    def _show(self, down: bool, waiting: int) -> None:
        self.waiting = waiting
        if down and not self.offline:
            self.offline, self._peak = True, waiting
            log.warning("share %s stopped answering (last seen %s); %d scans waiting on this PC",
                        self.share, local_time.clock(self.last_seen), waiting)
        if not self.offline:
            return
        self._peak = max(self._peak, waiting)
        if not down and waiting == 0:
            self.offline = False
            self.last_seen = datetime.now().astimezone()
            log.info("share %s answers again: %d scans delivered", self.share, self._peak)
            self.hide()
            return
        if down:
            scans = (self.tr("1 scan waiting on this PC") if waiting == 1 else
                     self.tr("{n} scans waiting on this PC").format(n=waiting))
            text = self.tr("SHARE OFFLINE: {share} (last seen {time}). {scans}. Keep packing: "
                           "every scan is kept here and sent when the share answers.").format(
                share=self.share, time=local_time.clock(self.last_seen), scans=scans)
        else:
            text = self.tr("Share {share} answers again: sending the {n} scans waiting on "
                           "this PC…").format(share=self.share, n=waiting)
        self.text.setText(text)
        self.show()
