"""The command line's messages to people in Bulgarian, when the station's language is Bulgarian.

The commands have no Qt, so no Qt catalogue: this is a small dictionary of the messages a person
meets most (errors that stop a command, the confirmation question, a cancelled or refused
action), matched by their English form. What it does not know stays English, and so do the
reports of verify, stats and migrate (read by the IT person, with file names and field names)
and every ``--json`` output (for scripts). The language is the one in Settings; "system" follows
the PC's locale (LC_ALL / LC_MESSAGES / LANG, or Windows' user locale).
"""

from __future__ import annotations

import json
import locale
import os
import re

from packing_tool.storage.settings import default_settings_path

# (English form as a regular expression, Bulgarian with the same named groups)
MESSAGES: list[tuple[str, str]] = [
    (r"share root (?P<root>.+) does not exist \(give --root PATH\)",
     "общата папка {root} не съществува (задай --root ПЪТ)"),
    (r"share root (?P<root>.+) does not exist", "общата папка {root} не съществува"),
    (r"cannot read the share (?P<root>.+?): (?P<why>.+)",
     "общата папка {root} не може да бъде прочетена: {why}"),
    (r"cannot read the sessions on (?P<root>.+?): (?P<why>.+)",
     "сесиите в {root} не могат да бъдат прочетени: {why}"),
    (r"cannot read (?P<path>.+?): (?P<why>.+)", "{path} не може да бъде прочетен: {why}"),
    (r"cannot write (?P<path>.+?): (?P<why>.+)", "{path} не може да бъде записан: {why}"),
    (r"(?P<path>.+) exists; use --force to overwrite it",
     "{path} вече съществува; дай --force, за да бъде презаписан"),
    (r"(?P<path>.+) already exists; give --force to overwrite it",
     "{path} вече съществува; дай --force, за да бъде презаписан"),
    (r"client (?P<client>.+?) not found on (?P<root>\S+)(?P<rest>.*)",
     "клиент {client} не е намерен в {root}{rest}"),
    (r"session (?P<session>.+?) of client (?P<client>\S+) not found \((?P<path>.+)\)",
     "сесия {session} на клиент {client} не е намерена ({path})"),
    (r"packing list (?P<list>.+?) not found in (?P<path>.+)",
     "списък за пакетиране {list} не е намерен в {path}"),
    (r"(?P<name>.+?): no lock \((?P<path>.+) does not exist\)",
     "{name}: няма заключване ({path} не съществува)"),
    (r"(?P<name>.+?): not released; nothing changed",
     "{name}: не е освободен; нищо не е променено"),
    (r"(?P<name>.+?): could not release the lock: (?P<why>.+)",
     "{name}: заключването не можа да бъде освободено: {why}"),
    (r"the list cannot be read: (?P<why>.+)", "списъкът не може да бъде прочетен: {why}"),
    (r"no statistics for client (?P<client>.+?) \(clients recorded: (?P<listed>.*)\)",
     "няма статистика за клиент {client} (записани клиенти: {listed})"),
    (r"Cancelled: nothing was moved\.", "Отказано: нищо не е преместено."),
    (r"Nothing was written\.", "Нищо не е записано."),
    (r"Demo share created in (?P<path>.+)", "Демо общата папка е създадена в {path}"),
    (r"(?P<question>.+) \[y/N\] ", "{question} [д/Н] "),
]
_COMPILED = [(re.compile(english), bulgarian) for english, bulgarian in MESSAGES]
YES = ("y", "yes", "д", "да")  # the confirmation takes either language's yes


def pc_is_bulgarian() -> bool:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return value.lower().startswith("bg")
    found = locale.getlocale()[0] or ""
    return found.lower().startswith(("bg", "bulgarian"))


def bulgarian() -> bool:
    """True when the station's language (Settings; "system": the PC's) is Bulgarian."""
    try:  # read only: a command never moves a damaged settings file aside (the app does)
        data = json.loads(default_settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    choice = data.get("language", "system") if isinstance(data, dict) else "system"
    return choice == "bg" or (choice not in ("bg", "en") and pc_is_bulgarian())


def localise(text: str, *, to_bulgarian: bool | None = None) -> str:
    """``text`` in Bulgarian when the station's language is Bulgarian and the form is known."""
    if not (bulgarian() if to_bulgarian is None else to_bulgarian):
        return text
    for pattern, words in _COMPILED:
        found = pattern.fullmatch(text)
        if found is not None:
            return words.format(**{k: localise(v, to_bulgarian=True) if k == "question" else v
                                   for k, v in found.groupdict().items()})
    return text
