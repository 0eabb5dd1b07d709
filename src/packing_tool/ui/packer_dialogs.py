"""The questions packer mode asks: why a line is confirmed by hand, which order to pack again
and why, and whether to end.

All are modal on purpose (the answer is needed before anything else happens); they are
plain functions so tests can replace them and never block on a dialog.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from packing_tool.ui.repack_dialog import RepackAnswer, RepackDialog

MANUAL_REASONS = (
    "Barcode will not scan",
    "No barcode on the item",
    "Barcode not known to the system",
    "Item checked by eye (supervisor)",
)


@dataclass(frozen=True)
class ManualAnswer:
    reason: str
    quantity: int


def ask_manual(parent: QWidget, sku: str, title: str, remaining: int) -> ManualAnswer | None:
    """Ask why line ``sku`` is confirmed by hand and how many units; None when cancelled."""
    reason, ok = QInputDialog.getItem(
        parent, "Confirm by hand",
        f"Confirm {sku} ({title}) without scanning.\nWhy? (recorded with your name)",
        list(MANUAL_REASONS), 0, True)
    reason = reason.strip()
    if not ok or not reason:
        return None
    quantity = remaining
    if remaining > 1:
        quantity, ok = QInputDialog.getInt(
            parent, "Confirm by hand", f"How many units of {sku} are in the box?",
            remaining, 1, remaining)
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
    there = f" ({elsewhere} of them packed elsewhere)" if elsewhere else ""
    if remaining == 0:
        return f"Every order is packed{there}.\n\nEnd the session and record the statistics?"
    parts = [f"{remaining} order(s) are not packed yet"]
    if skipped:
        parts.append(f"{skipped} of them set aside")
    if open_order:
        parts.append(f"order {open_order} is open")
    if elsewhere:
        parts.append(f"{elsewhere} other(s) are packed elsewhere")
    return "; ".join(parts) + ".\n\nEnd the session anyway? They stay unpacked."


def ask_end(parent: QWidget, remaining: int, skipped: int, open_order: str | None,
            elsewhere: int = 0) -> bool:
    default = QMessageBox.StandardButton.Yes if remaining == 0 else QMessageBox.StandardButton.No
    answer = QMessageBox.question(
        parent, "End session", end_question(remaining, skipped, open_order, elsewhere),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, default)
    return answer == QMessageBox.StandardButton.Yes
