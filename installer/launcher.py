"""Entry script of the PyInstaller bundle: the `packing-tool` command, frozen."""

from __future__ import annotations

import sys


def _run() -> int:
    # Hidden option for the build's smoke test: proves Qt modules and resources are bundled.
    if sys.argv[1:] == ["--bundle-check"]:
        from bundle_check import main as check

        return check()
    from packing_tool.cli import main

    return main()


if __name__ == "__main__":
    sys.exit(_run())
