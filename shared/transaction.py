"""Multi-file updates that all happen or, after a crash, are all brought to the same end.

Ending a session touches several files (its summary, the worker's totals, the shared
statistics). ``atomic_multi_file_update`` runs such steps as one transaction:

* a ``FileUpdate`` is a JSON file owned by one writer; its new content is computed from
  the current one before anything is written (the prepare phase);
* any other step is a zero-argument callable that must be idempotent, such as
  ``StatsManager.record_packing(..., record_id=...)``, because it may run again on resume.

With ``journal_path`` the plan (every FileUpdate's new content) is saved before the first
write and each finished step is marked in it. If a step fails while only FileUpdates have
run, they are rolled back to their original bytes. Once a callable has run it cannot be
undone, so the journal is kept and ``resume_multi_file_update`` later rolls forward: it
skips finished steps, writes files from the journal and reruns the remaining callables.
After a crash (even a kill) the same resume brings the files to the no-crash end state.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shared import fileio
from shared.timestamps import now_iso

log = logging.getLogger(__name__)

JOURNAL_VERSION = "1.0"
JsonDict = dict[str, Any]


@dataclass
class FileUpdate:
    """Replace the JSON object in ``path`` by ``transform(current)``; current is None if absent."""

    path: str | os.PathLike[str]
    transform: Callable[[JsonDict | None], JsonDict]


Step = FileUpdate | Callable[[], object]


class PendingTransactionError(FileExistsError):
    """The journal of an unfinished transaction is in the way; resume it first."""


@dataclass
class _Prepared:
    path: Path
    payload: bytes  # the new file content, exactly as it will be written
    original: bytes | None  # None when the file did not exist


def _name(step: Step) -> str:
    if isinstance(step, FileUpdate):
        return f"write {Path(step.path).name}"
    func = getattr(step, "func", step)  # functools.partial keeps the real function here
    return str(getattr(func, "__qualname__", type(step).__name__))


def _prepare(updates: Sequence[Step]) -> dict[int, _Prepared]:
    """Compute every FileUpdate's new content; raises if any cannot be computed."""
    prepared: dict[int, _Prepared] = {}
    originals: dict[Path, bytes | None] = {}
    latest: dict[Path, bytes | None] = {}  # a file updated twice: the second sees the first
    for index, step in enumerate(updates):
        if not isinstance(step, FileUpdate):
            if not callable(step):
                raise TypeError(f"step {index} is neither a FileUpdate nor callable: {step!r}")
            continue
        path = Path(os.path.abspath(step.path))
        if path not in latest:
            originals[path] = latest[path] = path.read_bytes() if path.exists() else None
        current = latest[path]
        data = None if current is None else json.loads(current.decode("utf-8-sig"))
        if data is not None and not isinstance(data, dict):
            raise ValueError(f"{path}: holds {type(data).__name__}, not a JSON object")
        new = step.transform(data)
        if not isinstance(new, dict):
            raise TypeError(f"{path}: transform returned {type(new).__name__}, not a dict")
        latest[path] = payload = fileio.dumps(new).encode("utf-8")
        prepared[index] = _Prepared(path, payload, originals[path])
    return prepared


def _run(step: Step, prepared: _Prepared | None) -> None:
    if isinstance(step, FileUpdate):
        assert prepared is not None
        fileio.atomic_write_bytes(prepared.path, prepared.payload)
    elif step() is False:
        raise RuntimeError(f"{_name(step)} reported failure (returned False)")


def _write_journal(journal: Path | None, doc: JsonDict) -> None:
    if journal is not None:
        fileio.atomic_write_json(journal, doc)


def atomic_multi_file_update(
    updates: Sequence[Step], journal_path: str | os.PathLike[str] | None = None
) -> bool:
    """Run ``updates`` in order as one transaction; True when every step succeeded.

    False when a transform fails (nothing is written), or when a step fails: then applied
    FileUpdates are rolled back if no callable has run yet, else the journal is kept for
    ``resume_multi_file_update``. A callable returning ``False`` counts as a failure.
    Raises ``PendingTransactionError`` if ``journal_path`` already holds a journal.
    """
    journal = Path(journal_path) if journal_path is not None else None
    if journal is not None and journal.exists():
        raise PendingTransactionError(f"{journal}: an unfinished transaction must be resumed first")
    tx_id = uuid.uuid4().hex[:12]
    try:
        prepared = _prepare(updates)
        doc: JsonDict = {
            "version": JOURNAL_VERSION, "transaction_id": tx_id, "created_at": now_iso(),
            "step_count": len(updates),
            "steps": [
                {"kind": "file", "path": str(prepared[i].path),
                 "content": json.loads(prepared[i].payload)}
                if i in prepared else {"kind": "call", "name": _name(step)}
                for i, step in enumerate(updates)
            ],
            "done": [],
        }
        _write_journal(journal, doc)
    except Exception as exc:  # a transform may raise anything
        log.error("Transaction %s not started, nothing was written: %r", tx_id, exc)
        return False
    log.info("Transaction %s started: %d steps", tx_id, len(updates))
    applied: list[_Prepared] = []
    called = False
    for index, step in enumerate(updates):
        try:
            _run(step, prepared.get(index))
        except Exception as exc:
            log.error("Transaction %s: step %d (%s) failed: %r", tx_id, index, _name(step), exc)
            return _fail(tx_id, journal, doc, applied, called)
        if index in prepared:
            applied.append(prepared[index])
        else:
            called = True
        doc["done"].append(index)
        try:
            _write_journal(journal, doc)
        except OSError as exc:
            log.error("Transaction %s: cannot update journal %s: %s", tx_id, journal, exc)
            return _fail(tx_id, journal, doc, applied, called)
    try:
        if journal is not None:
            journal.unlink(missing_ok=True)
    except OSError as exc:  # every step is marked done, so a resume only removes it
        log.warning("Transaction %s: cannot remove journal %s: %s", tx_id, journal, exc)
    log.info("Transaction %s finished: all %d steps done", tx_id, len(updates))
    return True


def _fail(
    tx_id: str, journal: Path | None, doc: JsonDict, applied: list[_Prepared], called: bool
) -> bool:
    """After a failed step: roll files back if nothing irreversible ran, else keep the journal."""
    if called:
        if journal is None:
            log.error("Transaction %s is half done and has no journal to finish from", tx_id)
        else:
            log.warning("Transaction %s kept journal %s; resume it to finish", tx_id, journal)
        return False
    try:
        # Marked undone first: a crash while rolling back then resumes from the start.
        doc["done"] = []
        _write_journal(journal, doc)
        for item in reversed(applied):
            if item.original is None:
                item.path.unlink(missing_ok=True)
            else:
                fileio.atomic_write_bytes(item.path, item.original)
        if journal is not None:
            journal.unlink(missing_ok=True)
    except OSError as exc:
        log.error("Transaction %s: rollback failed (%s); resume it to finish instead", tx_id, exc)
        return False
    log.warning("Transaction %s rolled back %d file write(s)", tx_id, len(applied))
    return False


def _matches(step: Any, update: Step) -> bool:
    if not isinstance(step, dict) or step.get("kind") not in ("file", "call"):
        return False
    if isinstance(update, FileUpdate):
        return bool(step["kind"] == "file" and step.get("path") == os.path.abspath(update.path))
    return bool(step["kind"] == "call")


def resume_multi_file_update(
    journal_path: str | os.PathLike[str], updates: Sequence[Step]
) -> bool:
    """Finish the transaction recorded in ``journal_path``; True when every step is done.

    ``updates`` must be the same steps, in the same order, as in the interrupted call; the
    transforms of its FileUpdates are not run again, their content comes from the journal.
    With no journal there is nothing to finish and the result is True.
    """
    journal = Path(journal_path)
    if not journal.exists():
        log.info("No journal at %s: nothing to resume", journal)
        return True
    try:
        doc = fileio.read_json_file(journal)
        steps, done, tx_id = doc["steps"], set(doc["done"]), doc["transaction_id"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise fileio.CorruptFileError(journal, f"not a transaction journal ({exc})", None) from exc
    if len(steps) != len(updates) or not all(map(_matches, steps, updates)):
        log.error("Transaction %s: the steps given do not match journal %s", tx_id, journal)
        return False
    log.info("Transaction %s: resuming, %d of %d steps done", tx_id, len(done), len(steps))
    for index, (step, update) in enumerate(zip(steps, updates, strict=True)):
        if index in done:
            continue
        try:
            if isinstance(update, FileUpdate):
                fileio.atomic_write_json(step["path"], step["content"])
            else:
                _run(update, None)
            doc["done"].append(index)
            fileio.atomic_write_json(journal, doc)
        except Exception as exc:
            log.error("Transaction %s: resuming step %d (%s) failed: %r",
                      tx_id, index, _name(update), exc)
            return False
    journal.unlink(missing_ok=True)
    log.info("Transaction %s resumed and finished", tx_id)
    return True
