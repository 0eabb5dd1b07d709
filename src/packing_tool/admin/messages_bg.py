"""Whether the command line speaks Bulgarian: the station's language in Settings, read only.

"system" (the default) follows the PC's locale (LC_ALL / LC_MESSAGES / LANG, or Windows' user
locale). The words themselves come from Qt's catalogue, which cli.py installs when this says
Bulgarian (see ``words``); a command's confirmation takes either language's yes.
"""

from __future__ import annotations

import json
import locale
import os

from packing_tool.storage.settings import default_settings_path

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

