"""The command line's Bulgarian words, from the window's Qt catalogue.

The commands themselves have no Qt (``admin.words`` asks whatever is installed); this module
loads the catalogue with a ``QTranslator`` and installs it there. No application is made,
except for check-list, whose findings are worded as the Session Browser words them.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication, QTranslator

from packing_tool.admin import words
from packing_tool.ui import language

_kept: list[object] = []  # what check-list's wording needs, for the command's life
_loaded: list[QTranslator] = []  # the catalogue installed, for the command's life


def install_catalogue() -> None:
    """The catalogue's words for the commands, their --help and argparse's, before the
    command line's parser is built."""
    catalogue = QTranslator()
    if not catalogue.load(language.CATALOGUE, language.i18n_dir()):
        print(f"packing-tool: {language.CATALOGUE} is missing in {language.i18n_dir()}; "
              "the messages stay English", file=sys.stderr)
        return
    words.install(lambda context, text: catalogue.translate(context, text) or text)
    _loaded[:] = [catalogue]


def word_the_findings(args: argparse.Namespace) -> None:
    """check-list's findings worded as the Session Browser words them (in an application
    that has the catalogue installed by ``install_catalogue``)."""
    if not _loaded or QCoreApplication.instance() is not None:
        return
    from packing_tool.ui.list_check_view import finding_text  # the Session Browser's words

    app = QCoreApplication([sys.argv[0] if sys.argv else "packing-tool"])
    app.installTranslator(_loaded[0])
    _kept[:] = [app]
    args.finding_words = finding_text
