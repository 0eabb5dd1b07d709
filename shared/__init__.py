"""Modules shared, file for file, by Packing Tool and the Shopify Fulfillment Tool.

Standard library and portalocker only: copy this folder into either tool unchanged.
"""

from shared.stats_manager import FileLockError, StatsManager, StatsManagerError

__version__ = "2.0.0"
__all__ = ["FileLockError", "StatsManager", "StatsManagerError"]
