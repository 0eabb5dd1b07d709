"""The words that used to bypass the catalogue (migrate's reasons, the order ledger walk of
`verify`, `sessions --status`) come in the station's language: Bulgarian naming the file on a
Bulgarian station, the same English as before on an English one. Real `packing-tool`
processes on a packed demo share (`demo`, then `simulate --complete`)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.test_cli_language import CYRILLIC, cli, home

SUMMARY = Path("Sessions/CLIENT_M/2026-11-21_1/packing/DHL_Orders/session_summary.json")
ORDERS = Path("Sessions/CLIENT_M/order_ledger/orders")


@pytest.fixture(scope="module")
def packed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo share whose DHL list is packed and ended: a summary and ledger records."""
    root = tmp_path_factory.mktemp("cli-admin") / "share"
    env = home(tmp_path_factory.mktemp("packed-home"), "en")
    assert cli(env, "demo", str(root)).returncode == 0
    run = cli(env, "--root", str(root), "simulate", "--client", "M", "--session",
              "2026-11-21_1", "--list", "DHL_Orders", "--worker", "Ivan", "--complete")
    assert run.returncode == 0, run.stderr
    assert (root / SUMMARY).is_file()
    return root


def _copy(packed: Path, tmp_path: Path) -> Path:
    root = tmp_path / "share"
    shutil.copytree(packed, root)
    return root


def _unknown_version(root: Path) -> Path:
    summary = root / SUMMARY
    doc = json.loads(summary.read_text(encoding="utf-8"))
    summary.write_text(json.dumps({**doc, "version": "banana"}), encoding="utf-8")
    return summary


def _misplaced_record(root: Path) -> tuple[Path, Path]:
    """One order's ledger record copied over another's file: (the wrong file, the right one)."""
    records = sorted((root / ORDERS).glob("*/*.json"))
    assert len(records) >= 2, records
    right, wrong = records[0], records[1]
    wrong.write_bytes(right.read_bytes())
    return wrong, right


@pytest.mark.parametrize("language", ["bg", "en"])
def test_migrate_tells_an_unknown_version(packed: Path, tmp_path: Path, language: str) -> None:
    root = _copy(packed, tmp_path)
    _unknown_version(root)
    run = cli(home(tmp_path, language), "--root", str(root), "migrate", "--dry-run")
    out = run.stdout + run.stderr
    assert f"{SUMMARY.as_posix()}: " in out, out
    if language == "bg":
        assert "непозната версия 'banana'; оставен е както е" in out, out
        assert "unknown version" not in out, out
        assert "left as it is" not in out, out
    else:
        assert "unknown version 'banana'; left as it is" in out, out
        assert not CYRILLIC.search(out), out


@pytest.mark.parametrize("language", ["bg", "en"])
def test_verify_tells_a_record_in_another_orders_file(packed: Path, tmp_path: Path,
                                                      language: str) -> None:
    root = _copy(packed, tmp_path)
    wrong, right = _misplaced_record(root)
    run = cli(home(tmp_path, language), "--root", str(root), "verify")
    out = run.stdout + run.stderr
    assert run.returncode != 0, out
    assert wrong.relative_to(root).as_posix() in out, out
    assert right.relative_to(root).as_posix() in out, out
    if language == "bg":
        assert "чийто запис е" in out, out
        assert "whose record is" not in out, out
    else:
        assert "whose record is" in out, out
        assert not CYRILLIC.search(out), out


def test_verify_json_keeps_the_english_words(packed: Path, tmp_path: Path) -> None:
    root = _copy(packed, tmp_path)
    _misplaced_record(root)
    run = cli(home(tmp_path, "bg"), "--root", str(root), "verify", "--json")
    assert "whose record is" in run.stdout, run.stdout
    assert not CYRILLIC.search(run.stdout), run.stdout


@pytest.mark.parametrize("language", ["bg", "en"])
def test_sessions_tells_an_unknown_status(packed: Path, tmp_path: Path, language: str) -> None:
    run = cli(home(tmp_path, language), "--root", str(packed), "sessions", "list", "--status",
              "bogus")
    assert run.returncode == 2
    if language == "bg":
        assert "--status 'bogus' не е нито едно от: in_progress (Active)" in run.stderr, (
            run.stderr)
    else:
        assert "--status 'bogus' is not one of in_progress (Active)" in run.stderr, run.stderr
