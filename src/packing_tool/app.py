"""Composition root: station settings, the share, logging, then the desktop app."""

from __future__ import annotations

from packing_tool.storage.paths import resolve_root
from packing_tool.storage.settings import load_settings


def run_app(root: str | None, *, quit_after: float | None = None) -> int:
    """Open the window; ``quit_after`` closes it after that many seconds (smoke tests)."""
    settings = load_settings()  # never raises: a damaged file is kept aside, defaults used
    choice = resolve_root(root, settings.server_path)
    from packing_tool.ui.application import run  # Qt loads only when the window is wanted

    return run(choice, settings, quit_after=quit_after)
