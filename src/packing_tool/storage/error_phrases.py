"""Any error, as words a person can read: a ``Phrase`` the window and the command line show
in the station's language (``ui.error_words.error_text``, ``admin.words.shown``).

Our own errors (storage) are raised with a phrase already, so they are simply given back. The
shared package may not import our phrases, so its errors are worded here by their class and
attributes (the file a lock or damage is about). Anything else becomes a general sentence with
the error's own text: never a Python class name. ``str(exc)`` is left alone for the logs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from packing_tool.domain.phrase import Phrase, phrase, translated
from shared.file_errors import CorruptFileError, LockTimeoutError, SharedFileDamagedError
from shared.stats_records import FileLockError, StatsManagerError
from shared.transaction import PendingTransactionError
from shared.worker_profile import DuplicateWorkerError, UnknownWorkerError, WorkerManagerError


def _damaged(exc: BaseException) -> Phrase:
    assert isinstance(exc, SharedFileDamagedError)
    return phrase("{file} is damaged and nothing was written. Run `packing-tool verify`, then "
                  "`packing-tool verify --repair` (or put a good copy of the file back), and "
                  "try again", file=exc.path)


def _locked(exc: BaseException) -> Phrase:
    assert isinstance(exc, LockTimeoutError)
    return phrase("{file} is locked by another program (waited {seconds} s)", file=exc.path,
                  seconds=f"{exc.timeout:.1f}")


def _unreadable(exc: BaseException) -> Phrase:
    assert isinstance(exc, CorruptFileError)
    return phrase("{file} cannot be read, and nothing good could be recovered from it",
                  file=exc.path)


def _missing(exc: BaseException) -> Phrase | None:
    assert isinstance(exc, OSError)
    if exc.filename is None:
        return None  # no file to name: the general sentence with the error's own text
    return phrase("{file} was not found", file=exc.filename)


def _refused(exc: BaseException) -> Phrase | None:
    assert isinstance(exc, OSError)
    if exc.filename is None:
        return None
    return phrase("{file}: this station may not use it (access refused)", file=exc.filename)


def _taken(exc: BaseException) -> Phrase:
    assert isinstance(exc, DuplicateWorkerError)
    if not exc.holder:
        return phrase("Another worker already has this name")
    if exc.active:
        return phrase("the name {name} is already used by {worker}", name=repr(exc.name),
                      worker=exc.holder)
    return phrase("the name {name} is already used by {worker} (deactivated)",
                  name=repr(exc.name), worker=exc.holder)


def _general(exc: BaseException) -> Phrase:
    detail = str(exc)
    if not detail:
        return phrase("Something went wrong; the log has the details")
    return phrase("Something went wrong: {detail}", detail=detail)


# most particular first: a damaged stats file is a StatsManagerError too
_BY_CLASS: list[tuple[type[BaseException], Callable[[BaseException], Phrase | None]]] = [
    (SharedFileDamagedError, _damaged),
    (FileLockError, lambda exc: phrase(
        "The statistics file is locked by another program")),
    (LockTimeoutError, _locked),
    (CorruptFileError, _unreadable),
    (DuplicateWorkerError, _taken),
    (UnknownWorkerError, lambda exc: phrase("This worker is not in the workers list")),
    (WorkerManagerError, lambda exc: phrase(
        "The workers list could not be read or changed: {detail}", detail=str(exc))),
    (StatsManagerError, lambda exc: phrase(
        "The statistics could not be read or recorded: {detail}", detail=str(exc))),
    (PendingTransactionError, lambda exc: phrase(
        "An unfinished change of the shared files must be completed first: {detail}",
        detail=str(exc))),
    (FileNotFoundError, _missing),
    (PermissionError, _refused),
    (TimeoutError, lambda exc: phrase("The share did not answer in time")),
]


def own_phrase(exc: BaseException) -> Phrase | None:
    """The phrase ``exc`` was raised with, when its text is exactly that phrase."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, Phrase) and str(exc) == first else None


def known(exc: BaseException) -> Phrase | None:
    """The words of an error raised with a phrase or of a known kind; None for any other."""
    own = own_phrase(exc)
    if own is not None:
        return own
    for kind, words in _BY_CLASS:
        if isinstance(exc, kind):
            return words(exc)
    return None


def described(exc: BaseException) -> Phrase:
    """``exc`` as words for a person (English; shown translated by the window and commands)."""
    return known(exc) or _general(exc)


def worded(found: Any, look_up: Callable[[str], str], *, errors: bool = True) -> Any:
    """A value for a sentence in the language of ``look_up``: a phrase translated, an error
    in its words (its own text when it has none; with ``errors`` False only an error raised
    with a phrase is worded, the others keep their text), anything else as it is."""
    def inner(value: Any) -> Any:
        return worded(value, look_up, errors=errors)

    if isinstance(found, Phrase):
        return translated(found, look_up, inner)
    if isinstance(found, BaseException):
        words = known(found)
        if words is not None and (errors or own_phrase(found) is not None):
            return translated(words, look_up, inner)
        return str(found)
    return found
