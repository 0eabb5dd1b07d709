"""What every administrator command shares: the root, errors, confirmation and progress."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO, TypeVar

from packing_tool.admin.messages_bg import YES
from packing_tool.admin.words import say
from packing_tool.storage.inside import confine
from packing_tool.storage.paths import resolve_root

T = TypeVar("T")

EXIT_FAILED = 1  # the command ran and found or hit a problem
EXIT_BAD_INPUT = 2  # wrong arguments, a missing root or file


class AdminError(Exception):
    """Stops a command with a message for the user and an exit code."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.code = code


def share_root(args: argparse.Namespace) -> Path:
    """The share root the command works on; it must exist (commands never create one)."""
    choice = resolve_root(getattr(args, "root", None))
    if not choice.path.is_dir():
        raise AdminError(say("share root {path} does not exist (give --root PATH)",
                             path=choice.path))
    confine(choice.path)  # no write below it may follow a link out of it
    return choice.path


def list_options(parser: argparse.ArgumentParser) -> None:
    """``--client``, ``--session`` and ``--list`` (as ``list_name``): the one list a command is
    about, named as the share names it."""
    parser.add_argument("--client", required=True, metavar=say("CLIENT"),
                        help=say("client id without CLIENT_ (e.g. M)"))
    parser.add_argument("--session", required=True, metavar=say("SESSION"),
                        help=say("session folder (e.g. 2026-11-21_1)"))
    parser.add_argument("--list", required=True, dest="list_name", metavar=say("LIST"),
                        help=say("packing list name (e.g. DHL_Orders), or full_session"))


def script_options(parser: argparse.ArgumentParser, *, yes: str | None = None) -> None:
    """``--json`` for scripts and, for a command that asks first, ``--yes`` with ``yes`` as help."""
    if yes is not None:
        parser.add_argument("--yes", action="store_true", help=yes)
    parser.add_argument("--json", action="store_true",
                        help=say("print the result as one JSON object (for scripts)"))


def confirm(question: str, *, assume_yes: bool, stream: TextIO | None = None) -> bool:
    """Ask on the terminal; ``--yes`` answers for scripts. No terminal and no --yes is a no."""
    if assume_yes:
        return True
    source = stream or sys.stdin
    print(say("{question} [y/N] ", question=question), end="", file=sys.stderr, flush=True)
    answer = source.readline()
    return answer.strip().lower() in YES


class Progress:
    """'label: n/total' on stderr, at most a few times a second, and a last line when done."""

    def __init__(self, label: str, total: int, *, stream: TextIO | None = None,
                 every: float = 0.5) -> None:
        self.label, self.total, self.done = label, total, 0
        self._stream = stream or sys.stderr
        self._every = every
        self._last = 0.0

    def step(self, count: int = 1) -> None:
        self.done += count
        now = time.monotonic()
        if now - self._last >= self._every:
            self._last = now
            self._show()

    def finish(self) -> None:
        self._show()

    def _show(self) -> None:
        print(f"{self.label}: {self.done}/{self.total}", file=self._stream, flush=True)


def with_progress(label: str, items: Iterable[T], total: int) -> Iterator[T]:
    """Yield ``items`` while showing progress; the last count is always shown."""
    progress = Progress(label, total)
    for item in items:
        yield item
        progress.step()
    progress.finish()
