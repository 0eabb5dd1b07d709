"""An append-only log file: the scan journal's storage (see ``AppendLog``)."""

from __future__ import annotations

import os
from pathlib import Path

from shared.fileio import NOFOLLOW, check_path, keep_aside


class AppendLog:
    """An append-only file of lines, each fsynced before ``append`` returns.

    Appending costs the same whatever the file's size. A line torn by a crash (no newline
    at the end of the file) was never acknowledged: ``read_lines`` leaves it out and the
    next ``append`` cuts it off first, keeping a copy of its bytes aside.
    """

    def __init__(self, path: str | os.PathLike[str], *, durable: bool = True,
                 make_parents: bool = True) -> None:
        self.path = Path(path)
        self.durable = durable
        self.make_parents = make_parents  # False on a share: a vanished folder stays missing
        self._fd: int | None = None

    def read_lines(self) -> list[bytes]:
        """Every complete line (without its newline); a torn last line is left out."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        lines = raw.split(b"\n")
        return [line for line in lines[:-1] if line]  # the last piece is b"" or a torn line

    def _open(self) -> int:
        if self._fd is None:
            check_path(self.path)
            if self.make_parents:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            # O_APPEND: every write lands at the current end, even with another writer.
            flags = os.O_RDWR | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0) | NOFOLLOW
            fd = os.open(self.path, flags, 0o666)
            try:
                check_path(self.path)  # once more, now that it is open
            except OSError:
                os.close(fd)
                raise
            size = os.fstat(fd).st_size
            if size:
                os.lseek(fd, max(0, size - 65536), os.SEEK_SET)
                tail = os.read(fd, 65536)
                if not tail.endswith(b"\n"):
                    torn = tail.rsplit(b"\n", 1)[-1]
                    keep_aside(self.path, torn, "torn")
                    os.ftruncate(fd, size - len(torn))
                    os.fsync(fd)
            os.lseek(fd, 0, os.SEEK_END)
            self._fd = fd
        return self._fd

    def append(self, line: bytes) -> int:
        """Append one line (no newline inside) and make it durable; returns bytes written."""
        return self.append_lines([line])

    def append_lines(self, lines: list[bytes]) -> int:
        """Append several lines with one write and one fsync; returns bytes written."""
        if any(b"\n" in line for line in lines):
            raise ValueError("a log line may not contain a newline")
        fd = self._open()
        data = b"".join(line + b"\n" for line in lines)
        written = 0
        while written < len(data):
            written += os.write(fd, data[written:])
        if self.durable:
            os.fsync(fd)
        return len(data)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
