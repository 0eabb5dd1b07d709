"""Where the metadata files are, and reading one of them as `verify` does (never writing).

The share: ``Stats/global_stats.json``, ``Workers/workers.json``, per client
``Clients/CLIENT_<ID>/packer_config.json`` and ``Sessions/CLIENT_<ID>/packing_index.json``,
and the session folders under ``Sessions/`` and the archive ``Archive/Sessions/``.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from packing_tool.admin.summary_orders import SummaryDoc
from packing_tool.admin.verify_report import Findings, Repair
from packing_tool.admin.words import phrase
from packing_tool.storage.discovery import WORK_FOLDER, list_clients, list_sessions
from packing_tool.storage.layout import ShareLayout, UnsafeNameError, client_folder_id
from packing_tool.storage.ledger_entry import LEDGER_DIR
from shared.timestamps import parse_timestamp
from shared.validation import as_count, at_least, version_tuple

ARCHIVE = "Archive"
# shared.fileio.atomic_write_bytes writes ``.<name>.<12 hex>.tmp`` next to its target.
TEMP_NAME = re.compile(r"^\..+\.[0-9a-f]{12}\.tmp$")
TEMP_AGE = 600.0  # younger temp files may belong to a write going on right now
VERSION_TEXT = re.compile(r"^\d+(\.\d+)*$")
NONE, LIVE, STALE = "none", "live", "stale"  # a list's lock, as the checks see it


@dataclass(frozen=True)
class SessionFolder:
    client: str  # bare id: M
    path: Path
    archived: bool


def session_folders(root: Path) -> list[SessionFolder]:
    """Every session folder of every client, live ones first, then the archive's (the
    client's order ledger folder is not a session)."""
    found = []
    for base, archived in ((root, False), (root / ARCHIVE, True)):
        layout = ShareLayout(base)
        for client in list_clients(layout):
            for name in list_sessions(layout, client):
                if name == LEDGER_DIR:
                    continue
                found.append(SessionFolder(client, layout.sessions_dir(client) / name, archived))
    return found


def work_folders(session_dir: Path) -> list[Path]:
    """The list work folders under ``<session>/packing/`` (hidden and linked ones left out)."""
    try:
        entries = sorted(os.scandir(session_dir / WORK_FOLDER), key=lambda e: e.name)
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [Path(e.path) for e in entries
            if not e.name.startswith(".") and not e.is_symlink() and e.is_dir()]


def clients(root: Path) -> list[str]:
    return list_clients(ShareLayout(root))


def client_of(folder_name: str) -> str | None:
    """``CLIENT_M`` → ``M``; None for a folder name that is not a client's."""
    try:
        return client_folder_id(folder_name).removeprefix("CLIENT_")
    except UnsafeNameError:
        return None


def same_client(value: object, folder_name: str) -> bool:
    """Whether a file's ``client_id`` (``M`` or ``CLIENT_M``) names the folder ``CLIENT_M``."""
    if not isinstance(value, str):
        return False
    try:
        return client_folder_id(value) == folder_name
    except UnsafeNameError:
        return False


def temp_files(folder: Path, *, now: float | None = None) -> list[Path]:
    """Leftover temp files of atomic writes in ``folder``, older than ``TEMP_AGE``."""
    moment = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return []
    found = []
    for entry in entries:
        if TEMP_NAME.match(entry.name) and entry.is_file(follow_symlinks=False):
            try:
                if moment - entry.stat().st_mtime > TEMP_AGE:
                    found.append(Path(entry.path))
            except FileNotFoundError:
                continue  # its write just finished
    return sorted(found)


def check_temp_files(findings: Findings, folder: Path) -> None:
    for path in temp_files(folder):
        size = path.stat().st_size if path.exists() else 0
        findings.warning(path, phrase("leftover temp file of an interrupted write ({size} bytes)",
                                      size=size),
                         Repair("delete_temp", path))


# --------------------------------------------------------------------------- reading


def read_object(findings: Findings, path: Path, repair: Repair | None = None
                ) -> dict[str, Any] | None:
    """The JSON object in ``path``; None (and an error naming why) when it is not one.

    A missing file is None without a finding: callers say whether it should exist.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        findings.error(path, phrase("cannot be read ({why})", why=exc.strerror or exc))
        return None
    findings.checked += 1
    if not raw.strip():
        findings.error(path, phrase("the file is empty"), repair)
        return None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        findings.error(path, phrase("not UTF-8 text"), repair)
        return None
    except ValueError as exc:
        findings.error(path, phrase("not valid JSON ({exc})", exc=exc), repair)
        return None
    except RecursionError:  # "[[[[..." deeper than json.loads follows: not a ValueError
        findings.error(path, phrase("JSON nested too deeply to read"), repair)
        return None
    if not isinstance(data, dict):
        findings.error(path, phrase("top level is a {kind}, expected a JSON object",
                                    kind=type(data).__name__),
                       repair)
        return None
    return data


def check_version(findings: Findings, path: Path, doc: dict[str, Any], current: str, *,
                  migrate: bool) -> str:
    """Report the file's version; returns ``current``, ``older``, ``newer`` or ``bad``."""
    version = doc.get("version")
    how = phrase("; `packing-tool migrate` brings it up") if migrate else ""
    if version is None:
        findings.notice(path, phrase("no version: an older format, read as {current}{how}",
                                     current=current, how=how))
        return "older"
    if not isinstance(version, str) or not VERSION_TEXT.match(version):
        findings.error(path, phrase("unknown version {version!r} (this program writes {current})",
                                    version=version, current=current))
        return "bad"
    if not at_least(version, current):
        findings.notice(path, phrase("version {version} is older than {current}{how}",
                                     version=version, current=current, how=how))
        return "older"
    if version_tuple(version) != version_tuple(current):
        findings.warning(path, phrase("version {version} is newer than this program knows "
                                      "({current}); its unknown keys are kept", version=version,
                                      current=current))
        return "newer"
    return "current"


def check_invalid(findings: Findings, path: Path, doc: dict[str, Any]) -> None:
    bucket = doc.get("_invalid")
    if bucket:
        keys = ", ".join(map(str, bucket)) if isinstance(bucket, dict) else "?"
        findings.notice(path, phrase("values of the wrong type were kept under _invalid ({keys})",
                                     keys=keys))


# --------------------------------------------------------------------------- field rules

Rule = tuple[str, Callable[[object], bool], str]


def is_count(value: object) -> bool:
    return isinstance(value, int) and as_count(value) is not None


def is_seconds(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0


def is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def is_time(value: object) -> bool:
    return parse_timestamp(value) is not None


def is_str_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


Kind = tuple[Callable[[object], bool], str]
COUNT: Kind = (is_count, phrase("a whole number >= 0"))
TEXT: Kind = (is_text, phrase("a non-empty string"))
TIME: Kind = (is_time, phrase("an ISO 8601 timestamp"))
OBJECT: Kind = (lambda v: isinstance(v, dict), phrase("an object"))
LIST: Kind = (lambda v: isinstance(v, list), phrase("a list"))
STRING: Kind = (lambda v: isinstance(v, str), phrase("a string"))
BOOL: Kind = (lambda v: isinstance(v, bool), phrase("true or false"))


def rules(kind: Kind, *keys: str) -> list[Rule]:
    return [(key, kind[0], kind[1]) for key in keys]


def _show(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


def check_fields(findings: Findings, path: Path, doc: dict[str, Any], *,
                 required: Sequence[Rule] = (), optional: Sequence[Rule] = (),
                 where: str = "", missing: bool = True,
                 repair: Repair | None = None) -> bool:
    """Errors for missing required keys (when ``missing``) and values of the wrong type
    (None is fine for optional keys); True when there was none."""
    prefix = f"{where}." if where else ""
    clean = True
    for key, ok, what in required:
        if key not in doc:
            if missing:
                findings.error(path, phrase("{prefix}{key}: missing",
                                            prefix=prefix, key=key), repair)
                clean = False
        elif not ok(doc[key]):
            findings.error(path, phrase("{prefix}{key}: must be {what}, got {show}", prefix=prefix,
                                        key=key, what=what, show=_show(doc[key])), repair)
            clean = False
    for key, ok, what in optional:
        if doc.get(key) is not None and not ok(doc[key]):
            findings.error(path, phrase("{prefix}{key}: must be {what} or null, got {show}",
                                        prefix=prefix, key=key, what=what, show=_show(doc[key])),
                           repair)
            clean = False
    return clean


@dataclass
class Context:
    """What the checks share: the root, the findings, and facts gathered on the way."""

    root: Path
    findings: Findings
    worker_ids: set[str] | None = None  # None: workers.json missing or unreadable
    recorded_ids: set[str] | None = None  # of global_stats.json; None when unreadable
    summaries: list[SummaryDoc] = field(default_factory=list)  # read ones, for the ledger
