"""The station's window: who is packing, then which list, then packer mode.

Three pages in one window: the worker cards, the Session Browser (with this station's
unfinished lists offered for resuming), and packer mode (``main_pages`` builds them). The
status bar always says who is packing, on which station, whether the share answers, and
which list is open here.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from packing_tool import __version__
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.lock_info import LockInfo, set_station_name
from packing_tool.storage.logging_setup import LogContext, configure_logging, log_folder
from packing_tool.storage.packing_session import Worker
from packing_tool.storage.paths import RootChoice, local_data_dir
from packing_tool.storage.session_manager import ActiveList, SessionSettings
from packing_tool.storage.settings import StationSettings, session_settings
from packing_tool.ui import wording
from packing_tool.ui.main_menus import build_menus, switch_theme
from packing_tool.ui.main_pages import build_pages
from packing_tool.ui.packer_mode import PackerMode
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.sounds import SoundPlayer
from packing_tool.ui.work_flow import WorkFlow

log = logging.getLogger(__name__)
EXIT_WAIT_SECONDS = 8.0  # a hung share may not keep the window open longer than this

# Questions are asked through these, so tests can answer them without a modal loop.
def ask_take_over(parent: QWidget, text: str) -> bool:
    title = QCoreApplication.translate("MainWindow", "Take over this list?")
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


class MainWindow(QMainWindow):
    def __init__(self, choice: RootChoice, runner: TaskRunner, *,
                 station: StationSettings | None = None,
                 settings: SessionSettings | None = None, sound: bool | None = None,
                 log_context: LogContext | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"Packing Tool {__version__}")
        self.resize(1280, 800)
        self.choice, self.runner = choice, runner
        self.layout_ = ShareLayout(choice.path)
        self.station = station or StationSettings()
        self.settings = settings or session_settings(self.station)
        self.log_context = log_context
        self.sounds = SoundPlayer(self, muted=not (self.station.sound if sound is None
                                                   else sound))
        self.flow: WorkFlow | None = None
        self.worker: Worker | None = None
        self.packer: PackerMode | None = None
        build_pages(self)
        build_menus(self)
        self.show_login()

    def apply_station(self, station: StationSettings) -> None:
        """Take new settings: theme, sound and the station's name at once (the rest at the
        next start). A new name goes on lists opened from now on (a list open now keeps its
        lock), on log lines and on the share's log file."""
        renamed = station.station != self.station.station
        self.station = station
        set_station_name(station.station_name)
        switch_theme(station.theme)
        self.sounds.muted = not station.sound
        self.station_status.show_station(station.station)
        if renamed and self.log_context is not None:  # logging is the app's (application.run)
            log.info("station renamed to %s", station.station)
            configure_logging(station.station, local_dir=local_data_dir(),
                              share_logs=None if self.choice.is_demo else self.layout_.logs_dir)

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_folder())))

    def _context(self, **fields: str | None) -> None:
        if self.log_context is not None:
            self.log_context.set(**fields)

    # ------------------------------------------------------------------ pages

    def show_login(self) -> None:
        """Log in; with a list open, the worker chosen takes the station over between orders."""
        if self.packer is not None and self.packer.logic.current_order is not None:
            self.say(self.tr("Finish or skip the current order before another worker takes "
                             "over."))
            self.packer.refocus()
            return
        self.login.show()
        self.login.reload()
        self.pages.setCurrentWidget(self.login)

    def show_work(self) -> None:
        if self.worker is not None and (self.flow is None or self.flow.active is None):
            self.pages.setCurrentWidget(self.work_page)

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.statusBar().showMessage(text, 15000)
        log.info("%s", text)

    def _logged_in(self, profile: Any) -> None:
        self.layout_notice.reset()  # a wrong keyboard layout is told once per login
        if self.packer is not None:  # a hand-over: the list stays open, scans go to them
            self.pages.setCurrentWidget(self.packer_page)
            if self.packer.handover(Worker(profile.id, profile.name)):
                self.say(self.tr("{name} now packs at this station.").format(name=profile.name))
            self.packer.refocus()
            return
        self.worker = Worker(profile.id, profile.name)
        self.station_status.show_worker(profile.name)
        self._context(worker=profile.name)
        if self.flow is not None:
            self.flow.shutdown()
        self.flow = WorkFlow(self.layout_, self.worker, self.runner, self.settings, self)
        self.flow.opened.connect(self._opened)
        self.flow.failed.connect(self.say)
        self.flow.takeOverOffered.connect(self._offer_take_over)
        self.flow.ended.connect(self._closed_list)
        self.flow.paused.connect(self._closed_list)
        self.flow.shareChanged.connect(self._share_changed)
        self.flow.lockLost.connect(self._lock_lost)
        self.pages.setCurrentWidget(self.work_page)
        self.browser.table.setFocus()  # keyboard only: arrows pick a list, Return opens it
        self.browser.refresh()
        self.runner.submit(self.flow.unfinished, on_done=self._offer_resume, owner=self)

    def _offer_resume(self, found: tuple[list[Any], Any]) -> None:
        entries, crashed = found
        if crashed is not None and self.flow is not None and self.flow.active is None:
            # This PC's program stopped with the list open: back to it at once, no question.
            self.resume_bar.hide()
            self.say(self.tr("Resuming {name} of session {session}: the program stopped on "
                             "this PC while it was open.").format(
                name=crashed.list_name, session=crashed.session_id))
            self.flow.open_list({"client_id": crashed.client_id,
                                 "session_id": crashed.session_id,
                                 "packing_list_name": crashed.list_name})
            return
        self.resume_bar.offer(entries)

    # ------------------------------------------------------------------ lists

    def _open(self, payload: dict[str, Any]) -> None:
        if self.flow is not None:
            self.say(self.tr("Opening {list}…").format(list=payload["packing_list_name"]))
            self.flow.open_list(payload)

    def _take_over_from_browser(self, payload: dict[str, Any]) -> None:
        holder = payload.get("lock")
        if isinstance(holder, LockInfo):
            self._offer_take_over(payload, holder, self.tr("The list's lock is stale: {lock}."
                                                           ).format(lock=wording.lock(holder)))

    def _offer_take_over(self, payload: dict[str, Any], holder: object, text: str) -> None:
        question = self.tr("{why}\n\nTake the list over? The other station will be told and "
                           "will stop writing. This is recorded.").format(why=text)
        if self.flow is not None and isinstance(holder, LockInfo) and ask_take_over(
                self, question):
            self.flow.open_list(payload, take_over=holder)
        else:
            self.say(self.tr("Not taken over."))

    def _opened(self, active: ActiveList) -> None:
        assert self.worker is not None
        self.resume_bar.hide()
        self.packer = PackerMode(active.session, self.worker, self.packer_page,
                                 sounds=self.sounds)
        self.packer.endRequested.connect(lambda _remaining: self.end_list())
        self.packer.scanProcessed.connect(self._scanned)
        self.packer.workerChanged.connect(self._worker_changed)
        self.layout_notice.watch(self.packer, self.say)
        self.packer_box.addWidget(self.packer)
        self.pages.setCurrentWidget(self.packer_page)
        self.offline_banner.watch(lambda: active.share_status)
        self.station_status.show_lock(active.list_name, active.session_id)  # says it's open
        self._context(session=active.session_id, list_name=active.list_name)
        log.info("%s of %s is open", active.list_name, active.session_id)
        self.statusBar().clearMessage()  # "Opening …" is over
        self.packer.refocus()

    def _scanned(self, result: Any) -> None:
        self.offline_banner.refresh()  # the exact count of scans waiting, after every scan
        if self.offline_banner.offline:  # the status bar says the same count as the banner
            self.station_status.show_share("offline", self.offline_banner.waiting)
        if getattr(result, "order_completed", False) and self.flow is not None:
            self.flow.report_progress()  # keeps the browser's progress live on other PCs

    def _worker_changed(self, worker: Worker) -> None:
        self.station_status.show_worker(worker.name)
        self._context(worker=worker.name)

    def end_list(self) -> None:
        if self.flow is not None:
            self.say(self.tr("Ending the list…"))
            self.flow.end()

    def pause_list(self) -> None:
        if self.flow is not None and self.flow.active is not None:
            self.flow.pause()

    def _closed_list(self, message: str) -> None:
        if self.packer is not None:
            self.packer.setParent(None)
            self.packer.deleteLater()
            self.packer = None
        self.offline_banner.watch(lambda: None)
        self.station_status.show_lock(None)
        self._context(session=None, list_name=None)
        self.pages.setCurrentWidget(self.work_page)
        self.say(message)
        self.browser.refresh()

    def _share_changed(self, state: str, waiting: int) -> None:
        self.offline_banner.refresh()
        if state == "offline" and self.offline_banner.offline:
            waiting = self.offline_banner.waiting  # read now: the bar says what the banner says
        self.station_status.show_share(state, waiting)

    def _lock_lost(self, why: str) -> None:
        self.station_status.show_lock_lost()
        text = self.tr("This list was taken over by another station: {why}. Nothing more is "
                       "saved.").format(why=why)
        self.say(text)
        if self.packer is not None:
            self.packer.feedback.show_message("error", self.tr("LIST TAKEN OVER"), text)

    # ------------------------------------------------------------------ exit

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.flow is not None:
            # Off the UI thread and bounded: scans are already safe in the local journal.
            closing = threading.Thread(target=self.flow.shutdown, name="closing", daemon=True)
            closing.start()
            closing.join(EXIT_WAIT_SECONDS)
        event.accept()
