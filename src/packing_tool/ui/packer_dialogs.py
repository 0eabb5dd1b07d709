"""The questions packer mode asks: why a line is confirmed by hand, which order to pack again
and why, and whether to end.

All are modal on purpose (the answer is needed before anything else happens); they are
plain functions so tests can replace them and never block on a dialog.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from packing_tool.ui.repack_dialog import RepackAnswer, RepackDialog

MANUAL_REASONS = (  # offered in the chosen language; the reason picked is recorded as shown
    QT_TRANSLATE_NOOP("PackerDialogs", "Barcode will not scan"),
    QT_TRANSLATE_NOOP("PackerDialogs", "No barcode on the item"),
    QT_TRANSLATE_NOOP("PackerDialogs", "Barcode not known to the system"),
    QT_TRANSLATE_NOOP("PackerDialogs", "Item checked by eye (supervisor)"),
)


def _tr(text: str) -> str:  # for texts marked with QT_TRANSLATE_NOOP above
    return QCoreApplication.translate("PackerDialogs", text)


@dataclass(frozen=True)
class ManualAnswer:
    reason: str
    quantity: int


def ask_manual(parent: QWidget, sku: str, title: str, remaining: int) -> ManualAnswer | None:
    """Ask why line ``sku`` is confirmed by hand and how many units; None when cancelled."""
    question = QCoreApplication.translate(
        "PackerDialogs", "Confirm {sku} ({title}) without scanning.\nWhy? (recorded with your "
        "name)").format(sku=sku, title=title)
    reason, ok = QInputDialog.getItem(
        parent, QCoreApplication.translate("PackerDialogs", "Confirm by hand"), question,
        [_tr(r) for r in MANUAL_REASONS], 0, True)
    reason = reason.strip()
    if not ok or not reason:
        return None
    quantity = remaining
    if remaining > 1:
        quantity, ok = QInputDialog.getInt(
            parent, QCoreApplication.translate("PackerDialogs", "Confirm by hand"),
            QCoreApplication.translate("PackerDialogs", "How many units of {sku} are in the box?"
                                       ).format(sku=sku), remaining, 1, remaining)
        if not ok:
            return None
    return ManualAnswer(reason, quantity)


def ask_repack(parent: QWidget, label: str) -> RepackAnswer | None:
    """Ask which order to pack again (``label`` prefilled) and why; None when cancelled."""
    dialog = RepackDialog(parent, label)
    try:
        return dialog.answer() if dialog.exec() == RepackDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def end_question(remaining: int, skipped: int, open_order: str | None,
                 elsewhere: int = 0) -> str:
    """The text of the end-of-session question, naming what is left.

    ``remaining`` counts the orders nobody packed (here or, by the order ledger, elsewhere);
    ``elsewhere`` the orders of this list packed in another list.
    """
    if remaining == 0:
        if elsewhere:
            return QCoreApplication.translate(
                "PackerDialogs", "Every order is packed ({n} of them packed elsewhere).\n\nEnd "
                "the session and record the statistics?").format(n=elsewhere)
        return QCoreApplication.translate(
            "PackerDialogs", "Every order is packed.\n\nEnd the session and record the "
            "statistics?")
    parts = [QCoreApplication.translate("PackerDialogs", "{n} order(s) are not packed yet"
                                        ).format(n=remaining)]
    if skipped:
        parts.append(QCoreApplication.translate("PackerDialogs", "{n} of them set aside"
                                                ).format(n=skipped))
    if open_order:
        parts.append(QCoreApplication.translate("PackerDialogs", "order {order} is open").format(
            order=open_order))
    if elsewhere:
        parts.append(QCoreApplication.translate(
            "PackerDialogs", "{n} other(s) are packed elsewhere").format(n=elsewhere))
    return "; ".join(parts) + QCoreApplication.translate(
        "PackerDialogs", ".\n\nEnd the session anyway? They stay unpacked.")


def ask_end(parent: QWidget, remaining: int, skipped: int, open_order: str | None,
            elsewhere: int = 0) -> bool:
    default = QMessageBox.StandardButton.Yes if remaining == 0 else QMessageBox.StandardButton.No
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("PackerDialogs", "End session"),
        end_question(remaining, skipped, open_order, elsewhere),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, default)
    return answer == QMessageBox.StandardButton.Yes
