"""The Windows version resource of the .exe files (Explorer → Properties → Details).

Written as PyInstaller's version-file text (``EXE(version=path)``): the classes that parse
it need ``pefile``, which PyInstaller installs on Windows only, so this module builds text
and can be checked on any OS.
"""

from __future__ import annotations

import re

PRODUCT = "Packing Tool"
COMPANY = "Packing Tool"
DESCRIPTION = "Packing Tool - warehouse packing station"
LANG_CODEPAGE = "040904B0"  # U.S. English, Unicode: the table Windows shows by default


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'0.1.0' → (0, 1, 0, 0); a suffix such as '0.2.0rc1' keeps only the leading numbers."""
    numbers = [int(part) for part in re.findall(r"\d+", version.split("+", maxsplit=1)[0])[:4]]
    if not numbers:
        raise ValueError(f"version {version!r} has no numbers")
    padded = [*numbers, 0, 0, 0][:4]
    return padded[0], padded[1], padded[2], padded[3]


def version_file_text(version: str, exe_name: str, description: str = DESCRIPTION) -> str:
    numbers = version_tuple(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": exe_name,
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    structs = ",\n        ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return (
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,\n"
        "                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        "  kids=[\n"
        f"    StringFileInfo([StringTable({LANG_CODEPAGE!r}, [\n        {structs}])]),\n"
        "    VarFileInfo([VarStruct('Translation', [1033, 1200])]),\n"
        "  ],\n"
        ")\n"
    )
