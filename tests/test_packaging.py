"""What an installed copy holds: setuptools ships only the packages pyproject.toml lists."""

from __future__ import annotations

import tomllib
from pathlib import Path

import reconciler

PACKAGE = Path(reconciler.__file__).parent


def test_every_package_of_the_source_is_shipped() -> None:
    """A subpackage missing from the list works in development (an editable install) and
    breaks once installed."""
    pyproject = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(pyproject["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(PACKAGE.parent).parts)
             for init in PACKAGE.rglob("__init__.py")}
    assert found <= listed, found - listed
