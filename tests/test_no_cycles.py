"""The command line runs without the cyclic garbage collector (cli.main): checking and
planning a hundred thousand users must leave no reference cycles behind, or memory would
grow with every user."""

from __future__ import annotations

import datetime as dt
import gc
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import EXAMPLE

from reconciler import pipeline
from reconciler.catalog import Messages
from reconciler.checking.cache import ParseCache
from reconciler.planning.planner import make_plan
from reconciler.records import EMPTY
from reconciler.render import plan_text

USERS = 300


@pytest.fixture
def access(tmp_path: Path) -> Path:
    """The example, with one more establishment of USERS users."""
    shutil.copytree(EXAMPLE, tmp_path / "access")
    lines = ["version: 1", "establishment:", "  id: gmf-many", "  name: GMF Many",
             '  region: "06"', "  type: gmf", "representative:", "  name: Rep Many",
             "  email: rep@many.example", "users:"]
    for i in range(USERS):
        lines += [f"  - email: user{i}@many.example", "    title: madame",
                  f"    first_name: Émilie{i}", "    last_name: Côté",
                  "    profile: personnel-administratif",
                  "    services: [rvsq, rvsq-reorientation-clinique]",
                  f"    reviewed: 2026-0{1 + i % 9}-15"]
    (tmp_path / "access" / "06" / "gmf-many.yaml").write_text("\n".join(lines) + "\n",
                                                               encoding="utf-8")
    return tmp_path / "access"


@pytest.fixture
def no_collector() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _cycles_left(access: Path, cache: ParseCache | None) -> int:
    """Validate, plan and render; then how many objects only the collector could free."""
    messages, today = Messages("en"), dt.date(2026, 11, 26)
    validation = pipeline.validate([access], today=today, cache=cache)
    assert not validation.errors
    plan = make_plan(validation.files, EMPTY, today=today, now="2026-11-26T00:00:00Z",
                     config_digest=validation.digest, paths=("access",)).plan
    "\n".join(plan_text.lines(plan, {}, messages, color=False))
    return gc.collect()


@pytest.mark.usefixtures("no_collector")
def test_validating_and_planning_leave_no_cycles_per_user(access: Path, tmp_path: Path
                                                          ) -> None:
    """A few cycles per run are fine (the policy's own lists make some); none per user."""
    many = access / "06" / "gmf-many.yaml"
    text = many.read_text(encoding="utf-8")
    _cycles_left(access, None)  # the first run imports and compiles
    for run in ("no cache", "cache filled", "cache read"):
        cache = None if run == "no cache" else ParseCache(tmp_path / "cache")
        many.write_text(text, encoding="utf-8")
        with_many = _cycles_left(access, cache)
        many.unlink()
        without = _cycles_left(access, cache)
        assert with_many == without, run
