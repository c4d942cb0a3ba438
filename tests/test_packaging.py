"""What an installed copy holds: setuptools ships only the packages pyproject.toml lists."""

from __future__ import annotations

import tomllib

from paths import REPO


def test_every_package_of_the_source_is_shipped() -> None:
    """A subpackage missing from the list works in development (an editable install) and
    breaks once installed."""
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(pyproject["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(REPO).parts)
             for init in (REPO / "reconciler").rglob("__init__.py")}
    assert found <= listed, found - listed
