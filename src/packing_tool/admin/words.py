"""The command line's words to people, in the station's language.

The commands have no Qt, so they cannot ask Qt's catalogue themselves: they write their texts
through ``say("{n} sessions checked", n=…)`` (translated now) or ``phrase(…)`` (English words
that are translated only when shown, for texts that also go into ``--json`` output), and
``packing-tool`` (cli.py) installs Qt's translation with ``install`` before a command runs, when
the station's language is Bulgarian. Without it (English, tests, scripts importing a command)
every text stays as written. The texts are in the catalogue's "cli" context; scripts/translations
collects them from the calls of ``tr``, ``say`` and ``phrase``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from packing_tool.domain.phrase import Phrase, joined, phrase, translated
from packing_tool.storage.error_phrases import described, own_phrase, worded

__all__ = ["CONTEXT", "Phrase", "counted", "error_text", "install", "joined", "phrase", "say",
           "shown", "tr"]

CONTEXT = "cli"


def _as_written(_context: str, text: str) -> str:
    return text


_translate: list[Callable[[str, str], str]] = [_as_written]


def install(translate: Callable[[str, str], str] | None) -> None:
    """Look texts up with ``translate(context, text)`` from now on; None: leave them as written."""
    _translate[0] = translate or _as_written


def tr(context: str, text: str) -> str:
    """``text`` in the installed language (as written when none is installed)."""
    return _translate[0](context, text)


def say(text: str, **values: Any) -> str:
    """A command's ``text`` in the installed language, with its ``{placeholders}`` filled in."""
    return tr(CONTEXT, text).format(**{name: _value(found) for name, found in values.items()})


def shown(text: str) -> str:
    """A phrase (or a text written through ``say``'s rules) in the installed language."""
    return translated(text, lambda template: tr(CONTEXT, template), _value)


def _installed() -> bool:
    return _translate[0] is not _as_written


def error_text(exc: BaseException) -> str:
    """An error (a storage or shared one, or any) as words for a person, in the installed
    language. In English an error not raised with a phrase keeps its own text, as before."""
    if own_phrase(exc) is None and not _installed():
        return str(exc)
    return shown(described(exc))


def _value(found: Any) -> Any:
    """A value inside a sentence: a phrase shown translated, an error in words (in English an
    error not raised with a phrase keeps its own text), anything else as it is."""
    return worded(found, lambda template: tr(CONTEXT, template), errors=_installed())


def counted(n: int, one: str, many: str) -> str:
    """``one`` or ``many`` (each with ``{n}``) in the installed language: "1 file", "3 files"."""
    return say(one if n == 1 else many, n=n)
