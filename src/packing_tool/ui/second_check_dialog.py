"""The second check's dialogs: a second worker picks their card (F10), a supervisor skips
the check with a reason (Shift+F10). They only ask; ``second_check_flow`` acts on the answer.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from packing_tool.storage.packing_session import Worker
from packing_tool.ui.widgets import named

SKIP_REASONS = (  # offered in the chosen language; the reason picked is recorded as shown
    QT_TRANSLATE_NOOP("SkipCheckDialog", "Supervisor checked the parcel"),
    QT_TRANSLATE_NOOP("SkipCheckDialog", "No second worker on this shift"),
    QT_TRANSLATE_NOOP("SkipCheckDialog", "Courier is waiting (supervisor)"),
)


class CheckerDialog(QDialog):
    """Dialog ``checkerDialog``: the worker cards in ``checkerList``; arrows and typing a name
    move, Enter picks, Esc cancels. The order's packers are listed but cannot be picked."""

    def __init__(self, parent: QWidget | None, workers: list[tuple[str, str]],
                 excluded: set[str], order: str) -> None:
        super().__init__(parent)
        self.setObjectName("checkerDialog")
        self.setWindowTitle(self.tr("Second check of order {order}").format(order=order))
        note = QLabel(self.tr("Who checks order {order}? Pick your own card (Enter). Then "
                              "scan the order's label again.").format(order=order))
        note.setWordWrap(True)
        self.list = named(QListWidget(), "checkerList")
        self.list.setStyleSheet("QListWidget#checkerList { font-size: 15pt; }"
                                "QListWidget#checkerList::item { padding: 6px; }")
        first: QListWidgetItem | None = None
        for worker_id, name in sorted(workers, key=lambda w: w[1].casefold()):
            packed = worker_id in excluded
            text = (self.tr("{name} (packed this order)").format(name=name) if packed
                    else name)
            item = QListWidgetItem(text)  # names only: the card code is no word for people
            item.setData(Qt.ItemDataRole.UserRole, (worker_id, name))
            if packed:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled
                              & ~Qt.ItemFlag.ItemIsSelectable)
            elif first is None:
                first = item
            self.list.addItem(item)
        if first is not None:
            self.list.setCurrentItem(first)
        self.list.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Check as this worker"))
        ok.setEnabled(first is not None)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.list.setFocus()

    def chosen(self) -> Worker | None:
        item = self.list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        worker_id, name = item.data(Qt.ItemDataRole.UserRole)
        return Worker(worker_id, name)


class SkipCheckDialog(QDialog):
    """Dialog ``skipCheckDialog``: reason ``skipCheckReason``; ``Skip the check`` stays
    disabled until a reason is given."""

    def __init__(self, parent: QWidget | None, order: str) -> None:
        super().__init__(parent)
        self.setObjectName("skipCheckDialog")
        self.setWindowTitle(self.tr("Skip the second check"))
        note = QLabel(self.tr("Supervisor: order {order} will be complete without a second "
                              "worker's check. The reason is recorded with the time and shown "
                              "in Details and in verify.").format(order=order))
        note.setWordWrap(True)
        self.reason_field = named(QComboBox(), "skipCheckReason")
        self.reason_field.setEditable(True)
        self.reason_field.addItems([self.tr(reason) for reason in SKIP_REASONS])
        self.reason_field.setCurrentIndex(-1)  # chosen on purpose, never by default
        line = self.reason_field.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("why? (required)"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Skip the check"))
        self.ok_button.setObjectName("skipCheckOk")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(QLabel(self.tr("Reason")))
        layout.addWidget(self.reason_field)
        layout.addWidget(self.buttons)
        self.reason_field.editTextChanged.connect(self._update)
        self._update()
        self.reason_field.setFocus()

    def reason(self) -> str:
        return self.reason_field.currentText().strip()

    def _update(self, _text: str = "") -> None:
        self.ok_button.setEnabled(bool(self.reason()))

    def _accept(self) -> None:
        if self.reason():  # Enter in the field must not pass an empty reason
            self.accept()
