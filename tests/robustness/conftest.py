"""Fixtures of the robustness suite (the helpers live in robust_helpers.py)."""

from robust_helpers import cli, opened

__all__ = ["cli", "opened"]
