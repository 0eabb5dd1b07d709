"""The language of the window: Bulgarian or English, chosen in Settings or by the PC's locale.

``install(app, choice)`` loads our catalogue (``resources/i18n/packing_tool_bg.qm``) and Qt's
own (``qtbase_bg.qm``: file dialogs, standard buttons) and sets QLocale's default, which
``local_time`` uses for month names and numbers. English is the source language, so choosing
English only removes the translators. A change in Settings applies to windows opened from then
on; the main window says so and rebuilds what it can.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from packing_tool.storage.paths import resources_dir

log = logging.getLogger(__name__)

SYSTEM, BULGARIAN, ENGLISH = "system", "bg", "en"
CHOICES = (SYSTEM, BULGARIAN, ENGLISH)
CATALOGUE = "packing_tool_bg.qm"
QT_CATALOGUE = "qtbase_bg.qm"
LOCALES = {
    BULGARIAN: QLocale(QLocale.Language.Bulgarian, QLocale.Country.Bulgaria),
    ENGLISH: QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}
_installed: list[QTranslator] = []
_current = [ENGLISH]


def i18n_dir() -> str:
    return str(resources_dir() / "i18n")


def choice_names() -> list[tuple[str, str]]:
    """(choice, words) for the Settings list; a language's own name is never translated."""
    return [(SYSTEM, QCoreApplication.translate("language", "The PC's language")),
            (BULGARIAN, "Български"), (ENGLISH, "English")]


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language ``choice`` means here: "system" follows the PC (Bulgarian or English)."""
    if choice in LOCALES:
        return choice
    system = system if system is not None else QLocale.system()
    return BULGARIAN if system.language() == QLocale.Language.Bulgarian else ENGLISH


def current() -> str:
    """The language installed now: "bg" or "en"."""
    return _current[0]


def install(app: QCoreApplication, choice: str) -> str:
    """Put the window's texts, Qt's dialogs, dates and numbers in the language of ``choice``;
    returns "bg" or "en". A missing catalogue is logged and leaves the texts in English."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = resolve(choice)
    QLocale.setDefault(LOCALES[language])
    _current[0] = language
    if language == BULGARIAN:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in ((CATALOGUE, i18n_dir()), (QT_CATALOGUE, qt_dir)):
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _installed.append(translator)
            else:
                log.warning("translation %s not found in %s: texts stay in English",
                            name, folder)
    log.info("language: %s (setting %s)", language, choice)
    return language
