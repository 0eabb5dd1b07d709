"""Words for people that are kept in English and can be shown translated later.

A ``Phrase`` is the English text (a ``str``: logs, ``--json`` output and ``str(exc)`` keep it)
that also remembers its template and values, so whoever shows it can look the template up in
the station's language and fill the same values in. The storage raises its errors with
``phrase("{file}: has no header row", file=path)``; the command line shows them through
``packing_tool.admin.words.shown`` and the window through ``packing_tool.ui.error_words``.
The templates are in the catalogue's "cli" context (scripts/translations collects them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Phrase(str):
    """English words, as ``--json`` output and logs keep them, that can be shown translated."""

    template: str
    values: dict[str, Any]


def phrase(text: str, /, **values: Any) -> Phrase:
    """``text`` filled in, in English; ``shown`` gives it in the installed language."""
    found = Phrase(text.format(**values))
    found.template, found.values = text, values
    return found


def joined(parts: list[str], separator: str = "; ") -> Phrase:
    """``parts`` joined in English, each part (a phrase) shown translated by ``shown``."""
    template = separator.replace("{", "{{").replace("}", "}}").join(
        f"{{part{i}}}" for i in range(len(parts)))
    return phrase(template, **{f"part{i}": part for i, part in enumerate(parts)})


def translated(text: str, look_up: Callable[[str], str],
               value: Callable[[Any], Any] = lambda found: found) -> str:
    """``text`` with every phrase in it (nested ones too) looked up by ``look_up(template)``;
    a plain string is looked up as it is. ``value`` may word the other values (an error)."""
    if isinstance(text, Phrase):
        return look_up(text.template).format(**{
            name: translated(found, look_up, value) if isinstance(found, Phrase)
            else value(found) for name, found in text.values.items()})
    return look_up(text)
