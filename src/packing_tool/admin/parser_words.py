"""argparse's own words ("usage:", "options:", its error messages) in the station's language.

Python's argparse (3.11) takes every text it prints from two of its module globals, ``_``
(gettext's lookup) and ``ngettext``, and looks them up each time it builds a parser, prints a
help page or reports a mistake. ``spoken()`` points both at the installed translation
(``words.tr`` in the "cli" context) for its ``with`` block only and gives gettext's back
afterwards, so a parser built or used elsewhere in the same process is not changed. (A
subclass of the parser and its formatter was the other way; it would have to rewrite a dozen
of argparse's methods whole, since the texts sit inside them.) With no translation installed
(English) every text stays as argparse writes it.

The texts are listed in TEXTS, as ``phrase(...)`` so that scripts/translations collects them
into the catalogue; tests/test_cli_help_bg.py compares the list with argparse's own source,
so that the new words of a newer Python are noticed. argparse's messages to programmers
(a parser built wrongly) are left out: nobody at a station reads them.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from packing_tool.admin.words import CONTEXT, phrase, tr

TEXTS = (
    phrase("usage: "),
    phrase("positional arguments"),
    phrase("options"),
    phrase("show this help message and exit"),
    phrase("show program's version number and exit"),
    phrase("%(prog)s: error: %(message)s\n"),
    phrase("argument %(argument_name)s: %(message)s"),
    phrase("the following arguments are required: %s"),
    phrase("one of the arguments %s is required"),
    phrase("unrecognized arguments: %s"),
    phrase("invalid choice: %(value)r (choose from %(choices)s)"),
    phrase("invalid %(type)s value: %(value)r"),
    phrase("unknown parser %(parser_name)r (choices: %(choices)s)"),
    phrase("expected one argument"),
    phrase("expected at most one argument"),
    phrase("expected at least one argument"),
    phrase("expected %s argument"),
    phrase("expected %s arguments"),
    phrase("not allowed with argument %s"),
    phrase("ignored explicit argument %r"),
    phrase("ambiguous option: %(option)s could match %(matches)s"),
    phrase("unexpected option string: %s"),
    phrase("can't open '%(filename)s': %(error)s"),
    phrase('argument "-" with mode %r'),
    phrase("subcommands"),
)


def _text(text: str) -> str:
    return tr(CONTEXT, text)


def _counted(one: str, many: str, n: int) -> str:
    return tr(CONTEXT, one if n == 1 else many)  # Bulgarian counts as English does: 1, else


@contextmanager
def spoken() -> Iterator[None]:
    """Inside: argparse's words in the installed language; afterwards gettext's again."""
    # getattr/setattr: argparse's stubs declare neither name
    kept = getattr(argparse, "_"), getattr(argparse, "ngettext")  # noqa: B009
    setattr(argparse, "_", _text)  # noqa: B010
    setattr(argparse, "ngettext", _counted)  # noqa: B010
    try:
        yield
    finally:
        setattr(argparse, "_", kept[0])  # noqa: B010
        setattr(argparse, "ngettext", kept[1])  # noqa: B010
