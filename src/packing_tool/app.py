"""Composition root: choose the share, then hand over to the desktop app."""

from __future__ import annotations

from packing_tool.storage.paths import resolve_root


def run_app(root: str | None) -> int:
    from packing_tool.ui.application import run  # Qt loads only when the window is wanted

    return run(resolve_root(root))
