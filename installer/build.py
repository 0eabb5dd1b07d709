"""Build Packing Tool's one-folder bundle, smoke-test it and (on Windows) the installer.

    python installer/build.py              # bundle + smoke test (+ setup.exe when iscc exists)
    python installer/build.py --smoke-only # smoke-test the bundle built before
    python installer/build.py --clean      # drop PyInstaller's cache first

Bundle: build/installer/dist/packing-tool/ (PyInstaller work files: build/installer/work/).
Installer: build/installer/PackingTool-<version>-setup.exe (Windows with Inno Setup 6).
The last line printed is JSON: version, bundle size in MB, build and smoke times.
Exit code: 0 done, 1 build or smoke test failed, 2 missing tools or bundle.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "packing_tool.spec"
ISS = HERE / "packing_tool.iss"
OUT = ROOT / "build" / "installer"
DIST = OUT / "dist"
WORK = OUT / "work"
BUNDLE = DIST / "packing-tool"
LOG = OUT / "pyinstaller.log"
IS_WIN = sys.platform == "win32"
ISCC_PATHS = (r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe",
              r"C:\Program Files\Inno Setup 6\ISCC.exe")

sys.path[:0] = [str(HERE), str(ROOT / "src"), str(ROOT)]
from smoke import SmokeError, run_smoke  # noqa: E402 - needs the paths above


def app_version() -> str:
    from packing_tool import __version__

    return __version__


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of a folder; symbolic links count as nothing."""
    total = files = 0
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(dirpath) / name
            if not path.is_symlink():
                total += path.stat().st_size
                files += 1
    return total, files


def ensure_icon() -> None:
    """Windows wants an .ico; draw it from the SVG when it is missing (never fatal)."""
    from make_icon import ICO
    from make_icon import main as make_icon

    if IS_WIN and not ICO.is_file():
        try:
            make_icon()
        except Exception as exc:  # an exe without an icon is still a working exe
            print(f"build: no .ico ({exc}); the exe keeps PyInstaller's icon", file=sys.stderr)


def build_bundle(clean: bool) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(DIST),
               "--workpath", str(WORK), str(SPEC)]
    if clean:
        command.insert(3, "--clean")
    print("build: " + " ".join(command), flush=True)
    with open(LOG, "w", encoding="utf-8") as log:  # a log stream, not metadata
        result = subprocess.run(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                check=False)
    if result.returncode != 0:
        tail = LOG.read_text(encoding="utf-8", errors="replace").splitlines()[-40:]
        raise RuntimeError(f"PyInstaller failed (exit {result.returncode}); "
                           f"full log {LOG}:\n" + "\n".join(tail))
    warnings = [line for line in LOG.read_text(encoding="utf-8", errors="replace").splitlines()
                if " WARNING: " in line]
    print(f"build: PyInstaller done, {len(warnings)} warning(s) in {LOG}", flush=True)


def find_iscc() -> str | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    return found or next((p for p in ISCC_PATHS if Path(p).is_file()), None)


def build_installer(iscc: str, version: str) -> Path:
    from wininfo import version_tuple

    file_version = ".".join(map(str, version_tuple(version)))  # Windows wants four numbers
    command = [iscc, "/Q", f"/DAppVersion={version}", f"/DFileVersion={file_version}",
               f"/DBundleDir={BUNDLE}", f"/DOutputDir={OUT}", str(ISS)]
    print("build: " + " ".join(command), flush=True)
    result = subprocess.run(command, cwd=HERE, capture_output=True, text=True, check=False)
    setup = OUT / f"PackingTool-{version}-setup.exe"
    if result.returncode != 0 or not setup.is_file():
        raise RuntimeError(f"Inno Setup failed (exit {result.returncode}):\n"
                           f"{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return setup


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke-only", action="store_true",
                        help="only smoke-test the bundle in build/installer/dist")
    parser.add_argument("--clean", action="store_true", help="drop PyInstaller's cache first")
    parser.add_argument("--no-installer", action="store_true",
                        help="on Windows, do not run Inno Setup even if it is installed")
    args = parser.parse_args(argv)
    version = app_version()
    report: dict[str, object] = {"version": version, "bundle": str(BUNDLE)}
    if not args.smoke_only:
        try:
            import PyInstaller  # noqa: F401
        except ImportError:
            print("build: PyInstaller is missing: pip install -e '.[build]'", file=sys.stderr)
            return 2
        ensure_icon()
        started = time.monotonic()
        try:
            build_bundle(args.clean)
        except RuntimeError as exc:
            print(f"build: {exc}", file=sys.stderr)
            return 1
        report["build_s"] = round(time.monotonic() - started, 1)
    elif not BUNDLE.is_dir():
        print(f"build: no bundle at {BUNDLE}; run without --smoke-only first", file=sys.stderr)
        return 2
    size, files = folder_size(BUNDLE)
    report.update(bundle_mb=round(size / 2**20, 1), bundle_files=files)
    started = time.monotonic()
    try:
        found = run_smoke(BUNDLE, version)
    except SmokeError as exc:
        print(f"smoke test FAILED: {exc}", file=sys.stderr)
        return 1
    report.update(smoke="passed", smoke_s=round(time.monotonic() - started, 1),
                  window_s=found["window_s"])
    iscc = find_iscc() if IS_WIN and not args.smoke_only and not args.no_installer else None
    if iscc:
        try:
            report["installer"] = str(build_installer(iscc, version))
        except RuntimeError as exc:
            print(f"build: {exc}", file=sys.stderr)
            return 1
    elif IS_WIN and not args.smoke_only and not args.no_installer:
        print("build: Inno Setup 6 (iscc) not found: no setup.exe", file=sys.stderr)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
