"""Run helper scripts as real processes, all at once, and require each to succeed."""

from __future__ import annotations

import subprocess
from pathlib import Path


def run_all(commands: list[list[str]], *, timeout: float = 180, go: Path | None = None) -> None:
    """Start every command; touch ``go`` (if given) so they start racing together; wait."""
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for cmd in commands]
    if go is not None:
        go.touch()
    for proc in procs:
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            for other in procs:
                other.kill()
            raise
        assert proc.returncode == 0, err.decode(errors="replace")
