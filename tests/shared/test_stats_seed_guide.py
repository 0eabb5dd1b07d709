"""Every example of the StatsManager integration guide (seed 000), run as written."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from shared.stats_manager import StatsManager, StatsManagerError

logger = logging.getLogger("ShopifyToolLogger")


@pytest.fixture
def temp_stats_dir(tmp_path: Path) -> Path:
    return tmp_path / "Stats"


def test_shopify_tool_example(tmp_path: Path) -> None:
    class ProfileManager:
        def get_stats_path(self) -> str:
            return str(tmp_path / "server" / "Stats")

    profile_manager = ProfileManager()
    stats_manager = StatsManager(profile_manager.get_stats_path())

    success = stats_manager.record_analysis(
        client_id="M",
        session_id="2025-11-04_1",
        orders_count=100,
        fulfillable_count=95,
        metadata={
            "session_path": "/path/to/session",
            "computer": "WAREHOUSE-PC-01",
        },
    )
    assert success is True
    assert (tmp_path / "server" / "Stats" / "global_stats.json").is_file()
    [record] = stats_manager.get_analysis_history()
    assert record["metadata"] == {"session_path": "/path/to/session", "computer": "WAREHOUSE-PC-01"}
    assert record["fulfillable_count"] == 95


class _PackingSession:
    """The guide's step 3, pasted into a class as a packer would."""

    def __init__(self, base_path: Path) -> None:
        self.base_path = base_path

    def get_session_duration(self) -> float:
        return 42.5

    def complete_packing_session(
        self, session_path: str, orders_packed: int, worker_id: str
    ) -> None:
        try:
            session_path_obj = Path(session_path)
            session_id = session_path_obj.name  # "2025-11-04_1"
            client_id = session_path_obj.parent.name.replace("CLIENT_", "")  # "M"

            stats_dir = Path(self.base_path) / "Stats"
            stats_manager = StatsManager(stats_dir)

            metadata = {
                "session_path": str(session_path),
                "computer": os.environ.get("COMPUTERNAME", "Unknown"),
                "duration_minutes": self.get_session_duration(),
            }

            success = stats_manager.record_packing(
                client_id=client_id,
                session_id=session_id,
                orders_packed=orders_packed,
                worker_id=worker_id,
                metadata=metadata,
            )

            if success:
                logger.info(f"Statistics recorded: {orders_packed} orders packed by {worker_id}")
            else:
                logger.warning("Failed to record packing statistics")

        except StatsManagerError as e:
            logger.error(f"Stats manager error: {e}")
        except Exception as e:
            logger.error(f"Unexpected error recording statistics: {e}", exc_info=True)

    def on_complete_session_clicked(self, session_path: str) -> None:
        self.complete_packing_session(session_path=session_path, orders_packed=95,
                                      worker_id="001")


def test_packing_tool_step_by_step_example(tmp_path: Path) -> None:
    session = _PackingSession(tmp_path)
    session.on_complete_session_clicked(str(tmp_path / "Sessions" / "CLIENT_M" / "2025-11-04_1"))
    stats = StatsManager(tmp_path / "Stats")
    assert stats.get_global_stats()["total_orders_packed"] == 95
    [record] = stats.get_packing_history()
    assert record["client_id"] == "M"
    assert record["session_id"] == "2025-11-04_1"
    assert record["metadata"]["duration_minutes"] == 42.5


def test_record_packing_integration(temp_stats_dir: Path) -> None:
    """Test that packing statistics are recorded correctly."""
    stats_manager = StatsManager(temp_stats_dir)

    success = stats_manager.record_packing(
        client_id="M",
        session_id="2025-11-04_1",
        orders_packed=95,
        worker_id="001",
    )

    assert success is True

    stats = stats_manager.get_global_stats()
    assert stats["total_orders_packed"] == 95
    assert stats["by_client"]["M"]["orders_packed"] == 95

    history = stats_manager.get_packing_history()
    assert len(history) == 1
    assert history[0]["worker_id"] == "001"


def test_api_reference_examples(temp_stats_dir: Path) -> None:
    stats_manager = StatsManager(temp_stats_dir)
    success = stats_manager.record_analysis(
        client_id="M",
        session_id="2025-11-04_1",
        orders_count=100,
        fulfillable_count=95,
        metadata={"session_path": "/path/to/session"},
    )
    assert success is True
    success = stats_manager.record_packing(
        client_id="M",
        session_id="2025-11-04_1",
        orders_packed=95,
        worker_id="001",
        metadata={"session_path": "/path/to/session"},
    )
    assert success is True
    stats = stats_manager.get_global_stats()
    assert (stats["total_orders_analyzed"], stats["total_orders_packed"]) == (100, 95)
    assert stats["total_sessions"] == 1
    client_stats = stats_manager.get_client_stats("M")
    assert client_stats["orders_analyzed"] == 100
    assert client_stats["orders_packed"] == 95
    assert client_stats["sessions"] == 1
    history = stats_manager.get_analysis_history(client_id="M", limit=10)
    assert [h["session_id"] for h in history] == ["2025-11-04_1"]
    history = stats_manager.get_packing_history(client_id="M", limit=10)
    assert history[0]["orders_count"] == 95


def test_error_handling_example(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the share should be")
    stats_dir = blocker / "Stats"
    caught = []
    try:
        StatsManager(stats_dir)
    except StatsManagerError as e:
        logger.error(f"Cannot access stats directory: {e}")
        caught.append(str(e))
    assert caught
    assert str(stats_dir) in caught[0]


def test_troubleshooting_debug_steps(tmp_path: Path) -> None:
    stats_dir = tmp_path / "server" / "Stats"
    StatsManager(stats_dir)
    assert stats_dir.exists()
    assert os.access(stats_dir, os.W_OK)
    logging.getLogger("ShopifyToolLogger").setLevel(logging.DEBUG)


def test_complete_workflow_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stats_dir = tmp_path / "Stats"
    shopify_stats = StatsManager(stats_dir)
    shopify_stats.record_analysis(
        client_id="M",
        session_id="2025-11-04_1",
        orders_count=100,
        fulfillable_count=95,
    )

    packer_stats = StatsManager(stats_dir)
    packer_stats.record_packing(
        client_id="M",
        session_id="2025-11-04_1",
        orders_packed=95,
        worker_id="001",
    )

    stats = StatsManager(stats_dir).get_global_stats()
    print(f"Total analyzed: {stats['total_orders_analyzed']}")
    print(f"Total packed: {stats['total_orders_packed']}")
    print(f"Client M stats: {stats['by_client']['M']}")
    out = capsys.readouterr().out
    assert "Total analyzed: 100" in out
    assert "Total packed: 95" in out
    assert "'orders_packed': 95" in out
    assert "'sessions': 1" in out
