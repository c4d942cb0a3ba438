"""Test helpers: run the real CLI in-process and read its JSON output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from reconciler.cli import cli

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "access"


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    """Run `rvsq-access ARGS` in-process, as a user would from a shell."""
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=True)


def run_json(*args: str) -> tuple[int, dict[str, Any]]:
    result = run(*args, "--format", "json")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, json.loads(result.stdout)
