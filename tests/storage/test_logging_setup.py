"""Logging: context on every line, a rotating local file, a share copy that never blocks."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from packing_tool.storage import logging_setup, share_log
from packing_tool.storage.logging_setup import configure_logging, log_folder, share_handler

log = logging.getLogger("packing_tool.test_logging")
LINE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3} INFO    station=PACK-01 "
                  r"worker=Ана session=2026-11-21_1 list=DHL_Orders "
                  r"packing_tool\.test_logging: scan 3800601000006 ok$")


@pytest.fixture(autouse=True)
def clean_logging() -> Iterator[None]:
    root = logging.getLogger()
    level = root.level
    yield
    logging_setup.shutdown(timeout=5.0)
    root.setLevel(level)


def wait_for(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.02)


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def our_handlers() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers
            if type(h).__module__ != "_pytest.logging"]


def test_every_line_names_station_worker_session_and_list(tmp_path: Path) -> None:
    context = configure_logging("PACK-01", local_dir=tmp_path, share_logs=None)
    log.info("before login")
    context.set(worker="Ана", session="2026-11-21_1", list_name="DHL_Orders")
    log.info("scan %s ok", "3800601000006")
    context.set(list_name=None)
    log.warning("list closed")
    log.info("own worker", extra={"worker": "Борис"})
    lines = text(tmp_path / "logs" / "packing_tool.log").splitlines()
    assert "station=PACK-01 worker=- session=- list=- " in lines[0]
    assert LINE.match(lines[1]), lines[1]
    assert "WARNING station=PACK-01 worker=Ана session=2026-11-21_1 list=- " in lines[2]
    assert "worker=Борис" in lines[3]
    assert log_folder() == tmp_path / "logs"


def test_the_local_file_rotates(tmp_path: Path) -> None:
    configure_logging("PACK-01", local_dir=tmp_path, share_logs=None, max_bytes=2_000,
                      backups=2)
    for n in range(200):
        log.info("line %d", n)
    folder = tmp_path / "logs"
    assert (folder / "packing_tool.log").exists()
    assert (folder / "packing_tool.log.2").exists()
    assert not (folder / "packing_tool.log.3").exists()
    assert "line 199" in text(folder / "packing_tool.log")


def test_calling_it_twice_does_not_duplicate_lines(tmp_path: Path) -> None:
    before = len(our_handlers())
    first = configure_logging("PACK-01", local_dir=tmp_path, share_logs=tmp_path / "share")
    first.set(worker="Ана")
    second = configure_logging("PACK-02", local_dir=tmp_path, share_logs=tmp_path / "share")
    assert second is first
    assert len(our_handlers()) == before + 2  # the local file and the share feeder, once
    log.info("once")
    assert text(tmp_path / "logs" / "packing_tool.log").count("once") == 1
    assert "station=PACK-02 worker=Ана" in text(tmp_path / "logs" / "packing_tool.log")
    wait_for(lambda: "once" in text(tmp_path / "share" / "PACK-02.log"))
    assert text(tmp_path / "share" / "PACK-02.log").count("once") == 1
    logging_setup.shutdown()
    assert len(our_handlers()) == before
    assert share_handler() is None
    logging_setup.shutdown()  # a second shutdown is harmless


def test_lines_reach_the_share_copy_and_a_traceback_too(tmp_path: Path) -> None:
    share = tmp_path / "server" / "Logs" / "packing_tool"
    context = configure_logging("PACK-01", local_dir=tmp_path / "local", share_logs=share)
    context.set(worker="Ана", session="2026-11-21_1", list_name="DHL_Orders")
    log.info("scan %s ok", "3800601000006")
    try:
        raise KeyError("boom")
    except KeyError:
        log.exception("it failed")
    share_file = share / "PACK-01.log"
    wait_for(lambda: "KeyError: 'boom'" in text(share_file))
    assert LINE.match(text(share_file).splitlines()[0])
    handler = share_handler()
    assert handler is not None
    assert handler.connected


def test_a_share_folder_that_goes_away_blocks_nothing_and_is_used_when_it_returns(
        tmp_path: Path) -> None:
    share = tmp_path / "server" / "Logs" / "packing_tool"
    local = tmp_path / "local" / "logs" / "packing_tool.log"
    configure_logging("PACK-01", local_dir=tmp_path / "local", share_logs=share,
                      retry_seconds=0.05)
    log.info("before")
    wait_for(lambda: "before" in text(share / "PACK-01.log"))
    away = share.with_name("packing_tool.away")
    share.rename(away)
    slowest = 0.0
    for n in range(200):
        started = time.perf_counter()
        log.info("while away %d", n)
        slowest = max(slowest, time.perf_counter() - started)
    assert slowest < 0.5  # generous: a blocked call would wait for the share
    assert "while away 199" in text(local)
    handler = share_handler()
    assert handler is not None
    wait_for(lambda: handler.last_error is not None)  # it noticed the file is gone
    assert not share.exists()  # and did not make a new folder where the old one was
    log.info("still away")
    away.rename(share)
    log.info("after")
    wait_for(lambda: "after" in text(share / "PACK-01.log"))
    assert "still away" in text(share / "PACK-01.log")  # kept while away, written on return
    assert handler.connected


def test_a_hung_share_never_blocks_a_logging_call(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    opened = threading.Event()

    def hung_open(*args: Any, **kwargs: Any) -> Any:
        opened.set()
        release.wait(30)  # an SMB open that waits for the server
        return open(*args, **kwargs)

    monkeypatch.setattr(share_log, "open", hung_open, raising=False)
    monkeypatch.setattr(logging_setup, "QUEUE_SIZE", 50)
    share = tmp_path / "share"
    local = tmp_path / "local" / "logs" / "packing_tool.log"
    configure_logging("PACK-01", local_dir=tmp_path / "local", share_logs=share)
    log.info("first")
    assert opened.wait(5)
    started = time.perf_counter()
    for n in range(500):
        log.info("line %d", n)
    assert time.perf_counter() - started < 2.0  # 500 calls; a blocked one would never return
    assert "line 499" in text(local)
    started = time.perf_counter()
    logging_setup.shutdown(timeout=0.2)
    assert time.perf_counter() - started < 2.0
    release.set()
    wait_for(lambda: not any(t.name == "share-log" and t.is_alive()
                             for t in threading.enumerate()))
    written = text(share / "PACK-01.log")
    assert "first" in written
    assert re.search(r"\.\.\. \d+ log lines were lost while the share was away", written)


def test_a_station_name_cannot_leave_the_share_logs_folder(tmp_path: Path) -> None:
    share = tmp_path / "share"
    configure_logging("../PACK:01", local_dir=tmp_path, share_logs=share)
    log.info("contained")
    wait_for(lambda: "contained" in text(share / "_PACK_01.log"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["logs", "share"]
