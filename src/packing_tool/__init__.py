"""Packing Tool: the packing-station application."""

__version__ = "0.1.0"
