"""The scanner test's findings in a packer's words, the status bar line, and the once-per-login
notice that packing goes on under a wrong keyboard layout."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel

from packing_tool.domain.barcodes import clean_scan
from packing_tool.domain.keyboard_layouts import (
    BG_BDS,
    BG_PHONETIC,
    BG_PHONETIC_2006,
    RU,
    guess_layout,
    has_cyrillic,
    layouts_explaining,
)
from packing_tool.domain.packer_views import ScanResult
from packing_tool.domain.scanner_check import CAPS_LOCK, OTHER, ScannerReport
from packing_tool.ui import local_time
from packing_tool.ui.feedback import WARN
from packing_tool.ui.widgets import named


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScannerWords", text)


def layout_name(key: str | None) -> str:
    names = {
        BG_BDS: _tr("Bulgarian (BDS)"),
        BG_PHONETIC: _tr("Bulgarian (phonetic)"),
        BG_PHONETIC_2006: _tr("Bulgarian (phonetic, 2006)"),
        RU: _tr("Russian"),
        CAPS_LOCK: _tr("Caps Lock on"),
        OTHER: _tr("not English (US)"),
    }
    return names.get(key or "", key or "")


def layout_advice(key: str | None) -> str:
    if key == CAPS_LOCK:
        return _tr("Caps Lock is on: press Caps Lock once so its light goes off.")
    return _tr("The keyboard layout is {name}: switch it to English (US) with Alt+Shift or "
               "Win+Space (or the language button on the taskbar), then scan again.").format(
        name=layout_name(key))


def problem_lines(report: ScannerReport) -> list[str]:
    """One plain sentence per problem, each saying how to fix it."""
    lines: list[str] = []
    for problem in report.problems:
        if problem == "layout":
            lines.append(layout_advice(report.layout))
        elif problem == "unknown_codes":
            lines.append(_tr("These codes are not on the test sheet: scan the codes of the "
                             "printed test sheet."))
        elif problem == "no_terminator":
            lines.append(_tr("The scanner sends no Enter after a code, so codes run together. "
                             "Scan the \"Add Enter suffix\" (CR) setting code in the "
                             "scanner's manual."))
        elif problem == "prefix":
            lines.append(_tr("The scanner puts \"{text}\" before each code. Turn off its "
                             "prefix in the scanner's manual.").format(text=report.prefix))
        elif problem == "suffix":
            lines.append(_tr("The scanner puts \"{text}\" after each code. Turn off its "
                             "suffix (keep only Enter).").format(text=report.suffix))
        elif problem == "double_read":
            lines.append(_tr("The scanner read {code} twice at once. Turn on \"same code "
                             "delay\" / re-read timeout in the scanner's manual.").format(
                code=", ".join(report.double_reads)))
        elif problem == "slow":
            lines.append(_tr("The scanner types slowly ({cps} characters a second). Set its "
                             "inter-character delay to none.").format(
                cps=local_time.number(round(report.chars_per_second or 0))))
    return lines


def status_text(entry: Mapping[str, Any] | None) -> str:
    """"Scanner OK, 412 chars/s, tested today 10:41", or the first problem."""
    if not entry:
        return _tr("Scanner not tested")
    at = local_time.when(entry.get("at"))
    cps = entry.get("chars_per_second")
    speed = local_time.number(round(cps)) if isinstance(cps, int | float) else "?"
    if entry.get("ok"):
        return _tr("Scanner OK, {cps} chars/s, tested {at}").format(cps=speed, at=at)
    problems = list(entry.get("problems") or [])
    first = problems[0] if problems else "incomplete"
    words = {
        "layout": _tr("keyboard layout {name}").format(name=layout_name(entry.get("layout"))),
        "no_terminator": _tr("no Enter after codes"),
        "prefix": _tr("prefix before codes"),
        "suffix": _tr("suffix after codes"),
        "double_read": _tr("double reads"),
        "slow": _tr("slow, {cps} chars/s").format(cps=speed),
        "unknown_codes": _tr("codes not from the test sheet"),
        "incomplete": _tr("test not finished"),
    }
    return _tr("Scanner: {problem}, tested {at}").format(problem=words.get(first, first), at=at)


def status_label(entry: Mapping[str, Any] | None) -> QLabel:
    label = named(QLabel(status_text(entry)), "statusScanner")
    label.setMinimumWidth(40)  # as the station's status labels: cut, never wider than the screen
    label.setToolTip(_tr("The last scanner test of this station (Tools → Scanner test…)"))
    return label


class LayoutNotice(QObject):
    """Tells the packer once per login that scans arrive in a Cyrillic layout (and which).

    ``seen(raw, result)``: the text the scanner typed and what packing made of it. A scan that
    packing read back from a Cyrillic layout (its event holds the Latin code) names the layout
    in the recent scans list and the status bar, the first time for this login only."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.told: str | None = None  # the layout named in this login, if any

    def reset(self) -> None:
        self.told = None

    def check(self, raw: str, result: ScanResult) -> str | None:
        """The message to show now, or None (nothing to say, or already said)."""
        text = clean_scan(raw)
        if self.told is not None or not has_cyrillic(text) or result.event.code == text:
            return None
        found = layouts_explaining(text, result.event.code)
        guessed = found[0] if found else guess_layout(text)
        self.told = guessed.key if guessed is not None else OTHER
        return self.tr("Scans arrive in the {name} keyboard layout; {code} was read as meant. "
                       "Switch the keyboard to English (US) (Alt+Shift).").format(
            name=layout_name(self.told), code=result.event.code)

    def watch(self, packer: Any, say: Callable[[str], None]) -> None:
        """Follow a PackerMode: its scan field's text and the result of each scan."""
        last: list[ScanResult | None] = [None]

        def processed(result: ScanResult) -> None:
            last[0] = result

        def submitted(raw: str) -> None:  # connected after the packer's own slot: runs after it
            result, last[0] = last[0], None
            message = self.check(raw, result) if result is not None else None
            if message and result is not None:
                packer.recent.add(result.event.at, raw, message, WARN)
                say(message)

        packer.scanProcessed.connect(processed)
        packer.scan_input.submitted.connect(submitted)
