"""Smoke test of a built one-folder bundle (run by build.py; CI runs it on every build).

Each step runs the frozen executable as a user would, in a temporary station folder:
1. ``--version`` prints ``packing-tool <version>``;
2. every file of ``resources/`` is in the bundle, byte for byte;
3. ``--bundle-check``: Qt modules (charts, sound, SVG), themes and all our modules load;
4. the window opens offscreen on the embedded demo share and closes itself (``--quit-after``);
   its log shows the start line and no traceback;
5. a headless ``simulate --complete`` on a copy of the bundled demo share writes its report.
Any failure raises SmokeError with a message that names the missing file or the step.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
IS_WIN = sys.platform == "win32"
WINDOW_SECONDS = 4  # --quit-after: long enough for the demo share to load
WINDOW_TIMEOUT = 30
LOG_FILE = Path("logs") / "packing_tool.log"  # under PACKING_TOOL_HOME (storage/logging_setup.py)
BAD_LOG_WORDS = ("Traceback", " ERROR ", " CRITICAL ", "not loaded")


class SmokeError(Exception):
    """The bundle is broken; the message says how."""


def executable(bundle: Path) -> Path:
    """The console executable (on Windows the window's PackingTool.exe has no console)."""
    return bundle / ("packing-tool.exe" if IS_WIN else "packing-tool")


def bundled_resources(bundle: Path) -> Path:
    return bundle / "_internal" / "resources"  # sys._MEIPASS of a one-folder build


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PACKING_TOOL_ROOT", "FULFILLMENT_SERVER_PATH", "PYTHONPATH",
                        "PYTHONHOME", "XDG_DATA_HOME")}
    env.update(PACKING_TOOL_HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONUTF8="1")
    return env


def _run(exe: Path, args: list[str], *, env: dict[str, str], cwd: Path, timeout: float,
         step: str) -> subprocess.CompletedProcess[str]:
    try:
        result = subprocess.run([str(exe), *args], env=env, cwd=cwd, capture_output=True,
                                text=True, encoding="utf-8", errors="replace",
                                timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise SmokeError(f"{step}: no exit within {timeout:.0f} s") from exc
    if result.returncode != 0:
        how = (f"killed by signal {-result.returncode}" if result.returncode < 0
               else f"exit code {result.returncode}")
        output = (result.stdout + result.stderr).strip()[-3000:] or "(no output)"
        raise SmokeError(f"{step}: {how}\n{output}")
    return result


def check_resources(bundle: Path, source: Path = ROOT / "resources") -> int:
    """Every file of the source ``resources/`` must be in the bundle with the same size."""
    target = bundled_resources(bundle)
    missing = []
    files = [f for f in sorted(source.rglob("*")) if f.is_file() and "__pycache__" not in f.parts]
    for file in files:
        copy = target / file.relative_to(source)
        if not copy.is_file() or copy.stat().st_size != file.stat().st_size:
            missing.append(str(copy.relative_to(bundle)))
    if missing:
        raise SmokeError(f"{len(missing)} resource file(s) missing from the bundle: "
                         + ", ".join(missing[:10]))
    for part in ("themes", "sounds", "demo/server/Sessions"):
        if not (target / part).is_dir():
            raise SmokeError(f"bundle has no {target / part}")
    return len(files)


def check_log(home: Path, version: str) -> str:
    log = home / LOG_FILE
    if not log.is_file():
        raise SmokeError(f"window run wrote no log file {log}")
    text = log.read_text(encoding="utf-8", errors="replace")
    start = f"Packing Tool {version} started"
    if start not in text:
        raise SmokeError(f"log {log} lacks the start line {start!r}:\n{text[-2000:]}")
    if "from demo" not in text:
        raise SmokeError(f"the window did not open on the embedded demo share:\n{text[-2000:]}")
    bad = [line for line in text.splitlines() if any(word in line for word in BAD_LOG_WORDS)]
    if bad:
        raise SmokeError(f"log {log} shows problems:\n" + "\n".join(bad[:20]))
    return start


def demo_list(share: Path) -> tuple[str, str, str]:
    """(client, session, list) of the first packing list of the demo share."""
    lists = sorted((share / "Sessions").glob("CLIENT_*/*/packing_lists/*.json"))
    if not lists:
        raise SmokeError(f"the bundled demo share {share} has no packing list")
    first = lists[0]
    return first.parents[2].name.removeprefix("CLIENT_"), first.parents[1].name, first.stem


def check_simulate(exe: Path, share: Path, env: dict[str, str], cwd: Path) -> dict[str, Any]:
    client, session, name = demo_list(share)
    args = ["--root", str(share), "simulate", "--client", client, "--session", session,
            "--list", name, "--worker", "Smoke", "--complete"]
    result = _run(exe, args, env=env, cwd=cwd, timeout=120, step="simulate")
    try:
        summary = json.loads(result.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError) as exc:
        raise SmokeError(f"simulate printed no JSON line: {result.stdout[-1000:]!r}") from exc
    if not summary.get("completed") or summary.get("problems") or \
            summary.get("orders_packed") != summary.get("orders_total"):
        raise SmokeError(f"simulate did not pack and complete the list: {summary}")
    report = share / "Sessions" / f"CLIENT_{client}" / session / "packing" / name / "reports"
    xlsx = sorted(report.glob("*.xlsx"))
    if not xlsx or not xlsx[0].read_bytes().startswith(b"PK"):
        raise SmokeError(f"simulate wrote no .xlsx report in {report} (openpyxl bundled?)")
    return {"list": f"{client}/{session}/{name}", "orders": summary["orders_packed"],
            "report": xlsx[0].name}


def run_smoke(bundle: Path, version: str, say: Any = print) -> dict[str, Any]:
    """All steps; returns what each found. Raises SmokeError on the first failure."""
    exe = executable(bundle)
    if not exe.is_file():
        raise SmokeError(f"no executable {exe}: build the bundle first")
    if IS_WIN and not (bundle / "PackingTool.exe").is_file():
        raise SmokeError(f"no window executable {bundle / 'PackingTool.exe'}")
    found: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="packing-tool-smoke-") as tmp:
        work = Path(tmp)
        env = _env(work / "home")
        out = _run(exe, ["--version"], env=env, cwd=work, timeout=60, step="--version")
        if out.stdout.strip() != f"packing-tool {version}":
            raise SmokeError(f"--version printed {out.stdout.strip()!r}, "
                             f"expected 'packing-tool {version}'")
        say(f"smoke: --version -> {out.stdout.strip()}")
        found["resource_files"] = check_resources(bundle)
        say(f"smoke: {found['resource_files']} resource files present (themes, sounds, demo)")
        out = _run(exe, ["--bundle-check"], env=env, cwd=work, timeout=60, step="--bundle-check")
        found["bundle_check"] = json.loads(out.stdout.strip().splitlines()[-1])
        say(f"smoke: --bundle-check -> {out.stdout.strip().splitlines()[-1]}")
        started = time.monotonic()
        _run(exe, ["--quit-after", str(WINDOW_SECONDS)], env=env, cwd=work,
             timeout=WINDOW_TIMEOUT, step="window (--quit-after)")
        found["window_s"] = round(time.monotonic() - started, 1)
        found["log"] = check_log(work / "home", version)
        if not (work / "home" / "demo" / "Sessions").is_dir():
            raise SmokeError("the window did not copy the bundled demo share to the station folder")
        say(f"smoke: window opened on the demo share and closed in {found['window_s']} s")
        share = work / "share"
        shutil.copytree(bundled_resources(bundle) / "demo" / "server", share)
        found["simulate"] = check_simulate(exe, share, env, work)
        say(f"smoke: simulate -> {found['simulate']}")
    return found
