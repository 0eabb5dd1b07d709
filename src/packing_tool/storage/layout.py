"""The share's folder layout, and the one guard that keeps names from files inside it.

Client ids, session folders, list names and SKUs come from files other programs wrote.
None of them may lead a write outside the share root (or the local data folder): every
path built from such a name goes through ``safe_name`` and ``inside``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from packing_tool.domain.phrase import phrase
from packing_tool.storage import inside as _inside

SESSION_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}_\d+$")
CLIENT_ID = re.compile(r"^[A-Za-z0-9_]{1,20}$")
UNSAFE = re.compile(r"[\x00-\x1f<>:\"/\\|?*]")
MAX_NAME = 120


class UnsafeNameError(ValueError):
    """A name from a file would leave the folder it belongs in."""


# Names Windows keeps for devices, with or without an extension: a share cannot hold them.
DEVICE_NAMES = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                          *(f"COM{n}" for n in "123456789"), *(f"LPT{n}" for n in "123456789")})


def safe_name(name: str, what: str = "name") -> str:
    """``name`` if it is one plain folder or file name; raises ``UnsafeNameError`` otherwise.

    Windows shares add their own rules: no device names (``CON``, ``NUL``, ``COM1``…, also
    as ``NUL.json``) and no name ending in a dot or a space.
    """
    text = str(name)
    kind = {"name": phrase("name"), "packing list": phrase("packing list"),
            "session": phrase("session")}.get(what, what)
    if text.endswith((".", " ")) and text.strip(". "):
        raise UnsafeNameError(phrase("{what} {name} ends in a dot or a space, which a Windows "
                                     "share cannot hold", what=kind, name=repr(text)))
    if text.split(".", 1)[0].strip().upper() in DEVICE_NAMES:
        raise UnsafeNameError(phrase("{what} {name} is a Windows device name ({device}), which "
                                     "a share cannot hold", what=kind, name=repr(text),
                                     device=text.split(".", 1)[0].strip().upper()))
    if (not text.strip() or text in (".", "..") or UNSAFE.search(text) or len(text) > MAX_NAME
            or text != text.strip() or text.endswith(".")):
        raise UnsafeNameError(phrase("{what} {name} is not a plain file name", what=kind,
                                     name=repr(text)))
    return text


class NameClashError(ValueError):
    """Two names differ only in case: on a Windows share they are one name."""


def clashes(names: list[str]) -> dict[str, list[str]]:
    """Casefolded name → the names that meet on a case-insensitive share (only clashes)."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name.casefold(), []).append(name)
    return {k: sorted(v) for k, v in groups.items() if len(v) > 1}


def inside(base: Path, *names: str) -> Path:
    """``base/names…``, checked to stay inside ``base`` after resolving links."""
    path = base.joinpath(*(safe_name(n) for n in names))
    try:
        _inside.resolve_inside(base, path)  # no link leads it out (nor is it a link)
    except OSError as exc:
        raise UnsafeNameError(exc.args[0]) from None  # its words (a phrase)
    return path


def client_folder_id(client_id: str) -> str:
    """``M`` → ``CLIENT_M``; the id must be what the Shopify Tool allows."""
    bare = client_id.removeprefix("CLIENT_")
    if not CLIENT_ID.fullmatch(bare):
        raise UnsafeNameError(phrase("client id {client} is not {pattern}",
                                     client=repr(client_id), pattern="[A-Za-z0-9_]{1,20}"))
    return f"CLIENT_{bare.upper()}"


@dataclass(frozen=True)
class ShareLayout:
    root: Path

    def __post_init__(self) -> None:
        _inside.confine(self.root)  # from now on no write below it may follow a link out

    def client_dir(self, client_id: str) -> Path:
        return inside(self.root, "Clients", client_folder_id(client_id))

    def sessions_dir(self, client_id: str) -> Path:
        return inside(self.root, "Sessions", client_folder_id(client_id))

    def session_dir(self, client_id: str, session: str) -> Path:
        return inside(self.sessions_dir(client_id), safe_name(session, "session"))

    def packing_lists_dir(self, client_id: str, session: str) -> Path:
        return self.session_dir(client_id, session) / "packing_lists"

    def analysis_file(self, client_id: str, session: str) -> Path:
        return self.session_dir(client_id, session) / "analysis" / "analysis_data.json"

    def inventory_file(self, client_id: str, session: str) -> Path:
        return self.session_dir(client_id, session) / "input" / "inventory.csv"

    def work_dir(self, client_id: str, session: str, list_name: str) -> Path:
        """Our folder for one list: state, journal, summary, lock, reports."""
        return inside(self.session_dir(client_id, session), "packing",
                      safe_name(list_name, "packing list"))

    def packer_config(self, client_id: str) -> Path:
        return self.client_dir(client_id) / "packer_config.json"

    @property
    def stats_dir(self) -> Path:
        return self.root / "Stats"

    @property
    def stats_file(self) -> Path:
        return self.stats_dir / "global_stats.json"  # shared.stats_manager.STATS_FILENAME

    @property
    def workers_file(self) -> Path:
        return self.root / "Workers" / "workers.json"  # shared.worker_manager's file

    @property
    def logs_dir(self) -> Path:
        return self.root / "Logs" / "packing_tool"
