"""Shared fixtures."""

from __future__ import annotations

import pytest
from helpers import EXAMPLE


@pytest.fixture
def valid_file_text() -> str:
    return (EXAMPLE / "06" / "gmf-hill-valley.yaml").read_text(encoding="utf-8")
