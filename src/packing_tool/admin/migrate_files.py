"""Finding the metadata files of ours that are older than today's format, and upgrading one.

Ours: ``session_summary.json`` and ``packing_state.json`` of every list (also archived ones),
``Workers/workers.json`` and ``Stats/global_stats.json``. The upgraded document is what
``shared.compat.load_with_compatibility`` gives; the shared files are rewritten in place
under their lock by their own normalisers (which upgrade them), as every writer does.
The original bytes are kept next to each file first. Nothing is written for a file that is
current, so a second run changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from packing_tool.admin.stats_files import stats_file, workers_file
from packing_tool.admin.verify_walk import (
    VERSION_TEXT,
    session_folders,
    work_folders,
)
from packing_tool.admin.words import phrase
from packing_tool.storage.error_phrases import own_phrase
from packing_tool.storage.state_writer import STATE_FILENAME
from packing_tool.storage.summary_file import SUMMARY_FILENAME
from shared import fileio
from shared.compat import CURRENT_VERSIONS, load_with_compatibility
from shared.stats_schema import normalise_stats
from shared.validation import at_least
from shared.worker_manager import normalise_workers

KEEP_LABEL = "before-migrate"
LIST_FILES = ((SUMMARY_FILENAME, "session_summary"), (STATE_FILENAME, "packing_state"))
NORMALISERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "global_stats": normalise_stats, "workers": normalise_workers}


class MigrateError(RuntimeError):
    """One file could not be upgraded; the message names it and says why."""


@dataclass
class Candidate:
    path: Path
    kind: str  # a key of shared.compat.CURRENT_VERSIONS
    work_dir: Path | None = None  # a list's folder (its lock guards the file)
    version: str = "none"  # as found
    problem: str = ""  # why it cannot be upgraded (unreadable, unknown version)
    older: bool = False
    target: str = ""
    warnings: list[str] = field(default_factory=list)
    kept_at: Path | None = None


def candidates(root: Path) -> list[Candidate]:
    """Every file migrate looks at, shared files first; only files that exist."""
    found = [Candidate(stats_file(root), "global_stats"),
             Candidate(workers_file(root), "workers")]
    for folder in session_folders(root):
        for work_dir in work_folders(folder.path):
            found += [Candidate(work_dir / name, kind, work_dir) for name, kind in LIST_FILES]
    return [c for c in found if c.path.is_file()]


def _read(path: Path) -> tuple[bytes, dict[str, Any]]:
    """The file's bytes and its JSON object; ``MigrateError`` saying why it is unreadable."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise MigrateError(phrase("cannot be read ({why})", why=exc.strerror or exc)) from exc
    if not raw.strip():
        raise MigrateError(phrase("the file is empty"))
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise MigrateError(phrase("not valid JSON ({exc})", exc=exc)) from exc
    if not isinstance(data, dict):
        raise MigrateError(phrase("top level is a {kind}, expected a JSON object",
                                  kind=type(data).__name__))
    return raw, data


def _is_older(kind: str, doc: dict[str, Any]) -> bool:
    current = CURRENT_VERSIONS[kind]
    if not at_least(doc.get("version"), current):
        return True
    if kind == "workers":  # profiles carry their own version (the older packer wrote none)
        workers = doc.get("workers")
        return any(isinstance(w, dict) and not at_least(w.get("version"), current)
                   for w in (workers if isinstance(workers, list) else []))
    return False


def inspect(candidate: Candidate) -> None:
    """Fill in the candidate's version and whether it is older (or why it cannot be read)."""
    try:
        _, doc = _read(candidate.path)
    except MigrateError as exc:
        candidate.problem = own_phrase(exc) or str(exc)
        return
    version = doc.get("version")
    candidate.version = "none" if version is None else str(version)
    candidate.target = CURRENT_VERSIONS[candidate.kind]
    if version is not None and not (isinstance(version, str) and VERSION_TEXT.match(version)):
        candidate.problem = phrase("unknown version {version}; left as it is",
                                   version=repr(version))
        return
    candidate.older = _is_older(candidate.kind, doc)
    if candidate.older and at_least(version, candidate.target):
        candidate.version = phrase("{version} (profiles of an older version)",  # workers.json
                                   version=candidate.version)


def _refuse() -> dict[str, Any]:
    raise MigrateError(phrase("the file became unreadable; left as it is"))


def upgrade(candidate: Candidate) -> bool:
    """Upgrade one file, keeping its original; False when it turned out to be current."""
    raw, doc = _read(candidate.path)
    if not _is_older(candidate.kind, doc):
        return False
    upgraded = load_with_compatibility(candidate.path, kind=candidate.kind)
    candidate.warnings = [str(w) for w in upgraded.pop("load_warnings", None) or []]
    candidate.kept_at = fileio.keep_aside(candidate.path, raw, label=KEEP_LABEL)
    normalise = NORMALISERS.get(candidate.kind)
    if normalise is None:
        fileio.atomic_write_json(candidate.path, upgraded)
        return True
    # Shared with the Shopify Tool: in place under the file's own lock, by its normaliser.
    fileio.with_retries(
        lambda: fileio.locked_json_update(candidate.path, lambda _doc: None, default=_refuse,
                                          normalise=normalise),
        attempts=3, delay=0.5, retry_on=(fileio.LockTimeoutError,),
        what=str(candidate.path))
    return True
