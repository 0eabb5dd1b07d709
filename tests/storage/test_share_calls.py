"""A share call that hangs keeps its caller waiting no longer than the timeout."""

from __future__ import annotations

import threading
import time

import pytest

from packing_tool.storage.share_calls import ShareTimeoutError, within


def test_a_hung_call_times_out_and_its_late_answer_is_handed_to_abandon() -> None:
    release, abandoned = threading.Event(), []
    start = time.monotonic()
    with pytest.raises(ShareTimeoutError, match="take the list's lock"):
        within(0.2, "take the list's lock", lambda: release.wait(10) and "lock",
               abandoned.append)
    assert time.monotonic() - start < 2.0
    release.set()
    deadline = time.monotonic() + 5
    while not abandoned and time.monotonic() < deadline:
        time.sleep(0.01)
    assert abandoned == ["lock"]


def test_answers_and_errors_come_back_unchanged() -> None:
    assert within(1.0, "read", lambda: 42) == 42
    with pytest.raises(FileNotFoundError, match="gone"):
        within(1.0, "read", lambda: (_ for _ in ()).throw(FileNotFoundError("gone")))
