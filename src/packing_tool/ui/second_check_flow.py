"""Packer mode's second check: the strip that says an order needs one, the worker-card scan,
the card picker (F10) and the supervisor's skip with a reason (Shift+F10); the dialogs are in
``second_check_dialog``.

A flagged order whose units are all in the box waits (``domain/second_check.py``). A second
worker scans their card (``WRK:<worker id>``) or picks it with F10, then scans the order's
label again: that sends ``EventKind.SECOND_CHECK`` with them as the checker. Who packed any of
the order, and who is at the station, is refused here already and again by the domain.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from packing_tool.domain.barcodes import clean_scan, order_key
from packing_tool.domain.events import EventKind, Outcome
from packing_tool.domain.packer_views import OrderView, ScanResult
from packing_tool.domain.second_check import Flag, awaiting, parse_worker_code, worker_code
from packing_tool.storage.packing_session import Worker
from packing_tool.ui.error_words import error_text
from packing_tool.ui.feedback import ERROR, INFO, WARN
from packing_tool.ui.second_check_dialog import CheckerDialog, SkipCheckDialog
from packing_tool.ui.sounds import ERROR_SOUND
from packing_tool.ui.themes import set_style_property
from packing_tool.ui.widgets import named
from shared.timestamps import now
from shared.worker_manager import WorkerManager

log = logging.getLogger(__name__)

PICK_KEY, SKIP_KEY = "F10", "Shift+F10"
STRIP_STYLE = ("QLabel#secondCheckStrip { padding: 6px 10px; border-radius: 6px; }"
               "QLabel#secondCheckStrip[kind=\"warn\"] { background: #ffb300; color: #1a1a1a;"
               " font-size: 16pt; font-weight: bold; }")
Perform = Callable[[Callable[[], ScanResult], str], ScanResult | None]


class Host(Protocol):
    """What the flow uses of packer mode (``PackerMode`` has it)."""

    session: Any
    feedback: Any
    scan_input: Any
    sounds: Any
    recent: Any

    @property
    def worker(self) -> Worker: ...

    def refocus(self) -> None: ...


def flag_words(flag: Flag) -> str:
    """Why an order is flagged, in the chosen language."""
    words = {"value": QCoreApplication.translate("SecondCheckFlow", "order value {value}"),
             "tag": QCoreApplication.translate("SecondCheckFlow", "tag {value}"),
             "sku": QCoreApplication.translate("SecondCheckFlow", "SKU {value}"),
             "sample": QCoreApplication.translate("SecondCheckFlow",
                                                  "random sample of {value} %")}
    return words.get(flag.kind, "{value}").format(value=flag.value)


def share_workers(session: Any) -> list[tuple[str, str]]:
    """(id, name) of the active workers in the share's workers.json."""
    layout = getattr(session, "layout", None)
    if layout is None:
        return []
    return [(w.id, w.name) for w in WorkerManager(layout.root).get_all_workers()]


class SecondCheckFlow(QObject):
    """The second check on one packer screen: ``strip`` (``secondCheckStrip``) warns while a
    flagged order is packed; the banner says what to do once it waits."""

    def __init__(self, host: Host, screen: QWidget, perform: Perform) -> None:
        super().__init__(screen)
        self.host, self.perform = host, perform
        self.checker: Worker | None = None  # the second worker whose card was scanned
        self._told_value_rule = False  # said once in the recent scans, never a standing line
        self.strip = named(QLabel(), "secondCheckStrip")
        self.strip.setStyleSheet(STRIP_STYLE)  # amber with dark text reads in both themes
        set_style_property(self.strip, "kind", "warn")
        self.strip.setMinimumWidth(1)  # one line: a long one is cut, its tooltip holds it
        self.strip.hide()
        layout = screen.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, self.strip)
        for key, slot in ((PICK_KEY, self.pick_checker), (SKIP_KEY, self.skip_check)):
            shortcut = QShortcut(QKeySequence(key), screen)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            host.scan_input.pass_on(QKeySequence(key))

    # ------------------------------------------------------------------ questions

    @property
    def logic(self) -> Any:
        return self.host.session.logic

    def waiting_order(self) -> OrderView | None:
        view = self.logic.current_order
        return view if awaiting(view) else None

    def packers(self, view: OrderView) -> set[str]:
        return {item.worker_id for item in view.items} | {self.host.worker.id}

    def flags(self, view: OrderView | None) -> tuple[Flag, ...]:
        order = None if view is None else self.logic.find_order(view.order_number)
        return () if order is None else tuple(self.logic.second_checks.flags(order))

    # ------------------------------------------------------------------ scans

    def takes(self, text: str) -> bool:
        """A worker card, or the open order's label once a checker's card was scanned."""
        if parse_worker_code(text) is not None:
            return True
        view = self.waiting_order()
        return (self.checker is not None and view is not None
                and order_key(clean_scan(text)) == order_key(view.order_number))

    def handle(self, text: str) -> ScanResult | None:
        worker_id = parse_worker_code(text)
        if worker_id is not None:
            self.card(worker_id, text)
            return None
        checker, self.checker = self.checker, None
        assert checker is not None  # takes() said so
        host = self.host
        return self.perform(lambda: host.session.act(
            EventKind.SECOND_CHECK, host.worker, code=clean_scan(text),
            checker=(checker.id, checker.name)), text)

    def card(self, worker_id: str, scanned: str = "") -> None:
        """A second worker's card: remember them, or say why they cannot check."""
        view = self.waiting_order()
        try:
            names = dict(share_workers(self.host.session))
        except Exception as exc:  # the share did not answer: say so, record nothing
            log.exception("reading the workers for a second check failed")
            self._say(ERROR, self.tr("WORKERS NOT READ"), error_text(exc), scanned)
            return
        name = names.get(worker_id)
        if name is None:
            self._say(ERROR, self.tr("UNKNOWN WORKER CARD"),
                      self.tr("No worker {code} in the workers list.").format(
                          code=worker_code(worker_id)), scanned)
        elif view is None:
            self._say(INFO, self.tr("WORKER CARD: {name}").format(name=name),
                      self.tr("No order waits for a second check now."), scanned, sound=False)
        elif worker_id in self.packers(view):
            self._say(ERROR, self.tr("NOT BY THE PACKER"),
                      self.tr("{name} packed order {order}: another worker must check it.").format(
                          name=name, order=view.order_number), scanned)
        else:
            self.checker = Worker(worker_id, name)
            self.show_checker(view, scanned)

    def show_checker(self, view: OrderView, scanned: str = "") -> None:
        assert self.checker is not None
        self._say(INFO, self.tr("CHECK BY {name}").format(name=self.checker.name),
                  self.tr("{name}: look into the box, then scan the label of order {order} to "
                      "confirm the check.").format(name=self.checker.name,
                                                   order=view.order_number),
                  scanned, sound=False)
        self.refresh()

    def _say(self, kind: str, title: str, detail: str, scanned: str = "", *,
             sound: bool = True) -> None:
        self.host.feedback.show_message(kind, title, detail, scanned)
        if sound and kind == ERROR:
            self.host.sounds.play(ERROR_SOUND)

    # ------------------------------------------------------------------ keys

    def _asking(self) -> AbstractContextManager[None]:
        """A scan while a dialog is open is processed after it, never typed into it."""
        scans = getattr(self.host, "dialog_scans", None)
        return scans.guard() if scans is not None else nullcontext()

    def pick_checker(self) -> Worker | None:
        """F10: the second worker picks their card in a dialog (no card to scan)."""
        view = self.waiting_order()
        if view is None:
            self._say(INFO, self.tr("NO SECOND CHECK NOW"),
                      self.tr("No order waits for a second check now."), sound=False)
            return None
        try:
            workers = share_workers(self.host.session)
        except Exception as exc:
            log.exception("reading the workers for a second check failed")
            self._say(ERROR, self.tr("WORKERS NOT READ"), error_text(exc))
            return None
        dialog = CheckerDialog(self.strip.window(), workers, self.packers(view),
                               view.order_number)
        try:
            with self._asking():
                accepted = dialog.exec() == QDialog.DialogCode.Accepted
            chosen = dialog.chosen() if accepted else None
        finally:
            dialog.deleteLater()
            self.host.refocus()
        if chosen is not None:
            self.checker = chosen
            self.show_checker(view)
        return chosen

    def skip_check(self) -> ScanResult | None:
        """Shift+F10: a supervisor completes the order without its check, with a reason."""
        view = self.waiting_order()
        if view is None:
            self._say(INFO, self.tr("NO SECOND CHECK NOW"),
                      self.tr("No order waits for a second check now."), sound=False)
            return None
        dialog = SkipCheckDialog(self.strip.window(), view.order_number)
        try:
            with self._asking():
                accepted = dialog.exec() == QDialog.DialogCode.Accepted
            reason = dialog.reason() if accepted else ""
        finally:
            dialog.deleteLater()
            self.host.refocus()
        if not reason:
            return None
        self.checker = None
        host = self.host
        return self.perform(lambda: host.session.act(
            EventKind.SECOND_CHECK_SKIPPED, host.worker, reason=reason), "")

    # ------------------------------------------------------------------ what the screen says

    def refresh(self, result: ScanResult | None = None) -> None:
        """After every result (and at the start): the strip, and the banner of a waiting order.

        The strip is one line, shown while a flagged order is being packed (why, and who may
        not check it); once the order waits, the banner says it all and the strip hides."""
        current = self.logic.current_order
        if current is None or (self.checker is not None and result is not None
                               and result.order_number != current.order_number):
            self.checker = None
        self._tell_value_rule()
        flags = self.flags(current)
        reasons = ", ".join(flag_words(f) for f in flags) or self.tr("flagged earlier")
        heads_up = current is not None and bool(flags) and not awaiting(current)
        if heads_up:
            packers = ", ".join(sorted({i.worker_name for i in current.items}
                                       | {self.host.worker.name}))
            self.strip.setText(self.tr("Second check after packing ({reasons}), not "
                                       "{packers}").format(reasons=reasons, packers=packers))
            self.strip.setToolTip(self.strip.text())
        self.strip.setVisible(heads_up)
        view = self.waiting_order()
        if view is None or self.checker is not None:
            return
        if result is not None and result.outcome is Outcome.REFUSED:
            return  # the refusal says why (e.g. the packer's own card)
        names = ", ".join(sorted({i.worker_name for i in view.items} | {self.host.worker.name}))
        self.host.feedback.show_message(WARN, self.tr("SECOND CHECK NEEDED"), self.tr(
            "Order {order} ({reasons}): every item is in the box. Another worker, not {names}, "
            "scans their worker card, then this order's label. No card: {pick}. Supervisor: "
            "{skip} skips the check with a reason.").format(
                order=view.order_number, reasons=reasons, names=names, pick=PICK_KEY,
                skip=SKIP_KEY))

    def _tell_value_rule(self) -> None:
        """Once per list: the client's order-value rule cannot work on a list without prices."""
        if self._told_value_rule or not self.logic.second_checks.value_rule_inactive:
            return
        self._told_value_rule = True
        self.host.recent.add(now(), "", self.tr(
            "Order value rule inactive: this list has no prices"), INFO)
