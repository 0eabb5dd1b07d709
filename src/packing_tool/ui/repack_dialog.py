"""Pack an order again on purpose (a damaged parcel): which order, and why (required).

A re-pack opens an order that is packed here or in another list; it is recorded with the
reason and the packer's name and never counts as a second order. The dialog only asks; packer
mode sends ``EventKind.REPACK`` and shows the answer (or the refusal) on the banner.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from packing_tool.ui.widgets import named

REPACK_REASONS = (  # offered in the chosen language; the reason picked is recorded as shown
    QT_TRANSLATE_NOOP("RepackDialog", "Parcel damaged"),
    QT_TRANSLATE_NOOP("RepackDialog", "Wrong or missing item found in the parcel"),
    QT_TRANSLATE_NOOP("RepackDialog", "Parcel lost before pick-up"),
    QT_TRANSLATE_NOOP("RepackDialog", "Customer changed the order (supervisor)"),
)


@dataclass(frozen=True)
class RepackAnswer:
    label: str  # the order label as typed or scanned
    reason: str


class RepackDialog(QDialog):
    """Dialog ``repackDialog``: order label ``repackLabel``, reason ``repackReason``; the
    ``Pack again`` button stays disabled until both are filled in."""

    def __init__(self, parent: QWidget | None = None, label: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("repackDialog")
        self.setWindowTitle(self.tr("Pack an order again"))
        self.label_field = named(QLineEdit(label), "repackLabel")
        self.label_field.setPlaceholderText(self.tr("scan or type the order label"))
        self.reason_field = named(QComboBox(), "repackReason")
        self.reason_field.setEditable(True)
        self.reason_field.addItems([self.tr(reason) for reason in REPACK_REASONS])
        self.reason_field.setCurrentIndex(-1)  # a reason is chosen on purpose, never by default
        line = self.reason_field.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("why? (required, recorded with your name)"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Pack again"))
        self.ok_button.setObjectName("repackOk")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        note = QLabel(self.tr("The order opens again to be packed from the start. It is not "
                              "counted a second time; the reason is recorded with your name."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Order label"), self.label_field)
        form.addRow(self.tr("Reason"), self.reason_field)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.label_field.textChanged.connect(self._update)
        self.reason_field.editTextChanged.connect(self._update)
        self._update()
        (self.reason_field if label else self.label_field).setFocus()

    def answer(self) -> RepackAnswer | None:
        label, reason = self.label_field.text().strip(), self.reason_field.currentText().strip()
        return RepackAnswer(label, reason) if label and reason else None

    def _update(self, _text: str = "") -> None:
        self.ok_button.setEnabled(self.answer() is not None)

    def _accept(self) -> None:
        if self.answer() is not None:  # Enter in a field must not pass an empty reason
            self.accept()
