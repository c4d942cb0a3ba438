"""Where the tests find the repository's own files (no import of the tool: tests/core uses
it too)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "access"
