"""`verify`'s walk for links: every symbolic link, junction or reparse point on the share.

The program never writes through a link (``storage.inside``), so a link on the share blocks
whatever lies behind it, and one leading outside the root is a sign of tampering. Each one
found is a finding naming the link and where it points; the walk never follows one, and
``--repair`` has no repair for them (they are removed or replaced by hand).
"""

from __future__ import annotations

import os
from pathlib import Path

from packing_tool.admin.verify_walk import Context
from packing_tool.admin.words import phrase
from packing_tool.storage.inside import is_link, link_target

MAX_FOLDERS = 200_000  # a share this big is walked in part, and says so


def find_links(root: Path) -> tuple[list[Path], bool]:
    """Every link below ``root``, without following any, in a stable order; False when the
    walk stopped at ``MAX_FOLDERS`` folders."""
    found: list[Path] = []
    todo, seen = [str(root)], 0
    while todo and seen < MAX_FOLDERS:
        folder = todo.pop()
        seen += 1
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue  # unreadable or gone: the other checks name what matters there
        for entry in entries:
            if entry.is_symlink() or is_link(entry.path):  # is_link: junctions too
                found.append(Path(entry.path))
            elif entry.is_dir(follow_symlinks=False):
                todo.append(entry.path)
    return sorted(found), not todo


def _real(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def check_links(ctx: Context) -> None:
    """A finding for every link on the share: an error when it leads outside the root or
    nowhere, a warning when it stays inside (writes through it are refused all the same)."""
    root = _real(str(ctx.root))
    links, complete = find_links(ctx.root)
    if not complete:
        ctx.findings.notice(ctx.root, phrase("only the first {max_folders:,} folders were "
                                             "searched for links", max_folders=MAX_FOLDERS))
    for link in links:
        target = link_target(link)
        resolved = _real(str(link))
        outside = resolved != root and not resolved.startswith(root.rstrip(os.sep) + os.sep)
        if not os.path.exists(link):
            ctx.findings.error(link, phrase("a link to {target}, which does not exist; the "
                                            "program never writes through links: remove it",
                                            target=target))
        elif outside:
            ctx.findings.error(link, phrase("a link to {target}, OUTSIDE the share root; the "
                                            "program never writes through it: remove it, or put "
                                            "the real folder or file in its place", target=target))
        else:
            ctx.findings.warning(link, phrase("a link to {target} (inside the share); the program "
                                              "never writes through links: replace it by the real "
                                              "folder or file", target=target))
