"""`backup` and `restore` on real shares: what the zip holds, and when restore refuses."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from packing_tool import __version__
from packing_tool.cli import main
from packing_tool.simulate import simulate
from packing_tool.storage.layout import ShareLayout
from shared import fileio
from shared.stats_manager import StatsManager

ENTRY_POINT = Path(sys.executable).with_name("packing-tool")
SESSION = "2026-11-21_1"
WORK = f"Sessions/CLIENT_M/{SESSION}/packing"
SUMMARY = f"{WORK}/DHL_Orders/session_summary.json"
JOURNAL = f"{WORK}/DHL_Orders/scan_journal.jsonl"
STATS = "Stats/global_stats.json"


def _packed(root: Path) -> Path:
    """The fixture share with one ended list, one paused list holding a lock, a barcode map."""
    simulate(root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    simulate(root, "M", SESSION, "DPD_Orders", "Boris")
    fileio.atomic_write_json(root / WORK / "DPD_Orders" / ".session.lock", {"locked_by": "PC9"})
    fileio.atomic_write_json(ShareLayout(root).packer_config("M"),
                             {"sku_mapping": {"4006381333931": "MC-MSK-502-01"}})
    return root


def _backup(root: Path, out: Path, *extra: str) -> int:
    return main(["--root", str(root), "backup", "--output", str(out), *extra])


def _restore(root: Path, archive: Path, *extra: str) -> int:
    return main(["--root", str(root), "restore", str(archive), *extra])


def _manifest(archive: Path) -> dict[str, object]:
    with zipfile.ZipFile(archive) as zf:
        return json.loads(zf.read("manifest.json"))  # type: ignore[no-any-return]


def test_backup_holds_the_metadata_and_a_manifest_whose_hashes_match(
        share_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _packed(share_root)
    out = tmp_path / "b.zip"
    assert _backup(root, out, "--json") == 0
    printed = json.loads(capsys.readouterr().out)
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
        for entry in manifest["files"]:
            data = zf.read(entry["path"])
            assert hashlib.sha256(data).hexdigest() == entry["sha256"]
            assert len(data) == entry["size"]
            assert (root / entry["path"]).read_bytes() == data  # nothing changed since
    expected = {STATS, "Workers/workers.json", "Clients/CLIENT_M/packer_config.json",
                "Sessions/CLIENT_M/packing_index.json", f"Sessions/CLIENT_M/{SESSION}/"
                "session_info.json", f"Sessions/CLIENT_B/{SESSION}/session_info.json", SUMMARY,
                JOURNAL, f"{WORK}/DHL_Orders/packing_state.json",
                f"{WORK}/DHL_Orders/lock_history.jsonl", f"{WORK}/DPD_Orders/scan_journal.jsonl",
                "manifest.json"}
    assert expected <= names
    assert (root / WORK / "DHL_Orders" / "reports" / "packing_completed.xlsx").is_file()
    assert not any("reports/" in n or n.endswith((".session.lock", ".guard", ".bak"))
                   or "packing_lists" in n or "/analysis/" in n for n in names)
    assert manifest["tool_version"] == __version__
    assert manifest["source_root"] == str(root)
    assert {e["path"] for e in manifest["files"]} == names - {"manifest.json"}
    assert printed["files"] == len(names) - 1
    assert printed["barcode_maps"] == 1
    assert printed["work_folders"] == 2
    assert printed["path"] == str(out.resolve())


def test_backup_refuses_to_overwrite_without_force(
        share_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "b.zip"
    out.write_bytes(b"keep me")
    assert _backup(share_root, out) == 2
    assert str(out) in capsys.readouterr().err
    assert out.read_bytes() == b"keep me"
    assert _backup(share_root, out, "--force") == 0
    assert zipfile.is_zipfile(out)


def test_backup_default_name_is_dated_in_the_current_folder(
        share_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--root", str(share_root), "backup"]) == 0
    made = list(tmp_path.glob("packing-tool-backup-*.zip"))
    assert len(made) == 1
    assert len(made[0].stem) == len("packing-tool-backup-20261121-101500")


def test_restore_refuses_newer_stats_until_forced_and_keeps_originals_aside(
        share_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _packed(share_root)
    out = tmp_path / "b.zip"
    assert _backup(root, out) == 0
    summary = (root / SUMMARY).read_bytes()
    stats_then = json.loads((root / STATS).read_bytes())
    StatsManager(root).record_packing(client_id="M", session_id="later", worker_id="w9",
                                      orders_count=3, items_count=7)
    stats_now = (root / STATS).read_bytes()
    (root / SUMMARY).unlink()
    capsys.readouterr()

    assert _restore(root, out, "--yes") == 1
    text = capsys.readouterr().out
    assert "NEWER    Stats/global_stats.json" in text
    assert "nothing was written" in text
    assert not (root / SUMMARY).exists()
    assert (root / STATS).read_bytes() == stats_now

    assert _restore(root, out, "--yes", "--force", "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert (root / SUMMARY).read_bytes() == summary
    assert json.loads((root / STATS).read_bytes()) == stats_then
    kept = list((root / "Stats").glob("global_stats.json.before-restore-*"))
    assert len(kept) == 1
    assert kept[0].read_bytes() == stats_now
    assert [r["path"] for r in result["restored"]] == [SUMMARY]
    assert result["replaced"] == [{"path": STATS, "kept_at": str(kept[0])}]

    assert _restore(root, out, "--yes") == 0  # everything matches now
    assert "Nothing to restore" in capsys.readouterr().out


def test_restore_replaces_an_older_file_and_refuses_a_newer_one(
        share_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _packed(share_root)
    out = tmp_path / "b.zip"
    assert _backup(root, out) == 0
    journal = root / JOURNAL
    original = journal.read_bytes()
    journal.write_bytes(b"older\n")
    os.utime(journal, (1_000_000_000, 1_000_000_000))  # 2001: older than the backup
    assert _restore(root, out, "--yes") == 0
    assert journal.read_bytes() == original
    assert [p.read_bytes() for p in journal.parent.glob("scan_journal.jsonl.before-restore-*")
            ] == [b"older\n"]

    journal.write_bytes(b"newer\n")  # written now: after the backup
    capsys.readouterr()
    assert _restore(root, out, "--yes") == 1
    assert f"NEWER    {JOURNAL}" in capsys.readouterr().out
    assert journal.read_bytes() == b"newer\n"


def test_restore_into_an_empty_root(share_root: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    root = _packed(share_root)
    out = tmp_path / "b.zip"
    assert _backup(root, out) == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _restore(empty, out, "--dry-run") == 0
    assert list(empty.iterdir()) == []
    assert _restore(empty, out, "--yes") == 0
    for entry in _manifest(out)["files"]:  # type: ignore[union-attr]
        path = str(entry["path"])  # type: ignore[index]
        if path.endswith(".json"):
            assert json.loads((empty / path).read_bytes()) == json.loads((root / path).read_bytes())
        else:
            assert (empty / path).read_bytes() == (root / path).read_bytes()
    assert StatsManager(empty).get_global_stats()["total_orders_packed"] == 5
    capsys.readouterr()
    assert _restore(empty, out, "--yes") == 0
    assert "Nothing to restore" in capsys.readouterr().out


def test_restore_refuses_a_tampered_zip_and_a_file_that_is_no_zip(
        share_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _packed(share_root)
    good, bad = tmp_path / "good.zip", tmp_path / "tampered.zip"
    assert _backup(root, good) == 0
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            dst.writestr(name, data.replace(b'"Anna"', b'"Eve!"') if name == SUMMARY else data)
    (root / SUMMARY).unlink()
    capsys.readouterr()
    assert _restore(root, bad, "--yes") == 2
    err = capsys.readouterr().err
    assert str(bad) in err
    assert SUMMARY in err
    assert "sha256" in err
    assert not (root / SUMMARY).exists()

    text = tmp_path / "notes.zip"
    text.write_text("not a zip")
    assert _restore(root, text, "--yes") == 2
    assert str(text) in capsys.readouterr().err

    foreign = tmp_path / "foreign.zip"
    with zipfile.ZipFile(foreign, "w") as zf:
        zf.writestr("hello.txt", "hi")
    assert _restore(root, foreign, "--yes") == 2
    assert "not a Packing Tool backup" in capsys.readouterr().err


@pytest.mark.parametrize("evil", ["../evil.json", "Stats/../../evil.json", "/tmp/evil.json",
                                  "Sessions/CLIENT_M/../../../evil.json", "Logs/evil.json"])
def test_restore_refuses_paths_outside_the_metadata(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], evil: str) -> None:
    root = tmp_path / "root"
    root.mkdir()
    data = b'{"x": 1}'
    manifest = {"format": "packing-tool-backup", "format_version": 1, "files": [
        {"path": evil, "size": len(data), "sha256": hashlib.sha256(data).hexdigest(),
         "mtime": "2026-01-01T00:00:00+00:00"}]}
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(evil, data)
        zf.writestr("manifest.json", json.dumps(manifest))
    assert _restore(root, archive, "--yes", "--force") == 2
    err = capsys.readouterr().err
    assert repr(evil) in err
    assert "refused" in err
    assert list(root.iterdir()) == []
    assert not (tmp_path / "evil.json").exists()


def test_restore_on_a_missing_root_exits_2(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere"
    assert _restore(missing, tmp_path / "b.zip", "--yes") == 2
    assert str(missing) in capsys.readouterr().err
    assert not missing.exists()
    assert main(["--root", str(missing), "backup", "--output", str(tmp_path / "b.zip")]) == 2


def test_backup_and_restore_through_real_processes(share_root: Path, tmp_path: Path) -> None:
    root = _packed(share_root)
    out = tmp_path / "b.zip"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(ENTRY_POINT), "--root", str(root), *args],
                              capture_output=True, text=True, timeout=120, check=False)

    made = run("backup", "--output", str(out), "--json")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["files"] == len(_manifest(out)["files"])  # type: ignore[arg-type]
    assert "backup: files:" in made.stderr
    summary = (root / SUMMARY).read_bytes()
    (root / SUMMARY).unlink()
    back = run("restore", str(out), "--yes", "--json")
    assert back.returncode == 0, back.stderr
    assert json.loads(back.stdout)["restored"] == [{"path": SUMMARY}]
    assert (root / SUMMARY).read_bytes() == summary


def test_restore_reports_a_shared_file_that_is_not_json_and_restores_the_rest(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "root"
    root.mkdir()
    files = {STATS: b"[1, 2]", SUMMARY: b'{"version": "1.3.0"}'}
    manifest = {"format": "packing-tool-backup", "format_version": 1, "files": [
        {"path": p, "size": len(d), "sha256": hashlib.sha256(d).hexdigest(),
         "mtime": "2026-01-01T00:00:00+00:00"} for p, d in files.items()]}
    archive = tmp_path / "odd.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path, data in files.items():
            zf.writestr(path, data)
        zf.writestr("manifest.json", json.dumps(manifest))
    assert _restore(root, archive, "--yes") == 1
    out = capsys.readouterr().out
    assert f"cannot   {STATS}  (the archive's copy is not a JSON object)" in out
    assert not (root / STATS).exists()
    assert (root / SUMMARY).read_bytes() == files[SUMMARY]


def test_the_order_ledger_is_backed_up(tmp_path: Path) -> None:
    from packing_tool.admin.backup_files import share_files
    from packing_tool.simulate import simulate
    from packing_tool.storage.generated import write_generated_session

    root = tmp_path / "server"
    write_generated_session(root, "M", "2026-11-21_1", "Courier", 4, seed=3)
    simulate(root, "M", "2026-11-21_1", "Courier", "Иван Петров", complete=True)
    held = {f.rel for f in share_files(root)}
    ledger = {r for r in held if "/order_ledger/orders/" in r}
    assert len(ledger) == 4
    assert not any(r.endswith(".guard") for r in held)
