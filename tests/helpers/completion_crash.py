"""Run the ``packing-tool`` command and SIGKILL this process at its K-th file write.

Usage: completion_crash.py K before|after ending|all -- <packing-tool arguments>

Writes are counted where every file of ours is written: ``fileio.atomic_write_bytes`` (new
files and replacements) and ``fileio._rewrite_in_place`` (locked shared files). With
``ending`` only writes made while a list is being ended count; with ``all``, every write.
If the run has fewer writes, it ends normally (exit 0).
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

from packing_tool.storage import session_manager
from shared import atomic_write, fileio

TARGET, MODE, SCOPE = int(sys.argv[1]), sys.argv[2], sys.argv[3]
ARGS = sys.argv[sys.argv.index("--") + 1:]
state = {"count": 0, "on": SCOPE == "all"}


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _counted(write: Any) -> Any:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if state["on"]:
            state["count"] += 1
            if state["count"] == TARGET and MODE == "before":
                _die()
        result = write(*args, **kwargs)
        if state["on"] and state["count"] == TARGET and MODE == "after":
            _die()
        return result
    return wrapper


original_complete = session_manager.SessionManager.complete


def complete(self: Any, active: Any) -> Any:
    state["on"] = True
    return original_complete(self, active)


session_manager.SessionManager.complete = complete  # type: ignore[method-assign]
# Patched where it lives too: atomic_write_json and keep_aside call it there.
fileio.atomic_write_bytes = atomic_write.atomic_write_bytes = _counted(fileio.atomic_write_bytes)
fileio._rewrite_in_place = _counted(fileio._rewrite_in_place)

from packing_tool.cli import main  # noqa: E402  (after the patches, like a real import order)

code = main(ARGS)
print(f"writes={state['count']}", file=sys.stderr)
sys.exit(code)
