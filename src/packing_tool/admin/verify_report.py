"""What `verify` found: findings (severity, file, one line), the repairs they allow, the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from packing_tool.admin.words import counted, phrase, say, shown

ERROR, WARNING, NOTICE = "error", "warning", "notice"
SEVERITIES = (ERROR, WARNING, NOTICE)
MAX_PER_FILE = 12  # one broken file must not bury the rest of the report
SEVERITY_WORDS = {ERROR: lambda: say("error"), WARNING: lambda: say("warning"),
                  NOTICE: lambda: say("notice")}  # the report's words; --json keeps the keys


@dataclass(frozen=True)
class Repair:
    """A safe fix `verify --repair` may make; ``target`` is a file or a list's work folder."""

    kind: str  # one of verify_repair.ORDER
    target: Path
    client: str = ""  # bare client id, for the session index

    def describe(self, root: Path) -> str:
        where = relative(root, self.target)
        texts = {
            "finish_ending": phrase("finish the interrupted ending of {where}", where=where),
            "remove_lock": phrase("remove the stale lock {where}", where=where),
            "regenerate_state": phrase("rewrite {where} from the list's scan journal",
                                       where=where),
            "repair_journal": phrase("repair the scan journal of {where} from this PC's copy, "
                                     "or keep the lines before the damage (the file kept aside)",
                                     where=where),
            "rebuild_index": phrase("rebuild {where} from the session folders", where=where),
            "delete_temp": phrase("delete the leftover temp file {where}", where=where),
            "restore_shared": phrase("restore {where} from its .bak sidecar (under its lock)",
                                     where=where),
            "normalise_shared": phrase("let the file's own normaliser repair {where} "
                                       "(under its lock)", where=where),
            "release_claim": phrase("release the dead station's claim {where} "
                                    "(kept aside, audited)", where=where),
            "rebuild_record": phrase("keep the damaged ledger record {where} aside and rebuild "
                                     "it from the summaries", where=where),
            "backfill_ledger": phrase("backfill the order ledger {where} from the session "
                                      "summaries (create only)", where=where),
        }
        return texts.get(self.kind, f"{self.kind} {where}")


@dataclass(frozen=True)
class Finding:
    severity: str
    path: Path
    message: str
    repair: Repair | None = None


@dataclass
class Findings:
    """Collects findings while the share is walked, and counts the files read."""

    items: list[Finding] = field(default_factory=list)
    checked: int = 0
    _per_file: dict[Path, int] = field(default_factory=dict)

    def add(self, severity: str, path: Path, message: str, repair: Repair | None = None) -> None:
        seen = self._per_file.get(path, 0)
        self._per_file[path] = seen + 1
        if seen < MAX_PER_FILE:
            self.items.append(Finding(severity, path, message, repair))
        elif seen == MAX_PER_FILE:
            self.items.append(Finding(severity, path,
                                      phrase("more problems in this file not shown")))

    def error(self, path: Path, message: str, repair: Repair | None = None) -> None:
        self.add(ERROR, path, message, repair)

    def warning(self, path: Path, message: str, repair: Repair | None = None) -> None:
        self.add(WARNING, path, message, repair)

    def notice(self, path: Path, message: str, repair: Repair | None = None) -> None:
        self.add(NOTICE, path, message, repair)

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for f in self.items if f.severity == s) for s in SEVERITIES}

    def repairs(self) -> list[Repair]:
        """Each distinct repair once, in the order found."""
        return list(dict.fromkeys(f.repair for f in self.items if f.repair is not None))


def relative(root: Path, path: Path) -> str:
    """``path`` as shown in reports: relative to the share root, with ``/``."""
    try:
        return path.relative_to(root).as_posix() or "."
    except ValueError:
        return str(path)


def summary_line(findings: Findings) -> str:
    counts = findings.counts()
    return say("{files} checked: {errors}, {warnings}, {notices}",
               files=counted(findings.checked, "{n} file", "{n} files"),
               errors=counted(counts[ERROR], "{n} error", "{n} errors"),
               warnings=counted(counts[WARNING], "{n} warning", "{n} warnings"),
               notices=counted(counts[NOTICE], "{n} notice", "{n} notices"))


def render(root: Path, findings: Findings) -> list[str]:
    """The report: findings grouped by file (files in the order found), then the counts."""
    groups: dict[Path, list[Finding]] = {}
    for finding in findings.items:
        groups.setdefault(finding.path, []).append(finding)
    lines: list[str] = []
    for path, found in groups.items():
        lines.append(relative(root, path))
        for finding in sorted(found, key=lambda f: SEVERITIES.index(f.severity)):
            mark = " " + say("[repairable]") if finding.repair is not None else ""
            lines.append(f"  {SEVERITY_WORDS[finding.severity]():<8} {shown(finding.message)}"
                         f"{mark}")
    if lines:
        lines.append("")
    lines.append(summary_line(findings))
    return lines


def as_json(root: Path, findings: Findings) -> dict[str, Any]:
    return {
        "root": str(root),
        "checked_files": findings.checked,
        "counts": findings.counts(),
        "findings": [
            {"severity": f.severity, "path": relative(root, f.path), "message": f.message,
             "repair": None if f.repair is None else f.repair.describe(root)}
            for f in findings.items
        ],
    }
