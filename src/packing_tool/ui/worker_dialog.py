"""Log-in: pick yourself from the worker cards, or create your profile.

Workers and today's figures are read by the background runner, so a slow share shows
"Loading…" instead of freezing the window. No passwords: the station trusts its packers.
Keyboard: Tab/arrows move between cards, Enter or 1 to 9 picks one, Ctrl+N adds a worker.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.themes import set_style_property
from packing_tool.ui.widgets import named
from packing_tool.ui.worker_cards import WorkerCard, WorkerCardData, load_worker_cards
from shared.worker_manager import WorkerManager, WorkerProfile

COLUMNS = 2
MAX_NAME = 60
DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}


def _create(root: Path, name: str) -> WorkerProfile:
    return WorkerManager(root).create_worker(name)


class WorkerSelectionDialog(QDialog):
    """Dialog ``workerSelectionDialog``; ``selected`` holds the chosen profile once accepted.

    Signals:
        workerChosen(object): the WorkerProfile picked or created (just before accept()).
    """

    workerChosen = Signal(object)

    def __init__(self, root: Path, runner: TaskRunner, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workerSelectionDialog")
        self.setWindowTitle(self.tr("Who is packing?"))
        self.setModal(True)
        self.resize(680, 560)
        self.root, self.runner = root, runner
        self.today = today
        self.selected: WorkerProfile | None = None
        self._cards: list[WorkerCard] = []
        self._tokens: set[int] = set()
        self._build()
        QShortcut(QKeySequence("Ctrl+N"), self).activated.connect(self.show_new_worker_form)
        self.reload()

    def _build(self) -> None:
        title = named(QLabel(self.tr("Who is packing?")), "workerTitle")
        self.message = named(QLabel(), "workerMessage")
        self.message.setWordWrap(True)
        self.retry_button = named(QPushButton(self.tr("Try again")), "retryButton")
        self.retry_button.clicked.connect(self.reload)
        self.retry_button.hide()
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the focus goes to cards, not their frame
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._grid_host)
        self.new_button = named(QPushButton(self.tr("New worker…")), "newWorkerButton")
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.show_new_worker_form)
        self.name_field = named(QLineEdit(), "newWorkerName")
        self.name_field.setMaxLength(MAX_NAME)
        self.name_field.setPlaceholderText(self.tr("Your name as colleagues know it"))
        self.name_field.returnPressed.connect(self.create_worker)
        self.create_button = named(QPushButton(self.tr("Create")), "createWorkerButton")
        self.create_button.setAutoDefault(False)
        self.create_button.clicked.connect(self.create_worker)
        self._form = named(QWidget(), "newWorkerForm")
        form = QHBoxLayout(self._form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self.name_field, 1)
        form.addWidget(self.create_button)
        self._form.hide()
        cancel = named(QPushButton(self.tr("Cancel")), "cancelButton")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.scanner_button = named(QPushButton(self.tr("Scanner test…")), "scannerTestButton")
        self.scanner_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.scanner_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        for widget in (title, self.message, self.retry_button):
            layout.addWidget(widget)
        layout.addWidget(scroll, 1)
        layout.addWidget(self._form)
        layout.addLayout(buttons)

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        """Read the workers again (in the background)."""
        self.retry_button.hide()
        self._say(self.tr("Loading workers…"))
        today = self.today or datetime.now().astimezone().date()
        self._submit(load_worker_cards, self.root, today, on_done=self._on_loaded,
                     on_error=self._on_load_failed)

    def _submit(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None],
                on_error: Callable[[str], None]) -> None:
        token = 0

        def done(value: Any) -> None:
            self._tokens.discard(token)
            on_done(value)

        def failed(message: str) -> None:
            self._tokens.discard(token)
            on_error(message)

        token = self.runner.submit(fn, *args, on_done=done, on_error=failed, owner=self)
        self._tokens.add(token)

    def _on_loaded(self, cards: list[WorkerCardData]) -> None:
        for card in self._cards:
            self._grid.removeWidget(card)
            card.deleteLater()
        now = datetime.now().astimezone()
        self._cards = [WorkerCard(data.number, data, now) for data in cards]
        for i, card in enumerate(self._cards):
            card.clicked.connect(lambda _=False, c=card: self.choose(c.profile))
            self._grid.addWidget(card, i // COLUMNS, i % COLUMNS)
            card.show()  # now, not at the next event loop pass: it can take the focus at once
        if self._cards:
            self._say(self.tr("Pick your card (or press its number)."))
            if not self._form.isVisible():
                self._cards[0].setFocus()
        else:
            self._say(self.tr("No workers yet: create your profile with “New worker…”."))
            self.show_new_worker_form()

    def _on_load_failed(self, message: str) -> None:
        self._say(self.tr("Cannot read the workers from the share: {reason}").format(
            reason=message), error=True)
        self.retry_button.show()

    # ------------------------------------------------------------------ choosing

    def cards(self) -> list[WorkerCard]:
        return list(self._cards)

    def choose(self, profile: WorkerProfile) -> None:
        self.selected = profile
        self.workerChosen.emit(profile)
        self.accept()

    def show_new_worker_form(self) -> None:
        self._form.show()
        self.name_field.setFocus()

    def name_problem(self, name: str) -> str:
        """Why ``name`` cannot be a new worker's name ("" when it can)."""
        clean = name.strip()
        if not clean:
            return self.tr("Type the new worker's name first.")
        same = next((c.profile for c in self._cards
                     if c.profile.name.strip().casefold() == clean.casefold()), None)
        if same is not None:
            return self.tr("“{name}” already has a card: pick it above instead.").format(
                name=same.name)
        return ""

    def create_worker(self) -> None:
        """Create the worker typed in the form, then choose it."""
        name = self.name_field.text().strip()
        problem = self.name_problem(name)
        if problem:
            self._say(problem, error=True)
            self.name_field.setFocus()
            return
        self.create_button.setEnabled(False)
        self._say(self.tr("Creating {name}…").format(name=name))
        self._submit(_create, self.root, name, on_done=self.choose,
                     on_error=self._on_create_failed)

    def _on_create_failed(self, message: str) -> None:
        self.create_button.setEnabled(True)
        self._say(self.tr("Could not create the worker: {reason}").format(reason=message),
                  error=True)
        self.name_field.setFocus()

    # ------------------------------------------------------------------ keyboard, closing

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        numbered = {c.card.number: c for c in self._cards}  # fixed numbers (worker_cards)
        if key in DIGITS and DIGITS[key] in numbered and not event.modifiers():
            self.choose(numbered[DIGITS[key]].profile)
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Right):
            self.focusNextChild()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Left):
            self.focusPreviousChild()
        else:
            super().keyPressEvent(event)

    def done(self, result: int) -> None:
        for token in self._tokens:  # answers arriving after the dialog closed are dropped
            self.runner.cancel(token)
        self._tokens.clear()
        super().done(result)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        set_style_property(self.message, "kind", "error" if error else "info")
