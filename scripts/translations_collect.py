"""Second step of scripts/translations: the texts lupdate cannot see, and the vanished ones.

Modules of the window often define a module-level helper

    def _tr(text: str) -> str:
        return QCoreApplication.translate("SomeContext", text)   # or a CONTEXT constant

and call ``_tr("Some words")``. lupdate does not know which context such a helper uses, so it
leaves these texts out. This step finds them (Python's own parser: each ``_tr("literal")`` call
in a module whose ``_tr`` names one context), adds the missing ones to the catalogue as
unfinished, keeps their translations when lupdate marked them vanished, and drops what is
vanished for good.

    python scripts/translations_collect.py TS_FILE SOURCE_FILE...
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

GONE = ("vanished", "obsolete")
WORD_MODULES = ("packing_tool.admin.words", "packing_tool.domain.phrase")


def _context_of_helper(tree: ast.Module) -> str | None:
    """The context ``_tr`` passes to QCoreApplication.translate, when it is a constant."""
    constants = {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign)
                 for t in n.targets if isinstance(t, ast.Name)
                 and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "_tr":
            for call in ast.walk(node):
                if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                        and call.func.attr == "translate" and call.args):
                    first = call.args[0]
                    if isinstance(first, ast.Constant) and isinstance(first.value, str):
                        return first.value
                    if isinstance(first, ast.Name):
                        return constants.get(first.id)
    return None


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def command_texts(tree: ast.Module) -> set[tuple[str, str]]:
    """The command line's texts (packing_tool.admin.words, context "cli"): the literals of
    ``say("…")``, ``phrase("…")``, ``counted(n, "…", "…")`` and ``tr("context", "…")``; and
    the ``phrase("…")`` of modules using packing_tool.domain.phrase (the storage's errors)."""
    if not any(isinstance(n, ast.ImportFrom) and n.module in WORD_MODULES
               for n in ast.walk(tree)):
        return set()
    constants = {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign)
                 for t in n.targets if isinstance(t, ast.Name) and _literal(n.value)}
    found: set[tuple[str, str]] = set()
    for call in ast.walk(tree):
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.args):
            continue
        texts = {"say": call.args[:1], "phrase": call.args[:1],
                 "counted": call.args[1:3]}.get(call.func.id, [])
        found |= {("cli", t) for t in (_literal(a) or (constants.get(a.id) if isinstance(
            a, ast.Name) else None) for a in texts) if t}
        if call.func.id == "tr" and len(call.args) == 2:
            context, text = _literal(call.args[0]), _literal(call.args[1])
            if context and text:
                found.add((context, text))
    return found


def helper_texts(path: Path) -> set[tuple[str, str]]:
    """(context, text) of every ``_tr("literal")`` call in ``path``, and the command line's."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    commands = command_texts(tree)
    if commands:
        return commands
    context = _context_of_helper(tree)
    if context is None:
        return set()
    return {(context, call.args[0].value) for call in ast.walk(tree)
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
            and call.func.id == "_tr" and call.args
            and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)}


def _context(root: ET.Element, name: str) -> ET.Element:
    for ctx in root.iter("context"):
        if ctx.findtext("name") == name:
            return ctx
    ctx = ET.SubElement(root, "context")
    ET.SubElement(ctx, "name").text = name
    return ctx


def collect(ts: Path, sources: list[Path]) -> int:
    """Bring ``ts`` up to date with the helper texts; returns how many were added."""
    wanted = set().union(*(helper_texts(p) for p in sources))
    tree = ET.parse(ts)
    root = tree.getroot()
    seen: set[tuple[str, str]] = set()
    for ctx in list(root.iter("context")):
        name = ctx.findtext("name") or ""
        for message in list(ctx.iter("message")):
            key = (name, message.findtext("source") or "")
            translation = message.find("translation")
            if translation is None or translation.get("type") not in GONE:
                seen.add(key)
                continue
            if key in wanted and key not in seen:  # lupdate did not see it; it is still used
                if translation.text:
                    del translation.attrib["type"]
                else:
                    translation.set("type", "unfinished")
                seen.add(key)
            else:
                ctx.remove(message)
        if not ctx.findall("message"):
            root.remove(ctx)
    added = 0
    for name, text in sorted(wanted - seen):
        message = ET.SubElement(_context(root, name), "message")
        ET.SubElement(message, "source").text = text
        ET.SubElement(message, "translation", type="unfinished")
        added += 1
    contexts = sorted(root.findall("context"), key=lambda c: c.findtext("name") or "")
    for ctx in contexts:
        root.remove(ctx)
        root.append(ctx)
    ET.indent(tree, space="    ")
    with ts.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    return added


if __name__ == "__main__":
    count = collect(Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]])
    print(f"translations: {count} text(s) of _tr() helpers not seen by lupdate, kept")
