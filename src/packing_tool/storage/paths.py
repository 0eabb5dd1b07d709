"""Where things live: the share root, this station's local data folder, bundled resources."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from shared import fileio

ROOT_ENV_VARS = ("PACKING_TOOL_ROOT", "FULFILLMENT_SERVER_PATH")


def resources_dir() -> Path:
    """The bundled ``resources/`` folder, in a source checkout or a PyInstaller build."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[3] / "resources"


def local_data_dir() -> Path:
    """This station's own folder (settings, logs, offline scans), never on the share."""
    override = os.environ.get("PACKING_TOOL_HOME")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "PackingTool"
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "packing-tool"


@dataclass(frozen=True)
class RootChoice:
    path: Path
    is_demo: bool
    source: str  # where the choice came from, for the banner and the log


def resolve_root(explicit: str | None, configured: str | None = None) -> RootChoice:
    """``--root``, then the environment, then the configured server, else the demo folder."""
    if explicit:
        return RootChoice(Path(explicit), False, "--root")
    for name in ROOT_ENV_VARS:
        value = os.environ.get(name)
        if value:
            return RootChoice(Path(value), False, name)
    if configured:
        return RootChoice(Path(configured), False, "settings")
    return RootChoice(ensure_demo_root(local_data_dir() / "demo"), True, "demo")


def ensure_demo_root(target: Path) -> Path:
    """Copy the bundled demo share into ``target`` once; later runs keep what was packed."""
    if (target / "Sessions").is_dir():
        return target
    source = resources_dir() / "demo" / "server"
    for file in sorted(source.rglob("*")):
        if file.is_file():
            fileio.atomic_write_bytes(target / file.relative_to(source), file.read_bytes())
    return target
