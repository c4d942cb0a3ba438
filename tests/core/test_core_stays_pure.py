"""tests/core tests the functional core as it is: no command line, no state store, no mail.
The CLI and integration tests are the rest of tests/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE_TESTS = sorted(Path(__file__).parent.glob("*.py"))
# The imperative shell, and the test helpers that drive it.
SHELL = ("reconciler.cli", "reconciler.commands", "reconciler.store", "reconciler.applying",
         "helpers", "conftest", "smtp_server")


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("path", CORE_TESTS, ids=lambda path: path.name)
def test_a_core_test_imports_nothing_of_the_shell(path: Path) -> None:
    shell = sorted(name for name in imported(path)
                   if any(name == s or name.startswith(f"{s}.") for s in SHELL))
    assert shell == []
